# The fagsystem register (src/systems, templates/systems, templates/cooperations).

system-list-title = Fagsystemer
system-mine-title = Mine systemer
system-new = Nytt fagsystem
system-edit = Endre
system-edit-title = Endre { $name }
system-cooperations-link = Samarbeid
system-filter-label = Filtrer fagsystemene
system-filter-search = Søk
system-filter-all = Alle
system-filter-no-owner = Uten systemeier
system-filter-show-only = Vis bare
system-filter-overdue = Evaluering forfalt
system-filter-expiring = Avtale går ut snart
system-filter-unconfirmed = Ikke bekreftet siste 12 måneder
system-filter-no-superuser = Uten superbruker
system-filter-no-dpa = Personopplysninger uten databehandleravtale
system-filter-submit = Vis
system-filter-clear = Fjern filtrene
system-count = { $count ->
    [one] { $count } fagsystem
   *[other] { $count } fagsystemer
}
system-empty = Registeret har ingen fagsystemer ennå.
system-empty-filtered = Ingen fagsystemer passer filtrene.
system-col-attention = Bør følges opp
system-col-confirmed = Sist bekreftet
system-none = Ingen
system-unknown = Ukjent
system-yes = Ja
system-no = Nei
system-days = { $count ->
    [one] { $count } dag
   *[other] { $count } dager
}
system-evaluation-overdue = Evaluering forfalt
system-never-evaluated = Aldri evaluert
system-never-confirmed-short = Aldri bekreftet
system-agreement-expiring = Avtalen går ut
system-unconfirmed = Ikke bekreftet på over 12 måneder

system-lifecycle-in-use = I bruk
system-lifecycle-introducing = Under innføring
system-lifecycle-phasing-out = Under utfasing
system-lifecycle-retired = Avviklet
system-criticality-low = Lav kritikalitet
system-criticality-medium = Middels kritikalitet
system-criticality-high = Høy kritikalitet
system-criticality-life-and-health = Liv og helse (24/7)
system-operator-own = Egen IKT-avdeling
system-operator-municipality = En annen kommune
system-operator-company = Et selskap
system-operator-vendor-cloud = Leverandørens sky
system-archive-noark5 = Noark 5-uttrekk
system-archive-integration = Integrasjon med arkivet
system-archive-none = Ingen overføring

system-field-name = Navn
system-field-description = Beskrivelse
system-field-vendor = Programleverandør
system-field-operator = Driftsleverandør
system-field-operator-name = Driftsleverandørens navn
system-field-owner = Systemeier
system-field-owner-text = Systemeier som ikke er en enhet
system-field-administrator = Systemansvarlig
system-field-superusers = Superbrukere
system-field-users = Antall brukere
system-field-cooperation = Samarbeid
system-field-host = Driftes hos
system-field-server-location = Serverplassering
system-field-database = Database
system-field-lifecycle = Livsløp
system-field-criticality = Kritikalitet
system-field-personal-data = Behandler personopplysninger
system-field-data-controller = Behandlingsansvarlig
system-field-dpa = Databehandleravtale
system-field-dpa-date = Databehandleravtale datert
system-field-dpia-date = DPIA gjennomført
system-field-processing-record = Protokoll over behandlinger (referanse)
system-field-archive-records = Har arkivverdig saksinformasjon
system-field-archive-method = Slik kommer den til arkivet
system-field-support-with = Supportavtale med
system-field-support-expires = Avtalen går ut
system-field-notice-days = Oppsigelsestid (dager)
system-field-last-evaluated = Sist evaluert
system-field-notes = Notater
system-next-evaluation = Neste evaluering
system-evaluation-never = Aldri evaluert – bør evalueres nå

system-who-heading = Eier, ansvarlig og superbrukere
system-what-heading = System og drift
system-privacy-heading = Personvern og arkiv
system-support-heading = Brukere, support og evaluering
system-measures-heading = Tiltak som gjelder systemet
system-measures-none = Ingen tiltak er knyttet til systemet.
system-history-heading = Historikk
system-confirm-heading = Er opplysningene riktige?
system-confirmed-last = Sist bekreftet { $when }.
system-never-confirmed = Opplysningene er aldri bekreftet.
system-confirm = Opplysningene er riktige
system-confirmed = Takk! Opplysningene er bekreftet { $date }.
system-meetings-heading = Forvaltningsmøter
system-meetings-intro = Hvert system skal ha et jevnlig forvaltningsmøte om drift, brukertilfredshet, opplæring, informasjonssikkerhet, beredskap, utviklingsplaner og endringer.
system-meetings-none = Ingen forvaltningsmøter er registrert.
system-meeting-on = Forvaltningsmøte { $date }
system-meeting-new = Registrer et forvaltningsmøte
system-meeting-date = Dato
system-meeting-attendees = Til stede
system-meeting-operations = Drift
system-meeting-satisfaction = Brukertilfredshet
system-meeting-training = Opplæring og kompetanse
system-meeting-security = Informasjonssikkerhet
system-meeting-contingency = Beredskap
system-meeting-development = Utviklingsplaner
system-meeting-changes = Endringer
system-meeting-save = Lagre møtet
system-meeting-saved = Forvaltningsmøtet { $date } er lagret.
system-meeting-date-required = Skriv inn datoen for møtet.

system-superuser-form-intro = Som superbruker for systemet kan du endre antall brukere, supportavtalen og notatene. Resten endrer IKT-avdelingen.
system-superuser-rest-read-only = De andre opplysningene kan bare IKT-avdelingen endre.
system-contacts-heading = Kontaktopplysninger for superbrukerne
system-contact-email = E-post
system-contact-phone = Telefon
system-stale-heading = { $who } lagret systemet { $when }, etter at du åpnet skjemaet.
system-stale-advice = Endringene dine er ikke lagret, men de står i skjemaet. Se systemet slik det er nå, og lagre igjen hvis dine endringer skal gjelde.
system-form-errors = Noe i skjemaet må rettes. Se meldingene ved feltene.
system-form-no-version = Skjemaet mangler versjonen det ble lastet med. Last siden på nytt og prøv igjen.
system-save = Lagre
system-cancel = Avbryt
system-created = Fagsystemet «{ $name }» er lagt til.
system-saved = Endringene er lagret.
system-name-required = Skriv inn navnet på systemet.
system-name-taken = Kommunen har allerede et fagsystem med dette navnet.
system-too-long = Feltet kan være høyst { $max } tegn.
system-users-number = Skriv antall brukere som et helt tall.
system-notice-days = Skriv oppsigelsestiden som antall dager (0–3650).
system-dpa-without-personal-data = En databehandleravtale forutsetter at systemet behandler personopplysninger.
system-owner-one = Velg en enhet eller skriv et navn, ikke begge.

cooperation-list-title = Samarbeid
cooperation-intro = De interkommunale samarbeidene kommunen deler fagsystemer i, hvem som er med, og hvem som drifter hvert system.
cooperation-none = Ingen samarbeid er registrert.
cooperation-system-count = { $count ->
    [one] { $count } felles system
   *[other] { $count } felles systemer
}
cooperation-members = Medlemskommuner
cooperation-board = Styres av
cooperation-note = Merknad
cooperation-systems = Felles systemer
cooperation-systems-none = Ingen systemer er knyttet til samarbeidet.
