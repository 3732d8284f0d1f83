//! The strategy document as its pages read it: the document, its goal areas with their
//! strategies, how many plan measures serve each strategy, and the records the forms edit.

use std::collections::HashMap;

use sqlx::PgPool;

use super::model::{DocumentSnapshot, StrategySnapshot};
use crate::error::{AppError, AppResult};

pub struct Document {
    pub id: i64,
    pub title: String,
    pub period_start: i32,
    pub period_end: i32,
    pub adopted_note: Option<String>,
    pub vision: String,
    pub main_goal: String,
    pub main_goal_text: String,
    pub version: i32,
}

impl Document {
    pub fn period(&self) -> String {
        format!("{}–{}", self.period_start, self.period_end)
    }

    pub fn main_goal_paragraphs(&self) -> Vec<&str> {
        statement_lines(&self.main_goal_text).collect()
    }

    pub fn snapshot(&self) -> DocumentSnapshot {
        DocumentSnapshot {
            title: self.title.clone(),
            period_start: self.period_start,
            period_end: self.period_end,
            adopted_note: self.adopted_note.clone().unwrap_or_default(),
            vision: self.vision.clone(),
            main_goal: self.main_goal.clone(),
            main_goal_text: self.main_goal_text.clone(),
        }
    }
}

pub struct GoalArea {
    pub id: i64,
    pub position: i32,
    pub name: String,
    pub goal_statement: String,
    pub strategies: Vec<StrategyRow>,
}

impl GoalArea {
    /// The goal statement is one bullet per line; a first line that introduces the rest
    /// («Målet er at brukerne skal», «…:») is shown as a lead-in instead of a bullet.
    pub fn lead(&self) -> Option<&str> {
        let mut lines = statement_lines(&self.goal_statement);
        let first = lines.next()?;
        let introduces = first.ends_with(':') || first.to_lowercase().ends_with(" skal");
        (introduces && lines.next().is_some()).then_some(first)
    }

    pub fn bullets(&self) -> Vec<&str> {
        let skip = usize::from(self.lead().is_some());
        statement_lines(&self.goal_statement).skip(skip).collect()
    }
}

fn statement_lines(s: &str) -> impl Iterator<Item = &str> {
    s.lines().map(str::trim).filter(|l| !l.is_empty())
}

pub struct StrategyRow {
    pub id: i64,
    pub goal_area_id: i64,
    pub position: i32,
    pub text: String,
    pub key_measures: Vec<String>,
    /// The action plans whose measures serve this strategy, with how many do.
    pub plans: Vec<PlanUse>,
}

pub struct PlanUse {
    pub action_plan_id: i64,
    pub plan_name: String,
    pub measures: i64,
}

impl PlanUse {
    pub fn href(&self, strategy_id: &i64) -> String {
        format!("/plan/{}?strategy={}", self.action_plan_id, strategy_id)
    }
}

pub struct DocumentLink {
    pub id: i64,
    pub title: String,
    pub period: String,
}

pub async fn document(db: &PgPool, m: i64, id: i64) -> AppResult<Document> {
    let r = sqlx::query!(
        r#"
        select strategy_document_id, title, period_start, period_end, adopted_note, vision, main_goal,
               main_goal_text, version
        from strategy_document where strategy_document_id = $1 and municipality_id = $2
        "#,
        id,
        m
    )
    .fetch_optional(db)
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(Document {
        id: r.strategy_document_id,
        title: r.title,
        period_start: r.period_start,
        period_end: r.period_end,
        adopted_note: r.adopted_note,
        vision: r.vision,
        main_goal: r.main_goal,
        main_goal_text: r.main_goal_text,
        version: r.version,
    })
}

/// The document's goal areas in order, each with its strategies in order.
pub async fn goal_areas(db: &PgPool, m: i64, doc_id: i64) -> AppResult<Vec<GoalArea>> {
    let mut areas: Vec<GoalArea> = sqlx::query!(
        r#"
        select goal_area_id, position, name, goal_statement from goal_area
        where strategy_document_id = $1 and municipality_id = $2
        order by position, goal_area_id
        "#,
        doc_id,
        m
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|r| GoalArea {
        id: r.goal_area_id,
        position: r.position,
        name: r.name,
        goal_statement: r.goal_statement,
        strategies: Vec::new(),
    })
    .collect();
    let mut uses: HashMap<i64, Vec<PlanUse>> = HashMap::new();
    for r in sqlx::query!(
        r#"
        select ms.strategy_id, a.action_plan_id, a.name, count(*) as "n!"
        from measure_strategy ms
        join strategy s on s.strategy_id = ms.strategy_id
        join goal_area g on g.goal_area_id = s.goal_area_id
        join measure me on me.measure_id = ms.measure_id
        join action_plan a on a.action_plan_id = me.action_plan_id
        where g.strategy_document_id = $1 and ms.municipality_id = $2
        group by ms.strategy_id, a.action_plan_id, a.name, a.start_year
        order by a.start_year, a.action_plan_id
        "#,
        doc_id,
        m
    )
    .fetch_all(db)
    .await?
    {
        uses.entry(r.strategy_id).or_default().push(PlanUse {
            action_plan_id: r.action_plan_id,
            plan_name: r.name,
            measures: r.n,
        });
    }
    let strategies = sqlx::query!(
        r#"
        select s.strategy_id, s.goal_area_id, s.position, s.text, s.key_measures
        from strategy s join goal_area g on g.goal_area_id = s.goal_area_id
        where g.strategy_document_id = $1 and s.municipality_id = $2
        order by s.position, s.strategy_id
        "#,
        doc_id,
        m
    )
    .fetch_all(db)
    .await?;
    for s in strategies {
        if let Some(area) = areas.iter_mut().find(|a| a.id == s.goal_area_id) {
            area.strategies.push(StrategyRow {
                id: s.strategy_id,
                goal_area_id: s.goal_area_id,
                position: s.position,
                text: s.text,
                key_measures: s.key_measures,
                plans: uses.remove(&s.strategy_id).unwrap_or_default(),
            });
        }
    }
    Ok(areas)
}

pub async fn document_links(db: &PgPool, m: i64) -> AppResult<Vec<DocumentLink>> {
    Ok(sqlx::query!(
        r#"
        select strategy_document_id, title, period_start, period_end from strategy_document
        where municipality_id = $1
        order by period_end desc, period_start desc, strategy_document_id desc
        "#,
        m
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|r| DocumentLink {
        id: r.strategy_document_id,
        title: r.title,
        period: format!("{}–{}", r.period_start, r.period_end),
    })
    .collect())
}

pub struct GoalAreaRecord {
    pub position: i32,
    pub name: String,
    pub goal_statement: String,
}

pub async fn goal_area(db: &PgPool, m: i64, doc_id: i64, ga: i64) -> AppResult<GoalAreaRecord> {
    sqlx::query_as!(
        GoalAreaRecord,
        r#"
        select position, name, goal_statement from goal_area
        where goal_area_id = $1 and strategy_document_id = $2 and municipality_id = $3
        "#,
        ga,
        doc_id,
        m
    )
    .fetch_optional(db)
    .await?
    .ok_or(AppError::NotFound)
}

pub async fn next_goal_area_position(db: &PgPool, doc_id: i64) -> AppResult<i32> {
    Ok(sqlx::query_scalar!(
        r#"select coalesce(max(position), 0) + 1 as "p!" from goal_area where strategy_document_id = $1"#,
        doc_id
    )
    .fetch_one(db)
    .await?)
}

pub async fn area_options(db: &PgPool, m: i64, doc_id: i64) -> AppResult<Vec<(i64, String)>> {
    Ok(sqlx::query!(
        r#"
        select goal_area_id, name from goal_area where strategy_document_id = $1 and municipality_id = $2
        order by position, goal_area_id
        "#,
        doc_id,
        m
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|r| (r.goal_area_id, r.name))
    .collect())
}

pub async fn next_strategy_position(db: &PgPool, goal_area_id: i64) -> AppResult<i32> {
    Ok(sqlx::query_scalar!(
        r#"select coalesce(max(position), 0) + 1 as "p!" from strategy where goal_area_id = $1"#,
        goal_area_id
    )
    .fetch_one(db)
    .await?)
}

pub struct StrategyRecord {
    pub goal_area_id: i64,
    pub goal_area: String,
    pub position: i32,
    pub text: String,
    pub key_measures: Vec<String>,
}

impl StrategyRecord {
    pub fn snapshot(&self) -> StrategySnapshot {
        StrategySnapshot {
            goal_area: self.goal_area.clone(),
            position: self.position,
            text: self.text.clone(),
            key_measures: self.key_measures.join("; "),
        }
    }
}

pub async fn strategy(db: &PgPool, m: i64, doc_id: i64, sid: i64) -> AppResult<StrategyRecord> {
    sqlx::query_as!(
        StrategyRecord,
        r#"
        select s.goal_area_id, g.name as goal_area, s.position, s.text, s.key_measures
        from strategy s join goal_area g on g.goal_area_id = s.goal_area_id
        where s.strategy_id = $1 and g.strategy_document_id = $2 and s.municipality_id = $3
        "#,
        sid,
        doc_id,
        m
    )
    .fetch_optional(db)
    .await?
    .ok_or(AppError::NotFound)
}

/// A measure that still serves a strategy, named on the delete page.
pub struct ServingMeasure {
    pub title: String,
    pub action_plan_id: i64,
    pub plan_name: String,
}

pub async fn serving_measures(
    conn: &mut sqlx::PgConnection,
    m: i64,
    sid: i64,
) -> Result<Vec<ServingMeasure>, sqlx::Error> {
    sqlx::query_as!(
        ServingMeasure,
        r#"
        select me.title, a.action_plan_id, a.name as plan_name
        from measure_strategy ms
        join measure me on me.measure_id = ms.measure_id
        join action_plan a on a.action_plan_id = me.action_plan_id
        where ms.strategy_id = $1 and ms.municipality_id = $2
        order by a.start_year, a.action_plan_id, me.position, me.measure_id
        "#,
        sid,
        m
    )
    .fetch_all(conn)
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_goal_statement_reads_as_a_lead_in_and_one_bullet_per_line() {
        let g = GoalArea {
            id: 1,
            position: 1,
            name: "Sikkerhet".into(),
            goal_statement: "Målet er at IKT-løsningene skal\ntilfredsstille norm for informasjonssikkerhet\n\n være sikre og stabile ".into(),
            strategies: Vec::new(),
        };
        assert_eq!(g.lead(), Some("Målet er at IKT-løsningene skal"));
        assert_eq!(
            g.bullets(),
            vec![
                "tilfredsstille norm for informasjonssikkerhet",
                "være sikre og stabile"
            ]
        );
        let plain = GoalArea {
            goal_statement: "Én linje".into(),
            ..g
        };
        assert_eq!(plain.lead(), None);
        assert_eq!(plain.bullets(), vec!["Én linje"]);
    }
}
