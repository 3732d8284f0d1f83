//! Queries of the risk register, each filtered by municipality.

use sqlx::PgPool;

/// One assessment in the list.
#[derive(Debug)]
pub struct AssessmentRow {
    pub id: i64,
    pub title: String,
    pub restricted: bool,
    pub risks: i64,
}

/// The municipality's assessments; restricted ones only when `confidential` (ikt, leder,
/// admin), so others never learn their titles.
pub async fn assessments(
    db: &PgPool,
    m: i64,
    confidential: bool,
) -> Result<Vec<AssessmentRow>, sqlx::Error> {
    sqlx::query_as!(
        AssessmentRow,
        r#"
        select a.risk_assessment_id as id, a.title, a.restricted,
               (select count(*) from risk r where r.risk_assessment_id = a.risk_assessment_id) as "risks!"
          from risk_assessment a
         where a.municipality_id = $1 and (not a.restricted or $2)
         order by a.title
        "#,
        m,
        confidential
    )
    .fetch_all(db)
    .await
}

/// An assessment's header.
#[derive(Debug)]
pub struct AssessmentDetail {
    pub id: i64,
    pub title: String,
    pub assessed_on: Option<chrono::NaiveDate>,
    pub scope: Option<String>,
    pub responsible_id: Option<i64>,
    pub responsible: Option<String>,
    pub restricted: bool,
    pub version: i32,
    pub low_max: i16,
    pub medium_max: i16,
}

/// The assessment with the municipality's level thresholds; `None` when it is not this
/// municipality's.
pub async fn assessment(
    db: &PgPool,
    m: i64,
    id: i64,
) -> Result<Option<AssessmentDetail>, sqlx::Error> {
    sqlx::query_as!(
        AssessmentDetail,
        r#"
        select a.risk_assessment_id as id, a.title, a.assessed_on as "assessed_on: chrono::NaiveDate",
               a.scope, a.responsible_person_id as responsible_id, p.name as "responsible?",
               a.restricted, a.version, mu.risk_low_max as low_max,
               mu.risk_medium_max as medium_max
          from risk_assessment a
          join municipality mu on mu.municipality_id = a.municipality_id
          left join person p on p.person_id = a.responsible_person_id
         where a.risk_assessment_id = $1 and a.municipality_id = $2
        "#,
        id,
        m
    )
    .fetch_optional(db)
    .await
}

/// One risk of an assessment, as its table shows it.
#[derive(Debug)]
pub struct RiskRow {
    pub id: i64,
    pub number: Option<String>,
    pub description: String,
    pub category: Option<String>,
    pub likelihood: i16,
    pub consequence: i16,
    pub score: i16,
    pub mitigation: Option<String>,
    pub residual_likelihood: Option<i16>,
    pub residual_consequence: Option<i16>,
    pub residual_score: Option<i16>,
    pub status: String,
    pub next_review: Option<chrono::NaiveDate>,
}

/// An assessment's risks in their printed order.
pub async fn risks(db: &PgPool, m: i64, assessment_id: i64) -> Result<Vec<RiskRow>, sqlx::Error> {
    sqlx::query_as!(
        RiskRow,
        r#"
        select risk_id as id, number, description, category, likelihood, consequence,
               score as "score!", mitigation, residual_likelihood, residual_consequence,
               residual_score, status, next_review as "next_review: chrono::NaiveDate"
          from risk
         where municipality_id = $1 and risk_assessment_id = $2
         order by position, risk_id
        "#,
        m,
        assessment_id
    )
    .fetch_all(db)
    .await
}

/// A risk with its assessment, for the risk page.
#[derive(Debug)]
pub struct RiskDetail {
    pub id: i64,
    pub assessment_id: i64,
    pub assessment: String,
    pub restricted: bool,
    pub number: Option<String>,
    pub description: String,
    pub category: Option<String>,
    pub likelihood: i16,
    pub consequence: i16,
    pub score: i16,
    pub mitigation: Option<String>,
    pub owner_id: Option<i64>,
    pub owner: Option<String>,
    pub residual_likelihood: Option<i16>,
    pub residual_consequence: Option<i16>,
    pub residual_score: Option<i16>,
    pub status: String,
    pub accepted_reason: Option<String>,
    pub next_review: Option<chrono::NaiveDate>,
    pub version: i32,
    pub low_max: i16,
    pub medium_max: i16,
}

pub async fn risk(db: &PgPool, m: i64, id: i64) -> Result<Option<RiskDetail>, sqlx::Error> {
    sqlx::query_as!(
        RiskDetail,
        r#"
        select r.risk_id as id, r.risk_assessment_id as assessment_id, a.title as assessment,
               a.restricted, r.number, r.description, r.category, r.likelihood, r.consequence,
               r.score as "score!", r.mitigation, r.owner_person_id as owner_id,
               p.name as "owner?", r.residual_likelihood, r.residual_consequence,
               r.residual_score, r.status, r.accepted_reason,
               r.next_review as "next_review: chrono::NaiveDate", r.version,
               mu.risk_low_max as low_max, mu.risk_medium_max as medium_max
          from risk r
          join risk_assessment a on a.risk_assessment_id = r.risk_assessment_id
          join municipality mu on mu.municipality_id = r.municipality_id
          left join person p on p.person_id = r.owner_person_id
         where r.risk_id = $1 and r.municipality_id = $2
        "#,
        id,
        m
    )
    .fetch_optional(db)
    .await
}

/// An assessment's risks in their printed order, in full (the export and the import).
pub async fn risk_details(
    db: &PgPool,
    m: i64,
    assessment_id: i64,
) -> Result<Vec<RiskDetail>, sqlx::Error> {
    sqlx::query_as!(
        RiskDetail,
        r#"
        select r.risk_id as id, r.risk_assessment_id as assessment_id, a.title as assessment,
               a.restricted, r.number, r.description, r.category, r.likelihood, r.consequence,
               r.score as "score!", r.mitigation, r.owner_person_id as owner_id,
               p.name as "owner?", r.residual_likelihood, r.residual_consequence,
               r.residual_score, r.status, r.accepted_reason,
               r.next_review as "next_review: chrono::NaiveDate", r.version,
               mu.risk_low_max as low_max, mu.risk_medium_max as medium_max
          from risk r
          join risk_assessment a on a.risk_assessment_id = r.risk_assessment_id
          join municipality mu on mu.municipality_id = r.municipality_id
          left join person p on p.person_id = r.owner_person_id
         where r.risk_assessment_id = $1 and r.municipality_id = $2
         order by r.position, r.risk_id
        "#,
        assessment_id,
        m
    )
    .fetch_all(db)
    .await
}

/// The municipality's action plans, a running one (this year within its period) first, then
/// the newest.
pub async fn plans(db: &PgPool, m: i64, year: i32) -> Result<Vec<(i64, String)>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"
        select action_plan_id as id, name from action_plan
         where municipality_id = $1
         order by ($2 between start_year and end_year) desc, start_year desc, action_plan_id desc
        "#,
        m,
        year
    )
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(|r| (r.id, r.name)).collect())
}

/// The measures a risk is linked to: (id, title).
pub async fn risk_measures(
    db: &PgPool,
    m: i64,
    rid: i64,
) -> Result<Vec<(i64, String)>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"
        select me.measure_id as id, me.title from risk_measure rm
          join measure me on me.measure_id = rm.measure_id
         where rm.risk_id = $1 and rm.municipality_id = $2
         order by me.title
        "#,
        rid,
        m
    )
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(|r| (r.id, r.title)).collect())
}

/// The systems a risk concerns: (id, name), by name.
pub async fn risk_systems(
    db: &PgPool,
    m: i64,
    rid: i64,
) -> Result<Vec<(i64, String)>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"
        select s.system_id as id, s.name from risk_system rs
          join system s on s.system_id = rs.system_id
         where rs.risk_id = $1 and rs.municipality_id = $2
         order by lower(s.name)
        "#,
        rid,
        m
    )
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(|r| (r.id, r.name)).collect())
}

/// The locations a risk concerns: (id, name), by name. Only for those who may read the line
/// inventory (`Confidential`).
pub async fn risk_locations(
    db: &PgPool,
    m: i64,
    rid: i64,
) -> Result<Vec<(i64, String)>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"
        select l.location_id as id, l.name from risk_location rl
          join location l on l.location_id = rl.location_id
         where rl.risk_id = $1 and rl.municipality_id = $2
         order by l.name
        "#,
        rid,
        m
    )
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(|r| (r.id, r.name)).collect())
}

/// The municipality's risk levels.
pub async fn levels(db: &PgPool, m: i64) -> Result<super::model::Levels, sqlx::Error> {
    let r = sqlx::query!(
        "select risk_low_max, risk_medium_max from municipality where municipality_id = $1",
        m
    )
    .fetch_one(db)
    .await?;
    Ok(super::model::Levels {
        low_max: r.risk_low_max,
        medium_max: r.risk_medium_max,
    })
}

/// The register's filters across every assessment, from the query string (a reload keeps
/// them; the dashboard links to them).
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct RegisterFilter {
    /// "low", "medium" or "high" by the municipality's levels, else every level.
    pub level: String,
    /// "after": the level after mitigation (risks without a residual score have none); else before.
    pub stage: String,
    /// A status code, or "active" for open and under treatment.
    pub status: String,
    /// "1": next review passed and the risk not closed.
    pub overdue: Option<String>,
}

impl RegisterFilter {
    pub fn after(&self) -> bool {
        self.stage == "after"
    }

    /// The scores of the chosen level, or None for every level.
    pub fn score_range(&self, levels: super::model::Levels) -> Option<(i16, i16)> {
        match self.level.as_str() {
            "low" => Some((1, levels.low_max)),
            "medium" => Some((levels.low_max + 1, levels.medium_max)),
            "high" => Some((levels.medium_max + 1, 25)),
            _ => None,
        }
    }

    pub fn is_active(&self) -> bool {
        self.score_range(super::model::Levels {
            low_max: 1,
            medium_max: 2,
        })
        .is_some()
            || !self.status.is_empty()
            || self.overdue.is_some()
    }

    /// The query string of the filters.
    pub fn query(&self) -> String {
        let mut pairs: Vec<(&str, &str)> = Vec::new();
        for (k, v) in [
            ("level", self.level.as_str()),
            ("stage", self.stage.as_str()),
            ("status", self.status.as_str()),
        ] {
            if !v.is_empty() {
                pairs.push((k, v));
            }
        }
        if self.overdue.is_some() {
            pairs.push(("overdue", "1"));
        }
        serde_urlencoded::to_string(pairs).unwrap_or_default()
    }
}

/// A risk in the register across assessments.
#[derive(Debug)]
pub struct RegisterRow {
    pub id: i64,
    pub assessment_id: i64,
    pub assessment: String,
    pub restricted: bool,
    pub number: Option<String>,
    pub description: String,
    pub score: i16,
    pub residual_score: Option<i16>,
    pub status: String,
    pub owner: Option<String>,
    pub next_review: Option<chrono::NaiveDate>,
}

/// Every risk the user may read (restricted assessments only for `Confidential` roles) that the
/// filter selects, highest score first. The dashboard's risk numbers are this list's length.
pub async fn register(
    db: &PgPool,
    m: i64,
    confidential: bool,
    f: &RegisterFilter,
    levels: super::model::Levels,
    today: chrono::NaiveDate,
) -> Result<Vec<RegisterRow>, sqlx::Error> {
    let (low, high) = f.score_range(levels).unzip();
    sqlx::query_as!(
        RegisterRow,
        r#"
        select r.risk_id as id, r.risk_assessment_id as assessment_id, a.title as assessment,
               a.restricted, r.number, r.description, r.score as "score!", r.residual_score,
               r.status, p.name as "owner?", r.next_review as "next_review: chrono::NaiveDate"
          from risk r
          join risk_assessment a on a.risk_assessment_id = r.risk_assessment_id
          left join person p on p.person_id = r.owner_person_id
         where r.municipality_id = $1 and ($2 or not a.restricted)
           and ($3::smallint is null
                or coalesce(case when $4 then r.residual_score else r.score end, -1) between $3 and $5::smallint)
           and ($6 = '' or r.status = $6 or ($6 = 'active' and r.status in ('open', 'treating')))
           and (not $7 or (r.next_review < $8 and r.status <> 'closed'))
         order by case when $4 then r.residual_score else r.score end desc nulls last,
                  a.title, r.position, r.risk_id
        "#,
        m,
        confidential,
        low,
        f.after(),
        high,
        f.status,
        f.overdue.is_some(),
        today as _
    )
    .fetch_all(db)
    .await
}
