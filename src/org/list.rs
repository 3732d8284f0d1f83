//! The lists of units (`/units`) and people (`/people`), searched with `?q=`.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use serde::Deserialize;

use super::read::{self, PersonRow, UnitRow};
use crate::{
    AppState,
    error::AppResult,
    web::{Ctx, Pager},
};

/// People per page.
const PER_PAGE: i64 = 50;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct Search {
    q: String,
    /// Kept as text: a page number that is not a number is page 1, not a 400.
    page: String,
}

impl Search {
    /// The search text, trimmed and without NUL (PostgreSQL cannot take one in text): a NUL
    /// typed into the address bar searches for the rest.
    fn text(&self) -> String {
        self.q.replace('\0', "").trim().to_string()
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "units/list.html")]
pub(super) struct UnitsPage {
    ctx: Ctx,
    q: String,
    units: Vec<UnitRow>,
    can_edit: bool,
}

pub(super) async fn units(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(s): Query<Search>,
) -> AppResult<UnitsPage> {
    let q = s.text();
    let units = read::units(&state.db, ctx.user.municipality_id, &q).await?;
    Ok(UnitsPage {
        can_edit: ctx.user.can_edit_plan(),
        ctx,
        q,
        units,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "people/list.html")]
pub(super) struct PeoplePage {
    ctx: Ctx,
    q: String,
    people: Vec<PersonRow>,
    pager: Pager,
    query_base: String,
    can_edit: bool,
}

pub(super) async fn people(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(s): Query<Search>,
) -> AppResult<PeoplePage> {
    let m = ctx.user.municipality_id;
    let q = s.text();
    let total = read::count_people(&state.db, m, &q).await?;
    let pager = Pager::new(s.page.trim().parse().ok(), PER_PAGE, total);
    let people = read::people(&state.db, m, &q, pager.per_page, pager.offset()).await?;
    let query_base = serde_urlencoded::to_string([("q", q.as_str())]).unwrap_or_default();
    Ok(PeoplePage {
        can_edit: ctx.user.can_edit_plan(),
        ctx,
        q,
        people,
        pager,
        query_base,
    })
}
