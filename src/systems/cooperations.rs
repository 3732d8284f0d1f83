//! The cooperations (`/cooperations`): each group, its member municipalities, the board that
//! governs it, and the systems it shares with who hosts each.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};

use super::read::{self, Cooperation};
use crate::{
    AppState,
    error::{AppError, AppResult},
    web::Ctx,
};

#[derive(Template, WebTemplate)]
#[template(path = "cooperations/list.html")]
pub struct ListPage {
    pub ctx: Ctx,
    pub cooperations: Vec<Cooperation>,
}

pub(super) async fn list(ctx: Ctx, State(state): State<AppState>) -> AppResult<ListPage> {
    Ok(ListPage {
        cooperations: read::cooperations(&state.db, ctx.user.municipality_id).await?,
        ctx,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "cooperations/show.html")]
pub struct ShowPage {
    pub ctx: Ctx,
    pub c: Cooperation,
}

pub(super) async fn page(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<ShowPage> {
    let c = read::cooperations(&state.db, ctx.user.municipality_id)
        .await?
        .into_iter()
        .find(|c| c.id == id)
        .ok_or(AppError::NotFound)?;
    Ok(ShowPage { c, ctx })
}
