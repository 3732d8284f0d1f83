//! The line inventory (`/locations`): one row per line, filtered, sorted and paged by the query
//! string, with flags in words and the totals.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use serde::Deserialize;

use super::read::{self, Filter, LINE_TYPES, Listing, OWNERSHIPS, Totals};
use crate::{
    AppState,
    auth::Confidential,
    domain::today,
    error::AppResult,
    web::{Ctx, Pager},
};

const PER_PAGE: i64 = 50;

#[derive(Deserialize)]
pub struct Paging {
    #[serde(default)]
    page: Option<i64>,
}

#[derive(Template, WebTemplate)]
#[template(path = "lines/list.html")]
pub struct ListPage {
    pub ctx: Ctx,
    pub listing: Listing,
    pub totals: Totals,
    pub filter: Filter,
    pub pager: Pager,
    pub query_base: String,
    pub line_types: &'static [&'static str],
    pub ownerships: &'static [&'static str],
}

impl ListPage {
    pub fn is(&self, value: &str, chosen: &str) -> bool {
        value == chosen
    }
}

pub(super) async fn list(
    _who: Confidential,
    ctx: Ctx,
    State(state): State<AppState>,
    Query(filter): Query<Filter>,
    Query(paging): Query<Paging>,
) -> AppResult<ListPage> {
    let filter = filter.cleaned();
    let m = ctx.user.municipality_id;
    let page = paging.page.unwrap_or(1).clamp(1, 1_000_000);
    let mut listing = read::list(
        &state.db,
        m,
        &filter,
        today(),
        (page - 1) * PER_PAGE,
        PER_PAGE,
    )
    .await?;
    if listing.rows.is_empty() && page > 1 {
        listing = read::list(&state.db, m, &filter, today(), 0, PER_PAGE).await?;
    }
    let pager = Pager::new(
        if listing.rows.is_empty() {
            Some(1)
        } else {
            Some(page)
        },
        PER_PAGE,
        listing.total,
    );
    let q = filter.query();
    let order = format!(
        "sort={}&dir={}",
        filter.sort_key(),
        if filter.descending() { "desc" } else { "asc" }
    );
    Ok(ListPage {
        query_base: if q.is_empty() {
            order
        } else {
            format!("{q}&{order}")
        },
        totals: read::totals(&state.db, m).await?,
        listing,
        filter,
        pager,
        line_types: &LINE_TYPES,
        ownerships: &OWNERSHIPS,
        ctx,
    })
}
