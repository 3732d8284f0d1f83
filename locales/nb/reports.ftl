# Status reports to the rådmann (src/reports, templates/reports).

report-round-june = Juni { $year }
report-round-october = Oktober { $year }
report-round-january = Januar { $year } (om { $covers })
report-round-extra = Ekstra { $date }

report-standing-cancelled = Avlyst
report-standing-submitted = Levert
report-standing-acknowledged = Levert og tatt til orientering
report-standing-not-delivered = Ikke levert
report-standing-open-due = { $days ->
    [0] Ikke påbegynt – frist i dag
    [one] Ikke påbegynt – frist om { $days } dag
   *[other] Ikke påbegynt – frist om { $days } dager
}
report-standing-draft-due = { $days ->
    [0] Utkast – frist i dag
    [one] Utkast – frist om { $days } dag
   *[other] Utkast – frist om { $days } dager
}
report-standing-late = { $days ->
    [one] For sent: ikke levert, { $days } dag over fristen
   *[other] For sent: ikke levert, { $days } dager over fristen
}
report-standing-draft-late = { $days ->
    [one] For sent: utkast, { $days } dag over fristen
   *[other] For sent: utkast, { $days } dager over fristen
}
report-state-not-started = Ikke påbegynt
report-state-draft = Utkast
report-state-submitted = Levert
report-state-acknowledged = Tatt til orientering

report-summary-too-long = Oppsummeringen kan være høyst { $max } tegn.
report-comment-too-long = Kommentaren kan være høyst { $max } tegn.
report-ack-too-long = Kommentaren kan være høyst { $max } tegn.
report-form-no-version = Skjemaet mangler versjonen det ble lastet med. Last siden på nytt og prøv igjen.
report-due-required = Skriv inn en frist.
report-due-taken = En annen runde i planen har allerede den fristen.
report-already-submitted = Rapporten er levert og kan ikke endres.
report-round-stale = Runden ble endret av noen andre i mellomtiden. Se hvordan den er nå, og prøv igjen.
report-round-added = Runden med frist { $date } er lagt til.
report-round-cancelled = Runden med frist { $date } er avlyst.
report-round-reinstated = Runden med frist { $date } er tatt inn igjen.
report-round-moved = Fristen er flyttet til { $date }.
report-team-saved = Rapportansvaret er lagret.
report-team-stale = Rapportansvaret ble endret av noen andre i mellomtiden. Se hvordan det er nå, og lagre igjen.
report-draft-saved = Utkastet er lagret.
report-submitted = Rapporten er levert { $date }. Statusene er skrevet tilbake til tiltakene.
report-acknowledged = Rapporten er tatt til orientering.
report-ack-not-submitted = Bare en levert rapport som ikke alt er tatt til orientering, kan tas til orientering.

report-rounds-title = Statusrapporter – { $name }
report-rounds-link = Statusrapporter til rådmannen
report-rounds-breadcrumb = Statusrapporter
report-rounds-heading = Statusrapporter til rådmannen:
report-rounds-intro = Rådmannen skal ha en kort statusrapport om framdriften medio juni, medio oktober og medio januar. Januar-rapporten gjelder året som gikk.
report-rounds-empty = Planen har ingen rapportrunder.
report-archive-heading = Alle runder, nyeste først
report-col-round = Runde
report-col-due = Frist
report-col-covers = Rapporterer på året
report-col-standing = Status
report-col-submitted = Levert
report-col-change = Endre
report-move-label = Ny frist
report-move = Flytt fristen
report-cancel = Avlys
report-reinstate = Ta inn igjen
report-add-heading = Legg til en runde
report-add-help = For eksempel en ekstra rapport før et budsjettmøte. En runde i januar rapporterer på året før.
report-add = Legg til runden
report-team-heading = Hvem skriver rapportene
report-team-responsible = Ansvarlig
report-team-helpers = Medhjelpere
report-team-none = Ikke satt
report-team-who-writes = Den ansvarlige og medhjelperne kan skrive rapportene, i tillegg til IKT-ansatte.
report-team-save = Lagre rapportansvaret
report-next-label = Neste statusrapport:
report-next-due = frist { $date }
report-plan-closed = Planperioden er over: { $submitted } av { $total } rapporter ble levert.
report-all-submitted = Alle rapportene i planen er levert.

report-page-title = Statusrapport { $round } – { $plan }
report-doc-title = Statusrapport til rådmannen
report-not-frozen = Ikke levert ennå: viser planen slik den er nå
report-write = Skriv rapporten
report-write-next = Skriv rapporten for { $round }
report-download-excel = Last ned som Excel
report-print = Skriv ut
report-fact-plan = Plan
report-fact-round = Runde
report-fact-due = Frist
report-fact-responsible = Ansvarlig
report-fact-state = Tilstand
report-fact-saved = Sist lagret
report-fact-submitted = Levert
report-fact-acknowledged = Tatt til orientering
report-fact-ack-comment = Rådmannens kommentar
report-fact-printed = Utskrift
report-ack-heading = Ta rapporten til orientering
report-ack-comment = Kommentar (valgfri)
report-ack-submit = Ta til orientering
report-summary-heading = Oppsummering for rådmannen
report-summary-empty = Ingen oppsummering er skrevet.
report-summary-help = Kort om framdriften i perioden: hva er gjort, hva er forsinket, og hva rådmannen bør vite.
report-priority-heading = Kommentarer til de prioriterte tiltakene
report-priority-none = Planen har ingen prioriterte tiltak.
report-no-comment = ingen kommentar
report-changes-heading = Endringer siden forrige runde
report-changes-since = Sammenlignet med den leverte rapporten for { $round }.
report-changes-open-previous = Åpne den rapporten
report-changes-first = Dette er den første leverte rapporten i planen, så det er ingen runde å sammenligne med.
report-changes-none = Ingen endringer.
report-changes-completed = { $count ->
    [one] Utført siden sist ({ $count } tiltak)
   *[other] Utført siden sist ({ $count } tiltak)
}
report-changes-changed = { $count ->
    [one] Endret status ({ $count } tiltak)
   *[other] Endret status ({ $count } tiltak)
}
report-changes-new = { $count ->
    [one] Nye tiltak ({ $count })
   *[other] Nye tiltak ({ $count })
}
report-changes-removed = { $count ->
    [one] Fjernet fra planen ({ $count })
   *[other] Fjernet fra planen ({ $count })
}
report-changes-delayed = { $count ->
    [one] Forsinket: planlagte perioder er passert uten «Utført» ({ $count } tiltak)
   *[other] Forsinket: planlagte perioder er passert uten «Utført» ({ $count } tiltak)
}
report-changes-planned = planlagt { $periods }
report-table-heading = Framdriftsplanen med status
report-table-empty = Planen har ingen tiltak.
report-table-caption = Framdriftsplanen med status per tiltak, { $round }
report-col-measure = Tiltak
report-col-responsible = Ansvarlig
report-col-hours = Timer
report-col-cost = Kostnad
report-col-status = Status
report-col-comment = Kommentar
report-col-date = Dato
report-col-planned = Planlagt
report-no-strategy = Uten strategi
report-total = Sum
report-total-cost-incomplete = { $amount } + ukjente beløp
report-trail-heading = Status per tiltak gjennom rundene
report-trail-one = Når flere runder er levert, viser tabellen hvordan statusen har endret seg fra runde til runde.
report-trail-this-draft = { $round } (utkast)
report-history-heading = Historikk
report-sheet-name = Statusrapport

report-form-title = Skriv statusrapport { $round }
report-form-heading = Skriv statusrapporten for { $round }
report-form-intro = Fristen er { $date }. Statusene er fylt ut fra tiltakene; endre dem der det trengs. Du kan lagre utkastet når som helst.
report-stale-heading = { $who } lagret rapporten { $when }, etter at du åpnet skjemaet.
report-stale-advice = Endringene dine er ikke lagret ennå, men de står i skjemaet. Se hva som ble lagret, og lagre igjen hvis dine endringer skal gjelde.
report-stale-open = Åpne rapporten slik den er lagret (ny fane)
report-missing-heading = Rapporten ble ikke levert
report-missing-text = Disse prioriterte tiltakene mangler kommentar: { $measures }.
report-missing-draft-kept = Utkastet er lagret. Skriv kommentarene og lever igjen.
report-form-errors = Noe i skjemaet må rettes. Se meldingene ved feltene.
report-conflicts-heading = Noen tiltak er endret siden rapporten hentet dem
report-conflicts-text = Velg for hvert tiltak hvilken status som skal gjelde. Utkastet er lagret.
report-conflict-mine = Rapportens: { $status }
report-conflict-now = Tiltakets nå: { $status }
report-conflicts-submit = Lever med disse valgene
report-priority-needs-comment = Prioritert – kommentar påkrevd
report-priority-comment-required = Et prioritert tiltak må ha en kommentar før rapporten leveres.
report-save-draft = Lagre utkast
report-submit = Lever rapporten
report-form-cancel = Tilbake til rapporten
report-submit-explained = Når rapporten leveres, låses den slik den er, og statusene skrives tilbake til tiltakene.
