//! What the dashboard shows, gathered from the modules' read functions. Each count is the
//! length or total of the very list its link opens, with the same filter.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::model::{Quarter, spread};
use crate::{
    AppState,
    auth::CurrentUser,
    council,
    error::AppResult,
    lines,
    measures::model::{Financing, Responsible, Status},
    org,
    plan::{
        self,
        read::{MeasureData, PlanData},
        view::{self, Total},
    },
    reports::{
        self,
        read::{Reporting, Round},
    },
    risks, systems,
};

/// The plan the dashboard follows: the newest whose years include today's, else the newest.
pub async fn current_plan(
    state: &AppState,
    m: i64,
    today: NaiveDate,
) -> AppResult<Option<Arc<PlanData>>> {
    let plans = plan::read::summaries(&state.db, m).await?;
    let year = chrono::Datelike::year(&today);
    let chosen = plans
        .iter()
        .find(|p| p.start_year <= year && year <= p.end_year)
        .or(plans.first());
    match chosen {
        Some(p) => Ok(Some(state.plans.get(&state.db, m, p.action_plan_id).await?)),
        None => Ok(None),
    }
}

/// Planned and done (the hours and cost of completed measures: no actual hours are recorded).
pub struct PlannedDone {
    pub planned: Total,
    pub done: Total,
}

pub struct PlanPart {
    pub plan: Arc<PlanData>,
    /// Each status that occurs (in `Status::ALL`'s order): its measures, hours and known cost.
    pub status_totals: Vec<(Status, Total)>,
    pub late: usize,
    pub total: PlannedDone,
    /// Per start year (None: no schedule).
    pub by_year: Vec<(Option<i32>, PlannedDone)>,
    /// Known cost per financing class: (class, planned, done).
    pub by_financing: Vec<(Financing, Decimal, Decimal)>,
    pub priority: Vec<usize>,
}

impl PlanPart {
    pub fn of(plan: Arc<PlanData>, today: NaiveDate) -> PlanPart {
        let span = plan.head.span();
        let all: Vec<&MeasureData> = plan.measures.iter().collect();
        let done: Vec<&MeasureData> = all
            .iter()
            .copied()
            .filter(|m| m.status == Status::Done)
            .collect();
        let (by_status, late) = view::status_counts(&all, span, today);
        let status_totals = by_status
            .iter()
            .map(|(s, _)| {
                (
                    *s,
                    Total::of(all.iter().copied().filter(|m| m.status == *s)),
                )
            })
            .collect();
        let done_by_year = view::totals_by_year(&done);
        let by_year = view::totals_by_year(&all)
            .into_iter()
            .map(|(y, planned)| {
                let done = done_by_year.get(&y).cloned().unwrap_or_default();
                (y, PlannedDone { planned, done })
            })
            .collect();
        let done_cost: BTreeMap<Financing, Decimal> = view::cost_by_financing(&done)
            .into_iter()
            .map(|(f, sum, _)| (f, sum))
            .collect();
        let by_financing = view::cost_by_financing(&all)
            .into_iter()
            .map(|(f, sum, _)| (f, sum, done_cost.get(&f).copied().unwrap_or_default()))
            .collect();
        let priority = plan
            .measures
            .iter()
            .enumerate()
            .filter(|(_, m)| m.priority)
            .map(|(i, _)| i)
            .collect();
        PlanPart {
            total: PlannedDone {
                planned: Total::of(all.iter().copied()),
                done: Total::of(done.iter().copied()),
            },
            status_totals,
            late,
            by_year,
            by_financing,
            priority,
            plan,
        }
    }
}

pub struct ReportPart {
    pub next: Vec<Reporting>,
    /// The current plan's latest submitted round.
    pub last_submitted: Option<Round>,
}

pub async fn reports(
    state: &AppState,
    m: i64,
    plan_id: Option<i64>,
    today: NaiveDate,
) -> AppResult<ReportPart> {
    let next = reports::read::municipality_next(&state.db, m, today).await?;
    let last_submitted = match plan_id {
        Some(id) => reports::read::rounds_of_plan(&state.db, m, id, today)
            .await?
            .into_iter()
            .filter(|r| r.state.is_submitted())
            .max_by_key(|r| r.submitted_at),
        None => None,
    };
    Ok(ReportPart {
        next,
        last_submitted,
    })
}

/// A count and the list it opens.
pub struct Count {
    pub key: &'static str,
    pub count: i64,
    pub href: String,
}

/// The systems register's gaps, each counted by the list its link opens.
pub async fn systems(
    state: &AppState,
    user: &CurrentUser,
    today: NaiveDate,
) -> AppResult<Vec<Count>> {
    let yes = Some("1".to_string());
    let filters: [(&'static str, systems::read::Filter); 6] = [
        (
            "dash-systems-no-owner",
            systems::read::Filter {
                owner: "none".into(),
                ..Default::default()
            },
        ),
        (
            "dash-systems-no-superuser",
            systems::read::Filter {
                no_superuser: yes.clone(),
                ..Default::default()
            },
        ),
        (
            "dash-systems-evaluation",
            systems::read::Filter {
                overdue: yes.clone(),
                ..Default::default()
            },
        ),
        (
            "dash-systems-notice",
            systems::read::Filter {
                expiring: yes.clone(),
                ..Default::default()
            },
        ),
        (
            "dash-systems-unconfirmed",
            systems::read::Filter {
                unconfirmed: yes.clone(),
                ..Default::default()
            },
        ),
        (
            "dash-systems-no-dpa",
            systems::read::Filter {
                no_dpa: yes.clone(),
                ..Default::default()
            },
        ),
    ];
    let mut out = Vec::new();
    for (key, f) in filters {
        let listing = systems::read::list(&state.db, user, &f, today, 0, 1).await?;
        out.push(Count {
            key,
            count: listing.total,
            href: format!("/systems?{}", f.query()),
        });
    }
    Ok(out)
}

/// Slow lines (ADSL, radio) and lines at locations under the threshold; for `Confidential` roles only.
pub async fn lines(state: &AppState, m: i64, today: NaiveDate) -> AppResult<Vec<Count>> {
    let yes = Some("1".to_string());
    let slow = lines::read::Filter {
        slow: yes.clone(),
        ..Default::default()
    };
    let under = lines::read::Filter {
        under: yes,
        ..Default::default()
    };
    let slow_list = lines::read::list(&state.db, m, &slow, today, 0, 1).await?;
    let under_list = lines::read::list(&state.db, m, &under, today, 0, 1).await?;
    Ok(vec![
        Count {
            key: "dash-lines-slow",
            count: slow_list.total,
            href: format!("/locations?{}", slow.query()),
        },
        Count {
            key: "dash-lines-under",
            count: under_list.total,
            href: format!("/locations?{}", under.query()),
        },
    ])
}

pub async fn risks(
    state: &AppState,
    user: &CurrentUser,
    today: NaiveDate,
) -> AppResult<Vec<Count>> {
    use risks::read::RegisterFilter as F;
    let m = user.municipality_id;
    let levels = risks::read::levels(&state.db, m).await?;
    let filters: [(&'static str, F); 4] = [
        (
            "dash-risks-high-before",
            F {
                level: "high".into(),
                status: "active".into(),
                ..Default::default()
            },
        ),
        (
            "dash-risks-high-after",
            F {
                level: "high".into(),
                stage: "after".into(),
                status: "active".into(),
                ..Default::default()
            },
        ),
        (
            "dash-risks-overdue",
            F {
                overdue: Some("1".into()),
                ..Default::default()
            },
        ),
        (
            "dash-risks-accepted",
            F {
                status: "accepted".into(),
                ..Default::default()
            },
        ),
    ];
    let mut out = Vec::new();
    for (key, f) in filters {
        let rows = risks::read::register(
            &state.db,
            m,
            user.can_read_confidential(),
            &f,
            levels,
            today,
        )
        .await?;
        out.push(Count {
            key,
            count: rows.len() as i64,
            href: format!("/risks/register?{}", f.query()),
        });
    }
    Ok(out)
}

pub async fn council(
    state: &AppState,
    user: &CurrentUser,
    today: NaiveDate,
) -> AppResult<Vec<Count>> {
    let m = user.municipality_id;
    let f = council::read::Filter {
        tab: "rlt".into(),
        ..Default::default()
    };
    let (_, awaiting) = council::read::list(&state.db, user, None, &f, 0).await?;
    let benefits = council::read::benefits(&state.db, m, None).await?;
    let (behind, due) = (
        council::read::BenefitFilter::behind(),
        council::read::BenefitFilter::due(),
    );
    let count = |f: &council::read::BenefitFilter| {
        benefits.iter().filter(|b| f.selects(b, today)).count() as i64
    };
    Ok(vec![
        Count {
            key: "dash-council-rlt",
            count: awaiting,
            href: "/acquisitions?tab=rlt".into(),
        },
        Count {
            key: "dash-benefits-behind",
            count: count(&behind),
            href: format!("/benefits?{}", behind.query()),
        },
        Count {
            key: "dash-benefits-due",
            count: count(&due),
            href: format!("/benefits?{}", due.query()),
        },
    ])
}

/// A responsible person's committed own-effort hours per quarter against their capacity.
pub struct CapacityRow {
    pub person_id: i64,
    pub name: String,
    pub capacity: Option<Decimal>,
    pub quarters: BTreeMap<Quarter, Decimal>,
    /// Hours of measures with no schedule.
    pub unscheduled: Decimal,
    pub total: Decimal,
}

impl CapacityRow {
    pub fn over(&self, q: &Quarter) -> bool {
        match (self.capacity, self.quarters.get(q)) {
            (Some(c), Some(h)) => *h > c,
            _ => false,
        }
    }

    /// Over capacity in some quarter: the rows the printed page keeps.
    pub fn any_over(&self) -> bool {
        self.quarters.keys().any(|q| self.over(q))
    }
}

/// Capacity per person over the plan's quarters: every measure they are responsible for
/// (cancelled ones commit nothing), its hours spread over its planned periods.
pub async fn capacity(state: &AppState, m: i64, plan: &PlanData) -> AppResult<Vec<CapacityRow>> {
    let names = org::read::capacities(&state.db, m).await?;
    let span = plan.head.span();
    let mut rows: BTreeMap<i64, CapacityRow> = BTreeMap::new();
    for me in &plan.measures {
        let (Responsible::Person(p), Some(hours)) = (&me.responsible, me.hours) else {
            continue;
        };
        if me.status == Status::Cancelled {
            continue;
        }
        let Some((name, capacity)) = names.get(p) else {
            continue;
        };
        let row = rows.entry(*p).or_insert_with(|| CapacityRow {
            person_id: *p,
            name: name.clone(),
            capacity: *capacity,
            quarters: BTreeMap::new(),
            unscheduled: Decimal::ZERO,
            total: Decimal::ZERO,
        });
        row.total += hours;
        let cells: Vec<(i32, i32)> = me.cells.iter().map(|c| (c.year, c.period)).collect();
        if cells.is_empty() {
            row.unscheduled += hours;
        }
        for (q, h) in spread(span, hours, &cells) {
            *row.quarters.entry(q).or_default() += h;
        }
    }
    let mut out: Vec<CapacityRow> = rows.into_values().collect();
    out.sort_by(|a, b| b.total.cmp(&a.total).then_with(|| a.name.cmp(&b.name)));
    Ok(out)
}
