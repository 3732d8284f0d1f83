# Logging in (accounts/login.rs), the users' admin pages (accounts/users.rs), the profile.

login-title = Logg inn
login-intro = Styring av kommunens IKT: strategi, handlingsplan, systemer og risiko.
login-username = Brukernavn eller e-post
login-password = Passord
login-submit = Logg inn
# Shown in the other language, as the link to it.
login-other-language = Vis på bokmål
login-missing = Skriv inn brukernavn eller e-post og passord.
login-wrong = Feil brukernavn eller passord.
login-wrong-warning = Feil brukernavn eller passord. Etter { $left } forsøk til blir innloggingen låst i { $minutes } minutter.
login-deactivated = Kontoen er deaktivert. Kontakt en administrator i kommunen.
login-locked =
    { $minutes ->
        [one] For mange mislykkede forsøk. Innloggingen er låst, prøv igjen om { $minutes } minutt.
       *[other] For mange mislykkede forsøk. Innloggingen er låst, prøv igjen om { $minutes } minutter.
    }

user-username-taken = Brukernavnet er allerede i bruk.
user-email-taken = E-postadressen er allerede i bruk.
user-username-length = Brukernavnet må ha mellom 2 og 64 tegn.
user-username-chars = Brukernavnet kan bare ha bokstavene a–z, sifre, punktum, bindestrek og understrek.
user-email-invalid = Skriv en gyldig e-postadresse, for eksempel navn@kommune.no.
user-name-required = Skriv personens navn.
user-name-too-long = Navnet kan ha høyst 200 tegn.
user-role-unknown = Ukjent rolle valgt.
user-role-none = Velg minst én rolle. En bruker uten rolle kan logge inn, men ikke se noe.
password-too-short = Passordet må ha minst { $min } tegn.

user-name = Navn
user-username = Brukernavn
user-email = E-post
user-roles = Roller
user-password-min = Passord (minst 10 tegn)
user-new-password-min = Nytt passord (minst 10 tegn)

users-title = Brukere
users-new = Ny bruker
users-back = ← Alle brukere
users-caption = Brukere i { $municipality }
users-status = Status
users-last-login = Sist innlogget
users-active = Aktiv
users-inactive = Deaktivert
users-no-roles = Ingen roller
users-never = Aldri
users-create = Opprett bruker
users-set-password-heading = Sett nytt passord
users-set-password = Sett passord
users-access-heading = Tilgang
users-is-active = Kontoen er aktiv. En deaktivert bruker kan ikke logge inn, men historikken beholdes.
users-is-inactive = Kontoen er deaktivert.
users-deactivate = Deaktiver bruker
users-activate = Aktiver bruker
users-history = Historikk for brukeren
users-created = Brukeren { $username } er opprettet.
users-saved = Endringene for { $username } er lagret.
users-keep-own-admin = Du kan ikke fjerne administratorrollen fra deg selv.
users-password-not-set = Passordet ble ikke endret: { $reason }
users-password-set = Nytt passord er satt for { $username }.
users-keep-own-access = Du kan ikke deaktivere deg selv.
users-activated = { $username } er aktivert igjen.
users-deactivated = { $username } er deaktivert og kan ikke lenger logge inn.

profile-title = Min profil
profile-details-heading = Navn, e-post og språk
profile-language = Språk
profile-language-hint = Språket du ser IKT-styring på. Det du og andre skriver, vises slik det ble skrevet.
profile-language-follow = Som kommunen ({ $language })
profile-language-unknown = Velg bokmål, nynorsk eller det kommunen bruker.
profile-password-heading = Bytt passord
profile-current-password = Nåværende passord
profile-change-password = Bytt passord
profile-password-wrong = Passordet stemmer ikke. Skriv passordet du logger inn med nå.
profile-saved = Profilen er lagret.
profile-password-changed = Passordet er byttet.
profile-calendar-heading = Kalender
profile-calendar-intro = Fristene for statusrapportene til rådmannen kan vises i kalenderen din, for eksempel i Outlook, fra en hemmelig adresse som bare du kjenner.
profile-calendar-url = Adressen til kalenderen din
profile-calendar-outlook = Slik legger du den til i Outlook: kopier adressen, velg
profile-calendar-outlook-path = «Legg til kalender» → «Fra Internett»
profile-calendar-outlook-end = og lim den inn. Outlook henter nye frister selv.
profile-calendar-secret = Alle som har adressen, kan se fristene. Lag en ny adresse hvis den kan ha kommet på avveie; den gamle slutter da å virke.
profile-calendar-none = Du har ingen kalenderadresse ennå.
profile-calendar-create = Lag kalenderadresse
profile-calendar-renew = Lag ny adresse (den gamle slutter å virke)
profile-calendar-made = Kalenderadressen er laget. Legg den til i kalenderen din.
profile-calendar-renewed = Du har fått en ny kalenderadresse. Den gamle virker ikke lenger.
profile-calendar-feed = Kalenderadresse
