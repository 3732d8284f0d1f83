# The audit log and the history pages (audit/).

audit-table-app-user = Bruker
audit-table-municipality = Kommune
audit-table-strategy-document = Strategidokument
audit-table-goal-area = Målområde
audit-table-strategy = Strategi
audit-table-action-plan = Handlingsplan
audit-table-measure = Tiltak
audit-table-report-round = Statusrapport
audit-table-report-team = Rapportansvar
audit-table-unit = Enhet
audit-table-person = Person
audit-table-cooperation = Samarbeid
audit-table-system = Fagsystem
audit-table-system-meeting = Forvaltningsmøte
audit-table-milestone = Milepæl
audit-table-location = Lokasjon
audit-table-line = Linje
audit-table-risk-assessment = Risikovurdering
audit-table-risk = Risiko
audit-table-acquisition = Anskaffelsessak
audit-table-council-meeting = Møte i IKT-rådet
audit-table-benefit = Gevinst

audit-f-name = Navn
audit-f-org-number = Organisasjonsnummer
audit-f-municipality-number = Kommunenummer
audit-f-malform = Målform
audit-f-title = Tittel
audit-f-period-start = Periode fra
audit-f-period-end = Periode til
audit-f-adopted = Vedtatt
audit-f-vision = Visjon
audit-f-main-goal = Hovedmål
audit-f-main-goal-text = Hovedmål, utdyping
audit-f-position = Plassering
audit-f-goal-statement = Målformulering
audit-f-key-measures = Sentrale tiltak
audit-f-start-year = Første år
audit-f-end-year = Siste år
audit-f-rolled-from = Rullert fra
audit-f-carried = Tiltak ført videre
audit-f-description = Beskrivelse
audit-f-strategies = Strategier
audit-f-responsible = Ansvarlig
audit-f-hours = Egeninnsats (timer)
audit-f-costs = Kostnad
audit-f-schedule = Framdrift
audit-f-priority = Prioritert tiltak
audit-f-status = Status
audit-f-status-date = Statusdato
audit-f-status-comment = Statuskommentar
audit-f-depends-on = Avhenger av
audit-f-due-date = Frist
audit-f-covers-year = Rapporterer på året
audit-f-report-state = Tilstand
audit-f-cancelled = Avlyst
audit-f-summary = Oppsummering
audit-f-report-rows = Status per tiltak
audit-f-acknowledgement = Tatt til orientering
audit-f-helpers = Medhjelpere

audit-action-create = Opprettet
audit-action-update = Endret
audit-action-delete = Slettet
audit-action-unknown = Ukjent
audit-counts-create = { $count } opprettet
audit-counts-update = { $count } endret
audit-counts-delete = { $count } slettet
audit-record-number = nr. { $id }
audit-record-number-of = { $table } nr. { $id }
audit-no-visible-changes = Ingen synlige endringer
audit-new-record = Ny oppføring
audit-record-removed = Oppføringen er fjernet
audit-yes = ja
audit-no = nei
audit-change-count =
    { $count ->
        [one] { $count } endring
       *[other] { $count } endringer
    }

audit-event-import = Import
audit-event-roll = Rullering
audit-event-import-title = Import av filen «{ $label }»
audit-event-roll-title = Rullering til «{ $label }»
audit-event-import-part = Del av importen av filen «{ $label }»
audit-event-roll-part = Del av rulleringen til «{ $label }»
audit-event-import-link = Se planen det ble importert til
audit-event-roll-link = Se den nye planen
audit-event-report = Statusrapport levert
audit-event-report-title = Statusrapport levert: «{ $label }»
audit-event-report-part = Del av statusrapporten «{ $label }»
audit-event-report-link = Se rapporten

audit-filter-type = Type
audit-filter-all = Alle
audit-filter-from = Fra dato
audit-filter-to = Til dato
audit-filter-submit = Filtrer
audit-filter-from-field = Fra-dato
audit-filter-to-field = Til-dato
audit-filter-date-range = { $field } må være en dato mellom 1900 og 2100 (åååå-mm-dd).
audit-filter-date-invalid = { $field } må være en dato (åååå-mm-dd).
audit-line-count =
    { $count ->
        [one] { $count } oppføring (en import eller rullering er én oppføring).
       *[other] { $count } oppføringer (en import eller rullering er én oppføring).
    }
audit-empty-filter = Ingen endringer passer filteret.
audit-caption = Endringer
audit-col-when = Tidspunkt
audit-col-who = Hvem
audit-col-action = Handling
audit-col-what = Hva
audit-col-change = Endring

history-title = Historikk: { $name }
history-empty = Ingen endringer er registrert.
history-when-who = { $when } av { $who }
history-changed-fields = Endrede felt
history-field = Felt
history-before = Før
history-after = Etter
history-back-app-user = ← Tilbake til brukeren
history-back-municipality = ← Tilbake til kommunen
history-back-strategy-document = ← Tilbake til strategidokumentet
history-back-action-plan = ← Tilbake til handlingsplanen
history-back-measure = ← Tilbake til tiltaket
history-back-report-round = ← Tilbake til rapporten
history-back-report-team = ← Tilbake til rapportrundene
history-back-unit = ← Tilbake til enheten
history-back-person = ← Tilbake til personen
history-back-cooperation = ← Tilbake til samarbeidet
history-back-system = ← Tilbake til fagsystemet
history-back-system-meeting = ← Tilbake til fagsystemet
history-back-milestone = ← Tilbake til handlingsplanens milepæler
history-back-location = ← Tilbake til lokasjonen
history-back-line = ← Tilbake til lokasjonen
history-back-risk-assessment = ← Tilbake til risikovurderingen
history-back-risk = ← Tilbake til risikoen
history-back-acquisition = ← Tilbake til saken
history-back-council-meeting = ← Tilbake til møtet
history-back-benefit = ← Tilbake til gevinstene
