//! The line inventory (`/locations`): one row per line, filtered, sorted and paged by the query
//! string, with flags in words and the totals.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use serde::Deserialize;

use super::{
    model::{LineType, Ownership},
    read::{self, Filter, Listing, Totals},
};
use crate::{
    AppState,
    auth::Confidential,
    domain::today,
    error::AppResult,
    web::{Ctx, Pager, pager::query_base},
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
    pub line_types: &'static [LineType],
    pub ownerships: &'static [Ownership],
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
    let page = Pager::requested(paging.page);
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
    let pager = Pager::of(page, listing.rows.len(), PER_PAGE, listing.total);
    Ok(ListPage {
        query_base: query_base(&filter.query(), filter.sort_key(), filter.descending()),
        totals: read::totals(&state.db, m).await?,
        listing,
        filter,
        pager,
        line_types: LineType::ALL,
        ownerships: Ownership::ALL,
        ctx,
    })
}
