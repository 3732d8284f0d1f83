# Status reports to the rådmann (src/reports, templates/reports).

report-round-june = Juni { $year }
report-round-october = Oktober { $year }
report-round-january = Januar { $year } (om { $covers })
report-round-extra = Ekstra { $date }

report-standing-cancelled = Avlyst
report-standing-submitted = Levert
report-standing-acknowledged = Levert og teke til orientering
report-standing-not-delivered = Ikkje levert
report-standing-open-due = { $days ->
    [0] Ikkje påbyrja – frist i dag
    [one] Ikkje påbyrja – frist om { $days } dag
   *[other] Ikkje påbyrja – frist om { $days } dagar
}
report-standing-draft-due = { $days ->
    [0] Utkast – frist i dag
    [one] Utkast – frist om { $days } dag
   *[other] Utkast – frist om { $days } dagar
}
report-standing-late = { $days ->
    [one] For seint: ikkje levert, { $days } dag over fristen
   *[other] For seint: ikkje levert, { $days } dagar over fristen
}
report-standing-draft-late = { $days ->
    [one] For seint: utkast, { $days } dag over fristen
   *[other] For seint: utkast, { $days } dagar over fristen
}
report-state-not-started = Ikkje påbyrja
report-state-draft = Utkast
report-state-submitted = Levert
report-state-acknowledged = Teke til orientering

report-summary-too-long = Oppsummeringa kan vere høgst { $max } teikn.
report-comment-too-long = Kommentaren kan vere høgst { $max } teikn.
report-ack-too-long = Kommentaren kan vere høgst { $max } teikn.
report-form-no-version = Skjemaet manglar versjonen det vart lasta med. Last sida på nytt og prøv igjen.
report-due-required = Skriv inn ein frist.
report-due-taken = Ein annan runde i planen har alt den fristen.
report-already-submitted = Rapporten er levert og kan ikkje endrast.
report-round-stale = Runden vart endra av nokon andre i mellomtida. Sjå korleis han er no, og prøv igjen.
report-round-added = Runden med frist { $date } er lagd til.
report-round-cancelled = Runden med frist { $date } er avlyst.
report-round-reinstated = Runden med frist { $date } er teken inn igjen.
report-round-moved = Fristen er flytta til { $date }.
report-team-saved = Rapportansvaret er lagra.
report-team-stale = Rapportansvaret vart endra av nokon andre i mellomtida. Sjå korleis det er no, og lagre igjen.
report-draft-saved = Utkastet er lagra.
report-submitted = Rapporten er levert { $date }. Statusane er skrivne tilbake til tiltaka.
report-acknowledged = Rapporten er teken til orientering.
report-ack-not-submitted = Berre ein levert rapport som ikkje alt er teken til orientering, kan takast til orientering.

report-rounds-title = Statusrapportar – { $name }
report-rounds-link = Statusrapportar til rådmannen
report-rounds-breadcrumb = Statusrapportar
report-rounds-heading = Statusrapportar til rådmannen:
report-rounds-intro = Rådmannen skal ha ein kort statusrapport om framdrifta medio juni, medio oktober og medio januar. Januar-rapporten gjeld året som gjekk.
report-rounds-empty = Planen har ingen rapportrundar.
report-archive-heading = Alle rundar, nyaste først
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
report-add-heading = Legg til ein runde
report-add-help = Til dømes ein ekstra rapport før eit budsjettmøte. Ein runde i januar rapporterer på året før.
report-add = Legg til runden
report-team-heading = Kven skriv rapportane
report-team-responsible = Ansvarleg
report-team-helpers = Medhjelparar
report-team-none = Ikkje sett
report-team-who-writes = Den ansvarlege og medhjelparane kan skrive rapportane, i tillegg til IKT-tilsette.
report-team-save = Lagre rapportansvaret
report-next-label = Neste statusrapport:
report-next-due = frist { $date }
report-plan-closed = Planperioden er over: { $submitted } av { $total } rapportar vart leverte.
report-all-submitted = Alle rapportane i planen er leverte.

report-page-title = Statusrapport { $round } – { $plan }
report-doc-title = Statusrapport til rådmannen
report-not-frozen = Ikkje levert enno: viser planen slik han er no
report-write = Skriv rapporten
report-write-next = Skriv rapporten for { $round }
report-download-excel = Last ned som Excel
report-print = Skriv ut
report-fact-plan = Plan
report-fact-round = Runde
report-fact-due = Frist
report-fact-responsible = Ansvarleg
report-fact-state = Tilstand
report-fact-saved = Sist lagra
report-fact-submitted = Levert
report-fact-acknowledged = Teke til orientering
report-fact-ack-comment = Kommentaren frå rådmannen
report-fact-printed = Utskrift
report-ack-heading = Ta rapporten til orientering
report-ack-comment = Kommentar (valfri)
report-ack-submit = Ta til orientering
report-summary-heading = Oppsummering for rådmannen
report-summary-empty = Inga oppsummering er skriven.
report-summary-help = Kort om framdrifta i perioden: kva er gjort, kva er forseinka, og kva rådmannen bør vite.
report-priority-heading = Kommentarar til dei prioriterte tiltaka
report-priority-none = Planen har ingen prioriterte tiltak.
report-no-comment = ingen kommentar
report-changes-heading = Endringar sidan førre runde
report-changes-since = Samanlikna med den leverte rapporten for { $round }.
report-changes-open-previous = Opne den rapporten
report-changes-first = Dette er den første leverte rapporten i planen, så det er ingen runde å samanlikne med.
report-changes-none = Ingen endringar.
report-changes-completed = { $count ->
    [one] Utført sidan sist ({ $count } tiltak)
   *[other] Utført sidan sist ({ $count } tiltak)
}
report-changes-changed = { $count ->
    [one] Endra status ({ $count } tiltak)
   *[other] Endra status ({ $count } tiltak)
}
report-changes-new = { $count ->
    [one] Nye tiltak ({ $count })
   *[other] Nye tiltak ({ $count })
}
report-changes-removed = { $count ->
    [one] Fjerna frå planen ({ $count })
   *[other] Fjerna frå planen ({ $count })
}
report-changes-delayed = { $count ->
    [one] Forseinka: planlagde periodar er passerte utan «Utført» ({ $count } tiltak)
   *[other] Forseinka: planlagde periodar er passerte utan «Utført» ({ $count } tiltak)
}
report-changes-planned = planlagt { $periods }
report-table-heading = Framdriftsplanen med status
report-table-empty = Planen har ingen tiltak.
report-table-caption = Framdriftsplanen med status per tiltak, { $round }
report-col-measure = Tiltak
report-col-responsible = Ansvarleg
report-col-hours = Timar
report-col-cost = Kostnad
report-col-status = Status
report-col-comment = Kommentar
report-col-date = Dato
report-col-planned = Planlagt
report-no-strategy = Utan strategi
report-total = Sum
report-total-cost-incomplete = { $amount } + ukjende beløp
report-trail-heading = Status per tiltak gjennom rundane
report-trail-one = Når fleire rundar er leverte, viser tabellen korleis statusen har endra seg frå runde til runde.
report-trail-this-draft = { $round } (utkast)
report-history-heading = Historikk
report-sheet-name = Statusrapport

report-form-title = Skriv statusrapport { $round }
report-form-heading = Skriv statusrapporten for { $round }
report-form-intro = Fristen er { $date }. Statusane er fylte ut frå tiltaka; endre dei der det trengst. Du kan lagre utkastet når som helst.
report-stale-heading = { $who } lagra rapporten { $when }, etter at du opna skjemaet.
report-stale-advice = Endringane dine er ikkje lagra enno, men dei står i skjemaet. Sjå kva som vart lagra, og lagre igjen dersom endringane dine skal gjelde.
report-stale-open = Opne rapporten slik han er lagra (ny fane)
report-missing-heading = Rapporten vart ikkje levert
report-missing-text = Desse prioriterte tiltaka manglar kommentar: { $measures }.
report-missing-draft-kept = Utkastet er lagra. Skriv kommentarane og lever igjen.
report-form-errors = Noko i skjemaet må rettast. Sjå meldingane ved felta.
report-conflicts-heading = Nokre tiltak er endra sidan rapporten henta dei
report-conflicts-text = Vel for kvart tiltak kva status som skal gjelde. Utkastet er lagra.
report-conflict-mine = Rapporten sin: { $status }
report-conflict-now = Tiltaket no: { $status }
report-conflicts-submit = Lever med desse vala
report-priority-needs-comment = Prioritert – kommentar påkravd
report-priority-comment-required = Eit prioritert tiltak må ha ein kommentar før rapporten vert levert.
report-save-draft = Lagre utkast
report-submit = Lever rapporten
report-form-cancel = Tilbake til rapporten
report-submit-explained = Når rapporten vert levert, vert han låst slik han er, og statusane vert skrivne tilbake til tiltaka.
