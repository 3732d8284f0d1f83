//! What a measure (tiltak) is: its vocabulary (status, financing, who is responsible), the input
//! every write path builds, the rules that input meets wherever it comes from, and how the audit
//! log keeps a measure.
//!
//! The rules live in `MeasureInput::check` and `StatusInput::check`, which the edit form, the
//! progress plan's status row and the import all call; those that hold for every stored row are
//! also `CHECK`s in the database (see the module-pattern migration).

use std::fmt::Write;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{
    audit::{Audited, Table},
    domain::{Hours, Nok},
    i18n::{Lang, Msg, k},
    plan::model::Span,
    web::FormErrors,
};

/// The longest title; the rest belongs in the description.
pub const TITLE_CHARS: usize = 500;
pub const DESCRIPTION_CHARS: usize = 5000;
/// The longest status comment, in the form, the progress row, the import and the database.
pub const COMMENT_CHARS: usize = 2000;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    NotStarted,
    InProgress,
    Done,
    Postponed,
    Cancelled,
}

impl Status {
    /// The status in `lang` with its date, if it has one: «Utført 31.03.2014», «Ikkje starta».
    /// Every page that shows a measure's status says it this way.
    pub fn with_date(self, lang: Lang, date: Option<NaiveDate>) -> String {
        let label = lang.t(self.label_key());
        match date {
            Some(d) => format!("{label} {}", crate::domain::format_date(d)),
            None => label,
        }
    }

    pub const ALL: [Status; 5] = [
        Status::NotStarted,
        Status::InProgress,
        Status::Done,
        Status::Postponed,
        Status::Cancelled,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Status::NotStarted => "not_started",
            Status::InProgress => "in_progress",
            Status::Done => "done",
            Status::Postponed => "postponed",
            Status::Cancelled => "cancelled",
        }
    }

    /// The bokmål label, for callers not yet converted (the plan area, imports reading labels).
    pub fn label(self) -> &'static str {
        match self {
            Status::NotStarted => "Ikke startet",
            Status::InProgress => "Pågår",
            Status::Done => "Utført",
            Status::Postponed => "Utsatt",
            Status::Cancelled => "Avbrutt",
        }
    }

    /// The catalog key of its label (`ctx.t(s.label_key())`), stable for every area that shows it.
    pub fn label_key(self) -> &'static str {
        match self {
            Status::NotStarted => k("measure-status-not-started"),
            Status::InProgress => k("measure-status-in-progress"),
            Status::Done => k("measure-status-done"),
            Status::Postponed => k("measure-status-postponed"),
            Status::Cancelled => k("measure-status-cancelled"),
        }
    }

    /// Designsystemet tag colour; the label always carries the meaning too.
    pub fn color(self) -> &'static str {
        match self {
            Status::NotStarted => "neutral",
            Status::InProgress => "info",
            Status::Done => "success",
            Status::Postponed => "warning",
            Status::Cancelled => "danger",
        }
    }

    pub fn parse(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Also accepts the Norwegian label, as typed in a spreadsheet.
    pub fn parse_any(text: &str) -> Option<Status> {
        let t = text.trim().to_lowercase();
        Status::ALL
            .into_iter()
            .find(|s| s.code() == t || s.label().to_lowercase() == t)
    }

    /// Unfinished measures are carried into the next plan.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            Status::NotStarted | Status::InProgress | Status::Postponed
        )
    }
}

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Financing {
    CurrentBudget,
    ApprovedBudget,
    RequiresAppropriation,
    OtherProject,
    #[default]
    Unknown,
}

impl Financing {
    pub const ALL: [Financing; 5] = [
        Financing::CurrentBudget,
        Financing::ApprovedBudget,
        Financing::RequiresAppropriation,
        Financing::OtherProject,
        Financing::Unknown,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Financing::CurrentBudget => "current_budget",
            Financing::ApprovedBudget => "approved_budget",
            Financing::RequiresAppropriation => "requires_appropriation",
            Financing::OtherProject => "other_project",
            Financing::Unknown => "unknown",
        }
    }

    /// The bokmål label: also how a described cost line (audit snapshot, export) spells it and
    /// what the import reads back, so it stays bokmål whatever the reader's language.
    pub fn label(self) -> &'static str {
        match self {
            Financing::CurrentBudget => "dekkes av gjeldende budsjett",
            Financing::ApprovedBudget => "innenfor vedtatt budsjett",
            Financing::RequiresAppropriation => "krever budsjettbevilgning",
            Financing::OtherProject => "inngår i annet prosjekt",
            Financing::Unknown => "ukjent",
        }
    }

    /// The catalog key of its label, for the form and the pages.
    pub fn label_key(self) -> &'static str {
        match self {
            Financing::CurrentBudget => k("measure-financing-current-budget"),
            Financing::ApprovedBudget => k("measure-financing-approved-budget"),
            Financing::RequiresAppropriation => k("measure-financing-requires-appropriation"),
            Financing::OtherProject => k("measure-financing-other-project"),
            Financing::Unknown => k("measure-financing-unknown"),
        }
    }

    pub fn parse(code: &str) -> Option<Financing> {
        Financing::ALL.into_iter().find(|f| f.code() == code)
    }

    /// Also accepts the Norwegian label.
    pub fn parse_any(text: &str) -> Option<Financing> {
        let t = text.trim().to_lowercase();
        if t.is_empty() {
            return Some(Financing::Unknown);
        }
        Financing::ALL
            .into_iter()
            .find(|f| f.code() == t || f.label() == t)
    }
}

/// Who is responsible for a measure.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum Responsible {
    #[default]
    Nobody,
    Person(i64),
    Unit(i64),
    /// A role or group in free text: "Systemeier", "Rådmannen / SU".
    Text(String),
}

impl Responsible {
    /// The form value: "person:12", "unit:3", "" (text goes in its own field).
    pub fn key(&self) -> String {
        match self {
            Responsible::Person(id) => format!("person:{id}"),
            Responsible::Unit(id) => format!("unit:{id}"),
            _ => String::new(),
        }
    }

    pub fn columns(&self) -> (Option<i64>, Option<i64>, Option<String>) {
        match self {
            Responsible::Nobody => (None, None, None),
            Responsible::Person(id) => (Some(*id), None, None),
            Responsible::Unit(id) => (None, Some(*id), None),
            Responsible::Text(t) => (None, None, Some(t.clone())),
        }
    }

    pub fn from_columns(person: Option<i64>, unit: Option<i64>, text: Option<String>) -> Self {
        match (person, unit, text) {
            (Some(p), _, _) => Responsible::Person(p),
            (_, Some(u), _) => Responsible::Unit(u),
            (_, _, Some(t)) if !t.trim().is_empty() => Responsible::Text(t),
            _ => Responsible::Nobody,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct CostInput {
    pub description: Option<String>,
    pub amount: Option<Nok>,
    /// Why the amount is what it is, or why there is none: «20 år», «må utredes».
    pub amount_note: Option<String>,
    pub financing: Financing,
    pub financing_project: Option<String>,
    /// A remark (merknad): what the plan says beyond amount and financing, such as «eller
    /// innarbeides som en del av sentrumsprosjektet».
    pub remark: Option<String>,
}

impl CostInput {
    /// «kr 34 984 (innføring og vedlikehold første år; dekkes av gjeldende budsjett)»
    pub fn describe(&self) -> String {
        let mut s = match (&self.amount, &self.amount_note) {
            (Some(a), Some(n)) => format!("{a} ({n})"),
            (Some(a), None) => a.to_string(),
            (None, Some(n)) => n.clone(),
            (None, None) => "ukjent beløp".into(),
        };
        let mut extra = Vec::new();
        if let Some(d) = self.description.as_deref().filter(|d| !d.is_empty()) {
            extra.push(d.to_string());
        }
        match (self.financing, &self.financing_project) {
            (Financing::OtherProject, Some(p)) => extra.push(format!("inngår i {p}")),
            (Financing::Unknown, _) => {}
            (f, _) => extra.push(f.label().to_string()),
        }
        if let Some(r) = self.remark.as_deref().filter(|r| !r.is_empty()) {
            extra.push(format!("{REMARK_PREFIX}{r}"));
        }
        if !extra.is_empty() {
            let _ = write!(s, " – {}", extra.join("; "));
        }
        s
    }

    /// `describe` in the reader's language, for pages. `describe` itself stays bokmål: the
    /// audit snapshot and the export keep it, and the import reads it back.
    pub fn describe_in(&self, lang: Lang) -> String {
        let mut s = match (&self.amount, &self.amount_note) {
            (Some(a), Some(n)) => format!("{a} ({n})"),
            (Some(a), None) => a.to_string(),
            (None, Some(n)) => n.clone(),
            (None, None) => lang.t("measure-cost-unknown-amount"),
        };
        let mut extra = Vec::new();
        if let Some(d) = self.description.as_deref().filter(|d| !d.is_empty()) {
            extra.push(d.to_string());
        }
        match (self.financing, &self.financing_project) {
            (Financing::OtherProject, Some(p)) => {
                extra.push(lang.t1("measure-cost-part-of", "project", p))
            }
            (Financing::Unknown, _) => {}
            (f, _) => extra.push(lang.t(f.label_key())),
        }
        if let Some(r) = self.remark.as_deref().filter(|r| !r.is_empty()) {
            extra.push(lang.t1("measure-cost-remark", "remark", r));
        }
        if !extra.is_empty() {
            let _ = write!(s, " – {}", extra.join("; "));
        }
        s
    }

    /// The rules a cost line meets wherever it comes from: a project exactly when the cost is
    /// part of another project, and bounded texts.
    pub fn check(&self) -> Result<(), CostProblem> {
        let long = |t: &Option<String>| {
            t.as_deref()
                .is_some_and(|t| t.chars().count() > COST_TEXT_CHARS)
        };
        match (self.financing, &self.financing_project) {
            (Financing::OtherProject, None) => return Err(CostProblem::MissingProject),
            (f, Some(_)) if f != Financing::OtherProject => {
                return Err(CostProblem::ProjectWithoutOtherProject);
            }
            _ => {}
        }
        if long(&self.description) || long(&self.amount_note) || long(&self.financing_project) {
            return Err(CostProblem::TooLong);
        }
        if long(&self.remark) {
            return Err(CostProblem::RemarkTooLong);
        }
        Ok(())
    }
}

/// How a described cost line marks its remark, so the import can read it back.
pub const REMARK_PREFIX: &str = "merknad: ";
/// The longest text in a cost line (the `measure_cost.remark` check says the same).
pub const COST_TEXT_CHARS: usize = 500;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CostProblem {
    MissingProject,
    ProjectWithoutOtherProject,
    TooLong,
    RemarkTooLong,
}

impl CostProblem {
    pub fn message(self) -> Msg {
        let max = || [("max", COST_TEXT_CHARS.into())];
        match self {
            CostProblem::MissingProject => Msg::new("measure-cost-missing-project"),
            CostProblem::ProjectWithoutOtherProject => {
                Msg::new("measure-cost-project-without-other-project")
            }
            CostProblem::TooLong => Msg::with("measure-cost-too-long", max()),
            CostProblem::RemarkTooLong => Msg::with("measure-cost-remark-too-long", max()),
        }
    }

    /// The variant `measure-cost-line` selects for it (a Fluent message cannot nest another).
    fn selector(self) -> &'static str {
        match self {
            CostProblem::MissingProject => "missing-project",
            CostProblem::ProjectWithoutOtherProject => "project-without-other-project",
            CostProblem::TooLong => "too-long",
            CostProblem::RemarkTooLong => "remark-too-long",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellInput {
    pub year: i32,
    pub period: i32,
    pub label: Option<String>,
}

/// Everything a measure is, as the forms, the import, the roll and the seed give it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MeasureInput {
    pub title: String,
    pub description: Option<String>,
    pub strategy_ids: Vec<i64>,
    pub responsible: Responsible,
    pub hours: Option<Hours>,
    pub costs: Vec<CostInput>,
    pub cells: Vec<CellInput>,
    pub priority: bool,
    pub status: Status,
    pub status_date: Option<NaiveDate>,
    pub status_comment: Option<String>,
    pub depends_on: Vec<i64>,
    pub predecessor_measure_id: Option<i64>,
}

impl MeasureInput {
    pub fn status_input(&self) -> StatusInput {
        StatusInput {
            status: self.status,
            date: self.status_date,
            comment: self.status_comment.clone(),
        }
    }

    /// The rules every measure meets, whatever wrote it. Field names are the edit form's.
    pub fn check(&self, plan: Span) -> FormErrors {
        let mut errors = FormErrors::default();
        let title = self.title.trim();
        if title.is_empty() {
            errors.add("title", Msg::new("measure-title-required"));
        } else if title.chars().count() > TITLE_CHARS {
            errors.add(
                "title",
                Msg::with("measure-title-too-long", [("max", TITLE_CHARS.into())]),
            );
        }
        if self
            .description
            .as_deref()
            .is_some_and(|d| d.chars().count() > DESCRIPTION_CHARS)
        {
            errors.add(
                "description",
                Msg::with(
                    "measure-description-too-long",
                    [("max", DESCRIPTION_CHARS.into())],
                ),
            );
        }
        if let Some((field, message)) = self.status_input().check() {
            errors.add(field, message);
        }
        let outside: Vec<String> = self
            .cells
            .iter()
            .filter(|c| !plan.contains(c.year, c.period))
            .map(|c| format!("{} periode {}", c.year, c.period))
            .collect();
        if !outside.is_empty() {
            errors.add("schedule", outside_message(plan, &outside));
        }
        // One message per bad line: each is a sentence of its own in both languages.
        for (i, c) in self.costs.iter().enumerate() {
            if let Err(p) = c.check() {
                errors.add(
                    "costs",
                    Msg::with(
                        "measure-cost-line",
                        [
                            ("line", (i + 1).into()),
                            ("problem", p.selector().into()),
                            ("max", COST_TEXT_CHARS.into()),
                        ],
                    ),
                );
            }
        }
        errors
    }
}

/// A status as the audit snapshot spells it («Utført 31.03.2014», bokmål) in `lang`; text that
/// starts with no status label is shown as it is.
pub fn snapshot_status_in(lang: Lang, text: &str) -> String {
    Status::ALL
        .into_iter()
        .find_map(|s| {
            text.strip_prefix(s.label())
                .map(|rest| format!("{}{rest}", lang.t(s.label_key())))
        })
        .unwrap_or_else(|| text.to_string())
}

/// Periods («2017 periode 3») outside the plan's years, for the schedule field.
pub fn outside_message(plan: Span, outside: &[String]) -> Msg {
    Msg::with(
        "measure-schedule-outside",
        [
            ("periods", outside.join(", ").into()),
            ("start", plan.start_year.into()),
            ("end", plan.end_year.into()),
        ],
    )
}

/// A status change, as the progress row, the measure page and the edit form give it.
#[derive(Clone, Debug, PartialEq)]
pub struct StatusInput {
    pub status: Status,
    /// When the status took effect; for «Utført» the completion date. Optional for every
    /// status: Ringebu's plan gives none for three finished measures, and a guessed date would
    /// be wrong. Forms pre-fill today's date when «Utført» is chosen, for the user to change.
    pub date: Option<NaiveDate>,
    pub comment: Option<String>,
}

impl StatusInput {
    /// (field, message) for the first rule broken, if any.
    pub fn check(&self) -> Option<(&'static str, Msg)> {
        self.comment
            .as_deref()
            .filter(|c| c.chars().count() > COMMENT_CHARS)
            .map(|_| {
                (
                    "status_comment",
                    Msg::with("measure-comment-too-long", [("max", COMMENT_CHARS.into())]),
                )
            })
    }
}

/// How the audit log keeps a measure: flat, readable strings so a diff reads as a sentence.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Default)]
pub struct MeasureSnapshot {
    pub title: String,
    pub description: String,
    pub strategies: String,
    pub responsible: String,
    pub hours: String,
    pub costs: String,
    pub schedule: String,
    pub priority: bool,
    pub status: String,
    pub status_date: String,
    pub status_comment: String,
    pub depends_on: String,
}

impl Audited for MeasureSnapshot {
    const TABLE: Table = Table::Measure;
    fn name(&self) -> String {
        self.title.clone()
    }
}

impl MeasureSnapshot {
    /// (field, catalog key of its label, value as read) in form order, for the conflict view.
    /// The fields are the audit log's (`Table::Measure.fields()`), in the same order.
    pub fn fields(&self) -> Vec<(&'static str, &'static str, String)> {
        let values = [
            self.title.clone(),
            self.description.clone(),
            self.strategies.clone(),
            self.responsible.clone(),
            self.hours.clone(),
            self.costs.clone(),
            self.schedule.clone(),
            if self.priority { "ja" } else { "nei" }.to_string(),
            self.status.clone(),
            self.status_date.clone(),
            self.status_comment.clone(),
            self.depends_on.clone(),
        ];
        const LABELS: [(&str, &str); 12] = [
            ("title", k("measure-field-title")),
            ("description", k("measure-field-description")),
            ("strategies", k("measure-field-strategies")),
            ("responsible", k("measure-field-responsible")),
            ("hours", k("measure-field-hours")),
            ("costs", k("measure-field-costs")),
            ("schedule", k("measure-field-schedule")),
            ("priority", k("measure-field-priority")),
            ("status", k("measure-field-status")),
            ("status_date", k("measure-field-status-date")),
            ("status_comment", k("measure-field-status-comment")),
            ("depends_on", k("measure-field-depends-on")),
        ];
        LABELS
            .iter()
            .zip(values)
            .map(|((f, l), v)| (*f, *l, v))
            .collect()
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cost_line_reads_like_the_plan_document() {
        let c = CostInput {
            description: Some("innføring og vedlikehold første år".into()),
            amount: Some(Nok::parse("34984").unwrap()),
            amount_note: None,
            financing: Financing::CurrentBudget,
            financing_project: None,
            remark: None,
        };
        assert_eq!(
            c.describe(),
            "kr 34 984 – innføring og vedlikehold første år; dekkes av gjeldende budsjett"
        );
        let unknown = CostInput {
            description: None,
            amount: None,
            amount_note: Some("må utredes".into()),
            financing: Financing::Unknown,
            financing_project: None,
            remark: None,
        };
        assert_eq!(unknown.describe(), "må utredes");
        let tromsvang = CostInput {
            amount: Some(Nok::parse("120000").unwrap()),
            financing: Financing::RequiresAppropriation,
            remark: Some("eller innarbeides som en del av sentrumsprosjektet".into()),
            ..CostInput::default()
        };
        assert_eq!(
            tromsvang.describe(),
            "kr 120 000 – krever budsjettbevilgning; merknad: eller innarbeides som en del av sentrumsprosjektet"
        );
    }

    #[test]
    fn status_and_financing_labels_read_in_both_languages_and_bokmal_is_as_before() {
        use crate::i18n::Lang;
        for s in Status::ALL {
            assert_eq!(Lang::Nb.t(s.label_key()), s.label());
        }
        for f in Financing::ALL {
            assert_eq!(Lang::Nb.t(f.label_key()), f.label());
        }
        assert_eq!(Lang::Nn.t(Status::NotStarted.label_key()), "Ikkje starta");
        assert_eq!(Lang::Nn.t(Status::Postponed.label_key()), "Utsett");
        assert_eq!(Lang::Nn.t(Status::Cancelled.label_key()), "Avbrote");
        assert_eq!(snapshot_status_in(Lang::Nn, "Ikke startet"), "Ikkje starta");
        assert_eq!(
            snapshot_status_in(Lang::Nn, "Utsatt 01.02.2015"),
            "Utsett 01.02.2015"
        );
        assert_eq!(snapshot_status_in(Lang::Nn, "noe annet"), "noe annet");
    }

    #[test]
    fn a_cost_line_described_for_a_nynorsk_reader_uses_nynorsk_words_and_norwegian_amounts() {
        use crate::i18n::Lang;
        let c = CostInput {
            amount: Some(Nok::parse("120000").unwrap()),
            financing: Financing::RequiresAppropriation,
            remark: Some("eller innarbeides".into()),
            ..CostInput::default()
        };
        assert_eq!(
            c.describe_in(Lang::Nn),
            "kr 120 000 – krev budsjettløyving; merknad: eller innarbeides"
        );
        assert_eq!(c.describe_in(Lang::Nb), c.describe());
        let none = CostInput::default();
        assert_eq!(none.describe_in(Lang::Nn), "ukjend beløp");
    }

    #[test]
    fn statuses_and_financing_parse_from_codes_and_norwegian_labels() {
        assert_eq!(Status::parse_any("Pågår"), Some(Status::InProgress));
        assert_eq!(Status::parse_any("done"), Some(Status::Done));
        assert_eq!(
            Financing::parse_any("krever budsjettbevilgning"),
            Some(Financing::RequiresAppropriation)
        );
        assert_eq!(Financing::parse_any(""), Some(Financing::Unknown));
        assert_eq!(Financing::parse_any("lotteri"), None);
    }
}

#[cfg(test)]
mod rules {
    use super::*;

    fn input() -> MeasureInput {
        MeasureInput {
            title: "Innføre Feide".into(),
            description: None,
            strategy_ids: vec![],
            responsible: Responsible::Nobody,
            hours: None,
            costs: vec![],
            cells: vec![CellInput {
                year: 2014,
                period: 12,
                label: None,
            }],
            priority: false,
            status: Status::Done,
            status_date: None,
            status_comment: None,
            depends_on: vec![],
            predecessor_measure_id: None,
        }
    }

    #[test]
    fn every_key_of_the_measure_snapshot_has_a_label_in_the_log() {
        assert!(crate::audit::unlabelled_keys(&MeasureSnapshot::default()).is_empty());
    }

    #[test]
    fn a_finished_measure_without_a_date_and_without_a_strategy_is_a_valid_measure() {
        assert!(input().check(Span::new(2014, 2016)).is_empty());
    }

    #[test]
    fn a_long_comment_a_period_outside_the_plan_and_a_project_without_its_financing_are_refused() {
        let mut m = input();
        m.status_comment = Some("x".repeat(COMMENT_CHARS + 1));
        m.cells.push(CellInput {
            year: 2017,
            period: 1,
            label: None,
        });
        m.costs.push(CostInput {
            financing_project: Some("TRUST-IKT".into()),
            ..CostInput::default()
        });
        let e = m.check(Span::new(2014, 2016));
        assert!(e.get("status_comment").unwrap().contains("2000"));
        assert!(e.get("schedule").unwrap().contains("2017 periode 1"));
        assert!(e.get("costs").unwrap().contains("linje 1"));
        m.status_comment = Some("x".repeat(COMMENT_CHARS));
        assert!(!m.check(Span::new(2014, 2016)).has("status_comment"));
    }
}
