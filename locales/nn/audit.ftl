# The audit log and the history pages (audit/).

audit-table-app-user = Brukar
audit-table-municipality = Kommune
audit-table-strategy-document = Strategidokument
audit-table-goal-area = Målområde
audit-table-strategy = Strategi
audit-table-action-plan = Handlingsplan
audit-table-measure = Tiltak
audit-table-report-round = Statusrapport
audit-table-report-team = Rapportansvar
audit-table-unit = Eining
audit-table-person = Person
audit-table-cooperation = Samarbeid
audit-table-system = Fagsystem
audit-table-system-meeting = Forvaltningsmøte
audit-table-milestone = Milepæl
audit-table-location = Lokasjon
audit-table-line = Linje
audit-table-risk-assessment = Risikovurdering
audit-table-risk = Risiko
audit-table-acquisition = Anskaffingssak
audit-table-council-meeting = Møte i IKT-rådet
audit-table-benefit = Gevinst

audit-f-name = Namn
audit-f-org-number = Organisasjonsnummer
audit-f-municipality-number = Kommunenummer
audit-f-malform = Målform
audit-f-title = Tittel
audit-f-period-start = Periode frå
audit-f-period-end = Periode til
audit-f-adopted = Vedteke
audit-f-vision = Visjon
audit-f-main-goal = Hovudmål
audit-f-main-goal-text = Hovudmål, utdjuping
audit-f-position = Plassering
audit-f-goal-statement = Målformulering
audit-f-key-measures = Sentrale tiltak
audit-f-start-year = Første år
audit-f-end-year = Siste år
audit-f-rolled-from = Rullert frå
audit-f-carried = Tiltak førte vidare
audit-f-description = Skildring
audit-f-strategies = Strategiar
audit-f-responsible = Ansvarleg
audit-f-hours = Eigeninnsats (timar)
audit-f-costs = Kostnad
audit-f-schedule = Framdrift
audit-f-priority = Prioritert tiltak
audit-f-status = Status
audit-f-status-date = Statusdato
audit-f-status-comment = Statuskommentar
audit-f-depends-on = Avheng av
audit-f-due-date = Frist
audit-f-covers-year = Rapporterer på året
audit-f-report-state = Tilstand
audit-f-cancelled = Avlyst
audit-f-summary = Oppsummering
audit-f-report-rows = Status per tiltak
audit-f-acknowledgement = Teke til orientering
audit-f-helpers = Medhjelparar

audit-action-create = Oppretta
audit-action-update = Endra
audit-action-delete = Sletta
audit-action-unknown = Ukjend
audit-counts-create = { $count } oppretta
audit-counts-update = { $count } endra
audit-counts-delete = { $count } sletta
audit-record-number = nr. { $id }
audit-record-number-of = { $table } nr. { $id }
audit-no-visible-changes = Ingen synlege endringar
audit-new-record = Ny oppføring
audit-record-removed = Oppføringa er fjerna
audit-yes = ja
audit-no = nei
audit-change-count =
    { $count ->
        [one] { $count } endring
       *[other] { $count } endringar
    }

audit-event-import = Import
audit-event-roll = Rullering
audit-event-import-title = Import av fila «{ $label }»
audit-event-roll-title = Rullering til «{ $label }»
audit-event-import-part = Del av importen av fila «{ $label }»
audit-event-roll-part = Del av rulleringa til «{ $label }»
audit-event-import-link = Sjå planen det vart importert til
audit-event-roll-link = Sjå den nye planen
audit-event-report = Statusrapport levert
audit-event-report-title = Statusrapport levert: «{ $label }»
audit-event-report-part = Del av statusrapporten «{ $label }»
audit-event-report-link = Sjå rapporten

audit-filter-type = Type
audit-filter-all = Alle
audit-filter-from = Frå dato
audit-filter-to = Til dato
audit-filter-submit = Filtrer
audit-filter-from-field = Frå-dato
audit-filter-to-field = Til-dato
audit-filter-date-range = { $field } må vere ein dato mellom 1900 og 2100 (åååå-mm-dd).
audit-filter-date-invalid = { $field } må vere ein dato (åååå-mm-dd).
audit-line-count =
    { $count ->
        [one] { $count } oppføring (ein import eller ei rullering er éi oppføring).
       *[other] { $count } oppføringar (ein import eller ei rullering er éi oppføring).
    }
audit-empty-filter = Ingen endringar passar filteret.
audit-caption = Endringar
audit-col-when = Tidspunkt
audit-col-who = Kven
audit-col-action = Handling
audit-col-what = Kva
audit-col-change = Endring

history-title = Historikk: { $name }
history-empty = Ingen endringar er registrerte.
history-when-who = { $when } av { $who }
history-changed-fields = Endra felt
history-field = Felt
history-before = Før
history-after = Etter
history-back-app-user = ← Tilbake til brukaren
history-back-municipality = ← Tilbake til kommunen
history-back-strategy-document = ← Tilbake til strategidokumentet
history-back-action-plan = ← Tilbake til handlingsplanen
history-back-measure = ← Tilbake til tiltaket
history-back-report-round = ← Tilbake til rapporten
history-back-report-team = ← Tilbake til rapportrundane
history-back-unit = ← Tilbake til eininga
history-back-person = ← Tilbake til personen
history-back-cooperation = ← Tilbake til samarbeidet
history-back-system = ← Tilbake til fagsystemet
history-back-system-meeting = ← Tilbake til fagsystemet
history-back-milestone = ← Tilbake til milepælane i handlingsplanen
history-back-location = ← Tilbake til lokasjonen
history-back-line = ← Tilbake til lokasjonen
history-back-risk-assessment = ← Tilbake til risikovurderinga
history-back-risk = ← Tilbake til risikoen
history-back-acquisition = ← Tilbake til saka
history-back-council-meeting = ← Tilbake til møtet
history-back-benefit = ← Tilbake til gevinstane
