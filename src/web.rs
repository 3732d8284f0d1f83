//! What every page shares: the logged-in layout context, flash messages, form errors.

use axum::{
    extract::{FromRef, FromRequestParts},
    http::request::Parts,
    response::{IntoResponse, Redirect, Response},
};
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use crate::{AppState, accounts::CurrentUser, csrf, error::AppError};

const FLASH_KEY: &str = "flash";

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Flash {
    pub kind: FlashKind,
    pub text: String,
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub enum FlashKind {
    Success,
    Info,
    Danger,
}

impl Flash {
    /// The Designsystemet alert colour.
    pub fn color(&self) -> &'static str {
        match self.kind {
            FlashKind::Success => "success",
            FlashKind::Info => "info",
            FlashKind::Danger => "danger",
        }
    }
}

/// Stores a message for the next page and redirects there with 303 (POST → redirect → GET).
pub async fn flash_redirect(
    session: &Session,
    kind: FlashKind,
    text: impl Into<String>,
    to: &str,
) -> Response {
    let flash = Flash {
        kind,
        text: text.into(),
    };
    if let Err(e) = session.insert(FLASH_KEY, flash).await {
        return AppError::from(e).into_response();
    }
    Redirect::to(to).into_response()
}

/// Layout context for every logged-in page: who, the CSRF token for forms, a flash message, and
/// the path (to mark the current menu item).
pub struct Ctx {
    pub user: CurrentUser,
    pub csrf: String,
    pub flash: Option<Flash>,
    pub path: String,
}

impl Ctx {
    /// `aria-current="page"` for menu links.
    pub fn current(&self, prefix: &str) -> &'static str {
        let here = if prefix == "/" {
            self.path == "/"
        } else {
            self.path.starts_with(prefix)
        };
        if here { "page" } else { "false" }
    }
}

impl<S> FromRequestParts<S> for Ctx
where
    S: Send + Sync,
    AppState: FromRef<S>,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let user = CurrentUser::from_request_parts(parts, state).await?;
        let session = session_of(parts, state).await?;
        let csrf = csrf::token(&session).await?;
        // Only touch the session when there is a flash: any removal marks it modified, and a
        // modified session is written back to the database on every response.
        let flash = match session.get::<Flash>(FLASH_KEY).await.ok().flatten() {
            Some(f) => {
                session.remove::<Flash>(FLASH_KEY).await?;
                Some(f)
            }
            None => None,
        };
        Ok(Ctx {
            user,
            csrf,
            flash,
            path: parts.uri.path().to_string(),
        })
    }
}

pub async fn session_of<S: Send + Sync>(parts: &mut Parts, state: &S) -> Result<Session, AppError> {
    Session::from_request_parts(parts, state)
        .await
        .map_err(|(_, msg)| AppError::Internal(anyhow::anyhow!("sesjonslaget mangler: {msg}")))
}

/// Field-level validation messages for a form, in the order they were found.
#[derive(Debug, Default, Clone)]
pub struct FormErrors(Vec<(&'static str, String)>);

impl FormErrors {
    pub fn add(&mut self, field: &'static str, message: impl Into<String>) {
        self.0.push((field, message.into()));
    }

    pub fn get(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
    }

    pub fn has(&self, field: &str) -> bool {
        self.get(field).is_some()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn all(&self) -> &[(&'static str, String)] {
        &self.0
    }
}

/// A urlencoded form as its (key, value) pairs, for forms whose checkboxes repeat a key:
/// serde_urlencoded cannot collect repeated keys into a Vec.
pub struct FormPairs(pub Vec<(String, String)>);

impl FormPairs {
    /// The first value of `key`, or "".
    pub fn first(&self, key: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }

    /// Every value of `key`, in order.
    pub fn all(&self, key: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .collect()
    }
}

impl<S: Send + Sync> axum::extract::FromRequest<S> for FormPairs {
    type Rejection = AppError;

    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = axum::body::Bytes::from_request(req, state)
            .await
            .map_err(|e| AppError::BadRequest(e.body_text()))?;
        serde_urlencoded::from_bytes(&bytes)
            .map(FormPairs)
            .map_err(|_| AppError::BadRequest("Skjemaet kunne ikke leses.".into()))
    }
}

/// Page numbers for long lists.
#[derive(Debug, Clone)]
pub struct Pager {
    pub page: i64,
    pub per_page: i64,
    pub total: i64,
}

impl Pager {
    pub fn new(page: Option<i64>, per_page: i64, total: i64) -> Self {
        let last = ((total + per_page - 1) / per_page).max(1);
        Pager {
            page: page.unwrap_or(1).clamp(1, last),
            per_page,
            total,
        }
    }
    pub fn offset(&self) -> i64 {
        (self.page - 1) * self.per_page
    }
    pub fn last(&self) -> i64 {
        ((self.total + self.per_page - 1) / self.per_page).max(1)
    }
    pub fn has_prev(&self) -> bool {
        self.page > 1
    }
    pub fn has_next(&self) -> bool {
        self.page < self.last()
    }
}
