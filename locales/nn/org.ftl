# Units and people (org/*): the lists, the pages, the forms and their messages.

## Navigation and lists

org-nav-units = Einingar
org-nav-people = Personar
org-units-title = Einingar
org-people-title = Personar
org-units-search = Søk i einingar
org-people-search = Søk etter namn, e-post eller eining
org-search = Søk
org-units-none = Ingen einingar passar søket.
org-people-count = { $count ->
    [one] { $count } person
   *[other] { $count } personar
}
org-col-people = Personar
org-col-systems = System
org-unit-new = Ny eining
org-person-new = Ny person

## Fields

org-field-name = Namn
org-f-short-name = Kortnamn
org-f-leader = Leiar
org-f-parent = Overordna eining
org-f-title = Stilling
org-f-unit = Eining
org-f-email = E-post
org-f-phone = Telefon

## The pages

org-edit = Rediger
org-none = Ingen
org-sub-units = Undereiningar
org-unit-people-heading = Personar i eininga
org-unit-no-people = Ingen personar er knytte til eininga.
org-unit-systems-heading = System eininga eig
org-unit-no-systems = Eininga eig ingen system.
org-count-overdue = { $count ->
    [one] { $count } system har forfallen evaluering
   *[other] { $count } system har forfallen evaluering
}
org-count-expiring = { $count ->
    [one] { $count } supportavtale går ut innan oppseiingstida
   *[other] { $count } supportavtalar går ut innan oppseiingstida
}
org-count-dpa-missing = { $count ->
    [one] { $count } system manglar databehandlaravtale
   *[other] { $count } system manglar databehandlaravtale
}
org-col-system = System
org-col-lifecycle = Livsløp
org-col-attention = Treng oppfølging
org-evaluation-overdue = Evaluering forfallen
org-support-expiring = Supportavtalen går ut { $date }
org-dpa-missing = Manglar databehandlaravtale
org-account = Brukarkonto
org-no-account = Ingen brukarkonto
org-person-systems-heading = System
org-owns = Eig (leier eigareininga)
org-administers = Systemansvarleg for
org-superuser-for = Superbrukar for
org-measures-heading = { $count ->
    [one] Ansvarleg for { $count } tiltak
   *[other] Ansvarleg for { $count } tiltak
}
org-no-measures = Ikkje ansvarleg for nokon tiltak.
org-reports-heading = Statusrapportar
org-no-reports = Skriv ingen statusrapportar.
org-report-responsible = ansvarleg
org-report-helper = medhjelpar
org-history-heading = Historikk

## The forms

org-back = Tilbake
org-cancel = Avbryt
org-choose-none = (ingen)
org-unit-create = Opprett eining
org-person-create = Opprett person
org-unit-created = Eininga er oppretta.
org-person-created = Personen er oppretta.
org-saved = Endringane er lagra.
org-unchanged = Ingen endringar å lagre.
org-someone-else = ein annan
org-conflict-heading = { $who } lagra endringar { $when } medan du redigerte. Endringane dine er ikkje lagra.
org-conflict-advice = Skjemaet viser det du skreiv. Samanlikn med endringane til { $who } i historikken til sida før du lagrar igjen.

## Validation

org-name-required = Namn må fyllast ut.
org-too-long = Høgst { $max } teikn.
org-unknown-choice = Vel frå lista.
org-unit-name-taken = Det finst alt ei eining med dette namnet.
org-person-name-taken = Det finst alt ein person med dette namnet.
org-unit-own-parent = Ei eining kan ikkje vere si eiga overordna eining.
org-unit-cycle = Eininga kan ikkje leggjast under ei av sine eigne undereiningar.
org-email-invalid = Skriv ei e-postadresse med éi @ og utan mellomrom, til dømes namn@kommune.no.
org-phone-invalid = Telefonnummeret kan berre ha siffer, mellomrom, + og -, høgst { $max } teikn.

## Capacity
org-f-capacity = Kapasitet
org-capacity-heading = Kapasitet til handlingsplanen
org-capacity-label = Eigeninnsats per kvartal (timar)
org-capacity-help = Timane personen kan gi tiltaka sine kvart kvartal. Oversikta set timane i tiltaka vedkomande er ansvarleg for opp mot dette. La feltet stå tomt om det ikkje er avklart.
org-capacity-per-quarter = { $hours } per kvartal
org-capacity-unset = Ikkje sett
org-capacity-save = Lagre kapasitet
org-capacity-saved = Kapasiteten er lagra.
org-capacity-too-many = Høgst { $max } timar per kvartal.
