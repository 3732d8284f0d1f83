# The ICT strategy (strategy/*): the strategy document, its goal areas and strategies.

strategy-ikt-strategy = IKT-strategi
strategy-none-yet = { $municipality } har ikke registrert noen IKT-strategi ennå.
strategy-ikt-enters-it = IKT-avdelingen legger inn strategien.
strategy-back = ← Tilbake til strategien
strategy-cancel = Avbryt
strategy-save = Lagre endringer
strategy-form-has-errors = Skjemaet har feil. Se meldingene ved feltene.

## The document's page

strategy-edit-document = Rediger strategien
strategy-new-goal-area = Nytt målområde
strategy-new-strategy = Ny strategi
strategy-new-document = Nytt strategidokument
strategy-period = Periode { $period }
strategy-documents = Strategidokumenter
strategy-shown-now = vises nå
strategy-no-goal-areas = Strategien har ingen målområder ennå.
strategy-add-goal-area = Legg til et målområde
# After the link «Legg til et målområde» on the strategy form.
strategy-first = først.
strategy-goal-heading = Mål { $n }: { $name }
strategy-edit-goal-area = Endre målområdet
strategy-under-goal-area = under { $name }
strategy-no-strategies = Ingen strategier under dette målet ennå.
strategy-table-caption = Strategier for mål { $n }: { $name }
strategy-col-nr = Nr.
strategy-col-strategy = Strategi
strategy-col-key-measures = Sentrale tiltak
strategy-col-plan-measures = Tiltak i handlingsplanen
strategy-col-actions = Handlinger
strategy-no-measures = Ingen tiltak
strategy-measure-count =
    { $count ->
        [one] { $count } tiltak
       *[other] { $count } tiltak
    }
strategy-for-strategy-nr = for strategi { $nr }
strategy-in-plan = i { $plan }
strategy-edit = Endre
strategy-delete = Slett
strategy-strategy-nr = strategi { $nr }
strategy-document-history = Historikk for strategidokumentet

## Fields (forms and the conflict message)

strategy-field-title = Tittel
strategy-field-period = Periode
strategy-field-period-start = Fra år
strategy-field-period-end = Til år
strategy-field-adopted = Vedtatt
strategy-field-vision = Visjon
strategy-field-main-goal = Hovedmål
strategy-field-main-goal-text = Om hovedmålet
strategy-field-goal-area = Målområde

## The document form

strategy-form-adopted = Vedtatt (valgfritt, for eksempel «Vedtatt av kommunestyret 28.05.13, sak 038/13»)
strategy-form-main-goal-text = Om hovedmålet (valgfritt)
strategy-create-document = Opprett strategi
strategy-conflict-not-saved = Endringene dine er ikke lagret.
strategy-conflict-explained = Noen andre lagret strategien mens du redigerte. Det du skrev, står fortsatt i feltene.
strategy-conflict-same = Den lagrede versjonen har de samme verdiene som du har skrevet.
strategy-conflict-stored = Slik er det lagret nå, der det skiller seg fra det du skrev:
strategy-conflict-empty = (tomt)
strategy-conflict-advice = Lagrer du på nytt, erstatter det du har skrevet den lagrede versjonen.

## The goal area form

strategy-edit-goal-area-title = Endre målområde
strategy-form-goal-area-name = Navn på målområdet
strategy-form-goal-statement = Mål (ett punkt per linje)
strategy-form-goal-statement-hint = En innledende første linje som «Målet er at brukerne skal» vises som innledning, resten som punkter.
strategy-form-position = Plassering (1 er først)
strategy-add-goal-area-submit = Legg til målområde
strategy-goal-area-history = Historikk for målområdet

## The strategy form

strategy-edit-strategy-title = Endre strategi
strategy-form-choose-goal-area = Velg målområde
strategy-form-key-measures = Sentrale tiltak (ett per linje)
strategy-form-position-under = Plassering under målområdet (1 er først)
strategy-add-strategy-submit = Legg til strategi
strategy-strategy-history = Historikk for strategien

## Deleting a strategy

strategy-delete-heading = Slette strategi
strategy-delete-confirm = Ingen tiltak i handlingsplanene hører til denne strategien. Vil du slette den? Slettingen blir ført i endringsloggen.
strategy-delete-submit = Slett strategien
strategy-delete-refused =
    { $count ->
        [one] Strategien kan ikke slettes fordi { $count } tiltak fortsatt hører til den. Knytt tiltakene til en annen strategi først.
       *[other] Strategien kan ikke slettes fordi { $count } tiltak fortsatt hører til den. Knytt tiltakene til en annen strategi først.
    }
strategy-delete-serving-caption = Tiltak som hører til strategien
strategy-col-measure = Tiltak
strategy-col-plan = Handlingsplan

## Validation

strategy-title-required = Skriv tittelen på strategien.
strategy-start-year-wrong = Skriv startåret med fire sifre, for eksempel 2013.
strategy-end-year-wrong = Skriv sluttåret med fire sifre, for eksempel 2018.
strategy-end-before-start = Sluttåret kan ikke være før startåret.
strategy-vision-required = Skriv visjonen.
strategy-main-goal-required = Skriv hovedmålet.
strategy-goal-area-name-required = Skriv navnet på målområdet.
strategy-position-wrong = Skriv plasseringen som et helt tall fra 1, for eksempel 1.
strategy-goal-area-required = Velg hvilket målområde strategien hører til.
strategy-text-required = Skriv strategien.

## Flash messages

strategy-document-created = Strategien «{ $title }» er opprettet. Legg til målområder og strategier.
strategy-saved = Endringene i strategien er lagret.
strategy-goal-area-added = Målområdet «{ $name }» er lagt til.
strategy-goal-area-saved = Målområdet «{ $name }» er lagret.
strategy-added = Strategien er lagt til.
strategy-deleted = Strategien er slettet.
