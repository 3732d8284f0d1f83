# The municipality's settings (accounts/settings.rs).

settings-title = Innstillingar
settings-malform = Målforma til kommunen
settings-malform-hint = Språket alle brukarar ser IKT-styring på, med mindre dei har valt noko anna under Min profil. Nøytrale kommunar får bokmål.
settings-malform-required = Vel bokmål, nynorsk eller nøytral.
settings-saved = Innstillingane er lagra.
