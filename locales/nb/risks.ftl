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

risks-title = Risikovurderinger
risks-none = Ingen risikovurderinger er registrert ennå.
risks-col-risks = Antall risikoer
