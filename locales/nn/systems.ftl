# The fagsystem register (src/systems, templates/systems, templates/cooperations).

system-list-title = Fagsystem
system-mine-title = Mine system
system-new = Nytt fagsystem
system-edit = Endre
system-edit-title = Endre { $name }
system-cooperations-link = Samarbeid
system-filter-label = Filtrer fagsystema
system-filter-search = Søk
system-filter-all = Alle
system-filter-no-owner = Utan systemeigar
system-filter-show-only = Vis berre
system-filter-overdue = Evaluering forfallen
system-filter-expiring = Avtale går ut snart
system-filter-unconfirmed = Ikkje stadfesta siste 12 månader
system-filter-no-superuser = Utan superbrukar
system-filter-no-dpa = Personopplysningar utan databehandlaravtale
system-filter-submit = Vis
system-filter-clear = Fjern filtera
system-count = { $count ->
    [one] { $count } fagsystem
   *[other] { $count } fagsystem
}
system-empty = Registeret har ingen fagsystem enno.
system-empty-filtered = Ingen fagsystem passar filtera.
system-col-attention = Bør følgjast opp
system-col-confirmed = Sist stadfesta
system-none = Ingen
system-unknown = Ukjend
system-yes = Ja
system-no = Nei
system-days = { $count ->
    [one] { $count } dag
   *[other] { $count } dagar
}
system-evaluation-overdue = Evaluering forfallen
system-never-evaluated = Aldri evaluert
system-never-confirmed-short = Aldri stadfesta
system-agreement-expiring = Avtalen går ut
system-unconfirmed = Ikkje stadfesta på over 12 månader

system-lifecycle-in-use = I bruk
system-lifecycle-introducing = Under innføring
system-lifecycle-phasing-out = Under utfasing
system-lifecycle-retired = Avvikla
system-criticality-low = Låg kritikalitet
system-criticality-medium = Middels kritikalitet
system-criticality-high = Høg kritikalitet
system-criticality-life-and-health = Liv og helse (24/7)
system-operator-own = Eiga IKT-avdeling
system-operator-municipality = Ein annan kommune
system-operator-company = Eit selskap
system-operator-vendor-cloud = Skya til leverandøren
system-archive-noark5 = Noark 5-uttrekk
system-archive-integration = Integrasjon med arkivet
system-archive-none = Inga overføring

system-field-name = Namn
system-field-description = Skildring
system-field-vendor = Programleverandør
system-field-operator = Driftsleverandør
system-field-operator-name = Namnet på driftsleverandøren
system-field-owner = Systemeigar
system-field-owner-text = Systemeigar som ikkje er ei eining
system-field-administrator = Systemansvarleg
system-field-superusers = Superbrukarar
system-field-users = Tal på brukarar
system-field-cooperation = Samarbeid
system-field-host = Drifta hos
system-field-server-location = Serverplassering
system-field-database = Database
system-field-lifecycle = Livsløp
system-field-criticality = Kritikalitet
system-field-personal-data = Handsamar personopplysningar
system-field-data-controller = Behandlingsansvarleg
system-field-dpa = Databehandlaravtale
system-field-dpa-date = Databehandlaravtale datert
system-field-dpia-date = DPIA gjennomført
system-field-processing-record = Protokoll over behandlingar (referanse)
system-field-archive-records = Har arkivverdig saksinformasjon
system-field-archive-method = Slik kjem ho til arkivet
system-field-support-with = Supportavtale med
system-field-support-expires = Avtalen går ut
system-field-notice-days = Oppseiingstid (dagar)
system-field-last-evaluated = Sist evaluert
system-field-notes = Notat
system-next-evaluation = Neste evaluering
system-evaluation-never = Aldri evaluert – bør evaluerast no

system-who-heading = Eigar, ansvarleg og superbrukarar
system-what-heading = System og drift
system-privacy-heading = Personvern og arkiv
system-support-heading = Brukarar, support og evaluering
system-measures-heading = Tiltak som gjeld systemet
system-measures-none = Ingen tiltak er knytte til systemet.
system-history-heading = Historikk
system-confirm-heading = Er opplysningane rette?
system-confirmed-last = Sist stadfesta { $when }.
system-never-confirmed = Opplysningane er aldri stadfesta.
system-confirm = Opplysningane er rette
system-confirmed = Takk! Opplysningane er stadfesta { $date }.
system-meetings-heading = Forvaltningsmøte
system-meetings-intro = Kvart system skal ha eit jamleg forvaltningsmøte om drift, brukartilfredsheit, opplæring, informasjonstryggleik, beredskap, utviklingsplanar og endringar.
system-meetings-none = Ingen forvaltningsmøte er registrerte.
system-meeting-on = Forvaltningsmøte { $date }
system-meeting-new = Registrer eit forvaltningsmøte
system-meeting-date = Dato
system-meeting-attendees = Til stades
system-meeting-operations = Drift
system-meeting-satisfaction = Brukartilfredsheit
system-meeting-training = Opplæring og kompetanse
system-meeting-security = Informasjonstryggleik
system-meeting-contingency = Beredskap
system-meeting-development = Utviklingsplanar
system-meeting-changes = Endringar
system-meeting-save = Lagre møtet
system-meeting-saved = Forvaltningsmøtet { $date } er lagra.
system-meeting-date-required = Skriv inn datoen for møtet.

system-superuser-form-intro = Som superbrukar for systemet kan du endre talet på brukarar, supportavtalen og notata. Resten endrar IKT-avdelinga.
system-superuser-rest-read-only = Dei andre opplysningane kan berre IKT-avdelinga endre.
system-contacts-heading = Kontaktopplysningar for superbrukarane
system-contact-email = E-post
system-contact-phone = Telefon
system-stale-heading = { $who } lagra systemet { $when }, etter at du opna skjemaet.
system-stale-advice = Endringane dine er ikkje lagra, men dei står i skjemaet. Sjå systemet slik det er no, og lagre igjen dersom endringane dine skal gjelde.
system-form-errors = Noko i skjemaet må rettast. Sjå meldingane ved felta.
system-form-no-version = Skjemaet manglar versjonen det vart lasta med. Last sida på nytt og prøv igjen.
system-save = Lagre
system-cancel = Avbryt
system-created = Fagsystemet «{ $name }» er lagt til.
system-saved = Endringane er lagra.
system-name-required = Skriv inn namnet på systemet.
system-name-taken = Kommunen har alt eit fagsystem med dette namnet.
system-too-long = Feltet kan vere høgst { $max } teikn.
system-users-number = Skriv talet på brukarar som eit heilt tal.
system-notice-days = Skriv oppseiingstida som tal på dagar (0–3650).
system-dpa-without-personal-data = Ein databehandlaravtale føreset at systemet handsamar personopplysningar.
system-owner-one = Vel ei eining eller skriv eit namn, ikkje begge.

cooperation-list-title = Samarbeid
cooperation-intro = Dei interkommunale samarbeida kommunen deler fagsystem i, kven som er med, og kven som driftar kvart system.
cooperation-none = Ingen samarbeid er registrerte.
cooperation-system-count = { $count ->
    [one] { $count } felles system
   *[other] { $count } felles system
}
cooperation-members = Medlemskommunar
cooperation-board = Styrt av
cooperation-note = Merknad
cooperation-systems = Felles system
cooperation-systems-none = Ingen system er knytte til samarbeidet.
