//! What every page shares: the logged-in layout context (`Ctx`), flash messages, the one form
//! reader and its validation shape (`form`), the pager, and the CSRF guard.

pub mod csrf;
pub mod form;
pub mod pager;

pub use crate::i18n::{Arg, Lang, Msg};
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
    /// Rendered in the reader's language when shown (`ctx.msg(&flash.text)`).
    pub text: Msg,
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
pub async fn flash_redirect(session: &Session, kind: FlashKind, text: Msg, to: &str) -> Response {
    let flash = Flash { kind, text };
    if let Err(e) = session.insert(FLASH_KEY, flash).await {
        return AppError::from(e).into_response();
    }
    Redirect::to(to).into_response()
}

/// Layout context for every logged-in page: who, a flash message, the path (to mark the current
/// menu item), and the language of the interface.
pub struct Ctx {
    pub user: CurrentUser,
    pub flash: Option<Flash>,
    pub path: String,
    /// The user's choice, else the municipality's målform (`CurrentUser::lang`).
    pub lang: Lang,
}

impl Ctx {
    /// The message `key` in the reader's language.
    pub fn t(&self, key: &str) -> String {
        self.lang.t(key)
    }

    /// The message `key` with arguments: `ctx.tr("pager-page-count", &[("count", n.into())])`.
    pub fn tr(&self, key: &str, args: &[(&str, Arg)]) -> String {
        self.lang.tr(key, args)
    }

    /// One argument, for templates: `{{ ctx.t1("pager-page-of", "page", pager.page) }}`.
    pub fn t1(&self, key: &str, name: &str, value: impl Into<Arg>) -> String {
        self.lang.t1(key, name, value)
    }

    /// Two arguments, for templates.
    pub fn t2(
        &self,
        key: &str,
        name1: &str,
        value1: impl Into<Arg>,
        name2: &str,
        value2: impl Into<Arg>,
    ) -> String {
        self.lang.t2(key, name1, value1, name2, value2)
    }

    /// A form error, flash or other [`Msg`] in the reader's language.
    pub fn msg(&self, msg: &Msg) -> String {
        self.lang.msg(msg)
    }

    /// The `lang` attribute's value for text users wrote (titles, comments, strategy text),
    /// which is never translated: `<td lang="{{ ctx.user_text_lang() }}">`. The municipality's
    /// målform; "" (unknown) when it is nøytral. The nynorsk crawl skips such elements.
    pub fn user_text_lang(&self) -> &'static str {
        self.user.user_text_lang()
    }

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
            lang: user.lang,
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
