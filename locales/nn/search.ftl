# The search across the registers (search/): the page, the groups and the empty state.

search-title = Søk
search-title-for = Søk: { $q }
search-field-label = Søk etter
search-help = Søkjer i namn og skildringar av tiltak, strategi, fagsystem, anskaffingssaker, risikoar, lokasjonar, einingar og personar.
search-summary = { $count ->
    [one] { $count } treff
   *[other] { $count } treff
}
search-none = Ingen treff. Prøv andre ord, færre ord eller ein annan skrivemåte.
search-group-heading = { $kind } ({ $count })
search-more = Viser dei { $shown } første av { $total }. Skriv fleire ord for å snevre inn søket.

## The kinds

search-kind-measures = Tiltak
search-kind-goal-areas = Målområde
search-kind-strategies = Strategiar
search-kind-systems = Fagsystem
search-kind-acquisitions = Anskaffingssaker
search-kind-risk-assessments = Risikovurderingar
search-kind-risks = Risikoar
search-kind-locations = Lokasjonar
search-kind-units = Einingar
search-kind-people = Personar
