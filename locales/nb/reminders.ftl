# The report reminders by e-mail (reports/remind.rs) and the calendar feed (reports/calendar.rs).

reminder-subject-before = Statusrapport til rådmannen: { $plan }, frist { $due }
reminder-subject-after = Statusrapporten for { $plan } er ikke levert (frist { $due })
reminder-subject-submitted = Statusrapport levert: { $plan }, frist { $due }
reminder-greeting = Hei { $name },
reminder-body-before = statusrapporten til rådmannen for { $plan } skal leveres innen { $due }, om { $days ->
    [one] { $days } dag
   *[other] { $days } dager
}. Rapporten gjelder { $year }.
reminder-body-after = statusrapporten til rådmannen for { $plan } skulle vært levert { $due } og er ikke levert ennå, { $days ->
    [one] { $days } dag
   *[other] { $days } dager
} over fristen. Rapporten gjelder { $year }.
reminder-body-submitted = { $submitter } har levert statusrapporten for { $plan } (frist { $due }). Rapporten gjelder { $year }. Du kan nå lese den og ta den til orientering.
reminder-someone = En av rapportskriverne
reminder-link = Åpne rapporten: { $url }
reminder-footer-responsible = Denne e-posten er sendt automatisk fra IKT-styring fordi du er ansvarlig for statusrapportene i handlingsplanen.
reminder-footer-leder = Denne e-posten er sendt automatisk fra IKT-styring fordi du er leder (rådmann) i kommunen.

calendar-name = Statusrapporter – { $municipality }
calendar-summary = Statusrapport til rådmannen: { $plan }, frist
calendar-description = Statusrapporten gjelder { $year }. Frist: { $due }. Status: { $state }. { $url }
