# Risk register (src/risks): risk assessments and risks scored S × K.

risks-f-title = Tittel
risks-f-assessed-on = Vurdert dato
risks-f-scope = Omfang
risks-f-responsible = Ansvarlig
risks-f-restricted = Unntatt offentlighet
risks-f-assessment = Risikovurdering
risks-f-position = Rekkefølge
risks-f-number = Nr.
risks-f-description = Risikofaktor
risks-f-category = Kategori
risks-f-likelihood = Sannsynlighet (S)
risks-f-consequence = Konsekvens (K)
risks-f-mitigation = Tiltak
risks-f-owner = Eier
risks-f-residual-likelihood = Sannsynlighet etter tiltak
risks-f-residual-consequence = Konsekvens etter tiltak
risks-f-status = Status
risks-f-next-review = Neste gjennomgang
risks-f-accepted-reason = Begrunnelse for aksept
risks-f-accepted-by = Akseptert av
risks-f-accepted-at = Tidspunkt for aksept

risks-title = Risikovurderinger
risks-none = Ingen risikovurderinger er registrert ennå.
risks-col-risks = Antall risikoer

risks-print = Skriv ut
risks-none-given = Ikke oppgitt
risks-table-heading = Risikoer
risks-no-risks = Ingen risikoer er registrert i denne vurderingen.
risks-no-risks-in-cell = Ingen risikoer i denne cellen.
risks-filter-before = Viser risikoer i cellen S { $s } × K { $k }
risks-filter-after = Viser risikoer i cellen S { $s } × K { $k } etter tiltak
risks-filter-all = vis alle
risks-rf-long = Risikofaktor, S × K
risks-col-level = Nivå
risks-level-low = Lav
risks-level-medium = Middels
risks-level-high = Høy
risks-status-open = Åpen
risks-status-treating = Under behandling
risks-status-accepted = Akseptert
risks-status-closed = Lukket
risks-overdue = Forfalt
risks-matrix-before = Risikomatrise før tiltak
risks-matrix-after = Risikomatrise etter tiltak
risks-matrix-before-caption = Antall risikoer etter sannsynlighet (S, rader) og konsekvens (K, kolonner), før tiltak
risks-matrix-after-caption = Antall risikoer etter sannsynlighet (S, rader) og konsekvens (K, kolonner) etter tiltak, bare risikoer med verdier etter tiltak
risks-cell-label-before = { $count ->
    [one] { $count } risiko
   *[other] { $count } risikoer
} med S { $s } og K { $k }, før tiltak
risks-cell-label-after = { $count ->
    [one] { $count } risiko
   *[other] { $count } risikoer
} med S { $s } og K { $k }, etter tiltak
risks-assessment-new = Ny risikovurdering
risks-assessment-create = Opprett risikovurdering
risks-assessment-created = Risikovurderingen er opprettet.
risks-cancel = Avbryt
risks-choose-none = Ingen valgt
risks-choose-from-list = Velg fra listen.
risks-title-required = Skriv en tittel.
risks-title-taken = En risikovurdering med denne tittelen finnes allerede.
risks-too-long = Høyst { $max } tegn.
risks-risk-new = Ny risiko
risks-risk-create = Legg til risiko
risks-risk-created = Risikoen er lagt til.
risks-scale-hint = Sannsynlighet og konsekvens er hele tall fra 1 til 5. Risikofaktoren (RF) regnes ut som S × K.
risks-residual-hint = Fyll inn begge eller ingen av verdiene etter tiltak.
risks-residual = Etter tiltak
risks-residual-values = S { $s } × K { $k }
risks-residual-both = Fyll inn både sannsynlighet og konsekvens etter tiltak, eller ingen av dem.
risks-description-required = Beskriv risikoen.
risks-history = Historikk for risikoen
risks-risk-edit = Endre risikoen
risks-risk-saved = Endringene er lagret.
risks-conflict = { $who } lagret denne risikoen { $when }, etter at du åpnet skjemaet. Det du skrev, står fortsatt her; sjekk risikoen og lagre på nytt for å overskrive.
risks-accept = Aksepter risikoen
risks-accept-intro = Når du aksepterer risikoen, lagres den som akseptert med begrunnelsen, ditt navn og tidspunktet.
risks-accept-reason = Begrunnelse
risks-accept-reason-required = Skriv hvorfor risikoen aksepteres.
risks-accepted = Risikoen er akseptert.
risks-measures-heading = Tiltak i handlingsplanen
risks-no-measures = Ingen tiltak er knyttet til risikoen.
risks-measure-plan = Handlingsplan
risks-measure-make = Lag tiltak av tiltaksteksten
risks-measure-created = Tiltaket er laget av risikoens tiltakstekst.
risks-measure-impossible = Tiltaket kunne ikke lages: velg en av kommunens handlingsplaner, og risikoen må ha en tiltakstekst.
risks-someone-else = Noen andre
risks-assessment-edit = Endre risikovurderingen
risks-assessment-saved = Endringene i risikovurderingen er lagret.
risks-assessment-conflict = { $who } lagret denne risikovurderingen { $when }, etter at du åpnet skjemaet. Det du skrev, står fortsatt her; sjekk vurderingen og lagre på nytt for å overskrive.
risks-delete-submit = Slett
risks-back-to-risk = Tilbake til risikoen
risks-back-to-assessment = Tilbake til risikovurderingen
risks-risk-delete = Slett risikoen
risks-risk-delete-explained = Risikoen fjernes fra «{ $assessment }». Tiltak som er laget av den, blir stående i handlingsplanen. Historikken viser at den er slettet.
risks-risk-deleted = Risikoen «{ $name }» er slettet.
risks-assessment-delete = Slett risikovurderingen
risks-assessment-delete-count = { $count ->
    [0] Vurderingen har ingen risikoer.
    [one] Den ene risikoen i vurderingen slettes også.
   *[other] Alle { $count } risikoene i vurderingen slettes også.
}
risks-assessment-deleted = Risikovurderingen «{ $title }» er slettet, med { $count ->
    [one] { $count } risiko
   *[other] { $count } risikoer
}.
risks-f-systems = Fagsystemer
risks-f-locations = Lokasjoner
risks-f-locations-count = Antall lokasjoner
risks-no-systems = Risikoen er ikke knyttet til noe fagsystem.
risks-no-locations = Risikoen er ikke knyttet til noen lokasjon.
risks-no-systems-to-choose = Kommunen har ingen fagsystemer registrert.
risks-no-locations-to-choose = Kommunen har ingen lokasjoner registrert.
risks-levels-title = Risikonivåer
risks-levels-intro = Risikofaktoren (RF = S × K) avgjør om en risiko er lav, middels eller høy. Grensene gjelder alle kommunens risikovurderinger: matrisene, tabellene og risikosidene.
risks-levels-now = Lav risiko er RF 1–{ $low }, middels er RF opptil { $medium }, høy er over { $medium }.
risks-levels-change = Endre risikonivåene
risks-levels-low-max = Høyeste RF som er lav
risks-levels-medium-max = Høyeste RF som er middels
risks-levels-required = Skriv et helt tall.
risks-levels-not-whole = Skriv et helt tall, ikke «{ $input }».
risks-levels-low-range = Grensen for lav må være minst 1 og høyst 23.
risks-levels-medium-range = Grensen for middels må være minst 2 og mindre enn 25.
risks-levels-medium-above-low = Grensen for middels må være større enn grensen for lav ({ $low }).
risks-levels-saved = Risikonivåene er lagret: lav opptil RF { $low }, middels opptil RF { $medium }.
risks-levels-unchanged = Risikonivåene var allerede slik.
risks-col-key = Risiko-ID
risks-col-number = Nr
risks-col-description = Beskrivelse
risks-col-s = S
risks-col-k = K
risks-col-rf = RF
risks-col-residual-s = Rest-S
risks-col-residual-k = Rest-K
risks-transfer-sheet-name = Risikoer
risks-transfer-export-csv = Last ned som CSV
risks-transfer-export-xlsx = Last ned som Excel
risks-transfer-import-title = Importer risikoer
risks-transfer-import-intro = Last opp en Excel-arbeidsbok (.xlsx) eller en CSV-fil med én risiko per rad. Den enkleste malen er risikoene slik de er nå:
risks-transfer-columns-intro = Første rad er overskriftsraden. Bare Beskrivelse, S og K må fylles ut. En rad med Risiko-ID endrer den risikoen i vurderingen, en rad uten blir en ny risiko. RF leses ikke: den regnes ut som S × K. Kolonner som mangler i filen, blir stående som de er.
risks-transfer-preview-title = Forhåndsvisning av risikoimport
risks-transfer-nothing-saved-yet = Ingenting er lagret ennå. Se over radene og bekreft importen nederst.
risks-transfer-rows-heading = Risikoene i filen
risks-transfer-preview-caption = Risikoene i filen og hva importen gjør med dem
risks-transfer-warning = Merk:
risks-transfer-no-changes = Filen endrer ingenting i vurderingen.
risks-transfer-no-header = Fant ingen overskriftsrad. Første rad må ha kolonnenavnene, minst «Beskrivelse».
risks-transfer-no-rows = Filen har ingen risikoer under overskriftsraden.
risks-transfer-too-many-rows = Filen har for mange rader (høyst { $max }).
risks-transfer-key-unknown = Risiko-ID «{ $key }» finnes ikke i denne risikovurderingen.
risks-transfer-key-twice = Risiko-ID { $key } står på flere rader.
risks-transfer-person-unknown = Fant ingen person som heter «{ $name }».
risks-transfer-person-ambiguous = Flere personer heter «{ $name }»; velg eieren i risikoskjemaet.
risks-transfer-status-unknown = Ukjent status «{ $input }». Bruk Åpen, Under behandling eller Lukket.
risks-transfer-accept-only-leder = Bare rådmannen kan akseptere en risiko, med en begrunnelse, på risikosiden.
risks-transfer-rf-differs = Oppgitt RF { $given }, men S × K = { $product }; lagrer { $product }.
risks-transfer-preview-gone = Forhåndsvisningen finnes ikke lenger: den er utløpt, allerede bekreftet eller gjelder en annen vurdering. Last opp filen på nytt.
risks-transfer-confirm-errors = Filen har feil nå. Last den opp på nytt og se forhåndsvisningen.
risks-transfer-refused-gone = «{ $name }» (slettet etter opplastingen)
risks-transfer-refused-changed = «{ $name }» (endret av { $who } { $when })
risks-transfer-imported = Importert fra «{ $file }»: { $created } nye, { $changed } endret, { $unchanged } uendret.
risks-transfer-imported-refused = Importert fra «{ $file }»: { $created } nye, { $changed } endret. { $refused } risikoer ble ikke endret fordi noen lagret dem etter opplastingen: { $list }

## The register across assessments
risks-register-title = Alle risikoer
risks-register-filter = Filtrer risikoene
risks-register-all = Alle
risks-register-stage = Nivå vurdert
risks-register-before = Før tiltak
risks-register-after = Etter tiltak
risks-register-after-short = RF etter tiltak
risks-register-overdue = Bare forfalt gjennomgang
risks-register-submit = Vis
risks-register-count = { $count ->
    [one] Én risiko
   *[other] { $count } risikoer
}
risks-status-active = Åpen eller under behandling
