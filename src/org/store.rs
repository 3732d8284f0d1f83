//! The only code that writes units and people. Every function runs in the caller's
//! transaction, locks the row it changes, checks the version the user's form was based on, and
//! writes the audit row.

use chrono::{DateTime, Utc};

use super::{
    model::{PersonInput, UnitInput},
    read::{person_snapshot, unit_snapshot},
};
use crate::{
    audit::{self, Action, Actor, Table},
    db::Tx,
    domain::Hours,
    i18n::Lang,
};

/// Someone else saved the record after the user's form was loaded.
pub struct Conflict {
    /// The version saved now: a resubmission based on it is deliberate.
    pub version: i32,
    /// Who saved it, if the log knows.
    pub by: Option<String>,
    pub when: DateTime<Utc>,
}

impl Conflict {
    pub fn who_in(&self, lang: Lang) -> String {
        self.by
            .clone()
            .unwrap_or_else(|| lang.t("org-someone-else"))
    }
}

pub enum Outcome {
    Saved,
    /// The input equals what is saved; nothing was written.
    Unchanged,
    /// Refused: the form was based on an older version.
    Conflict(Conflict),
    /// Refused: the new parent is the unit itself or under it (saved meanwhile by someone
    /// else, since the form's own check came first).
    Cycle,
}

struct Locked {
    version: i32,
    updated_at: DateTime<Utc>,
}

async fn conflict(
    tx: &mut Tx<'_>,
    m: i64,
    table: Table,
    id: i64,
    row: Locked,
) -> Result<Outcome, sqlx::Error> {
    let last = audit::last_change(tx, m, table, id).await?;
    let (by, when) = match last {
        Some(l) => (Some(l.who), l.at),
        None => (None, row.updated_at),
    };
    Ok(Outcome::Conflict(Conflict {
        version: row.version,
        by,
        when,
    }))
}

pub async fn insert_unit(
    tx: &mut Tx<'_>,
    actor: Actor,
    input: &UnitInput,
) -> Result<i64, sqlx::Error> {
    let m = actor.municipality_id;
    let id = sqlx::query_scalar!(
        r#"
        insert into unit (municipality_id, name, short_name, leader_person_id, parent_unit_id)
        values ($1, $2, $3,
                (select person_id from person where person_id = $4 and municipality_id = $1),
                (select unit_id from unit where unit_id = $5 and municipality_id = $1))
        returning unit_id
        "#,
        m,
        input.name,
        input.short_name,
        input.leader_person_id,
        input.parent_unit_id
    )
    .fetch_one(&mut **tx)
    .await?;
    let after = unit_snapshot(tx, m, id).await?;
    audit::record(tx, actor, Action::Create, id, None, Some(&after)).await?;
    Ok(id)
}

/// Updates a unit if it is still at `based_on`. Commit only on `Saved`.
pub async fn update_unit(
    tx: &mut Tx<'_>,
    actor: Actor,
    id: i64,
    based_on: Option<i32>,
    input: &UnitInput,
) -> Result<Outcome, sqlx::Error> {
    let m = actor.municipality_id;
    let row = sqlx::query_as!(
        Locked,
        r#"select version, updated_at as "updated_at: DateTime<Utc>" from unit where unit_id = $1 and municipality_id = $2 for update"#,
        id,
        m
    )
    .fetch_one(&mut **tx)
    .await?;
    if based_on != Some(row.version) {
        return conflict(tx, m, Table::Unit, id, row).await;
    }
    if let Some(parent) = input.parent_unit_id {
        // Changes to the tree are taken one at a time per municipality, so two saves cannot
        // each pass the check below and together make a loop.
        sqlx::query!(
            r#"select 1 as "one!" from (select pg_advisory_xact_lock(hashtext('unit-tree'), hashtext($1::bigint::text))) l"#,
            m
        )
        .fetch_one(&mut **tx)
        .await?;
        let loops = sqlx::query_scalar!(
            r#"
            with recursive up(unit_id, depth) as (
                select unit_id, 0 from unit where unit_id = $2 and municipality_id = $3
                union
                select u.parent_unit_id, up.depth + 1 from unit u join up on u.unit_id = up.unit_id
                where u.parent_unit_id is not null and up.depth < 1000
            )
            select exists (select 1 from up where unit_id = $1) as "loops!"
            "#,
            id,
            parent,
            m
        )
        .fetch_one(&mut **tx)
        .await?;
        if loops {
            return Ok(Outcome::Cycle);
        }
    }
    let before = unit_snapshot(tx, m, id).await?;
    sqlx::query!(
        r#"
        update unit
        set name = $3, short_name = $4,
            leader_person_id = (select person_id from person where person_id = $5 and municipality_id = $2),
            parent_unit_id = (select unit_id from unit where unit_id = $6 and municipality_id = $2),
            version = version + 1, updated_at = now()
        where unit_id = $1 and municipality_id = $2
        "#,
        id,
        m,
        input.name,
        input.short_name,
        input.leader_person_id,
        input.parent_unit_id
    )
    .execute(&mut **tx)
    .await?;
    let after = unit_snapshot(tx, m, id).await?;
    if after == before {
        return Ok(Outcome::Unchanged);
    }
    audit::record(tx, actor, Action::Update, id, Some(&before), Some(&after)).await?;
    Ok(Outcome::Saved)
}

pub async fn insert_person(
    tx: &mut Tx<'_>,
    actor: Actor,
    input: &PersonInput,
) -> Result<i64, sqlx::Error> {
    let m = actor.municipality_id;
    let id = sqlx::query_scalar!(
        r#"
        insert into person (municipality_id, name, title, unit_id, email, phone)
        values ($1, $2, $3, (select unit_id from unit where unit_id = $4 and municipality_id = $1), $5, $6)
        returning person_id
        "#,
        m,
        input.name,
        input.title,
        input.unit_id,
        input.email,
        input.phone
    )
    .fetch_one(&mut **tx)
    .await?;
    let after = person_snapshot(tx, m, id).await?;
    audit::record(tx, actor, Action::Create, id, None, Some(&after)).await?;
    Ok(id)
}

/// Updates a person if they are still at `based_on`. Commit only on `Saved`.
pub async fn update_person(
    tx: &mut Tx<'_>,
    actor: Actor,
    id: i64,
    based_on: Option<i32>,
    input: &PersonInput,
) -> Result<Outcome, sqlx::Error> {
    let m = actor.municipality_id;
    let row = sqlx::query_as!(
        Locked,
        r#"select version, updated_at as "updated_at: DateTime<Utc>" from person where person_id = $1 and municipality_id = $2 for update"#,
        id,
        m
    )
    .fetch_one(&mut **tx)
    .await?;
    if based_on != Some(row.version) {
        return conflict(tx, m, Table::Person, id, row).await;
    }
    let before = person_snapshot(tx, m, id).await?;
    sqlx::query!(
        r#"
        update person
        set name = $3, title = $4,
            unit_id = (select unit_id from unit where unit_id = $5 and municipality_id = $2),
            email = $6, phone = $7, version = version + 1, updated_at = now()
        where person_id = $1 and municipality_id = $2
        "#,
        id,
        m,
        input.name,
        input.title,
        input.unit_id,
        input.email,
        input.phone
    )
    .execute(&mut **tx)
    .await?;
    let after = person_snapshot(tx, m, id).await?;
    if after == before {
        return Ok(Outcome::Unchanged);
    }
    audit::record(tx, actor, Action::Update, id, Some(&before), Some(&after)).await?;
    Ok(Outcome::Saved)
}

/// Sets a person's e-mail and phone: the contact details a system's superuser keeps current
/// from the system's form (their superusers' only). Audited as a change of the person.
pub async fn set_contact(
    tx: &mut Tx<'_>,
    actor: Actor,
    id: i64,
    email: Option<&str>,
    phone: Option<&str>,
) -> Result<(), sqlx::Error> {
    let m = actor.municipality_id;
    sqlx::query!(
        r#"select person_id from person where person_id = $1 and municipality_id = $2 for update"#,
        id,
        m
    )
    .fetch_one(&mut **tx)
    .await?;
    let before = person_snapshot(tx, m, id).await?;
    sqlx::query!(
        r#"
        update person set email = $3, phone = $4, version = version + 1, updated_at = now()
        where person_id = $1 and municipality_id = $2 and (email is distinct from $3 or phone is distinct from $4)
        "#,
        id,
        m,
        email,
        phone
    )
    .execute(&mut **tx)
    .await?;
    let after = person_snapshot(tx, m, id).await?;
    if after != before {
        audit::record(tx, actor, Action::Update, id, Some(&before), Some(&after)).await?;
    }
    Ok(())
}

/// Sets a person's capacity (own-effort hours per quarter, None clears it), set by the person
/// or an admin. Returns whether it changed; audited as a change of the person.
pub async fn set_capacity(
    tx: &mut Tx<'_>,
    actor: Actor,
    id: i64,
    capacity: Option<Hours>,
) -> Result<bool, sqlx::Error> {
    let m = actor.municipality_id;
    sqlx::query!(
        r#"select person_id from person where person_id = $1 and municipality_id = $2 for update"#,
        id,
        m
    )
    .fetch_one(&mut **tx)
    .await?;
    let before = person_snapshot(tx, m, id).await?;
    sqlx::query!(
        r#"
        update person set capacity_hours = $3, version = version + 1, updated_at = now()
        where person_id = $1 and municipality_id = $2 and capacity_hours is distinct from $3
        "#,
        id,
        m,
        capacity.map(|h| h.0)
    )
    .execute(&mut **tx)
    .await?;
    let after = person_snapshot(tx, m, id).await?;
    if after == before {
        return Ok(false);
    }
    audit::record(tx, actor, Action::Update, id, Some(&before), Some(&after)).await?;
    Ok(true)
}
