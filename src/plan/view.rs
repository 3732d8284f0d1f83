//! The progress plan as Vedlegg 1 shapes it: the filter, goal area → strategy → measures, and
//! the totals (per strategy, goal area, start year and financing), each measure counted once.

use std::collections::{BTreeMap, HashSet};

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::{
    model::Span,
    read::{MeasureData, PlanData},
};
use crate::{
    domain::{Hours, Nok},
    i18n::Lang,
    measures::model::{Financing, Responsible, Status},
};

/// The last day of a period of the plan: a month in its first year, a quarter after.
pub fn period_end(span: Span, year: i32, period: i32) -> Option<NaiveDate> {
    let last_month = if year == span.start_year {
        period
    } else {
        period * 3
    };
    let (y, m) = if last_month >= 12 {
        (year + 1, 1)
    } else {
        (year, last_month as u32 + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1).and_then(|d| d.pred_opt())
}

/// The period of the plan that `today` falls in, if the plan covers it.
pub fn today_period(span: Span, today: NaiveDate) -> Option<(i32, i32)> {
    let (year, month) = (today.year(), today.month() as i32);
    let period = if year == span.start_year {
        month
    } else {
        (month - 1) / 3 + 1
    };
    span.contains(year, period).then_some((year, period))
}

/// Late (forsinket): every planned period has ended and the measure is neither done nor
/// cancelled. A measure without a schedule is never late: nothing says when it was due.
pub fn is_late(m: &MeasureData, span: Span, today: NaiveDate) -> bool {
    if matches!(m.status, Status::Done | Status::Cancelled) || m.cells.is_empty() {
        return false;
    }
    m.cells
        .iter()
        .all(|c| period_end(span, c.year, c.period).is_some_and(|end| end < today))
}

/// How many of the selected measures have each status, and how many are late; each measure
/// counted once. Only statuses that occur are listed, in the order of `Status::ALL`.
pub fn status_counts(
    selected: &[&MeasureData],
    span: Span,
    today: NaiveDate,
) -> (Vec<(Status, usize)>, usize) {
    let mut seen = HashSet::new();
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    let mut late = 0;
    for m in selected.iter().filter(|m| seen.insert(m.measure_id)) {
        let i = Status::ALL.iter().position(|s| *s == m.status).unwrap_or(0);
        *counts.entry(i).or_default() += 1;
        if is_late(m, span, today) {
            late += 1;
        }
    }
    let counts = counts
        .into_iter()
        .map(|(i, n)| (Status::ALL[i], n))
        .collect();
    (counts, late)
}

/// The plan's distinct cell labels in order of first appearance. On paper a quarter column is
/// too narrow for «Utredning/budsjettgrunnlag», so cells print the label's number and the page
/// prints this list as a legend.
pub fn cell_labels(plan: &PlanData) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for l in plan
        .measures
        .iter()
        .flat_map(|m| &m.cells)
        .filter_map(|c| c.label.as_ref())
    {
        if !out.contains(l) {
            out.push(l.clone());
        }
    }
    out
}

/// Which measures to show.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct Filter {
    /// "person:ID", "unit:ID" or "text:Rådmannen / SU".
    pub responsible: Option<String>,
    pub status: Option<String>,
    /// "1" for priority measures only.
    pub priority: Option<String>,
    pub financing: Option<String>,
    pub year: Option<String>,
    pub strategy: Option<String>,
    /// A start year: measures whose first planned period falls in it (the totals' «per år»).
    pub start: Option<String>,
    /// "1" for late measures only (`is_late`), the dashboard's «forsinket».
    pub late: Option<String>,
}

impl Filter {
    fn value(v: &Option<String>) -> Option<&str> {
        v.as_deref().map(str::trim).filter(|v| !v.is_empty())
    }

    pub fn is_active(&self) -> bool {
        [
            &self.responsible,
            &self.status,
            &self.priority,
            &self.financing,
            &self.year,
            &self.strategy,
            &self.start,
            &self.late,
        ]
        .into_iter()
        .any(|v| Self::value(v).is_some())
    }

    pub fn matches(&self, m: &MeasureData) -> bool {
        let responsible = Self::value(&self.responsible).is_none_or(|r| {
            let key = match &m.responsible {
                Responsible::Text(t) => format!("text:{t}"),
                other => other.key(),
            };
            key == r
        });
        let status = Self::value(&self.status).is_none_or(|s| m.status.code() == s);
        let priority = Self::value(&self.priority).is_none() || m.priority;
        let financing = Self::value(&self.financing)
            .is_none_or(|f| m.costs.iter().any(|c| c.financing.code() == f));
        let year = Self::value(&self.year)
            .and_then(|y| y.parse::<i32>().ok())
            .is_none_or(|y| m.cells.iter().any(|c| c.year == y));
        let strategy = Self::value(&self.strategy)
            .and_then(|s| s.parse::<i64>().ok())
            .is_none_or(|s| m.strategy_ids.contains(&s));
        let start = Self::value(&self.start)
            .and_then(|y| y.parse::<i32>().ok())
            .is_none_or(|y| m.start_year() == Some(y));
        responsible && status && priority && financing && year && strategy && start
    }

    /// `matches`, and late on `today` when the filter asks for late measures only.
    pub fn selects(&self, m: &MeasureData, span: Span, today: NaiveDate) -> bool {
        self.matches(m) && (Self::value(&self.late).is_none() || is_late(m, span, today))
    }

    /// The filter as a query string, to keep it across a status update.
    pub fn query(&self) -> String {
        let pairs: Vec<(&str, &str)> = [
            ("responsible", &self.responsible),
            ("status", &self.status),
            ("priority", &self.priority),
            ("financing", &self.financing),
            ("year", &self.year),
            ("strategy", &self.strategy),
            ("start", &self.start),
            ("late", &self.late),
        ]
        .into_iter()
        .filter_map(|(k, v)| Self::value(v).map(|v| (k, v)))
        .collect();
        serde_urlencoded::to_string(pairs).unwrap_or_default()
    }
}

/// Sums of hours and known cost over a set of measures, each counted once.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Total {
    pub measures: usize,
    pub hours: Decimal,
    pub cost: Decimal,
    /// Measures whose hours are unknown, and cost lines whose amount is unknown.
    pub unknown_hours: usize,
    pub unknown_costs: usize,
}

impl Total {
    pub fn add(&mut self, m: &MeasureData) {
        self.measures += 1;
        match m.hours {
            Some(h) => self.hours += h,
            None => self.unknown_hours += 1,
        }
        self.cost += m.known_cost();
        self.unknown_costs += m.costs.iter().filter(|c| c.amount.is_none()).count();
    }

    pub fn hours_text(&self) -> String {
        Hours(self.hours).to_string()
    }

    pub fn cost_text(&self) -> String {
        Nok(self.cost).to_string()
    }

    pub fn of<'a>(measures: impl IntoIterator<Item = &'a MeasureData>) -> Total {
        let mut t = Total::default();
        let mut seen = HashSet::new();
        for m in measures {
            if seen.insert(m.measure_id) {
                t.add(m);
            }
        }
        t
    }
}

/// One strategy's rows in the progress plan. A measure serving two strategies appears under
/// both, and `shared_with` says where else; totals above the strategy level count it once.
pub struct StrategyGroup<'a> {
    pub strategy_id: Option<i64>,
    pub text: String,
    pub rows: Vec<&'a MeasureData>,
    pub total: Total,
}

pub struct GoalGroup<'a> {
    pub name: String,
    /// The name is the goal area's (users' text), not the interface's «Tiltak uten strategi».
    pub user_text: bool,
    pub strategies: Vec<StrategyGroup<'a>>,
    pub total: Total,
}

/// Groups the selected measures as Vedlegg 1: goal area → strategy → measures; measures without
/// a strategy come last, under a heading in `lang`.
pub fn group<'a>(
    lang: Lang,
    plan: &'a PlanData,
    selected: &[&'a MeasureData],
) -> Vec<GoalGroup<'a>> {
    let mut out = Vec::new();
    for g in &plan.goal_areas {
        let mut strategies = Vec::new();
        for s in &g.strategies {
            let rows: Vec<&MeasureData> = selected
                .iter()
                .copied()
                .filter(|m| m.strategy_ids.contains(&s.strategy_id))
                .collect();
            if rows.is_empty() {
                continue;
            }
            strategies.push(StrategyGroup {
                strategy_id: Some(s.strategy_id),
                text: s.text.clone(),
                total: Total::of(rows.iter().copied()),
                rows,
            });
        }
        if strategies.is_empty() {
            continue;
        }
        let total = Total::of(strategies.iter().flat_map(|s| s.rows.iter().copied()));
        out.push(GoalGroup {
            name: g.name.clone(),
            user_text: true,
            strategies,
            total,
        });
    }
    let known: HashSet<i64> = plan
        .goal_areas
        .iter()
        .flat_map(|g| &g.strategies)
        .map(|s| s.strategy_id)
        .collect();
    let orphans: Vec<&MeasureData> = selected
        .iter()
        .copied()
        .filter(|m| !m.strategy_ids.iter().any(|s| known.contains(s)))
        .collect();
    if !orphans.is_empty() && plan.head.strategy_document_id.is_none() {
        // A project plan has no strategy: its measures are one group, without a strategy row.
        let total = Total::of(orphans.iter().copied());
        out.push(GoalGroup {
            name: lang.t("plan-project-goal"),
            user_text: false,
            strategies: vec![StrategyGroup {
                strategy_id: None,
                text: String::new(),
                rows: orphans,
                total: total.clone(),
            }],
            total,
        });
    } else if !orphans.is_empty() {
        let total = Total::of(orphans.iter().copied());
        out.push(GoalGroup {
            name: lang.t("plan-orphan-goal"),
            user_text: false,
            strategies: vec![StrategyGroup {
                strategy_id: None,
                text: lang.t("plan-orphan-strategy"),
                rows: orphans,
                total: total.clone(),
            }],
            total,
        });
    }
    out
}

/// Totals per start year (measures without a schedule under None) and known cost per financing
/// class, each measure and each cost line counted once.
pub fn totals_by_year(selected: &[&MeasureData]) -> BTreeMap<Option<i32>, Total> {
    let mut out: BTreeMap<Option<i32>, Total> = BTreeMap::new();
    for m in selected {
        out.entry(m.start_year()).or_default().add(m);
    }
    out
}

pub fn cost_by_financing(selected: &[&MeasureData]) -> Vec<(Financing, Decimal, usize)> {
    let mut out: BTreeMap<Financing, (Decimal, usize)> = BTreeMap::new();
    for m in selected {
        for c in &m.costs {
            let e = out.entry(c.financing).or_default();
            match c.amount {
                Some(a) => e.0 += a.0,
                None => e.1 += 1,
            }
        }
    }
    out.into_iter()
        .map(|(f, (sum, unknown))| (f, sum, unknown))
        .collect()
}

/// Keeps only rows `offset..offset + limit` of the grouped plan (headings of groups that still
/// have rows stay, with their totals for the whole selection). Returns the number of rows.
pub fn page_rows(groups: &mut Vec<GoalGroup<'_>>, offset: usize, limit: usize) -> usize {
    let mut index = 0;
    for g in groups.iter_mut() {
        for s in g.strategies.iter_mut() {
            s.rows.retain(|_| {
                let keep = index >= offset && index < offset + limit;
                index += 1;
                keep
            });
        }
        g.strategies.retain(|s| !s.rows.is_empty());
    }
    groups.retain(|g| !g.strategies.is_empty());
    index
}

pub fn row_count(groups: &[GoalGroup<'_>]) -> usize {
    groups
        .iter()
        .flat_map(|g| &g.strategies)
        .map(|s| s.rows.len())
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_month_ends_on_its_last_day_and_a_quarter_on_its_third_months() {
        let span = Span::new(2014, 2016);
        assert_eq!(period_end(span, 2014, 2), Some(d(2014, 2, 28)));
        assert_eq!(period_end(span, 2014, 12), Some(d(2014, 12, 31)));
        assert_eq!(period_end(span, 2015, 1), Some(d(2015, 3, 31)));
        assert_eq!(period_end(span, 2016, 4), Some(d(2016, 12, 31)));
    }

    #[test]
    fn today_falls_in_a_month_of_the_first_year_a_quarter_after_or_nowhere() {
        let span = Span::new(2026, 2028);
        assert_eq!(today_period(span, d(2026, 12, 1)), Some((2026, 12)));
        assert_eq!(today_period(span, d(2027, 5, 17)), Some((2027, 2)));
        assert_eq!(today_period(span, d(2029, 1, 1)), None);
        assert_eq!(today_period(span, d(2025, 12, 31)), None);
    }
}
