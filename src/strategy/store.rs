//! The only code that writes strategy documents, goal areas and strategies. Each write runs in
//! the caller's transaction and audits itself there.

use super::{
    model::{DocumentSnapshot, GoalAreaSnapshot, ValidGoalArea, ValidStrategy},
    read::{Document, GoalAreaRecord, ServingMeasure, StrategyRecord, serving_measures},
};
use crate::{
    audit::{self, Action, Actor},
    db::Tx,
    web::form::trimmed,
};

pub async fn insert_document(
    tx: &mut Tx<'_>,
    actor: Actor,
    doc: &DocumentSnapshot,
) -> Result<i64, sqlx::Error> {
    let id = sqlx::query_scalar!(
        r#"
        insert into strategy_document (municipality_id, title, period_start, period_end, adopted_note, vision, main_goal, main_goal_text)
        values ($1, $2, $3, $4, $5, $6, $7, $8) returning strategy_document_id
        "#,
        actor.municipality_id,
        doc.title,
        doc.period_start,
        doc.period_end,
        trimmed(&doc.adopted_note),
        doc.vision,
        doc.main_goal,
        doc.main_goal_text
    )
    .fetch_one(&mut **tx)
    .await?;
    audit::record(tx, actor, Action::Create, id, None, Some(doc)).await?;
    Ok(id)
}

/// Saves the document if it is still at `before.version`; false when someone saved in between.
pub async fn update_document(
    tx: &mut Tx<'_>,
    actor: Actor,
    before: &Document,
    doc: &DocumentSnapshot,
) -> Result<bool, sqlx::Error> {
    let updated = sqlx::query_scalar!(
        r#"
        update strategy_document
        set title = $4, period_start = $5, period_end = $6, adopted_note = $7, vision = $8, main_goal = $9,
            main_goal_text = $10, version = version + 1, updated_at = now()
        where strategy_document_id = $1 and municipality_id = $2 and version = $3
        returning version
        "#,
        before.id,
        actor.municipality_id,
        before.version,
        doc.title,
        doc.period_start,
        doc.period_end,
        trimmed(&doc.adopted_note),
        doc.vision,
        doc.main_goal,
        doc.main_goal_text
    )
    .fetch_optional(&mut **tx)
    .await?;
    if updated.is_none() {
        return Ok(false);
    }
    audit::record(
        tx,
        actor,
        Action::Update,
        before.id,
        Some(&before.snapshot()),
        Some(doc),
    )
    .await?;
    Ok(true)
}

pub async fn insert_goal_area(
    tx: &mut Tx<'_>,
    actor: Actor,
    doc: &Document,
    v: &ValidGoalArea,
) -> Result<i64, sqlx::Error> {
    let id = sqlx::query_scalar!(
        r#"
        insert into goal_area (municipality_id, strategy_document_id, position, name, goal_statement)
        values ($1, $2, $3, $4, $5) returning goal_area_id
        "#,
        actor.municipality_id,
        doc.id,
        v.position,
        v.name,
        v.goal_statement
    )
    .fetch_one(&mut **tx)
    .await?;
    let after = goal_area_snapshot(doc, v.position, &v.name, &v.goal_statement);
    audit::record(tx, actor, Action::Create, id, None, Some(&after)).await?;
    Ok(id)
}

pub async fn update_goal_area(
    tx: &mut Tx<'_>,
    actor: Actor,
    doc: &Document,
    id: i64,
    before: &GoalAreaRecord,
    v: &ValidGoalArea,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        r#"
        update goal_area set position = $3, name = $4, goal_statement = $5, updated_at = now()
        where goal_area_id = $1 and municipality_id = $2
        "#,
        id,
        actor.municipality_id,
        v.position,
        v.name,
        v.goal_statement
    )
    .execute(&mut **tx)
    .await?;
    let b = goal_area_snapshot(doc, before.position, &before.name, &before.goal_statement);
    let a = goal_area_snapshot(doc, v.position, &v.name, &v.goal_statement);
    audit::record(tx, actor, Action::Update, id, Some(&b), Some(&a)).await
}

fn goal_area_snapshot(
    doc: &Document,
    position: i32,
    name: &str,
    goal_statement: &str,
) -> GoalAreaSnapshot {
    GoalAreaSnapshot {
        document: doc.title.clone(),
        position,
        name: name.to_string(),
        goal_statement: goal_statement.to_string(),
    }
}

pub async fn insert_strategy(
    tx: &mut Tx<'_>,
    actor: Actor,
    v: &ValidStrategy,
) -> Result<i64, sqlx::Error> {
    let id = sqlx::query_scalar!(
        r#"
        insert into strategy (municipality_id, goal_area_id, position, text, key_measures)
        values ($1, $2, $3, $4, $5) returning strategy_id
        "#,
        actor.municipality_id,
        v.goal_area_id,
        v.position,
        v.text,
        &v.key_measures
    )
    .fetch_one(&mut **tx)
    .await?;
    audit::record(tx, actor, Action::Create, id, None, Some(&v.snapshot())).await?;
    Ok(id)
}

pub async fn update_strategy(
    tx: &mut Tx<'_>,
    actor: Actor,
    id: i64,
    before: &StrategyRecord,
    v: &ValidStrategy,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        r#"
        update strategy set goal_area_id = $3, position = $4, text = $5, key_measures = $6, updated_at = now()
        where strategy_id = $1 and municipality_id = $2
        "#,
        id,
        actor.municipality_id,
        v.goal_area_id,
        v.position,
        v.text,
        &v.key_measures
    )
    .execute(&mut **tx)
    .await?;
    audit::record(
        tx,
        actor,
        Action::Update,
        id,
        Some(&before.snapshot()),
        Some(&v.snapshot()),
    )
    .await
}

/// Deletes a strategy no measure serves; otherwise deletes nothing and names the measures.
pub async fn delete_strategy(
    tx: &mut Tx<'_>,
    actor: Actor,
    id: i64,
    before: &StrategyRecord,
) -> Result<Vec<ServingMeasure>, sqlx::Error> {
    let m = actor.municipality_id;
    // Locking the row makes a measure being linked to it at the same time wait for us (its
    // foreign key check needs a share lock on the row), so the count below stays true.
    sqlx::query!(
        r#"select strategy_id from strategy where strategy_id = $1 and municipality_id = $2 for update"#,
        id,
        m
    )
    .fetch_one(&mut **tx)
    .await?;
    let serving = serving_measures(tx, m, id).await?;
    if !serving.is_empty() {
        return Ok(serving);
    }
    sqlx::query!(
        r#"delete from strategy where strategy_id = $1 and municipality_id = $2"#,
        id,
        m
    )
    .execute(&mut **tx)
    .await?;
    audit::record(
        tx,
        actor,
        Action::Delete,
        id,
        Some(&before.snapshot()),
        None,
    )
    .await?;
    Ok(Vec::new())
}
