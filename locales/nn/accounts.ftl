# Logging in (accounts/login.rs), the users' admin pages (accounts/users.rs), the profile.

login-title = Logg inn
login-intro = Styring av IKT i kommunen: strategi, handlingsplan, system og risiko.
login-username = Brukarnamn eller e-post
login-password = Passord
login-submit = Logg inn
# Shown in the other language, as the link to it.
login-other-language = Vis på nynorsk
login-missing = Skriv inn brukarnamn eller e-post og passord.
login-wrong = Feil brukarnamn eller passord.
login-wrong-warning = Feil brukarnamn eller passord. Etter { $left } forsøk til blir innlogginga låst i { $minutes } minutt.
login-deactivated = Kontoen er deaktivert. Kontakt ein administrator i kommunen.
login-locked =
    { $minutes ->
        [one] For mange mislukka forsøk. Innlogginga er låst, prøv igjen om { $minutes } minutt.
       *[other] For mange mislukka forsøk. Innlogginga er låst, prøv igjen om { $minutes } minutt.
    }

user-username-taken = Brukarnamnet er allereie i bruk.
user-email-taken = E-postadressa er allereie i bruk.
user-username-length = Brukarnamnet må ha mellom 2 og 64 teikn.
user-username-chars = Brukarnamnet kan berre ha bokstavane a–z, siffer, punktum, bindestrek og understrek.
user-email-invalid = Skriv ei gyldig e-postadresse, til dømes namn@kommune.no.
user-name-required = Skriv namnet til personen.
user-name-too-long = Namnet kan ha høgst 200 teikn.
user-role-unknown = Ukjend rolle vald.
user-role-none = Vel minst éi rolle. Ein brukar utan rolle kan logge inn, men ikkje sjå noko.
password-too-short = Passordet må ha minst { $min } teikn.

user-name = Namn
user-username = Brukarnamn
user-email = E-post
user-roles = Roller
user-password-min = Passord (minst 10 teikn)
user-new-password-min = Nytt passord (minst 10 teikn)

users-title = Brukarar
users-new = Ny brukar
users-back = ← Alle brukarar
users-caption = Brukarar i { $municipality }
users-status = Status
users-last-login = Sist innlogga
users-active = Aktiv
users-inactive = Deaktivert
users-no-roles = Inga roller
users-never = Aldri
users-create = Opprett brukar
users-set-password-heading = Set nytt passord
users-set-password = Set passord
users-access-heading = Tilgang
users-is-active = Kontoen er aktiv. Ein deaktivert brukar kan ikkje logge inn, men historikken blir teken vare på.
users-is-inactive = Kontoen er deaktivert.
users-deactivate = Deaktiver brukaren
users-activate = Aktiver brukaren
users-history = Historikk for brukaren
users-created = Brukaren { $username } er oppretta.
users-saved = Endringane for { $username } er lagra.
users-keep-own-admin = Du kan ikkje fjerne administratorrolla frå deg sjølv.
users-password-not-set = Passordet vart ikkje endra: { $reason }
users-password-set = Nytt passord er sett for { $username }.
users-keep-own-access = Du kan ikkje deaktivere deg sjølv.
users-activated = { $username } er aktivert igjen.
users-deactivated = { $username } er deaktivert og kan ikkje lenger logge inn.

profile-title = Min profil
profile-details-heading = Namn, e-post og språk
profile-language = Språk
profile-language-hint = Språket du ser IKT-styring på. Det du og andre skriv, blir vist slik det vart skrive.
profile-language-follow = Som kommunen ({ $language })
profile-language-unknown = Vel bokmål, nynorsk eller det kommunen brukar.
profile-password-heading = Byt passord
profile-current-password = Noverande passord
profile-change-password = Byt passord
profile-password-wrong = Passordet stemmer ikkje. Skriv passordet du loggar inn med no.
profile-saved = Profilen er lagra.
profile-password-changed = Passordet er bytt.
profile-calendar-heading = Kalender
profile-calendar-intro = Fristane for statusrapportane til rådmannen kan visast i kalenderen din, til dømes i Outlook, frå ei løynleg adresse som berre du kjenner.
profile-calendar-url = Adressa til kalenderen din
profile-calendar-outlook = Slik legg du ho til i Outlook: kopier adressa, vel
# Outlook's own menu, which is in bokmål.
profile-calendar-outlook-path = «Legg til kalender» → «Fra Internett»
profile-calendar-outlook-end = og lim ho inn. Outlook hentar nye fristar sjølv.
profile-calendar-secret = Alle som har adressa, kan sjå fristane. Lag ei ny adresse dersom ho kan ha kome på avvegar; den gamle sluttar då å verke.
profile-calendar-none = Du har inga kalenderadresse enno.
profile-calendar-create = Lag kalenderadresse
profile-calendar-renew = Lag ny adresse (den gamle sluttar å verke)
profile-calendar-made = Kalenderadressa er laga. Legg ho til i kalenderen din.
profile-calendar-renewed = Du har fått ei ny kalenderadresse. Den gamle verkar ikkje lenger.
profile-calendar-feed = Kalenderadresse
