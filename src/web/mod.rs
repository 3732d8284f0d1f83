//! What every page shares: the logged-in layout context (`Ctx`), flash messages, the one form
//! reader and its validation shape (`form`), the pager, and the CSRF guard.

pub mod csrf;
pub mod form;
pub mod pager;

pub use form::{Form, FormErrors, FormPairs, on_constraint};
pub use pager::Pager;

use axum::{
    extract::{FromRef, FromRequestParts},
    http::request::Parts,
    response::{IntoResponse, Redirect, Response},
};
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use crate::{AppState, auth::CurrentUser, error::AppError};

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

/// Layout context for every logged-in page: who, a flash message, and the path (to mark the
/// current menu item).
pub struct Ctx {
    pub user: CurrentUser,
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
        let session = crate::auth::session_of(parts, state).await?;
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
            flash,
            path: parts.uri.path().to_string(),
        })
    }
}

/// 256 random bits as hex: staged-import keys.
pub fn random_token() -> String {
    use rand::Rng;
    let bytes: [u8; 32] = rand::rng().random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
