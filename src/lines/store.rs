//! The only writes of the line inventory; each audits itself in the same transaction.

use serde::Serialize;

use super::model::{
    LineInput, LineSnapshot, LineType, LinkInput, LocationInput, LocationSnapshot, Ownership,
    ThresholdSnapshot, Users,
};
use crate::{
    audit::{self, Action, Actor, Audited, Table},
    db::{Outcome, Tx},
    domain::Mbps,
    error::AppError,
};

/// Sets the municipality's Mbps-per-user threshold. Returns whether it changed.
pub async fn set_threshold(
    tx: &mut Tx<'_>,
    actor: Actor,
    value: Mbps,
) -> Result<bool, sqlx::Error> {
    let before = sqlx::query!(
        "select name, mbps_per_user_threshold from municipality where municipality_id = $1 for update",
        actor.municipality_id
    )
    .fetch_one(&mut **tx)
    .await?;
    if before.mbps_per_user_threshold == value.0 {
        return Ok(false);
    }
    sqlx::query!(
        "update municipality set mbps_per_user_threshold = $2 where municipality_id = $1",
        actor.municipality_id,
        value.0
    )
    .execute(&mut **tx)
    .await?;
    let snap = |d| ThresholdSnapshot {
        name: before.name.clone(),
        mbps_per_user_threshold: Mbps(d).plain(),
    };
    audit::record(
        tx,
        actor,
        Action::Update,
        actor.municipality_id,
        Some(&snap(before.mbps_per_user_threshold)),
        Some(&snap(value.0)),
    )
    .await?;
    Ok(true)
}

/// A location as the log keeps it, read inside the transaction.
async fn location_snapshot(
    tx: &mut Tx<'_>,
    m: i64,
    id: i64,
) -> Result<Option<(LocationSnapshot, i32)>, sqlx::Error> {
    Ok(sqlx::query!(
        "select name, address, users_count, users_none, notes, version from location
         where location_id = $1 and municipality_id = $2 for update",
        id,
        m
    )
    .fetch_optional(&mut **tx)
    .await?
    .map(|r| {
        let input = LocationInput {
            name: r.name,
            address: r.address,
            users: Users::of(r.users_count, r.users_none),
            notes: r.notes,
        };
        (LocationSnapshot::of(&input), r.version)
    }))
}

/// Adds a location; `None` when the name is taken (the form says so beside the field).
pub async fn insert_location(
    tx: &mut Tx<'_>,
    actor: Actor,
    input: &LocationInput,
) -> Result<Option<i64>, sqlx::Error> {
    let id = sqlx::query_scalar!(
        r#"insert into location (municipality_id, name, address, users_count, users_none, notes)
           values ($1, $2, $3, $4, $5, $6)
           on conflict (municipality_id, name) do nothing
           returning location_id"#,
        actor.municipality_id,
        input.name,
        input.address,
        input.users.count(),
        input.users == Users::None,
        input.notes
    )
    .fetch_optional(&mut **tx)
    .await?;
    if let Some(id) = id {
        let after = LocationSnapshot::of(input);
        audit::record(tx, actor, Action::Create, id, None, Some(&after)).await?;
    }
    Ok(id)
}

/// Saves the location form if it is still at `based_on`. A taken name is a database error the
/// handler turns into a message (`location_municipality_id_name_key`).
pub async fn update_location(
    tx: &mut Tx<'_>,
    actor: Actor,
    id: i64,
    based_on: Option<i32>,
    input: &LocationInput,
) -> Result<Outcome, AppError> {
    let m = actor.municipality_id;
    let (before, version) = location_snapshot(tx, m, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if based_on != Some(version) {
        return Ok(audit::stale(tx, m, Table::Location, id).await?);
    }
    let after = LocationSnapshot::of(input);
    if after == before {
        return Ok(Outcome::Unchanged);
    }
    sqlx::query!(
        r#"update location set name = $3, address = $4, users_count = $5, users_none = $6,
               notes = $7, version = version + 1, updated_at = now()
           where location_id = $1 and municipality_id = $2"#,
        id,
        m,
        input.name,
        input.address,
        input.users.count(),
        input.users == Users::None,
        input.notes
    )
    .execute(&mut **tx)
    .await?;
    audit::record(tx, actor, Action::Update, id, Some(&before), Some(&after)).await?;
    Ok(Outcome::Saved)
}

/// Deletes a location with its lines (each line's deletion logged too) and its links to
/// measures. Returns the deleted location's name.
pub async fn delete_location(
    tx: &mut Tx<'_>,
    actor: Actor,
    id: i64,
) -> Result<Option<String>, sqlx::Error> {
    let m = actor.municipality_id;
    let Some((before, _)) = location_snapshot(tx, m, id).await? else {
        return Ok(None);
    };
    let lines = sqlx::query_scalar!(
        "select line_id from line where location_id = $1 and municipality_id = $2 order by position, line_id",
        id,
        m
    )
    .fetch_all(&mut **tx)
    .await?;
    for line_id in lines {
        delete_line(tx, actor, line_id).await?;
    }
    sqlx::query!(
        "delete from location where location_id = $1 and municipality_id = $2",
        id,
        m
    )
    .execute(&mut **tx)
    .await?;
    audit::record(tx, actor, Action::Delete, id, Some(&before), None).await?;
    Ok(Some(before.name))
}

/// A line as the log keeps it, locked, with its version and its location's id.
async fn line_snapshot(
    tx: &mut Tx<'_>,
    m: i64,
    id: i64,
) -> Result<Option<(LineSnapshot, i32, i64)>, sqlx::Error> {
    let Some(r) = sqlx::query!(
        r#"select l.name as location, n.location_id, n.purpose, n.down_mbps, n.up_mbps,
                  n.line_type, n.ownership, n.provider, n.theoretical_max, n.yearly_cost,
                  n.contract_expires as "contract_expires: chrono::NaiveDate", n.notice_days,
                  n.notes, n.version
           from line n join location l on l.location_id = n.location_id
           where n.line_id = $1 and n.municipality_id = $2
           for update of n"#,
        id,
        m
    )
    .fetch_optional(&mut **tx)
    .await?
    else {
        return Ok(None);
    };
    let input = LineInput {
        purpose: r.purpose,
        down_mbps: r.down_mbps,
        up_mbps: r.up_mbps,
        line_type: LineType::parse(&r.line_type).unwrap_or(LineType::Other),
        ownership: Ownership::parse(&r.ownership).unwrap_or(Ownership::Own),
        provider: r.provider,
        theoretical_max: r.theoretical_max,
        yearly_cost: r.yearly_cost,
        contract_expires: r.contract_expires,
        notice_days: r.notice_days,
        notes: r.notes,
    };
    Ok(Some((
        LineSnapshot::of(&r.location, &input),
        r.version,
        r.location_id,
    )))
}

/// Adds a line last at its location; `None` when the location is not the municipality's.
pub async fn insert_line(
    tx: &mut Tx<'_>,
    actor: Actor,
    location_id: i64,
    input: &LineInput,
) -> Result<Option<i64>, sqlx::Error> {
    let m = actor.municipality_id;
    let Some(location) = sqlx::query_scalar!(
        "select name from location where location_id = $1 and municipality_id = $2 for update",
        location_id,
        m
    )
    .fetch_optional(&mut **tx)
    .await?
    else {
        return Ok(None);
    };
    let id = sqlx::query_scalar!(
        r#"insert into line (municipality_id, location_id, position, purpose, down_mbps, up_mbps,
               line_type, ownership, provider, theoretical_max, yearly_cost, contract_expires,
               notice_days, notes)
           values ($1, $2,
               (select coalesce(max(position) + 1, 0) from line where location_id = $2),
               $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
           returning line_id"#,
        m,
        location_id,
        input.purpose,
        input.down_mbps,
        input.up_mbps,
        input.line_type.code(),
        input.ownership.code(),
        input.provider,
        input.theoretical_max,
        input.yearly_cost,
        input.contract_expires as _,
        input.notice_days,
        input.notes
    )
    .fetch_one(&mut **tx)
    .await?;
    let after = LineSnapshot::of(&location, input);
    audit::record(tx, actor, Action::Create, id, None, Some(&after)).await?;
    Ok(Some(id))
}

/// Saves the line form if the line is still at `based_on`.
pub async fn update_line(
    tx: &mut Tx<'_>,
    actor: Actor,
    id: i64,
    based_on: Option<i32>,
    input: &LineInput,
) -> Result<Outcome, AppError> {
    let m = actor.municipality_id;
    let (before, version, _) = line_snapshot(tx, m, id).await?.ok_or(AppError::NotFound)?;
    if based_on != Some(version) {
        return Ok(audit::stale(tx, m, Table::Line, id).await?);
    }
    let after = LineSnapshot::of(&before.location, input);
    if after == before {
        return Ok(Outcome::Unchanged);
    }
    sqlx::query!(
        r#"update line set purpose = $3, down_mbps = $4, up_mbps = $5, line_type = $6,
               ownership = $7, provider = $8, theoretical_max = $9, yearly_cost = $10,
               contract_expires = $11, notice_days = $12, notes = $13,
               version = version + 1, updated_at = now()
           where line_id = $1 and municipality_id = $2"#,
        id,
        m,
        input.purpose,
        input.down_mbps,
        input.up_mbps,
        input.line_type.code(),
        input.ownership.code(),
        input.provider,
        input.theoretical_max,
        input.yearly_cost,
        input.contract_expires as _,
        input.notice_days,
        input.notes
    )
    .execute(&mut **tx)
    .await?;
    audit::record(tx, actor, Action::Update, id, Some(&before), Some(&after)).await?;
    Ok(Outcome::Saved)
}

/// Deletes a line; returns its location's id (where the user goes back to).
pub async fn delete_line(
    tx: &mut Tx<'_>,
    actor: Actor,
    id: i64,
) -> Result<Option<i64>, sqlx::Error> {
    let m = actor.municipality_id;
    let Some((before, _, location_id)) = line_snapshot(tx, m, id).await? else {
        return Ok(None);
    };
    sqlx::query!(
        "delete from line where line_id = $1 and municipality_id = $2",
        id,
        m
    )
    .execute(&mut **tx)
    .await?;
    audit::record(tx, actor, Action::Delete, id, Some(&before), None).await?;
    Ok(Some(location_id))
}

/// A measure's link to a location, as the location's log keeps it: the inventory is
/// confidential, so the link is not in the measure's log (which every role reads).
#[derive(Serialize, Clone, Debug, PartialEq)]
struct LocationMeasure {
    name: String,
    measure: String,
}

impl Audited for LocationMeasure {
    const TABLE: Table = Table::Location;
    fn name(&self) -> String {
        self.name.clone()
    }
}

/// A measure's link to a place not in the inventory, as the measure's log keeps it.
#[derive(Serialize, Clone, Debug, PartialEq)]
struct MeasurePlace {
    title: String,
    place: String,
}

impl Audited for MeasurePlace {
    const TABLE: Table = Table::Measure;
    fn name(&self) -> String {
        self.title.clone()
    }
}

/// Logs a link made (`linked`) or removed, on the location or on the measure.
async fn log_link(
    tx: &mut Tx<'_>,
    actor: Actor,
    measure_id: i64,
    title: &str,
    location_id: Option<i64>,
    place: Option<&str>,
    linked: bool,
) -> Result<(), sqlx::Error> {
    let pick = |s: String| {
        if linked {
            (String::new(), s)
        } else {
            (s, String::new())
        }
    };
    match (location_id, place) {
        (Some(id), _) => {
            let name = sqlx::query_scalar!(
                "select name from location where location_id = $1 and municipality_id = $2",
                id,
                actor.municipality_id
            )
            .fetch_one(&mut **tx)
            .await?;
            let (before, after) = pick(title.to_string());
            let snap = |measure| LocationMeasure {
                name: name.clone(),
                measure,
            };
            audit::record(
                tx,
                actor,
                Action::Update,
                id,
                Some(&snap(before)),
                Some(&snap(after)),
            )
            .await
        }
        (None, Some(p)) => {
            let (before, after) = pick(p.to_string());
            let snap = |place| MeasurePlace {
                title: title.to_string(),
                place,
            };
            audit::record(
                tx,
                actor,
                Action::Update,
                measure_id,
                Some(&snap(before)),
                Some(&snap(after)),
            )
            .await
        }
        (None, None) => Ok(()),
    }
}

async fn measure_title(tx: &mut Tx<'_>, m: i64, measure_id: i64) -> Result<String, AppError> {
    sqlx::query_scalar!(
        "select title from measure where measure_id = $1 and municipality_id = $2 for update",
        measure_id,
        m
    )
    .fetch_optional(&mut **tx)
    .await?
    .ok_or(AppError::NotFound)
}

/// Links a measure to a location or a place. `Ok(false)` when it was linked already; a
/// measure or location not the municipality's is `NotFound`.
pub async fn link_measure(
    tx: &mut Tx<'_>,
    actor: Actor,
    measure_id: i64,
    link: &LinkInput,
) -> Result<bool, AppError> {
    let m = actor.municipality_id;
    let title = measure_title(tx, m, measure_id).await?;
    let (location_id, place) = match link {
        LinkInput::Location(id) => {
            let mine = sqlx::query_scalar!(
                "select location_id from location where location_id = $1 and municipality_id = $2",
                id,
                m
            )
            .fetch_optional(&mut **tx)
            .await?;
            (Some(mine.ok_or(AppError::NotFound)?), None)
        }
        LinkInput::Place(p) => (None, Some(p.as_str())),
    };
    let added = sqlx::query!(
        r#"insert into measure_location (measure_id, location_id, place, municipality_id)
           values ($1, $2, $3, $4) on conflict do nothing"#,
        measure_id,
        location_id,
        place,
        m
    )
    .execute(&mut **tx)
    .await?
    .rows_affected()
        > 0;
    if added {
        log_link(tx, actor, measure_id, &title, location_id, place, true).await?;
    }
    Ok(added)
}

/// Removes one of a measure's links. `Ok(false)` when it was gone already.
pub async fn unlink_measure(
    tx: &mut Tx<'_>,
    actor: Actor,
    measure_id: i64,
    link_id: i64,
) -> Result<bool, AppError> {
    let m = actor.municipality_id;
    let title = measure_title(tx, m, measure_id).await?;
    let Some(gone) = sqlx::query!(
        "delete from measure_location where measure_location_id = $1 and measure_id = $2 and municipality_id = $3
         returning location_id, place",
        link_id,
        measure_id,
        m
    )
    .fetch_optional(&mut **tx)
    .await?
    else {
        return Ok(false);
    };
    log_link(
        tx,
        actor,
        measure_id,
        &title,
        gone.location_id,
        gone.place.as_deref(),
        false,
    )
    .await?;
    Ok(true)
}
