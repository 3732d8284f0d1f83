//! Loading a whole action plan once and shaping it as Vedlegg 1 does: goal area → strategy →
//! measures. The progress page and the exports both read through here.

use std::{
    collections::{BTreeMap, HashMap, HashSet},
    sync::{Arc, RwLock},
};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use sqlx::PgPool;

use super::model::{
    CellInput, CostInput, Financing, Responsible, Status, period_name, plan_periods,
};
use crate::{
    domain::{Hours, Nok, format_date},
    error::{AppError, AppResult},
};

pub struct PlanHead {
    pub id: i64,
    pub name: String,
    pub start_year: i32,
    pub end_year: i32,
    pub strategy_document_id: i64,
    pub predecessor_id: Option<i64>,
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
}

impl PlanData {
    pub fn periods(&self) -> Vec<(i32, i32)> {
        plan_periods(self.head.start_year, self.head.end_year)
    }

    pub fn period_name(&self, year: i32, period: i32) -> String {
        period_name(self.head.start_year, year, period)
    }

    pub fn strategy_text(&self, id: &i64) -> Option<&str> {
        self.goal_areas
            .iter()
            .flat_map(|g| &g.strategies)
            .find(|s| s.strategy_id == *id)
            .map(|s| s.text.as_str())
    }
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
        select action_plan_id as id, name, start_year, end_year, strategy_document_id, predecessor_id
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
        select me.measure_id, me.title, me.description, me.responsible_person_id, me.responsible_unit_id,
               me.responsible_text, p.name as "person_name?", u.name as "unit_name?", me.hours, me.priority,
               me.status, me.status_date::text as status_date, me.status_comment, me.version
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

    let mut strategies: HashMap<i64, Vec<i64>> = HashMap::new();
    for r in sqlx::query!(
        r#"
        select ms.measure_id, ms.strategy_id from measure_strategy ms
        join measure me using (measure_id) where me.action_plan_id = $1 and me.municipality_id = $2
        "#,
        plan_id,
        municipality_id
    )
    .fetch_all(db)
    .await?
    {
        strategies
            .entry(r.measure_id)
            .or_default()
            .push(r.strategy_id);
    }
    let mut costs: HashMap<i64, Vec<CostInput>> = HashMap::new();
    for c in sqlx::query!(
        r#"
        select c.measure_id, c.description, c.amount, c.amount_note, c.financing, c.financing_project
        from measure_cost c join measure me using (measure_id)
        where me.action_plan_id = $1 and me.municipality_id = $2
        order by c.measure_id, c.position
        "#,
        plan_id,
        municipality_id
    )
    .fetch_all(db)
    .await?
    {
        costs.entry(c.measure_id).or_default().push(CostInput {
            description: c.description,
            amount: c.amount.map(Nok),
            amount_note: c.amount_note,
            financing: Financing::parse(&c.financing).unwrap_or(Financing::Unknown),
            financing_project: c.financing_project,
        });
    }
    let mut cells: HashMap<i64, Vec<CellInput>> = HashMap::new();
    for c in sqlx::query!(
        r#"
        select c.measure_id, c.year, c.period, c.label from schedule_cell c join measure me using (measure_id)
        where me.action_plan_id = $1 and me.municipality_id = $2
        order by c.measure_id, c.year, c.period
        "#,
        plan_id,
        municipality_id
    )
    .fetch_all(db)
    .await?
    {
        cells.entry(c.measure_id).or_default().push(CellInput { year: c.year, period: c.period, label: c.label });
    }

    let measures = rows
        .into_iter()
        .map(|r| {
            let responsible = Responsible::from_columns(
                r.responsible_person_id,
                r.responsible_unit_id,
                r.responsible_text.clone(),
            );
            let responsible_label = r
                .person_name
                .or(r.unit_name)
                .or(r.responsible_text)
                .unwrap_or_default();
            MeasureData {
                strategy_ids: strategies.remove(&r.measure_id).unwrap_or_default(),
                costs: costs.remove(&r.measure_id).unwrap_or_default(),
                cells: cells.remove(&r.measure_id).unwrap_or_default(),
                measure_id: r.measure_id,
                title: r.title,
                description: r.description,
                responsible,
                responsible_label,
                hours: r.hours,
                priority: r.priority,
                status: Status::parse(&r.status).unwrap_or(Status::NotStarted),
                status_date: r
                    .status_date
                    .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
                status_comment: r.status_comment,
                version: r.version,
                texts: Texts::default(),
            }
        })
        .collect::<Vec<MeasureData>>();
    let mut measures = measures;
    measures.iter_mut().for_each(MeasureData::format_texts);
    let responsible_options = responsible_options(&measures);
    Ok(PlanData {
        municipality_id,
        head,
        goal_areas,
        measures,
        responsible_options,
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

/// Which measures to show.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct Filter {
    /// "person:ID", "unit:ID" or "text:Rådmannen / SU".
    pub responsible: Option<String>,
    pub status: Option<String>,
    /// "1" for priority measures only.
    pub priority: Option<String>,
    pub financing: Option<String>,
    pub year: Option<String>,
    pub strategy: Option<String>,
}

impl Filter {
    fn value(v: &Option<String>) -> Option<&str> {
        v.as_deref().map(str::trim).filter(|v| !v.is_empty())
    }

    pub fn is_active(&self) -> bool {
        [
            &self.responsible,
            &self.status,
            &self.priority,
            &self.financing,
            &self.year,
            &self.strategy,
        ]
        .into_iter()
        .any(|v| Self::value(v).is_some())
    }

    pub fn matches(&self, m: &MeasureData) -> bool {
        let responsible = Self::value(&self.responsible).is_none_or(|r| {
            let key = match &m.responsible {
                Responsible::Text(t) => format!("text:{t}"),
                other => other.key(),
            };
            key == r
        });
        let status = Self::value(&self.status).is_none_or(|s| m.status.code() == s);
        let priority = Self::value(&self.priority).is_none() || m.priority;
        let financing = Self::value(&self.financing)
            .is_none_or(|f| m.costs.iter().any(|c| c.financing.code() == f));
        let year = Self::value(&self.year)
            .and_then(|y| y.parse::<i32>().ok())
            .is_none_or(|y| m.cells.iter().any(|c| c.year == y));
        let strategy = Self::value(&self.strategy)
            .and_then(|s| s.parse::<i64>().ok())
            .is_none_or(|s| m.strategy_ids.contains(&s));
        responsible && status && priority && financing && year && strategy
    }

    /// The filter as a query string, to keep it across a status update.
    pub fn query(&self) -> String {
        let pairs: Vec<(&str, &str)> = [
            ("responsible", &self.responsible),
            ("status", &self.status),
            ("priority", &self.priority),
            ("financing", &self.financing),
            ("year", &self.year),
            ("strategy", &self.strategy),
        ]
        .into_iter()
        .filter_map(|(k, v)| Self::value(v).map(|v| (k, v)))
        .collect();
        serde_urlencoded::to_string(pairs).unwrap_or_default()
    }
}

/// Sums of hours and known cost over a set of measures, each counted once.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Total {
    pub measures: usize,
    pub hours: Decimal,
    pub cost: Decimal,
    /// Measures whose hours are unknown, and cost lines whose amount is unknown.
    pub unknown_hours: usize,
    pub unknown_costs: usize,
}

impl Total {
    pub fn add(&mut self, m: &MeasureData) {
        self.measures += 1;
        match m.hours {
            Some(h) => self.hours += h,
            None => self.unknown_hours += 1,
        }
        self.cost += m.known_cost();
        self.unknown_costs += m.costs.iter().filter(|c| c.amount.is_none()).count();
    }

    pub fn hours_text(&self) -> String {
        Hours(self.hours).to_string()
    }

    pub fn cost_text(&self) -> String {
        Nok(self.cost).to_string()
    }

    pub fn of<'a>(measures: impl IntoIterator<Item = &'a MeasureData>) -> Total {
        let mut t = Total::default();
        let mut seen = HashSet::new();
        for m in measures {
            if seen.insert(m.measure_id) {
                t.add(m);
            }
        }
        t
    }
}

/// One strategy's rows in the progress plan. A measure serving two strategies appears under
/// both, and `shared_with` says where else; totals above the strategy level count it once.
pub struct StrategyGroup<'a> {
    pub strategy_id: Option<i64>,
    pub text: String,
    pub rows: Vec<&'a MeasureData>,
    pub total: Total,
}

pub struct GoalGroup<'a> {
    pub name: String,
    pub strategies: Vec<StrategyGroup<'a>>,
    pub total: Total,
}

/// Groups the selected measures as Vedlegg 1: goal area → strategy → measures; measures without
/// a strategy come last.
pub fn group<'a>(plan: &'a PlanData, selected: &[&'a MeasureData]) -> Vec<GoalGroup<'a>> {
    let mut out = Vec::new();
    for g in &plan.goal_areas {
        let mut strategies = Vec::new();
        for s in &g.strategies {
            let rows: Vec<&MeasureData> = selected
                .iter()
                .copied()
                .filter(|m| m.strategy_ids.contains(&s.strategy_id))
                .collect();
            if rows.is_empty() {
                continue;
            }
            strategies.push(StrategyGroup {
                strategy_id: Some(s.strategy_id),
                text: s.text.clone(),
                total: Total::of(rows.iter().copied()),
                rows,
            });
        }
        if strategies.is_empty() {
            continue;
        }
        let total = Total::of(strategies.iter().flat_map(|s| s.rows.iter().copied()));
        out.push(GoalGroup {
            name: g.name.clone(),
            strategies,
            total,
        });
    }
    let known: HashSet<i64> = plan
        .goal_areas
        .iter()
        .flat_map(|g| &g.strategies)
        .map(|s| s.strategy_id)
        .collect();
    let orphans: Vec<&MeasureData> = selected
        .iter()
        .copied()
        .filter(|m| !m.strategy_ids.iter().any(|s| known.contains(s)))
        .collect();
    if !orphans.is_empty() {
        let total = Total::of(orphans.iter().copied());
        out.push(GoalGroup {
            name: "Tiltak uten strategi".into(),
            strategies: vec![StrategyGroup {
                strategy_id: None,
                text: "Knyttet til hovedmålet, ikke til en enkelt strategi".into(),
                rows: orphans,
                total: total.clone(),
            }],
            total,
        });
    }
    out
}

/// Totals per start year (measures without a schedule under None) and known cost per financing
/// class, each measure and each cost line counted once.
pub fn totals_by_year(selected: &[&MeasureData]) -> BTreeMap<Option<i32>, Total> {
    let mut out: BTreeMap<Option<i32>, Total> = BTreeMap::new();
    for m in selected {
        out.entry(m.start_year()).or_default().add(m);
    }
    out
}

pub fn cost_by_financing(selected: &[&MeasureData]) -> Vec<(Financing, Decimal, usize)> {
    let mut out: BTreeMap<Financing, (Decimal, usize)> = BTreeMap::new();
    for m in selected {
        for c in &m.costs {
            let e = out.entry(c.financing).or_default();
            match c.amount {
                Some(a) => e.0 += a.0,
                None => e.1 += 1,
            }
        }
    }
    out.into_iter()
        .map(|(f, (sum, unknown))| (f, sum, unknown))
        .collect()
}

/// Keeps only rows `offset..offset + limit` of the grouped plan (headings of groups that still
/// have rows stay, with their totals for the whole selection). Returns the number of rows.
pub fn page_rows(groups: &mut Vec<GoalGroup<'_>>, offset: usize, limit: usize) -> usize {
    let mut index = 0;
    for g in groups.iter_mut() {
        for s in g.strategies.iter_mut() {
            s.rows.retain(|_| {
                let keep = index >= offset && index < offset + limit;
                index += 1;
                keep
            });
        }
        g.strategies.retain(|s| !s.rows.is_empty());
    }
    groups.retain(|g| !g.strategies.is_empty());
    index
}

pub fn row_count(groups: &[GoalGroup<'_>]) -> usize {
    groups
        .iter()
        .flat_map(|g| &g.strategies)
        .map(|s| s.rows.len())
        .sum()
}
