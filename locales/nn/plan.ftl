# The action plans (plan/): the list, a new plan, the progress plan and its totals, rolling.

plan-list-title = Handlingsplanar
plan-new = Ny handlingsplan
plan-list-empty = Kommunen har ingen handlingsplan enno.
plan-list-empty-create = Opprett den første med knappen over.
plan-list-empty-strategy-first = Lag IKT-strategien først, så kan planen knytast til han.
plan-col-plan = Plan
plan-col-period = Periode
plan-col-measures = Tiltak
plan-col-open = Ikkje ferdige
plan-col-hours = Eigeninnsats
plan-col-rolled-from = Rullert frå
plan-rolled-tag = Rullert
plan-form-has-errors = Skjemaet har feil. Sjå meldingane ved felta.

plan-new-intro = Det første året blir planlagt per månad, dei neste åra per kvartal. For å lage planen for neste år ut frå ein eksisterande plan, bruk «Rullér planen» på framdriftsplanen.
plan-field-name = Namn
plan-field-first-year = Første år
plan-field-last-year = Siste år
plan-field-strategy = Strategi
plan-new-submit = Opprett plan
plan-name-required = Skriv eit namn på planen, til dømes «Handlingsplan IKT 2014–2016».
plan-name-too-long = Namnet kan ha høgst 200 teikn.
plan-document-required = Vel strategien planen høyrer til, eller «Ingen strategi (prosjektplan)».
plan-document-none = Ingen strategi (prosjektplan)
plan-created = Handlingsplanen «{ $name }» er oppretta.
# $form: «new» (the new plan's form) or «roll» (the roll form).
plan-year-start-digits = Skriv { $form ->
        [roll] startåret
       *[new] første år
    } med fire siffer, til dømes { $example }.
plan-year-end-digits = Skriv { $form ->
        [roll] sluttåret
       *[new] siste år
    } med fire siffer, til dømes { $example }.
plan-year-end-before-start = { $form ->
        [roll] Sluttåret kan ikkje vere før startåret.
       *[new] Siste år kan ikkje vere før første år.
    }
plan-year-span-too-long = Ein handlingsplan kan vare i høgst seks år: { $form ->
        [roll] sluttåret
       *[new] siste år
    } kan vere høgst { $max }.

# Rolling (plan/roll.rs, plan/model.rs).
plan-late-label = Frå { $year }
plan-carry-no-schedule = Har ingen tidsplan.
plan-carry-periods = { $count ->
        [one] { $count } periode
       *[other] { $count } periodar
    }
plan-carry-late = Forseinka: { $periods } i { $years } { $count ->
        [one] blir flytt
       *[other] blir samla
    } til januar { $year }, merkt «{ $label }»
plan-carry-kept = { $periods } held på plassen
plan-carry-dropped = { $periods } etter { $year } fell bort
plan-roll-page-title = Rullere { $name }
plan-roll-heading = Rullere handlingsplanen
plan-roll-intro = Rulleringa lagar ein ny handlingsplan ut frå «{ $name }» ({ $start }–{ $end }). Tiltak som ikkje er fullførte, kan førast vidare til den nye planen. Den gamle planen og tiltaka i han blir ståande uendra, slik at historikken er teken vare på.
plan-roll-timing-intro = Framdrifta blir ført med over. Periodar i åra den nye planen dekkjer, held på plassen sin (kvartal i det nye startåret blir til dei tre månadene i kvartalet). Planlagt arbeid frå før det nye startåret er forseinka: det blir flytt til januar i det nye startåret og merkt med året det var planlagt, til dømes «{ $label }». Kolonnen «Framdrift» viser kva som skjer med kvart tiltak.
plan-roll-year-taken-choose = Det finst alt ein handlingsplan som startar i { $year }. Vel eit anna startår.
plan-roll-submit = Opprett ny handlingsplan
plan-roll-field-name = Namn på den nye planen
plan-roll-period-legend = Periode for den nye planen
plan-roll-field-start = Startår
plan-roll-field-end = Sluttår
plan-roll-open-heading = Tiltak som ikkje er fullførte ({ $count })
plan-roll-none-open = Alle tiltaka i planen er utførte eller avbrotne. Den nye planen startar utan tiltak.
plan-roll-tick-intro = Kryss av for tiltaka som skal førast vidare. Tiltak utan kryss blir berre ståande i den gamle planen.
plan-roll-select-all = Vel alle
plan-roll-select-none = Vel ingen
plan-roll-group-caption = Tiltak under { $name }
plan-roll-carry = Før vidare
plan-col-status = Status
plan-roll-col-timing = Framdrift
plan-roll-finished-heading = Fullførte tiltak som blir ståande i den gamle planen ({ $count })
plan-roll-none-finished = Ingen tiltak er utførte eller avbrotne.
plan-roll-no-strategy = Utan strategi
plan-roll-name-required = Skriv namnet på den nye handlingsplanen.
plan-roll-start-too-early = Den nye planen må starte etter { $year }, som er startåret for planen som blir rullert.
plan-roll-year-taken = Det finst alt ein handlingsplan som startar i { $year }.
plan-rolled = Ny handlingsplan er oppretta. { $count } tiltak er førte vidare.

# The progress plan (plan/progress.rs, templates/plan/progress*.html).
plan-progress-page-title = Framdriftsplan – { $name }
plan-progress-heading = Framdriftsplan:
plan-status-per = Status per { $date }
plan-rolled-into = Planen vart rullert { $date } og er ikkje lenger gjeldande. Gjeldande plan er
plan-download-excel = Last ned Excel
plan-download-csv = Last ned CSV
plan-new-measure = Nytt tiltak
plan-import-measures = Importer tiltak
plan-roll-button = Rullér planen
plan-filter-label = Filtrer tiltak
plan-filter-responsible = Ansvarleg
plan-filter-financing = Finansiering
plan-filter-year = År
plan-filter-priority = Berre prioriterte tiltak
plan-filter-late = Berre forseinka tiltak
plan-filter-submit = Filtrer
plan-filter-clear = Vis alle tiltak
plan-pager-label = Sider i framdriftsplanen
plan-pager-showing-all = Viser alle { $count } radene.
plan-pager-by-page = Vis sidevis
plan-pager-prev = ← Førre side
plan-pager-next = Neste side →
plan-pager-rows = { $count ->
        [one] { $count } rad
       *[other] { $count } rader
    }
plan-pager-all = Vis alle radene (for utskrift)
plan-empty-filtered = Ingen tiltak passar til filteret.
plan-empty = Ingen tiltak er lagde inn i planen enno.
plan-row-label-status = Ny status for
plan-row-label-date = Dato for
plan-row-label-comment = Statuskommentar for
plan-row-label-save = Lagre status for
plan-print-legend = Merknader i tidsplanen:
plan-table-caption = Framdriftsplan { $name }, gruppert etter mål og strategi
plan-col-hours-short = Timar
plan-col-cost = Kostnad
plan-col-responsible = Ansvar
plan-today = i dag
plan-measure-count = { $count ->
        [one] { $count } tiltak
       *[other] { $count } tiltak
    }
plan-orphan-goal = Tiltak utan strategi
plan-project-goal = Tiltak i planen (planen høyrer ikkje til ein strategi)
plan-orphan-strategy = Knytt til hovudmålet, ikkje til ein enkelt strategi

plan-totals-heading-selection = Sum for utvalet
plan-totals-heading-plan = Sum for planen
plan-totals-showing = Viser { $shown } av { $of } tiltak:
plan-totals-hours = eigeninnsats og
plan-totals-known-costs = i kjende kostnader
plan-totals-unknown-costs = { $count ->
        [one] { $count } kostnad er ukjend eller må utgreiast
       *[other] { $count } kostnader er ukjende eller må utgreiast
    }
plan-totals-counted-once = Tiltak som tener fleire strategiar, blir talde éin gong.
plan-totals-status = Status:
plan-totals-late = { $count } forseinka
plan-totals-by-year = Per år tiltaket startar
plan-totals-no-schedule = Utan tidsplan
plan-totals-by-financing = Kostnad per finansiering
plan-totals-known-amount = Kjend beløp
plan-totals-unknown-amounts = Ukjende beløp

plan-row-priority = Prioritert
plan-row-also-under = Også under:
plan-row-counted-once = (blir talt éin gong i totalane)
plan-row-late = Forseinka
plan-row-date = Dato
plan-row-comment = Kommentar
plan-row-save = Lagre
plan-row-planned = Planlagt
plan-filter-all = Alle

## Milepælar og avgjerdspunkt (issue 12)
plan-milestones-link = { $count ->
    [0] Milepælar
    [one] Milepælar (1)
   *[other] Milepælar ({ $count })
}
plan-milestones-group = Milepælar og avgjerdspunkt
milestones-title = Milepælar – { $plan }
milestones-heading = Milepælar og avgjerdspunkt i
milestones-back-to-plan = ← Tilbake til framdriftsplanen
milestones-explained = Ein milepæl (MP) er eit målbart resultat på ein dato; eit avgjerdspunkt (BP) er ein dato der nokon skal avgjere noko. Begge blir viste som ◆ i periodekolonnen i framdriftsplanen.
milestones-empty = Planen har ingen milepælar enno.
milestones-actions = Handlingar
milestones-edit = Endre
milestones-edit-label = Endre { $name }
milestones-delete = Slett
milestones-delete-label = Slett { $name }
milestones-history = Historikk
milestones-history-label = Historikk for { $name }
milestones-new = Ny milepæl eller nytt avgjerdspunkt
milestones-add = Legg til
milestone-kind = Type
milestone-kind-milestone = Milepæl
milestone-kind-decision-point = Avgjerdspunkt
milestone-criterion-milestone = Målbart resultat
milestone-criterion-decision-point = Avgjerdsgrunnlag
milestone-code = Nummer
milestone-code-hint = Nummer (til dømes MP1 eller BP2, valfritt)
milestone-name = Namn
milestone-due = Dato
milestone-criterion = Målbart resultat eller avgjerdsgrunnlag
milestone-outside-plan = utanfor planperioden
milestone-kind-required = Vel om det er ein milepæl eller eit avgjerdspunkt.
milestone-name-required = Skriv kva milepælen heiter.
milestone-due-required = Skriv datoen, til dømes 15.03.2017.
milestone-too-long = Høgst { $max } teikn.
milestone-created = «{ $name }» er lagt til.
milestone-saved = «{ $name }» er lagra.
milestone-unchanged = Ingen endringar å lagre.
milestone-deleted = «{ $name }» er sletta.
milestone-edit-title = Endre { $name }
milestone-edit-heading = Endre
milestone-back = ← Tilbake til milepælane
milestone-conflict = Nokon andre lagra denne milepælen etter at du opna skjemaet. Det du skreiv, står framleis her; sjå over og lagre igjen for å skrive over.
milestone-save = Lagre
milestone-cancel = Avbryt
milestone-delete-title = Slett { $name }
milestone-delete-heading = Slette
milestone-delete-explained = Milepælen { $date } blir fjerna frå «{ $plan }». Historikken blir teken vare på.
milestone-delete-submit = Slett milepælen
