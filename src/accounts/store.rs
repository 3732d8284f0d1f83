//! The only code that writes users and municipalities. Each write runs in the caller's
//! transaction and audits itself there.

use super::{
    model::{MunicipalitySnapshot, UserSnapshot, ValidProfile, ValidUser},
    read::UserRow,
};
use crate::{
    audit::{self, Action, Actor},
    auth::RoleSet,
    db::Tx,
    domain::OrgNumber,
    i18n::Malform,
};

pub async fn insert_user(
    tx: &mut Tx<'_>,
    actor: Actor,
    user: &ValidUser,
    password_hash: &str,
) -> Result<i64, sqlx::Error> {
    let id = sqlx::query_scalar!(
        r#"
        insert into app_user (municipality_id, username, email, display_name, password_hash, roles)
        values ($1, $2, $3, $4, $5, $6) returning app_user_id
        "#,
        actor.municipality_id,
        user.username,
        user.email,
        user.display_name,
        password_hash,
        &user.roles.codes()
    )
    .fetch_one(&mut **tx)
    .await?;
    let after = snapshot(user, user.roles, true, None);
    audit::record(tx, actor, Action::Create, id, None, Some(&after)).await?;
    Ok(id)
}

pub async fn update_user(
    tx: &mut Tx<'_>,
    actor: Actor,
    before: &UserRow,
    user: &ValidUser,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        r#"
        update app_user set username = $3, email = $4, display_name = $5, roles = $6, updated_at = now()
        where app_user_id = $1 and municipality_id = $2
        "#,
        before.app_user_id,
        actor.municipality_id,
        user.username,
        user.email,
        user.display_name,
        &user.roles.codes()
    )
    .execute(&mut **tx)
    .await?;
    audit_change(
        tx,
        actor,
        before,
        &snapshot(user, user.roles, before.active, before.language.clone()),
    )
    .await
}

/// The audit row says that the password changed, never what it is.
pub async fn set_password(
    tx: &mut Tx<'_>,
    actor: Actor,
    user: &UserRow,
    password_hash: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        r#"update app_user set password_hash = $3, updated_at = now() where app_user_id = $1 and municipality_id = $2"#,
        user.app_user_id,
        actor.municipality_id,
        password_hash
    )
    .execute(&mut **tx)
    .await?;
    let after = UserSnapshot {
        password: Some("nytt passord satt"),
        ..user.snapshot()
    };
    audit_change(tx, actor, user, &after).await
}

/// A new secret for the user's calendar feed (`/calendar/{token}.ics`); returns whether they
/// had one before (it no longer works). The audit row says that the address was renewed and
/// when, never the token.
pub async fn set_calendar_token(
    tx: &mut Tx<'_>,
    actor: Actor,
    user: &UserRow,
    token: &str,
) -> Result<bool, sqlx::Error> {
    let had = sqlx::query_scalar!(
        r#"select calendar_token is not null as "had!" from app_user
           where app_user_id = $1 and municipality_id = $2 for update"#,
        user.app_user_id,
        actor.municipality_id
    )
    .fetch_one(&mut **tx)
    .await?;
    sqlx::query!(
        r#"update app_user set calendar_token = $3, updated_at = now() where app_user_id = $1 and municipality_id = $2"#,
        user.app_user_id,
        actor.municipality_id,
        token
    )
    .execute(&mut **tx)
    .await?;
    let after = UserSnapshot {
        calendar_feed: Some(format!(
            "ny adresse laget {}",
            crate::domain::format_datetime(chrono::Utc::now())
        )),
        ..user.snapshot()
    };
    audit_change(tx, actor, user, &after).await?;
    Ok(had)
}

pub async fn set_active(
    tx: &mut Tx<'_>,
    actor: Actor,
    user: &UserRow,
    active: bool,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        r#"update app_user set active = $3, updated_at = now() where app_user_id = $1 and municipality_id = $2"#,
        user.app_user_id,
        actor.municipality_id,
        active
    )
    .execute(&mut **tx)
    .await?;
    let after = UserSnapshot {
        active,
        ..user.snapshot()
    };
    audit_change(tx, actor, user, &after).await
}

async fn audit_change(
    tx: &mut Tx<'_>,
    actor: Actor,
    before: &UserRow,
    after: &UserSnapshot,
) -> Result<(), sqlx::Error> {
    let id = before.app_user_id;
    audit::record(
        tx,
        actor,
        Action::Update,
        id,
        Some(&before.snapshot()),
        Some(after),
    )
    .await
}

/// A municipality made from the command line (`create-admin` on an empty database), audited as
/// done by the system.
pub async fn insert_municipality(
    tx: &mut Tx<'_>,
    name: &str,
    org: &OrgNumber,
    number: &str,
) -> Result<i64, sqlx::Error> {
    let id = sqlx::query_scalar!(
        r#"insert into municipality (name, org_number, municipality_number) values ($1, $2, $3) returning municipality_id"#,
        name,
        org.as_str(),
        number
    )
    .fetch_one(&mut **tx)
    .await?;
    let after = MunicipalitySnapshot {
        name: name.to_string(),
        org_number: Some(org.as_str().to_string()),
        municipality_number: number.to_string(),
        malform: None,
    };
    audit::record(
        tx,
        Actor::system(id),
        Action::Create,
        id,
        None,
        Some(&after),
    )
    .await?;
    Ok(id)
}

fn snapshot(
    user: &ValidUser,
    roles: RoleSet,
    active: bool,
    language: Option<String>,
) -> UserSnapshot {
    UserSnapshot {
        username: user.username.clone(),
        email: user.email.clone(),
        display_name: user.display_name.clone(),
        roles: roles.codes(),
        active,
        password: None,
        language,
        calendar_feed: None,
    }
}

/// The user's own name, e-mail and language (the profile page).
pub async fn update_profile(
    tx: &mut Tx<'_>,
    actor: Actor,
    before: &UserRow,
    profile: &ValidProfile,
) -> Result<(), sqlx::Error> {
    let language = profile.language.map(|l| l.code().to_string());
    sqlx::query!(
        r#"
        update app_user set display_name = $3, email = $4, language = $5, updated_at = now()
        where app_user_id = $1 and municipality_id = $2
        "#,
        before.app_user_id,
        actor.municipality_id,
        profile.display_name,
        profile.email,
        language
    )
    .execute(&mut **tx)
    .await?;
    let after = UserSnapshot {
        display_name: profile.display_name.clone(),
        email: profile.email.clone(),
        language,
        ..before.snapshot()
    };
    audit_change(tx, actor, before, &after).await
}

/// The municipality's målform (the admin's settings page).
pub async fn set_malform(
    tx: &mut Tx<'_>,
    actor: Actor,
    malform: Malform,
) -> Result<(), sqlx::Error> {
    let before = sqlx::query_as!(
        MunicipalitySnapshot,
        r#"select name, org_number, municipality_number, malform as "malform?"
           from municipality where municipality_id = $1 for update"#,
        actor.municipality_id
    )
    .fetch_one(&mut **tx)
    .await?;
    sqlx::query!(
        "update municipality set malform = $2, updated_at = now() where municipality_id = $1",
        actor.municipality_id,
        malform.code()
    )
    .execute(&mut **tx)
    .await?;
    let after = MunicipalitySnapshot {
        malform: Some(malform.code().to_string()),
        ..before.clone()
    };
    let id = actor.municipality_id;
    audit::record(tx, actor, Action::Update, id, Some(&before), Some(&after)).await
}
