//! Loading a whole action plan once: its head, its strategies as goal area → strategy, and
//! every measure with its costs and schedule. The progress page, the measure page and the
//! exports read through here; a cache keyed by a trigger-maintained revision keeps it cheap.

use std::{
    collections::{BTreeMap, HashMap},
    sync::{Arc, RwLock},
};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use sqlx::PgPool;

use super::model::{MilestoneForm, MilestoneKind, Span};
use crate::{
    domain::{Hours, format_date},
    error::{AppError, AppResult},
    measures::{
        model::{CellInput, CostInput, Responsible, Status},
        read::inputs,
    },
};

pub struct PlanHead {
    pub id: i64,
    pub name: String,
    pub start_year: i32,
    pub end_year: i32,
    /// None for a project plan, which has no strategy document.
    pub strategy_document_id: Option<i64>,
    pub predecessor_id: Option<i64>,
}

impl PlanHead {
    pub fn span(&self) -> Span {
        Span::new(self.start_year, self.end_year)
    }
}

pub struct StrategyRef {
    pub strategy_id: i64,
    pub text: String,
}

pub struct GoalAreaRef {
    pub name: String,
    pub strategies: Vec<StrategyRef>,
}

pub struct MeasureData {
    pub measure_id: i64,
    pub title: String,
    pub description: Option<String>,
    pub responsible: Responsible,
    pub responsible_label: String,
    pub hours: Option<Decimal>,
    pub priority: bool,
    pub status: Status,
    pub status_date: Option<NaiveDate>,
    pub status_comment: Option<String>,
    pub version: i32,
    pub strategy_ids: Vec<i64>,
    pub costs: Vec<CostInput>,
    pub cells: Vec<CellInput>,
    /// Display texts, formatted once when the plan is loaded (the loaded plan is cached).
    texts: Texts,
}

#[derive(Default)]
struct Texts {
    hours: String,
    cost: String,
    status: String,
}

impl MeasureData {
    fn format_texts(&mut self) {
        self.texts = Texts {
            hours: self.hours.map(|h| Hours(h).plain()).unwrap_or_default(),
            cost: self
                .costs
                .iter()
                .map(CostInput::describe)
                .collect::<Vec<_>>()
                .join(" + "),
            status: match (self.status, self.status_date) {
                (Status::Done, Some(d)) => format!("{} {}", self.status.label(), format_date(d)),
                (s, _) => s.label().to_string(),
            },
        };
    }

    pub fn hours_text(&self) -> &str {
        &self.texts.hours
    }

    /// The cost cell as Vedlegg 1 writes it.
    pub fn cost_text(&self) -> &str {
        &self.texts.cost
    }

    pub fn known_cost(&self) -> Decimal {
        self.costs
            .iter()
            .filter_map(|c| c.amount.map(|a| a.0))
            .sum()
    }

    pub fn has_unknown_cost(&self) -> bool {
        self.costs.iter().any(|c| c.amount.is_none())
    }

    pub fn status_text(&self) -> &str {
        &self.texts.status
    }

    /// The year the measure starts: its first planned period, if any.
    pub fn start_year(&self) -> Option<i32> {
        self.cells.iter().map(|c| c.year).min()
    }

    /// The progress-plan row's id; a shared measure has one row per strategy.
    pub fn row_id(&self, current: &Option<i64>) -> String {
        format!("m-{}-s{}", self.measure_id, current.unwrap_or(0))
    }

    /// Strategies this measure also serves, besides the one it is listed under.
    pub fn others(&self, current: &Option<i64>) -> Vec<i64> {
        self.strategy_ids
            .iter()
            .copied()
            .filter(|s| Some(*s) != *current)
            .collect()
    }

    pub fn cell(&self, year: &i32, period: &i32) -> Option<&CellInput> {
        self.cells
            .iter()
            .find(|c| c.year == *year && c.period == *period)
    }
}

pub struct PlanData {
    pub municipality_id: i64,
    pub head: PlanHead,
    pub goal_areas: Vec<GoalAreaRef>,
    pub measures: Vec<MeasureData>,
    /// Everyone responsible for a measure, for the filter: (filter value, name), by name.
    pub responsible_options: Vec<(String, String)>,
    /// The plan this one was rolled into, if any: it is then no longer the current plan.
    pub rolled_into: Option<RolledInto>,
    /// Its milestones and decision points, by date.
    pub milestones: Vec<Milestone>,
    /// The progress plan's rows as rendered for this revision (a new revision is a new
    /// `PlanData`, so the rows go with it).
    pub rows: crate::plan::progress::RowCache,
}

/// A milestone (MP) or decision point (BP) of a plan.
#[derive(Clone, Debug)]
pub struct Milestone {
    pub id: i64,
    pub action_plan_id: i64,
    pub kind: MilestoneKind,
    pub code: Option<String>,
    pub name: String,
    pub due: NaiveDate,
    pub criterion: Option<String>,
    pub version: i32,
}

impl Milestone {
    /// The period column its date falls in, if inside the plan.
    pub fn period(&self, span: Span) -> Option<(i32, i32)> {
        crate::plan::view::today_period(span, self.due)
    }

    /// Whether its ◆ goes in the column of (year, period).
    pub fn is_in(&self, span: Span, year: &i32, period: &i32) -> bool {
        self.period(span) == Some((*year, *period))
    }

    pub fn due_text(&self) -> String {
        format_date(self.due)
    }

    /// «MP1 Godkjent prosjektplan», or the name alone.
    pub fn title(&self) -> String {
        match &self.code {
            Some(c) => format!("{c} {}", self.name),
            None => self.name.clone(),
        }
    }

    pub fn form(&self) -> MilestoneForm {
        MilestoneForm {
            kind: self.kind.code().into(),
            code: self.code.clone().unwrap_or_default(),
            name: self.name.clone(),
            due: self.due.to_string(),
            criterion: self.criterion.clone().unwrap_or_default(),
            version: self.version.to_string(),
        }
    }
}

/// A plan's milestones by date (then as entered).
pub async fn milestones(
    conn: &mut sqlx::PgConnection,
    municipality_id: i64,
    plan_id: i64,
) -> Result<Vec<Milestone>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"
        select plan_milestone_id, action_plan_id, kind, code, name, due as "due: NaiveDate", criterion, version
        from plan_milestone where action_plan_id = $1 and municipality_id = $2
        order by due, plan_milestone_id
        "#,
        plan_id,
        municipality_id
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Milestone {
            id: r.plan_milestone_id,
            action_plan_id: r.action_plan_id,
            kind: MilestoneKind::parse(&r.kind).unwrap_or(MilestoneKind::Milestone),
            code: r.code,
            name: r.name,
            due: r.due,
            criterion: r.criterion,
            version: r.version,
        })
        .collect())
}

/// One milestone of the municipality; NotFound otherwise.
pub async fn milestone(
    conn: &mut sqlx::PgConnection,
    municipality_id: i64,
    id: i64,
) -> AppResult<Milestone> {
    let plan_id = sqlx::query_scalar!(
        "select action_plan_id from plan_milestone where plan_milestone_id = $1 and municipality_id = $2",
        id,
        municipality_id
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)?;
    milestones(conn, municipality_id, plan_id)
        .await?
        .into_iter()
        .find(|m| m.id == id)
        .ok_or(AppError::NotFound)
}

/// The later plan a plan was rolled into, and when.
#[derive(Clone)]
pub struct RolledInto {
    pub id: i64,
    pub name: String,
    pub on: String,
}

impl PlanData {
    pub fn periods(&self) -> Vec<(i32, i32)> {
        self.head.span().periods()
    }

    pub fn period_name(&self, year: i32, period: i32) -> String {
        self.head.span().period_name(year, period)
    }

    pub fn strategy_text(&self, id: &i64) -> Option<&str> {
        self.goal_areas
            .iter()
            .flat_map(|g| &g.strategies)
            .find(|s| s.strategy_id == *id)
            .map(|s| s.text.as_str())
    }
}

/// A plan as the list of plans shows it.
pub struct PlanSummary {
    pub action_plan_id: i64,
    pub name: String,
    pub start_year: i32,
    pub end_year: i32,
    pub measures: i64,
    pub open: i64,
    pub hours: String,
    pub predecessor: Option<String>,
    /// The plan was rolled into a later one.
    pub rolled: bool,
}

/// Every plan of the municipality, newest first, with its measure counts.
pub async fn summaries(db: &PgPool, m: i64) -> AppResult<Vec<PlanSummary>> {
    Ok(sqlx::query!(
        r#"
        select a.action_plan_id, a.name, a.start_year, a.end_year, p.name as "predecessor?",
               exists (select 1 from action_plan n where n.predecessor_id = a.action_plan_id) as "rolled!",
               count(me.measure_id) as "measures!",
               count(me.measure_id) filter (where me.status in ('not_started', 'in_progress', 'postponed')) as "open!",
               coalesce(sum(me.hours), 0) as "hours!"
        from action_plan a
        left join action_plan p on p.action_plan_id = a.predecessor_id
        left join measure me on me.action_plan_id = a.action_plan_id
        where a.municipality_id = $1
        group by a.action_plan_id, p.name
        order by a.start_year desc, a.action_plan_id desc
        "#,
        m
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|r| PlanSummary {
        action_plan_id: r.action_plan_id,
        name: r.name,
        start_year: r.start_year,
        end_year: r.end_year,
        measures: r.measures,
        open: r.open,
        hours: Hours(r.hours).to_string(),
        predecessor: r.predecessor,
        rolled: r.rolled,
    })
    .collect())
}

/// The municipality's strategy documents (id, title), newest first: a plan belongs to one.
pub async fn documents(db: &PgPool, m: i64) -> AppResult<Vec<(i64, String)>> {
    Ok(sqlx::query!(
        r#"select strategy_document_id, title from strategy_document where municipality_id = $1 order by period_end desc"#,
        m
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|r| (r.strategy_document_id, r.title))
    .collect())
}

/// Loaded plans, keyed by plan id, each with the revision it was loaded at. Triggers bump
/// `action_plan.revision` on every change a plan shows (see the plan_revision migration), so a
/// cached plan is reused only while nothing about it has changed.
#[derive(Default)]
pub struct PlanCache {
    plans: RwLock<HashMap<i64, (i64, Arc<PlanData>)>>,
}

impl PlanCache {
    /// The plan, from the cache when its revision is unchanged. Checks the municipality first.
    pub async fn get(
        &self,
        db: &PgPool,
        municipality_id: i64,
        plan_id: i64,
    ) -> AppResult<Arc<PlanData>> {
        let revision = sqlx::query_scalar!(
            r#"select revision from action_plan where action_plan_id = $1 and municipality_id = $2"#,
            plan_id,
            municipality_id
        )
        .fetch_optional(db)
        .await?
        .ok_or(AppError::NotFound)?;
        if let Some((rev, plan)) = self.plans.read().map_err(poisoned)?.get(&plan_id)
            && *rev == revision
            && plan.municipality_id == municipality_id
        {
            return Ok(plan.clone());
        }
        let plan = Arc::new(load(db, municipality_id, plan_id).await?);
        self.plans
            .write()
            .map_err(poisoned)?
            .insert(plan_id, (revision, plan.clone()));
        Ok(plan)
    }
}

fn poisoned<T>(_: T) -> AppError {
    AppError::Internal(anyhow::anyhow!("plan cache lock poisoned"))
}

/// A plan's own row; NotFound unless it belongs to the municipality.
pub async fn load_head(db: &PgPool, municipality_id: i64, plan_id: i64) -> AppResult<PlanHead> {
    sqlx::query_as!(
        PlanHead,
        r#"
        select action_plan_id as id, name, start_year, end_year, strategy_document_id as "strategy_document_id?", predecessor_id
        from action_plan where action_plan_id = $1 and municipality_id = $2
        "#,
        plan_id,
        municipality_id
    )
    .fetch_optional(db)
    .await?
    .ok_or(AppError::NotFound)
}

pub async fn load(db: &PgPool, municipality_id: i64, plan_id: i64) -> AppResult<PlanData> {
    let head = load_head(db, municipality_id, plan_id).await?;

    let strategy_rows = sqlx::query!(
        r#"
        select g.goal_area_id, g.name, s.strategy_id as "strategy_id?", s.text as "text?"
        from goal_area g
        left join strategy s on s.goal_area_id = g.goal_area_id
        where g.strategy_document_id = $1 and g.municipality_id = $2
        order by g.position, g.goal_area_id, s.position, s.strategy_id
        "#,
        head.strategy_document_id,
        municipality_id
    )
    .fetch_all(db)
    .await?;
    let mut goal_areas: Vec<GoalAreaRef> = Vec::new();
    let mut last_goal = None;
    for r in strategy_rows {
        if last_goal != Some(r.goal_area_id) {
            goal_areas.push(GoalAreaRef {
                name: r.name.clone(),
                strategies: Vec::new(),
            });
            last_goal = Some(r.goal_area_id);
        }
        if let (Some(id), Some(text), Some(g)) = (r.strategy_id, r.text, goal_areas.last_mut()) {
            g.strategies.push(StrategyRef {
                strategy_id: id,
                text,
            });
        }
    }

    let rows = sqlx::query!(
        r#"
        select me.measure_id, p.name as "person_name?", u.name as "unit_name?", me.version
        from measure me
        left join person p on p.person_id = me.responsible_person_id
        left join unit u on u.unit_id = me.responsible_unit_id
        where me.action_plan_id = $1 and me.municipality_id = $2
        order by me.position, me.measure_id
        "#,
        plan_id,
        municipality_id
    )
    .fetch_all(db)
    .await?;
    let ids: Vec<i64> = rows.iter().map(|r| r.measure_id).collect();
    let mut inputs = inputs(&mut *db.acquire().await?, municipality_id, &ids).await?;
    let mut measures: Vec<MeasureData> = rows
        .into_iter()
        .filter_map(|r| {
            let i = inputs.remove(&r.measure_id)?;
            let responsible_label = match &i.responsible {
                Responsible::Text(t) => Some(t.clone()),
                Responsible::Nobody => None,
                _ => r.person_name.or(r.unit_name),
            }
            .unwrap_or_default();
            Some(MeasureData {
                measure_id: r.measure_id,
                title: i.title,
                description: i.description,
                responsible: i.responsible,
                responsible_label,
                hours: i.hours.map(|h| h.0),
                priority: i.priority,
                status: i.status,
                status_date: i.status_date,
                status_comment: i.status_comment,
                version: r.version,
                strategy_ids: i.strategy_ids,
                costs: i.costs,
                cells: i.cells,
                texts: Texts::default(),
            })
        })
        .collect();
    measures.iter_mut().for_each(MeasureData::format_texts);
    let responsible_options = responsible_options(&measures);
    // Rolling bumps the old plan's revision, so a cached plan learns of its successor.
    let rolled_into = sqlx::query!(
        r#"
        select action_plan_id, name, created_at as "created_at: chrono::DateTime<chrono::Utc>"
        from action_plan where predecessor_id = $1 and municipality_id = $2
        order by action_plan_id limit 1
        "#,
        head.id,
        municipality_id
    )
    .fetch_optional(db)
    .await?
    .map(|r| RolledInto {
        id: r.action_plan_id,
        name: r.name,
        on: crate::domain::format_date(
            r.created_at
                .with_timezone(&chrono_tz::Europe::Oslo)
                .date_naive(),
        ),
    });
    let milestones = milestones(&mut *db.acquire().await?, municipality_id, plan_id).await?;
    Ok(PlanData {
        municipality_id,
        milestones,
        rolled_into,
        head,
        goal_areas,
        measures,
        responsible_options,
        rows: Default::default(),
    })
}

fn responsible_options(measures: &[MeasureData]) -> Vec<(String, String)> {
    let unique: BTreeMap<String, String> = measures
        .iter()
        .filter(|m| !m.responsible_label.is_empty())
        .map(|m| {
            let key = match &m.responsible {
                Responsible::Text(t) => format!("text:{t}"),
                other => other.key(),
            };
            (key, m.responsible_label.clone())
        })
        .collect();
    let mut out: Vec<(String, String)> = unique.into_iter().collect();
    out.sort_by_cached_key(|(_, label)| label.to_lowercase());
    out
}
