//! One error type for every handler. Server faults are logged with a reference the user can
//! quote; user errors (404, 403, a stale form) are not logged as errors.

use askama::Template;
use axum::{
    http::StatusCode,
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
    #[error(transparent)]
    Database(#[from] sqlx::Error),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

pub type AppResult<T> = Result<T, AppError>;

impl From<askama::Error> for AppError {
    fn from(e: askama::Error) -> Self {
        Self::Internal(e.into())
    }
}

impl From<tower_sessions::session::Error> for AppError {
    fn from(e: tower_sessions::session::Error) -> Self {
        Self::Internal(anyhow::anyhow!("session: {e}"))
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
            AppError::Database(e) => server_fault(&e),
            AppError::Internal(e) => server_fault(&*e),
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
