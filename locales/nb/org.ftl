# Units and people (org/*): the lists, the pages, the forms and their messages.

## Navigation and lists

org-nav-units = Enheter
org-nav-people = Personer
org-units-title = Enheter
org-people-title = Personer
org-units-search = Søk i enheter
org-people-search = Søk etter navn, e-post eller enhet
org-search = Søk
org-units-none = Ingen enheter passer søket.
org-people-count = { $count ->
    [one] { $count } person
   *[other] { $count } personer
}
org-col-people = Personer
org-col-systems = Systemer
org-unit-new = Ny enhet
org-person-new = Ny person

## Fields

org-field-name = Navn
org-f-short-name = Kortnavn
org-f-leader = Leder
org-f-parent = Overordnet enhet
org-f-title = Stilling
org-f-unit = Enhet
org-f-email = E-post
org-f-phone = Telefon

## The pages

org-edit = Rediger
org-none = Ingen
org-sub-units = Underenheter
org-unit-people-heading = Personer i enheten
org-unit-no-people = Ingen personer er knyttet til enheten.
org-unit-systems-heading = Systemer enheten eier
org-unit-no-systems = Enheten eier ingen systemer.
org-count-overdue = { $count ->
    [one] { $count } system har forfalt evaluering
   *[other] { $count } systemer har forfalt evaluering
}
org-count-expiring = { $count ->
    [one] { $count } supportavtale går ut innen oppsigelsestiden
   *[other] { $count } supportavtaler går ut innen oppsigelsestiden
}
org-count-dpa-missing = { $count ->
    [one] { $count } system mangler databehandleravtale
   *[other] { $count } systemer mangler databehandleravtale
}
org-col-system = System
org-col-lifecycle = Livsløp
org-col-attention = Trenger oppfølging
org-evaluation-overdue = Evaluering forfalt
org-support-expiring = Supportavtalen går ut { $date }
org-dpa-missing = Mangler databehandleravtale
org-account = Brukerkonto
org-no-account = Ingen brukerkonto
org-person-systems-heading = Systemer
org-owns = Eier (leder eierenheten)
org-administers = Systemansvarlig for
org-superuser-for = Superbruker for
org-measures-heading = { $count ->
    [one] Ansvarlig for { $count } tiltak
   *[other] Ansvarlig for { $count } tiltak
}
org-no-measures = Ikke ansvarlig for noen tiltak.
org-reports-heading = Statusrapporter
org-no-reports = Skriver ingen statusrapporter.
org-report-responsible = ansvarlig
org-report-helper = medhjelper
org-history-heading = Historikk

## The forms

org-back = Tilbake
org-cancel = Avbryt
org-choose-none = (ingen)
org-unit-create = Opprett enhet
org-person-create = Opprett person
org-unit-created = Enheten er opprettet.
org-person-created = Personen er opprettet.
org-saved = Endringene er lagret.
org-unchanged = Ingen endringer å lagre.
org-someone-else = en annen
org-conflict-heading = { $who } lagret endringer { $when } mens du redigerte. Dine endringer er ikke lagret.
org-conflict-advice = Skjemaet viser det du skrev. Sammenlign med endringene til { $who } på sidens historikk før du lagrer igjen.

## Validation

org-name-required = Navn må fylles ut.
org-too-long = Høyst { $max } tegn.
org-unknown-choice = Velg fra listen.
org-unit-name-taken = Det finnes allerede en enhet med dette navnet.
org-person-name-taken = Det finnes allerede en person med dette navnet.
org-unit-own-parent = En enhet kan ikke være sin egen overordnede enhet.
org-unit-cycle = Enheten kan ikke legges under en av sine egne underenheter.
org-email-invalid = Skriv en e-postadresse med én @ og uten mellomrom, for eksempel navn@kommune.no.
org-phone-invalid = Telefonnummeret kan bare ha sifre, mellomrom, + og -, høyst { $max } tegn.

## Capacity
org-f-capacity = Kapasitet
org-capacity-heading = Kapasitet til handlingsplanen
org-capacity-label = Egeninnsats per kvartal (timer)
org-capacity-help = Timene personen kan gi tiltakene sine hvert kvartal. Oversikten setter timene i tiltakene hen er ansvarlig for opp mot dette. La feltet stå tomt om det ikke er avklart.
org-capacity-per-quarter = { $hours } per kvartal
org-capacity-unset = Ikke satt
org-capacity-save = Lagre kapasitet
org-capacity-saved = Kapasiteten er lagret.
org-capacity-too-many = Høyst { $max } timer per kvartal.
