# Measures (measures/*): the measure page, the form, the status update, deleting, and the
# vocabulary other areas show too (status and financing labels).

## Status and financing (Status::label_key, Financing::label_key)

measure-status-not-started = Ikke startet
measure-status-in-progress = Pågår
measure-status-done = Utført
measure-status-postponed = Utsatt
measure-status-cancelled = Avbrutt
measure-status-unknown = Ukjent

measure-financing-current-budget = dekkes av gjeldende budsjett
measure-financing-approved-budget = innenfor vedtatt budsjett
measure-financing-requires-appropriation = krever budsjettbevilgning
measure-financing-other-project = inngår i annet prosjekt
measure-financing-unknown = ukjent

## Field names (form labels, the measure page, the conflict view)

measure-field-title = Tittel
measure-field-description = Beskrivelse
measure-field-strategies = Strategier
measure-field-responsible = Ansvarlig
measure-field-hours = Egeninnsats (timer)
measure-field-costs = Kostnad
measure-field-schedule = Framdrift
measure-field-priority = Prioritert tiltak
measure-field-status = Status
measure-field-status-date = Statusdato
measure-field-status-comment = Statuskommentar
measure-field-depends-on = Avhenger av

## The measure page

measure-breadcrumb = Tiltak
measure-edit = Rediger
measure-delete = Slett
measure-late = Forsinket
measure-priority = Prioritert tiltak
measure-quick-status-heading = Oppdater status
measure-quick-status-date = Dato
measure-quick-status-save = Lagre status
measure-no-description = Ingen beskrivelse
measure-linked-to-main-goal = Knyttet til hovedmålet
measure-not-set = Ikke satt
measure-own-effort = Egeninnsats
measure-hours-value = { $hours } timer
measure-unknown = Ukjent
measure-no-cost = Ingen kostnad utover egeninnsats
measure-not-scheduled = Ikke tidfestet
measure-none = Ingen
measure-needed-by = Andre tiltak avhenger av dette
measure-carried-from = Ført videre fra
measure-carried-to = Ført videre til
measure-timeline-heading = Statusforløp
measure-timeline-empty = Ingen statusendringer registrert.
measure-timeline-set = satt { $when } av { $who }
measure-history-heading = Historikk

# A cost line described on the page: «kr 34 984 – innføring; dekkes av gjeldende budsjett».
measure-cost-unknown-amount = ukjent beløp
measure-cost-part-of = inngår i { $project }
measure-cost-remark = merknad: { $remark }

## The form

measure-form-new-title = Nytt tiltak
# Headings that hold a title users wrote are marked with its language as a whole: their own
# words read the same in bokmål and nynorsk.
measure-form-new-heading = Nytt tiltak i { $plan }
measure-form-edit-title = Rediger tiltak: { $title }
measure-back-to-measure = ← Tilbake til tiltaket
measure-back-to-plan = ← Tilbake til { $plan }
measure-cancel = Avbryt
measure-conflict-heading = Tiltaket ble ikke lagret: { $who } lagret det { $when } mens du redigerte
measure-conflict-no-start = Det som er lagret nå, står ved feltene der det er forskjellig fra det du sendte.
measure-conflict-changes = Dette endret { $who } (verdi du startet med → verdi nå):
measure-conflict-advice = Skjemaet viser fortsatt det du skrev. Sjekk feltene merket «Lagret av { $who }», og trykk «Lagre endringer» igjen hvis det du skrev skal erstatte det som er lagret.
# Who saved meanwhile, when the log does not say.
measure-someone-else = en annen
measure-yes = ja
measure-no = nei
measure-form-saved-by = Lagret av { $who } { $when }: { $value }
measure-form-has-errors = Tiltaket ble ikke lagret fordi skjemaet har feil:
measure-form-strategies = Strategier tiltaket følger opp
measure-form-strategies-hint = Velg én eller flere. Et tiltak uten strategi knyttes til hovedmålet og står under «Tiltak uten strategi» i framdriftsplanen.
measure-form-responsible-hint = Velg en person eller en enhet, eller skriv en rolle. Bare ett av delene.
measure-form-person-or-unit = Person eller enhet
measure-form-none-chosen = Ingen valgt
measure-form-people = Personer
measure-form-units = Enheter
measure-form-role = Eller en rolle, for eksempel «Systemeier» eller «Rådmannen / SU»
measure-form-hours-hint = Desimaler med komma, for eksempel 50,5. La feltet stå tomt hvis antallet ikke er kjent.
measure-form-costs = Kostnader
measure-form-costs-hint = Én linje per kostnad. La beløpet stå tomt hvis det ikke er kjent, og skriv heller en merknad som «må utredes». Tomme linjer lagres ikke.
measure-form-cost-lines = Kostnadslinjer
measure-form-cost-line = Linje
measure-form-cost-amount = Beløp (kr)
measure-form-cost-note = Merknad til beløpet
measure-form-cost-financing = Finansiering
measure-form-cost-project = Prosjekt (ved annet prosjekt)
measure-form-cost-remark = Merknad til linjen
measure-form-cost-description-n = Beskrivelse, linje { $line }
measure-form-cost-amount-n = Beløp i kroner, linje { $line }
measure-form-cost-note-n = Merknad til beløpet, linje { $line }
measure-form-cost-financing-n = Finansiering, linje { $line }
measure-form-cost-project-n = Prosjekt, linje { $line }
measure-form-cost-remark-n = Merknad til linjen, linje { $line }
measure-form-more-lines = Trenger du flere linjer, lagre og åpne skjemaet igjen: det har alltid to tomme linjer.
measure-form-schedule = Framdriftsplan
measure-form-schedule-hint = Kryss av periodene tiltaket er planlagt i. Første år er delt i måneder, senere år i kvartaler. En merknad som «Utredning» eller «innføring» uten kryss regnes også som planlagt.
measure-form-schedule-months = måneder
measure-form-schedule-quarters = kvartaler
measure-form-period = Periode
measure-form-planned = Planlagt
measure-form-cell-note = Merknad
measure-form-planned-in = Planlagt i { $period } { $year }
measure-form-cell-note-for = Merknad for { $period } { $year }
measure-form-progress = Hvor langt tiltaket har kommet
measure-form-status-date-hint = Datoen statusen gjelder fra; for «Utført» datoen tiltaket ble ferdig. Kan stå tom. Skriv dd.mm.åååå.
measure-form-depends-hint = Andre tiltak i planen som må gjøres først, for eksempel «avhenger av mini-ROS».
measure-form-no-other-measures = Planen har ingen andre tiltak ennå.
measure-form-choose-depends =
    Velg blant planens { $count } andre tiltak ({ $chosen ->
        [one] { $chosen } valgt
       *[other] { $chosen } valgt
    })
measure-form-save = Lagre endringer
measure-form-create = Opprett tiltak
measure-form-history-link = Historikk for tiltaket

## Validation (values.rs, model.rs, status.rs)

measure-title-required = Skriv en tittel på tiltaket.
measure-title-too-long = Tittelen kan ha høyst { $max } tegn. Legg resten i beskrivelsen.
measure-description-too-long = Beskrivelsen kan ha høyst { $max } tegn.
measure-comment-too-long = Kommentaren kan ha høyst { $max } tegn.
measure-strategy-not-found = En av de valgte strategiene finnes ikke i planens strategidokument.
measure-responsible-not-found = Den valgte personen eller enheten finnes ikke i kommunen. Velg på nytt.
measure-responsible-both = Velg enten en person eller enhet, eller skriv en rolle – ikke begge. Tøm det ene feltet.
measure-financing-unknown-choice = Velg finansiering fra lista.
measure-status-unknown-choice = Velg en status fra lista.
measure-status-choose = Velg en status fra listen.
measure-form-no-version = Skjemaet mangler versjon. Last siden på nytt.
# Before the date's own message, in the progress row's one line of messages.
measure-status-date-prefix = Statusdato:
measure-depends-on-itself = Et tiltak kan ikke avhenge av seg selv.
measure-depends-not-found = Et av de valgte tiltakene finnes ikke i denne handlingsplanen (kanskje slettet). Velg på nytt.
measure-schedule-outside = Framdriftsplanen har perioder som ikke finnes i planen ({ $periods }). Planen går fra { $start } (måneder) til { $end } (kvartaler).
measure-cost-missing-project = Skriv hvilket prosjekt kostnaden inngår i, for eksempel TRUST-IKT.
measure-cost-project-without-other-project = Prosjekt fylles bare ut når finansieringen er «inngår i annet prosjekt». Velg det, eller tøm feltet.
measure-cost-too-long = Tekstene i en kostnadslinje kan ha høyst { $max } tegn.
measure-cost-remark-too-long = Merknaden kan ha høyst { $max } tegn.
# One cost line's problem, where the line has no field of its own to show it (import, other paths).
measure-cost-line =
    Kostnad, linje { $line }: { $problem ->
        [missing-project] Skriv hvilket prosjekt kostnaden inngår i, for eksempel TRUST-IKT.
        [project-without-other-project] Prosjekt fylles bare ut når finansieringen er «inngår i annet prosjekt». Velg det, eller tøm feltet.
        [remark-too-long] Merknaden kan ha høyst { $max } tegn.
       *[too-long] Tekstene i en kostnadslinje kan ha høyst { $max } tegn.
    }
measure-cost-rows-wrong =
    { $count ->
        [one] Kostnadslinje { $rows } har feil. Se meldingene i tabellen.
       *[other] Kostnadslinjene { $rows } har feil. Se meldingene i tabellen.
    }

## Flash and row messages

measure-created = Tiltaket er opprettet.
measure-saved = Tiltaket er lagret.
measure-unchanged = Ingen endringer å lagre.
measure-deleted = Tiltaket «{ $title }» er slettet.
measure-status-saved = Statusen er lagret.
measure-status-saved-row = Lagret: { $status }.
measure-status-conflict =
    Tiltaket ble endret av { $who } ({ $when }) mens du hadde siden åpen. Status er nå «{ $now }»{ $now-has-comment ->
        [yes] , kommentar «{ $now-comment }»
       *[no] {""}
    }. Din endring («{ $mine }»{ $mine-has-comment ->
        [yes] , «{ $mine-comment }»
       *[no] {""}
    }) er ikke lagret – se over og lagre på nytt.

## Deleting

measure-delete-title = Slett tiltak: { $title }
measure-delete-heading = Slette tiltaket «{ $title }»?
measure-delete-explained = Tiltaket fjernes fra { $plan } med kostnader, framdrift og statushistorikk. Endringsloggen beholder hvordan tiltaket så ut.
measure-delete-dependents =
    { $count ->
        [one] Ett tiltak avhenger av dette tiltaket
       *[other] { $count } tiltak avhenger av dette tiltaket
    }
measure-delete-dependents-removed =
    { $count ->
        [one] Avhengigheten fjernes fra det tiltaket når du sletter.
       *[other] Avhengigheten fjernes fra disse tiltakene når du sletter.
    }
measure-delete-submit = Slett tiltaket
measure-systems = Fagsystemer det gjelder
