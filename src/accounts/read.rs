//! Users as the admin's pages list them.

use chrono::{DateTime, Utc};
use sqlx::PgPool;

use super::model::UserSnapshot;
use crate::{
    auth::RoleSet,
    error::{AppError, AppResult},
    i18n::Lang,
};

pub struct UserRow {
    pub app_user_id: i64,
    pub username: String,
    pub email: String,
    pub display_name: String,
    pub roles: RoleSet,
    pub active: bool,
    pub last_login_at: Option<DateTime<Utc>>,
    /// `nb`, `nn`, or None to follow the municipality.
    pub language: Option<String>,
}

impl UserRow {
    pub fn role_labels(&self, lang: &Lang) -> String {
        let labels: Vec<String> = self.roles.iter().map(|r| lang.t(r.label_key())).collect();
        if labels.is_empty() {
            lang.t("users-no-roles")
        } else {
            labels.join(", ")
        }
    }

    pub fn last_login(&self, lang: &Lang) -> String {
        self.last_login_at
            .map(crate::domain::format_datetime)
            .unwrap_or_else(|| lang.t("users-never"))
    }

    pub fn snapshot(&self) -> UserSnapshot {
        UserSnapshot {
            username: self.username.clone(),
            email: self.email.clone(),
            display_name: self.display_name.clone(),
            roles: self.roles.codes(),
            active: self.active,
            password: None,
            language: self.language.clone(),
            calendar_feed: None,
        }
    }
}

pub async fn user(db: &PgPool, municipality_id: i64, id: i64) -> AppResult<UserRow> {
    query(db, municipality_id, Some(id))
        .await?
        .pop()
        .ok_or(AppError::NotFound)
}

/// Active users first, then by name.
pub async fn users(db: &PgPool, municipality_id: i64) -> AppResult<Vec<UserRow>> {
    query(db, municipality_id, None).await
}

async fn query(db: &PgPool, municipality_id: i64, id: Option<i64>) -> AppResult<Vec<UserRow>> {
    Ok(sqlx::query!(
        r#"
        select app_user_id, username, email, display_name, roles, active,
               last_login_at as "last_login_at: DateTime<Utc>", language
        from app_user where municipality_id = $1 and ($2::bigint is null or app_user_id = $2)
        order by active desc, display_name collate "nb-NO-x-icu", username
        "#,
        municipality_id,
        id
    )
    .fetch_all(db)
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
        language: r.language,
    })
    .collect())
}
