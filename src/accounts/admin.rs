//! The admin's user pages: list, create, set roles, deactivate, set a new password.

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    Router,
    extract::{Path, State},
    response::{IntoResponse, Response},
    routing::{get, post},
};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use super::{CurrentUser, Role, RoleSet, password};
use crate::{
    AppState,
    audit::{self, Action},
    error::{AppError, AppResult},
    web::{Ctx, FlashKind, FormErrors, FormPairs, flash_redirect},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/users", get(list).post(create))
        .route("/admin/users/new", get(new_form))
        .route("/admin/users/{id}", get(edit_form).post(update))
        .route("/admin/users/{id}/password", post(set_password))
        .route("/admin/users/{id}/active", post(set_active))
}

/// What the audit log keeps of a user (never the password hash).
#[derive(Serialize)]
struct UserAudit<'a> {
    username: &'a str,
    email: &'a str,
    display_name: &'a str,
    roles: Vec<String>,
    active: bool,
}

pub struct UserRow {
    pub app_user_id: i64,
    pub username: String,
    pub email: String,
    pub display_name: String,
    pub roles: RoleSet,
    pub active: bool,
    pub last_login_at: Option<DateTime<Utc>>,
}

impl UserRow {
    pub fn role_labels(&self) -> String {
        let labels: Vec<&str> = self.roles.iter().map(Role::label).collect();
        if labels.is_empty() {
            "Ingen roller".into()
        } else {
            labels.join(", ")
        }
    }
    pub fn last_login(&self) -> String {
        self.last_login_at
            .map(crate::domain::format_datetime)
            .unwrap_or_else(|| "Aldri".into())
    }
}

async fn load_user(db: &sqlx::PgPool, municipality_id: i64, id: i64) -> AppResult<UserRow> {
    let r = sqlx::query!(
        r#"
        select app_user_id, username, email, display_name, roles, active,
               last_login_at as "last_login_at: DateTime<Utc>"
        from app_user where app_user_id = $1 and municipality_id = $2
        "#,
        id,
        municipality_id
    )
    .fetch_optional(db)
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(UserRow {
        app_user_id: r.app_user_id,
        username: r.username,
        email: r.email,
        display_name: r.display_name,
        roles: RoleSet::from_codes(&r.roles),
        active: r.active,
        last_login_at: r.last_login_at,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/users.html")]
struct ListPage {
    ctx: Ctx,
    users: Vec<UserRow>,
}

async fn list(ctx: Ctx, State(state): State<AppState>) -> AppResult<ListPage> {
    ctx.user.require(Role::Admin)?;
    let users = sqlx::query!(
        r#"
        select app_user_id, username, email, display_name, roles, active,
               last_login_at as "last_login_at: DateTime<Utc>"
        from app_user where municipality_id = $1
        order by active desc, display_name collate "nb-NO-x-icu", username
        "#,
        ctx.user.municipality_id
    )
    .fetch_all(&state.db)
    .await?
    .into_iter()
    .map(|r| UserRow {
        app_user_id: r.app_user_id,
        username: r.username,
        email: r.email,
        display_name: r.display_name,
        roles: RoleSet::from_codes(&r.roles),
        active: r.active,
        last_login_at: r.last_login_at,
    })
    .collect();
    Ok(ListPage { ctx, users })
}

#[derive(Default, Deserialize)]
struct UserForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    password: String,
    /// Checkbox values arrive as repeated `role` fields.
    #[serde(default, rename = "role")]
    roles: Vec<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/user_form.html")]
struct FormPage {
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
    fn checked(&self, role: &Role) -> bool {
        self.roles.has(*role)
    }
}

async fn new_form(ctx: Ctx) -> AppResult<FormPage> {
    ctx.user.require(Role::Admin)?;
    Ok(FormPage {
        ctx,
        user: None,
        username: String::new(),
        email: String::new(),
        display_name: String::new(),
        roles: RoleSet::EMPTY,
        errors: FormErrors::default(),
        all_roles: Role::ALL,
    })
}

async fn edit_form(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<FormPage> {
    ctx.user.require(Role::Admin)?;
    let user = load_user(&state.db, ctx.user.municipality_id, id).await?;
    Ok(FormPage {
        username: user.username.clone(),
        email: user.email.clone(),
        display_name: user.display_name.clone(),
        roles: user.roles,
        user: Some(user),
        ctx,
        errors: FormErrors::default(),
        all_roles: Role::ALL,
    })
}

fn parse_roles(codes: &[String], errors: &mut FormErrors) -> RoleSet {
    if codes.iter().any(|c| Role::parse(c).is_none()) {
        errors.add("roles", "Ukjent rolle valgt.");
    }
    RoleSet::from_codes(codes)
}

fn validate_profile(form: &UserForm, errors: &mut FormErrors) -> (String, String, String) {
    let username = form.username.trim().to_lowercase();
    let email = form.email.trim().to_lowercase();
    let display_name = form.display_name.trim().to_string();
    if username.len() < 2 || username.len() > 64 {
        errors.add("username", "Brukernavnet må ha mellom 2 og 64 tegn.");
    } else if !username
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
    {
        errors.add(
            "username",
            "Brukernavnet kan bare ha bokstavene a–z, sifre, punktum, bindestrek og understrek.",
        );
    }
    if !email.contains('@') || email.starts_with('@') || email.ends_with('@') || email.contains(' ')
    {
        errors.add(
            "email",
            "Skriv en gyldig e-postadresse, for eksempel navn@kommune.no.",
        );
    }
    if display_name.is_empty() {
        errors.add("display_name", "Skriv personens navn.");
    }
    (username, email, display_name)
}

/// A unique violation on username or e-mail becomes a message next to that field.
fn unique_violation(e: &sqlx::Error, errors: &mut FormErrors) -> bool {
    let Some(db) = e.as_database_error() else {
        return false;
    };
    match db.constraint() {
        Some("app_user_username_key") => errors.add("username", "Brukernavnet er allerede i bruk."),
        Some("app_user_email_key") => errors.add("email", "E-postadressen er allerede i bruk."),
        _ => return false,
    }
    true
}

async fn create(
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    form: FormPairs,
) -> AppResult<Response> {
    ctx.user.require(Role::Admin)?;
    let form = UserForm::from(form);
    let mut errors = FormErrors::default();
    let (username, email, display_name) = validate_profile(&form, &mut errors);
    let roles = parse_roles(&form.roles, &mut errors);
    if let Some(msg) = password::weakness(&form.password) {
        errors.add("password", msg);
    }
    let again = |ctx, errors| FormPage {
        ctx,
        user: None,
        username: form.username.clone(),
        email: form.email.clone(),
        display_name: form.display_name.clone(),
        roles,
        errors,
        all_roles: Role::ALL,
    };
    if !errors.is_empty() {
        return Ok(again(ctx, errors).into_response());
    }
    let hash = password::hash(form.password.clone()).await?;
    let mut tx = state.db.begin().await?;
    let inserted = sqlx::query_scalar!(
        r#"
        insert into app_user (municipality_id, username, email, display_name, password_hash, roles)
        values ($1, $2, $3, $4, $5, $6) returning app_user_id
        "#,
        ctx.user.municipality_id,
        username,
        email,
        display_name,
        hash,
        &roles.codes()
    )
    .fetch_one(&mut *tx)
    .await;
    let id = match inserted {
        Ok(id) => id,
        Err(e) if unique_violation(&e, &mut errors) => {
            return Ok(again(ctx, errors).into_response());
        }
        Err(e) => return Err(e.into()),
    };
    let after = UserAudit {
        username: &username,
        email: &email,
        display_name: &display_name,
        roles: roles.codes(),
        active: true,
    };
    audit::record(
        &mut tx,
        &ctx.user,
        Action::Create,
        "app_user",
        id,
        None::<&()>,
        Some(&after),
    )
    .await?;
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        format!("Brukeren {username} er opprettet."),
        "/admin/users",
    )
    .await)
}

async fn update(
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    form: FormPairs,
) -> AppResult<Response> {
    ctx.user.require(Role::Admin)?;
    let form = UserForm::from(form);
    let before = load_user(&state.db, ctx.user.municipality_id, id).await?;
    let mut errors = FormErrors::default();
    let (username, email, display_name) = validate_profile(&form, &mut errors);
    let roles = parse_roles(&form.roles, &mut errors);
    if id == ctx.user.user_id && !roles.has(Role::Admin) {
        errors.add(
            "roles",
            "Du kan ikke fjerne administratorrollen fra deg selv.",
        );
    }
    let again = |ctx, errors, before| FormPage {
        ctx,
        user: Some(before),
        username: form.username.clone(),
        email: form.email.clone(),
        display_name: form.display_name.clone(),
        roles,
        errors,
        all_roles: Role::ALL,
    };
    if !errors.is_empty() {
        return Ok(again(ctx, errors, before).into_response());
    }
    let mut tx = state.db.begin().await?;
    let res = sqlx::query!(
        r#"
        update app_user set username = $3, email = $4, display_name = $5, roles = $6, updated_at = now()
        where app_user_id = $1 and municipality_id = $2
        "#,
        id,
        ctx.user.municipality_id,
        username,
        email,
        display_name,
        &roles.codes()
    )
    .execute(&mut *tx)
    .await;
    match res {
        Ok(_) => {}
        Err(e) if unique_violation(&e, &mut errors) => {
            return Ok(again(ctx, errors, before).into_response());
        }
        Err(e) => return Err(e.into()),
    }
    audit::record(
        &mut tx,
        &ctx.user,
        Action::Update,
        "app_user",
        id,
        Some(&audit_of(&before)),
        Some(&UserAudit {
            username: &username,
            email: &email,
            display_name: &display_name,
            roles: roles.codes(),
            active: before.active,
        }),
    )
    .await?;
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        format!("Endringene for {username} er lagret."),
        "/admin/users",
    )
    .await)
}

fn audit_of(u: &UserRow) -> UserAudit<'_> {
    UserAudit {
        username: &u.username,
        email: &u.email,
        display_name: &u.display_name,
        roles: u.roles.codes(),
        active: u.active,
    }
}

#[derive(Deserialize)]
struct PasswordForm {
    password: String,
}

async fn set_password(
    user: CurrentUser,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    axum::Form(form): axum::Form<PasswordForm>,
) -> AppResult<Response> {
    user.require(Role::Admin)?;
    let target = load_user(&state.db, user.municipality_id, id).await?;
    let back = format!("/admin/users/{id}");
    if let Some(msg) = password::weakness(&form.password) {
        return Ok(flash_redirect(
            &session,
            FlashKind::Danger,
            format!("Passordet ble ikke endret: {msg}"),
            &back,
        )
        .await);
    }
    let hash = password::hash(form.password).await?;
    let mut tx = state.db.begin().await?;
    sqlx::query!(
        r#"update app_user set password_hash = $3, updated_at = now() where app_user_id = $1 and municipality_id = $2"#,
        id,
        user.municipality_id,
        hash
    )
    .execute(&mut *tx)
    .await?;
    // The audit row says that the password changed, never what it is.
    audit::record(
        &mut tx,
        &user,
        Action::Update,
        "app_user",
        id,
        Some(&serde_json::json!({"passord": "(skjult)"})),
        Some(&serde_json::json!({"passord": "(nytt passord satt)"})),
    )
    .await?;
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        format!("Nytt passord er satt for {}.", target.username),
        &back,
    )
    .await)
}

#[derive(Deserialize)]
struct ActiveForm {
    active: String,
}

async fn set_active(
    user: CurrentUser,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    axum::Form(form): axum::Form<ActiveForm>,
) -> AppResult<Response> {
    user.require(Role::Admin)?;
    let before = load_user(&state.db, user.municipality_id, id).await?;
    let active = form.active == "true";
    let back = format!("/admin/users/{id}");
    if id == user.user_id && !active {
        return Ok(flash_redirect(
            &session,
            FlashKind::Danger,
            "Du kan ikke deaktivere deg selv.",
            &back,
        )
        .await);
    }
    let mut tx = state.db.begin().await?;
    sqlx::query!(
        r#"update app_user set active = $3, updated_at = now() where app_user_id = $1 and municipality_id = $2"#,
        id,
        user.municipality_id,
        active
    )
    .execute(&mut *tx)
    .await?;
    let mut after = audit_of(&before);
    after.active = active;
    audit::record(
        &mut tx,
        &user,
        Action::Update,
        "app_user",
        id,
        Some(&audit_of(&before)),
        Some(&after),
    )
    .await?;
    tx.commit().await?;
    let text = if active {
        format!("{} er aktivert igjen.", before.username)
    } else {
        format!(
            "{} er deaktivert og kan ikke lenger logge inn.",
            before.username
        )
    };
    Ok(flash_redirect(&session, FlashKind::Success, text, &back).await)
}

impl From<FormPairs> for UserForm {
    fn from(pairs: FormPairs) -> Self {
        UserForm {
            username: pairs.first("username").to_string(),
            email: pairs.first("email").to_string(),
            display_name: pairs.first("display_name").to_string(),
            password: pairs.first("password").to_string(),
            roles: pairs.all("role"),
        }
    }
}

/// The municipality to create along with the first admin, when the database has none.
pub struct MunicipalityArg {
    pub name: Option<String>,
    pub org_number: Option<String>,
    pub municipality_number: Option<String>,
}

/// For `ikt-styring create-admin`: creates an admin (and, on an empty database, the
/// municipality) in one transaction, audited as done by the system.
pub async fn create_first_admin(
    db: &sqlx::PgPool,
    m: MunicipalityArg,
    username: &str,
    email: &str,
    display_name: &str,
    password: &str,
) -> anyhow::Result<()> {
    if let Some(msg) = password::weakness(password) {
        anyhow::bail!(msg);
    }
    let hash = password::hash(password.to_string()).await?;
    let mut tx = db.begin().await?;
    let municipality_id = match &m.org_number {
        Some(org) => {
            let org = crate::domain::OrgNumber::parse(org).map_err(anyhow::Error::msg)?;
            let existing = sqlx::query_scalar!(
                r#"select municipality_id from municipality where org_number = $1"#,
                org.as_str()
            )
            .fetch_optional(&mut *tx)
            .await?;
            match existing {
                Some(id) => id,
                None => {
                    let name = m.name.as_deref().ok_or_else(|| {
                        anyhow::anyhow!("mangler --municipality (navnet på kommunen)")
                    })?;
                    let number = m
                        .municipality_number
                        .as_deref()
                        .filter(|n| n.len() == 4 && n.chars().all(|c| c.is_ascii_digit()))
                        .ok_or_else(|| {
                            anyhow::anyhow!("mangler --municipality-number (fire sifre)")
                        })?;
                    let id = sqlx::query_scalar!(
                        r#"insert into municipality (name, org_number, municipality_number) values ($1, $2, $3) returning municipality_id"#,
                        name,
                        org.as_str(),
                        number
                    )
                    .fetch_one(&mut *tx)
                    .await?;
                    let actor = crate::audit::Actor {
                        municipality_id: id,
                        user_id: None,
                    };
                    audit::record(&mut tx, actor, Action::Create, "municipality", id, None::<&()>,
                        Some(&serde_json::json!({"name": name, "org_number": org.as_str(), "municipality_number": number}))).await?;
                    id
                }
            }
        }
        None => {
            let ids = sqlx::query_scalar!(r#"select municipality_id from municipality"#)
                .fetch_all(&mut *tx)
                .await?;
            match ids.as_slice() {
                [one] => *one,
                [] => anyhow::bail!(
                    "databasen har ingen kommune: oppgi --municipality, --org-number og --municipality-number"
                ),
                _ => anyhow::bail!("databasen har flere kommuner: oppgi --org-number"),
            }
        }
    };
    let username = username.trim().to_lowercase();
    let email = email.trim().to_lowercase();
    let id = sqlx::query_scalar!(
        r#"
        insert into app_user (municipality_id, username, email, display_name, password_hash, roles)
        values ($1, $2, $3, $4, $5, array['admin']) returning app_user_id
        "#,
        municipality_id,
        username,
        email,
        display_name,
        hash
    )
    .fetch_one(&mut *tx)
    .await
    .map_err(
        |e| match e.as_database_error().and_then(|d| d.constraint()) {
            Some("app_user_username_key") => {
                anyhow::anyhow!("brukernavnet {username} er allerede i bruk")
            }
            Some("app_user_email_key") => {
                anyhow::anyhow!("e-postadressen {email} er allerede i bruk")
            }
            _ => e.into(),
        },
    )?;
    let actor = crate::audit::Actor {
        municipality_id,
        user_id: None,
    };
    let after = UserAudit {
        username: &username,
        email: &email,
        display_name,
        roles: vec!["admin".into()],
        active: true,
    };
    audit::record(
        &mut tx,
        actor,
        Action::Create,
        "app_user",
        id,
        None::<&()>,
        Some(&after),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
