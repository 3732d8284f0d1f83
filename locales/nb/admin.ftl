# The municipality's settings (accounts/settings.rs).

settings-title = Innstillinger
settings-malform = Kommunens målform
settings-malform-hint = Språket alle brukere ser IKT-styring på, med mindre de har valgt noe annet under Min profil. Nøytrale kommuner får bokmål.
settings-malform-required = Velg bokmål, nynorsk eller nøytral.
settings-saved = Innstillingene er lagret.
