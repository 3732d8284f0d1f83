//! The IKT-råd's rules: the states an acquisition request passes through and who moves it, the
//! forms and their validation, the audit snapshots. No SQL.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::audit::{Audited, Table};
use crate::domain::{Nok, parse_date};
use crate::i18n::Msg;
use crate::web::{FormErrors, FormPairs, form::trimmed};

code_enum!(
    /// Where a request stands. The matrix's steps: registered by a unit, triaged by the
    /// secretariat, assessed and recommended by the council, decided by RLT.
    State {
        Registered = "registered", "council-state-registered";
        NeedsInfo = "needs_info", "council-state-needs-info";
        Cleared = "cleared", "council-state-cleared";
        OnAgenda = "on_agenda", "council-state-on-agenda";
        Recommended = "recommended", "council-state-recommended";
        NotRecommended = "not_recommended", "council-state-not-recommended";
        Approved = "approved", "council-state-approved";
        Rejected = "rejected", "council-state-rejected";
        Postponed = "postponed", "council-state-postponed";
    }
);

code_enum!(
    /// The three ways an acquisition is paid for (Gjesdal §3.3).
    Financing {
        UnitBudget = "unit_budget", "council-financing-unit-budget";
        IctFunds = "ict_funds", "council-financing-ict-funds";
        SeparateItem = "separate_item", "council-financing-separate-item";
    }
);

impl Financing {
    /// The financing of the measure an approval makes: the unit's frame is the current budget,
    /// the ICT funds are already in the approved economic plan, and a separate item in the
    /// economic plan still needs the appropriation.
    pub fn measure_financing(self) -> crate::measures::model::Financing {
        use crate::measures::model::Financing as F;
        match self {
            Financing::UnitBudget => F::CurrentBudget,
            Financing::IctFunds => F::ApprovedBudget,
            Financing::SeparateItem => F::RequiresAppropriation,
        }
    }
}

code_enum!(
    Urgency {
        Low = "low", "council-urgency-low";
        Normal = "normal", "council-urgency-normal";
        High = "high", "council-urgency-high";
    }
);

code_enum!(
    /// A member's assessment of an item.
    Stance {
        Support = "support", "council-stance-support";
        Abstain = "abstain", "council-stance-abstain";
        Object = "object", "council-stance-object";
    }
);

code_enum!(
    /// RLT's decision.
    Decision {
        Approved = "approved", "council-state-approved";
        Rejected = "rejected", "council-state-rejected";
        Postponed = "postponed", "council-state-postponed";
    }
);

code_enum!(
    BenefitKind {
        Time = "time", "council-benefit-kind-time";
        Money = "money", "council-benefit-kind-money";
        Quality = "quality", "council-benefit-kind-quality";
        Vulnerability = "vulnerability", "council-benefit-kind-vulnerability";
    }
);

/// A move of a request from one state to the next. Who may make it is the handler's
/// extractor; whether it may be made from here is `next`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// The secretariat asks the requester for more.
    SendBack,
    /// The requester answers it (by saving the request again).
    Resubmit,
    /// The secretariat clears a small request itself.
    Clear,
    /// The secretariat puts it on a meeting's agenda.
    Agenda,
    /// The chair records the council's recommendation (and may change it until the meeting
    /// closes).
    Recommend(bool),
    /// The meeting closed without a recommendation on it: back to the secretariat.
    Return,
    /// RLT decides.
    Decide(Decision),
}

impl State {
    /// The state `step` leads to from here, or `None` when it cannot be taken here.
    pub fn next(self, step: Step) -> Option<State> {
        use State::*;
        match (self, step) {
            (Registered | Postponed, Step::SendBack) => Some(NeedsInfo),
            (NeedsInfo, Step::Resubmit) => Some(Registered),
            (Registered, Step::Clear) => Some(Cleared),
            (Registered | Postponed, Step::Agenda) => Some(OnAgenda),
            (OnAgenda | Recommended | NotRecommended, Step::Recommend(true)) => Some(Recommended),
            (OnAgenda | Recommended | NotRecommended, Step::Recommend(false)) => {
                Some(NotRecommended)
            }
            (OnAgenda, Step::Return) => Some(Registered),
            (Recommended | NotRecommended, Step::Decide(d)) => Some(match d {
                Decision::Approved => Approved,
                Decision::Rejected => Rejected,
                Decision::Postponed => Postponed,
            }),
            _ => None,
        }
    }

    /// The request's fields may be changed (by its requester or the secretariat) only before
    /// the council has it.
    pub fn editable(self) -> bool {
        matches!(
            self,
            State::Registered | State::NeedsInfo | State::Postponed
        )
    }

    /// Where the decision matrix's path stands: 0 registered, 1 secretariat, 2 council, 3 RLT,
    /// 4 decided.
    pub fn stage(self) -> usize {
        match self {
            State::Registered | State::NeedsInfo | State::Postponed => 1,
            State::OnAgenda => 2,
            State::Recommended | State::NotRecommended => 3,
            State::Cleared | State::Approved | State::Rejected => 4,
        }
    }

    /// What the requester is told when a request comes here.
    pub fn notification(self) -> Option<&'static str> {
        match self {
            State::NeedsInfo => Some("needs_info"),
            State::Cleared => Some("cleared"),
            State::OnAgenda => Some("on_agenda"),
            State::Recommended => Some("recommended"),
            State::NotRecommended => Some("not_recommended"),
            State::Approved => Some("approved"),
            State::Rejected => Some("rejected"),
            State::Postponed => Some("postponed"),
            State::Registered => None,
        }
    }
}

/// The label key of a code an acquisition's snapshot keeps under `key`.
pub fn code_label_key(key: &str, code: &str) -> Option<&'static str> {
    match key {
        "state" => State::parse(code).map(State::label_key),
        "financing" | "decided_financing" => Financing::parse(code).map(Financing::label_key),
        "urgency" => Urgency::parse(code).map(Urgency::label_key),
        "kind" => BenefitKind::parse(code).map(BenefitKind::label_key),
        _ => None,
    }
}

/// The catalog key of what a notification of `kind` says.
pub fn notification_key(kind: &str) -> &'static str {
    use crate::i18n::k;
    match kind {
        "needs_info" => k("council-note-needs-info"),
        "cleared" => k("council-note-cleared"),
        "on_agenda" => k("council-note-on-agenda"),
        "recommended" => k("council-note-recommended"),
        "not_recommended" => k("council-note-not-recommended"),
        "approved" => k("council-note-approved"),
        "rejected" => k("council-note-rejected"),
        "postponed" => k("council-note-postponed"),
        "returned" => k("council-note-returned"),
        _ => k("council-note-followup-due"),
    }
}

const TITLE_MAX: usize = 300;
const TEXT_MAX: usize = 10_000;
const COMMENT_MAX: usize = 5000;
const ANSWER_MAX: usize = 2000;

fn too_long(errors: &mut FormErrors, field: &'static str, v: &str, max: usize) -> bool {
    if v.trim().chars().count() > max {
        errors.add(field, Msg::with("council-too-long", [("max", max.into())]));
        true
    } else {
        false
    }
}

/// An id from a select among `options`, "" for none.
fn choice(
    errors: &mut FormErrors,
    field: &'static str,
    v: &str,
    options: &[(i64, String)],
) -> Option<i64> {
    match v.trim() {
        "" => None,
        v => match v.parse::<i64>() {
            Ok(id) if options.iter().any(|(o, _)| *o == id) => Some(id),
            _ => {
                errors.add(field, Msg::new("council-choose-from-list"));
                None
            }
        },
    }
}

/// A code from a select (`parse` is the enum's), "" for none.
fn code<T>(
    errors: &mut FormErrors,
    field: &'static str,
    v: &str,
    parse: fn(&str) -> Option<T>,
) -> Option<T> {
    match v.trim() {
        "" => None,
        v => {
            let c = parse(v);
            if c.is_none() {
                errors.add(field, Msg::new("council-choose-from-list"));
            }
            c
        }
    }
}

fn amount(errors: &mut FormErrors, field: &'static str, v: &str) -> Option<Nok> {
    match trimmed(v) {
        None => None,
        Some(v) => match Nok::parse(&v) {
            Ok(n) => Some(n),
            Err(m) => {
                errors.add(field, m);
                None
            }
        },
    }
}

/// A request's fields, already valid.
#[derive(Clone, Debug, Default)]
pub struct AcquisitionInput {
    pub title: String,
    pub need: Option<String>,
    pub unit_id: Option<i64>,
    pub system_owner_person_id: Option<i64>,
    pub system_id: Option<i64>,
    pub investment: Option<Nok>,
    pub running_cost: Option<Nok>,
    pub financing: Option<Financing>,
    pub urgency: Option<Urgency>,
    pub benefits: Option<String>,
    /// (principle id, answer) for every principle answered.
    pub answers: Vec<(i64, String)>,
}

/// What a request form chooses among.
pub struct Choices {
    pub units: Vec<(i64, String)>,
    pub people: Vec<(i64, String)>,
    pub systems: Vec<(i64, String)>,
    /// The municipality's active principles: (id, text).
    pub principles: Vec<(i64, String)>,
}

/// The request form as submitted. Answers come as `answer_<principle id>`.
#[derive(Debug, Default, Clone)]
pub struct AcquisitionForm {
    pub title: String,
    pub need: String,
    pub unit: String,
    pub system_owner: String,
    pub system: String,
    pub investment: String,
    pub running_cost: String,
    pub financing: String,
    pub urgency: String,
    pub benefits: String,
    pub answers: Vec<(i64, String)>,
    /// The measure it is registered from (`/acquisitions/new?measure=…`), or "".
    pub measure: String,
    pub version: String,
}

/// A measure is the origin of one request at most.
pub const ACQUISITION_UNIQUE: &[(&str, &str, Msg)] = &[(
    "acquisition_one_per_measure",
    "title",
    Msg::new("council-measure-taken"),
)];

impl AcquisitionForm {
    pub fn from_pairs(p: &FormPairs) -> AcquisitionForm {
        let f = |k: &str| p.first(k).to_string();
        AcquisitionForm {
            title: f("title"),
            need: f("need"),
            unit: f("unit"),
            system_owner: f("system_owner"),
            system: f("system"),
            investment: f("investment"),
            running_cost: f("running_cost"),
            financing: f("financing"),
            urgency: f("urgency"),
            benefits: f("benefits"),
            answers: p
                .0
                .iter()
                .filter_map(|(k, v)| {
                    let id = k.strip_prefix("answer_")?.parse().ok()?;
                    Some((id, v.clone()))
                })
                .collect(),
            measure: f("measure"),
            version: f("version"),
        }
    }

    pub fn answer(&self, principle: i64) -> &str {
        self.answers
            .iter()
            .find(|(p, _)| *p == principle)
            .map(|(_, a)| a.as_str())
            .unwrap_or("")
    }

    pub fn validate(&self, c: &Choices) -> Result<AcquisitionInput, FormErrors> {
        let mut errors = FormErrors::default();
        let title = self.title.trim();
        if title.is_empty() {
            errors.add("title", Msg::new("council-title-required"));
        } else {
            too_long(&mut errors, "title", title, TITLE_MAX);
        }
        if self.need.trim().is_empty() {
            errors.add("need", Msg::new("council-need-required"));
        } else {
            too_long(&mut errors, "need", &self.need, TEXT_MAX);
        }
        too_long(&mut errors, "benefits", &self.benefits, TEXT_MAX);
        let unit_id = choice(&mut errors, "unit", &self.unit, &c.units);
        if unit_id.is_none() && !errors.has("unit") {
            errors.add("unit", Msg::new("council-unit-required"));
        }
        let system_owner_person_id =
            choice(&mut errors, "system_owner", &self.system_owner, &c.people);
        let system_id = choice(&mut errors, "system", &self.system, &c.systems);
        let investment = amount(&mut errors, "investment", &self.investment);
        let running_cost = amount(&mut errors, "running_cost", &self.running_cost);
        let financing = code(&mut errors, "financing", &self.financing, Financing::parse);
        let urgency = code(&mut errors, "urgency", &self.urgency, Urgency::parse);
        let mut answers = Vec::new();
        for (pid, _) in &c.principles {
            let a = self.answer(*pid).trim();
            if a.is_empty() {
                continue;
            }
            if a.chars().count() > ANSWER_MAX {
                if !errors.has("answers") {
                    errors.add(
                        "answers",
                        Msg::with("council-too-long", [("max", ANSWER_MAX.into())]),
                    );
                }
            } else {
                answers.push((*pid, a.to_string()));
            }
        }
        errors.finish(AcquisitionInput {
            title: title.to_string(),
            need: trimmed(&self.need),
            unit_id,
            system_owner_person_id,
            system_id,
            investment,
            running_cost,
            financing,
            urgency,
            benefits: trimmed(&self.benefits),
            answers,
        })
    }
}

/// What the secretariat does with a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Triage {
    SendBack,
    Clear,
    Agenda(i64),
}

/// The secretariat's form: its action, a comment (the question, or why it is cleared), the
/// meeting when it goes on an agenda.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct TriageForm {
    pub action: String,
    pub comment: String,
    pub meeting: String,
    pub version: String,
}

impl TriageForm {
    /// `threshold` is the municipality's limit for clearing directly (none: never);
    /// `investment` the request's; `meetings` the open meetings.
    pub fn validate(
        &self,
        threshold: Option<Decimal>,
        investment: Option<Decimal>,
        meetings: &[(i64, String)],
    ) -> Result<(Triage, Option<String>), FormErrors> {
        let mut errors = FormErrors::default();
        too_long(&mut errors, "comment", &self.comment, COMMENT_MAX);
        let comment = trimmed(&self.comment);
        let triage = match self.action.trim() {
            "send_back" => {
                if comment.is_none() {
                    errors.add("comment", Msg::new("council-triage-question-required"));
                }
                Some(Triage::SendBack)
            }
            "clear" => {
                if comment.is_none() {
                    errors.add("comment", Msg::new("council-triage-reason-required"));
                }
                match (threshold, investment) {
                    (None, _) => errors.add("action", Msg::new("council-triage-no-threshold")),
                    (Some(_), None) => errors.add("action", Msg::new("council-triage-no-amount")),
                    (Some(t), Some(i)) if i > t => errors.add(
                        "action",
                        Msg::with(
                            "council-triage-over-threshold",
                            [("threshold", Nok(t).to_string().into())],
                        ),
                    ),
                    _ => {}
                }
                Some(Triage::Clear)
            }
            "agenda" => match choice(&mut errors, "meeting", &self.meeting, meetings) {
                Some(m) => Some(Triage::Agenda(m)),
                None => {
                    if !errors.has("meeting") {
                        errors.add("meeting", Msg::new("council-triage-meeting-required"));
                    }
                    None
                }
            },
            _ => {
                errors.add("action", Msg::new("council-triage-action-required"));
                None
            }
        };
        match triage {
            Some(t) if errors.is_empty() => Ok((t, comment)),
            _ => Err(errors),
        }
    }
}

/// A member's assessment form.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct AssessForm {
    pub stance: String,
    pub reason: String,
}

impl AssessForm {
    pub fn validate(&self) -> Result<(Stance, String), FormErrors> {
        let mut errors = FormErrors::default();
        let stance = Stance::parse(self.stance.trim());
        if stance.is_none() {
            errors.add("stance", Msg::new("council-stance-required"));
        }
        let reason = self.reason.trim();
        if reason.is_empty() {
            errors.add("reason", Msg::new("council-reason-required"));
        } else {
            too_long(&mut errors, "reason", reason, COMMENT_MAX);
        }
        match stance {
            Some(s) if errors.is_empty() => Ok((s, reason.to_string())),
            _ => Err(errors),
        }
    }
}

/// The chair's recommendation form.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct RecommendForm {
    /// "yes" or "no".
    pub recommended: String,
    pub priority: String,
    pub reason: String,
}

/// A recommendation, already valid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recommendation {
    pub recommended: bool,
    pub priority: Option<i32>,
    pub reason: String,
}

fn priority(errors: &mut FormErrors, field: &'static str, v: &str) -> Option<i32> {
    match v.trim() {
        "" => None,
        v => match v.parse::<i32>() {
            Ok(p) if (1..=999).contains(&p) => Some(p),
            _ => {
                errors.add(field, Msg::new("council-priority-invalid"));
                None
            }
        },
    }
}

impl RecommendForm {
    pub fn validate(&self) -> Result<Recommendation, FormErrors> {
        let mut errors = FormErrors::default();
        let recommended = match self.recommended.trim() {
            "yes" => Some(true),
            "no" => Some(false),
            _ => {
                errors.add("recommended", Msg::new("council-recommended-required"));
                None
            }
        };
        let priority = priority(&mut errors, "priority", &self.priority);
        let reason = self.reason.trim();
        if reason.is_empty() {
            errors.add("reason", Msg::new("council-reason-required"));
        } else {
            too_long(&mut errors, "reason", reason, COMMENT_MAX);
        }
        match recommended {
            Some(r) if errors.is_empty() => Ok(Recommendation {
                recommended: r,
                priority,
                reason: reason.to_string(),
            }),
            _ => Err(errors),
        }
    }
}

/// RLT's decision form.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct DecisionForm {
    pub decision: String,
    pub financing: String,
    pub amount: String,
    pub priority: String,
    pub archive_ref: String,
    pub reason: String,
    pub decided_on: String,
    /// The action plan a new measure goes into, when the request came from none.
    pub plan: String,
    pub version: String,
}

/// A decision, already valid.
#[derive(Clone, Debug)]
pub struct DecisionInput {
    pub decision: Decision,
    pub financing: Option<Financing>,
    pub amount: Option<Nok>,
    pub priority: Option<i32>,
    pub archive_ref: Option<String>,
    pub reason: String,
    pub decided_on: NaiveDate,
    pub plan_id: Option<i64>,
}

impl DecisionForm {
    /// `plans` are the municipality's action plans; `today` the default date.
    pub fn validate(
        &self,
        plans: &[(i64, String)],
        today: NaiveDate,
    ) -> Result<DecisionInput, FormErrors> {
        let mut errors = FormErrors::default();
        let decision = Decision::parse(self.decision.trim());
        if decision.is_none() {
            errors.add("decision", Msg::new("council-decision-required"));
        }
        let financing = code(&mut errors, "financing", &self.financing, Financing::parse);
        let amount = amount(&mut errors, "amount", &self.amount);
        if decision == Some(Decision::Approved) {
            if financing.is_none() && !errors.has("financing") {
                errors.add("financing", Msg::new("council-decision-financing-required"));
            }
            if amount.is_none() && !errors.has("amount") {
                errors.add("amount", Msg::new("council-decision-amount-required"));
            }
        }
        let priority = priority(&mut errors, "priority", &self.priority);
        let archive_ref = trimmed(&self.archive_ref);
        if let Some(a) = &archive_ref
            && !valid_archive_ref(a)
        {
            errors.add("archive_ref", Msg::new("council-archive-ref-invalid"));
        }
        let reason = self.reason.trim();
        if reason.is_empty() {
            errors.add("reason", Msg::new("council-reason-required"));
        } else {
            too_long(&mut errors, "reason", reason, COMMENT_MAX);
        }
        let decided_on = match trimmed(&self.decided_on) {
            None => today,
            Some(d) => parse_date(&d).unwrap_or_else(|m| {
                errors.add("decided_on", m);
                today
            }),
        };
        let plan_id = choice(&mut errors, "plan", &self.plan, plans);
        match decision {
            Some(d) if errors.is_empty() => Ok(DecisionInput {
                decision: d,
                financing,
                amount,
                priority,
                archive_ref,
                reason: reason.to_string(),
                decided_on,
                plan_id,
            }),
            _ => Err(errors),
        }
    }
}

/// An archive case number as the municipality's records system writes it: «2017/1234»,
/// optionally with a document number («2017/1234-5»).
pub fn valid_archive_ref(v: &str) -> bool {
    let (year, rest) = match v.split_once('/') {
        Some(p) => p,
        None => return false,
    };
    let (case, doc) = match rest.split_once('-') {
        Some((c, d)) => (c, Some(d)),
        None => (rest, None),
    };
    let digits = |s: &str, min: usize, max: usize| {
        (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    digits(year, 4, 4) && digits(case, 1, 7) && doc.is_none_or(|d| digits(d, 1, 5))
}

/// A new meeting's form.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct MeetingForm {
    pub held_on: String,
    pub place: String,
}

impl MeetingForm {
    pub fn validate(&self) -> Result<(NaiveDate, Option<String>), FormErrors> {
        let mut errors = FormErrors::default();
        let held_on = match trimmed(&self.held_on) {
            None => {
                errors.add("held_on", Msg::new("council-meeting-date-required"));
                None
            }
            Some(d) => match parse_date(&d) {
                Ok(d) => Some(d),
                Err(m) => {
                    errors.add("held_on", m);
                    None
                }
            },
        };
        too_long(&mut errors, "place", &self.place, TITLE_MAX);
        match held_on {
            Some(d) if errors.is_empty() => Ok((d, trimmed(&self.place))),
            _ => Err(errors),
        }
    }
}

/// A benefit of an approved request, already valid.
#[derive(Clone, Debug)]
pub struct BenefitInput {
    pub kind: BenefitKind,
    pub indicator: String,
    pub baseline: Option<Decimal>,
    pub target: Option<Decimal>,
    pub target_date: Option<NaiveDate>,
    pub responsible_person_id: Option<i64>,
}

fn measure_value(errors: &mut FormErrors, field: &'static str, v: &str) -> Option<Decimal> {
    match trimmed(v) {
        None => None,
        Some(v) => match crate::domain::parse_measure(&v) {
            Ok(d) => Some(d),
            Err(m) => {
                errors.add(field, m);
                None
            }
        },
    }
}

fn date(errors: &mut FormErrors, field: &'static str, v: &str) -> Option<NaiveDate> {
    match trimmed(v) {
        None => None,
        Some(d) => match parse_date(&d) {
            Ok(d) => Some(d),
            Err(m) => {
                errors.add(field, m);
                None
            }
        },
    }
}

/// The benefit form.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct BenefitForm {
    pub kind: String,
    pub indicator: String,
    pub baseline: String,
    pub target: String,
    pub target_date: String,
    pub responsible: String,
}

impl BenefitForm {
    pub fn validate(&self, people: &[(i64, String)]) -> Result<BenefitInput, FormErrors> {
        let mut errors = FormErrors::default();
        let kind = BenefitKind::parse(self.kind.trim());
        if kind.is_none() {
            errors.add("kind", Msg::new("council-benefit-kind-required"));
        }
        let indicator = self.indicator.trim();
        if indicator.is_empty() {
            errors.add("indicator", Msg::new("council-benefit-indicator-required"));
        } else {
            too_long(&mut errors, "indicator", indicator, 500);
        }
        let baseline = measure_value(&mut errors, "baseline", &self.baseline);
        let target = measure_value(&mut errors, "target", &self.target);
        let target_date = date(&mut errors, "target_date", &self.target_date);
        let responsible_person_id = choice(&mut errors, "responsible", &self.responsible, people);
        match kind {
            Some(kind) if errors.is_empty() => Ok(BenefitInput {
                kind,
                indicator: indicator.to_string(),
                baseline,
                target,
                target_date,
                responsible_person_id,
            }),
            _ => Err(errors),
        }
    }
}

/// A follow-up: the value measured on a day.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct FollowupForm {
    pub measured_on: String,
    pub value: String,
    pub note: String,
}

impl FollowupForm {
    pub fn validate(
        &self,
        today: NaiveDate,
    ) -> Result<(NaiveDate, Decimal, Option<String>), FormErrors> {
        let mut errors = FormErrors::default();
        let measured_on = date(&mut errors, "measured_on", &self.measured_on);
        if let Some(d) = measured_on
            && d > today
        {
            errors.add("measured_on", Msg::new("council-followup-future"));
        }
        let value = measure_value(&mut errors, "value", &self.value);
        if value.is_none() && !errors.has("value") {
            errors.add("value", Msg::new("council-followup-value-required"));
        }
        too_long(&mut errors, "note", &self.note, 2000);
        match (measured_on.or(Some(today)), value) {
            (Some(d), Some(v)) if errors.is_empty() => Ok((d, v, trimmed(&self.note))),
            _ => Err(errors),
        }
    }
}

/// The follow-ups a benefit owes: 6 and 12 months after approval.
pub const FOLLOWUP_MONTHS: [u32; 2] = [6, 12];

/// The day a follow-up `months` after `approved` falls due.
pub fn followup_due(approved: NaiveDate, months: u32) -> NaiveDate {
    approved
        .checked_add_months(chrono::Months::new(months))
        .unwrap_or(approved)
}

/// The follow-ups past due on `today` that no measurement answers: one is answered by a value
/// measured in the month before its day or any time after.
pub fn overdue_followups(
    approved: NaiveDate,
    measured: &[NaiveDate],
    today: NaiveDate,
) -> Vec<u32> {
    FOLLOWUP_MONTHS
        .iter()
        .copied()
        .filter(|m| {
            let due = followup_due(approved, *m);
            let window = due
                .checked_sub_months(chrono::Months::new(1))
                .unwrap_or(due);
            due <= today && !measured.iter().any(|d| *d >= window)
        })
        .collect()
}

/// A benefit as the audit log keeps it, with its follow-ups («dd.mm.åååå: verdi»).
#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
pub struct BenefitSnapshot {
    pub acquisition: String,
    pub kind: String,
    pub indicator: String,
    pub baseline: Option<String>,
    pub target: Option<String>,
    pub target_date: Option<String>,
    pub responsible: Option<String>,
    pub followups: Option<String>,
}

impl Audited for BenefitSnapshot {
    const TABLE: Table = Table::Benefit;
    fn name(&self) -> String {
        self.indicator.clone()
    }
}

/// The council's settings as the audit log keeps them: a change of the municipality (its
/// threshold, its list of principles, its members), so they show in the municipality's history.
#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
pub struct CouncilSnapshot {
    pub name: String,
    pub council_clear_threshold: Option<String>,
    /// «1. …» per line; an inactive one ends «(ikke i bruk)».
    pub council_principles: Option<String>,
    /// «Tittel – bruker (leder)» per line.
    pub council_members: Option<String>,
}

impl Audited for CouncilSnapshot {
    const TABLE: Table = Table::Municipality;
    fn name(&self) -> String {
        self.name.clone()
    }
}

/// The threshold form: an amount, or empty for «no direct clearance».
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct ThresholdForm {
    pub threshold: String,
}

impl ThresholdForm {
    pub fn validate(&self) -> Result<Option<Nok>, FormErrors> {
        let mut errors = FormErrors::default();
        let t = amount(&mut errors, "threshold", &self.threshold);
        errors.finish(t)
    }
}

/// A new principle.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct PrincipleForm {
    pub text: String,
}

impl PrincipleForm {
    pub fn validate(&self) -> Result<String, FormErrors> {
        let mut errors = FormErrors::default();
        let text = self.text.trim();
        if text.is_empty() {
            errors.add("text", Msg::new("council-principle-required"));
        } else {
            too_long(&mut errors, "text", text, ANSWER_MAX);
        }
        errors.finish(text.to_string())
    }
}

/// A council seat: its title, the login that holds it, whether it chairs.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct MemberForm {
    pub title: String,
    pub user: String,
    pub chair: String,
}

/// A seat, already valid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberInput {
    pub title: String,
    pub user_id: Option<i64>,
    pub chair: bool,
}

impl MemberForm {
    /// `users` are the municipality's active logins.
    pub fn validate(&self, users: &[(i64, String)]) -> Result<MemberInput, FormErrors> {
        let mut errors = FormErrors::default();
        let title = self.title.trim();
        if title.is_empty() {
            errors.add("title", Msg::new("council-member-title-required"));
        } else {
            too_long(&mut errors, "title", title, TITLE_MAX);
        }
        let user_id = choice(&mut errors, "user", &self.user, users);
        errors.finish(MemberInput {
            title: title.to_string(),
            user_id,
            chair: !self.chair.trim().is_empty(),
        })
    }
}

/// A login holds one seat at most.
pub const MEMBER_UNIQUE: &[(&str, &str, Msg)] = &[(
    "council_member_municipality_id_app_user_id_key",
    "user",
    Msg::new("council-member-user-taken"),
)];

/// A request as the audit log keeps it; `state` as its code, read by the timeline.
#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
pub struct AcquisitionSnapshot {
    pub title: String,
    pub need: Option<String>,
    pub unit: Option<String>,
    pub system_owner: Option<String>,
    pub system: Option<String>,
    pub investment: Option<String>,
    pub running_cost: Option<String>,
    pub financing: Option<String>,
    pub urgency: String,
    pub benefits: Option<String>,
    pub answers: Option<String>,
    pub state: String,
    pub triage_comment: Option<String>,
    pub meeting: Option<String>,
    pub recommendation_priority: Option<i32>,
    pub recommendation_reason: Option<String>,
    pub decided_financing: Option<String>,
    pub decided_amount: Option<String>,
    pub decided_priority: Option<i32>,
    pub archive_ref: Option<String>,
    pub decision_reason: Option<String>,
    pub decided_on: Option<String>,
    pub measure: Option<String>,
}

impl Audited for AcquisitionSnapshot {
    const TABLE: Table = Table::Acquisition;
    fn name(&self) -> String {
        self.title.clone()
    }
}

/// A meeting as the audit log keeps it: its date, place, who attended, whether closed, and
/// each member's assessments («Medlem – sak: støtter – grunn»).
#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingSnapshot {
    pub held_on: String,
    pub place: Option<String>,
    pub attendance: Option<String>,
    pub agenda: Option<String>,
    pub assessments: Option<String>,
    pub closed: bool,
}

impl Audited for MeetingSnapshot {
    const TABLE: Table = Table::CouncilMeeting;
    fn name(&self) -> String {
        self.held_on.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_goes_from_the_unit_through_the_council_to_rlt() {
        let s = State::Registered;
        let s = s.next(Step::Agenda).unwrap();
        assert_eq!(s, State::OnAgenda);
        let s = s.next(Step::Recommend(true)).unwrap();
        assert_eq!(s, State::Recommended);
        // The chair may change the recommendation while the meeting is open.
        let s = s.next(Step::Recommend(false)).unwrap();
        assert_eq!(s, State::NotRecommended);
        assert_eq!(
            s.next(Step::Decide(Decision::Approved)),
            Some(State::Approved)
        );
    }

    #[test]
    fn rlt_cannot_decide_what_the_council_has_not_recommended() {
        for s in [State::Registered, State::NeedsInfo, State::OnAgenda] {
            assert_eq!(s.next(Step::Decide(Decision::Approved)), None, "{s:?}");
        }
    }

    #[test]
    fn only_a_registered_request_can_be_cleared_directly() {
        assert_eq!(State::Registered.next(Step::Clear), Some(State::Cleared));
        for s in State::ALL.iter().filter(|s| **s != State::Registered) {
            assert_eq!(s.next(Step::Clear), None, "{s:?}");
        }
    }

    #[test]
    fn a_decided_or_cleared_request_takes_no_further_step() {
        let steps = [
            Step::SendBack,
            Step::Resubmit,
            Step::Clear,
            Step::Agenda,
            Step::Recommend(true),
            Step::Return,
            Step::Decide(Decision::Approved),
        ];
        for s in [State::Cleared, State::Approved, State::Rejected] {
            for step in steps {
                assert_eq!(s.next(step), None, "{s:?} {step:?}");
            }
        }
    }

    #[test]
    fn a_postponed_request_can_go_on_a_later_agenda() {
        assert_eq!(State::Postponed.next(Step::Agenda), Some(State::OnAgenda));
    }

    #[test]
    fn an_item_left_without_a_recommendation_goes_back_to_the_secretariat() {
        assert_eq!(State::OnAgenda.next(Step::Return), Some(State::Registered));
        assert_eq!(State::Recommended.next(Step::Return), None);
    }

    #[test]
    fn clearing_needs_a_threshold_and_an_investment_within_it() {
        let f = TriageForm {
            action: "clear".into(),
            comment: "Liten sak".into(),
            ..Default::default()
        };
        let d = |n: i64| Some(Decimal::from(n));
        assert!(f.validate(None, d(10), &[]).is_err());
        assert!(f.validate(d(50_000), None, &[]).is_err());
        assert!(f.validate(d(50_000), d(60_000), &[]).is_err());
        assert_eq!(
            f.validate(d(50_000), d(50_000), &[]).unwrap().0,
            Triage::Clear
        );
    }

    #[test]
    fn a_follow_up_is_overdue_from_its_day_until_a_value_is_measured_near_or_after_it() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let approved = d("2026-01-15");
        assert!(overdue_followups(approved, &[], d("2026-07-14")).is_empty());
        assert_eq!(overdue_followups(approved, &[], d("2026-07-15")), vec![6]);
        // Measured in the month before the day answers it; earlier does not.
        assert!(overdue_followups(approved, &[d("2026-06-20")], d("2026-08-01")).is_empty());
        assert_eq!(
            overdue_followups(approved, &[d("2026-03-01")], d("2026-08-01")),
            vec![6]
        );
        assert_eq!(
            overdue_followups(approved, &[d("2026-07-20")], d("2027-01-15")),
            vec![12]
        );
        assert_eq!(followup_due(d("2026-08-31"), 6), d("2027-02-28"));
    }

    #[test]
    fn an_archive_case_number_is_year_slash_number() {
        for ok in ["2017/1234", "2026/5", "2017/1234-3"] {
            assert!(valid_archive_ref(ok), "{ok}");
        }
        for bad in ["1234", "17/1234", "2017/", "2017/12a", "2017/1234-"] {
            assert!(!valid_archive_ref(bad), "{bad}");
        }
    }

    #[test]
    fn an_approval_needs_financing_and_amount_but_a_rejection_does_not() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        let mut f = DecisionForm {
            decision: "approved".into(),
            reason: "Godt begrunnet".into(),
            ..Default::default()
        };
        let e = f.validate(&[], today).unwrap_err();
        assert!(e.has("financing") && e.has("amount"));
        f.decision = "rejected".into();
        assert!(f.validate(&[], today).is_ok());
    }
}
