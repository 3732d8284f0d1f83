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
