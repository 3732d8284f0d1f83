//! Logging in and out: argon2id off the async runtime; failures slowed and then locked per
//! account (whether it was typed as username or e-mail) and per typed name where no account has
//! it, so an unknown name behaves exactly like a known one.

use std::time::Duration;

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    extract::{Query, State},
    http::{HeaderMap, HeaderValue, header},
    response::{IntoResponse, Redirect, Response},
};
use chrono::{DateTime, Utc};
use serde::Deserialize;
use tower_sessions::Session;

use crate::{
    AppState,
    auth::{USER_KEY, password},
    error::AppResult,
    i18n::{LANG_COOKIE, Lang, Msg},
    web::Form,
};

/// A username or e-mail address is never longer than this (RFC 5321 caps addresses at 254).
const MAX_IDENTIFIER_CHARS: usize = 254;

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
    lang: Lang,
    username: String,
    next: String,
    error: Option<Msg>,
}

impl LoginPage {
    /// The other language, for the switch on the page.
    fn other(&self) -> Lang {
        match self.lang {
            Lang::Nb => Lang::Nn,
            Lang::Nn => Lang::Nb,
        }
    }

    fn next_query(&self) -> String {
        crate::error::urlencode(&self.next)
    }
}

#[derive(Deserialize)]
pub(super) struct NextQuery {
    next: Option<String>,
    lang: Option<String>,
}

pub(super) async fn login_page(
    session: Session,
    headers: HeaderMap,
    Query(q): Query<NextQuery>,
) -> AppResult<Response> {
    if session.get::<i64>(USER_KEY).await?.is_some() {
        return Ok(Redirect::to("/").into_response());
    }
    let chosen = q.lang.as_deref().and_then(Lang::from_code);
    let lang = chosen.unwrap_or_else(|| Lang::public(&headers, None));
    let page = LoginPage {
        lang,
        username: String::new(),
        next: safe_next(q.next.as_deref()),
        error: None,
    };
    let mut res = page.into_response();
    // A language picked here is remembered for the login page and errors before login; after
    // login the user's profile and the municipality decide.
    if let Some(lang) = chosen
        && let Ok(cookie) = HeaderValue::from_str(&format!(
            "{LANG_COOKIE}={lang}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly"
        ))
    {
        res.headers_mut().append(header::SET_COOKIE, cookie);
    }
    Ok(res)
}

#[derive(Deserialize)]
pub(super) struct LoginForm {
    username: String,
    password: String,
    #[serde(default)]
    next: String,
}

pub(super) async fn login(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    Form(form): Form<LoginForm>,
) -> AppResult<Response> {
    let identifier = form.username.trim().to_lowercase();
    let policy = state.login_policy;
    let lang = Lang::public(&headers, None);
    let again = |error: Msg| {
        Ok(LoginPage {
            lang,
            username: form.username.clone(),
            next: safe_next(Some(&form.next)),
            error: Some(error),
        }
        .into_response())
    };
    if identifier.is_empty() || form.password.is_empty() {
        return again(Msg::new("login-missing"));
    }

    // No account has a name this long (the user form caps it far below), and the throttle's
    // index could not hold it: refuse before touching the database.
    if identifier.chars().count() > MAX_IDENTIFIER_CHARS {
        return again(Msg::new("login-wrong"));
    }

    // Rows not touched for a lock period are forgotten: an expired lock or a few failures long
    // ago. Without this a scan of unknown names would leave its rows for ever (issue 9, item 5).
    let lock_secs = policy.lock_for.as_secs_f64();
    sqlx::query!(
        r#"delete from login_throttle where updated_at < now() - make_interval(secs => $1)"#,
        lock_secs
    )
    .execute(&state.db)
    .await?;

    // The account is looked up before the throttle, for known and unknown names alike, so that
    // both cost the same and a lock holds whichever of the account's names is typed.
    let user = sqlx::query!(
        r#"select app_user_id, password_hash, active from app_user where username = $1 or email = $1
           order by username = $1 desc limit 1"#,
        identifier
    )
    .fetch_optional(&state.db)
    .await?;
    let key = throttle_key(user.as_ref().map(|u| u.app_user_id), &identifier);

    let throttle = sqlx::query!(
        r#"select failures, locked_until as "locked_until: DateTime<Utc>" from login_throttle where identifier = $1"#,
        key
    )
    .fetch_optional(&state.db)
    .await?;
    if let Some(until) = throttle
        .as_ref()
        .and_then(|t| t.locked_until)
        .filter(|u| *u > Utc::now())
    {
        let minutes = ((until - Utc::now()).num_seconds() + 59) / 60;
        return again(locked_message(minutes));
    }

    let ok = password::verify(
        form.password.clone(),
        user.as_ref().map(|u| u.password_hash.clone()),
    )
    .await?;

    match user {
        Some(u) if ok => {
            sqlx::query!(r#"delete from login_throttle where identifier = $1"#, key)
                .execute(&state.db)
                .await?;
            if !u.active {
                return again(Msg::new("login-deactivated"));
            }
            sqlx::query!(
                r#"update app_user set last_login_at = now() where app_user_id = $1"#,
                u.app_user_id
            )
            .execute(&state.db)
            .await?;
            // A new session id at login defeats session fixation.
            session.cycle_id().await?;
            session.insert(USER_KEY, u.app_user_id).await?;
            tracing::info!(user_id = u.app_user_id, "innlogget");
            Ok(Redirect::to(&safe_next(Some(&form.next))).into_response())
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
                key
            )
            .fetch_one(&state.db)
            .await?;
            if failures >= policy.lock_after {
                sqlx::query!(
                    r#"update login_throttle set locked_until = now() + make_interval(secs => $2) where identifier = $1"#,
                    key,
                    lock_secs
                )
                .execute(&state.db)
                .await?;
                tracing::warn!(identifier = %identifier, "innlogging låst etter gjentatte feil");
                let minutes = (policy.lock_for.as_secs() as i64 + 59) / 60;
                return again(locked_message(minutes));
            }
            let extra = failures - policy.free_failures;
            if extra > 0 {
                tokio::time::sleep(policy.delay_step * extra as u32).await;
            }
            let left = policy.lock_after - failures;
            let msg = if left <= 2 {
                Msg::with(
                    "login-wrong-warning",
                    [
                        ("left", left.into()),
                        ("minutes", (policy.lock_for.as_secs() / 60).into()),
                    ],
                )
            } else {
                Msg::new("login-wrong")
            };
            again(msg)
        }
    }
}

fn locked_message(minutes: i64) -> Msg {
    Msg::with("login-locked", [("minutes", minutes.into())])
}

/// The throttle row a login attempt counts against: the account when the typed name is one of
/// its names, else the typed name itself. The prefixes keep the two kinds apart.
fn throttle_key(user_id: Option<i64>, identifier: &str) -> String {
    match user_id {
        Some(id) => format!("user:{id}"),
        None => format!("name:{identifier}"),
    }
}

/// Only a path on this site, so the login form cannot be used to send people elsewhere. A URL
/// parser decides, not a prefix check: browsers drop tabs and line breaks and read `\` as `/`,
/// so `/\t/evil.example` is `//evil.example`, another host. Returns the parsed path and query,
/// percent-encoded, so the `Location` header always holds it.
fn safe_next(next: Option<&str>) -> String {
    const BASE: &str = "http://app.invalid/";
    let base = url::Url::parse(BASE).expect("a valid base");
    let parsed = next
        .filter(|n| n.starts_with('/'))
        .and_then(|n| base.join(n).ok())
        .filter(|u| u.origin() == base.origin() && !u.path().starts_with("/login"));
    match parsed {
        Some(u) => match u.query() {
            Some(q) => format!("{}?{q}", u.path()),
            None => u.path().to_string(),
        },
        None => "/".to_string(),
    }
}

pub(super) async fn logout(session: Session) -> AppResult<Response> {
    session.flush().await?;
    Ok(Redirect::to("/login").into_response())
}

#[cfg(test)]
mod tests {
    use super::{safe_next, throttle_key};

    #[test]
    fn after_login_only_local_paths_are_followed() {
        assert_eq!(safe_next(Some("/plan")), "/plan");
        assert_eq!(safe_next(Some("//evil.example")), "/");
        assert_eq!(safe_next(Some("https://evil.example")), "/");
        assert_eq!(safe_next(Some("/login")), "/");
        assert_eq!(safe_next(None), "/");
        // Issue 9, item 1: what browsers read as another host.
        assert_eq!(safe_next(Some("/\t/evil.example")), "/");
        assert_eq!(safe_next(Some("/\\evil.example")), "/");
        assert_eq!(safe_next(Some("/\r\n")), "/");
        assert_eq!(
            safe_next(Some("/plan/1?filter=a b")),
            "/plan/1?filter=a%20b"
        );
    }

    #[test]
    fn a_lockout_counts_per_account_and_per_unknown_name() {
        assert_eq!(throttle_key(Some(7), "ikt@ringebu.demo"), "user:7");
        assert_eq!(throttle_key(Some(7), "ikt"), "user:7");
        assert_eq!(throttle_key(None, "user:7"), "name:user:7");
    }
}
