//! One error type for every handler. Server faults are logged with a reference the user can
//! quote; user errors (404, 403, a stale form) are not logged as errors.

use askama::Template;
use axum::{
    extract::State,
    http::{StatusCode, header},
    response::{IntoResponse, Redirect, Response},
};

use crate::{
    AppState,
    auth::RoleSet,
    i18n::{Lang, Msg, k},
};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("ikke innlogget")]
    Unauthenticated { next: Option<String> },
    #[error("mangler rolle")]
    Forbidden { needed: RoleSet },
    #[error("finnes ikke")]
    NotFound,
    #[error("ugyldig forespørsel: {0}")]
    BadRequest(Msg),
    #[error("CSRF-kontroll feilet")]
    Csrf,
    /// The database cannot be reached (down, restarting, or every connection busy): a 503 that
    /// says to try again, not a 500, since nothing is wrong with the request or the code.
    #[error("databasen svarer ikke: {0}")]
    Unavailable(String),
    #[error(transparent)]
    Database(sqlx::Error),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

pub type AppResult<T> = Result<T, AppError>;

impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
        Self::from_sqlx(e)
    }
}

impl From<askama::Error> for AppError {
    fn from(e: askama::Error) -> Self {
        Self::Internal(e.into())
    }
}

impl From<tower_sessions::session::Error> for AppError {
    fn from(e: tower_sessions::session::Error) -> Self {
        use tower_sessions::{session::Error, session_store::Error as Store};
        match e {
            // The sqlx store hands back only the text of its sqlx error, and its backend is the
            // database: a failing session query means the database is away.
            Error::Store(Store::Backend(msg)) => {
                Self::Unavailable(format!("sesjonslageret: {msg}"))
            }
            e => Self::Internal(anyhow::anyhow!("session: {e}")),
        }
    }
}

impl AppError {
    /// A database error, told apart: an unreachable database is `Unavailable`.
    fn from_sqlx(e: sqlx::Error) -> Self {
        if is_unavailable(&e) {
            Self::Unavailable(e.to_string())
        } else {
            Self::Database(e)
        }
    }
}

/// Errors that say the database is away rather than that the query is wrong: no connection
/// within the pool's timeout, a broken socket, and PostgreSQL's own «connection exception»
/// (class 08) and «operator intervention» (57P: shutting down, starting up) codes.
pub fn is_unavailable(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::Io(_)
        | sqlx::Error::Tls(_)
        | sqlx::Error::WorkerCrashed => true,
        sqlx::Error::Database(d) => d
            .code()
            .is_some_and(|c| c.starts_with("08") || c.starts_with("57P")),
        _ => false,
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    lang: Lang,
    status: u16,
    title: &'a str,
    message: String,
    reference: Option<String>,
}

/// What an error page says, kept as keys until the reader's language is known: `into_response`
/// renders it in bokmål and leaves it in the response's extensions, and `i18n_error_pages` (a
/// layer that can read the session) renders it again in the reader's language.
#[derive(Clone, Debug)]
pub struct ErrorView {
    status: StatusCode,
    title: &'static str,
    message: ErrorText,
    reference: Option<String>,
}

#[derive(Clone, Debug)]
enum ErrorText {
    Msg(Msg),
    /// 403 names the roles needed, in the reader's language.
    Forbidden(RoleSet),
}

impl ErrorView {
    pub fn render(&self, lang: Lang) -> Response {
        let message = match &self.message {
            ErrorText::Msg(m) => lang.msg(m),
            ErrorText::Forbidden(needed) => {
                lang.t1("error-forbidden-text", "roles", needed.describe_in(lang))
            }
        };
        let title = lang.t(self.title);
        let page = ErrorPage {
            lang,
            status: self.status.as_u16(),
            title: &title,
            message,
            reference: self.reference.clone(),
        };
        let mut res = match page.render() {
            Ok(html) => (self.status, axum::response::Html(html)).into_response(),
            Err(_) => (self.status, title.clone()).into_response(),
        };
        res.extensions_mut().insert(self.clone());
        res
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let not_found = || ErrorView {
            status: StatusCode::NOT_FOUND,
            title: k("error-not-found-title"),
            message: ErrorText::Msg(Msg::new("error-not-found-text")),
            reference: None,
        };
        let view = match self {
            AppError::Unauthenticated { next } => {
                let to = match next {
                    Some(n) if n.starts_with('/') && !n.starts_with("//") => {
                        format!("/login?next={}", urlencode(&n))
                    }
                    _ => "/login".to_string(),
                };
                return Redirect::to(&to).into_response();
            }
            AppError::Forbidden { needed } => ErrorView {
                status: StatusCode::FORBIDDEN,
                title: k("error-forbidden-title"),
                message: ErrorText::Forbidden(needed),
                reference: None,
            },
            AppError::NotFound => not_found(),
            AppError::BadRequest(msg) => ErrorView {
                status: StatusCode::BAD_REQUEST,
                title: k("error-bad-request-title"),
                message: ErrorText::Msg(msg),
                reference: None,
            },
            AppError::Csrf => ErrorView {
                status: StatusCode::FORBIDDEN,
                title: k("error-csrf-title"),
                message: ErrorText::Msg(Msg::new("error-csrf-text")),
                reference: None,
            },
            AppError::Database(ref e) if is_not_found(e) => not_found(),
            AppError::Unavailable(e) => return unavailable(&e),
            AppError::Database(e) => server_fault(&e),
            AppError::Internal(e) => match e.downcast::<sqlx::Error>() {
                Ok(e) if is_unavailable(&e) => return unavailable(&e.to_string()),
                Ok(e) => server_fault(&e),
                Err(e) => server_fault(&*e),
            },
        };
        view.render(Lang::Nb)
    }
}

/// How long the 503 asks clients to wait; a restart of PostgreSQL takes a few seconds.
const RETRY_AFTER_SECONDS: &str = "5";

/// The 503 page while the database is away, with a hint when to try again.
fn unavailable(cause: &str) -> Response {
    tracing::warn!(error = %cause, "databasen svarer ikke");
    let mut res = ErrorView {
        status: StatusCode::SERVICE_UNAVAILABLE,
        title: k("error-unavailable-title"),
        message: ErrorText::Msg(Msg::new("error-unavailable-text")),
        reference: None,
    }
    .render(Lang::Nb);
    res.headers_mut().insert(
        header::RETRY_AFTER,
        header::HeaderValue::from_static(RETRY_AFTER_SECONDS),
    );
    res
}

/// Outside the session layer: tower-sessions answers a bare 500 (no body, no content type)
/// when saving the session fails after the handler ran, which happens when its store, the
/// database, is away. Every 500 of ours is a page, so only that one is bare.
pub async fn session_fault(req: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let res = next.run(req).await;
    if res.status() == StatusCode::INTERNAL_SERVER_ERROR
        && !res.headers().contains_key(header::CONTENT_TYPE)
    {
        return unavailable("tower-sessions kunne ikke lagre sesjonen");
    }
    res
}

fn is_not_found(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::RowNotFound)
}

fn server_fault(e: &dyn std::fmt::Display) -> ErrorView {
    let reference = uuid::Uuid::new_v4().simple().to_string()[..12].to_string();
    tracing::error!(reference = %reference, error = %e, "serverfeil");
    ErrorView {
        status: StatusCode::INTERNAL_SERVER_ERROR,
        title: k("error-server-title"),
        message: ErrorText::Msg(Msg::new("error-server-text")),
        reference: Some(reference),
    }
}

/// Renders an error page again in the reader's language: the user's (from the session), else
/// the public pages' choice (`Lang::public`). Errors are rare, so the one query is paid only
/// then. Sits inside the session layer and outside the CSRF guard, whose refusals it covers.
pub async fn i18n_error_pages(
    State(state): State<AppState>,
    session: tower_sessions::Session,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let public = Lang::public(req.headers(), req.uri().query());
    let res = next.run(req).await;
    let Some(view) = res.extensions().get::<ErrorView>().cloned() else {
        return res;
    };
    let lang = match session
        .get::<i64>(crate::auth::USER_KEY)
        .await
        .ok()
        .flatten()
    {
        Some(user_id) => crate::auth::lang_of(&state.db, user_id)
            .await
            .unwrap_or(public),
        None => public,
    };
    if lang == Lang::Nb {
        return res;
    }
    let mut localized = view.render(lang);
    // Keep what other layers set (Cache-Control, security headers come later anyway).
    for (name, value) in res.headers() {
        if name != axum::http::header::CONTENT_LENGTH && name != axum::http::header::CONTENT_TYPE {
            localized.headers_mut().insert(name.clone(), value.clone());
        }
    }
    localized
}

pub fn urlencode(s: &str) -> String {
    serde_urlencoded::to_string([("", s)]).unwrap_or_default()[1..].to_string()
}

/// The 404 page for paths no route matches.
pub async fn not_found() -> AppError {
    AppError::NotFound
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pool_timeout_or_broken_connection_is_a_503_that_says_when_to_retry() {
        let broken = std::io::Error::new(std::io::ErrorKind::BrokenPipe, "broken pipe");
        for e in [sqlx::Error::PoolTimedOut, sqlx::Error::Io(broken)] {
            let res = AppError::from(e).into_response();
            assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
            assert_eq!(res.headers()[header::RETRY_AFTER], RETRY_AFTER_SECONDS);
        }
    }

    #[test]
    fn a_query_that_is_wrong_stays_a_500() {
        let res = AppError::from(sqlx::Error::ColumnNotFound("x".into())).into_response();
        assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
    }
}
