//! The only code that writes measures and their children (strategies, costs, schedule cells,
//! dependencies, status changes). Every function runs in the caller's transaction, locks the
//! row it changes, checks the version the user's form was based on, and writes the audit row.

use chrono::{DateTime, NaiveDate, Utc};

use super::{
    model::{MeasureInput, MeasureSnapshot, Status, StatusInput},
    read::snapshot,
};
use crate::{
    audit::{self, Action, Actor, Table},
    db::Tx,
    i18n::Lang,
};

/// Someone else saved the measure after the user's form was loaded.
pub struct Conflict {
    /// The version saved now: a resubmission based on it is deliberate.
    pub version: i32,
    pub current: MeasureSnapshot,
    /// Who saved it, «en annen» when the log does not say (bokmål, for the import's message).
    pub who: String,
    /// Who saved it, if the log knows: `who_in` says «someone else» in the reader's language.
    pub by: Option<String>,
    pub when: DateTime<Utc>,
}

impl Conflict {
    /// Who saved meanwhile, in `lang`.
    pub fn who_in(&self, lang: Lang) -> String {
        self.by
            .clone()
            .unwrap_or_else(|| lang.t("measure-someone-else"))
    }
}

pub enum Outcome {
    Saved,
    /// The input equals what is saved; nothing was written.
    Unchanged,
    /// Refused: the form was based on an older version.
    Conflict(Box<Conflict>),
}

/// Inserts a measure with its strategies, costs, schedule and dependencies, and audits it.
pub async fn insert(
    tx: &mut Tx<'_>,
    actor: Actor,
    action_plan_id: i64,
    input: &MeasureInput,
) -> Result<i64, sqlx::Error> {
    let m = actor.municipality_id;
    let (person, unit, text) = input.responsible.columns();
    let id = sqlx::query_scalar!(
        r#"
        insert into measure (municipality_id, action_plan_id, position, title, description,
                             responsible_person_id, responsible_unit_id, responsible_text, hours, priority,
                             status, status_date, status_comment, predecessor_measure_id)
        values ($1, $2, (select coalesce(max(position), 0) + 1 from measure where action_plan_id = $2),
                $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
        returning measure_id
        "#,
        m,
        action_plan_id,
        input.title.trim(),
        input.description,
        person,
        unit,
        text,
        input.hours.map(|h| h.0),
        input.priority,
        input.status.code(),
        input.status_date as _,
        input.status_comment,
        input.predecessor_measure_id
    )
    .fetch_one(&mut **tx)
    .await?;
    write_children(tx, m, id, input).await?;
    record_status_change(tx, actor, id, &input.status_input()).await?;
    let after = snapshot(tx, m, id).await?;
    audit::record(tx, actor, Action::Create, id, None, Some(&after)).await?;
    Ok(id)
}

/// Updates every field of a measure if it is still at `based_on`. Commit only on `Saved`.
pub async fn update(
    tx: &mut Tx<'_>,
    actor: Actor,
    id: i64,
    based_on: Option<i32>,
    input: &MeasureInput,
) -> Result<Outcome, sqlx::Error> {
    let m = actor.municipality_id;
    let row = lock(tx, m, id).await?;
    if based_on != Some(row.version) {
        return Ok(Outcome::Conflict(Box::new(
            conflict(tx, m, id, &row).await?,
        )));
    }
    let before = snapshot(tx, m, id).await?;
    let (person, unit, text) = input.responsible.columns();
    sqlx::query!(
        r#"
        update measure
        set title = $3, description = $4, responsible_person_id = $5, responsible_unit_id = $6,
            responsible_text = $7, hours = $8, priority = $9, status = $10, status_date = $11,
            status_comment = $12, version = version + 1, updated_at = now()
        where measure_id = $1 and municipality_id = $2
        "#,
        id,
        m,
        input.title.trim(),
        input.description,
        person,
        unit,
        text,
        input.hours.map(|h| h.0),
        input.priority,
        input.status.code(),
        input.status_date as _,
        input.status_comment
    )
    .execute(&mut **tx)
    .await?;
    write_children(tx, m, id, input).await?;
    let after = snapshot(tx, m, id).await?;
    if after == before {
        return Ok(Outcome::Unchanged);
    }
    let status = input.status_input();
    if status != row.status() {
        record_status_change(tx, actor, id, &status).await?;
    }
    audit::record(tx, actor, Action::Update, id, Some(&before), Some(&after)).await?;
    Ok(Outcome::Saved)
}

/// Sets status, status date and comment if the measure is still at `based_on`: the progress
/// plan's row and the measure page's quick form.
pub async fn set_status(
    tx: &mut Tx<'_>,
    actor: Actor,
    id: i64,
    based_on: i32,
    status: &StatusInput,
) -> Result<Outcome, sqlx::Error> {
    let m = actor.municipality_id;
    let row = lock(tx, m, id).await?;
    if based_on != row.version {
        return Ok(Outcome::Conflict(Box::new(
            conflict(tx, m, id, &row).await?,
        )));
    }
    let before = snapshot(tx, m, id).await?;
    sqlx::query!(
        r#"
        update measure set status = $3, status_date = $4, status_comment = $5, version = version + 1, updated_at = now()
        where measure_id = $1 and municipality_id = $2
        "#,
        id,
        m,
        status.status.code(),
        status.date as _,
        status.comment
    )
    .execute(&mut **tx)
    .await?;
    // Saving the same status again still records it: the user confirmed it at this date.
    record_status_change(tx, actor, id, status).await?;
    let after = snapshot(tx, m, id).await?;
    audit::record(tx, actor, Action::Update, id, Some(&before), Some(&after)).await?;
    Ok(Outcome::Saved)
}

/// What was deleted, for the message and the way back.
pub struct Deleted {
    pub title: String,
    pub action_plan_id: i64,
}

/// Deletes a measure. Measures that depended on it lose that dependency: they are versioned and
/// audited too, so an open edit form of theirs does not silently put it back.
pub async fn delete(tx: &mut Tx<'_>, actor: Actor, id: i64) -> Result<Deleted, sqlx::Error> {
    let m = actor.municipality_id;
    let r = sqlx::query!(
        r#"select title, action_plan_id from measure where measure_id = $1 and municipality_id = $2 for update"#,
        id,
        m
    )
    .fetch_one(&mut **tx)
    .await?;
    let before = snapshot(tx, m, id).await?;
    let dependents = sqlx::query_scalar!(
        r#"select measure_id from measure_dependency where depends_on_id = $1 and municipality_id = $2 order by measure_id"#,
        id,
        m
    )
    .fetch_all(&mut **tx)
    .await?;
    let mut dependent_before = Vec::new();
    for d in &dependents {
        dependent_before.push(snapshot(tx, m, *d).await?);
    }
    sqlx::query!(
        r#"delete from measure where measure_id = $1 and municipality_id = $2"#,
        id,
        m
    )
    .execute(&mut **tx)
    .await?;
    audit::record(tx, actor, Action::Delete, id, Some(&before), None).await?;
    for (d, before) in dependents.into_iter().zip(dependent_before) {
        sqlx::query!(
            r#"update measure set version = version + 1, updated_at = now() where measure_id = $1 and municipality_id = $2"#,
            d,
            m
        )
        .execute(&mut **tx)
        .await?;
        let after = snapshot(tx, m, d).await?;
        audit::record(tx, actor, Action::Update, d, Some(&before), Some(&after)).await?;
    }
    Ok(Deleted {
        title: r.title,
        action_plan_id: r.action_plan_id,
    })
}

/// Adds dependencies to a measure (the roll adds those on measures copied after it).
pub async fn add_dependencies(
    tx: &mut Tx<'_>,
    actor: Actor,
    id: i64,
    depends_on: &[i64],
) -> Result<(), sqlx::Error> {
    let m = actor.municipality_id;
    let before = snapshot(tx, m, id).await?;
    sqlx::query!(
        r#"
        insert into measure_dependency (measure_id, depends_on_id, municipality_id)
        select $1, d.measure_id, $2 from measure d
        where d.municipality_id = $2 and d.measure_id = any($3) and d.measure_id <> $1
          and d.action_plan_id = (select action_plan_id from measure where measure_id = $1)
        on conflict do nothing
        "#,
        id,
        m,
        depends_on
    )
    .execute(&mut **tx)
    .await?;
    sqlx::query!(
        r#"update measure set version = version + 1, updated_at = now() where measure_id = $1 and municipality_id = $2"#,
        id,
        m
    )
    .execute(&mut **tx)
    .await?;
    let after = snapshot(tx, m, id).await?;
    audit::record(tx, actor, Action::Update, id, Some(&before), Some(&after)).await
}

struct Locked {
    version: i32,
    status: String,
    status_date: Option<NaiveDate>,
    status_comment: Option<String>,
    updated_at: DateTime<Utc>,
}

impl Locked {
    fn status(&self) -> StatusInput {
        StatusInput {
            status: Status::parse(&self.status).unwrap_or(Status::NotStarted),
            date: self.status_date,
            comment: self.status_comment.clone(),
        }
    }
}

/// The measure's row, locked (`for update`) so two saves cannot both pass the version check.
async fn lock(tx: &mut Tx<'_>, m: i64, id: i64) -> Result<Locked, sqlx::Error> {
    sqlx::query_as!(
        Locked,
        r#"
        select version, status, status_date as "status_date: NaiveDate", status_comment,
               updated_at as "updated_at: DateTime<Utc>"
        from measure where measure_id = $1 and municipality_id = $2
        for update
        "#,
        id,
        m
    )
    .fetch_one(&mut **tx)
    .await
}

async fn conflict(tx: &mut Tx<'_>, m: i64, id: i64, row: &Locked) -> Result<Conflict, sqlx::Error> {
    let current = snapshot(tx, m, id).await?;
    let last = audit::last_change(tx, m, Table::Measure, id).await?;
    let (by, when) = match last {
        Some(l) => (Some(l.who), l.at),
        None => (None, row.updated_at),
    };
    let who = match &by {
        Some(w) => w.clone(),
        None => "en annen".to_string(),
    };
    Ok(Conflict {
        version: row.version,
        current,
        who,
        by,
        when,
    })
}

/// The one place a status change is recorded for the measure's timeline.
async fn record_status_change(
    tx: &mut Tx<'_>,
    actor: Actor,
    id: i64,
    status: &StatusInput,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        r#"
        insert into measure_status_change (municipality_id, measure_id, status, status_date, comment, app_user_id)
        values ($1, $2, $3, $4, $5, $6)
        "#,
        actor.municipality_id,
        id,
        status.status.code(),
        status.date as _,
        status.comment,
        actor.user_id
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Replaces a measure's strategies, costs, cells and dependencies with the input's.
async fn write_children(
    tx: &mut Tx<'_>,
    m: i64,
    id: i64,
    input: &MeasureInput,
) -> Result<(), sqlx::Error> {
    sqlx::query!(r#"delete from measure_strategy where measure_id = $1"#, id)
        .execute(&mut **tx)
        .await?;
    sqlx::query!(r#"delete from measure_cost where measure_id = $1"#, id)
        .execute(&mut **tx)
        .await?;
    sqlx::query!(r#"delete from schedule_cell where measure_id = $1"#, id)
        .execute(&mut **tx)
        .await?;
    sqlx::query!(
        r#"delete from measure_dependency where measure_id = $1"#,
        id
    )
    .execute(&mut **tx)
    .await?;
    // Only the municipality's own strategies, and measures of the same plan, can be linked.
    sqlx::query!(
        r#"
        insert into measure_strategy (measure_id, strategy_id, municipality_id)
        select $1, s.strategy_id, $2 from strategy s where s.municipality_id = $2 and s.strategy_id = any($3)
        on conflict do nothing
        "#,
        id,
        m,
        &input.strategy_ids
    )
    .execute(&mut **tx)
    .await?;
    for (i, c) in input.costs.iter().enumerate() {
        sqlx::query!(
            r#"
            insert into measure_cost (municipality_id, measure_id, position, description, amount,
                                      amount_note, financing, financing_project, remark)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            "#,
            m,
            id,
            i as i32,
            c.description,
            c.amount.map(|a| a.0),
            c.amount_note,
            c.financing.code(),
            c.financing_project,
            c.remark
        )
        .execute(&mut **tx)
        .await?;
    }
    let years: Vec<i32> = input.cells.iter().map(|c| c.year).collect();
    let periods: Vec<i32> = input.cells.iter().map(|c| c.period).collect();
    let labels: Vec<Option<String>> = input.cells.iter().map(|c| c.label.clone()).collect();
    sqlx::query!(
        r#"
        insert into schedule_cell (measure_id, municipality_id, year, period, label)
        select $1, $2, y, p, l from unnest($3::int[], $4::int[], $5::text[]) as t(y, p, l)
        on conflict do nothing
        "#,
        id,
        m,
        &years,
        &periods,
        &labels as &[Option<String>]
    )
    .execute(&mut **tx)
    .await?;
    sqlx::query!(
        r#"
        insert into measure_dependency (measure_id, depends_on_id, municipality_id)
        select $1, d.measure_id, $2 from measure d
        where d.municipality_id = $2 and d.measure_id = any($3) and d.measure_id <> $1
          -- Dependencies stay within the measure's own plan.
          and d.action_plan_id = (select action_plan_id from measure where measure_id = $1)
        on conflict do nothing
        "#,
        id,
        m,
        &input.depends_on
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}
