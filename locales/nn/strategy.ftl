# The ICT strategy (strategy/*): the strategy document, its goal areas and strategies.

strategy-ikt-strategy = IKT-strategi
strategy-none-yet = { $municipality } har ikkje registrert nokon IKT-strategi enno.
strategy-ikt-enters-it = IKT-avdelinga legg inn strategien.
strategy-back = ← Tilbake til strategien
strategy-cancel = Avbryt
strategy-save = Lagre endringar
strategy-form-has-errors = Skjemaet har feil. Sjå meldingane ved felta.

## The document's page

strategy-edit-document = Rediger strategien
strategy-new-goal-area = Nytt målområde
strategy-new-strategy = Ny strategi
strategy-new-document = Nytt strategidokument
strategy-period = Periode { $period }
strategy-documents = Strategidokument
strategy-shown-now = blir vist no
strategy-no-goal-areas = Strategien har ingen målområde enno.
strategy-add-goal-area = Legg til eit målområde
# After the link «Legg til eit målområde» on the strategy form.
strategy-first = først.
strategy-goal-heading = Mål { $n }: { $name }
strategy-edit-goal-area = Endre målområdet
strategy-under-goal-area = under { $name }
strategy-no-strategies = Ingen strategiar under dette målet enno.
strategy-table-caption = Strategiar for mål { $n }: { $name }
strategy-col-nr = Nr.
strategy-col-strategy = Strategi
strategy-col-key-measures = Sentrale tiltak
strategy-col-plan-measures = Tiltak i handlingsplanen
strategy-col-actions = Handlingar
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
strategy-field-period-start = Frå år
strategy-field-period-end = Til år
strategy-field-adopted = Vedteke
strategy-field-vision = Visjon
strategy-field-main-goal = Hovudmål
strategy-field-main-goal-text = Om hovudmålet
strategy-field-goal-area = Målområde

## The document form

strategy-form-adopted = Vedteke (valfritt, til dømes «Vedteke av kommunestyret 28.05.13, sak 038/13»)
strategy-form-main-goal-text = Om hovudmålet (valfritt)
strategy-create-document = Opprett strategi
strategy-conflict-not-saved = Endringane dine er ikkje lagra.
strategy-conflict-explained = Nokon andre lagra strategien medan du redigerte. Det du skreiv, står framleis i felta.
strategy-conflict-same = Den lagra versjonen har dei same verdiane som du har skrive.
strategy-conflict-stored = Slik er det lagra no, der det skil seg frå det du skreiv:
strategy-conflict-empty = (tomt)
strategy-conflict-advice = Lagrar du på nytt, erstattar det du har skrive den lagra versjonen.

## The goal area form

strategy-edit-goal-area-title = Endre målområde
strategy-form-goal-area-name = Namn på målområdet
strategy-form-goal-statement = Mål (eitt punkt per linje)
strategy-form-goal-statement-hint = Ei innleiande første linje som «Målet er at brukarane skal» blir vist som innleiing, resten som punkt.
strategy-form-position = Plassering (1 er først)
strategy-add-goal-area-submit = Legg til målområde
strategy-goal-area-history = Historikk for målområdet

## The strategy form

strategy-edit-strategy-title = Endre strategi
strategy-form-choose-goal-area = Vel målområde
strategy-form-key-measures = Sentrale tiltak (eitt per linje)
strategy-form-position-under = Plassering under målområdet (1 er først)
strategy-add-strategy-submit = Legg til strategi
strategy-strategy-history = Historikk for strategien

## Deleting a strategy

strategy-delete-heading = Slette strategi
strategy-delete-confirm = Ingen tiltak i handlingsplanane høyrer til denne strategien. Vil du slette han? Slettinga blir ført i endringsloggen.
strategy-delete-submit = Slett strategien
strategy-delete-refused =
    { $count ->
        [one] Strategien kan ikkje slettast fordi { $count } tiltak framleis høyrer til han. Knyt tiltaket til ein annan strategi først.
       *[other] Strategien kan ikkje slettast fordi { $count } tiltak framleis høyrer til han. Knyt tiltaka til ein annan strategi først.
    }
strategy-delete-serving-caption = Tiltak som høyrer til strategien
strategy-col-measure = Tiltak
strategy-col-plan = Handlingsplan

## Validation

strategy-title-required = Skriv tittelen på strategien.
strategy-start-year-wrong = Skriv startåret med fire siffer, til dømes 2013.
strategy-end-year-wrong = Skriv sluttåret med fire siffer, til dømes 2018.
strategy-end-before-start = Sluttåret kan ikkje vere før startåret.
strategy-vision-required = Skriv visjonen.
strategy-main-goal-required = Skriv hovudmålet.
strategy-goal-area-name-required = Skriv namnet på målområdet.
strategy-position-wrong = Skriv plasseringa som eit heilt tal frå 1, til dømes 1.
strategy-goal-area-required = Vel kva målområde strategien høyrer til.
strategy-text-required = Skriv strategien.

## Flash messages

strategy-document-created = Strategien «{ $title }» er oppretta. Legg til målområde og strategiar.
strategy-saved = Endringane i strategien er lagra.
strategy-goal-area-added = Målområdet «{ $name }» er lagt til.
strategy-goal-area-saved = Målområdet «{ $name }» er lagra.
strategy-added = Strategien er lagt til.
strategy-deleted = Strategien er sletta.
