//! A person's capacity for the action plan (`/people/{id}/capacity`): the own-effort hours per
//! quarter the dashboard sets their committed hours against. The person sets their own; an
//! admin anyone's.

use axum::{
    extract::{Path, State},
    response::{IntoResponse, Response},
};
use tower_sessions::Session;

use super::{
    model::CapacityForm,
    show::{may_set_capacity, person_page},
    store,
};
use crate::{
    AppState,
    audit::Actor,
    auth::{Admin, CurrentUser},
    error::AppResult,
    i18n::Msg,
    web::{Ctx, FlashKind, Form, flash_redirect},
};

pub(super) async fn set(
    user: CurrentUser,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    Form(f): Form<CapacityForm>,
) -> AppResult<Response> {
    // Load first: another municipality's person is a 404, not a 403.
    {
        let mut conn = state.db.acquire().await?;
        super::read::person(&mut conn, user.municipality_id, id).await?;
    }
    user.require_that(may_set_capacity(&user, id), Admin::ROLES)?;
    let capacity = match f.validate() {
        Ok(c) => c,
        Err(errors) => {
            return Ok(person_page(&state, ctx, id, Some(f), errors)
                .await?
                .into_response());
        }
    };
    let mut tx = state.db.begin().await?;
    let changed = store::set_capacity(&mut tx, Actor::from(&user), id, capacity).await?;
    tx.commit().await?;
    let (kind, msg) = if changed {
        (FlashKind::Success, "org-capacity-saved")
    } else {
        (FlashKind::Info, "org-unchanged")
    };
    Ok(flash_redirect(&session, kind, Msg::new(msg), &format!("/people/{id}")).await)
}
