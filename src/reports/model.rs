//! What a status report to the rådmann is: its rounds (when they fall due, which year they are
//! on), its states, when a round is late or no longer expected, when reminders fall, the
//! writer's form and its rules, and how the audit log keeps a round and a plan's report team.
//!
//! Which rounds a period gets: the action plan says the rådmann shall have a report in
//! mid-June, mid-October and mid-January, and a January report is on the year just ended. A plan
//! for 2014–2016 therefore gets June and October of 2014, 2015 and 2016, and January of 2015,
//! 2016 *and 2017*: January 2017 reports on 2016, the plan's last year, and without it the
//! plan's last autumn (Q4 2016 and whatever the October report still had open) would never be
//! reported. January 2014, on 2013, belongs to the plan before. Nine rounds in all.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::{
    audit::{Audited, Table},
    i18n::{Lang, Msg, k},
    measures::model::Status,
    web::FormErrors,
};

/// The longest overall summary for the rådmann.
pub const SUMMARY_CHARS: usize = 10_000;
/// The longest comment on a row, as for a measure's status comment.
pub const COMMENT_CHARS: usize = crate::measures::model::COMMENT_CHARS;
/// The longest acknowledgement comment.
pub const ACK_CHARS: usize = 2000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoundKind {
    June,
    October,
    January,
    /// A round the municipality added.
    Extra,
}

impl RoundKind {
    pub fn code(self) -> &'static str {
        match self {
            RoundKind::June => "june",
            RoundKind::October => "october",
            RoundKind::January => "january",
            RoundKind::Extra => "extra",
        }
    }

    pub fn parse(code: &str) -> Option<RoundKind> {
        [
            RoundKind::June,
            RoundKind::October,
            RoundKind::January,
            RoundKind::Extra,
        ]
        .into_iter()
        .find(|r| r.code() == code)
    }
}

/// The default due day of each yearly round: the 15th («medio»).
pub const DUE_DAY: u32 = 15;

/// A round as the plan gets it when it is made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedRound {
    pub due: NaiveDate,
    pub covers_year: i32,
    pub kind: RoundKind,
}

/// The rounds of a plan for `start_year..=end_year`, in due order (see the module comment).
pub fn default_rounds(start_year: i32, end_year: i32) -> Vec<PlannedRound> {
    let mut out = Vec::new();
    for year in start_year..=end_year {
        for (month, kind, due_year) in [
            (6, RoundKind::June, year),
            (10, RoundKind::October, year),
            (1, RoundKind::January, year + 1),
        ] {
            if let Some(due) = NaiveDate::from_ymd_opt(due_year, month, DUE_DAY) {
                out.push(PlannedRound {
                    due,
                    covers_year: year,
                    kind,
                });
            }
        }
    }
    out
}

/// The year a round added for `due` is on: a round in January reports on the year before.
pub fn covers_year_of(due: NaiveDate) -> i32 {
    if due.month() == 1 {
        due.year() - 1
    } else {
        due.year()
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoundState {
    #[default]
    NotStarted,
    Draft,
    Submitted,
    Acknowledged,
}

impl RoundState {
    pub fn code(self) -> &'static str {
        match self {
            RoundState::NotStarted => "not_started",
            RoundState::Draft => "draft",
            RoundState::Submitted => "submitted",
            RoundState::Acknowledged => "acknowledged",
        }
    }

    pub fn parse(code: &str) -> Option<RoundState> {
        [
            RoundState::NotStarted,
            RoundState::Draft,
            RoundState::Submitted,
            RoundState::Acknowledged,
        ]
        .into_iter()
        .find(|s| s.code() == code)
    }

    /// Submitted or acknowledged: the report is a frozen record.
    pub fn is_submitted(self) -> bool {
        matches!(self, RoundState::Submitted | RoundState::Acknowledged)
    }
}

/// Where a round stands today, as every list says it (in text, never colour alone).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    Cancelled,
    Submitted,
    Acknowledged,
    /// Not submitted and not yet due; `draft` when someone has started writing.
    Open {
        draft: bool,
        days_left: i64,
    },
    /// Past its due date and not submitted, in a plan still running.
    Late {
        draft: bool,
        days_late: i64,
    },
    /// Not submitted in a plan whose period has ended: no longer expected, never «late».
    NotDelivered,
}

impl Standing {
    pub fn of(
        state: RoundState,
        cancelled: bool,
        due: NaiveDate,
        closed: bool,
        today: NaiveDate,
    ) -> Self {
        match state {
            RoundState::Acknowledged => Standing::Acknowledged,
            RoundState::Submitted => Standing::Submitted,
            _ if cancelled => Standing::Cancelled,
            _ if closed => Standing::NotDelivered,
            s => {
                let draft = s == RoundState::Draft;
                let days = (due - today).num_days();
                if days < 0 {
                    Standing::Late {
                        draft,
                        days_late: -days,
                    }
                } else {
                    Standing::Open {
                        draft,
                        days_left: days,
                    }
                }
            }
        }
    }

    /// «Levert», «For sent: 3 dager over fristen», «Ikke levert», in `lang`.
    pub fn text(&self, lang: &Lang) -> String {
        let lang = *lang;
        let this = *self;
        match this {
            Standing::Cancelled => lang.t("report-standing-cancelled"),
            Standing::Submitted => lang.t("report-standing-submitted"),
            Standing::Acknowledged => lang.t("report-standing-acknowledged"),
            Standing::NotDelivered => lang.t("report-standing-not-delivered"),
            Standing::Open { draft, days_left } => {
                let key = if draft {
                    k("report-standing-draft-due")
                } else {
                    k("report-standing-open-due")
                };
                lang.t1(key, "days", days_left)
            }
            Standing::Late { draft, days_late } => {
                let key = if draft {
                    k("report-standing-draft-late")
                } else {
                    k("report-standing-late")
                };
                lang.t1(key, "days", days_late)
            }
        }
    }

    pub fn is_late(self) -> bool {
        matches!(self, Standing::Late { .. })
    }

    /// Still to be written: open or late.
    pub fn is_expected(self) -> bool {
        matches!(self, Standing::Open { .. } | Standing::Late { .. })
    }

    /// Designsystemet colour of its tag; the text always says the same.
    pub fn color(self) -> &'static str {
        match self {
            Standing::Acknowledged | Standing::Submitted => "success",
            Standing::Late { .. } => "danger",
            Standing::Open { .. } => "info",
            Standing::NotDelivered => "warning",
            Standing::Cancelled => "neutral",
        }
    }
}

/// A plan is closed once its period has ended and its last round has fallen due: its
/// unsubmitted rounds then read «ikke levert», are not late on anyone's start page and send no
/// reminders.
pub fn plan_closed(end_year: i32, last_due: Option<NaiveDate>, today: NaiveDate) -> bool {
    let period_end = NaiveDate::from_ymd_opt(end_year, 12, 31).unwrap_or(NaiveDate::MAX);
    today > last_due.map_or(period_end, |d| d.max(period_end))
}

/// The reminders of a round, and the day each falls on relative to the due date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReminderKind {
    /// To the responsible person, 14 days before.
    Before14,
    /// To the responsible person, 3 days before.
    Before3,
    /// To the responsible person, the day after, if still not submitted.
    After1,
    /// To the rådmann, when the report is submitted.
    Submitted,
}

impl ReminderKind {
    pub fn code(self) -> &'static str {
        match self {
            ReminderKind::Before14 => "before_14",
            ReminderKind::Before3 => "before_3",
            ReminderKind::After1 => "after_1",
            ReminderKind::Submitted => "submitted",
        }
    }

    /// Days from the due date (or, for `Submitted`, from the submission) to the reminder.
    pub fn offset_days(self) -> i64 {
        match self {
            ReminderKind::Before14 => -14,
            ReminderKind::Before3 => -3,
            ReminderKind::After1 => 1,
            ReminderKind::Submitted => 0,
        }
    }
}

/// A reminder whose day passed more than this many days ago is not sent: a first start, or a
/// sender that was down, must not mail a backlog.
pub const REMINDER_GRACE_DAYS: i64 = 2;

/// The responsible person's reminders that fall on `today` (or within the grace days before),
/// for a round due `due` that is still expected.
pub fn reminders_due(due: NaiveDate, today: NaiveDate) -> Vec<ReminderKind> {
    [
        ReminderKind::Before14,
        ReminderKind::Before3,
        ReminderKind::After1,
    ]
    .into_iter()
    .filter(|r| {
        let day = due + chrono::Duration::days(r.offset_days());
        day <= today && (today - day).num_days() <= REMINDER_GRACE_DAYS
    })
    .collect()
}

/// One measure's line in the writer's form.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RowInput {
    pub measure_id: i64,
    pub status: Status,
    pub status_date: Option<NaiveDate>,
    pub comment: Option<String>,
}

/// What the writer saves: the summary and one line per measure.
#[derive(Clone, Debug, Default)]
pub struct ReportInput {
    pub summary: Option<String>,
    pub rows: Vec<RowInput>,
}

/// Rules a draft must meet (lengths); `priority_missing` adds those only submitting needs.
pub fn check_draft(input: &ReportInput, errors: &mut FormErrors) -> Vec<(i64, Msg)> {
    if input
        .summary
        .as_deref()
        .is_some_and(|s| s.chars().count() > SUMMARY_CHARS)
    {
        errors.add(
            "summary",
            Msg::with("report-summary-too-long", [("max", SUMMARY_CHARS.into())]),
        );
    }
    input
        .rows
        .iter()
        .filter(|r| {
            r.comment
                .as_deref()
                .is_some_and(|c| c.chars().count() > COMMENT_CHARS)
        })
        .map(|r| {
            (
                r.measure_id,
                Msg::with("report-comment-too-long", [("max", COMMENT_CHARS.into())]),
            )
        })
        .collect()
}

/// The priority measures (id, title) the input leaves without a comment: submitting is refused
/// until each has one (the action plan asks for special comments on them, §1.4).
pub fn priority_missing<'a>(
    input: &ReportInput,
    priority: impl IntoIterator<Item = (i64, &'a str)>,
) -> Vec<(i64, String)> {
    priority
        .into_iter()
        .filter(|(id, _)| {
            !input.rows.iter().any(|r| {
                r.measure_id == *id && r.comment.as_deref().is_some_and(|c| !c.trim().is_empty())
            })
        })
        .map(|(id, title)| (id, title.to_string()))
        .collect()
}

/// How the audit log keeps a round.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Default)]
pub struct RoundSnapshot {
    pub plan: String,
    pub due_date: String,
    pub covers_year: i32,
    pub state: String,
    pub cancelled: bool,
    pub summary: String,
    /// «Tiltak 3: Pågår – kommentar», one line per row that has a status set.
    pub rows: String,
    pub acknowledgement_comment: String,
}

impl Audited for RoundSnapshot {
    const TABLE: Table = Table::ReportRound;

    fn name(&self) -> String {
        format!("{} {}", self.plan, self.due_date)
    }
}

/// How the audit log keeps who writes a plan's reports.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Default)]
pub struct TeamSnapshot {
    pub plan: String,
    pub responsible: String,
    pub helpers: String,
}

impl Audited for TeamSnapshot {
    const TABLE: Table = Table::ReportTeam;

    fn name(&self) -> String {
        self.plan.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_plan_for_2014_to_2016_gets_nine_rounds_ending_with_january_2017_on_2016() {
        let rounds = default_rounds(2014, 2016);
        assert_eq!(rounds.len(), 9);
        assert_eq!(rounds[0].due, d(2014, 6, 15));
        assert_eq!(rounds[2].due, d(2015, 1, 15));
        assert_eq!(rounds[2].covers_year, 2014);
        let last = rounds.last().unwrap();
        assert_eq!(
            (last.due, last.covers_year, last.kind),
            (d(2017, 1, 15), 2016, RoundKind::January)
        );
        assert!(rounds.windows(2).all(|w| w[0].due < w[1].due));
        assert!(!rounds.iter().any(|r| r.due == d(2014, 1, 15)));
    }

    #[test]
    fn a_plan_is_closed_only_after_its_last_year_and_its_last_round() {
        let last = Some(d(2017, 1, 15));
        assert!(!plan_closed(2016, last, d(2016, 12, 31)));
        assert!(!plan_closed(2016, last, d(2017, 1, 15)));
        assert!(plan_closed(2016, last, d(2017, 1, 16)));
        assert!(plan_closed(2016, None, d(2017, 1, 1)));
    }

    #[test]
    fn a_late_round_says_so_and_a_closed_plans_round_is_not_delivered_rather_than_late() {
        let due = d(2015, 6, 15);
        let today = d(2015, 6, 18);
        assert_eq!(
            Standing::of(RoundState::Draft, false, due, false, today),
            Standing::Late {
                draft: true,
                days_late: 3
            }
        );
        assert_eq!(
            Standing::of(RoundState::NotStarted, false, due, true, today),
            Standing::NotDelivered
        );
        assert_eq!(
            Standing::of(RoundState::Submitted, false, due, true, today),
            Standing::Submitted
        );
        assert_eq!(
            Standing::of(RoundState::NotStarted, true, due, false, today),
            Standing::Cancelled
        );
    }

    #[test]
    fn reminders_fall_14_and_3_days_before_and_the_day_after_but_never_more_than_two_days_late() {
        let due = d(2015, 6, 15);
        assert_eq!(reminders_due(due, d(2015, 5, 31)), vec![]);
        assert_eq!(
            reminders_due(due, d(2015, 6, 1)),
            vec![ReminderKind::Before14]
        );
        assert_eq!(
            reminders_due(due, d(2015, 6, 3)),
            vec![ReminderKind::Before14]
        );
        assert_eq!(reminders_due(due, d(2015, 6, 4)), vec![]);
        assert_eq!(
            reminders_due(due, d(2015, 6, 12)),
            vec![ReminderKind::Before3]
        );
        assert_eq!(
            reminders_due(due, d(2015, 6, 14)),
            vec![ReminderKind::Before3]
        );
        assert_eq!(
            reminders_due(due, d(2015, 6, 16)),
            vec![ReminderKind::After1]
        );
        assert_eq!(
            reminders_due(due, d(2015, 6, 18)),
            vec![ReminderKind::After1]
        );
        assert_eq!(reminders_due(due, d(2015, 6, 19)), vec![]);
    }

    #[test]
    fn a_january_round_added_by_hand_reports_on_the_year_before() {
        assert_eq!(covers_year_of(d(2016, 1, 20)), 2015);
        assert_eq!(covers_year_of(d(2016, 3, 1)), 2016);
    }

    #[test]
    fn submitting_names_every_priority_measure_without_a_comment() {
        let input = ReportInput {
            summary: None,
            rows: vec![
                RowInput {
                    measure_id: 1,
                    comment: Some("ok".into()),
                    ..Default::default()
                },
                RowInput {
                    measure_id: 2,
                    comment: Some("  ".into()),
                    ..Default::default()
                },
            ],
        };
        let missing = priority_missing(&input, [(1, "A"), (2, "B"), (3, "C")]);
        assert_eq!(missing, vec![(2, "B".to_string()), (3, "C".to_string())]);
    }
}
