//! The only code that writes systems, their superusers, their links to measures and their
//! administration meetings. Every function runs in the caller's transaction, locks the row,
//! checks the version the form was based on, and writes the audit row.

use chrono::NaiveDate;

use super::model::{
    CooperationSnapshot, MeetingInput, MeetingSnapshot, Owner, SystemInput, SystemSnapshot,
};
use crate::{
    audit::{self, Action, Actor, Table},
    db::Tx,
    domain::{format_date, format_datetime},
    i18n::Lang,
};

pub use crate::db::Outcome;

fn owner_columns(o: &Owner) -> (Option<i64>, Option<&str>) {
    match o {
        Owner::Nobody => (None, None),
        Owner::Unit(id) => (Some(*id), None),
        Owner::Text(t) => (None, Some(t.as_str())),
    }
}

pub async fn insert(
    tx: &mut Tx<'_>,
    actor: Actor,
    input: &SystemInput,
) -> Result<i64, sqlx::Error> {
    let m = actor.municipality_id;
    let (owner_unit, owner_text) = owner_columns(&input.owner);
    let id = sqlx::query_scalar!(
        r#"
        insert into system (municipality_id, name, description, vendor, operator_kind, operator_name,
                            owner_unit_id, owner_text, administrator_id, users_count, cooperation_id, host,
                            server_location, database, lifecycle, criticality, personal_data, data_controller,
                            dpa, dpa_date, dpia_date, processing_record_ref, archive_records, archive_method,
                            support_with, support_expires, support_notice_days, last_evaluated, notes)
        values ($1, $2, $3, $4, $5, $6,
                (select unit_id from unit where unit_id = $7 and municipality_id = $1), $8,
                (select person_id from person where person_id = $9 and municipality_id = $1), $10,
                (select cooperation_id from cooperation where cooperation_id = $11 and municipality_id = $1),
                $12, $13, $14, coalesce($15, 'in_use'), $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26,
                $27, $28, $29)
        returning system_id
        "#,
        m,
        input.name.trim(),
        input.description,
        input.vendor,
        input.operator_kind.map(|o| o.code()),
        input.operator_name,
        owner_unit,
        owner_text,
        input.administrator_id,
        input.users_count,
        input.cooperation_id,
        input.host,
        input.server_location,
        input.database,
        input.lifecycle.map(|l| l.code()),
        input.criticality.map(|c| c.code()),
        input.personal_data,
        input.data_controller,
        input.dpa,
        input.dpa_date as _,
        input.dpia_date as _,
        input.processing_record_ref,
        input.archive_records,
        input.archive_method.map(|a| a.code()),
        input.support_with,
        input.support_expires as _,
        input.support_notice_days,
        input.last_evaluated as _,
        input.notes
    )
    .fetch_one(&mut **tx)
    .await?;
    write_children(tx, m, id, input).await?;
    let after = snapshot(tx, m, id).await?;
    audit::record(tx, actor, Action::Create, id, None, Some(&after)).await?;
    Ok(id)
}

struct Locked {
    version: i32,
}

async fn lock(tx: &mut Tx<'_>, m: i64, id: i64) -> Result<Locked, sqlx::Error> {
    let version = sqlx::query_scalar!(
        r#"select version from system where system_id = $1 and municipality_id = $2 for update"#,
        id,
        m
    )
    .fetch_one(&mut **tx)
    .await?;
    Ok(Locked { version })
}

async fn stale(tx: &mut Tx<'_>, m: i64, id: i64) -> Result<Outcome, sqlx::Error> {
    audit::stale(tx, m, Table::System, id).await
}

/// Updates every field if the system is still at `based_on`. Commit only on `Saved`.
pub async fn update(
    tx: &mut Tx<'_>,
    actor: Actor,
    id: i64,
    based_on: i32,
    input: &SystemInput,
) -> Result<Outcome, sqlx::Error> {
    let m = actor.municipality_id;
    if lock(tx, m, id).await?.version != based_on {
        return stale(tx, m, id).await;
    }
    let before = snapshot(tx, m, id).await?;
    let (owner_unit, owner_text) = owner_columns(&input.owner);
    sqlx::query!(
        r#"
        update system set
            name = $3, description = $4, vendor = $5, operator_kind = $6, operator_name = $7,
            owner_unit_id = (select unit_id from unit where unit_id = $8 and municipality_id = $2),
            owner_text = $9,
            administrator_id = (select person_id from person where person_id = $10 and municipality_id = $2),
            users_count = $11,
            cooperation_id = (select cooperation_id from cooperation where cooperation_id = $12 and municipality_id = $2),
            host = $13, server_location = $14, database = $15, lifecycle = coalesce($16, 'in_use'),
            criticality = $17, personal_data = $18, data_controller = $19, dpa = $20, dpa_date = $21,
            dpia_date = $22, processing_record_ref = $23, archive_records = $24, archive_method = $25,
            support_with = $26, support_expires = $27, support_notice_days = $28, last_evaluated = $29,
            notes = $30, version = version + 1, updated_at = now()
        where system_id = $1 and municipality_id = $2
        "#,
        id,
        m,
        input.name.trim(),
        input.description,
        input.vendor,
        input.operator_kind.map(|o| o.code()),
        input.operator_name,
        owner_unit,
        owner_text,
        input.administrator_id,
        input.users_count,
        input.cooperation_id,
        input.host,
        input.server_location,
        input.database,
        input.lifecycle.map(|l| l.code()),
        input.criticality.map(|c| c.code()),
        input.personal_data,
        input.data_controller,
        input.dpa,
        input.dpa_date as _,
        input.dpia_date as _,
        input.processing_record_ref,
        input.archive_records,
        input.archive_method.map(|a| a.code()),
        input.support_with,
        input.support_expires as _,
        input.support_notice_days,
        input.last_evaluated as _,
        input.notes
    )
    .execute(&mut **tx)
    .await?;
    write_children(tx, m, id, input).await?;
    let after = snapshot(tx, m, id).await?;
    if after == before {
        return Ok(Outcome::Unchanged);
    }
    audit::record(tx, actor, Action::Update, id, Some(&before), Some(&after)).await?;
    Ok(Outcome::Saved)
}

async fn write_children(
    tx: &mut Tx<'_>,
    m: i64,
    id: i64,
    input: &SystemInput,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        r#"delete from system_superuser where system_id = $1 and municipality_id = $2"#,
        id,
        m
    )
    .execute(&mut **tx)
    .await?;
    for (position, person) in input.superusers.iter().enumerate() {
        sqlx::query!(
            r#"
            insert into system_superuser (system_id, person_id, municipality_id, position)
            select $1, person_id, $2, $4 from person where person_id = $3 and municipality_id = $2
            on conflict do nothing
            "#,
            id,
            m,
            person,
            position as i32
        )
        .execute(&mut **tx)
        .await?;
    }
    sqlx::query!(
        r#"delete from measure_system where system_id = $1 and municipality_id = $2"#,
        id,
        m
    )
    .execute(&mut **tx)
    .await?;
    sqlx::query!(
        r#"
        insert into measure_system (measure_id, system_id, municipality_id)
        select measure_id, $1, $2 from measure where municipality_id = $2 and measure_id = any($3)
        on conflict do nothing
        "#,
        id,
        m,
        &input.measures
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Adds a cooperation (the seed; the register has no form for them yet).
pub async fn insert_cooperation(
    tx: &mut Tx<'_>,
    actor: Actor,
    name: &str,
    members: &[String],
    board: Option<&str>,
    note: Option<&str>,
) -> Result<i64, sqlx::Error> {
    let id = sqlx::query_scalar!(
        r#"
        insert into cooperation (municipality_id, name, members, board, note)
        values ($1, $2, $3, $4, $5) returning cooperation_id
        "#,
        actor.municipality_id,
        name,
        members,
        board,
        note
    )
    .fetch_one(&mut **tx)
    .await?;
    let after = CooperationSnapshot {
        name: name.to_string(),
        members: members.join(", "),
        board: board.unwrap_or_default().to_string(),
        note: note.unwrap_or_default().to_string(),
    };
    audit::record(tx, actor, Action::Create, id, None, Some(&after)).await?;
    Ok(id)
}

/// A superuser or the system administrator says «opplysningene er riktige».
pub async fn confirm(tx: &mut Tx<'_>, actor: Actor, id: i64) -> Result<(), sqlx::Error> {
    let m = actor.municipality_id;
    lock(tx, m, id).await?;
    let before = snapshot(tx, m, id).await?;
    sqlx::query!(
        r#"update system set confirmed_at = now(), confirmed_by = $3, version = version + 1 where system_id = $1 and municipality_id = $2"#,
        id,
        m,
        actor.user_id
    )
    .execute(&mut **tx)
    .await?;
    let after = snapshot(tx, m, id).await?;
    audit::record(tx, actor, Action::Update, id, Some(&before), Some(&after)).await?;
    Ok(())
}

pub async fn add_meeting(
    tx: &mut Tx<'_>,
    actor: Actor,
    system_id: i64,
    held_on: NaiveDate,
    input: &MeetingInput,
) -> Result<i64, sqlx::Error> {
    let m = actor.municipality_id;
    lock(tx, m, system_id).await?;
    let id = sqlx::query_scalar!(
        r#"
        insert into system_meeting (municipality_id, system_id, held_on, attendees, operations, satisfaction,
                                    training, security, contingency, development, changes, created_by)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
        returning system_meeting_id
        "#,
        m,
        system_id,
        held_on as _,
        input.attendees,
        input.topic("operations"),
        input.topic("satisfaction"),
        input.topic("training"),
        input.topic("security"),
        input.topic("contingency"),
        input.topic("development"),
        input.topic("changes"),
        actor.user_id
    )
    .fetch_one(&mut **tx)
    .await?;
    let system = sqlx::query_scalar!(
        r#"select name from system where system_id = $1 and municipality_id = $2"#,
        system_id,
        m
    )
    .fetch_one(&mut **tx)
    .await?;
    let topics = super::model::MEETING_TOPICS
        .iter()
        .filter_map(|(f, key)| input.topic(f).map(|t| format!("{}: {t}", Lang::Nb.t(key))))
        .collect::<Vec<_>>()
        .join("\n");
    let after = MeetingSnapshot {
        system,
        held_on: format_date(held_on),
        attendees: input.attendees.clone().unwrap_or_default(),
        topics,
    };
    audit::record(tx, actor, Action::Create, id, None, Some(&after)).await?;
    Ok(id)
}

/// The system as the audit log keeps it.
pub async fn snapshot(tx: &mut Tx<'_>, m: i64, id: i64) -> Result<SystemSnapshot, sqlx::Error> {
    let r = sqlx::query!(
        r#"
        select s.name, s.description, s.vendor, s.operator_kind, s.operator_name,
               coalesce(u.name, s.owner_text) as "owner?", a.name as "administrator?",
               coalesce((select string_agg(p.name, ', ' order by su.position, p.name) from system_superuser su
                         join person p using (person_id) where su.system_id = s.system_id), '') as "superusers!",
               s.users_count, c.name as "cooperation?", s.host, s.server_location, s.database, s.lifecycle,
               s.criticality, s.personal_data, s.data_controller, s.dpa, s.dpa_date as "dpa_date: NaiveDate",
               s.dpia_date as "dpia_date: NaiveDate", s.processing_record_ref, s.archive_records, s.archive_method,
               s.support_with, s.support_expires as "support_expires: NaiveDate", s.support_notice_days,
               s.last_evaluated as "last_evaluated: NaiveDate", s.notes,
               coalesce((select string_agg(me.title, '; ' order by me.title) from measure_system ms
                         join measure me using (measure_id) where ms.system_id = s.system_id), '') as "measures!",
               s.confirmed_at as "confirmed_at: chrono::DateTime<chrono::Utc>", cu.display_name as "confirmed_by?"
        from system s
        left join unit u on u.unit_id = s.owner_unit_id
        left join person a on a.person_id = s.administrator_id
        left join cooperation c on c.cooperation_id = s.cooperation_id
        left join app_user cu on cu.app_user_id = s.confirmed_by
        where s.system_id = $1 and s.municipality_id = $2
        "#,
        id,
        m
    )
    .fetch_one(&mut **tx)
    .await?;
    let lang = Lang::Nb;
    let yes_no = |b: Option<bool>| match b {
        Some(true) => "ja".to_string(),
        Some(false) => "nei".to_string(),
        None => String::new(),
    };
    let date = |d: Option<NaiveDate>| d.map(format_date).unwrap_or_default();
    let label = |code: Option<String>, f: fn(&str) -> Option<&'static str>| {
        code.as_deref()
            .and_then(f)
            .map(|key| lang.t(key))
            .unwrap_or_default()
    };
    let operator = [
        label(r.operator_kind, |c| {
            super::model::OperatorKind::parse(c).map(|o| o.label_key())
        }),
        r.operator_name.unwrap_or_default(),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(": ");
    let support = [
        r.support_with.unwrap_or_default(),
        r.support_expires
            .map(|d| format!("til {}", format_date(d)))
            .unwrap_or_default(),
        r.support_notice_days
            .map(|n| format!("oppsigelse {n} dager"))
            .unwrap_or_default(),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(", ");
    let archive = [
        yes_no(r.archive_records),
        label(r.archive_method, |c| {
            super::model::ArchiveMethod::parse(c).map(|a| a.label_key())
        }),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(", ");
    Ok(SystemSnapshot {
        name: r.name,
        description: r.description.unwrap_or_default(),
        vendor: r.vendor.unwrap_or_default(),
        operator,
        owner: r.owner.unwrap_or_default(),
        administrator: r.administrator.unwrap_or_default(),
        superusers: r.superusers,
        users_count: r.users_count.map(|n| n.to_string()).unwrap_or_default(),
        cooperation: r.cooperation.unwrap_or_default(),
        host: r.host.unwrap_or_default(),
        server_location: r.server_location.unwrap_or_default(),
        database: r.database.unwrap_or_default(),
        lifecycle: label(Some(r.lifecycle), |c| {
            super::model::Lifecycle::parse(c).map(|l| l.label_key())
        }),
        criticality: label(r.criticality, |c| {
            super::model::Criticality::parse(c).map(|l| l.label_key())
        }),
        personal_data: yes_no(r.personal_data),
        data_controller: r.data_controller.unwrap_or_default(),
        dpa: match (yes_no(r.dpa), r.dpa_date) {
            (y, Some(d)) => format!("{y} ({})", format_date(d)),
            (y, None) => y,
        },
        dpia_date: date(r.dpia_date),
        processing_record_ref: r.processing_record_ref.unwrap_or_default(),
        archive,
        support,
        last_evaluated: date(r.last_evaluated),
        notes: r.notes.unwrap_or_default(),
        measures: r.measures,
        confirmed: match (r.confirmed_at, r.confirmed_by) {
            (Some(at), Some(by)) => format!("{} ({by})", format_datetime(at)),
            (Some(at), None) => format_datetime(at),
            _ => String::new(),
        },
    })
}
