lines-list-title = Linjer og lokasjoner
lines-filter-label = Filtrer linjene
lines-filter-search = Søk i lokasjonsnavn
lines-filter-all = Alle
lines-filter-attention = Bare linjer som trenger oppfølging
lines-filter-submit = Vis
lines-filter-clear = Fjern filtrene
lines-threshold-text = Terskel: { $threshold } Mbps per bruker. Lokasjoner under terskelen er merket.
lines-count = { $count ->
    [one] { $count } linje
   *[other] { $count } linjer
}
lines-empty = Ingen linjer er registrert ennå.
lines-empty-filtered = Ingen linjer passer filtrene.
lines-col-location = Lokasjon
lines-col-users = Brukere
lines-col-purpose = Formål
lines-col-capacity = Kapasitet (ned/opp)
lines-col-type = Linjetype
lines-col-ownership = Eierskap
lines-col-cost = Årlig kostnad
lines-col-expires = Avtalen utløper
lines-col-per-user = Mbps per bruker
lines-col-flags = Merknader
lines-type-fiber = Fiber
lines-type-adsl = ADSL
lines-type-radio = Radio
lines-type-mobile = Mobilt bredbånd
lines-type-other = Annet
lines-ownership-own = Kommunalt eid
lines-ownership-leased = Leid
lines-leased-from = Leid fra { $provider }
lines-theoretical-max = maks. teoretisk
lines-flag-slow-type = ADSL eller radio
lines-flag-leased = Leid linje
lines-flag-under-threshold = Under terskelen
lines-flag-notice = Innenfor oppsigelsesfristen
lines-flag-expired = Avtalen er utløpt
lines-totals-heading = Summer
lines-totals-locations = Lokasjoner
lines-totals-lines = Linjer
lines-totals-users = Brukere
lines-totals-ownership = Eid og leid
lines-totals-own-leased = { $own } kommunalt eid, { $leased } leid
lines-totals-cost-none = Ukjent: ingen linje har registrert kostnad
lines-totals-cost = Årlig kostnad
lines-totals-cost-unknown = { $count ->
    [0] (alle kostnader er kjent)
    [one] (kostnaden er ukjent for { $count } linje)
   *[other] (kostnaden er ukjent for { $count } linjer)
}
lines-back = Tilbake til linjene
lines-lines-heading = Linjer
lines-no-lines = Lokasjonen har ingen linjer.
lines-line = Linje
lines-measures-heading = Tiltak som endrer lokasjonen
lines-no-measures = Ingen tiltak er knyttet til lokasjonen.
lines-history-link = Historikk for lokasjonen
lines-none = Ukjent
lines-threshold-label = Terskel (Mbps per bruker)
lines-threshold-submit = Lagre terskelen
lines-threshold-saved = Terskelen er nå { $threshold } Mbps per bruker.
lines-threshold-unchanged = Terskelen er uendret.
lines-threshold-too-large = Terskelen kan være høyst 10 000 Mbps per bruker.
lines-audit-f-threshold = Terskel for Mbps per bruker
lines-measure-places = Lokasjoner og steder
lines-export-xlsx = Last ned som Excel
lines-export-csv = Last ned som CSV
lines-export-sheet = Linjer
lines-export-down = Kapasitet ned (Mbps)
lines-export-up = Kapasitet opp (Mbps)
lines-export-provider = Leverandør
