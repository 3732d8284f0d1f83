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
