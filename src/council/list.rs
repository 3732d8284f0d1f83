//! `/acquisitions`: the municipality's requests, with the tabs each role works from («mine»,
//! «needs my assessment», «awaiting RLT») and filters by state, unit and financing.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};

use super::{
    model::{Financing, State as ReqState},
    read::{self, Filter, PER_PAGE, Row, Tab},
};
use crate::{
    AppState,
    error::AppResult,
    web::{Ctx, Pager},
};

#[derive(Template, WebTemplate)]
#[template(path = "acquisitions/list.html")]
pub(super) struct ListPage {
    ctx: Ctx,
    rows: Vec<Row>,
    filter: Filter,
    tab: Tab,
    tabs: Vec<(Tab, &'static str)>,
    units: Vec<(i64, String)>,
    states: &'static [ReqState],
    financings: &'static [Financing],
    pager: Pager,
    query_base: String,
}

impl ListPage {
    fn tab_href(&self, t: &Tab) -> String {
        format!("/acquisitions?{}", self.filter.query(*t))
    }
    fn unit_picked(&self, id: &i64) -> bool {
        self.filter.unit() == Some(*id)
    }
    fn state_picked(&self, s: &ReqState) -> bool {
        self.filter.state() == Some(*s)
    }
    fn financing_picked(&self, f: &Financing) -> bool {
        self.filter.financing() == Some(*f)
    }
}

pub(super) async fn list(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(filter): Query<Filter>,
) -> AppResult<ListPage> {
    let member = read::membership(&state.db, &ctx.user).await?;
    let page = Pager::requested(filter.page());
    let m = member.map(|(id, _)| id);
    let (mut rows, mut total) =
        read::list(&state.db, &ctx.user, m, &filter, (page - 1) * PER_PAGE).await?;
    if rows.is_empty() && page > 1 {
        (rows, total) = read::list(&state.db, &ctx.user, m, &filter, 0).await?;
    }
    let pager = Pager::of(page, rows.len(), PER_PAGE, total);
    let mut tabs = vec![
        (Tab::All, "council-tab-all"),
        (Tab::Mine, "council-tab-mine"),
    ];
    if member.is_some() {
        tabs.push((Tab::Assess, "council-tab-assess"));
    }
    tabs.push((Tab::Rlt, "council-tab-rlt"));
    let tab = filter.tab();
    Ok(ListPage {
        query_base: filter.query(tab),
        units: crate::org::read::unit_names(&state.db, ctx.user.municipality_id).await?,
        rows,
        tab,
        tabs,
        filter,
        states: ReqState::ALL,
        financings: Financing::ALL,
        pager,
        ctx,
    })
}
