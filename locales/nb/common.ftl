# Shared by every page: the layout, the menu, the pager, language and målform names, roles.

app-name = IKT-styring
skip-to-content = Hopp til innholdet
log-out = Logg ut
nav-label = Hovedmeny
nav-dashboard = Oversikt
search-label = Søk
search-placeholder = Søk i alt
search-button = Søk
nav-home = Start
nav-strategy = Strategi
nav-plan = Handlingsplan
nav-systems = Fagsystemer
nav-lines = Linjer
nav-risks = Risiko
nav-acquisitions = IKT-rådet
nav-notifications = Varsler
nav-users = Brukere
nav-audit = Endringslogg
nav-settings = Innstillinger
nav-profile = Min profil
footer-text = IKT-styring – styring av IKT i kommunen. Innlogget som { $username }.
to-front-page = Til startsiden

pager-label = Sider
pager-prev = ← Forrige
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
role-ikt = IKT-medarbeider
role-leder = Leder (rådmann og ledergruppe)
role-rad = Medlem av IKT-rådet
role-superbruker = Superbruker

form-has-errors = Skjemaet har feil. Se meldingene ved feltene.
form-save = Lagre
form-save-changes = Lagre endringer
