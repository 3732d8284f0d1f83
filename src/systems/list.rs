//! The system register (`/systems`): filtered, sorted and paged by the query string, so a
//! reload or a shared link keeps the view; «Mine systemer» for a superuser.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use serde::Deserialize;

use super::{
    model::{Criticality, Lifecycle, OperatorKind},
    read::{self, Filter, Listing, Options},
};
use crate::{
    AppState,
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
#[template(path = "systems/list.html")]
pub struct ListPage {
    pub ctx: Ctx,
    pub listing: Listing,
    pub filter: Filter,
    pub options: Options,
    pub pager: Pager,
    /// The filters and the order, for the pager's links.
    pub query_base: String,
    pub lifecycles: &'static [Lifecycle],
    pub criticalities: &'static [Criticality],
    pub operators: &'static [OperatorKind],
    pub can_edit: bool,
}

impl ListPage {
    pub fn is(&self, value: &str, chosen: &str) -> bool {
        value == chosen
    }

    pub fn id_is(&self, id: &i64, chosen: &str) -> bool {
        id.to_string() == chosen
    }
}

pub(super) async fn list(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(filter): Query<Filter>,
    Query(paging): Query<Paging>,
) -> AppResult<ListPage> {
    let filter = filter.cleaned();
    let today = today();
    let page = Pager::requested(paging.page);
    let mut listing = read::list(
        &state.db,
        &ctx.user,
        &filter,
        today,
        (page - 1) * PER_PAGE,
        PER_PAGE,
    )
    .await?;
    if listing.rows.is_empty() && page > 1 {
        // A page past the end (an old link): the first page.
        listing = read::list(&state.db, &ctx.user, &filter, today, 0, PER_PAGE).await?;
    }
    let pager = Pager::of(page, listing.rows.len(), PER_PAGE, listing.total);
    Ok(ListPage {
        query_base: query_base(&filter.query(), filter.sort_key(), filter.descending()),
        options: read::options(&state.db, ctx.user.municipality_id).await?,
        can_edit: ctx.user.can_edit_plan(),
        listing,
        filter,
        pager,
        lifecycles: Lifecycle::ALL,
        criticalities: Criticality::ALL,
        operators: OperatorKind::ALL,
        ctx,
    })
}
