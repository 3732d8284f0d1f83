//! The dashboard page: the rådmann's start page, everyone's from the menu.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{
    model::{Bar, Quarter, Val, max_of},
    read::{self, CapacityRow, Count, PlanPart, ReportPart},
};
use crate::{
    AppState,
    domain::{Hours, Nok, format_date, today},
    error::AppResult,
    measures::model::{Financing, Status},
    plan::read::MeasureData,
    web::Ctx,
};

/// Each status's pattern, so the bars read without colour.
fn pattern(s: Status) -> &'static str {
    match s {
        Status::NotStarted => "dash-p-dots",
        Status::InProgress => "dash-p-diagonal",
        Status::Done => "dash-p-solid",
        Status::Postponed => "dash-p-cross",
        Status::Cancelled => "dash-p-horizontal",
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "dashboard/page.html")]
pub(super) struct DashboardPage {
    ctx: Ctx,
    today: NaiveDate,
    plan: Option<PlanPart>,
    status_bars: Vec<Bar>,
    hours_bars: Vec<(String, Bar, Bar)>,
    reports: ReportPart,
    systems: Vec<Count>,
    /// None: the user may not read the line inventory.
    lines: Option<Vec<Count>>,
    risks: Vec<Count>,
    council: Vec<Count>,
    capacity: Vec<CapacityRow>,
    quarters: Vec<Quarter>,
}

impl DashboardPage {
    fn today_text(&self) -> String {
        format_date(self.today)
    }
    fn plan_href(&self, query: &str) -> String {
        match &self.plan {
            Some(p) if query.is_empty() => format!("/plan/{}", p.plan.head.id),
            Some(p) => format!("/plan/{}?{query}", p.plan.head.id),
            None => "/plan".into(),
        }
    }
    // Askama passes a loop's or an `if let`'s bindings by reference and fields by value;
    // `Borrow` takes both.
    fn hours(&self, d: impl Val<Decimal>) -> String {
        Hours(d.val()).to_string()
    }
    fn hours_round(&self, d: impl Val<Decimal>) -> String {
        Hours(d.val().round_dp(0)).to_string()
    }
    fn nok(&self, d: impl Val<Decimal>) -> String {
        Nok(d.val()).to_string()
    }
    fn status_href(&self, s: impl Val<Status>) -> String {
        self.plan_href(&format!("status={}", s.val().code()))
    }
    fn financing_href(&self, f: impl Val<Financing>) -> String {
        self.plan_href(&format!("financing={}", f.val().code()))
    }
    /// The measures a person is responsible for: the hours their row adds up.
    fn person_href(&self, id: impl Val<i64>) -> String {
        self.plan_href(&format!("responsible=person:{}", id.val()))
    }
    fn start_href(&self, year: impl Val<i32>) -> String {
        self.plan_href(&format!("start={}", year.val()))
    }
    fn pattern_of(&self, s: impl Val<Status>) -> &'static str {
        pattern(s.val())
    }
    fn measure(&self, i: &usize) -> Option<&MeasureData> {
        self.plan.as_ref().and_then(|p| p.plan.measures.get(*i))
    }
    /// `part` as a whole per cent of `whole`: «42 %», or «–» when the whole is zero.
    fn share(&self, part: impl Val<Decimal>, whole: impl Val<Decimal>) -> String {
        let (part, whole) = (part.val(), whole.val());
        if whole.is_zero() {
            return "–".into();
        }
        format!("{} %", (part * Decimal::from(100) / whole).round_dp(0))
    }
    fn financing_name(&self, f: impl Val<Financing>) -> String {
        self.ctx.t(f.val().label_key())
    }
    fn status_name(&self, s: impl Val<Status>) -> String {
        self.ctx.t(s.val().label_key())
    }
    fn status_max(&self) -> Decimal {
        max_of(&self.status_bars)
    }
    fn hours_max(&self) -> Decimal {
        self.hours_bars
            .iter()
            .map(|(_, p, _)| p.value)
            .max()
            .unwrap_or_default()
    }
    fn quarter_name(&self, q: &Quarter) -> String {
        format!("{}/{}", q.1, q.0 % 100)
    }
    fn cell(&self, r: &CapacityRow, q: &Quarter) -> String {
        r.quarters
            .get(q)
            .map(|h| Hours(h.round_dp(0)).plain())
            .unwrap_or_default()
    }
    /// People within their capacity or without one: left off the printed page, which must fit
    /// the management group's two sheets even for a municipality with hundreds of people.
    fn within_count(&self) -> usize {
        self.capacity.iter().filter(|r| !r.any_over()).count()
    }
    fn round_name(&self, r: &crate::reports::read::Round) -> String {
        r.name(&self.ctx.lang)
    }
}

pub(super) async fn page(ctx: Ctx, State(state): State<AppState>) -> AppResult<DashboardPage> {
    let today = today();
    let user = &ctx.user;
    let m = user.municipality_id;
    let plan = read::current_plan(&state, m, today)
        .await?
        .map(|p| PlanPart::of(p, today));
    let plan_id = plan.as_ref().map(|p| p.plan.head.id);
    let status_bars = plan
        .as_ref()
        .map(|p| {
            p.status_totals
                .iter()
                .map(|(s, t)| Bar {
                    label: ctx.t(s.label_key()),
                    value: Decimal::from(t.measures as i64),
                    text: t.measures.to_string(),
                    pattern: pattern(*s),
                    href: format!("/plan/{}?status={}", p.plan.head.id, s.code()),
                })
                .collect()
        })
        .unwrap_or_default();
    let hours_bars = plan
        .as_ref()
        .map(|p| {
            p.by_year
                .iter()
                .filter_map(|(y, t)| y.map(|y| (y, t)))
                .map(|(y, t)| {
                    let planned = t.planned.hours;
                    let done = t.done.hours;
                    let href = format!("/plan/{}?start={y}", p.plan.head.id);
                    (
                        y.to_string(),
                        Bar {
                            label: ctx.t("dash-planned"),
                            value: planned,
                            text: Hours(planned).to_string(),
                            pattern: "dash-p-dots",
                            href: href.clone(),
                        },
                        Bar {
                            label: ctx.t("dash-done"),
                            value: done,
                            text: Hours(done).to_string(),
                            pattern: "dash-p-solid",
                            href: format!("{href}&status=done"),
                        },
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let capacity = match &plan {
        Some(p) => read::capacity(&state, m, &p.plan).await?,
        None => Vec::new(),
    };
    let quarters = plan
        .as_ref()
        .map(|p| {
            let s = p.plan.head.span();
            (s.start_year..=s.end_year)
                .flat_map(|y| (1..=4).map(move |q| (y, q)))
                .collect()
        })
        .unwrap_or_default();
    Ok(DashboardPage {
        reports: read::reports(&state, m, plan_id, today).await?,
        systems: read::systems(&state, user, today).await?,
        lines: if user.can_read_confidential() {
            Some(read::lines(&state, m, today).await?)
        } else {
            None
        },
        risks: read::risks(&state, user, today).await?,
        council: read::council(&state, user, today).await?,
        status_bars,
        hours_bars,
        capacity,
        quarters,
        plan,
        today,
        ctx,
    })
}
