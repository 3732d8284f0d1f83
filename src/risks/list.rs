//! The list of risk assessments (`/risks`).

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;

use super::model::Levels;
use super::read::{self, AssessmentRow};
use crate::{AppState, auth::Leder, error::AppResult, web::Ctx};

#[derive(Template, WebTemplate)]
#[template(path = "risks/list.html")]
pub(super) struct ListPage {
    ctx: Ctx,
    assessments: Vec<AssessmentRow>,
    can_edit: bool,
    /// The municipality's levels, which every matrix and table uses.
    levels: Levels,
    can_set_levels: bool,
}

pub(super) async fn list(ctx: Ctx, State(state): State<AppState>) -> AppResult<ListPage> {
    let assessments = read::assessments(
        &state.db,
        ctx.user.municipality_id,
        ctx.user.can_read_confidential(),
    )
    .await?;
    let levels = read::levels(&state.db, ctx.user.municipality_id).await?;
    Ok(ListPage {
        can_edit: ctx.user.can_edit_plan(),
        can_set_levels: ctx.user.can(Leder::ROLES),
        levels,
        ctx,
        assessments,
    })
}
