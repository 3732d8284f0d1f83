# The search across the registers (search/): the page, the groups and the empty state.

search-title = Søk
search-title-for = Søk: { $q }
search-field-label = Søk etter
search-help = Søker i navn og beskrivelser av tiltak, strategi, fagsystemer, anskaffelsessaker, risikoer, lokasjoner, enheter og personer.
search-summary = { $count ->
    [one] { $count } treff
   *[other] { $count } treff
}
search-none = Ingen treff. Prøv andre ord, færre ord eller en annen stavemåte.
search-group-heading = { $kind } ({ $count })
search-more = Viser de { $shown } første av { $total }. Skriv flere ord for å snevre inn søket.

## The kinds

search-kind-measures = Tiltak
search-kind-goal-areas = Målområder
search-kind-strategies = Strategier
search-kind-systems = Fagsystemer
search-kind-acquisitions = Anskaffelsessaker
search-kind-risk-assessments = Risikovurderinger
search-kind-risks = Risikoer
search-kind-locations = Lokasjoner
search-kind-units = Enheter
search-kind-people = Personer
