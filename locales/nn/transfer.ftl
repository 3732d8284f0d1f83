# Export and import of the progress plan (plan/transfer/): column headers and the sheet.

transfer-col-key = Tiltaks-ID
transfer-col-goal = Mål
transfer-col-strategy = Strategi
transfer-col-title = Tiltak
transfer-col-plan = Handlingsplan
transfer-col-description = Skildring
transfer-col-hours = Timar
transfer-col-cost = Kostnad
transfer-col-responsible = Ansvar
transfer-col-status = Status
transfer-col-status-date = Statusdato
transfer-col-status-comment = Statuskommentar
transfer-col-priority = Prioritert
transfer-yes = Ja
transfer-sheet-name = Framdriftsplan
transfer-col-financing = Finansiering
transfer-col-periods = Periodekolonnar
transfer-col-start-end = Start og Slutt
transfer-col-number = Nr

# The upload page (plan/transfer/import.rs, templates/plan/import.html).
transfer-import-page-title = Importer tiltak – { $name }
transfer-import-intro = Last opp ei Excel-arbeidsbok (.xlsx) eller ei CSV-fil med tiltak til «{ $name }». Du får først sjå kva som blir importert, og alle feil i fila. Ingenting blir lagra før du stadfestar.
transfer-import-template = Den enklaste malen er planen slik han er no:
transfer-import-template-csv = last ned planen som CSV
transfer-import-template-or = eller
transfer-import-template-xlsx = som Excel
transfer-import-template-rest = , og endre han. Rader med ein Tiltaks-ID endrar det tiltaket; rader utan blir nye tiltak. Førehandsvisinga viser for kvart tiltak om det blir nytt, endra (kva som blir endra) eller uendra.
transfer-import-nothing-see-field = Ingenting er importert. Sjå meldinga ved filfeltet.
transfer-import-file-label = Fil (.xlsx eller .csv, høgst 5 MB)
transfer-import-preview-submit = Førehandsvis import
transfer-import-columns-heading = Kolonnane i fila
transfer-import-columns-caption = Kolonnar i importfila
transfer-import-col-column = Kolonne
transfer-import-col-content = Innhald
transfer-import-col-example = Døme
transfer-import-period-columns = Periodekolonnane i denne planen: { $columns }.
transfer-import-columns-intro = Første rad er overskriftsrada med kolonnenamna under (same som CSV-eksporten, på bokmål eller nynorsk). Rekkjefølgja spelar inga rolle, og berre «Tiltak» og «Strategi» må vere med. Mange vanlege kolonnenamn blir også forstått (sjå under); eit namn som ikkje blir forstått, gir ei feilmelding med det næraste kjende namnet. CSV-filer kan skiljast med semikolon eller komma og vere lagra som UTF-8 eller med standardteiknsettet til Excel. I Excel-filer blir det første reknearket lese; der blir også «Handlingsplan» godteke for «Tiltak» og året i rada over periodane, slik Excel-eksporten ser ut.
transfer-help-key = Nøkkelen til tiltaket, slik eksporten skriv han. Ei rad med ID-en til eit tiltak i planen endrar det tiltaket i staden for å lage eit nytt; la han stå urørt. Tom: eit nytt tiltak (har planen eit tiltak med nøyaktig same tittel, kan du velje i førehandsvisinga å endre det i staden). ID-en til eit tiltak i ein annan plan gir eit nytt tiltak her.
transfer-help-goal = Målområdet. Berre til lesing: strategien avgjer kvar tiltaket hamnar.
transfer-help-strategy = Strategien slik han står i IKT-strategien (store og små bokstavar spelar inga rolle). Eit tiltak som tener fleire strategiar, står på éi rad per strategi med same tekst i «Tiltak». Tom: tiltaket blir knytt til hovudmålet.
transfer-help-title = Tittelen på tiltaket. Må fyllast ut. Også «Tittel», «Tiltaksnamn» eller «Aktivitet».
transfer-help-description = Valfri, ei lengre skildring. Også «Beskriving», «Tiltaksskildring» eller «Innhald».
transfer-help-hours = Eigeninnsats i timar, med desimalkomma. Tom: ukjend. Også «Eigeninnsats», «Tal på timar» eller «Timeverk».
transfer-help-cost = Beløp og finansiering i parentes, eller ein merknad. Fleire kostnader blir skilde med « + ». Beløp kan skrivast med mellomrom eller punktum mellom tusen og med «kr», «,-» eller «kr» etter: «12 500», «12.500», «kr 12 500,-» og «12.500 kr» er alle tolv tusen fem hundre. Eit punktum som ikkje står framfor nøyaktig tre siffer, er desimalteikn («1.5» er halvannan krone). Tom: ingen kostnad utover eigeninnsats. Også «Kostnader», «Beløp» eller «Kostnadsoverslag».
transfer-help-financing = Valfri, for ark som har finansieringa i ein eigen kolonne: gjeld kostnadene på rada som ikkje har finansiering i «Kostnad». Utan kostnad blir ho ei kostnadslinje utan beløp.
transfer-help-responsible = Namnet på ein person eller ei eining i kommunen blir kopla til dei; førenamn åleine blir kopla til personen når berre éin person i kommunen har det («Jan Magne» → Jan Magne Langseth). Førehandsvisinga viser koplinga. Anna tekst blir lagra som han er (ei rolle). Også «Ansvarleg».
transfer-help-status = Ikkje starta, Pågår, Utført, Utsett eller Avbrote. Også forstått: Ferdig, Fullført, Gjennomført (Utført); Starta, I gang, Påbyrja (Pågår); Ikkje påbyrja, Planlagt (Ikkje starta); På vent (Utsett); Avlyst, Stoppa (Avbrote). Tom: Ikkje starta.
transfer-help-status-date = Dato for statusen, som dd.mm.åååå. Eit tosifra år blir lese som 2000–2069 for 00–69 og 1970–1999 for 70–99 («30.04.14» er 30.04.2014). Ein dato meir enn ti år frå planperioden blir avvist som ein skrivefeil.
transfer-help-status-comment = Fritekst, høgst 2000 teikn. Også «Kommentar» eller «Merknad».
transfer-help-priority = «Ja» (eller «x», «Høg») for prioriterte tiltak, elles tom («Nei», «Låg», «Normal»). Også «Prioritet».
transfer-help-periods = Éin kolonne per periode: månader i { $start }, kvartal i åra etter. Skriv «x» i periodar tiltaket går, eller ein merknad som «Utgreiing».
transfer-help-start-end = I staden for periodekolonnane: tiltaket blir planlagt i kvar periode frå Start til og med Slutt. Skriv eit år, ein månad eller ein dato. Ein dato eller månad i { $start } gir den månaden, seinare år kvartalet datoen ligg i; eit år åleine startar i den første perioden i året og sluttar i den siste. Berre Start eller berre Slutt gir den eine perioden. Start før planperioden blir rekna frå den første perioden i planen, Slutt etter han til den siste. Også «Oppstart»/«Startdato» og «Sluttdato»/«Frist».
transfer-help-number = Ei eiga nummerering i arket («Nr», «Løpenr») blir ikkje lesen.
transfer-help-start-end-example = Start { $start }, Slutt { $end }
# Examples in the column table. The financing phrases are what the import reads, so they stay as the file writes them.
transfer-example-title = Innføre Feide i skulen
transfer-example-cost = kr 34 984 (dekkes av gjeldende budsjett) · kr 100 000 (krever budsjettbevilgning) · må utgreiast
transfer-example-responsible = Magnus Rønningen · Jan Magne · Systemeigar

# The preview (plan/transfer/preview.rs, templates/plan/import_preview.html).
transfer-fate-new = Ny
transfer-fate-changed = Endra
transfer-fate-unchanged = Uendra
transfer-fate-same-title = Same tittel
transfer-fate-error = Feil
transfer-summary-new = { $count ->
        [one] { $count } nytt
       *[other] { $count } nye
    }
transfer-summary-changed = { $count } endra
transfer-summary-unchanged = { $count } uendra
transfer-summary-same-title = { $count } med same tittel som eit tiltak i planen
transfer-summary-and = { $list } og { $last }
transfer-preview-nothing-saved = Ingenting er lagra enno. Fila har { $count } tiltak: { $summary }. Sjå over { $count ->
        [one] tiltaket
       *[other] tiltaka
    } under og stadfest importen.
transfer-preview-page-title = Førehandsvising av import – { $name }
transfer-preview-heading = Førehandsvising av import
transfer-preview-file = Fil:
transfer-preview-nothing-imported = Ingenting er importert
transfer-preview-error-count = Fila har { $count } feil. Rett dei i fila og last ho opp på nytt. Radnummera er slik dei står i reknearket.
transfer-preview-errors-heading = Feil i fila
transfer-preview-upload-fixed = Last opp retta fil (.xlsx eller .csv, høgst 5 MB)
transfer-preview-rows-heading = Tiltaka i fila
transfer-preview-rows-heading-errors = Rader utan feil (blir ikkje importerte før alle feil er retta)
transfer-preview-fates = «Ny» blir eit nytt tiltak, «Endra» endrar tiltaket med same Tiltaks-ID (felta som blir endra, står med verdien før og etter), «Uendra» lèt tiltaket vere. «Same tittel» har ingen Tiltaks-ID, men planen har eit tiltak med nøyaktig same tittel. Endra og nye tiltak står først.
transfer-preview-caption = Tiltaka i fila og kva importen gjer med dei
transfer-preview-caption-errors = Rader utan feil
transfer-preview-col-row = Rad
transfer-preview-col-fate = Kva skjer
transfer-preview-col-periods = Planlagde periodar
transfer-preview-if-same-title = Dersom du vel å endre tiltak med same tittel:
transfer-preview-same-as-plan = Likt tiltaket i planen.
transfer-preview-goal-only = Knytt til hovudmålet
transfer-preview-unknown = Ukjend
transfer-preview-no-periods = Ikkje tidfesta
transfer-preview-typed-as = frå «{ $typed }»
transfer-preview-match-titles = Endre tiltaka i planen som har same tittel ({ $count }), i staden for å lage dei som nye
transfer-preview-match-titles-desc = Utan avkryssing blir radene merkte «Same tittel» nye tiltak ved sida av dei som finst.
transfer-preview-confirm = Stadfest importen
transfer-preview-cancel = Avbryt
transfer-preview-no-changes = Fila endrar ingenting i planen.
transfer-preview-back = Tilbake til planen
transfer-preview-gone = Førehandsvisinga finst ikkje lenger: ho har gått ut (etter to timar) eller er alt importert. Ingenting vart importert no. Last opp fila på nytt.

# The confirmation's flash (plan/transfer/import.rs).
transfer-refused-deleted = «{ $title }» (sletta etter opplastinga)
transfer-refused-changed = «{ $title }» (endra av { $who } { $when })
transfer-imported-nothing = Ingenting vart endra av «{ $file }».
transfer-imported-nothing-refused = Ingenting vart endra av «{ $file }». { $refused } tiltak vart ikkje endra, fordi nokon endra { $refused ->
        [one] det
       *[other] dei
    } etter førehandsvisinga: { $list }. Ingenting er skrive over. Last ned planen på nytt og gjer endringane der.
transfer-imported = Importert frå «{ $file }»: { $created ->
        [0] {""}
        [one] { $created } nytt tiltak
       *[other] { $created } nye tiltak
    }{ $changed ->
        [0] {""}
       *[other] { $created ->
            [0] {""}
           *[other] {", "}
        }{ $changed } endra
    }{ $unchanged ->
        [0] {""}
       *[other] { $created ->
            [0] { $changed ->
                [0] {""}
               *[other] {", "}
            }
           *[other] {", "}
        }{ $unchanged } uendra
    }.
transfer-imported-refused = Importert frå «{ $file }»: { $created ->
        [0] {""}
        [one] { $created } nytt tiltak
       *[other] { $created } nye tiltak
    }{ $changed ->
        [0] {""}
       *[other] { $created ->
            [0] {""}
           *[other] {", "}
        }{ $changed } endra
    }{ $unchanged ->
        [0] {""}
       *[other] { $created ->
            [0] { $changed ->
                [0] {""}
               *[other] {", "}
            }
           *[other] {", "}
        }{ $unchanged } uendra
    }. { $refused } tiltak vart ikkje endra, fordi nokon endra { $refused ->
        [one] det
       *[other] dei
    } etter førehandsvisinga: { $list }. Ingenting er skrive over. Last ned planen på nytt og gjer endringane der.

# The import's file and row errors (plan/transfer/sheet.rs, columns.rs, values.rs, cost_text.rs, rows.rs).
transfer-file-too-large = Fila er for stor. Ho kan vere høgst 5 MB.
transfer-no-file = Vel ei fil å laste opp.
transfer-not-supported = Fila må vere ei Excel-arbeidsbok (.xlsx) eller ei CSV-fil (.csv).
transfer-unreadable-xlsx = Excel-fila kunne ikkje lesast. Kontroller at ho er lagra som Excel-arbeidsbok (.xlsx) og ikkje er passordverna.
transfer-unreadable-csv-text = CSV-fila kunne ikkje lesast som tekst. Lagre ho som «CSV UTF-8 (kommadelt)» og prøv igjen.
transfer-upload-interrupted = Opplastinga vart avbroten. Prøv igjen.
transfer-file-empty = Fila er tom.
transfer-file-unreadable = Fila kunne ikkje lesast.
transfer-old-xls = Det gamle Excel-formatet (.xls) kan ikkje lesast. Opne fila i Excel og lagre ho som Excel-arbeidsbok (.xlsx) eller CSV.
transfer-too-many-rows = Fila har for mange rader (høgst { $max }). Del ho opp i fleire filer.
transfer-too-many-columns = Reknearket har innhald i kolonne { $column } (høgst { $max } kolonnar). Slett det som står langt til høgre, eller kopier tabellen til eit nytt rekneark.
transfer-xlsx-unpacked-too-large = Excel-fila er for stor når ho blir pakka ut (høgst 64 MB). Lagre ho på nytt frå Excel, eller bruk CSV.
transfer-xlsx-no-sheet = Excel-fila har ingen rekneark.
transfer-csv-unreadable = CSV-fila kunne ikkje lesast.
transfer-csv-line-too-long = Linje { $line } i fila er for lang (høgst 100 000 teikn). Kontroller at fila er ein tabell med eitt tiltak per linje.
transfer-period-example = Bruk månadene Jan–Des for { $start } og Kv 1–Kv 4 for seinare år, til dømes «{ $start } Jan»
transfer-period-example-one-year = Bruk månadene Jan–Des for { $start }, til dømes «{ $start } Jan»
transfer-unknown-column-near = Ukjend kolonne «{ $column }». Meinte du «{ $near }»? Gi kolonnen det namnet, eller slett han.
transfer-unknown-column = Ukjend kolonne «{ $column }». Gi han eitt av kolonnenamna som står på importsida, eller slett han.
transfer-unknown-period = Ukjend periode i kolonnen «{ $column }». { $example }.
transfer-period-column-no-year = Kolonnen «{ $column }» manglar år. Skriv til dømes «{ $start } { $typed }».
transfer-period-column-outside = Kolonnen «{ $column }» ligg utanfor planperioden { $start }–{ $end }.
transfer-period-column-quarters = Kolonnen «{ $column }»: { $year } blir planlagt per kvartal (Kv 1–Kv 4); berre { $start } blir planlagt per månad.
transfer-period-column-months = Kolonnen «{ $column }»: { $start } blir planlagt per månad (Jan–Des), ikkje per kvartal.
transfer-status-unknown = Ukjend status «{ $typed }». Bruk Ikkje starta, Pågår, Utført, Utsett eller Avbrote (også «Ferdig», «Fullført», «Starta», «I gang» og «Ikkje påbyrja» blir forstått).
transfer-date-invalid = «{ $typed }» er ikkje ein dato. Skriv datoen som dd.mm.åååå.
transfer-date-error = «{ $typed }»: { $error }
transfer-date-far = Datoen «{ $typed }» (år { $year }) ligg langt utanfor planperioden { $start }–{ $end }. Kontroller året og skriv datoen som dd.mm.åååå.
transfer-period-invalid = «{ $typed }» er ikkje eit år, ein månad eller ein dato. Skriv til dømes «{ $start }», «03.{ $start }» eller «15.03.{ $start }».
transfer-period-outside = «{ $typed }» ligg utanfor planperioden { $start }–{ $end }.
transfer-priority-invalid = Prioritert må vere «Ja» eller tom, ikkje «{ $typed }».
transfer-financing-unknown = Ukjend finansiering «{ $typed }». Bruk «dekkes av gjeldende budsjett», «innenfor vedtatt budsjett», «krever budsjettbevilgning» eller «inngår i PROSJEKTNAVN».
transfer-row-error = Rad { $row }: { $message }
transfer-error-in-column = { $column }: { $error }
transfer-col-start = Start
transfer-col-end = Slutt
transfer-list-next = { $list }, { $next }
transfer-no-header = Fann inga overskriftsrad. Første rad må ha kolonnenamna, mellom anna «Tiltak» og «Strategi».
transfer-column-twice = Kolonnen «{ $column }» står to gonger. Slett den eine.
transfer-columns-same = Kolonnane «{ $first }» og «{ $second }» tyder det same for importen. Slett den eine, eller slå dei saman.
transfer-no-strategy-column = Fann ikkje kolonnen «Strategi».
transfer-too-many-measures = Fila har for mange tiltak (høgst { $max }).
transfer-title-missing = Tiltaket manglar tittel (kolonnen «Tiltak» er tom).
transfer-key-unknown = Tiltaks-ID «{ $key }» finst ikkje i handlingsplanane til kommunen. Tøm cella dersom rada er eit nytt tiltak; elles bruk ID-en frå ein eksport av planen.
transfer-strategy-unknown-near = Ukjend strategi «{ $strategy }». Meinte du «{ $near }»? Skriv strategien slik han står i IKT-strategien til planen.
transfer-strategy-unknown = Ukjend strategi «{ $strategy }». Strategien må stå slik han står i IKT-strategien til planen.
transfer-financing-mismatch = Finansiering: «{ $typed }» stemmer ikkje med finansieringa i kostnaden («{ $cost }»). Skriv finansieringa berre på éin av stadene.
transfer-responsible-too-long = Ansvar kan ha høgst { $max } teikn.
transfer-period-text-too-long = Teksten i periodekolonnen { $year } kan ha høgst { $max } teikn.
transfer-start-end-and-cells = Rada har både Start/Slutt og kryss i periodekolonnane. Fyll ut det eine av dei.
transfer-start-after-end = Start ({ $start }) er etter Slutt ({ $end }).
transfer-rows-differ = Tiltaket «{ $title }» står også på rad { $row }, men med andre verdiar for { $fields }. Rader for same tiltak under fleire strategiar må ha like verdiar.
transfer-no-measures = Fila har ingen tiltak under overskriftsrada.
transfer-diff-title = tittel
transfer-diff-description = skildring
transfer-diff-hours = timar
transfer-diff-cost = kostnad
transfer-diff-responsible = ansvar
transfer-diff-status = status
transfer-diff-status-comment = statuskommentar
transfer-diff-priority = prioritert
transfer-diff-cells = framdrift

# The preview's changes and notes (plan/transfer/changes.rs, preview.rs).
transfer-change-title = Tittel
transfer-change-cells = Framdrift
transfer-change-empty = (tom)
transfer-change-yes = ja
transfer-change-no = nei
transfer-kind-person = person
transfer-kind-unit = eining
transfer-kind-text = fritekst
transfer-note-other-plan = Tiltaks-ID { $id } er eit tiltak i «{ $plan }»; her blir det eit nytt tiltak.
transfer-note-title-ambiguous = Planen har fleire tiltak med denne tittelen, eller ei anna rad endrar det; dette blir eit nytt tiltak.
