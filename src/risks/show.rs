//! An assessment's page (`/risks/{id}`): header, the risk table, and the 5 × 5 matrices before
//! and after mitigation.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use serde::Deserialize;

use super::read::{self, AssessmentDetail, RiskRow};
use crate::{
    AppState,
    auth::Confidential,
    domain::{RiskLevel, format_date, today},
    error::{AppError, AppResult},
    web::Ctx,
};

/// The translation key of a level in words.
pub fn level_key(level: RiskLevel) -> &'static str {
    match level {
        RiskLevel::Low => "risks-level-low",
        RiskLevel::Medium => "risks-level-medium",
        RiskLevel::High => "risks-level-high",
    }
}

/// The level's code for the `data-level` attribute (colour only repeats the words).
pub fn level_code(level: RiskLevel) -> &'static str {
    match level {
        RiskLevel::Low => "low",
        RiskLevel::Medium => "medium",
        RiskLevel::High => "high",
    }
}

/// The translation key of a status.
pub fn status_key(status: &str) -> &'static str {
    match status {
        "treating" => "risks-status-treating",
        "accepted" => "risks-status-accepted",
        "closed" => "risks-status-closed",
        _ => "risks-status-open",
    }
}

/// One cell of a matrix.
pub struct Cell {
    pub s: i16,
    pub k: i16,
    pub count: usize,
    pub level: RiskLevel,
}

/// A 5 × 5 matrix: rows S 5 → 1, columns K 1 → 5.
pub struct Matrix {
    pub when: &'static str,
    pub rows: Vec<(i16, Vec<Cell>)>,
}

impl Matrix {
    fn build(
        when: &'static str,
        points: impl Iterator<Item = (i16, i16)> + Clone,
        low: i16,
        medium: i16,
    ) -> Matrix {
        let rows = (1..=5)
            .rev()
            .map(|s| {
                let cells = (1..=5)
                    .map(|k| Cell {
                        s,
                        k,
                        count: points.clone().filter(|p| *p == (s, k)).count(),
                        level: RiskLevel::of(s * k, low, medium),
                    })
                    .collect();
                (s, cells)
            })
            .collect();
        Matrix { when, rows }
    }
}

#[derive(Deserialize, Default)]
pub(super) struct CellFilter {
    s: Option<String>,
    k: Option<String>,
    when: Option<String>,
}

/// A valid filter: S, K and whether the residual values are meant.
struct Filter {
    s: i16,
    k: i16,
    after: bool,
}

impl CellFilter {
    fn parse(&self) -> Option<Filter> {
        let s: i16 = self.s.as_deref()?.trim().parse().ok()?;
        let k: i16 = self.k.as_deref()?.trim().parse().ok()?;
        if !(1..=5).contains(&s) || !(1..=5).contains(&k) {
            return None;
        }
        Some(Filter {
            s,
            k,
            after: self.when.as_deref() == Some("after"),
        })
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "risks/show.html")]
pub(super) struct AssessmentPage {
    ctx: Ctx,
    a: AssessmentDetail,
    risks: Vec<RiskRow>,
    total: usize,
    filter: Option<Filter>,
    before: Matrix,
    after: Matrix,
    can_edit: bool,
}

impl AssessmentPage {
    fn level(&self, score: &i16) -> String {
        self.ctx.t(level_key(RiskLevel::of(
            *score,
            self.a.low_max,
            self.a.medium_max,
        )))
    }
    fn level_code(&self, score: &i16) -> &'static str {
        level_code(RiskLevel::of(*score, self.a.low_max, self.a.medium_max))
    }
    fn matrices(&self) -> [&Matrix; 2] {
        [&self.before, &self.after]
    }
    fn cell_level(&self, c: &Cell) -> String {
        self.ctx.t(level_key(c.level))
    }
    fn cell_code(&self, c: &Cell) -> &'static str {
        level_code(c.level)
    }
    fn status(&self, r: &RiskRow) -> String {
        self.ctx.t(status_key(&r.status))
    }
    fn overdue(&self, r: &RiskRow) -> bool {
        r.next_review.is_some_and(|d| d < today()) && r.status != "closed"
    }
    fn review(&self, r: &RiskRow) -> String {
        r.next_review.map(format_date).unwrap_or_default()
    }
    fn assessed_on(&self) -> String {
        self.a.assessed_on.map(format_date).unwrap_or_default()
    }
    fn filter_text(&self, f: &Filter) -> String {
        let key = if f.after {
            "risks-filter-after"
        } else {
            "risks-filter-before"
        };
        self.ctx.t2(key, "s", f.s as i64, "k", f.k as i64)
    }
    fn cell_label(&self, m: &Matrix, c: &Cell) -> String {
        let key = if m.when == "after" {
            "risks-cell-label-after"
        } else {
            "risks-cell-label-before"
        };
        self.ctx.tr(
            key,
            &[
                ("count", (c.count as i64).into()),
                ("s", (c.s as i64).into()),
                ("k", (c.k as i64).into()),
            ],
        )
    }
}

pub(super) async fn show(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Query(q): Query<CellFilter>,
) -> AppResult<AssessmentPage> {
    let m = ctx.user.municipality_id;
    let a = read::assessment(&state.db, m, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if a.restricted {
        ctx.user.require(Confidential::ROLES)?;
    }
    let all = read::risks(&state.db, m, id).await?;
    let before = Matrix::build(
        "before",
        all.iter().map(|r| (r.likelihood, r.consequence)),
        a.low_max,
        a.medium_max,
    );
    let after = Matrix::build(
        "after",
        all.iter()
            .filter_map(|r| Some((r.residual_likelihood?, r.residual_consequence?))),
        a.low_max,
        a.medium_max,
    );
    let filter = q.parse();
    let total = all.len();
    let risks = match &filter {
        None => all,
        Some(f) => all
            .into_iter()
            .filter(|r| {
                if f.after {
                    r.residual_likelihood == Some(f.s) && r.residual_consequence == Some(f.k)
                } else {
                    r.likelihood == f.s && r.consequence == f.k
                }
            })
            .collect(),
    };
    Ok(AssessmentPage {
        can_edit: ctx.user.can_edit_plan(),
        ctx,
        a,
        risks,
        total,
        filter,
        before,
        after,
    })
}
