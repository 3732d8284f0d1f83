//! An action plan's rules: the years it spans and the periods of its progress plan, the form
//! for a new plan, and how the audit log keeps a plan.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{
    audit::{Audited, Table},
    domain::{parse_date, parse_year},
    i18n::{Lang, Msg, k},
    measures::model::CellInput,
    web::{FormErrors, form::trimmed},
};

/// A plan lasts at most six calendar years (the schema says `end_year - start_year < 6`).
pub const MAX_SPAN: i32 = 5;

/// The years a plan covers. Its first year is planned by month, later years by quarter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub start_year: i32,
    pub end_year: i32,
}

impl Span {
    pub fn new(start_year: i32, end_year: i32) -> Self {
        Span {
            start_year,
            end_year,
        }
    }

    /// The periods in order: 12 months of the first year, 4 quarters of each later one.
    pub fn periods(self) -> Vec<(i32, i32)> {
        let mut out: Vec<(i32, i32)> = (1..=12).map(|m| (self.start_year, m)).collect();
        for y in self.start_year + 1..=self.end_year {
            out.extend((1..=4).map(|q| (y, q)));
        }
        out
    }

    pub fn contains(self, year: i32, period: i32) -> bool {
        (year == self.start_year && (1..=12).contains(&period))
            || (year > self.start_year && year <= self.end_year && (1..=4).contains(&period))
    }

    /// «Mar» in the first year, «Kv 2» after.
    pub fn period_name(self, year: i32, period: i32) -> String {
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Des",
        ];
        if year == self.start_year {
            MONTHS
                .get((period - 1) as usize)
                .map(|m| m.to_string())
                .unwrap_or_default()
        } else {
            format!("Kv {period}")
        }
    }

    /// «Mar 2014», «Kv 2 2015: Utredning»
    pub fn cell_name(self, year: i32, period: i32, label: Option<&str>) -> String {
        let name = format!("{} {year}", self.period_name(year, period));
        match label {
            Some(l) => format!("{name}: {l}"),
            None => name,
        }
    }
}

/// The label of the cell that carries planned work from before the new plan's first year:
/// «Fra 2014», or «Fra 2014: Utredning» when the earliest late cell had a label of its own.
/// Stored with the cell, so written in the municipality's målform (`lang`), like its users' text.
pub fn late_label(lang: Lang, year: i32, label: Option<&str>) -> String {
    let from = lang.t1("plan-late-label", "year", year);
    match label {
        Some(l) if !l.trim().is_empty() => format!("{from}: {}", l.trim()),
        _ => from,
    }
}

/// The old plan's schedule cells as the new plan has them. A plan has months in its first year
/// and quarters after, so a quarter of the new start year becomes its three months (q → 3q-2 ..
/// 3q) and months of a year that becomes a quarter year become their quarter. Cells before the
/// new start year are work that is late: they move to the new plan's first period (January of
/// its first year), labelled «Fra <year>» by the earliest of them, so the timing is not lost.
/// Cells after the new end year are dropped (the plan has no periods for them). `lang`: the
/// målform the «Fra <year>» label is written in.
pub fn carry_cells(lang: Lang, old: Span, new: Span, cells: &[CellInput]) -> Vec<CellInput> {
    let mut out: Vec<CellInput> = Vec::new();
    let earliest_late = cells
        .iter()
        .filter(|c| c.year < new.start_year)
        .min_by_key(|c| (c.year, c.period));
    if let Some(late) = earliest_late {
        out.push(CellInput {
            year: new.start_year,
            period: 1,
            label: Some(late_label(lang, late.year, late.label.as_deref())),
        });
    }
    let mut push = |year: i32, period: i32, label: &Option<String>| {
        if !new.contains(year, period) {
            return;
        }
        match out
            .iter_mut()
            .find(|c| c.year == year && c.period == period)
        {
            Some(existing) => {
                if existing.label.is_none() {
                    existing.label = label.clone();
                }
            }
            None => out.push(CellInput {
                year,
                period,
                label: label.clone(),
            }),
        }
    };
    for c in cells.iter().filter(|c| c.year >= new.start_year) {
        let was_month = c.year == old.start_year;
        let is_month = c.year == new.start_year;
        match (was_month, is_month) {
            (false, true) => {
                for month in 3 * c.period - 2..=3 * c.period {
                    push(c.year, month, &c.label);
                }
            }
            (true, false) => push(c.year, (c.period + 2) / 3, &c.label),
            _ => push(c.year, c.period, &c.label),
        }
    }
    out.sort_by_key(|c| (c.year, c.period));
    out
}

/// What rolling does to one measure's timing, in words for the roll form (in the reader's
/// language; the «Fra <year>» it quotes is the label in the municipality's målform, `data`).
pub fn carry_summary(lang: Lang, data: Lang, new: Span, cells: &[CellInput]) -> String {
    if cells.is_empty() {
        return lang.t("plan-carry-no-schedule");
    }
    let periods = |n: usize| lang.t1("plan-carry-periods", "count", n);
    let late: Vec<i32> = cells
        .iter()
        .filter(|c| c.year < new.start_year)
        .map(|c| c.year)
        .collect();
    let beyond = cells.iter().filter(|c| c.year > new.end_year).count();
    let kept = cells.len() - late.len() - beyond;
    let mut parts = Vec::new();
    if let (Some(first), Some(last)) = (late.iter().min(), late.iter().max()) {
        let years = if first == last {
            first.to_string()
        } else {
            format!("{first}–{last}")
        };
        parts.push(lang.tr(
            "plan-carry-late",
            &[
                ("periods", periods(late.len()).into()),
                ("count", late.len().into()),
                ("years", years.into()),
                ("year", new.start_year.into()),
                ("label", late_label(data, *first, None).into()),
            ],
        ));
    }
    if kept > 0 {
        parts.push(lang.t1("plan-carry-kept", "periods", periods(kept)));
    }
    if beyond > 0 {
        parts.push(lang.t2(
            "plan-carry-dropped",
            "periods",
            periods(beyond),
            "year",
            new.end_year,
        ));
    }
    let mut s = parts.join("; ");
    s.push('.');
    capitalised(&s)
}

/// Which form asks for the two years: the new plan's says «første år» / «siste år», the roll's
/// «startåret» / «sluttåret» (the catalog selects on `form`).
pub struct YearWords {
    /// `new` or `roll`.
    pub form: &'static str,
    pub start_example: i32,
    pub end_example: i32,
}

/// The years of a new or rolled plan, as typed: the rules both forms share.
pub fn check_years(
    start: &str,
    end: &str,
    words: &YearWords,
    errors: &mut FormErrors,
) -> Option<Span> {
    let start = parse_year(start);
    let end = parse_year(end);
    if start.is_none() {
        errors.add(
            "start_year",
            Msg::with(
                "plan-year-start-digits",
                [
                    ("form", words.form.into()),
                    ("example", words.start_example.into()),
                ],
            ),
        );
    }
    if end.is_none() {
        errors.add(
            "end_year",
            Msg::with(
                "plan-year-end-digits",
                [
                    ("form", words.form.into()),
                    ("example", words.end_example.into()),
                ],
            ),
        );
    }
    let (start, end) = (start?, end?);
    if end < start {
        errors.add(
            "end_year",
            Msg::with("plan-year-end-before-start", [("form", words.form.into())]),
        );
        return None;
    }
    if end - start > MAX_SPAN {
        errors.add(
            "end_year",
            Msg::with(
                "plan-year-span-too-long",
                [
                    ("form", words.form.into()),
                    ("max", (start + MAX_SPAN).into()),
                ],
            ),
        );
        return None;
    }
    Some(Span::new(start, end))
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The form for a new, empty plan.
#[derive(Default, Deserialize)]
pub struct NewPlanForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub start_year: String,
    #[serde(default)]
    pub end_year: String,
    #[serde(default)]
    pub document: String,
}

/// The form's value for «no strategy document».
pub const NO_DOCUMENT: &str = "none";

pub struct NewPlan {
    pub name: String,
    pub span: Span,
    /// None for a project plan, which stands without a strategy document.
    pub strategy_document_id: Option<i64>,
}

impl NewPlanForm {
    /// `documents`: the municipality's strategy documents, one of which the plan belongs to.
    pub fn validate(&self, documents: &[(i64, String)]) -> Result<NewPlan, FormErrors> {
        let mut errors = FormErrors::default();
        let name = self.name.trim().to_string();
        if name.is_empty() {
            errors.add("name", Msg::new("plan-name-required"));
        } else if name.chars().count() > 200 {
            errors.add("name", Msg::new("plan-name-too-long"));
        }
        let words = YearWords {
            form: "new",
            start_example: 2014,
            end_example: 2016,
        };
        let span = check_years(&self.start_year, &self.end_year, &words, &mut errors);
        let document = match self.document.trim() {
            NO_DOCUMENT => Some(None),
            d => d
                .parse::<i64>()
                .ok()
                .filter(|d| documents.iter().any(|(id, _)| id == d))
                .map(Some),
        };
        if document.is_none() {
            errors.add("document", Msg::new("plan-document-required"));
        }
        match (span, document) {
            (Some(span), Some(strategy_document_id)) if errors.is_empty() => Ok(NewPlan {
                name,
                span,
                strategy_document_id,
            }),
            _ => Err(errors),
        }
    }
}

code_enum!(
    /// A dated, named point of a plan: a milestone (milepæl, MP) or a decision point
    /// (beslutningspunkt, BP), as Nordre Land's project plan has them.
    MilestoneKind {
        Milestone = "milestone", "milestone-kind-milestone";
        DecisionPoint = "decision_point", "milestone-kind-decision-point";
    }
);

impl MilestoneKind {
    /// What its criterion is called: «Målbart resultat», «Beslutningsgrunnlag».
    pub fn criterion_key(self) -> &'static str {
        match self {
            MilestoneKind::Milestone => k("milestone-criterion-milestone"),
            MilestoneKind::DecisionPoint => k("milestone-criterion-decision-point"),
        }
    }
}

/// The milestone form as submitted.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct MilestoneForm {
    pub kind: String,
    pub code: String,
    pub name: String,
    pub due: String,
    pub criterion: String,
    pub version: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MilestoneInput {
    pub kind: MilestoneKind,
    pub code: Option<String>,
    pub name: String,
    pub due: NaiveDate,
    pub criterion: Option<String>,
}

impl MilestoneForm {
    pub fn validate(&self) -> Result<MilestoneInput, FormErrors> {
        let mut errors = FormErrors::default();
        let kind = MilestoneKind::parse(self.kind.trim());
        if kind.is_none() {
            errors.add("kind", Msg::new("milestone-kind-required"));
        }
        let name = self.name.trim();
        if name.is_empty() {
            errors.add("name", Msg::new("milestone-name-required"));
        } else if name.chars().count() > 300 {
            errors.add(
                "name",
                Msg::with("milestone-too-long", [("max", 300.into())]),
            );
        }
        if self.code.trim().chars().count() > 20 {
            errors.add(
                "code",
                Msg::with("milestone-too-long", [("max", 20.into())]),
            );
        }
        if self.criterion.trim().chars().count() > 2000 {
            errors.add(
                "criterion",
                Msg::with("milestone-too-long", [("max", 2000.into())]),
            );
        }
        let due = if self.due.trim().is_empty() {
            errors.add("due", Msg::new("milestone-due-required"));
            None
        } else {
            parse_date(&self.due).map_err(|e| errors.add("due", e)).ok()
        };
        match (kind, due) {
            (Some(kind), Some(due)) if errors.is_empty() => Ok(MilestoneInput {
                kind,
                code: trimmed(&self.code),
                name: name.to_string(),
                due,
                criterion: trimmed(&self.criterion),
            }),
            _ => Err(errors),
        }
    }
}

/// A milestone as the audit log keeps it.
#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
pub struct MilestoneSnapshot {
    pub plan: String,
    pub kind: String,
    pub code: String,
    pub name: String,
    pub due: String,
    pub criterion: String,
}

impl Audited for MilestoneSnapshot {
    const TABLE: Table = Table::PlanMilestone;
    fn name(&self) -> String {
        match self.code.as_str() {
            "" => self.name.clone(),
            code => format!("{code} {}", self.name),
        }
    }
}

/// What the audit log keeps of a plan, made new or by rolling another.
#[derive(Serialize)]
pub struct PlanSnapshot {
    pub name: String,
    pub start_year: i32,
    pub end_year: i32,
    pub strategy_document: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rolled_from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub carried: Option<usize>,
}

impl Audited for PlanSnapshot {
    const TABLE: Table = Table::ActionPlan;
    fn name(&self) -> String {
        self.name.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(year: i32, period: i32, label: Option<&str>) -> CellInput {
        CellInput {
            year,
            period,
            label: label.map(str::to_string),
        }
    }

    #[test]
    fn rolling_a_year_turns_the_new_first_years_quarters_into_months_and_moves_the_late_to_january()
    {
        let old = [
            cell(2014, 3, Some("Utredning")),
            cell(2015, 1, None),
            cell(2015, 3, Some("Innføring")),
            cell(2016, 2, None),
        ];
        let new = carry_cells(Lang::Nb, Span::new(2014, 2016), Span::new(2015, 2017), &old);
        assert_eq!(
            new,
            vec![
                cell(2015, 1, Some("Fra 2014: Utredning")),
                cell(2015, 2, None),
                cell(2015, 3, None),
                cell(2015, 7, Some("Innføring")),
                cell(2015, 8, Some("Innføring")),
                cell(2015, 9, Some("Innføring")),
                cell(2016, 2, None),
            ]
        );
    }

    #[test]
    fn late_work_from_several_years_becomes_one_marked_cell_in_the_first_month() {
        let old = [
            cell(2013, 2, None),
            cell(2014, 11, Some("Pilot")),
            cell(2016, 1, None),
        ];
        let (from, to) = (Span::new(2013, 2016), Span::new(2015, 2017));
        let new = carry_cells(Lang::Nb, from, to, &old);
        assert_eq!(
            new,
            vec![cell(2015, 1, Some("Fra 2013")), cell(2016, 1, None)]
        );
        assert_eq!(
            carry_summary(Lang::Nb, Lang::Nb, to, &old),
            "Forsinket: 2 perioder i 2013–2014 samles i januar 2015, merket «Fra 2013»; 1 periode beholder plassen."
        );
        assert_eq!(
            carry_summary(Lang::Nb, Lang::Nb, to, &[]),
            "Har ingen tidsplan."
        );
        assert_eq!(
            carry_summary(Lang::Nn, Lang::Nn, to, &old),
            "Forseinka: 2 periodar i 2013–2014 blir samla til januar 2015, merkt «Frå 2013»; 1 periode held på plassen."
        );
        // A nynorsk reader in a bokmål municipality: nynorsk words, the label as stored.
        assert!(carry_summary(Lang::Nn, Lang::Nb, to, &old).contains("merkt «Fra 2013»"));
        assert_eq!(
            carry_cells(Lang::Nn, from, to, &old)[0].label.as_deref(),
            Some("Frå 2013")
        );
    }

    #[test]
    fn cells_beyond_the_new_end_year_are_dropped() {
        let new = carry_cells(
            Lang::Nb,
            Span::new(2014, 2016),
            Span::new(2015, 2015),
            &[cell(2016, 1, None), cell(2015, 4, None)],
        );
        assert_eq!(
            new,
            vec![
                cell(2015, 10, None),
                cell(2015, 11, None),
                cell(2015, 12, None)
            ]
        );
    }

    #[test]
    fn every_key_of_the_plan_snapshot_has_a_label_in_the_log() {
        let rolled = PlanSnapshot {
            name: "Plan".into(),
            start_year: 2015,
            end_year: 2017,
            strategy_document: Some("IKT-strategi".into()),
            rolled_from: Some("Plan 2014".into()),
            carried: Some(3),
        };
        assert!(crate::audit::unlabelled_keys(&rolled).is_empty());
    }

    #[test]
    fn the_first_plan_year_is_planned_by_month_and_later_years_by_quarter() {
        let span = Span::new(2014, 2016);
        assert_eq!(span.periods().len(), 12 + 4 + 4);
        assert_eq!(span.period_name(2014, 3), "Mar");
        assert_eq!(span.period_name(2015, 2), "Kv 2");
        assert!(span.contains(2014, 12));
        assert!(!span.contains(2015, 5), "no fifth quarter");
        assert!(!span.contains(2017, 1), "outside the plan");
    }

    #[test]
    fn a_plan_lasts_at_most_six_years_and_ends_after_it_starts() {
        let w = YearWords {
            form: "roll",
            start_example: 2015,
            end_example: 2017,
        };
        let mut e = FormErrors::default();
        assert_eq!(
            check_years("2014", "2019", &w, &mut e),
            Some(Span::new(2014, 2019))
        );
        assert!(check_years("2014", "2020", &w, &mut e).is_none());
        assert!(
            e.get("end_year")
                .unwrap()
                .contains("sluttåret kan være høyst 2019")
        );
        let mut e = FormErrors::default();
        assert!(check_years("2016", "2014", &w, &mut e).is_none());
        assert_eq!(
            e.get("end_year").map(|m| m.nb()).as_deref(),
            Some("Sluttåret kan ikke være før startåret.")
        );
        assert!(check_years("14", "2016", &w, &mut e).is_none());
        assert!(e.get("start_year").unwrap().contains("for eksempel 2015"));
    }
}
