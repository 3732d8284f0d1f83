//! The only code that writes action plans: a new plan, and the roll (rullering) into the next
//! years' plan. Measures are written through `measures::store`, which audits each.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::{
    model::{MilestoneInput, MilestoneSnapshot, NewPlan, PlanSnapshot, Span, carry_cells},
    read::PlanHead,
};
use crate::{
    audit::{self, Action, Actor, EventKind},
    db::Tx,
    i18n::Lang,
    measures::{self, model::MeasureInput},
};

pub async fn insert(tx: &mut Tx<'_>, actor: Actor, plan: &NewPlan) -> Result<i64, sqlx::Error> {
    let id = sqlx::query_scalar!(
        r#"
        insert into action_plan (municipality_id, strategy_document_id, name, start_year, end_year)
        values ($1, $2, $3, $4, $5) returning action_plan_id
        "#,
        actor.municipality_id,
        plan.strategy_document_id,
        plan.name,
        plan.span.start_year,
        plan.span.end_year
    )
    .fetch_one(&mut **tx)
    .await?;
    let after = PlanSnapshot {
        name: plan.name.clone(),
        start_year: plan.span.start_year,
        end_year: plan.span.end_year,
        strategy_document: document_title(tx, plan.strategy_document_id).await?,
        rolled_from: None,
        carried: None,
    };
    audit::record(tx, actor, Action::Create, id, None, Some(&after)).await?;
    // A plan is reported on from the start: its rounds exist as soon as it does.
    crate::reports::store::generate_rounds(tx, actor, id, plan.span.start_year, plan.span.end_year)
        .await?;
    Ok(id)
}

pub enum Rolled {
    Done {
        id: i64,
        carried: usize,
    },
    /// A plan already starts in that year.
    YearTaken,
}

/// Makes the next plan from `old`, carrying the chosen unfinished measures (linked to their
/// predecessors, schedule cells carried by `carry_cells`, dependencies re-pointed to the copies).
/// The old plan and its measures are left as they are. `data`: the municipality's målform, which
/// the carried cells' «Fra <year>» label is written in.
pub async fn roll(
    tx: &mut Tx<'_>,
    actor: Actor,
    data: Lang,
    old: &PlanHead,
    name: &str,
    span: Span,
    chosen: &HashSet<i64>,
) -> Result<Rolled, sqlx::Error> {
    let m = actor.municipality_id;
    // One roll at a time per municipality, so two cannot both create a plan for the same year.
    // (FOR NO KEY UPDATE leaves rows that merely reference the municipality unblocked.)
    sqlx::query!(
        r#"select municipality_id from municipality where municipality_id = $1 for no key update"#,
        m
    )
    .fetch_one(&mut **tx)
    .await?;
    if starting_in(tx, m, span.start_year).await?.is_some() {
        return Ok(Rolled::YearTaken);
    }
    let id = sqlx::query_scalar!(
        r#"
        insert into action_plan (municipality_id, strategy_document_id, name, start_year, end_year, predecessor_id)
        values ($1, $2, $3, $4, $5, $6) returning action_plan_id
        "#,
        m,
        old.strategy_document_id,
        name,
        span.start_year,
        span.end_year,
        old.id
    )
    .fetch_one(&mut **tx)
    .await?;
    // The roll is one act in the log: the new plan and every copied measure belong to it.
    let link = format!("/plan/{id}");
    let actor = audit::begin_event(tx, actor, EventKind::Roll, name, Some(&link)).await?;
    let carried = carry_measures(tx, actor, data, old, id, span, chosen).await?;
    let after = PlanSnapshot {
        name: name.to_string(),
        start_year: span.start_year,
        end_year: span.end_year,
        strategy_document: document_title(tx, old.strategy_document_id).await?,
        rolled_from: Some(old.name.clone()),
        carried: Some(carried),
    };
    audit::record(tx, actor, Action::Create, id, None, Some(&after)).await?;
    crate::reports::store::generate_rounds(tx, actor, id, span.start_year, span.end_year).await?;
    // The old plan now shows that it was rolled: a new revision reloads its cached copy.
    sqlx::query!(
        r#"update action_plan set revision = revision + 1 where action_plan_id = $1"#,
        old.id
    )
    .execute(&mut **tx)
    .await?;
    Ok(Rolled::Done { id, carried })
}

/// The plan of the municipality that starts in `year`, if any.
pub async fn starting_in(
    conn: &mut sqlx::PgConnection,
    m: i64,
    year: i32,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar!(
        r#"select action_plan_id from action_plan where municipality_id = $1 and start_year = $2 limit 1"#,
        m,
        year
    )
    .fetch_optional(conn)
    .await
}

async fn document_title(tx: &mut Tx<'_>, id: Option<i64>) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar!(
        r#"select title from strategy_document where strategy_document_id = $1"#,
        id
    )
    .fetch_optional(&mut **tx)
    .await
}

/// Copies the chosen unfinished measures of `old` into the new plan. Returns how many.
async fn carry_measures(
    tx: &mut Tx<'_>,
    actor: Actor,
    data: Lang,
    old: &PlanHead,
    new_id: i64,
    span: Span,
    chosen: &HashSet<i64>,
) -> Result<usize, sqlx::Error> {
    let m = actor.municipality_id;
    let order = sqlx::query_scalar!(
        r#"select measure_id from measure where action_plan_id = $1 and municipality_id = $2 order by position, measure_id"#,
        old.id,
        m
    )
    .fetch_all(&mut **tx)
    .await?;
    let mut saved = measures::read::inputs(tx, m, &order).await?;
    // Only unfinished measures of this plan are carried, whatever else the form names.
    let rows: Vec<(i64, MeasureInput)> = order
        .into_iter()
        .filter(|id| chosen.contains(id))
        .filter_map(|id| saved.remove(&id).map(|i| (id, i)))
        .filter(|(_, i)| i.status.is_open())
        .collect();

    // old measure id → its copy
    let mut copies: HashMap<i64, i64> = HashMap::new();
    let mut later: Vec<(i64, Vec<i64>)> = Vec::new();
    for (old_id, input) in &rows {
        // Dependencies on measures copied already; those on later ones are added below.
        let (done, pending): (Vec<i64>, Vec<i64>) = input
            .depends_on
            .iter()
            .partition(|d| copies.contains_key(d));
        let copy = MeasureInput {
            cells: carry_cells(data, old.span(), span, &input.cells),
            depends_on: done.iter().map(|d| copies[d]).collect(),
            predecessor_measure_id: Some(*old_id),
            ..input.clone()
        };
        let id = measures::store::insert(tx, actor, new_id, &copy).await?;
        copies.insert(*old_id, id);
        later.push((id, pending));
    }
    for (copy, pending) in later {
        let targets: Vec<i64> = pending
            .iter()
            .filter_map(|d| copies.get(d).copied())
            .collect();
        if !targets.is_empty() {
            measures::store::add_dependencies(tx, actor, copy, &targets).await?;
        }
    }
    Ok(rows.len())
}

/// How the audit log keeps a milestone, read back inside the transaction.
async fn milestone_snapshot(
    tx: &mut Tx<'_>,
    m: i64,
    id: i64,
) -> Result<MilestoneSnapshot, sqlx::Error> {
    let r = sqlx::query!(
        r#"
        select p.name as plan, ms.kind, ms.code, ms.name, ms.due as "due: NaiveDate", ms.criterion
        from plan_milestone ms join action_plan p using (action_plan_id)
        where ms.plan_milestone_id = $1 and ms.municipality_id = $2
        "#,
        id,
        m
    )
    .fetch_one(&mut **tx)
    .await?;
    Ok(MilestoneSnapshot {
        plan: r.plan,
        kind: r.kind,
        code: r.code.unwrap_or_default(),
        name: r.name,
        due: r.due.to_string(),
        criterion: r.criterion.unwrap_or_default(),
    })
}

/// Adds a milestone to a plan of the actor's municipality; None when the plan is not theirs.
pub async fn insert_milestone(
    tx: &mut Tx<'_>,
    actor: Actor,
    plan_id: i64,
    input: &MilestoneInput,
) -> Result<Option<i64>, sqlx::Error> {
    let m = actor.municipality_id;
    let id = sqlx::query_scalar!(
        r#"
        insert into plan_milestone (municipality_id, action_plan_id, kind, code, name, due, criterion)
        select $1, action_plan_id, $3, $4, $5, $6, $7 from action_plan
        where action_plan_id = $2 and municipality_id = $1
        returning plan_milestone_id
        "#,
        m,
        plan_id,
        input.kind.code(),
        input.code,
        input.name,
        input.due as _,
        input.criterion
    )
    .fetch_optional(&mut **tx)
    .await?;
    if let Some(id) = id {
        let after = milestone_snapshot(tx, m, id).await?;
        audit::record(tx, actor, Action::Create, id, None, Some(&after)).await?;
    }
    Ok(id)
}

/// What became of a milestone's save.
pub enum MilestoneSaved {
    Saved,
    Unchanged,
    /// Someone saved it after the form was loaded: the version now saved.
    Conflict(i32),
}

/// Updates a milestone if it is still at `based_on`. Commit only on `Saved`.
pub async fn update_milestone(
    tx: &mut Tx<'_>,
    actor: Actor,
    id: i64,
    based_on: Option<i32>,
    input: &MilestoneInput,
) -> Result<MilestoneSaved, sqlx::Error> {
    let m = actor.municipality_id;
    let version = sqlx::query_scalar!(
        "select version from plan_milestone where plan_milestone_id = $1 and municipality_id = $2 for update",
        id,
        m
    )
    .fetch_one(&mut **tx)
    .await?;
    if based_on != Some(version) {
        return Ok(MilestoneSaved::Conflict(version));
    }
    let before = milestone_snapshot(tx, m, id).await?;
    sqlx::query!(
        r#"
        update plan_milestone set kind = $3, code = $4, name = $5, due = $6, criterion = $7,
               version = version + 1, updated_at = now()
        where plan_milestone_id = $1 and municipality_id = $2
        "#,
        id,
        m,
        input.kind.code(),
        input.code,
        input.name,
        input.due as _,
        input.criterion
    )
    .execute(&mut **tx)
    .await?;
    let after = milestone_snapshot(tx, m, id).await?;
    if after == before {
        return Ok(MilestoneSaved::Unchanged);
    }
    audit::record(tx, actor, Action::Update, id, Some(&before), Some(&after)).await?;
    Ok(MilestoneSaved::Saved)
}

pub async fn delete_milestone(tx: &mut Tx<'_>, actor: Actor, id: i64) -> Result<(), sqlx::Error> {
    let m = actor.municipality_id;
    let before = milestone_snapshot(tx, m, id).await?;
    sqlx::query!(
        "delete from plan_milestone where plan_milestone_id = $1 and municipality_id = $2",
        id,
        m
    )
    .execute(&mut **tx)
    .await?;
    audit::record(tx, actor, Action::Delete, id, Some(&before), None).await
}
