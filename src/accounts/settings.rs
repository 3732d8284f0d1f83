//! The municipality's settings (admins): its målform, which decides the interface language of
//! every user who has not chosen one.

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    extract::State,
    response::{IntoResponse, Response},
};
use tower_sessions::Session;

use super::{model::SettingsForm, store};
use crate::{
    AppState,
    audit::Actor,
    auth::Admin,
    error::AppResult,
    i18n::{Malform, Msg},
    web::{Ctx, FlashKind, Form, FormErrors, flash_redirect},
};

#[derive(Template, WebTemplate)]
#[template(path = "admin/settings.html")]
pub(super) struct SettingsPage {
    ctx: Ctx,
    malform: String,
    errors: FormErrors,
    all: [Malform; 3],
}

impl SettingsPage {
    fn chosen(&self, m: &Malform) -> bool {
        self.malform == m.code()
    }
}

pub(super) async fn show(_: Admin, ctx: Ctx) -> AppResult<SettingsPage> {
    Ok(SettingsPage {
        malform: ctx.user.malform.code().to_string(),
        ctx,
        errors: FormErrors::default(),
        all: Malform::ALL,
    })
}

pub(super) async fn update(
    Admin(admin): Admin,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Form(form): Form<SettingsForm>,
) -> AppResult<Response> {
    let malform = match form.validate() {
        Ok(m) => m,
        Err(errors) => {
            return Ok(SettingsPage {
                ctx,
                malform: form.malform,
                errors,
                all: Malform::ALL,
            }
            .into_response());
        }
    };
    let mut tx = state.db.begin().await?;
    store::set_malform(&mut tx, Actor::from(&admin), malform).await?;
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        Msg::new("settings-saved"),
        "/admin/settings",
    )
    .await)
}
