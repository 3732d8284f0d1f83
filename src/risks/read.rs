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
