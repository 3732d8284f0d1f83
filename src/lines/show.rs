//! One location (`/locations/{id}`): its lines and the measures that will change it.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};

use super::read::{self, Location};
use crate::{AppState, auth::Confidential, domain::today, error::AppResult, web::Ctx};

#[derive(Template, WebTemplate)]
#[template(path = "lines/show.html")]
pub struct ShowPage {
    pub ctx: Ctx,
    pub location: Location,
}

pub(super) async fn page(
    _who: Confidential,
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<ShowPage> {
    let location = read::location(&state.db, ctx.user.municipality_id, id, today()).await?;
    Ok(ShowPage { ctx, location })
}
