//! The municipality's risk levels (`/risks/levels`): the highest RF that is low, and the
//! highest that is medium; above that a risk is high. Every matrix, table and risk page reads
//! them from `municipality`.
//!
//! Only the leder (rådmann) sets them. The limits say which risks the municipality calls high,
//! which is its risk appetite: a management decision, like accepting a risk (also the leder's
//! alone), not an administrator's setting. IKT staff score risks; they do not move the line
//! that decides how serious their own scores look.

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    extract::State,
    response::{IntoResponse, Response},
};
use tower_sessions::Session;

use super::{
    model::{Levels, LevelsForm},
    read, store,
};
use crate::{
    AppState,
    audit::Actor,
    auth::Leder,
    error::AppResult,
    i18n::Msg,
    web::{Ctx, FlashKind, Form, FormErrors, flash_redirect},
};

#[derive(Template, WebTemplate)]
#[template(path = "risks/levels.html")]
pub(super) struct LevelsPage {
    ctx: Ctx,
    f: LevelsForm,
    /// As saved: what the explanation says.
    saved: Levels,
    errors: FormErrors,
}

pub(super) async fn page(
    Leder(user): Leder,
    ctx: Ctx,
    State(state): State<AppState>,
) -> AppResult<LevelsPage> {
    let saved = read::levels(&state.db, user.municipality_id).await?;
    Ok(LevelsPage {
        ctx,
        f: LevelsForm {
            low_max: saved.low_max.to_string(),
            medium_max: saved.medium_max.to_string(),
        },
        saved,
        errors: FormErrors::default(),
    })
}

pub(super) async fn save(
    Leder(user): Leder,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Form(f): Form<LevelsForm>,
) -> AppResult<Response> {
    let levels = match f.validate() {
        Ok(l) => l,
        Err(errors) => {
            let saved = read::levels(&state.db, user.municipality_id).await?;
            return Ok(LevelsPage {
                ctx,
                f,
                saved,
                errors,
            }
            .into_response());
        }
    };
    let mut tx = state.db.begin().await?;
    let changed = store::set_levels(&mut tx, Actor::from(&user), levels).await?;
    tx.commit().await?;
    let msg = if changed {
        Msg::with(
            "risks-levels-saved",
            [
                ("low", levels.low_max.into()),
                ("medium", levels.medium_max.into()),
            ],
        )
    } else {
        Msg::new("risks-levels-unchanged")
    };
    Ok(flash_redirect(&session, FlashKind::Success, msg, "/risks").await)
}
