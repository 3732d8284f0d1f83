# Risk register (src/risks): risk assessments and risks scored S × K.

risks-f-title = Tittel
risks-f-assessed-on = Vurdert dato
risks-f-scope = Omfang
risks-f-responsible = Ansvarleg
risks-f-restricted = Unnateke offentlegheit
risks-f-assessment = Risikovurdering
risks-f-position = Rekkjefølgje
risks-f-number = Nr.
risks-f-description = Risikofaktor
risks-f-category = Kategori
risks-f-likelihood = Sannsyn (S)
risks-f-consequence = Konsekvens (K)
risks-f-mitigation = Tiltak
risks-f-owner = Eigar
risks-f-residual-likelihood = Sannsyn etter tiltak
risks-f-residual-consequence = Konsekvens etter tiltak
risks-f-status = Status
risks-f-next-review = Neste gjennomgang
risks-f-accepted-reason = Grunngiving for aksept
risks-f-accepted-by = Akseptert av
risks-f-accepted-at = Tidspunkt for aksept

risks-title = Risikovurderingar
risks-none = Ingen risikovurderingar er registrerte enno.
risks-col-risks = Tal på risikoar

risks-print = Skriv ut
risks-none-given = Ikkje oppgitt
risks-table-heading = Risikoar
risks-no-risks = Ingen risikoar er registrerte i denne vurderinga.
risks-no-risks-in-cell = Ingen risikoar i denne cella.
risks-filter-before = Viser risikoar i cella S { $s } × K { $k }
risks-filter-after = Viser risikoar i cella S { $s } × K { $k } etter tiltak
risks-filter-all = vis alle
risks-rf-long = Risikofaktor, S × K
risks-col-level = Nivå
risks-level-low = Låg
risks-level-medium = Middels
risks-level-high = Høg
risks-status-open = Open
risks-status-treating = Under handsaming
risks-status-accepted = Akseptert
risks-status-closed = Lukka
risks-overdue = Forfallen
risks-matrix-before = Risikomatrise før tiltak
risks-matrix-after = Risikomatrise etter tiltak
risks-matrix-before-caption = Tal på risikoar etter sannsyn (S, rader) og konsekvens (K, kolonnar), før tiltak
risks-matrix-after-caption = Tal på risikoar etter sannsyn (S, rader) og konsekvens (K, kolonnar) etter tiltak, berre risikoar med verdiar etter tiltak
risks-cell-label-before = { $count ->
    [one] { $count } risiko
   *[other] { $count } risikoar
} med S { $s } og K { $k }, før tiltak
risks-cell-label-after = { $count ->
    [one] { $count } risiko
   *[other] { $count } risikoar
} med S { $s } og K { $k }, etter tiltak
risks-assessment-new = Ny risikovurdering
risks-assessment-create = Opprett risikovurdering
risks-assessment-created = Risikovurderinga er oppretta.
risks-cancel = Avbryt
risks-choose-none = Ingen vald
risks-choose-from-list = Vel frå lista.
risks-title-required = Skriv ein tittel.
risks-title-taken = Ei risikovurdering med denne tittelen finst allereie.
risks-too-long = Høgst { $max } teikn.
risks-risk-new = Ny risiko
risks-risk-create = Legg til risiko
risks-risk-created = Risikoen er lagd til.
risks-scale-hint = Sannsyn og konsekvens er heile tal frå 1 til 5. Risikofaktoren (RF) blir rekna ut som S × K.
risks-residual-hint = Fyll inn begge eller ingen av verdiane etter tiltak.
risks-residual = Etter tiltak
risks-residual-values = S { $s } × K { $k }
risks-residual-both = Fyll inn både sannsyn og konsekvens etter tiltak, eller ingen av dei.
risks-description-required = Skildra risikoen.
risks-history = Historikk for risikoen
risks-risk-edit = Endra risikoen
risks-risk-saved = Endringane er lagra.
risks-conflict = { $who } lagra denne risikoen { $when }, etter at du opna skjemaet. Det du skreiv, står framleis her; sjekk risikoen og lagre på nytt for å skrive over.
risks-accept = Aksepter risikoen
risks-accept-intro = Når du aksepterer risikoen, blir han lagra som akseptert med grunngivinga, namnet ditt og tidspunktet.
risks-accept-reason = Grunngiving
risks-accept-reason-required = Skriv kvifor risikoen blir akseptert.
risks-accepted = Risikoen er akseptert.
risks-measures-heading = Tiltak i handlingsplanen
risks-no-measures = Ingen tiltak er knytte til risikoen.
risks-measure-plan = Handlingsplan
risks-measure-make = Lag tiltak av tiltaksteksten
risks-measure-created = Tiltaket er laga av tiltaksteksten til risikoen.
risks-measure-impossible = Tiltaket kunne ikkje lagast: vel ein av handlingsplanane til kommunen, og risikoen må ha ein tiltakstekst.
risks-someone-else = Nokon andre
risks-assessment-edit = Endre risikovurderinga
risks-assessment-saved = Endringane i risikovurderinga er lagra.
risks-assessment-conflict = { $who } lagra denne risikovurderinga { $when }, etter at du opna skjemaet. Det du skreiv, står framleis her; sjekk vurderinga og lagre på nytt for å skrive over.
risks-delete-submit = Slett
risks-back-to-risk = Tilbake til risikoen
risks-back-to-assessment = Tilbake til risikovurderinga
risks-risk-delete = Slett risikoen
risks-risk-delete-explained = Risikoen blir fjerna frå «{ $assessment }». Tiltak som er laga av han, blir ståande i handlingsplanen. Historikken viser at han er sletta.
risks-risk-deleted = Risikoen «{ $name }» er sletta.
risks-assessment-delete = Slett risikovurderinga
risks-assessment-delete-count = { $count ->
    [0] Vurderinga har ingen risikoar.
    [one] Den eine risikoen i vurderinga blir også sletta.
   *[other] Alle dei { $count } risikoane i vurderinga blir også sletta.
}
risks-assessment-deleted = Risikovurderinga «{ $title }» er sletta, med { $count ->
    [one] { $count } risiko
   *[other] { $count } risikoar
}.
risks-f-systems = Fagsystem
risks-f-locations = Lokasjonar
risks-f-locations-count = Tal på lokasjonar
risks-no-systems = Risikoen er ikkje knytt til noko fagsystem.
risks-no-locations = Risikoen er ikkje knytt til nokon lokasjon.
risks-no-systems-to-choose = Kommunen har ingen fagsystem registrerte.
risks-no-locations-to-choose = Kommunen har ingen lokasjonar registrerte.
risks-levels-title = Risikonivå
risks-levels-intro = Risikofaktoren (RF = S × K) avgjer om ein risiko er låg, middels eller høg. Grensene gjeld alle risikovurderingane i kommunen: matrisene, tabellane og risikosidene.
risks-levels-now = Låg risiko er RF 1–{ $low }, middels er RF opp til { $medium }, høg er over { $medium }.
risks-levels-change = Endre risikonivåa
risks-levels-low-max = Høgaste RF som er låg
risks-levels-medium-max = Høgaste RF som er middels
risks-levels-required = Skriv eit heilt tal.
risks-levels-not-whole = Skriv eit heilt tal, ikkje «{ $input }».
risks-levels-low-range = Grensa for låg må vere minst 1 og høgst 23.
risks-levels-medium-range = Grensa for middels må vere minst 2 og mindre enn 25.
risks-levels-medium-above-low = Grensa for middels må vere større enn grensa for låg ({ $low }).
risks-levels-saved = Risikonivåa er lagra: låg opp til RF { $low }, middels opp til RF { $medium }.
risks-levels-unchanged = Risikonivåa var allereie slik.
risks-col-key = Risiko-ID
risks-col-number = Nr
risks-col-description = Skildring
risks-col-s = S
risks-col-k = K
risks-col-rf = RF
risks-col-residual-s = Rest-S
risks-col-residual-k = Rest-K
risks-transfer-sheet-name = Risikoar
risks-transfer-export-csv = Last ned som CSV
risks-transfer-export-xlsx = Last ned som Excel
risks-transfer-import-title = Importer risikoar
risks-transfer-import-intro = Last opp ei Excel-arbeidsbok (.xlsx) eller ei CSV-fil med éin risiko per rad. Den enklaste malen er risikoane slik dei er no:
risks-transfer-columns-intro = Første rad er overskriftsrada. Berre Skildring, S og K må fyllast ut. Ei rad med Risiko-ID endrar den risikoen i vurderinga, ei rad utan blir ein ny risiko. RF blir ikkje lesen: han blir rekna ut som S × K. Kolonnar som manglar i fila, blir ståande som dei er.
risks-transfer-preview-title = Førehandsvising av risikoimport
risks-transfer-nothing-saved-yet = Ingenting er lagra enno. Sjå over radene og stadfest importen nedst.
risks-transfer-rows-heading = Risikoane i fila
risks-transfer-preview-caption = Risikoane i fila og kva importen gjer med dei
risks-transfer-warning = Merk:
risks-transfer-no-changes = Fila endrar ingenting i vurderinga.
risks-transfer-no-header = Fann inga overskriftsrad. Første rad må ha kolonnenamna, minst «Skildring».
risks-transfer-no-rows = Fila har ingen risikoar under overskriftsrada.
risks-transfer-too-many-rows = Fila har for mange rader (høgst { $max }).
risks-transfer-key-unknown = Risiko-ID «{ $key }» finst ikkje i denne risikovurderinga.
risks-transfer-key-twice = Risiko-ID { $key } står på fleire rader.
risks-transfer-person-unknown = Fann ingen person som heiter «{ $name }».
risks-transfer-person-ambiguous = Fleire personar heiter «{ $name }»; vel eigaren i risikoskjemaet.
risks-transfer-status-unknown = Ukjend status «{ $input }». Bruk Open, Under behandling eller Lukka.
risks-transfer-accept-only-leder = Berre rådmannen kan akseptere ein risiko, med ei grunngiving, på risikosida.
risks-transfer-rf-differs = Oppgitt RF { $given }, men S × K = { $product }; lagrar { $product }.
risks-transfer-preview-gone = Førehandsvisinga finst ikkje lenger: ho er gått ut, allereie stadfesta eller gjeld ei anna vurdering. Last opp fila på nytt.
risks-transfer-confirm-errors = Fila har feil no. Last ho opp på nytt og sjå førehandsvisinga.
risks-transfer-refused-gone = «{ $name }» (sletta etter opplastinga)
risks-transfer-refused-changed = «{ $name }» (endra av { $who } { $when })
risks-transfer-imported = Importert frå «{ $file }»: { $created } nye, { $changed } endra, { $unchanged } uendra.
risks-transfer-imported-refused = Importert frå «{ $file }»: { $created } nye, { $changed } endra. { $refused } risikoar vart ikkje endra fordi nokon lagra dei etter opplastinga: { $list }

## The register across assessments
risks-register-title = Alle risikoar
risks-register-filter = Filtrer risikoane
risks-register-all = Alle
risks-register-stage = Nivå vurdert
risks-register-before = Før tiltak
risks-register-after = Etter tiltak
risks-register-after-short = RF etter tiltak
risks-register-overdue = Berre forfallen gjennomgang
risks-register-submit = Vis
risks-register-count = { $count ->
    [one] Éin risiko
   *[other] { $count } risikoar
}
risks-status-active = Open eller under behandling
