//! The search page: the form, and the results grouped by kind.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};

use super::read::{self, Group};
use crate::{AppState, error::AppResult, web::Ctx};

#[derive(Template, WebTemplate)]
#[template(path = "search/page.html")]
pub(super) struct SearchPage {
    ctx: Ctx,
    /// The search text as searched (cleaned); empty: the form alone.
    q: String,
    groups: Vec<Group>,
    /// Results in all kinds.
    total: i64,
}

/// `/search?q=…`. The query string is read as pairs (the first `q` counts), so no query string
/// is refused: a repeated or missing `q` is not a 400.
pub(super) async fn page(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(params): Query<Vec<(String, String)>>,
) -> AppResult<SearchPage> {
    let q = params
        .iter()
        .find(|(k, _)| k == "q")
        .map(|(_, v)| read::cleaned(v))
        .unwrap_or_default();
    let groups = read::search(&state.db, &ctx.user, &q).await?;
    Ok(SearchPage {
        total: groups.iter().map(|g| g.total).sum(),
        groups,
        q,
        ctx,
    })
}
