//! POST `/locations/threshold`: the municipality's Mbps per user below which a location is
//! flagged.

use axum::{extract::State, response::Response};
use tower_sessions::Session;

use super::{model::ThresholdForm, store};
use crate::{
    AppState,
    audit::Actor,
    auth::Editor,
    domain::Mbps,
    error::AppResult,
    i18n::Msg,
    web::{FlashKind, Form, flash_redirect},
};

pub(super) async fn set(
    Editor(user): Editor,
    State(state): State<AppState>,
    session: Session,
    Form(f): Form<ThresholdForm>,
) -> AppResult<Response> {
    let value = match Mbps::parse(&f.threshold) {
        Ok(v) if v.0 <= rust_decimal::Decimal::from(10_000) => v,
        Ok(_) => {
            return Ok(flash_redirect(
                &session,
                FlashKind::Danger,
                Msg::new("lines-threshold-too-large"),
                "/locations",
            )
            .await);
        }
        Err(m) => return Ok(flash_redirect(&session, FlashKind::Danger, m, "/locations").await),
    };
    let mut tx = state.db.begin().await?;
    let changed = store::set_threshold(&mut tx, Actor::from(&user), value).await?;
    tx.commit().await?;
    let msg = if changed {
        Msg::with(
            "lines-threshold-saved",
            [("threshold", value.plain().into())],
        )
    } else {
        Msg::new("lines-threshold-unchanged")
    };
    Ok(flash_redirect(&session, FlashKind::Success, msg, "/locations").await)
}
