//! Measures as the pages, the store and the roll read them: the audit snapshot, the saved
//! input, the choices a form offers, and the status timeline.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::{PgConnection, PgPool};

use super::model::{
    CellInput, CostInput, Financing, MeasureInput, MeasureSnapshot, Responsible, Status,
};
use crate::{
    domain::{Hours, Nok, format_date, format_datetime},
    error::{AppError, AppResult},
    i18n::{Lang, k},
    plan::{model::Span, read::PlanHead},
};

/// The plan a measure belongs to, or 404 when the measure is not the municipality's.
pub async fn plan_of(db: &PgPool, m: i64, id: i64) -> AppResult<i64> {
    sqlx::query_scalar!(
        r#"select action_plan_id from measure where measure_id = $1 and municipality_id = $2"#,
        id,
        m
    )
    .fetch_optional(db)
    .await?
    .ok_or(AppError::NotFound)
}

/// The measure as the audit log keeps it.
pub async fn snapshot(
    conn: &mut PgConnection,
    m: i64,
    id: i64,
) -> Result<MeasureSnapshot, sqlx::Error> {
    let r = sqlx::query!(
        r#"
        select me.title, me.description, me.hours, me.priority, me.status, me.status_date as "status_date: NaiveDate",
               me.status_comment, p.name as "person?", u.name as "unit?", me.responsible_text,
               a.start_year, a.end_year
        from measure me
        join action_plan a using (action_plan_id)
        left join person p on p.person_id = me.responsible_person_id
        left join unit u on u.unit_id = me.responsible_unit_id
        where me.measure_id = $1 and me.municipality_id = $2
        "#,
        id,
        m
    )
    .fetch_one(&mut *conn)
    .await?;
    let span = Span::new(r.start_year, r.end_year);
    let strategies = sqlx::query_scalar!(
        r#"select s.text from measure_strategy ms join strategy s using (strategy_id) where ms.measure_id = $1 order by s.strategy_id"#,
        id
    )
    .fetch_all(&mut *conn)
    .await?;
    let input = inputs(conn, m, &[id])
        .await?
        .remove(&id)
        .unwrap_or_default();
    let deps = sqlx::query_scalar!(
        r#"select d.title from measure_dependency md join measure d on d.measure_id = md.depends_on_id where md.measure_id = $1 order by d.title"#,
        id
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(MeasureSnapshot {
        title: r.title,
        description: r.description.unwrap_or_default(),
        strategies: strategies.join("; "),
        responsible: r
            .person
            .or(r.unit)
            .or(r.responsible_text)
            .unwrap_or_default(),
        hours: r.hours.map(|h| Hours(h).plain()).unwrap_or_default(),
        costs: describe_costs(&input.costs),
        schedule: describe_cells(span, &input.cells),
        priority: r.priority,
        status: Status::parse(&r.status)
            .map(|s| s.label().to_string())
            .unwrap_or(r.status),
        status_date: r.status_date.map(format_date).unwrap_or_default(),
        status_comment: r.status_comment.unwrap_or_default(),
        depends_on: deps.join("; "),
    })
}

/// «kr 34 984 – …; må utredes»: the cost lines as one text, in the snapshot and the export.
pub fn describe_costs(costs: &[CostInput]) -> String {
    costs
        .iter()
        .map(CostInput::describe)
        .collect::<Vec<_>>()
        .join("; ")
}

/// «Jan 2014, Feb 2014: Utredning, …»
pub fn describe_cells(span: Span, cells: &[CellInput]) -> String {
    let mut cells: Vec<&CellInput> = cells.iter().collect();
    cells.sort_by_key(|c| (c.year, c.period));
    cells
        .iter()
        .map(|c| span.cell_name(c.year, c.period, c.label.as_deref()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The saved measures as inputs, as the edit form and the roll start from them.
pub async fn inputs(
    conn: &mut PgConnection,
    m: i64,
    ids: &[i64],
) -> Result<HashMap<i64, MeasureInput>, sqlx::Error> {
    let mut out: HashMap<i64, MeasureInput> = sqlx::query!(
        r#"
        select measure_id, title, description, responsible_person_id, responsible_unit_id, responsible_text,
               hours, priority, status, status_date as "status_date: NaiveDate", status_comment,
               predecessor_measure_id
        from measure where measure_id = any($1) and municipality_id = $2
        "#,
        ids,
        m
    )
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|r| {
        let input = MeasureInput {
            title: r.title,
            description: r.description,
            strategy_ids: Vec::new(),
            responsible: Responsible::from_columns(
                r.responsible_person_id,
                r.responsible_unit_id,
                r.responsible_text,
            ),
            hours: r.hours.map(Hours),
            costs: Vec::new(),
            cells: Vec::new(),
            priority: r.priority,
            status: Status::parse(&r.status).unwrap_or(Status::NotStarted),
            status_date: r.status_date,
            status_comment: r.status_comment,
            depends_on: Vec::new(),
            predecessor_measure_id: r.predecessor_measure_id,
        };
        (r.measure_id, input)
    })
    .collect();
    for r in sqlx::query!(
        r#"select measure_id, strategy_id from measure_strategy where measure_id = any($1) order by strategy_id"#,
        ids
    )
    .fetch_all(&mut *conn)
    .await?
    {
        if let Some(i) = out.get_mut(&r.measure_id) {
            i.strategy_ids.push(r.strategy_id);
        }
    }
    for r in sqlx::query!(
        r#"
        select measure_id, description, amount, amount_note, financing, financing_project, remark
        from measure_cost where measure_id = any($1) order by measure_id, position, measure_cost_id
        "#,
        ids
    )
    .fetch_all(&mut *conn)
    .await?
    {
        if let Some(i) = out.get_mut(&r.measure_id) {
            i.costs.push(CostInput {
                description: r.description,
                amount: r.amount.map(Nok),
                amount_note: r.amount_note,
                financing: Financing::parse(&r.financing).unwrap_or_default(),
                financing_project: r.financing_project,
                remark: r.remark,
            });
        }
    }
    for r in sqlx::query!(
        r#"select measure_id, year, period, label from schedule_cell where measure_id = any($1) order by measure_id, year, period"#,
        ids
    )
    .fetch_all(&mut *conn)
    .await?
    {
        if let Some(i) = out.get_mut(&r.measure_id) {
            i.cells.push(CellInput {
                year: r.year,
                period: r.period,
                label: r.label,
            });
        }
    }
    for r in sqlx::query!(
        r#"select measure_id, depends_on_id from measure_dependency where measure_id = any($1) order by depends_on_id"#,
        ids
    )
    .fetch_all(&mut *conn)
    .await?
    {
        if let Some(i) = out.get_mut(&r.measure_id) {
            i.depends_on.push(r.depends_on_id);
        }
    }
    Ok(out)
}

pub struct GoalAreaOption {
    pub name: String,
    pub strategies: Vec<Choice>,
}

pub struct Choice {
    pub id: i64,
    pub label: String,
}

pub struct PersonOption {
    pub id: i64,
    pub name: String,
    pub title: Option<String>,
}

impl PersonOption {
    pub fn label(&self) -> String {
        match self.title.as_deref().filter(|t| !t.is_empty()) {
            Some(t) => format!("{} ({t})", self.name),
            None => self.name.clone(),
        }
    }
}

/// The choices a measure form offers, all from the user's municipality and the plan.
pub struct Options {
    pub goal_areas: Vec<GoalAreaOption>,
    pub people: Vec<PersonOption>,
    pub units: Vec<Choice>,
    /// The plan's other measures (the measure itself is left out).
    pub measures: Vec<Choice>,
}

impl Options {
    pub fn strategy_text(&self, id: i64) -> Option<&str> {
        self.goal_areas
            .iter()
            .flat_map(|g| &g.strategies)
            .find(|s| s.id == id)
            .map(|s| s.label.as_str())
    }
    pub fn person_name(&self, id: i64) -> Option<&str> {
        self.people
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.name.as_str())
    }
    pub fn unit_name(&self, id: i64) -> Option<&str> {
        self.units
            .iter()
            .find(|u| u.id == id)
            .map(|u| u.label.as_str())
    }
    pub fn measure_title(&self, id: i64) -> Option<&str> {
        self.measures
            .iter()
            .find(|me| me.id == id)
            .map(|me| me.label.as_str())
    }
}

pub async fn options(
    db: &PgPool,
    m: i64,
    plan: &PlanHead,
    this: Option<i64>,
) -> AppResult<Options> {
    let mut goal_areas: Vec<GoalAreaOption> = Vec::new();
    let mut last_goal = None;
    for r in sqlx::query!(
        r#"
        select g.goal_area_id, g.name, s.strategy_id, s.text
        from goal_area g join strategy s using (goal_area_id)
        where g.strategy_document_id = $1 and g.municipality_id = $2 and s.municipality_id = $2
        order by g.position, g.goal_area_id, s.position, s.strategy_id
        "#,
        plan.strategy_document_id,
        m
    )
    .fetch_all(db)
    .await?
    {
        if last_goal != Some(r.goal_area_id) {
            goal_areas.push(GoalAreaOption {
                name: r.name,
                strategies: Vec::new(),
            });
            last_goal = Some(r.goal_area_id);
        }
        if let Some(g) = goal_areas.last_mut() {
            g.strategies.push(Choice {
                id: r.strategy_id,
                label: r.text,
            });
        }
    }
    let people = sqlx::query!(
        r#"select person_id, name, title from person where municipality_id = $1 order by name collate "nb-NO-x-icu""#,
        m
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|r| PersonOption { id: r.person_id, name: r.name, title: r.title })
    .collect();
    let units = sqlx::query!(r#"select unit_id, name from unit where municipality_id = $1 order by name collate "nb-NO-x-icu""#, m)
        .fetch_all(db)
        .await?
        .into_iter()
        .map(|r| Choice { id: r.unit_id, label: r.name })
        .collect();
    let measures = sqlx::query!(
        r#"
        select measure_id, title from measure
        where action_plan_id = $1 and municipality_id = $2 and measure_id is distinct from $3
        order by position, measure_id
        "#,
        plan.id,
        m,
        this
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|r| Choice {
        id: r.measure_id,
        label: r.title,
    })
    .collect();
    Ok(Options {
        goal_areas,
        people,
        units,
        measures,
    })
}

/// One status change, as the measure page's timeline shows it.
pub struct TimelineItem {
    pub status: String,
    pub status_date: Option<NaiveDate>,
    pub comment: Option<String>,
    pub who: String,
    pub at: DateTime<Utc>,
}

impl TimelineItem {
    pub fn when(&self) -> String {
        format_datetime(self.at)
    }
    pub fn label(&self, lang: &Lang) -> String {
        let s = lang.t(Status::parse(&self.status)
            .map(|s| s.label_key())
            .unwrap_or(k("measure-status-unknown")));
        match self.status_date {
            Some(d) => format!("{s} {}", format_date(d)),
            None => s,
        }
    }
}

pub async fn timeline(db: &PgPool, m: i64, id: i64) -> AppResult<Vec<TimelineItem>> {
    Ok(sqlx::query_as!(
        TimelineItem,
        r#"
        select c.status, c.status_date as "status_date: NaiveDate", c.comment,
               coalesce(u.display_name, 'Systemet') as "who!", c.changed_at as "at: DateTime<Utc>"
        from measure_status_change c left join app_user u using (app_user_id)
        where c.measure_id = $1 and c.municipality_id = $2
        order by c.changed_at desc, c.measure_status_change_id desc
        "#,
        id,
        m
    )
    .fetch_all(db)
    .await?)
}

/// A measure linked to this one: (id, title, the plan's name where it is another plan).
pub type Link = (i64, String, String);

/// What the measure page shows besides the measure: dependencies both ways, predecessor and
/// successors in other plans.
pub struct Relations {
    pub depends_on: Vec<Link>,
    pub needed_by: Vec<Link>,
    pub predecessor: Option<Link>,
    pub successors: Vec<Link>,
}

pub async fn relations(db: &PgPool, m: i64, id: i64) -> AppResult<Relations> {
    let depends_on = sqlx::query!(
        r#"select d.measure_id, d.title from measure_dependency md join measure d on d.measure_id = md.depends_on_id
           where md.measure_id = $1 and md.municipality_id = $2 order by d.title"#,
        id,
        m
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|r| (r.measure_id, r.title, String::new()))
    .collect();
    let needed_by = sqlx::query!(
        r#"select d.measure_id, d.title from measure_dependency md join measure d on d.measure_id = md.measure_id
           where md.depends_on_id = $1 and md.municipality_id = $2 order by d.title"#,
        id,
        m
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|r| (r.measure_id, r.title, String::new()))
    .collect();
    let predecessor = sqlx::query!(
        r#"select p.measure_id, p.title, a.name from measure me join measure p on p.measure_id = me.predecessor_measure_id
           join action_plan a on a.action_plan_id = p.action_plan_id where me.measure_id = $1 and me.municipality_id = $2"#,
        id,
        m
    )
    .fetch_optional(db)
    .await?
    .map(|r| (r.measure_id, r.title, r.name));
    let successors = sqlx::query!(
        r#"select s.measure_id, s.title, a.name from measure s join action_plan a using (action_plan_id)
           where s.predecessor_measure_id = $1 and s.municipality_id = $2 order by a.start_year"#,
        id,
        m
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|r| (r.measure_id, r.title, r.name))
    .collect();
    Ok(Relations {
        depends_on,
        needed_by,
        predecessor,
        successors,
    })
}

/// A measure's title, if it is the municipality's.
pub async fn title(db: &PgPool, m: i64, id: i64) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar!(
        "select title from measure where measure_id = $1 and municipality_id = $2",
        id,
        m
    )
    .fetch_optional(db)
    .await
}
