//! The only writes to the risk register. Each takes the transaction and writes its audit row.

use super::model::{
    AssessmentInput, AssessmentSnapshot, Levels, LevelsSnapshot, RiskInput, RiskLinks, RiskSnapshot,
};
use crate::{
    audit::{self, Action, Actor, Table},
    db::{Outcome, Tx},
    domain::format_datetime,
};

pub async fn assessment_snapshot(
    tx: &mut Tx<'_>,
    m: i64,
    id: i64,
) -> Result<AssessmentSnapshot, sqlx::Error> {
    let r = sqlx::query!(
        r#"
        select a.title, to_char(a.assessed_on, 'DD.MM.YYYY') as assessed_on, a.scope,
               p.name as "responsible?", a.restricted
          from risk_assessment a
          left join person p on p.person_id = a.responsible_person_id
         where a.risk_assessment_id = $1 and a.municipality_id = $2
        "#,
        id,
        m
    )
    .fetch_one(&mut **tx)
    .await?;
    Ok(AssessmentSnapshot {
        title: r.title,
        assessed_on: r.assessed_on,
        scope: r.scope,
        responsible: r.responsible,
        restricted: r.restricted,
    })
}

pub async fn risk_snapshot(tx: &mut Tx<'_>, m: i64, id: i64) -> Result<RiskSnapshot, sqlx::Error> {
    let r = sqlx::query!(
        r#"
        select a.title as assessment, r.position, r.number, r.description, r.category,
               r.likelihood, r.consequence, r.mitigation, p.name as "owner?",
               r.residual_likelihood, r.residual_consequence, r.status, r.accepted_reason,
               u.display_name as "accepted_by?",
               r.accepted_at as "accepted_at: chrono::DateTime<chrono::Utc>",
               to_char(r.next_review, 'DD.MM.YYYY') as next_review,
               (select string_agg(s.name, '; ' order by lower(s.name)) from risk_system rs
                  join system s using (system_id) where rs.risk_id = r.risk_id) as systems,
               (select count(*) from risk_location rl where rl.risk_id = r.risk_id) as "locations!"
          from risk r
          join risk_assessment a on a.risk_assessment_id = r.risk_assessment_id
          left join person p on p.person_id = r.owner_person_id
          left join app_user u on u.app_user_id = r.accepted_by
         where r.risk_id = $1 and r.municipality_id = $2
        "#,
        id,
        m
    )
    .fetch_one(&mut **tx)
    .await?;
    Ok(RiskSnapshot {
        assessment: r.assessment,
        position: r.position,
        number: r.number,
        description: r.description,
        category: r.category,
        likelihood: r.likelihood,
        consequence: r.consequence,
        mitigation: r.mitigation,
        owner: r.owner,
        residual_likelihood: r.residual_likelihood,
        residual_consequence: r.residual_consequence,
        status: r.status,
        accepted_reason: r.accepted_reason,
        accepted_by: r.accepted_by,
        accepted_at: r.accepted_at.map(format_datetime),
        next_review: r.next_review,
        systems: r.systems,
        locations: r.locations,
    })
}

/// Replaces the risk's systems and locations with `links` (only the municipality's own).
async fn write_links(
    tx: &mut Tx<'_>,
    m: i64,
    rid: i64,
    links: &RiskLinks,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "delete from risk_system where risk_id = $1 and municipality_id = $2",
        rid,
        m
    )
    .execute(&mut **tx)
    .await?;
    sqlx::query!(
        r#"
        insert into risk_system (risk_id, system_id, municipality_id)
        select $1, system_id, $2 from system where municipality_id = $2 and system_id = any($3)
        "#,
        rid,
        m,
        &links.systems
    )
    .execute(&mut **tx)
    .await?;
    sqlx::query!(
        "delete from risk_location where risk_id = $1 and municipality_id = $2",
        rid,
        m
    )
    .execute(&mut **tx)
    .await?;
    sqlx::query!(
        r#"
        insert into risk_location (risk_id, location_id, municipality_id)
        select $1, location_id, $2 from location where municipality_id = $2 and location_id = any($3)
        "#,
        rid,
        m,
        &links.locations
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn insert_assessment(
    tx: &mut Tx<'_>,
    actor: Actor,
    input: &AssessmentInput,
) -> Result<i64, sqlx::Error> {
    let m = actor.municipality_id;
    let id = sqlx::query_scalar!(
        r#"
        insert into risk_assessment (municipality_id, title, assessed_on, scope,
                                     responsible_person_id, restricted)
        values ($1, $2, $3, $4,
                (select person_id from person where person_id = $5 and municipality_id = $1), $6)
        returning risk_assessment_id
        "#,
        m,
        input.title,
        input.assessed_on as _,
        input.scope,
        input.responsible_person_id,
        input.restricted
    )
    .fetch_one(&mut **tx)
    .await?;
    let after = assessment_snapshot(tx, m, id).await?;
    audit::record(tx, actor, Action::Create, id, None, Some(&after)).await?;
    Ok(id)
}

/// Adds a risk at the end of its assessment. `None` when the assessment is not this
/// municipality's.
pub async fn insert_risk(
    tx: &mut Tx<'_>,
    actor: Actor,
    assessment_id: i64,
    input: &RiskInput,
) -> Result<Option<i64>, sqlx::Error> {
    let m = actor.municipality_id;
    let locked = sqlx::query_scalar!(
        "select risk_assessment_id from risk_assessment where risk_assessment_id = $1 and municipality_id = $2 for update",
        assessment_id,
        m
    )
    .fetch_optional(&mut **tx)
    .await?;
    if locked.is_none() {
        return Ok(None);
    }
    let id = sqlx::query_scalar!(
        r#"
        insert into risk (municipality_id, risk_assessment_id, position, number, description,
                          category, likelihood, consequence, mitigation, owner_person_id,
                          residual_likelihood, residual_consequence, status, next_review)
        values ($1, $2,
                (select coalesce(max(position), 0) + 1 from risk where risk_assessment_id = $2),
                $3, $4, $5, $6, $7, $8,
                (select person_id from person where person_id = $9 and municipality_id = $1),
                $10, $11, $12, $13)
        returning risk_id
        "#,
        m,
        assessment_id,
        input.number,
        input.description,
        input.category,
        input.likelihood.get(),
        input.consequence.get(),
        input.mitigation,
        input.owner_person_id,
        input.residual.map(|r| r.0.get()),
        input.residual.map(|r| r.1.get()),
        input.status.code(),
        input.next_review as _
    )
    .fetch_one(&mut **tx)
    .await?;
    if let Some(links) = &input.links {
        write_links(tx, m, id, links).await?;
    }
    let after = risk_snapshot(tx, m, id).await?;
    audit::record(tx, actor, Action::Create, id, None, Some(&after)).await?;
    Ok(Some(id))
}

/// What became of a save.
#[derive(Debug, PartialEq, Eq)]
pub enum Saved {
    Saved,
    /// Refused: the form was based on an older version; who saved since, and when.
    Stale {
        by: Option<String>,
        at: String,
    },
    /// Not this municipality's.
    NotFound,
}

/// A refused save: who saved the record last, and when (`audit::stale`).
async fn stale(tx: &mut Tx<'_>, m: i64, table: Table, id: i64) -> Result<Saved, sqlx::Error> {
    Ok(match audit::stale(tx, m, table, id).await? {
        Outcome::Stale { by, at } => Saved::Stale { by, at },
        Outcome::Saved | Outcome::Unchanged => Saved::Stale {
            by: None,
            at: String::new(),
        },
    })
}

/// Saves the ordinary form over a risk, if the form's `version` is still the saved one. A
/// risk accepted by the leder keeps its acceptance only while the form keeps the status.
pub async fn update_risk(
    tx: &mut Tx<'_>,
    actor: Actor,
    id: i64,
    based_on: Option<i32>,
    input: &RiskInput,
) -> Result<Saved, sqlx::Error> {
    let m = actor.municipality_id;
    let Some(version) = sqlx::query_scalar!(
        "select version from risk where risk_id = $1 and municipality_id = $2 for update",
        id,
        m
    )
    .fetch_optional(&mut **tx)
    .await?
    else {
        return Ok(Saved::NotFound);
    };
    if based_on != Some(version) {
        return stale(tx, m, Table::Risk, id).await;
    }
    let before = risk_snapshot(tx, m, id).await?;
    sqlx::query!(
        r#"
        update risk set number = $3, description = $4, category = $5, likelihood = $6,
               consequence = $7, mitigation = $8,
               owner_person_id = (select person_id from person where person_id = $9 and municipality_id = $2),
               residual_likelihood = $10, residual_consequence = $11, status = $12,
               next_review = $13,
               -- Only an import of an accepted risk's row keeps «accepted»; then it keeps
               -- the leder's reason, name and time. Any other status clears them.
               accepted_reason = case when $12 = 'accepted' then accepted_reason end,
               accepted_by = case when $12 = 'accepted' then accepted_by end,
               accepted_at = case when $12 = 'accepted' then accepted_at end,
               version = version + 1, updated_at = now()
         where risk_id = $1 and municipality_id = $2
        "#,
        id,
        m,
        input.number,
        input.description,
        input.category,
        input.likelihood.get(),
        input.consequence.get(),
        input.mitigation,
        input.owner_person_id,
        input.residual.map(|r| r.0.get()),
        input.residual.map(|r| r.1.get()),
        input.status.code(),
        input.next_review as _
    )
    .execute(&mut **tx)
    .await?;
    if let Some(links) = &input.links {
        write_links(tx, m, id, links).await?;
    }
    let after = risk_snapshot(tx, m, id).await?;
    audit::record(tx, actor, Action::Update, id, Some(&before), Some(&after)).await?;
    Ok(Saved::Saved)
}

/// The leder accepts a risk as it stands, with a reason; recorded with who and when.
pub async fn accept_risk(
    tx: &mut Tx<'_>,
    actor: Actor,
    id: i64,
    reason: &str,
) -> Result<Saved, sqlx::Error> {
    let m = actor.municipality_id;
    let locked = sqlx::query_scalar!(
        "select risk_id from risk where risk_id = $1 and municipality_id = $2 for update",
        id,
        m
    )
    .fetch_optional(&mut **tx)
    .await?;
    if locked.is_none() {
        return Ok(Saved::NotFound);
    }
    let before = risk_snapshot(tx, m, id).await?;
    sqlx::query!(
        r#"
        update risk set status = 'accepted', accepted_reason = $3, accepted_by = $4,
               accepted_at = now(), version = version + 1, updated_at = now()
         where risk_id = $1 and municipality_id = $2
        "#,
        id,
        m,
        reason,
        actor.user_id
    )
    .execute(&mut **tx)
    .await?;
    let after = risk_snapshot(tx, m, id).await?;
    audit::record(tx, actor, Action::Update, id, Some(&before), Some(&after)).await?;
    Ok(Saved::Saved)
}

/// A measure in `plan_id` from the risk's mitigation, linked to the risk. `None` when the risk
/// or the plan is not this municipality's, or the risk has no mitigation.
pub async fn measure_from_mitigation(
    tx: &mut Tx<'_>,
    actor: Actor,
    rid: i64,
    plan_id: i64,
) -> Result<Option<i64>, sqlx::Error> {
    let m = actor.municipality_id;
    let Some(r) = sqlx::query!(
        r#"
        select r.number, r.mitigation, a.title from risk r
          join risk_assessment a on a.risk_assessment_id = r.risk_assessment_id
         where r.risk_id = $1 and r.municipality_id = $2 for update of r
        "#,
        rid,
        m
    )
    .fetch_optional(&mut **tx)
    .await?
    else {
        return Ok(None);
    };
    let plan = sqlx::query_scalar!(
        "select action_plan_id from action_plan where action_plan_id = $1 and municipality_id = $2",
        plan_id,
        m
    )
    .fetch_optional(&mut **tx)
    .await?;
    let (Some(mitigation), Some(plan)) = (r.mitigation.filter(|t| !t.trim().is_empty()), plan)
    else {
        return Ok(None);
    };
    let first = mitigation.trim().lines().next().unwrap_or_default().trim();
    let title: String = first.chars().take(200).collect();
    let from = match &r.number {
        Some(n) => format!("Fra risiko nr. {n} i «{}».", r.title),
        None => format!("Fra en risiko i «{}».", r.title),
    };
    let input = crate::measures::model::MeasureInput {
        title,
        description: Some(format!("{}\n\n{from}", mitigation.trim())),
        ..Default::default()
    };
    let id = crate::measures::store::insert(tx, actor, plan, &input).await?;
    sqlx::query!(
        "insert into risk_measure (risk_id, measure_id, municipality_id) values ($1, $2, $3)",
        rid,
        id,
        m
    )
    .execute(&mut **tx)
    .await?;
    Ok(Some(id))
}

/// Saves the assessment form, if the form's `version` is still the saved one.
pub async fn update_assessment(
    tx: &mut Tx<'_>,
    actor: Actor,
    id: i64,
    based_on: Option<i32>,
    input: &AssessmentInput,
) -> Result<Saved, sqlx::Error> {
    let m = actor.municipality_id;
    let Some(version) = sqlx::query_scalar!(
        "select version from risk_assessment where risk_assessment_id = $1 and municipality_id = $2 for update",
        id,
        m
    )
    .fetch_optional(&mut **tx)
    .await?
    else {
        return Ok(Saved::NotFound);
    };
    if based_on != Some(version) {
        return stale(tx, m, Table::RiskAssessment, id).await;
    }
    let before = assessment_snapshot(tx, m, id).await?;
    sqlx::query!(
        r#"
        update risk_assessment set title = $3, assessed_on = $4, scope = $5,
               responsible_person_id = (select person_id from person where person_id = $6 and municipality_id = $2),
               restricted = $7, version = version + 1, updated_at = now()
         where risk_assessment_id = $1 and municipality_id = $2
        "#,
        id,
        m,
        input.title,
        input.assessed_on as _,
        input.scope,
        input.responsible_person_id,
        input.restricted
    )
    .execute(&mut **tx)
    .await?;
    let after = assessment_snapshot(tx, m, id).await?;
    audit::record(tx, actor, Action::Update, id, Some(&before), Some(&after)).await?;
    Ok(Saved::Saved)
}

/// Deletes a risk (its links to systems, locations and measures go with it; the measures
/// stay). Returns its assessment, or `None` when the risk is not this municipality's.
pub async fn delete_risk(
    tx: &mut Tx<'_>,
    actor: Actor,
    id: i64,
) -> Result<Option<i64>, sqlx::Error> {
    let m = actor.municipality_id;
    let Some(assessment_id) = sqlx::query_scalar!(
        "select risk_assessment_id from risk where risk_id = $1 and municipality_id = $2 for update",
        id,
        m
    )
    .fetch_optional(&mut **tx)
    .await?
    else {
        return Ok(None);
    };
    let before = risk_snapshot(tx, m, id).await?;
    sqlx::query!(
        "delete from risk where risk_id = $1 and municipality_id = $2",
        id,
        m
    )
    .execute(&mut **tx)
    .await?;
    audit::record(tx, actor, Action::Delete, id, Some(&before), None).await?;
    Ok(Some(assessment_id))
}

/// Deletes an assessment with all its risks, each risk audited as deleted. Returns the
/// assessment's title and how many risks went with it, or `None` when it is not this
/// municipality's.
pub async fn delete_assessment(
    tx: &mut Tx<'_>,
    actor: Actor,
    id: i64,
) -> Result<Option<(String, usize)>, sqlx::Error> {
    let m = actor.municipality_id;
    let locked = sqlx::query_scalar!(
        "select risk_assessment_id from risk_assessment where risk_assessment_id = $1 and municipality_id = $2 for update",
        id,
        m
    )
    .fetch_optional(&mut **tx)
    .await?;
    if locked.is_none() {
        return Ok(None);
    }
    let risks = sqlx::query_scalar!(
        "select risk_id from risk where risk_assessment_id = $1 and municipality_id = $2 order by position, risk_id for update",
        id,
        m
    )
    .fetch_all(&mut **tx)
    .await?;
    for rid in &risks {
        delete_risk(tx, actor, *rid).await?;
    }
    let before = assessment_snapshot(tx, m, id).await?;
    sqlx::query!(
        "delete from risk_assessment where risk_assessment_id = $1 and municipality_id = $2",
        id,
        m
    )
    .execute(&mut **tx)
    .await?;
    audit::record(tx, actor, Action::Delete, id, Some(&before), None).await?;
    Ok(Some((before.title, risks.len())))
}

/// Sets the municipality's risk levels; `false` when they were already these.
pub async fn set_levels(
    tx: &mut Tx<'_>,
    actor: Actor,
    levels: Levels,
) -> Result<bool, sqlx::Error> {
    let m = actor.municipality_id;
    let before = sqlx::query!(
        "select name, risk_low_max, risk_medium_max from municipality where municipality_id = $1 for update",
        m
    )
    .fetch_one(&mut **tx)
    .await?;
    if before.risk_low_max == levels.low_max && before.risk_medium_max == levels.medium_max {
        return Ok(false);
    }
    sqlx::query!(
        "update municipality set risk_low_max = $2, risk_medium_max = $3 where municipality_id = $1",
        m,
        levels.low_max,
        levels.medium_max
    )
    .execute(&mut **tx)
    .await?;
    let snap = |low, medium| LevelsSnapshot {
        name: before.name.clone(),
        risk_low_max: low,
        risk_medium_max: medium,
    };
    audit::record(
        tx,
        actor,
        Action::Update,
        m,
        Some(&snap(before.risk_low_max, before.risk_medium_max)),
        Some(&snap(levels.low_max, levels.medium_max)),
    )
    .await?;
    Ok(true)
}
