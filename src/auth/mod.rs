//! Who is asking: the logged-in user, loaded fresh per request, and the role extractors that let
//! a handler state in its signature who may call it.
//!
//! ```ignore
//! async fn update(Editor(user): Editor, ...)      // IKT staff or admin, else the 403 page
//! async fn users(_: Admin, ctx: Ctx, ...)         // admins; the layout context beside it
//! ```
//!
//! A rule that depends on the record (a superuser may edit only their own systems) is checked in
//! the handler after loading it, with `user.require_that(rec.can_edit(&user), needed)`.

pub mod password;
pub mod roles;

use axum::{
    extract::{FromRef, FromRequestParts},
    http::{Method, request::Parts},
};
use chrono::Utc;
use tower_sessions::Session;

use crate::{
    AppState,
    error::{AppError, AppResult},
    i18n::{Lang, Malform},
};
pub use roles::{Role, RoleSet};

/// The session key holding the logged-in user's id (written at login).
pub(crate) const USER_KEY: &str = "user_id";
/// When the session last had its idle timeout extended (unix seconds).
const SEEN_KEY: &str = "seen";
/// The idle timeout slides forward at most this often, so an active user is not logged out
/// while an ordinary page view writes nothing to the session store.
const SEEN_EVERY_SECS: i64 = 60;

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
    /// The person in the municipality's register this login is, if linked: the person a plan
    /// names as responsible for its reports, for example.
    pub person_id: Option<i64>,
    /// The interface language: the user's choice, else the municipality's målform.
    pub lang: Lang,
    /// The municipality's målform: the language of what its users write.
    pub malform: Malform,
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
        self.require_that(self.roles.intersects(needed), needed)
    }

    /// Err(403) naming `needed` unless `allowed`: for rules that depend on the record.
    pub fn require_that(&self, allowed: bool, needed: RoleSet) -> AppResult<()> {
        if allowed {
            Ok(())
        } else {
            Err(AppError::Forbidden { needed })
        }
    }

    pub fn is_admin(&self) -> bool {
        self.has(Role::Admin)
    }

    /// IKT staff and admins keep the strategy, the plan and the registers.
    pub fn can_edit_plan(&self) -> bool {
        self.can(Editor::ROLES)
    }

    /// The line inventory and restricted risk assessments (see `Confidential`).
    pub fn can_read_confidential(&self) -> bool {
        self.can(Confidential::ROLES)
    }

    /// The `lang` of text users wrote: the målform's code, or "" (unknown) in a nøytral
    /// municipality, whose users write either. See `Ctx::user_text_lang`.
    pub fn user_text_lang(&self) -> &'static str {
        match self.malform {
            Malform::Bokmal => "nb",
            Malform::Nynorsk => "nn",
            Malform::Noytral => "",
        }
    }
}

impl<S> FromRequestParts<S> for CurrentUser
where
    S: Send + Sync,
    AppState: FromRef<S>,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        // Extracted once per request: a role extractor and `Ctx` in one signature share it.
        if let Some(user) = parts.extensions.get::<CurrentUser>() {
            return Ok(user.clone());
        }
        let next = (parts.method == Method::GET)
            .then(|| parts.uri.path_and_query().map(|p| p.to_string()))
            .flatten();
        let session = session_of(parts, state).await?;
        let Some(user_id) = session.get::<i64>(USER_KEY).await? else {
            return Err(AppError::Unauthenticated { next });
        };
        let app = AppState::from_ref(state);
        let row = sqlx::query!(
            r#"
            select u.app_user_id, u.municipality_id, m.name as municipality_name, u.username,
                   u.display_name, u.roles, u.active, u.language, m.malform, u.person_id
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
            person_id: row.person_id,
            lang: Lang::resolve(row.language.as_deref(), &row.malform),
            malform: Malform::from_code(&row.malform).unwrap_or(Malform::Bokmal),
        };
        parts.extensions.insert(user.clone());
        Ok(user)
    }
}

/// A user's interface language, for pages rendered outside a handler (error pages).
pub async fn lang_of(db: &sqlx::PgPool, user_id: i64) -> Option<Lang> {
    let row = sqlx::query!(
        "select u.language, m.malform from app_user u join municipality m using (municipality_id)
         where u.app_user_id = $1",
        user_id
    )
    .fetch_optional(db)
    .await
    .ok()??;
    Some(Lang::resolve(row.language.as_deref(), &row.malform))
}

/// The request's session (the session layer is outside every route).
pub async fn session_of<S: Send + Sync>(parts: &mut Parts, state: &S) -> Result<Session, AppError> {
    Session::from_request_parts(parts, state)
        .await
        .map_err(|(_, msg)| AppError::Internal(anyhow::anyhow!("sesjonslaget mangler: {msg}")))
}

/// Declares an extractor that yields the current user if they hold one of `roles`, and
/// otherwise answers with the 403 page naming the roles.
macro_rules! role_extractor {
    ($(#[$doc:meta])* $name:ident = $roles:expr) => {
        $(#[$doc])*
        #[derive(Clone, Debug)]
        pub struct $name(pub CurrentUser);

        impl $name {
            pub const ROLES: RoleSet = $roles;
        }

        impl std::ops::Deref for $name {
            type Target = CurrentUser;
            fn deref(&self) -> &CurrentUser {
                &self.0
            }
        }

        impl<S> FromRequestParts<S> for $name
        where
            S: Send + Sync,
            AppState: FromRef<S>,
        {
            type Rejection = AppError;

            async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
                let user = CurrentUser::from_request_parts(parts, state).await?;
                user.require(Self::ROLES)?;
                Ok($name(user))
            }
        }
    };
}

role_extractor!(
    /// IKT staff and administrators: they keep the strategy, the plan and the registers.
    Editor = RoleSet::EMPTY.with(Role::Ikt).with(Role::Admin)
);
role_extractor!(
    /// Administrators: users, roles, the municipality's audit log.
    Admin = RoleSet::EMPTY.with(Role::Admin)
);
role_extractor!(
    /// The rådmann: reads the status reports and takes them «til orientering».
    Leder = RoleSet::EMPTY.with(Role::Leder)
);
role_extractor!(
    /// Members of the IKT-råd: they assess acquisition requests (their membership, on the
    /// council's member list, is checked in the handler).
    Rad = RoleSet::EMPTY.with(Role::Rad)
);
role_extractor!(
    /// Who may read what the municipality exempts from public access (offentleglova § 24 third
    /// paragraph): the line inventory and restricted risk assessments. Network details help an
    /// attacker, so not the council members or superusers.
    Confidential = RoleSet::EMPTY.with(Role::Ikt).with(Role::Leder).with(Role::Admin)
);
