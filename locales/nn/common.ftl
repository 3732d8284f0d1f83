# Shared by every page: the layout, the menu, the pager, language and målform names, roles.

app-name = IKT-styring
skip-to-content = Hopp til innhaldet
log-out = Logg ut
nav-label = Hovudmeny
nav-dashboard = Oversikt
search-label = Søk
search-placeholder = Søk i alt
search-button = Søk
nav-home = Start
nav-strategy = Strategi
nav-plan = Handlingsplan
nav-systems = Fagsystem
nav-lines = Linjer
nav-risks = Risiko
nav-acquisitions = IKT-rådet
nav-notifications = Varsel
nav-users = Brukarar
nav-audit = Endringslogg
nav-settings = Innstillingar
nav-profile = Min profil
footer-text = IKT-styring – styring av IKT i kommunen. Innlogga som { $username }.
to-front-page = Til startsida

pager-label = Sider
pager-prev = ← Førre
pager-next = Neste →
pager-page-of = Side { $page } av { $last }
pager-page-count =
    { $count ->
        [one] { $count } side
       *[other] { $count } sider
    }

lang-nb = Bokmål
lang-nn = Nynorsk
malform-bokmal = Bokmål
malform-nynorsk = Nynorsk
malform-noytral = Nøytral

role-admin = Administrator
role-ikt = IKT-medarbeidar
role-leder = Leiar (rådmann og leiargruppe)
role-rad = Medlem av IKT-rådet
role-superbruker = Superbrukar

form-has-errors = Skjemaet har feil. Sjå meldingane ved felta.
form-save = Lagre
form-save-changes = Lagre endringane
