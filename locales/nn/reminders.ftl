# The report reminders by e-mail (reports/remind.rs) and the calendar feed (reports/calendar.rs).

reminder-subject-before = Statusrapport til rådmannen: { $plan }, frist { $due }
reminder-subject-after = Statusrapporten for { $plan } er ikkje levert (frist { $due })
reminder-subject-submitted = Statusrapport levert: { $plan }, frist { $due }
reminder-greeting = Hei { $name },
reminder-body-before = statusrapporten til rådmannen for { $plan } skal leverast innan { $due }, om { $days ->
    [one] { $days } dag
   *[other] { $days } dagar
}. Rapporten gjeld { $year }.
reminder-body-after = statusrapporten til rådmannen for { $plan } skulle vore levert { $due } og er ikkje levert enno, { $days ->
    [one] { $days } dag
   *[other] { $days } dagar
} over fristen. Rapporten gjeld { $year }.
reminder-body-submitted = { $submitter } har levert statusrapporten for { $plan } (frist { $due }). Rapporten gjeld { $year }. No kan du lese han og ta han til orientering.
reminder-someone = Ein av rapportskrivarane
reminder-link = Opne rapporten: { $url }
reminder-footer-responsible = Denne e-posten er send automatisk frå IKT-styring fordi du er ansvarleg for statusrapportane i handlingsplanen.
reminder-footer-leder = Denne e-posten er send automatisk frå IKT-styring fordi du er leiar (rådmann) i kommunen.

calendar-name = Statusrapportar – { $municipality }
calendar-summary = Statusrapport til rådmannen: { $plan }, frist
calendar-description = Statusrapporten gjeld { $year }. Frist: { $due }. Status: { $state }. { $url }
