//! The risks of every assessment in one list (`/risks/register`), filtered by level before or
//! after mitigation, status and overdue review: what the dashboard's risk numbers open.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use chrono::NaiveDate;

use super::{
    model::Levels,
    read::{self, RegisterFilter, RegisterRow},
    show::{level_code, level_key, status_key},
};
use crate::{
    AppState,
    domain::{RiskLevel, format_date, today},
    error::AppResult,
    web::Ctx,
};

/// The status choices of the filter: the codes, and «active» (open or under treatment).
const STATUSES: [&str; 5] = ["active", "open", "treating", "accepted", "closed"];

#[derive(Template, WebTemplate)]
#[template(path = "risks/register.html")]
pub(super) struct RegisterPage {
    ctx: Ctx,
    rows: Vec<RegisterRow>,
    f: RegisterFilter,
    levels: Levels,
    statuses: [&'static str; 5],
    today: NaiveDate,
}

impl RegisterPage {
    fn level(&self, score: &i16) -> (&'static str, String) {
        let l = RiskLevel::of(*score, self.levels.low_max, self.levels.medium_max);
        (level_code(l), self.ctx.t(level_key(l)))
    }
    fn level_name(&self, code: &str) -> &'static str {
        match code {
            "low" => level_key(RiskLevel::Low),
            "medium" => level_key(RiskLevel::Medium),
            _ => level_key(RiskLevel::High),
        }
    }
    fn status(&self, code: &str) -> String {
        if code == "active" {
            self.ctx.t("risks-status-active")
        } else {
            self.ctx.t(status_key(code))
        }
    }
    fn review(&self, r: &RegisterRow) -> String {
        r.next_review.map(format_date).unwrap_or_default()
    }
    fn overdue(&self, r: &RegisterRow) -> bool {
        r.next_review.is_some_and(|d| d < self.today) && r.status != "closed"
    }
}

pub(super) async fn page(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(mut f): Query<RegisterFilter>,
) -> AppResult<RegisterPage> {
    for v in [&mut f.level, &mut f.stage, &mut f.status] {
        v.retain(|c| c != '\0');
    }
    let m = ctx.user.municipality_id;
    let levels = read::levels(&state.db, m).await?;
    let today = today();
    let rows = read::register(
        &state.db,
        m,
        ctx.user.can_read_confidential(),
        &f,
        levels,
        today,
    )
    .await?;
    Ok(RegisterPage {
        ctx,
        rows,
        f,
        levels,
        statuses: STATUSES,
        today,
    })
}
