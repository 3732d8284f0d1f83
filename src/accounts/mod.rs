//! Local accounts: login, logout, the logged-in user extractor, and the admin's user pages.

pub mod admin;
pub mod password;
pub mod roles;

use std::time::Duration;

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    Form, Router,
    extract::{FromRef, FromRequestParts, Query, State},
    http::{Method, request::Parts},
    response::{IntoResponse, Redirect, Response},
    routing::{get, post},
};
use chrono::{DateTime, Utc};
use serde::Deserialize;
use tower_sessions::Session;

use crate::{AppState, csrf, error::AppError, error::AppResult};
pub use roles::{Role, RoleSet};

const USER_KEY: &str = "user_id";
/// When the session last had its idle timeout extended (unix seconds).
const SEEN_KEY: &str = "seen";
/// The idle timeout slides forward at most this often, so an active user is not logged out
/// while an ordinary page view writes nothing to the session store.
const SEEN_EVERY_SECS: i64 = 60;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/login", get(login_page).post(login))
        .route("/logout", post(logout))
        .merge(admin::router())
}

/// The logged-in user, loaded fresh per request so that deactivation and role changes take
/// effect at once. Redirects to /login when there is none.
#[derive(Clone, Debug)]
pub struct CurrentUser {
    pub user_id: i64,
    pub municipality_id: i64,
    pub municipality_name: String,
    pub username: String,
    pub display_name: String,
    pub roles: RoleSet,
}

impl CurrentUser {
    pub fn has(&self, role: Role) -> bool {
        self.roles.has(role)
    }

    pub fn can(&self, any_of: impl Into<RoleSet>) -> bool {
        self.roles.intersects(any_of.into())
    }

    /// Err(403) unless the user has one of the roles.
    pub fn require(&self, any_of: impl Into<RoleSet>) -> AppResult<()> {
        let needed = any_of.into();
        if self.roles.intersects(needed) {
            Ok(())
        } else {
            Err(AppError::Forbidden { needed })
        }
    }

    pub fn is_admin(&self) -> bool {
        self.has(Role::Admin)
    }

    /// IKT staff and admins keep the plan and the registers.
    pub fn can_edit_plan(&self) -> bool {
        self.can(Role::Ikt | Role::Admin)
    }

    pub fn role_labels(&self) -> Vec<&'static str> {
        self.roles.iter().map(Role::label).collect()
    }
}

impl<S> FromRequestParts<S> for CurrentUser
where
    S: Send + Sync,
    AppState: FromRef<S>,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        if let Some(user) = parts.extensions.get::<CurrentUser>() {
            return Ok(user.clone());
        }
        let next = (parts.method == Method::GET)
            .then(|| parts.uri.path_and_query().map(|p| p.to_string()))
            .flatten();
        let session = crate::web::session_of(parts, state).await?;
        let Some(user_id) = session.get::<i64>(USER_KEY).await? else {
            return Err(AppError::Unauthenticated { next });
        };
        let app = AppState::from_ref(state);
        let row = sqlx::query!(
            r#"
            select u.app_user_id, u.municipality_id, m.name as municipality_name, u.username,
                   u.display_name, u.roles, u.active
            from app_user u
            join municipality m using (municipality_id)
            where u.app_user_id = $1
            "#,
            user_id
        )
        .fetch_optional(&app.db)
        .await?;
        let Some(row) = row.filter(|r| r.active) else {
            session.flush().await?;
            return Err(AppError::Unauthenticated { next });
        };
        let now = Utc::now().timestamp();
        if session
            .get::<i64>(SEEN_KEY)
            .await?
            .is_none_or(|seen| now - seen >= SEEN_EVERY_SECS)
        {
            session.insert(SEEN_KEY, now).await?;
        }
        let user = CurrentUser {
            user_id: row.app_user_id,
            municipality_id: row.municipality_id,
            municipality_name: row.municipality_name,
            username: row.username,
            display_name: row.display_name,
            roles: RoleSet::from_codes(&row.roles),
        };
        parts.extensions.insert(user.clone());
        Ok(user)
    }
}

/// How failed logins are slowed and then locked.
#[derive(Clone, Copy, Debug)]
pub struct LoginPolicy {
    /// Failures before responses start to slow down.
    pub free_failures: i32,
    /// Added per failure after the free ones.
    pub delay_step: Duration,
    /// Failures that lock the identifier.
    pub lock_after: i32,
    pub lock_for: Duration,
}

impl Default for LoginPolicy {
    fn default() -> Self {
        LoginPolicy {
            free_failures: 2,
            delay_step: Duration::from_secs(1),
            lock_after: 5,
            lock_for: Duration::from_secs(15 * 60),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "accounts/login.html")]
struct LoginPage {
    csrf: String,
    username: String,
    next: String,
    error: Option<String>,
}

#[derive(Deserialize)]
struct NextQuery {
    next: Option<String>,
}

async fn login_page(session: Session, Query(q): Query<NextQuery>) -> AppResult<Response> {
    if session.get::<i64>(USER_KEY).await?.is_some() {
        return Ok(Redirect::to("/").into_response());
    }
    Ok(LoginPage {
        csrf: csrf::token(&session).await?,
        username: String::new(),
        next: safe_next(q.next.as_deref()).to_string(),
        error: None,
    }
    .into_response())
}

#[derive(Deserialize)]
struct LoginForm {
    username: String,
    password: String,
    #[serde(default)]
    next: String,
}

async fn login(
    State(state): State<AppState>,
    session: Session,
    Form(form): Form<LoginForm>,
) -> AppResult<Response> {
    let identifier = form.username.trim().to_lowercase();
    let policy = state.login_policy;
    let again = |error: String, csrf: String| {
        Ok(LoginPage {
            csrf,
            username: form.username.clone(),
            next: safe_next(Some(&form.next)).to_string(),
            error: Some(error),
        }
        .into_response())
    };
    if identifier.is_empty() || form.password.is_empty() {
        return again(
            "Skriv inn brukernavn eller e-post og passord.".into(),
            csrf::token(&session).await?,
        );
    }

    let throttle = sqlx::query!(
        r#"select failures, locked_until as "locked_until: DateTime<Utc>" from login_throttle where identifier = $1"#,
        identifier
    )
    .fetch_optional(&state.db)
    .await?;
    if let Some(until) = throttle
        .as_ref()
        .and_then(|t| t.locked_until)
        .filter(|u| *u > Utc::now())
    {
        let minutes = ((until - Utc::now()).num_seconds() + 59) / 60;
        return again(locked_message(minutes), csrf::token(&session).await?);
    }

    let user = sqlx::query!(
        r#"select app_user_id, password_hash, active from app_user where username = $1 or email = $1"#,
        identifier
    )
    .fetch_optional(&state.db)
    .await?;
    let ok = password::verify(
        form.password.clone(),
        user.as_ref().map(|u| u.password_hash.clone()),
    )
    .await?;

    match user {
        Some(u) if ok => {
            sqlx::query!(
                r#"delete from login_throttle where identifier = $1"#,
                identifier
            )
            .execute(&state.db)
            .await?;
            if !u.active {
                return again(
                    "Kontoen er deaktivert. Kontakt en administrator i kommunen.".into(),
                    csrf::token(&session).await?,
                );
            }
            sqlx::query!(
                r#"update app_user set last_login_at = now() where app_user_id = $1"#,
                u.app_user_id
            )
            .execute(&state.db)
            .await?;
            // A new session id at login defeats session fixation; a new CSRF token goes with it.
            session.cycle_id().await?;
            session.insert(USER_KEY, u.app_user_id).await?;
            csrf::rotate(&session).await?;
            tracing::info!(user_id = u.app_user_id, "innlogget");
            Ok(Redirect::to(safe_next(Some(&form.next))).into_response())
        }
        _ => {
            let failures = sqlx::query_scalar!(
                r#"
                insert into login_throttle (identifier, failures, locked_until, updated_at)
                values ($1, 1, null, now())
                on conflict (identifier) do update
                   set failures = case when login_throttle.locked_until is not null
                                       then 1 else login_throttle.failures + 1 end,
                       locked_until = null,
                       updated_at = now()
                returning failures
                "#,
                identifier
            )
            .fetch_one(&state.db)
            .await?;
            if failures >= policy.lock_after {
                let lock_secs = policy.lock_for.as_secs_f64();
                sqlx::query!(
                    r#"update login_throttle set locked_until = now() + make_interval(secs => $2) where identifier = $1"#,
                    identifier,
                    lock_secs
                )
                .execute(&state.db)
                .await?;
                tracing::warn!(identifier = %identifier, "innlogging låst etter gjentatte feil");
                let minutes = (policy.lock_for.as_secs() as i64 + 59) / 60;
                return again(locked_message(minutes), csrf::token(&session).await?);
            }
            let extra = failures - policy.free_failures;
            if extra > 0 {
                tokio::time::sleep(policy.delay_step * extra as u32).await;
            }
            let left = policy.lock_after - failures;
            let mut msg = "Feil brukernavn eller passord.".to_string();
            if left <= 2 {
                msg.push_str(&format!(
                    " Etter {left} forsøk til blir innloggingen låst i {} minutter.",
                    policy.lock_for.as_secs() / 60
                ));
            }
            again(msg, csrf::token(&session).await?)
        }
    }
}

fn locked_message(minutes: i64) -> String {
    format!(
        "For mange mislykkede forsøk. Innloggingen er låst, prøv igjen om {minutes} {}.",
        if minutes == 1 { "minutt" } else { "minutter" }
    )
}

/// Only local paths, so the login form cannot be used to send people elsewhere.
fn safe_next(next: Option<&str>) -> &str {
    match next {
        Some(n)
            if n.starts_with('/')
                && !n.starts_with("//")
                && !n.starts_with("/\\")
                && !n.starts_with("/login") =>
        {
            n
        }
        _ => "/",
    }
}

async fn logout(session: Session) -> AppResult<Response> {
    session.flush().await?;
    Ok(Redirect::to("/login").into_response())
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn after_login_only_local_paths_are_followed() {
        assert_eq!(safe_next(Some("/plan")), "/plan");
        assert_eq!(safe_next(Some("//evil.example")), "/");
        assert_eq!(safe_next(Some("https://evil.example")), "/");
        assert_eq!(safe_next(Some("/login")), "/");
        assert_eq!(safe_next(None), "/");
    }
}
