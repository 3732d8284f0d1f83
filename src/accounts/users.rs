//! The admin's user pages: list, create, set roles, deactivate, set a new password.

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    extract::{Path, State},
    response::{IntoResponse, Response},
};
use serde::Deserialize;
use tower_sessions::Session;

pub use super::model::{MunicipalitySnapshot, UserSnapshot};
use super::{
    model::{UNIQUE, UserForm},
    read::{self, UserRow},
    store,
};
use crate::{
    AppState,
    audit::Actor,
    auth::{Admin, Role, RoleSet, password},
    error::AppResult,
    i18n::{Msg, k},
    web::{Ctx, FlashKind, Form, FormErrors, flash_redirect, on_constraint},
};

#[derive(Template, WebTemplate)]
#[template(path = "admin/users.html")]
pub(super) struct ListPage {
    ctx: Ctx,
    users: Vec<UserRow>,
}

pub(super) async fn list(_: Admin, ctx: Ctx, State(state): State<AppState>) -> AppResult<ListPage> {
    let users = read::users(&state.db, ctx.user.municipality_id).await?;
    Ok(ListPage { ctx, users })
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/user_form.html")]
pub(super) struct FormPage {
    ctx: Ctx,
    /// None when creating.
    user: Option<UserRow>,
    username: String,
    email: String,
    display_name: String,
    roles: RoleSet,
    errors: FormErrors,
    all_roles: [Role; 5],
}

impl FormPage {
    /// The form as typed, with its errors.
    fn again(ctx: Ctx, user: Option<UserRow>, form: UserForm, errors: FormErrors) -> FormPage {
        FormPage {
            ctx,
            user,
            roles: form.roles(),
            username: form.username,
            email: form.email,
            display_name: form.display_name,
            errors,
            all_roles: Role::ALL,
        }
    }

    fn checked(&self, role: &Role) -> bool {
        self.roles.has(*role)
    }
}

pub(super) async fn new_form(_: Admin, ctx: Ctx) -> AppResult<FormPage> {
    Ok(FormPage::again(
        ctx,
        None,
        UserForm::default(),
        FormErrors::default(),
    ))
}

pub(super) async fn edit_form(
    _: Admin,
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<FormPage> {
    let user = read::user(&state.db, ctx.user.municipality_id, id).await?;
    let form = UserForm {
        username: user.username.clone(),
        email: user.email.clone(),
        display_name: user.display_name.clone(),
        password: None,
        roles: user.roles.codes(),
    };
    Ok(FormPage::again(
        ctx,
        Some(user),
        form,
        FormErrors::default(),
    ))
}

pub(super) async fn create(
    Admin(admin): Admin,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Form(mut form): Form<UserForm>,
) -> AppResult<Response> {
    // The create form always has a password field; an absent one is an empty one.
    form.password.get_or_insert_default();
    let valid = match form.validate() {
        Ok(v) => v,
        Err(errors) => return Ok(FormPage::again(ctx, None, form, errors).into_response()),
    };
    let hash = password::hash(valid.password.clone().unwrap_or_default()).await?;
    let mut tx = state.db.begin().await?;
    if let Err(e) = store::insert_user(&mut tx, Actor::from(&admin), &valid, &hash).await {
        let errors = on_constraint(e, UNIQUE)?;
        return Ok(FormPage::again(ctx, None, form, errors).into_response());
    }
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        Msg::with("users-created", [("username", valid.username.into())]),
        "/admin/users",
    )
    .await)
}

pub(super) async fn update(
    Admin(admin): Admin,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    Form(mut form): Form<UserForm>,
) -> AppResult<Response> {
    form.password = None;
    let before = read::user(&state.db, admin.municipality_id, id).await?;
    let valid = form.validate().and_then(|v| {
        if id == admin.user_id && !v.roles.has(Role::Admin) {
            let mut errors = FormErrors::default();
            errors.add("roles", Msg::new("users-keep-own-admin"));
            Err(errors)
        } else {
            Ok(v)
        }
    });
    let valid = match valid {
        Ok(v) => v,
        Err(errors) => {
            return Ok(FormPage::again(ctx, Some(before), form, errors).into_response());
        }
    };
    let mut tx = state.db.begin().await?;
    if let Err(e) = store::update_user(&mut tx, Actor::from(&admin), &before, &valid).await {
        let errors = on_constraint(e, UNIQUE)?;
        return Ok(FormPage::again(ctx, Some(before), form, errors).into_response());
    }
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        Msg::with("users-saved", [("username", valid.username.into())]),
        "/admin/users",
    )
    .await)
}

#[derive(Deserialize)]
pub(super) struct PasswordForm {
    #[serde(default)]
    password: String,
}

pub(super) async fn set_password(
    Admin(admin): Admin,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    Form(form): Form<PasswordForm>,
) -> AppResult<Response> {
    let target = read::user(&state.db, admin.municipality_id, id).await?;
    let back = format!("/admin/users/{id}");
    if let Some(msg) = password::weakness(&form.password) {
        return Ok(flash_redirect(
            &session,
            FlashKind::Danger,
            Msg::with("users-password-not-set", [("reason", msg.into())]),
            &back,
        )
        .await);
    }
    let hash = password::hash(form.password).await?;
    let mut tx = state.db.begin().await?;
    store::set_password(&mut tx, Actor::from(&admin), &target, &hash).await?;
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        Msg::with("users-password-set", [("username", target.username.into())]),
        &back,
    )
    .await)
}

#[derive(Deserialize)]
pub(super) struct ActiveForm {
    #[serde(default)]
    active: String,
}

pub(super) async fn set_active(
    Admin(admin): Admin,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    Form(form): Form<ActiveForm>,
) -> AppResult<Response> {
    let before = read::user(&state.db, admin.municipality_id, id).await?;
    let active = form.active == "true";
    let back = format!("/admin/users/{id}");
    if id == admin.user_id && !active {
        return Ok(flash_redirect(
            &session,
            FlashKind::Danger,
            Msg::new("users-keep-own-access"),
            &back,
        )
        .await);
    }
    let mut tx = state.db.begin().await?;
    store::set_active(&mut tx, Actor::from(&admin), &before, active).await?;
    tx.commit().await?;
    let key = if active {
        k("users-activated")
    } else {
        k("users-deactivated")
    };
    let text = Msg::with(key, [("username", before.username.into())]);
    Ok(flash_redirect(&session, FlashKind::Success, text, &back).await)
}
