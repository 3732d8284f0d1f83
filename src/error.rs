//! One error type for every handler. Server faults are logged with a reference the user can
//! quote; user errors (404, 403, a stale form) are not logged as errors.

use askama::Template;
use axum::{
    http::{StatusCode, header},
    response::{IntoResponse, Redirect, Response},
};

use crate::auth::RoleSet;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("ikke innlogget")]
    Unauthenticated { next: Option<String> },
    #[error("mangler rolle")]
    Forbidden { needed: RoleSet },
    #[error("finnes ikke")]
    NotFound,
    #[error("ugyldig forespørsel: {0}")]
    BadRequest(String),
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
    status: u16,
    title: &'a str,
    message: String,
    reference: Option<String>,
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, title, message, reference) = match self {
            AppError::Unauthenticated { next } => {
                let to = match next {
                    Some(n) if n.starts_with('/') && !n.starts_with("//") => {
                        format!("/login?next={}", urlencode(&n))
                    }
                    _ => "/login".to_string(),
                };
                return Redirect::to(&to).into_response();
            }
            AppError::Forbidden { needed } => (
                StatusCode::FORBIDDEN,
                "Ingen tilgang",
                format!(
                    "Denne siden eller handlingen krever rollen {}. Spør en administrator om du trenger tilgang.",
                    needed.describe()
                ),
                None,
            ),
            AppError::NotFound => (
                StatusCode::NOT_FOUND,
                "Fant ikke siden",
                "Siden eller oppføringen finnes ikke, eller den hører til en annen kommune.".into(),
                None,
            ),
            AppError::BadRequest(msg) => (StatusCode::BAD_REQUEST, "Ugyldig forespørsel", msg, None),
            AppError::Csrf => (
                StatusCode::FORBIDDEN,
                "Skjemaet kunne ikke sendes",
                "Skjemaet kom fra et annet nettsted enn IKT-styring, så det ble ikke sendt. Åpne siden i IKT-styring og send skjemaet derfra."
                    .into(),
                None,
            ),
            AppError::Database(ref e) if is_not_found(e) => (
                StatusCode::NOT_FOUND,
                "Fant ikke siden",
                "Siden eller oppføringen finnes ikke, eller den hører til en annen kommune.".into(),
                None,
            ),
            AppError::Unavailable(e) => return unavailable(&e),
            AppError::Database(e) => server_fault(&e),
            AppError::Internal(e) => match e.downcast::<sqlx::Error>() {
                Ok(e) if is_unavailable(&e) => return unavailable(&e.to_string()),
                Ok(e) => server_fault(&e),
                Err(e) => server_fault(&*e),
            },
        };
        let page = ErrorPage {
            status: status.as_u16(),
            title,
            message,
            reference,
        };
        match page.render() {
            Ok(html) => (status, axum::response::Html(html)).into_response(),
            Err(_) => (status, title.to_string()).into_response(),
        }
    }
}

/// How long the 503 asks clients to wait; a restart of PostgreSQL takes a few seconds.
const RETRY_AFTER_SECONDS: &str = "5";

/// The 503 page while the database is away. Its words are here, in one place.
fn unavailable(cause: &str) -> Response {
    tracing::warn!(error = %cause, "databasen svarer ikke");
    let page = ErrorPage {
        status: 503,
        title: "Databasen svarer ikke",
        message: "Databasen svarer ikke akkurat nå. Prøv igjen om litt.".into(),
        reference: None,
    };
    let status = StatusCode::SERVICE_UNAVAILABLE;
    let retry = [(header::RETRY_AFTER, RETRY_AFTER_SECONDS)];
    match page.render() {
        Ok(html) => (status, retry, axum::response::Html(html)).into_response(),
        Err(_) => (status, retry, page.message).into_response(),
    }
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

fn server_fault(e: &dyn std::fmt::Display) -> (StatusCode, &'static str, String, Option<String>) {
    let reference = uuid::Uuid::new_v4().simple().to_string()[..12].to_string();
    tracing::error!(reference = %reference, error = %e, "serverfeil");
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        "Noe gikk galt",
        "Det oppstod en feil hos oss. Prøv igjen om litt. Oppgi referansen under hvis du kontakter IKT-avdelingen."
            .into(),
        Some(reference),
    )
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
