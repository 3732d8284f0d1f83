//! The only code that writes action plans: a new plan, and the roll (rullering) into the next
//! years' plan. Measures are written through `measures::store`, which audits each.

use std::collections::{HashMap, HashSet};

use super::{
    model::{NewPlan, PlanSnapshot, Span, carry_cells},
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
