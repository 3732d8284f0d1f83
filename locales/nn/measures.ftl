# Measures (measures/*): the measure page, the form, the status update, deleting, and the
# vocabulary other areas show too (status and financing labels).

## Status and financing (Status::label_key, Financing::label_key)

measure-status-not-started = Ikkje starta
measure-status-in-progress = Pågår
measure-status-done = Utført
measure-status-postponed = Utsett
measure-status-cancelled = Avbrote
measure-status-unknown = Ukjend

measure-financing-current-budget = blir dekt av gjeldande budsjett
measure-financing-approved-budget = innanfor vedteke budsjett
measure-financing-requires-appropriation = krev budsjettløyving
measure-financing-other-project = inngår i anna prosjekt
measure-financing-unknown = ukjend

## Field names (form labels, the measure page, the conflict view)

measure-field-title = Tittel
measure-field-description = Skildring
measure-field-strategies = Strategiar
measure-field-responsible = Ansvarleg
measure-field-hours = Eigeninnsats (timar)
measure-field-costs = Kostnad
measure-field-schedule = Framdrift
measure-field-priority = Prioritert tiltak
measure-field-status = Status
measure-field-status-date = Statusdato
measure-field-status-comment = Statuskommentar
measure-field-depends-on = Avheng av

## The measure page

measure-breadcrumb = Tiltak
measure-edit = Rediger
measure-delete = Slett
measure-late = Forseinka
measure-priority = Prioritert tiltak
measure-quick-status-heading = Oppdater status
measure-quick-status-date = Dato
measure-quick-status-save = Lagre status
measure-no-description = Inga skildring
measure-linked-to-main-goal = Knytt til hovudmålet
measure-not-set = Ikkje sett
measure-own-effort = Eigeninnsats
measure-hours-value = { $hours } timar
measure-unknown = Ukjend
measure-no-cost = Ingen kostnad utover eigeninnsats
measure-not-scheduled = Ikkje tidfesta
measure-none = Ingen
measure-needed-by = Andre tiltak avheng av dette
measure-carried-from = Ført vidare frå
measure-carried-to = Ført vidare til
measure-timeline-heading = Statusforløp
measure-timeline-empty = Ingen statusendringar registrerte.
measure-timeline-set = sett { $when } av { $who }
measure-history-heading = Historikk

# A cost line described on the page: «kr 34 984 – innføring; blir dekt av gjeldande budsjett».
measure-cost-unknown-amount = ukjend beløp
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
measure-conflict-heading = Tiltaket vart ikkje lagra: { $who } lagra det { $when } medan du redigerte
measure-conflict-no-start = Det som er lagra no, står ved felta der det er ulikt det du sende.
measure-conflict-changes = Dette endra { $who } (verdien du starta med → verdien no):
measure-conflict-advice = Skjemaet viser framleis det du skreiv. Sjekk felta merkte «Lagra av { $who }», og trykk «Lagre endringar» igjen dersom det du skreiv skal erstatte det som er lagra.
# Who saved meanwhile, when the log does not say.
measure-someone-else = ein annan
measure-yes = ja
measure-no = nei
measure-form-saved-by = Lagra av { $who } { $when }: { $value }
measure-form-has-errors = Tiltaket vart ikkje lagra fordi skjemaet har feil:
measure-form-strategies = Strategiar tiltaket følgjer opp
measure-form-strategies-hint = Vel éin eller fleire. Eit tiltak utan strategi blir knytt til hovudmålet og står under «Tiltak utan strategi» i framdriftsplanen.
measure-form-responsible-hint = Vel ein person eller ei eining, eller skriv ei rolle. Berre eitt av dei to.
measure-form-person-or-unit = Person eller eining
measure-form-none-chosen = Ingen vald
measure-form-people = Personar
measure-form-units = Einingar
measure-form-role = Eller ei rolle, til dømes «Systemeigar» eller «Rådmannen / SU»
measure-form-hours-hint = Desimalar med komma, til dømes 50,5. La feltet stå tomt dersom talet ikkje er kjent.
measure-form-costs = Kostnader
measure-form-costs-hint = Éi linje per kostnad. La beløpet stå tomt dersom det ikkje er kjent, og skriv heller ein merknad som «må utgreiast». Tomme linjer blir ikkje lagra.
measure-form-cost-lines = Kostnadslinjer
measure-form-cost-line = Linje
measure-form-cost-amount = Beløp (kr)
measure-form-cost-note = Merknad til beløpet
measure-form-cost-financing = Finansiering
measure-form-cost-project = Prosjekt (ved anna prosjekt)
measure-form-cost-remark = Merknad til linja
measure-form-cost-description-n = Skildring, linje { $line }
measure-form-cost-amount-n = Beløp i kroner, linje { $line }
measure-form-cost-note-n = Merknad til beløpet, linje { $line }
measure-form-cost-financing-n = Finansiering, linje { $line }
measure-form-cost-project-n = Prosjekt, linje { $line }
measure-form-cost-remark-n = Merknad til linja, linje { $line }
measure-form-more-lines = Treng du fleire linjer, lagre og opne skjemaet igjen: det har alltid to tomme linjer.
measure-form-schedule = Framdriftsplan
measure-form-schedule-hint = Kryss av periodane tiltaket er planlagt i. Første år er delt i månader, seinare år i kvartal. Ein merknad som «Utgreiing» eller «innføring» utan kryss blir også rekna som planlagt.
measure-form-schedule-months = månader
measure-form-schedule-quarters = kvartal
measure-form-period = Periode
measure-form-planned = Planlagt
measure-form-cell-note = Merknad
measure-form-planned-in = Planlagt i { $period } { $year }
measure-form-cell-note-for = Merknad for { $period } { $year }
measure-form-progress = Kor langt tiltaket har kome
measure-form-status-date-hint = Datoen statusen gjeld frå; for «Utført» datoen tiltaket vart ferdig. Kan stå tom. Skriv dd.mm.åååå.
measure-form-depends-hint = Andre tiltak i planen som må gjerast først, til dømes «avheng av mini-ROS».
measure-form-no-other-measures = Planen har ingen andre tiltak enno.
measure-form-choose-depends =
    Vel blant dei { $count } andre tiltaka i planen ({ $chosen ->
        [one] { $chosen } vald
       *[other] { $chosen } valde
    })
measure-form-save = Lagre endringar
measure-form-create = Opprett tiltak
measure-form-history-link = Historikk for tiltaket

## Validation (values.rs, model.rs, status.rs)

measure-title-required = Skriv ein tittel på tiltaket.
measure-title-too-long = Tittelen kan ha høgst { $max } teikn. Legg resten i skildringa.
measure-description-too-long = Skildringa kan ha høgst { $max } teikn.
measure-comment-too-long = Kommentaren kan ha høgst { $max } teikn.
measure-strategy-not-found = Ein av dei valde strategiane finst ikkje i strategidokumentet til planen.
measure-responsible-not-found = Den valde personen eller eininga finst ikkje i kommunen. Vel på nytt.
measure-responsible-both = Vel anten ein person eller ei eining, eller skriv ei rolle – ikkje begge. Tøm det eine feltet.
measure-financing-unknown-choice = Vel finansiering frå lista.
measure-status-unknown-choice = Vel ein status frå lista.
measure-status-choose = Vel ein status frå lista.
measure-form-no-version = Skjemaet manglar versjon. Last sida på nytt.
# Before the date's own message, in the progress row's one line of messages.
measure-status-date-prefix = Statusdato:
measure-depends-on-itself = Eit tiltak kan ikkje avhenge av seg sjølv.
measure-depends-not-found = Eitt av dei valde tiltaka finst ikkje i denne handlingsplanen (kanskje sletta). Vel på nytt.
measure-schedule-outside = Framdriftsplanen har periodar som ikkje finst i planen ({ $periods }). Planen går frå { $start } (månader) til { $end } (kvartal).
measure-cost-missing-project = Skriv kva prosjekt kostnaden inngår i, til dømes TRUST-IKT.
measure-cost-project-without-other-project = Prosjekt skal berre fyllast ut når finansieringa er «inngår i anna prosjekt». Vel det, eller tøm feltet.
measure-cost-too-long = Tekstane i ei kostnadslinje kan ha høgst { $max } teikn.
measure-cost-remark-too-long = Merknaden kan ha høgst { $max } teikn.
# One cost line's problem, where the line has no field of its own to show it (import, other paths).
measure-cost-line =
    Kostnad, linje { $line }: { $problem ->
        [missing-project] Skriv kva prosjekt kostnaden inngår i, til dømes TRUST-IKT.
        [project-without-other-project] Prosjekt skal berre fyllast ut når finansieringa er «inngår i anna prosjekt». Vel det, eller tøm feltet.
        [remark-too-long] Merknaden kan ha høgst { $max } teikn.
       *[too-long] Tekstane i ei kostnadslinje kan ha høgst { $max } teikn.
    }
measure-cost-rows-wrong =
    { $count ->
        [one] Kostnadslinje { $rows } har feil. Sjå meldingane i tabellen.
       *[other] Kostnadslinjene { $rows } har feil. Sjå meldingane i tabellen.
    }

## Flash and row messages

measure-created = Tiltaket er oppretta.
measure-saved = Tiltaket er lagra.
measure-unchanged = Ingen endringar å lagre.
measure-deleted = Tiltaket «{ $title }» er sletta.
measure-status-saved = Statusen er lagra.
measure-status-saved-row = Lagra: { $status }.
measure-status-conflict =
    Tiltaket vart endra av { $who } ({ $when }) medan du hadde sida open. Status er no «{ $now }»{ $now-has-comment ->
        [yes] , kommentar «{ $now-comment }»
       *[no] {""}
    }. Endringa di («{ $mine }»{ $mine-has-comment ->
        [yes] , «{ $mine-comment }»
       *[no] {""}
    }) er ikkje lagra – sjå over og lagre på nytt.

## Deleting

measure-delete-title = Slett tiltak: { $title }
measure-delete-heading = Slette tiltaket «{ $title }»?
measure-delete-explained = Tiltaket blir fjerna frå { $plan } med kostnader, framdrift og statushistorikk. Endringsloggen tek vare på korleis tiltaket såg ut.
measure-delete-dependents =
    { $count ->
        [one] Eitt tiltak avheng av dette tiltaket
       *[other] { $count } tiltak avheng av dette tiltaket
    }
measure-delete-dependents-removed =
    { $count ->
        [one] Avhengnaden blir fjerna frå det tiltaket når du slettar.
       *[other] Avhengnaden blir fjerna frå desse tiltaka når du slettar.
    }
measure-delete-submit = Slett tiltaket
measure-systems = Fagsystem det gjeld
