# The action plans (plan/): the list, a new plan, the progress plan and its totals, rolling.

plan-list-title = Handlingsplaner
plan-new = Ny handlingsplan
plan-list-empty = Kommunen har ingen handlingsplan ennå.
plan-list-empty-create = Opprett den første med knappen over.
plan-list-empty-strategy-first = Lag IKT-strategien først, så kan planen knyttes til den.
plan-col-plan = Plan
plan-col-period = Periode
plan-col-measures = Tiltak
plan-col-open = Ikke ferdige
plan-col-hours = Egeninnsats
plan-col-rolled-from = Rullert fra
plan-rolled-tag = Rullert
plan-form-has-errors = Skjemaet har feil. Se meldingene ved feltene.

plan-new-intro = Første år planlegges per måned, de neste årene per kvartal. For å lage neste års plan ut fra en eksisterende, bruk «Rullér planen» på framdriftsplanen.
plan-field-name = Navn
plan-field-first-year = Første år
plan-field-last-year = Siste år
plan-field-strategy = Strategi
plan-new-submit = Opprett plan
plan-name-required = Skriv et navn på planen, for eksempel «Handlingsplan IKT 2014–2016».
plan-name-too-long = Navnet kan ha høyst 200 tegn.
plan-document-required = Velg strategien planen hører til, eller «Ingen strategi (prosjektplan)».
plan-document-none = Ingen strategi (prosjektplan)
plan-created = Handlingsplanen «{ $name }» er opprettet.
# $form: «new» (the new plan's form) or «roll» (the roll form).
plan-year-start-digits = Skriv { $form ->
        [roll] startåret
       *[new] første år
    } med fire sifre, for eksempel { $example }.
plan-year-end-digits = Skriv { $form ->
        [roll] sluttåret
       *[new] siste år
    } med fire sifre, for eksempel { $example }.
plan-year-end-before-start = { $form ->
        [roll] Sluttåret kan ikke være før startåret.
       *[new] Siste år kan ikke være før første år.
    }
plan-year-span-too-long = En handlingsplan kan vare i høyst seks år: { $form ->
        [roll] sluttåret
       *[new] siste år
    } kan være høyst { $max }.

# Rolling (plan/roll.rs, plan/model.rs).
plan-late-label = Fra { $year }
plan-carry-no-schedule = Har ingen tidsplan.
plan-carry-periods = { $count ->
        [one] { $count } periode
       *[other] { $count } perioder
    }
plan-carry-late = Forsinket: { $periods } i { $years } { $count ->
        [one] flyttes
       *[other] samles
    } i januar { $year }, merket «{ $label }»
plan-carry-kept = { $periods } beholder plassen
plan-carry-dropped = { $periods } etter { $year } faller bort
plan-roll-page-title = Rullere { $name }
plan-roll-heading = Rullere handlingsplanen
plan-roll-intro = Rulleringen lager en ny handlingsplan ut fra «{ $name }» ({ $start }–{ $end }). Tiltak som ikke er fullført, kan føres videre til den nye planen. Den gamle planen og tiltakene i den blir stående uendret, slik at historikken er tatt vare på.
plan-roll-timing-intro = Framdriften føres med over. Perioder i årene den nye planen dekker, beholder plassen sin (kvartaler i det nye startåret blir til de tre månedene i kvartalet). Planlagt arbeid fra før det nye startåret er forsinket: det flyttes til januar i det nye startåret og merkes med året det var planlagt, for eksempel «{ $label }». Kolonnen «Framdrift» viser hva som skjer med hvert tiltak.
plan-roll-year-taken-choose = Det finnes allerede en handlingsplan som starter i { $year }. Velg et annet startår.
plan-roll-submit = Opprett ny handlingsplan
plan-roll-field-name = Navn på den nye planen
plan-roll-period-legend = Periode for den nye planen
plan-roll-field-start = Startår
plan-roll-field-end = Sluttår
plan-roll-open-heading = Tiltak som ikke er fullført ({ $count })
plan-roll-none-open = Alle tiltakene i planen er utført eller avbrutt. Den nye planen starter uten tiltak.
plan-roll-tick-intro = Kryss av for tiltakene som skal føres videre. Tiltak uten kryss blir bare stående i den gamle planen.
plan-roll-select-all = Velg alle
plan-roll-select-none = Velg ingen
plan-roll-group-caption = Tiltak under { $name }
plan-roll-carry = Før videre
plan-col-status = Status
plan-roll-col-timing = Framdrift
plan-roll-finished-heading = Fullførte tiltak som blir stående i den gamle planen ({ $count })
plan-roll-none-finished = Ingen tiltak er utført eller avbrutt.
plan-roll-no-strategy = Uten strategi
plan-roll-name-required = Skriv navnet på den nye handlingsplanen.
plan-roll-start-too-early = Den nye planen må starte etter { $year }, som er startåret for planen som rulleres.
plan-roll-year-taken = Det finnes allerede en handlingsplan som starter i { $year }.
plan-rolled = Ny handlingsplan er opprettet. { $count } tiltak er ført videre.

# The progress plan (plan/progress.rs, templates/plan/progress*.html).
plan-progress-page-title = Framdriftsplan – { $name }
plan-progress-heading = Framdriftsplan:
plan-status-per = Status per { $date }
plan-rolled-into = Planen ble rullert { $date } og er ikke lenger gjeldende. Gjeldende plan er
plan-download-excel = Last ned Excel
plan-download-csv = Last ned CSV
plan-new-measure = Nytt tiltak
plan-import-measures = Importer tiltak
plan-roll-button = Rullér planen
plan-filter-label = Filtrer tiltak
plan-filter-responsible = Ansvarlig
plan-filter-financing = Finansiering
plan-filter-year = År
plan-filter-priority = Bare prioriterte tiltak
plan-filter-late = Bare forsinkede tiltak
plan-filter-submit = Filtrer
plan-filter-clear = Vis alle tiltak
plan-pager-label = Sider i framdriftsplanen
plan-pager-showing-all = Viser alle { $count } rader.
plan-pager-by-page = Vis sidevis
plan-pager-prev = ← Forrige side
plan-pager-next = Neste side →
plan-pager-rows = { $count ->
        [one] { $count } rad
       *[other] { $count } rader
    }
plan-pager-all = Vis alle rader (for utskrift)
plan-empty-filtered = Ingen tiltak passer filteret.
plan-empty = Ingen tiltak er lagt inn i planen ennå.
plan-row-label-status = Ny status for
plan-row-label-date = Dato for
plan-row-label-comment = Statuskommentar for
plan-row-label-save = Lagre status for
plan-print-legend = Merknader i tidsplanen:
plan-table-caption = Framdriftsplan { $name }, gruppert etter mål og strategi
plan-col-hours-short = Timer
plan-col-cost = Kostnad
plan-col-responsible = Ansvar
plan-today = i dag
plan-measure-count = { $count ->
        [one] { $count } tiltak
       *[other] { $count } tiltak
    }
plan-orphan-goal = Tiltak uten strategi
plan-project-goal = Tiltak i planen (planen hører ikke til en strategi)
plan-orphan-strategy = Knyttet til hovedmålet, ikke til en enkelt strategi

plan-totals-heading-selection = Sum for utvalget
plan-totals-heading-plan = Sum for planen
plan-totals-showing = Viser { $shown } av { $of } tiltak:
plan-totals-hours = egeninnsats og
plan-totals-known-costs = i kjente kostnader
plan-totals-unknown-costs = { $count ->
        [one] { $count } kostnader er ukjente eller må utredes
       *[other] { $count } kostnader er ukjente eller må utredes
    }
plan-totals-counted-once = Tiltak som tjener flere strategier telles én gang.
plan-totals-status = Status:
plan-totals-late = { $count } forsinket
plan-totals-by-year = Per år tiltaket starter
plan-totals-no-schedule = Uten tidsplan
plan-totals-by-financing = Kostnad per finansiering
plan-totals-known-amount = Kjent beløp
plan-totals-unknown-amounts = Ukjente beløp

plan-row-priority = Prioritert
plan-row-also-under = Også under:
plan-row-counted-once = (telles én gang i totalene)
plan-row-late = Forsinket
plan-row-date = Dato
plan-row-comment = Kommentar
plan-row-save = Lagre
plan-row-planned = Planlagt
plan-filter-all = Alle

## Milepæler og beslutningspunkter (issue 12)
plan-milestones-link = { $count ->
    [0] Milepæler
    [one] Milepæler (1)
   *[other] Milepæler ({ $count })
}
plan-milestones-group = Milepæler og beslutningspunkter
milestones-title = Milepæler – { $plan }
milestones-heading = Milepæler og beslutningspunkter i
milestones-back-to-plan = ← Tilbake til framdriftsplanen
milestones-explained = En milepæl (MP) er et målbart resultat på en dato; et beslutningspunkt (BP) er en dato der noen skal bestemme noe. Begge vises som ◆ i framdriftsplanens periodekolonne.
milestones-empty = Planen har ingen milepæler ennå.
milestones-actions = Handlinger
milestones-edit = Endre
milestones-edit-label = Endre { $name }
milestones-delete = Slett
milestones-delete-label = Slett { $name }
milestones-history = Historikk
milestones-history-label = Historikk for { $name }
milestones-new = Ny milepæl eller nytt beslutningspunkt
milestones-add = Legg til
milestone-kind = Type
milestone-kind-milestone = Milepæl
milestone-kind-decision-point = Beslutningspunkt
milestone-criterion-milestone = Målbart resultat
milestone-criterion-decision-point = Beslutningsgrunnlag
milestone-code = Nummer
milestone-code-hint = Nummer (for eksempel MP1 eller BP2, valgfritt)
milestone-name = Navn
milestone-due = Dato
milestone-criterion = Målbart resultat eller beslutningsgrunnlag
milestone-outside-plan = utenfor planperioden
milestone-kind-required = Velg om det er en milepæl eller et beslutningspunkt.
milestone-name-required = Skriv hva milepælen heter.
milestone-due-required = Skriv datoen, for eksempel 15.03.2017.
milestone-too-long = Høyst { $max } tegn.
milestone-created = «{ $name }» er lagt til.
milestone-saved = «{ $name }» er lagret.
milestone-unchanged = Ingen endringer å lagre.
milestone-deleted = «{ $name }» er slettet.
milestone-edit-title = Endre { $name }
milestone-edit-heading = Endre
milestone-back = ← Tilbake til milepælene
milestone-conflict = Noen andre lagret denne milepælen etter at du åpnet skjemaet. Det du skrev, står fortsatt her; se over og lagre igjen for å skrive over.
milestone-save = Lagre
milestone-cancel = Avbryt
milestone-delete-title = Slett { $name }
milestone-delete-heading = Slette
milestone-delete-explained = Milepælen { $date } fjernes fra «{ $plan }». Historikken tas vare på.
milestone-delete-submit = Slett milepælen
