//! «Min profil»: every user's own name, e-mail, interface language and password, and the
//! secret address of their calendar feed of report due dates (`reports::calendar`).

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    extract::State,
    http::HeaderMap,
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
    reports::calendar,
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
    /// The user's calendar feed, once they have made one.
    calendar_url: Option<String>,
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
    calendar_url: Option<String>,
) -> ProfilePage {
    ProfilePage {
        calendar_url,
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

/// The address of the user's calendar feed, if they have made one.
async fn calendar_url(
    state: &AppState,
    user: &CurrentUser,
    headers: &HeaderMap,
) -> AppResult<Option<String>> {
    let token = sqlx::query_scalar!(
        "select calendar_token from app_user where app_user_id = $1 and municipality_id = $2",
        user.user_id,
        user.municipality_id
    )
    .fetch_one(&state.db)
    .await?;
    Ok(token.map(|t| calendar::feed_url(&calendar::base_url(state, headers), &t)))
}

pub(super) async fn show(
    ctx: Ctx,
    State(state): State<AppState>,
    headers: HeaderMap,
) -> AppResult<ProfilePage> {
    let form = saved_form(&state, &ctx.user).await?;
    let calendar = calendar_url(&state, &ctx.user, &headers).await?;
    Ok(page(
        ctx,
        form,
        FormErrors::default(),
        FormErrors::default(),
        calendar,
    ))
}

pub(super) async fn update(
    user: CurrentUser,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    Form(form): Form<ProfileForm>,
) -> AppResult<Response> {
    let calendar = calendar_url(&state, &user, &headers).await?;
    let valid = match form.validate() {
        Ok(v) => v,
        Err(errors) => {
            return Ok(page(ctx, form, errors, FormErrors::default(), calendar).into_response());
        }
    };
    let before = read::user(&state.db, user.municipality_id, user.user_id).await?;
    let mut tx = state.db.begin().await?;
    if let Err(e) = store::update_profile(&mut tx, Actor::from(&user), &before, &valid).await {
        let errors = on_constraint(e, UNIQUE)?;
        return Ok(page(ctx, form, errors, FormErrors::default(), calendar).into_response());
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
    headers: HeaderMap,
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
        let calendar = calendar_url(&state, &user, &headers).await?;
        return Ok(page(ctx, saved, FormErrors::default(), errors, calendar).into_response());
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

/// The secret part of a calendar feed's address: 43 random letters and digits (256 bits).
fn new_calendar_token() -> String {
    use rand::{Rng, distr::Alphanumeric};
    rand::rng()
        .sample_iter(&Alphanumeric)
        .take(43)
        .map(char::from)
        .collect()
}

/// «Lag kalenderadresse» / «Lag ny adresse»: a new token, so any address given out before
/// stops working; audited (that it was renewed and when, never the token).
pub(super) async fn renew_calendar(
    user: CurrentUser,
    State(state): State<AppState>,
    session: Session,
) -> AppResult<Response> {
    let row = read::user(&state.db, user.municipality_id, user.user_id).await?;
    let mut tx = state.db.begin().await?;
    let had =
        store::set_calendar_token(&mut tx, Actor::from(&user), &row, &new_calendar_token()).await?;
    tx.commit().await?;
    let msg = if had {
        Msg::new("profile-calendar-renewed")
    } else {
        Msg::new("profile-calendar-made")
    };
    Ok(flash_redirect(&session, FlashKind::Success, msg, "/profile").await)
}
