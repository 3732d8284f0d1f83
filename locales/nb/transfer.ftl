# Export and import of the progress plan (plan/transfer/): column headers and the sheet.

transfer-col-key = Tiltaks-ID
transfer-col-goal = Mål
transfer-col-strategy = Strategi
transfer-col-title = Tiltak
transfer-col-plan = Handlingsplan
transfer-col-description = Beskrivelse
transfer-col-hours = Timer
transfer-col-cost = Kostnad
transfer-col-responsible = Ansvar
transfer-col-status = Status
transfer-col-status-date = Statusdato
transfer-col-status-comment = Statuskommentar
transfer-col-priority = Prioritert
transfer-yes = Ja
transfer-sheet-name = Framdriftsplan
transfer-col-financing = Finansiering
transfer-col-periods = Periodekolonner
transfer-col-start-end = Start og Slutt
transfer-col-number = Nr

# The upload page (plan/transfer/import.rs, templates/plan/import.html).
transfer-import-page-title = Importer tiltak – { $name }
transfer-import-intro = Last opp en Excel-arbeidsbok (.xlsx) eller en CSV-fil med tiltak til «{ $name }». Du får først se hva som blir importert, og alle feil i filen. Ingenting lagres før du bekrefter.
transfer-import-template = Den enkleste malen er planen slik den er nå:
transfer-import-template-csv = last ned planen som CSV
transfer-import-template-or = eller
transfer-import-template-xlsx = som Excel
transfer-import-template-rest = , og endre den. Rader med en Tiltaks-ID endrer det tiltaket; rader uten blir nye tiltak. Forhåndsvisningen viser for hvert tiltak om det blir nytt, endret (hva som endres) eller uendret.
transfer-import-nothing-see-field = Ingenting er importert. Se meldingen ved filfeltet.
transfer-import-file-label = Fil (.xlsx eller .csv, høyst 5 MB)
transfer-import-preview-submit = Forhåndsvis import
transfer-import-columns-heading = Kolonnene i filen
transfer-import-columns-caption = Kolonner i importfilen
transfer-import-col-column = Kolonne
transfer-import-col-content = Innhold
transfer-import-col-example = Eksempel
transfer-import-period-columns = Periodekolonnene i denne planen: { $columns }.
transfer-import-columns-intro = Første rad er overskriftsraden med kolonnenavnene under (samme som CSV-eksporten). Rekkefølgen spiller ingen rolle, og bare «Tiltak» og «Strategi» må være med. Mange vanlige kolonnenavn forstås også (se under); et navn som ikke forstås, gir en feilmelding med det nærmeste kjente navnet. CSV-filer kan skilles med semikolon eller komma og være lagret som UTF-8 eller med Excels standard tegnsett. I Excel-filer leses det første regnearket; der godtas også «Handlingsplan» for «Tiltak» og året i raden over periodene, slik Excel-eksporten ser ut.
transfer-help-key = Tiltakets nøkkel, slik eksporten skriver den. En rad med ID-en til et tiltak i planen endrer det tiltaket i stedet for å lage et nytt; la den stå urørt. Tom: et nytt tiltak (har planen et tiltak med nøyaktig samme tittel, kan du velge i forhåndsvisningen å endre det i stedet). ID-en til et tiltak i en annen plan gir et nytt tiltak her.
transfer-help-goal = Målområdet. Bare til lesing: strategien avgjør hvor tiltaket havner.
transfer-help-strategy = Strategien slik den står i IKT-strategien (store og små bokstaver spiller ingen rolle). Et tiltak som tjener flere strategier, står på én rad per strategi med samme tekst i «Tiltak». Tom: tiltaket knyttes til hovedmålet.
transfer-help-title = Tiltakets tittel. Må fylles ut. Også «Tittel», «Tiltaksnavn» eller «Aktivitet».
transfer-help-description = Valgfri, en lengre beskrivelse. Også «Tiltaksbeskrivelse» eller «Innhold».
transfer-help-hours = Egeninnsats i timer, med desimalkomma. Tom: ukjent. Også «Egeninnsats», «Antall timer» eller «Timeverk».
transfer-help-cost = Beløp og finansiering i parentes, eller en merknad. Flere kostnader skilles med « + ». Beløp kan skrives med mellomrom eller punktum mellom tusener og med «kr», «,-» eller «kr» etter: «12 500», «12.500», «kr 12 500,-» og «12.500 kr» er alle tolv tusen fem hundre. Et punktum som ikke står foran nøyaktig tre sifre, er desimaltegn («1.5» er halvannen krone). Tom: ingen kostnad utover egeninnsats. Også «Kostnader», «Beløp» eller «Kostnadsoverslag».
transfer-help-financing = Valgfri, for ark som har finansieringen i en egen kolonne: gjelder kostnadene på raden som ikke har finansiering i «Kostnad». Uten kostnad blir den en kostnadslinje uten beløp.
transfer-help-responsible = Navnet på en person eller enhet i kommunen kobles til dem; fornavn alene kobles til personen når bare én person i kommunen har dem («Jan Magne» → Jan Magne Langseth). Forhåndsvisningen viser koblingen. Annen tekst lagres som den er (en rolle). Også «Ansvarlig».
transfer-help-status = Ikke startet, Pågår, Utført, Utsatt eller Avbrutt. Også forstått: Ferdig, Fullført, Gjennomført (Utført); Startet, I gang, Påbegynt (Pågår); Ikke påbegynt, Planlagt (Ikke startet); På vent (Utsatt); Avlyst, Stoppet (Avbrutt). Tom: Ikke startet.
transfer-help-status-date = Dato for statusen, som dd.mm.åååå. Et tosifret år leses som 2000–2069 for 00–69 og 1970–1999 for 70–99 («30.04.14» er 30.04.2014). En dato mer enn ti år fra planperioden avvises som en skrivefeil.
transfer-help-status-comment = Fritekst, høyst 2000 tegn. Også «Kommentar» eller «Merknad».
transfer-help-priority = «Ja» (eller «x», «Høy») for prioriterte tiltak, ellers tom («Nei», «Lav», «Normal»). Også «Prioritet».
transfer-help-periods = Én kolonne per periode: måneder i { $start }, kvartaler i årene etter. Skriv «x» i perioder tiltaket pågår, eller en merknad som «Utredning».
transfer-help-start-end = I stedet for periodekolonnene: tiltaket planlegges i hver periode fra Start til og med Slutt. Skriv et år, en måned eller en dato. En dato eller måned i { $start } gir den måneden, senere år kvartalet datoen ligger i; et år alene starter i årets første periode og slutter i årets siste. Bare Start eller bare Slutt gir den ene perioden. Start før planperioden regnes fra planens første periode, Slutt etter den til planens siste. Også «Oppstart»/«Startdato» og «Sluttdato»/«Frist».
transfer-help-number = En egen nummerering i arket («Nr», «Løpenr») leses ikke.
transfer-help-start-end-example = Start { $start }, Slutt { $end }
# Examples in the column table. The financing phrases are what the import reads, so they stay as the file writes them.
transfer-example-title = Innføre Feide i skole
transfer-example-cost = kr 34 984 (dekkes av gjeldende budsjett) · kr 100 000 (krever budsjettbevilgning) · må utredes
transfer-example-responsible = Magnus Rønningen · Jan Magne · Systemeier

# The preview (plan/transfer/preview.rs, templates/plan/import_preview.html).
transfer-fate-new = Ny
transfer-fate-changed = Endret
transfer-fate-unchanged = Uendret
transfer-fate-same-title = Samme tittel
transfer-fate-error = Feil
transfer-summary-new = { $count ->
        [one] { $count } nytt
       *[other] { $count } nye
    }
transfer-summary-changed = { $count } endret
transfer-summary-unchanged = { $count } uendret
transfer-summary-same-title = { $count } med samme tittel som et tiltak i planen
transfer-summary-and = { $list } og { $last }
transfer-preview-nothing-saved = Ingenting er lagret ennå. Filen har { $count } tiltak: { $summary }. Se over { $count ->
        [one] tiltaket
       *[other] tiltakene
    } under og bekreft importen.
transfer-preview-page-title = Forhåndsvisning av import – { $name }
transfer-preview-heading = Forhåndsvisning av import
transfer-preview-file = Fil:
transfer-preview-nothing-imported = Ingenting er importert
transfer-preview-error-count = Filen har { $count } feil. Rett dem i filen og last den opp på nytt. Radnumrene er slik de står i regnearket.
transfer-preview-errors-heading = Feil i filen
transfer-preview-upload-fixed = Last opp rettet fil (.xlsx eller .csv, høyst 5 MB)
transfer-preview-rows-heading = Tiltakene i filen
transfer-preview-rows-heading-errors = Rader uten feil (importeres ikke før alle feil er rettet)
transfer-preview-fates = «Ny» blir et nytt tiltak, «Endret» endrer tiltaket med samme Tiltaks-ID (feltene som endres, står med verdien før og etter), «Uendret» lar tiltaket være. «Samme tittel» har ingen Tiltaks-ID, men planen har et tiltak med nøyaktig samme tittel. Endrede og nye tiltak står først.
transfer-preview-caption = Tiltakene i filen og hva importen gjør med dem
transfer-preview-caption-errors = Rader uten feil
transfer-preview-col-row = Rad
transfer-preview-col-fate = Hva skjer
transfer-preview-col-periods = Planlagte perioder
transfer-preview-if-same-title = Hvis du velger å endre tiltak med samme tittel:
transfer-preview-same-as-plan = Likt tiltaket i planen.
transfer-preview-goal-only = Knyttet til hovedmålet
transfer-preview-unknown = Ukjent
transfer-preview-no-periods = Ikke tidfestet
transfer-preview-typed-as = fra «{ $typed }»
transfer-preview-match-titles = Endre tiltakene i planen som har samme tittel ({ $count }), i stedet for å lage dem som nye
transfer-preview-match-titles-desc = Uten avkrysning blir radene merket «Samme tittel» nye tiltak ved siden av dem som finnes.
transfer-preview-confirm = Bekreft importen
transfer-preview-cancel = Avbryt
transfer-preview-no-changes = Filen endrer ingenting i planen.
transfer-preview-back = Tilbake til planen
transfer-preview-gone = Forhåndsvisningen finnes ikke lenger: den er utløpt (etter to timer) eller allerede importert. Ingenting ble importert nå. Last opp filen på nytt.

# The confirmation's flash (plan/transfer/import.rs).
transfer-refused-deleted = «{ $title }» (slettet etter opplastingen)
transfer-refused-changed = «{ $title }» (endret av { $who } { $when })
transfer-imported-nothing = Ingenting ble endret av «{ $file }».
transfer-imported-nothing-refused = Ingenting ble endret av «{ $file }». { $refused } tiltak ble ikke endret, fordi noen endret { $refused ->
        [one] det
       *[other] dem
    } etter forhåndsvisningen: { $list }. Ingenting er overskrevet. Last ned planen på nytt og gjør endringene der.
transfer-imported = Importert fra «{ $file }»: { $created ->
        [0] {""}
        [one] { $created } nytt tiltak
       *[other] { $created } nye tiltak
    }{ $changed ->
        [0] {""}
       *[other] { $created ->
            [0] {""}
           *[other] {", "}
        }{ $changed } endret
    }{ $unchanged ->
        [0] {""}
       *[other] { $created ->
            [0] { $changed ->
                [0] {""}
               *[other] {", "}
            }
           *[other] {", "}
        }{ $unchanged } uendret
    }.
transfer-imported-refused = Importert fra «{ $file }»: { $created ->
        [0] {""}
        [one] { $created } nytt tiltak
       *[other] { $created } nye tiltak
    }{ $changed ->
        [0] {""}
       *[other] { $created ->
            [0] {""}
           *[other] {", "}
        }{ $changed } endret
    }{ $unchanged ->
        [0] {""}
       *[other] { $created ->
            [0] { $changed ->
                [0] {""}
               *[other] {", "}
            }
           *[other] {", "}
        }{ $unchanged } uendret
    }. { $refused } tiltak ble ikke endret, fordi noen endret { $refused ->
        [one] det
       *[other] dem
    } etter forhåndsvisningen: { $list }. Ingenting er overskrevet. Last ned planen på nytt og gjør endringene der.

# The import's file and row errors (plan/transfer/sheet.rs, columns.rs, values.rs, cost_text.rs, rows.rs).
transfer-file-too-large = Filen er for stor. Den kan være høyst 5 MB.
transfer-no-file = Velg en fil å laste opp.
transfer-not-supported = Filen må være en Excel-arbeidsbok (.xlsx) eller en CSV-fil (.csv).
transfer-unreadable-xlsx = Excel-filen kunne ikke leses. Kontroller at den er lagret som Excel-arbeidsbok (.xlsx) og ikke er passordbeskyttet.
transfer-unreadable-csv-text = CSV-filen kunne ikke leses som tekst. Lagre den som «CSV UTF-8 (kommadelt)» og prøv igjen.
transfer-upload-interrupted = Opplastingen ble avbrutt. Prøv igjen.
transfer-file-empty = Filen er tom.
transfer-file-unreadable = Filen kunne ikke leses.
transfer-old-xls = Det gamle Excel-formatet (.xls) kan ikke leses. Åpne filen i Excel og lagre den som Excel-arbeidsbok (.xlsx) eller CSV.
transfer-too-many-rows = Filen har for mange rader (høyst { $max }). Del den opp i flere filer.
transfer-too-many-columns = Regnearket har innhold i kolonne { $column } (høyst { $max } kolonner). Slett det som står langt til høyre, eller kopier tabellen til et nytt regneark.
transfer-xlsx-unpacked-too-large = Excel-filen er for stor når den pakkes ut (høyst 64 MB). Lagre den på nytt fra Excel, eller bruk CSV.
transfer-xlsx-no-sheet = Excel-filen har ingen regneark.
transfer-csv-unreadable = CSV-filen kunne ikke leses.
transfer-csv-line-too-long = Linje { $line } i filen er for lang (høyst 100 000 tegn). Kontroller at filen er en tabell med ett tiltak per linje.
transfer-period-example = Bruk månedene Jan–Des for { $start } og Kv 1–Kv 4 for senere år, for eksempel «{ $start } Jan»
transfer-period-example-one-year = Bruk månedene Jan–Des for { $start }, for eksempel «{ $start } Jan»
transfer-unknown-column-near = Ukjent kolonne «{ $column }». Mente du «{ $near }»? Gi kolonnen det navnet, eller slett den.
transfer-unknown-column = Ukjent kolonne «{ $column }». Gi den et av kolonnenavnene som er listet på importsiden, eller slett den.
transfer-unknown-period = Ukjent periode i kolonnen «{ $column }». { $example }.
transfer-period-column-no-year = Kolonnen «{ $column }» mangler år. Skriv for eksempel «{ $start } { $typed }».
transfer-period-column-outside = Kolonnen «{ $column }» ligger utenfor planperioden { $start }–{ $end }.
transfer-period-column-quarters = Kolonnen «{ $column }»: { $year } planlegges per kvartal (Kv 1–Kv 4); bare { $start } planlegges per måned.
transfer-period-column-months = Kolonnen «{ $column }»: { $start } planlegges per måned (Jan–Des), ikke per kvartal.
transfer-status-unknown = Ukjent status «{ $typed }». Bruk Ikke startet, Pågår, Utført, Utsatt eller Avbrutt (også «Ferdig», «Fullført», «Startet», «I gang» og «Ikke påbegynt» forstås).
transfer-date-invalid = «{ $typed }» er ikke en dato. Skriv datoen som dd.mm.åååå.
transfer-date-error = «{ $typed }»: { $error }
transfer-date-far = Datoen «{ $typed }» (år { $year }) ligger langt utenfor planperioden { $start }–{ $end }. Kontroller året og skriv datoen som dd.mm.åååå.
transfer-period-invalid = «{ $typed }» er ikke et år, en måned eller en dato. Skriv for eksempel «{ $start }», «03.{ $start }» eller «15.03.{ $start }».
transfer-period-outside = «{ $typed }» ligger utenfor planperioden { $start }–{ $end }.
transfer-priority-invalid = Prioritert må være «Ja» eller tom, ikke «{ $typed }».
transfer-financing-unknown = Ukjent finansiering «{ $typed }». Bruk «dekkes av gjeldende budsjett», «innenfor vedtatt budsjett», «krever budsjettbevilgning» eller «inngår i PROSJEKTNAVN».
transfer-row-error = Rad { $row }: { $message }
transfer-error-in-column = { $column }: { $error }
transfer-col-start = Start
transfer-col-end = Slutt
transfer-list-next = { $list }, { $next }
transfer-no-header = Fant ingen overskriftsrad. Første rad må ha kolonnenavnene, blant annet «Tiltak» og «Strategi».
transfer-column-twice = Kolonnen «{ $column }» står to ganger. Slett den ene.
transfer-columns-same = Kolonnene «{ $first }» og «{ $second }» betyr det samme for importen. Slett den ene, eller slå dem sammen.
transfer-no-strategy-column = Fant ikke kolonnen «Strategi».
transfer-too-many-measures = Filen har for mange tiltak (høyst { $max }).
transfer-title-missing = Tiltaket mangler tittel (kolonnen «Tiltak» er tom).
transfer-key-unknown = Tiltaks-ID «{ $key }» finnes ikke i kommunens handlingsplaner. Tøm cellen hvis raden er et nytt tiltak; ellers bruk ID-en fra en eksport av planen.
transfer-strategy-unknown-near = Ukjent strategi «{ $strategy }». Mente du «{ $near }»? Skriv strategien slik den står i planens IKT-strategi.
transfer-strategy-unknown = Ukjent strategi «{ $strategy }». Strategien må stå slik den står i planens IKT-strategi.
transfer-financing-mismatch = Finansiering: «{ $typed }» stemmer ikke med finansieringen i kostnaden («{ $cost }»). Skriv finansieringen ett av stedene.
transfer-responsible-too-long = Ansvar kan ha høyst { $max } tegn.
transfer-period-text-too-long = Teksten i periodekolonnen { $year } kan ha høyst { $max } tegn.
transfer-start-end-and-cells = Raden har både Start/Slutt og kryss i periodekolonnene. Fyll ut det ene av dem.
transfer-start-after-end = Start ({ $start }) er etter Slutt ({ $end }).
transfer-rows-differ = Tiltaket «{ $title }» står også på rad { $row }, men med annen { $fields }. Rader for samme tiltak under flere strategier må ha like verdier.
transfer-no-measures = Filen har ingen tiltak under overskriftsraden.
transfer-diff-title = tittel
transfer-diff-description = beskrivelse
transfer-diff-hours = timer
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
transfer-kind-unit = enhet
transfer-kind-text = fritekst
transfer-note-other-plan = Tiltaks-ID { $id } er et tiltak i «{ $plan }»; her blir det et nytt tiltak.
transfer-note-title-ambiguous = Planen har flere tiltak med denne tittelen, eller en annen rad endrer det; dette blir et nytt tiltak.
