//! `/notifications`: what the reader has been told about their requests, newest first; the
//! same notices go out by e-mail through the reminder loop.

use askama::Template;
use askama_web::WebTemplate;
use axum::{extract::State, response::Response};
use tower_sessions::Session;

use super::{
    read::{self, Notification},
    store,
};
use crate::{
    AppState,
    auth::CurrentUser,
    error::AppResult,
    i18n::Msg,
    web::{Ctx, FlashKind, flash_redirect},
};

#[derive(Template, WebTemplate)]
#[template(path = "council/notifications.html")]
pub(super) struct NotificationsPage {
    ctx: Ctx,
    items: Vec<Notification>,
}

impl NotificationsPage {
    fn unread(&self) -> bool {
        self.items.iter().any(|n| !n.read)
    }
}

pub(super) async fn page(ctx: Ctx, State(state): State<AppState>) -> AppResult<NotificationsPage> {
    Ok(NotificationsPage {
        items: read::notifications(&state.db, &ctx.user).await?,
        ctx,
    })
}

pub(super) async fn mark_read(
    user: CurrentUser,
    State(state): State<AppState>,
    session: Session,
) -> AppResult<Response> {
    let mut tx = state.db.begin().await?;
    store::mark_read(&mut tx, &user).await?;
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        Msg::new("council-notifications-marked"),
        "/notifications",
    )
    .await)
}
