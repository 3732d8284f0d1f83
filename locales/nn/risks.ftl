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

risks-title = Risikovurderingar
risks-none = Ingen risikovurderingar er registrerte enno.
risks-col-risks = Tal på risikoar
