lines-list-title = Linjer og lokasjonar
lines-filter-label = Filtrer linjene
lines-filter-search = Søk i lokasjonsnamn
lines-filter-all = Alle
lines-filter-attention = Berre linjer som treng oppfølging
lines-filter-submit = Vis
lines-filter-clear = Fjern filtera
lines-threshold-text = Terskel: { $threshold } Mbps per brukar. Lokasjonar under terskelen er merkte.
lines-count = { $count ->
    [one] { $count } linje
   *[other] { $count } linjer
}
lines-empty = Ingen linjer er registrerte enno.
lines-empty-filtered = Ingen linjer passar filtera.
lines-col-location = Lokasjon
lines-col-users = Brukarar
lines-col-purpose = Føremål
lines-col-capacity = Kapasitet (ned/opp)
lines-col-type = Linjetype
lines-col-ownership = Eigarskap
lines-col-cost = Årleg kostnad
lines-col-expires = Avtalen går ut
lines-col-per-user = Mbps per brukar
lines-col-flags = Merknader
lines-type-fiber = Fiber
lines-type-adsl = ADSL
lines-type-radio = Radio
lines-type-mobile = Mobilt breiband
lines-type-other = Anna
lines-ownership-own = Kommunalt eigd
lines-ownership-leased = Leigd
lines-leased-from = Leigd frå { $provider }
lines-theoretical-max = maks. teoretisk
lines-flag-slow-type = ADSL eller radio
lines-flag-leased = Leigd linje
lines-flag-under-threshold = Under terskelen
lines-flag-notice = Innanfor oppseiingsfristen
lines-flag-expired = Avtalen har gått ut
lines-totals-heading = Summar
lines-totals-locations = Lokasjonar
lines-totals-lines = Linjer
lines-totals-users = Brukarar
lines-totals-ownership = Eigde og leigde
lines-totals-own-leased = { $own } kommunalt eigde, { $leased } leigde
lines-totals-cost-none = Ukjend: inga linje har registrert kostnad
lines-totals-cost = Årleg kostnad
lines-totals-cost-unknown = { $count ->
    [0] (alle kostnadene er kjende)
    [one] (kostnaden er ukjend for { $count } linje)
   *[other] (kostnaden er ukjend for { $count } linjer)
}
lines-back = Tilbake til linjene
lines-lines-heading = Linjer
lines-no-lines = Lokasjonen har ingen linjer.
lines-line = Linje
lines-measures-heading = Tiltak som endrar lokasjonen
lines-no-measures = Ingen tiltak er knytte til lokasjonen.
lines-history-link = Historikk for lokasjonen
lines-none = Ukjend
lines-threshold-label = Terskel (Mbps per brukar)
lines-threshold-submit = Lagre terskelen
lines-threshold-saved = Terskelen er no { $threshold } Mbps per brukar.
lines-threshold-unchanged = Terskelen er uendra.
lines-threshold-too-large = Terskelen kan vere høgst 10 000 Mbps per brukar.
lines-audit-f-threshold = Terskel for Mbps per brukar
lines-measure-places = Lokasjonar og stader
lines-export-xlsx = Last ned som Excel
lines-export-csv = Last ned som CSV
lines-export-sheet = Linjer
lines-export-down = Kapasitet ned (Mbps)
lines-export-up = Kapasitet opp (Mbps)
lines-export-provider = Leverandør
