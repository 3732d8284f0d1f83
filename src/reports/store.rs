//! The only code that writes status reports: a plan's rounds and its report team, a draft, the
//! submission (which freezes the report and writes the reported statuses back to the measures
//! through `measures::store`), and the rådmann's acknowledgement. Every function runs in the
//! caller's transaction, locks the row, checks the version the form was based on, and audits.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::model::{
    PlannedRound, ReportInput, RoundKind, RoundSnapshot, RoundState, TeamSnapshot, covers_year_of,
    default_rounds,
};
use crate::{
    audit::{self, Action, Actor, EventKind},
    db::Tx,
    measures::{
        self,
        model::{Status, StatusInput},
    },
};

/// Why a write was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum Refused {
    /// Someone saved the round after the user's form was loaded.
    Stale {
        by: Option<String>,
        at: Option<chrono::DateTime<chrono::Utc>>,
    },
    /// The round is already submitted (or cancelled): it cannot be written any more.
    Closed,
    /// Another round of the plan already falls on that date.
    DateTaken,
}

/// Gives a new plan its rounds and an empty report team. Rounds already there are kept.
pub async fn generate_rounds(
    tx: &mut Tx<'_>,
    actor: Actor,
    plan_id: i64,
    start_year: i32,
    end_year: i32,
) -> Result<usize, sqlx::Error> {
    let m = actor.municipality_id;
    sqlx::query!(
        r#"insert into report_team (action_plan_id, municipality_id) values ($1, $2) on conflict do nothing"#,
        plan_id,
        m
    )
    .execute(&mut **tx)
    .await?;
    let mut made = 0;
    for r in default_rounds(start_year, end_year) {
        if insert_round(tx, actor, plan_id, &r).await?.is_some() {
            made += 1;
        }
    }
    Ok(made)
}

async fn insert_round(
    tx: &mut Tx<'_>,
    actor: Actor,
    plan_id: i64,
    r: &PlannedRound,
) -> Result<Option<i64>, sqlx::Error> {
    let id = sqlx::query_scalar!(
        r#"
        insert into report_round (municipality_id, action_plan_id, due_date, covers_year, kind)
        values ($1, $2, $3, $4, $5)
        on conflict (action_plan_id, due_date) do nothing
        returning report_round_id
        "#,
        actor.municipality_id,
        plan_id,
        r.due as _,
        r.covers_year,
        r.kind.code()
    )
    .fetch_optional(&mut **tx)
    .await?;
    if let Some(id) = id {
        let after = snapshot(tx, actor.municipality_id, id).await?;
        audit::record(tx, actor, Action::Create, id, None, Some(&after)).await?;
    }
    Ok(id)
}

/// Adds a round on `due` (for example an extra report before a budget meeting).
pub async fn add_round(
    tx: &mut Tx<'_>,
    actor: Actor,
    plan_id: i64,
    due: NaiveDate,
) -> Result<Result<i64, Refused>, sqlx::Error> {
    let r = PlannedRound {
        due,
        covers_year: covers_year_of(due),
        kind: RoundKind::Extra,
    };
    Ok(insert_round(tx, actor, plan_id, &r)
        .await?
        .ok_or(Refused::DateTaken))
}

struct Locked {
    state: RoundState,
    cancelled: bool,
    version: i32,
}

async fn lock(tx: &mut Tx<'_>, m: i64, id: i64) -> Result<Locked, sqlx::Error> {
    let r = sqlx::query!(
        r#"select state, cancelled, version from report_round where report_round_id = $1 and municipality_id = $2 for update"#,
        id,
        m
    )
    .fetch_one(&mut **tx)
    .await?;
    Ok(Locked {
        state: RoundState::parse(&r.state).unwrap_or_default(),
        cancelled: r.cancelled,
        version: r.version,
    })
}

/// Who saved the round last and when, for the refused form's message.
async fn stale(tx: &mut Tx<'_>, m: i64, id: i64) -> Result<Refused, sqlx::Error> {
    let r = sqlx::query!(
        r#"
        select u.display_name as "by?", r.saved_at as "at: chrono::DateTime<chrono::Utc>"
        from report_round r left join app_user u on u.app_user_id = r.saved_by
        where r.report_round_id = $1 and r.municipality_id = $2
        "#,
        id,
        m
    )
    .fetch_one(&mut **tx)
    .await?;
    Ok(Refused::Stale { by: r.by, at: r.at })
}

/// Moves a round's due date, or cancels it (or takes it back), if it is still at `based_on`
/// and not submitted.
pub async fn reschedule(
    tx: &mut Tx<'_>,
    actor: Actor,
    id: i64,
    based_on: i32,
    due: NaiveDate,
    cancelled: bool,
) -> Result<Result<(), Refused>, sqlx::Error> {
    let m = actor.municipality_id;
    let row = lock(tx, m, id).await?;
    if row.version != based_on {
        return Ok(Err(stale(tx, m, id).await?));
    }
    if row.state.is_submitted() {
        return Ok(Err(Refused::Closed));
    }
    let before = snapshot(tx, m, id).await?;
    let taken = sqlx::query_scalar!(
        r#"
        select exists (select 1 from report_round o join report_round r using (action_plan_id)
                       where r.report_round_id = $1 and o.report_round_id <> $1 and o.due_date = $2) as "taken!"
        "#,
        id,
        due as _
    )
    .fetch_one(&mut **tx)
    .await?;
    if taken {
        return Ok(Err(Refused::DateTaken));
    }
    sqlx::query!(
        r#"
        update report_round
        set due_date = $3, covers_year = case when kind = 'extra' or due_date <> $3 then $4 else covers_year end,
            cancelled = $5, version = version + 1, updated_at = now()
        where report_round_id = $1 and municipality_id = $2
        "#,
        id,
        m,
        due as _,
        covers_year_of(due),
        cancelled
    )
    .execute(&mut **tx)
    .await?;
    let after = snapshot(tx, m, id).await?;
    if after != before {
        audit::record(tx, actor, Action::Update, id, Some(&before), Some(&after)).await?;
    }
    Ok(Ok(()))
}

/// Sets who is responsible for a plan's reports and who helps, if the team is still at
/// `based_on`.
pub async fn set_team(
    tx: &mut Tx<'_>,
    actor: Actor,
    plan_id: i64,
    based_on: i32,
    responsible: Option<i64>,
    helpers: &[i64],
) -> Result<Result<(), Refused>, sqlx::Error> {
    let m = actor.municipality_id;
    sqlx::query!(
        r#"insert into report_team (action_plan_id, municipality_id) values ($1, $2) on conflict do nothing"#,
        plan_id,
        m
    )
    .execute(&mut **tx)
    .await?;
    let version = sqlx::query_scalar!(
        r#"select version from report_team where action_plan_id = $1 and municipality_id = $2 for update"#,
        plan_id,
        m
    )
    .fetch_one(&mut **tx)
    .await?;
    if version != based_on {
        return Ok(Err(Refused::Stale { by: None, at: None }));
    }
    let before = team_snapshot(tx, m, plan_id).await?;
    sqlx::query!(
        r#"
        update report_team set responsible_person_id = (select person_id from person where person_id = $3 and municipality_id = $2),
               version = version + 1, updated_at = now()
        where action_plan_id = $1 and municipality_id = $2
        "#,
        plan_id,
        m,
        responsible
    )
    .execute(&mut **tx)
    .await?;
    sqlx::query!(
        r#"delete from report_helper where action_plan_id = $1 and municipality_id = $2"#,
        plan_id,
        m
    )
    .execute(&mut **tx)
    .await?;
    sqlx::query!(
        r#"
        insert into report_helper (action_plan_id, person_id, municipality_id)
        select $1, person_id, $2 from person where municipality_id = $2 and person_id = any($3)
        on conflict do nothing
        "#,
        plan_id,
        m,
        helpers
    )
    .execute(&mut **tx)
    .await?;
    let after = team_snapshot(tx, m, plan_id).await?;
    if after != before {
        audit::record(
            tx,
            actor,
            Action::Update,
            plan_id,
            Some(&before),
            Some(&after),
        )
        .await?;
    }
    Ok(Ok(()))
}

/// One measure's line as the writer's form sends it, with the measure version its pre-filled
/// values came from.
pub struct DraftRow<'a> {
    pub measure_id: i64,
    pub measure_version: i32,
    pub input: &'a super::model::RowInput,
}

/// Saves the report as a draft if it is still at `based_on` and not submitted.
pub async fn save_draft(
    tx: &mut Tx<'_>,
    actor: Actor,
    id: i64,
    based_on: i32,
    input: &ReportInput,
    rows: &[DraftRow<'_>],
) -> Result<Result<i32, Refused>, sqlx::Error> {
    let m = actor.municipality_id;
    let row = lock(tx, m, id).await?;
    if row.state.is_submitted() || row.cancelled {
        return Ok(Err(Refused::Closed));
    }
    if row.version != based_on {
        return Ok(Err(stale(tx, m, id).await?));
    }
    let before = snapshot(tx, m, id).await?;
    write_rows(tx, m, id, rows).await?;
    let version = sqlx::query_scalar!(
        r#"
        update report_round
        set summary = $3, state = 'draft', version = version + 1, saved_at = now(), saved_by = $4, updated_at = now()
        where report_round_id = $1 and municipality_id = $2
        returning version
        "#,
        id,
        m,
        input.summary,
        actor.user_id
    )
    .fetch_one(&mut **tx)
    .await?;
    let after = snapshot(tx, m, id).await?;
    if after != before {
        audit::record(tx, actor, Action::Update, id, Some(&before), Some(&after)).await?;
    }
    Ok(Ok(version))
}

async fn write_rows(
    tx: &mut Tx<'_>,
    m: i64,
    id: i64,
    rows: &[DraftRow<'_>],
) -> Result<(), sqlx::Error> {
    let ids: Vec<i64> = rows.iter().map(|r| r.measure_id).collect();
    // A measure the form no longer has (deleted from the plan meanwhile) leaves the draft.
    sqlx::query!(
        r#"delete from report_row where report_round_id = $1 and municipality_id = $2 and not (measure_id = any($3))"#,
        id,
        m,
        &ids
    )
    .execute(&mut **tx)
    .await?;
    for (position, r) in rows.iter().enumerate() {
        sqlx::query!(
            r#"
            insert into report_row (report_round_id, measure_id, municipality_id, measure_version, position,
                                    status, status_date, comment)
            values ($1, $2, $3, $4, $5, $6, $7, $8)
            on conflict (report_round_id, measure_id) do update
            set measure_version = excluded.measure_version, position = excluded.position,
                status = excluded.status, status_date = excluded.status_date, comment = excluded.comment
            "#,
            id,
            r.measure_id,
            m,
            r.measure_version,
            position as i32,
            r.input.status.code(),
            r.input.status_date as _,
            r.input.comment
        )
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// A measure's row as the report freezes it.
pub struct FrozenRow {
    pub measure_id: i64,
    pub title: String,
    pub goal_area: String,
    pub strategy: String,
    pub responsible: String,
    pub hours: Option<Decimal>,
    pub cost_text: String,
    pub known_cost: Decimal,
    pub cost_unknown: bool,
    pub priority: bool,
    pub cells: serde_json::Value,
}

/// The head and totals the report freezes.
pub struct FrozenHead {
    pub plan_name: String,
    pub start_year: i32,
    pub end_year: i32,
    pub responsible: String,
}

/// What to write back to a measure on submission: the reported status, if it differs from the
/// measure's, based on the measure version the writer saw (or chose to overwrite).
pub struct WriteBack {
    pub measure_id: i64,
    pub based_on: i32,
    pub status: StatusInput,
}

/// Submits the draft (already saved at `based_on` by the caller in this transaction): freezes
/// every row and the totals, writes the statuses back to the measures, and audits it all as one
/// act. Returns a measure's conflict if one changed since `write_back` was worked out.
pub async fn submit(
    tx: &mut Tx<'_>,
    actor: Actor,
    id: i64,
    based_on: i32,
    head: &FrozenHead,
    rows: &[FrozenRow],
    write_back: &[WriteBack],
) -> Result<Result<(), Refused>, sqlx::Error> {
    let m = actor.municipality_id;
    let row = lock(tx, m, id).await?;
    if row.state.is_submitted() || row.cancelled {
        return Ok(Err(Refused::Closed));
    }
    if row.version != based_on {
        return Ok(Err(stale(tx, m, id).await?));
    }
    let before = snapshot(tx, m, id).await?;
    let link = format!("/reports/{id}");
    let label = format!("{} {}", head.plan_name, before.due_date);
    let actor = audit::begin_event(tx, actor, EventKind::Report, &label, Some(&link)).await?;
    for r in rows {
        sqlx::query!(
            r#"
            update report_row
            set title = $4, goal_area = $5, strategy = $6, responsible = $7, hours = $8, cost_text = $9,
                known_cost = $10, cost_unknown = $11, priority = $12, cells = $13
            where report_round_id = $1 and measure_id = $2 and municipality_id = $3
            "#,
            id,
            r.measure_id,
            m,
            r.title,
            r.goal_area,
            r.strategy,
            r.responsible,
            r.hours,
            r.cost_text,
            r.known_cost,
            r.cost_unknown,
            r.priority,
            r.cells
        )
        .execute(&mut **tx)
        .await?;
    }
    let hours: Decimal = rows.iter().filter_map(|r| r.hours).sum();
    let cost: Decimal = rows.iter().map(|r| r.known_cost).sum();
    let incomplete = rows.iter().any(|r| r.cost_unknown);
    sqlx::query!(
        r#"
        update report_round
        set state = 'submitted', submitted_at = now(), submitted_by = $3, frozen_plan_name = $4,
            frozen_start_year = $5, frozen_end_year = $6, frozen_responsible = $7, total_hours = $8,
            total_cost = $9, cost_incomplete = $10, version = version + 1, updated_at = now()
        where report_round_id = $1 and municipality_id = $2
        "#,
        id,
        m,
        actor.user_id,
        head.plan_name,
        head.start_year,
        head.end_year,
        head.responsible,
        hours,
        cost,
        incomplete
    )
    .execute(&mut **tx)
    .await?;
    for w in write_back {
        // The caller compared versions just before; a change in between is refused, not lost.
        if let measures::store::Outcome::Conflict(_) =
            measures::store::set_status(tx, actor, w.measure_id, w.based_on, &w.status).await?
        {
            return Ok(Err(Refused::Stale { by: None, at: None }));
        }
    }
    let after = snapshot(tx, m, id).await?;
    audit::record(tx, actor, Action::Update, id, Some(&before), Some(&after)).await?;
    Ok(Ok(()))
}

/// The rådmann takes a submitted report «til orientering», with an optional comment.
pub async fn acknowledge(
    tx: &mut Tx<'_>,
    actor: Actor,
    id: i64,
    comment: Option<&str>,
) -> Result<Result<(), Refused>, sqlx::Error> {
    let m = actor.municipality_id;
    let row = lock(tx, m, id).await?;
    if row.state != RoundState::Submitted {
        return Ok(Err(Refused::Closed));
    }
    let before = snapshot(tx, m, id).await?;
    sqlx::query!(
        r#"
        update report_round
        set state = 'acknowledged', acknowledged_at = now(), acknowledged_by = $3,
            acknowledgement_comment = $4, version = version + 1, updated_at = now()
        where report_round_id = $1 and municipality_id = $2
        "#,
        id,
        m,
        actor.user_id,
        comment
    )
    .execute(&mut **tx)
    .await?;
    let after = snapshot(tx, m, id).await?;
    audit::record(tx, actor, Action::Update, id, Some(&before), Some(&after)).await?;
    Ok(Ok(()))
}

/// The round as the audit log keeps it (its rows as one line each).
pub async fn snapshot(tx: &mut Tx<'_>, m: i64, id: i64) -> Result<RoundSnapshot, sqlx::Error> {
    let r = sqlx::query!(
        r#"
        select p.name as plan, r.due_date as "due_date: NaiveDate", r.covers_year, r.state, r.cancelled, r.summary,
               r.acknowledgement_comment
        from report_round r join action_plan p using (action_plan_id)
        where r.report_round_id = $1 and r.municipality_id = $2
        "#,
        id,
        m
    )
    .fetch_one(&mut **tx)
    .await?;
    let rows = sqlx::query!(
        r#"
        select coalesce(rr.title, me.title, '#' || rr.measure_id::text) as "title!", rr.status, rr.status_date as "status_date: NaiveDate", rr.comment
        from report_row rr left join measure me on me.measure_id = rr.measure_id and me.municipality_id = rr.municipality_id
        where rr.report_round_id = $1 and rr.municipality_id = $2
        order by rr.position
        "#,
        id,
        m
    )
    .fetch_all(&mut **tx)
    .await?;
    let lines: Vec<String> = rows
        .into_iter()
        .map(|x| {
            let status = Status::parse(&x.status).unwrap_or_default().label();
            let date = x
                .status_date
                .map(|d| format!(" {}", crate::domain::format_date(d)))
                .unwrap_or_default();
            match x.comment {
                Some(c) => format!("{}: {status}{date} – {c}", x.title),
                None => format!("{}: {status}{date}", x.title),
            }
        })
        .collect();
    Ok(RoundSnapshot {
        plan: r.plan,
        due_date: crate::domain::format_date(r.due_date),
        covers_year: r.covers_year,
        state: r.state,
        cancelled: r.cancelled,
        summary: r.summary.unwrap_or_default(),
        rows: lines.join("\n"),
        acknowledgement_comment: r.acknowledgement_comment.unwrap_or_default(),
    })
}

async fn team_snapshot(tx: &mut Tx<'_>, m: i64, plan_id: i64) -> Result<TeamSnapshot, sqlx::Error> {
    let r = sqlx::query!(
        r#"
        select p.name as plan, rp.name as "responsible?",
               coalesce((select string_agg(h.name, ', ' order by h.name) from report_helper rh
                         join person h on h.person_id = rh.person_id
                         where rh.action_plan_id = t.action_plan_id), '') as "helpers!"
        from report_team t join action_plan p using (action_plan_id)
        left join person rp on rp.person_id = t.responsible_person_id
        where t.action_plan_id = $1 and t.municipality_id = $2
        "#,
        plan_id,
        m
    )
    .fetch_one(&mut **tx)
    .await?;
    Ok(TeamSnapshot {
        plan: r.plan,
        responsible: r.responsible.unwrap_or_default(),
        helpers: r.helpers,
    })
}
