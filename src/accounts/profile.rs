//! «Min profil»: every user's own name, e-mail, interface language and password.

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    extract::State,
    response::{IntoResponse, Response},
};
use serde::Deserialize;
use tower_sessions::Session;

use super::{
    model::{ProfileForm, UNIQUE},
    read, store,
};
use crate::{
    AppState,
    audit::Actor,
    auth::{CurrentUser, password},
    error::AppResult,
    i18n::{Lang, Msg},
    web::{Ctx, FlashKind, Form, FormErrors, flash_redirect, on_constraint},
};

#[derive(Template, WebTemplate)]
#[template(path = "accounts/profile.html")]
pub(super) struct ProfilePage {
    ctx: Ctx,
    display_name: String,
    email: String,
    /// "", "nb" or "nn", as the select shows it.
    language: String,
    /// The municipality's målform's language: what "follow the municipality" gives.
    municipality_lang: Lang,
    errors: FormErrors,
    password_errors: FormErrors,
    all_langs: [Lang; 2],
}

impl ProfilePage {
    fn chosen(&self, code: &str) -> bool {
        self.language == code
    }
}

fn page(
    ctx: Ctx,
    form: ProfileForm,
    errors: FormErrors,
    password_errors: FormErrors,
) -> ProfilePage {
    ProfilePage {
        municipality_lang: ctx.user.malform.lang(),
        display_name: form.display_name,
        email: form.email,
        language: form.language,
        errors,
        password_errors,
        all_langs: Lang::ALL,
        ctx,
    }
}

async fn saved_form(state: &AppState, user: &CurrentUser) -> AppResult<ProfileForm> {
    let row = read::user(&state.db, user.municipality_id, user.user_id).await?;
    Ok(ProfileForm {
        display_name: row.display_name,
        email: row.email,
        language: row.language.unwrap_or_default(),
    })
}

pub(super) async fn show(ctx: Ctx, State(state): State<AppState>) -> AppResult<ProfilePage> {
    let form = saved_form(&state, &ctx.user).await?;
    Ok(page(
        ctx,
        form,
        FormErrors::default(),
        FormErrors::default(),
    ))
}

pub(super) async fn update(
    user: CurrentUser,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Form(form): Form<ProfileForm>,
) -> AppResult<Response> {
    let valid = match form.validate() {
        Ok(v) => v,
        Err(errors) => {
            return Ok(page(ctx, form, errors, FormErrors::default()).into_response());
        }
    };
    let before = read::user(&state.db, user.municipality_id, user.user_id).await?;
    let mut tx = state.db.begin().await?;
    if let Err(e) = store::update_profile(&mut tx, Actor::from(&user), &before, &valid).await {
        let errors = on_constraint(e, UNIQUE)?;
        return Ok(page(ctx, form, errors, FormErrors::default()).into_response());
    }
    tx.commit().await?;
    // The message is shown on the next page, in the language just chosen.
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        Msg::new("profile-saved"),
        "/profile",
    )
    .await)
}

#[derive(Deserialize)]
pub(super) struct PasswordForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
}

pub(super) async fn change_password(
    user: CurrentUser,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Form(form): Form<PasswordForm>,
) -> AppResult<Response> {
    let hash = sqlx::query_scalar!(
        "select password_hash from app_user where app_user_id = $1",
        user.user_id
    )
    .fetch_one(&state.db)
    .await?;
    let mut errors = FormErrors::default();
    if !password::verify(form.current_password.clone(), Some(hash)).await? {
        errors.add("current_password", Msg::new("profile-password-wrong"));
    }
    if let Some(msg) = password::weakness(&form.new_password) {
        errors.add("new_password", msg);
    }
    if !errors.is_empty() {
        let saved = saved_form(&state, &user).await?;
        return Ok(page(ctx, saved, FormErrors::default(), errors).into_response());
    }
    let row = read::user(&state.db, user.municipality_id, user.user_id).await?;
    let new_hash = password::hash(form.new_password).await?;
    let mut tx = state.db.begin().await?;
    store::set_password(&mut tx, Actor::from(&user), &row, &new_hash).await?;
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        Msg::new("profile-password-changed"),
        "/profile",
    )
    .await)
}
