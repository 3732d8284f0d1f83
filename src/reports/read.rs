//! Queries and view models of status reports: a plan's rounds, who writes them, the report as a
//! document (frozen rows of a submitted report, or the live plan with the draft's statuses), the
//! previous round, and each measure's status across the plan's rounds.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use sqlx::PgPool;

use super::model::{RoundKind, RoundState, Standing, plan_closed};
use crate::{
    auth::CurrentUser,
    domain::{Hours, Nok, format_date},
    error::{AppError, AppResult},
    i18n::{Lang, k},
    measures::model::Status,
    plan::{model::Span, read::PlanData},
};

/// One reporting round, with its plan's name and whether the plan is closed today.
#[derive(Clone, Debug)]
pub struct Round {
    pub id: i64,
    pub plan_id: i64,
    pub plan_name: String,
    pub plan_start_year: i32,
    pub plan_end_year: i32,
    pub due: NaiveDate,
    pub covers_year: i32,
    pub kind: RoundKind,
    pub state: RoundState,
    pub cancelled: bool,
    pub version: i32,
    pub summary: Option<String>,
    pub saved_by: Option<String>,
    pub saved_at: Option<DateTime<Utc>>,
    pub submitted_by: Option<String>,
    pub submitted_at: Option<DateTime<Utc>>,
    pub acknowledged_by: Option<String>,
    pub acknowledged_at: Option<DateTime<Utc>>,
    pub acknowledgement_comment: Option<String>,
    pub frozen_plan_name: Option<String>,
    pub frozen_start_year: Option<i32>,
    pub frozen_end_year: Option<i32>,
    pub frozen_responsible: Option<String>,
    pub total_hours: Option<Decimal>,
    pub total_cost: Option<Decimal>,
    pub cost_incomplete: Option<bool>,
    /// The plan's period has ended and its last round has fallen due.
    pub closed: bool,
}

impl Round {
    pub fn standing(&self, today: NaiveDate) -> Standing {
        Standing::of(self.state, self.cancelled, self.due, self.closed, today)
    }

    /// «Juni 2014», «Januar 2015 (om 2014)», «Ekstra 01.03.2015», in `lang`.
    pub fn name(&self, lang: &Lang) -> String {
        let lang = *lang;
        let year = chrono::Datelike::year(&self.due);
        match self.kind {
            RoundKind::June => lang.t1("report-round-june", "year", year),
            RoundKind::October => lang.t1("report-round-october", "year", year),
            RoundKind::January => lang.tr(
                "report-round-january",
                &[("year", year.into()), ("covers", self.covers_year.into())],
            ),
            RoundKind::Extra => lang.t1("report-round-extra", "date", format_date(self.due)),
        }
    }

    pub fn due_text(&self) -> String {
        format_date(self.due)
    }

    /// «15.06.2014 kl. 10:12 – Magnus Rønningen», or "" before it is submitted.
    pub fn submitted_text(&self) -> String {
        who_when(self.submitted_at, &self.submitted_by)
    }

    pub fn acknowledged_text(&self) -> String {
        who_when(self.acknowledged_at, &self.acknowledged_by)
    }

    pub fn saved_text(&self) -> String {
        who_when(self.saved_at, &self.saved_by)
    }

    /// The due date as the date field wants it.
    pub fn due_iso(&self) -> String {
        self.due.format("%Y-%m-%d").to_string()
    }
}

fn who_when(at: Option<DateTime<Utc>>, by: &Option<String>) -> String {
    match (at, by) {
        (Some(at), Some(by)) => format!("{} – {by}", crate::domain::format_datetime(at)),
        (Some(at), None) => crate::domain::format_datetime(at),
        _ => String::new(),
    }
}

struct RoundRow {
    report_round_id: i64,
    action_plan_id: i64,
    plan_name: String,
    start_year: i32,
    end_year: i32,
    last_due: Option<NaiveDate>,
    due_date: NaiveDate,
    covers_year: i32,
    kind: String,
    state: String,
    cancelled: bool,
    version: i32,
    summary: Option<String>,
    saved_by: Option<String>,
    saved_at: Option<DateTime<Utc>>,
    submitted_by: Option<String>,
    submitted_at: Option<DateTime<Utc>>,
    acknowledged_by: Option<String>,
    acknowledged_at: Option<DateTime<Utc>>,
    acknowledgement_comment: Option<String>,
    frozen_plan_name: Option<String>,
    frozen_start_year: Option<i32>,
    frozen_end_year: Option<i32>,
    frozen_responsible: Option<String>,
    total_hours: Option<Decimal>,
    total_cost: Option<Decimal>,
    cost_incomplete: Option<bool>,
}

impl RoundRow {
    fn into_round(self, today: NaiveDate) -> Round {
        Round {
            id: self.report_round_id,
            plan_id: self.action_plan_id,
            plan_name: self.plan_name,
            plan_start_year: self.start_year,
            plan_end_year: self.end_year,
            closed: plan_closed(self.end_year, self.last_due, today),
            due: self.due_date,
            covers_year: self.covers_year,
            kind: RoundKind::parse(&self.kind).unwrap_or(RoundKind::Extra),
            state: RoundState::parse(&self.state).unwrap_or_default(),
            cancelled: self.cancelled,
            version: self.version,
            summary: self.summary,
            saved_by: self.saved_by,
            saved_at: self.saved_at,
            submitted_by: self.submitted_by,
            submitted_at: self.submitted_at,
            acknowledged_by: self.acknowledged_by,
            acknowledged_at: self.acknowledged_at,
            acknowledgement_comment: self.acknowledgement_comment,
            frozen_plan_name: self.frozen_plan_name,
            frozen_start_year: self.frozen_start_year,
            frozen_end_year: self.frozen_end_year,
            frozen_responsible: self.frozen_responsible,
            total_hours: self.total_hours,
            total_cost: self.total_cost,
            cost_incomplete: self.cost_incomplete,
        }
    }
}

/// Rounds of the municipality: of one plan (`plan`), or one round (`round`), or all. Each
/// with its plan's closing facts.
async fn fetch(
    db: &PgPool,
    m: i64,
    plan: Option<i64>,
    round: Option<i64>,
    today: NaiveDate,
) -> AppResult<Vec<Round>> {
    let rows = sqlx::query_as!(
        RoundRow,
        r#"
        select r.report_round_id, r.action_plan_id, p.name as plan_name, p.start_year, p.end_year,
               (select max(o.due_date) from report_round o
                where o.action_plan_id = r.action_plan_id and not o.cancelled) as "last_due: NaiveDate",
               r.due_date as "due_date: NaiveDate", r.covers_year, r.kind, r.state, r.cancelled, r.version, r.summary,
               su.display_name as "saved_by?", r.saved_at as "saved_at: DateTime<Utc>",
               bu.display_name as "submitted_by?", r.submitted_at as "submitted_at: DateTime<Utc>",
               au.display_name as "acknowledged_by?", r.acknowledged_at as "acknowledged_at: DateTime<Utc>",
               r.acknowledgement_comment, r.frozen_plan_name, r.frozen_start_year, r.frozen_end_year,
               r.frozen_responsible, r.total_hours, r.total_cost, r.cost_incomplete
        from report_round r
        join action_plan p using (action_plan_id)
        left join app_user su on su.app_user_id = r.saved_by
        left join app_user bu on bu.app_user_id = r.submitted_by
        left join app_user au on au.app_user_id = r.acknowledged_by
        where r.municipality_id = $1
          and ($2::bigint is null or r.action_plan_id = $2)
          and ($3::bigint is null or r.report_round_id = $3)
        order by r.due_date desc, r.report_round_id desc
        "#,
        m,
        plan,
        round
    )
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(|r| r.into_round(today)).collect())
}

/// A plan's rounds, newest first (the archive).
pub async fn rounds_of_plan(
    db: &PgPool,
    m: i64,
    plan_id: i64,
    today: NaiveDate,
) -> AppResult<Vec<Round>> {
    fetch(db, m, Some(plan_id), None, today).await
}

pub async fn round(db: &PgPool, m: i64, id: i64, today: NaiveDate) -> AppResult<Round> {
    fetch(db, m, None, Some(id), today)
        .await?
        .into_iter()
        .next()
        .ok_or(AppError::NotFound)
}

/// The next round due of a plan: the earliest not submitted and not cancelled, unless the
/// plan is closed.
pub fn next_due(rounds: &[Round], today: NaiveDate) -> Option<&Round> {
    rounds
        .iter()
        .filter(|r| r.standing(today).is_expected())
        .min_by_key(|r| r.due)
}

/// How a plan's reporting stands, for the plan's page and the start page.
pub struct Reporting {
    pub plan_id: i64,
    pub plan_name: String,
    pub next: Option<Round>,
    pub standing: Option<Standing>,
    pub closed: bool,
    pub submitted: usize,
    pub total: usize,
}

impl Reporting {
    pub fn of(rounds: &[Round], plan_id: i64, plan_name: &str, today: NaiveDate) -> Self {
        let next = next_due(rounds, today).cloned();
        Reporting {
            plan_id,
            plan_name: plan_name.to_string(),
            standing: next.as_ref().map(|r| r.standing(today)),
            next,
            closed: rounds.first().is_some_and(|r| r.closed),
            submitted: rounds.iter().filter(|r| r.state.is_submitted()).count(),
            total: rounds.iter().filter(|r| !r.cancelled).count(),
        }
    }

    pub fn is_late(&self) -> bool {
        self.standing.is_some_and(Standing::is_late)
    }
}

/// Every running plan's next round due, for the start page (closed plans are left out: their
/// missing reports are not late on anyone's start page).
pub async fn municipality_next(db: &PgPool, m: i64, today: NaiveDate) -> AppResult<Vec<Reporting>> {
    let all = fetch(db, m, None, None, today).await?;
    let mut by_plan: Vec<(i64, String, Vec<Round>)> = Vec::new();
    for r in all {
        match by_plan.iter_mut().find(|(id, _, _)| *id == r.plan_id) {
            Some((_, _, v)) => v.push(r),
            None => by_plan.push((r.plan_id, r.plan_name.clone(), vec![r])),
        }
    }
    let mut out: Vec<Reporting> = by_plan
        .into_iter()
        .map(|(id, name, rounds)| Reporting::of(&rounds, id, &name, today))
        .filter(|r| !r.closed && r.next.is_some())
        .collect();
    out.sort_by_key(|r| r.next.as_ref().map(|n| n.due));
    Ok(out)
}

/// The latest acknowledgement of a report whose plan the user is responsible for, if within
/// the last 60 days: the responsible person sees it on their start page.
pub async fn recent_acknowledgements(
    db: &PgPool,
    user: &CurrentUser,
    today: NaiveDate,
) -> AppResult<Vec<Round>> {
    let Some(person) = user.person_id else {
        return Ok(Vec::new());
    };
    let ids = sqlx::query_scalar!(
        r#"
        select r.report_round_id from report_round r
        join report_team t using (action_plan_id)
        where r.municipality_id = $1 and t.responsible_person_id = $2 and r.state = 'acknowledged'
          and r.acknowledged_at > now() - interval '60 days'
        order by r.acknowledged_at desc limit 3
        "#,
        user.municipality_id,
        person
    )
    .fetch_all(db)
    .await?;
    let mut out = Vec::new();
    for id in ids {
        out.push(round(db, user.municipality_id, id, today).await?);
    }
    Ok(out)
}

/// Who writes a plan's reports.
#[derive(Clone, Debug, Default)]
pub struct Team {
    pub responsible: Option<(i64, String)>,
    pub helpers: Vec<(i64, String)>,
    pub version: i32,
}

impl Team {
    /// The responsible person, the helpers, and role `ikt` (and the admin, who may edit plans)
    /// write the reports.
    pub fn may_write(&self, user: &CurrentUser) -> bool {
        user.can_edit_plan()
            || user.person_id.is_some_and(|p| {
                self.responsible.as_ref().is_some_and(|(r, _)| *r == p)
                    || self.helpers.iter().any(|(h, _)| *h == p)
            })
    }

    pub fn is_responsible(&self, user: &CurrentUser) -> bool {
        user.person_id
            .is_some_and(|p| self.responsible.as_ref().is_some_and(|(r, _)| *r == p))
    }

    pub fn responsible_name(&self) -> String {
        self.responsible
            .as_ref()
            .map(|(_, n)| n.clone())
            .unwrap_or_default()
    }

    pub fn helper_names(&self) -> String {
        self.helpers
            .iter()
            .map(|(_, n)| n.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    pub fn has_helper(&self, id: &i64) -> bool {
        self.helpers.iter().any(|(h, _)| h == id)
    }

    pub fn is_responsible_id(&self, id: &i64) -> bool {
        self.responsible.as_ref().is_some_and(|(r, _)| r == id)
    }
}

pub async fn team(db: &PgPool, m: i64, plan_id: i64) -> AppResult<Team> {
    let head = sqlx::query!(
        r#"
        select t.version, p.person_id as "person_id?", p.name as "name?"
        from report_team t left join person p on p.person_id = t.responsible_person_id
        where t.action_plan_id = $1 and t.municipality_id = $2
        "#,
        plan_id,
        m
    )
    .fetch_optional(db)
    .await?;
    let helpers = sqlx::query!(
        r#"
        select p.person_id, p.name from report_helper h join person p using (person_id)
        where h.action_plan_id = $1 and h.municipality_id = $2 order by p.name
        "#,
        plan_id,
        m
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|r| (r.person_id, r.name))
    .collect();
    Ok(match head {
        None => Team::default(),
        Some(h) => Team {
            responsible: h.person_id.zip(h.name),
            helpers,
            version: h.version,
        },
    })
}

/// A schedule cell of a report's row.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Cell {
    pub year: i32,
    pub period: i32,
    #[serde(default)]
    pub label: Option<String>,
}

/// A measure's line of a report.
#[derive(Clone, Debug)]
pub struct Line {
    pub measure_id: i64,
    pub measure_version: i32,
    pub title: String,
    pub goal_area: String,
    pub strategy: String,
    pub responsible: String,
    pub hours: Option<Decimal>,
    pub cost_text: String,
    pub known_cost: Decimal,
    pub cost_unknown: bool,
    pub priority: bool,
    pub cells: Vec<Cell>,
    pub status: Status,
    pub status_date: Option<NaiveDate>,
    pub comment: Option<String>,
    /// The first line under its goal area and strategy: the table shows their heading above it.
    pub new_group: bool,
}

impl Line {
    pub fn hours_text(&self) -> String {
        self.hours.map(|h| Hours(h).plain()).unwrap_or_default()
    }

    pub fn cell(&self, year: &i32, period: &i32) -> Option<&Cell> {
        self.cells
            .iter()
            .find(|c| c.year == *year && c.period == *period)
    }

    pub fn comment_text(&self) -> &str {
        self.comment.as_deref().unwrap_or("")
    }

    pub fn date_iso(&self) -> String {
        self.status_date
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default()
    }
}

/// A report as a document: a submitted report's frozen rows and totals, or a draft's statuses
/// on the plan as it stands.
pub struct Document {
    pub plan_name: String,
    pub span: Span,
    pub responsible: String,
    pub lines: Vec<Line>,
    pub total_hours: Decimal,
    pub total_cost: Decimal,
    pub cost_incomplete: bool,
    pub frozen: bool,
}

impl Document {
    pub fn periods(&self) -> Vec<(i32, i32)> {
        self.span.periods()
    }

    pub fn period_name(&self, year: &i32, period: &i32) -> String {
        self.span.period_name(*year, *period)
    }

    pub fn years(&self) -> Vec<(i32, usize)> {
        let mut out: Vec<(i32, usize)> = Vec::new();
        for (y, _) in self.periods() {
            match out.last_mut() {
                Some((ly, n)) if *ly == y => *n += 1,
                _ => out.push((y, 1)),
            }
        }
        out
    }

    pub fn total_hours_text(&self) -> String {
        Hours(self.total_hours).to_string()
    }

    pub fn total_cost_text(&self) -> String {
        Nok(self.total_cost).to_string()
    }

    pub fn priority_lines(&self) -> Vec<&Line> {
        self.lines.iter().filter(|l| l.priority).collect()
    }
}

struct StoredRow {
    measure_id: i64,
    measure_version: i32,
    status: String,
    status_date: Option<NaiveDate>,
    comment: Option<String>,
    title: Option<String>,
    goal_area: Option<String>,
    strategy: Option<String>,
    responsible: Option<String>,
    hours: Option<Decimal>,
    cost_text: Option<String>,
    known_cost: Option<Decimal>,
    cost_unknown: Option<bool>,
    priority: Option<bool>,
    /// The jsonb as text, parsed straight into cells: decoding it as a `serde_json::Value`
    /// first (a map per cell) and converting that took a third of a 1,000-row report's time.
    cells: Option<String>,
}

async fn stored_rows(db: &PgPool, m: i64, round_id: i64) -> AppResult<Vec<StoredRow>> {
    Ok(sqlx::query_as!(
        StoredRow,
        r#"
        select measure_id, measure_version, status, status_date as "status_date: NaiveDate", comment, title, goal_area, strategy,
               responsible, hours, cost_text, known_cost, cost_unknown, priority, cells::text as cells
        from report_row where report_round_id = $1 and municipality_id = $2
        order by position, measure_id
        "#,
        round_id,
        m
    )
    .fetch_all(db)
    .await?)
}

fn mark_groups(lines: &mut [Line]) {
    let mut last: Option<(String, String)> = None;
    for l in lines.iter_mut() {
        let key = (l.goal_area.clone(), l.strategy.clone());
        l.new_group = last.as_ref() != Some(&key);
        last = Some(key);
    }
}

/// The frozen document of a submitted round.
pub async fn frozen(db: &PgPool, m: i64, round: &Round) -> AppResult<Document> {
    let mut lines: Vec<Line> = stored_rows(db, m, round.id)
        .await?
        .into_iter()
        .map(|r| Line {
            measure_id: r.measure_id,
            measure_version: r.measure_version,
            title: r.title.unwrap_or_default(),
            goal_area: r.goal_area.unwrap_or_default(),
            strategy: r.strategy.unwrap_or_default(),
            responsible: r.responsible.unwrap_or_default(),
            hours: r.hours,
            cost_text: r.cost_text.unwrap_or_default(),
            known_cost: r.known_cost.unwrap_or_default(),
            cost_unknown: r.cost_unknown.unwrap_or(false),
            priority: r.priority.unwrap_or(false),
            cells: r
                .cells
                .and_then(|c| serde_json::from_str(&c).ok())
                .unwrap_or_default(),
            status: Status::parse(&r.status).unwrap_or_default(),
            status_date: r.status_date,
            comment: r.comment,
            new_group: false,
        })
        .collect();
    mark_groups(&mut lines);
    Ok(Document {
        plan_name: round
            .frozen_plan_name
            .clone()
            .unwrap_or_else(|| round.plan_name.clone()),
        span: Span::new(
            round.frozen_start_year.unwrap_or(round.plan_start_year),
            round.frozen_end_year.unwrap_or(round.plan_end_year),
        ),
        responsible: round.frozen_responsible.clone().unwrap_or_default(),
        lines,
        total_hours: round.total_hours.unwrap_or_default(),
        total_cost: round.total_cost.unwrap_or_default(),
        cost_incomplete: round.cost_incomplete.unwrap_or(false),
        frozen: true,
    })
}

/// What a draft says about a measure: (status, date, comment, measure version it was based on).
pub type DraftEntry = (Status, Option<NaiveDate>, Option<String>, i32);

/// The draft's entries by measure.
pub async fn draft_entries(
    db: &PgPool,
    m: i64,
    round_id: i64,
) -> AppResult<HashMap<i64, DraftEntry>> {
    Ok(stored_rows(db, m, round_id)
        .await?
        .into_iter()
        .map(|r| {
            (
                r.measure_id,
                (
                    Status::parse(&r.status).unwrap_or_default(),
                    r.status_date,
                    r.comment,
                    r.measure_version,
                ),
            )
        })
        .collect())
}

/// The plan as it stands, with the draft's statuses where it has them and each measure's
/// current status elsewhere: what the writer's form and a draft's page show.
pub fn live(plan: &PlanData, team: &Team, draft: &HashMap<i64, DraftEntry>) -> Document {
    let mut order: Vec<(usize, usize, usize)> = Vec::new();
    let mut lines: Vec<Line> = Vec::new();
    for (pos, me) in plan.measures.iter().enumerate() {
        // A measure shared by strategies is reported once, under the first it is listed under.
        let place = plan
            .goal_areas
            .iter()
            .enumerate()
            .flat_map(|(gi, g)| {
                g.strategies
                    .iter()
                    .enumerate()
                    .map(move |(si, s)| (gi, si, g.name.as_str(), s))
            })
            .find(|(_, _, _, s)| me.strategy_ids.contains(&s.strategy_id));
        let (gi, si, goal_area, strategy) = match place {
            Some((gi, si, g, s)) => (gi, si, g.to_string(), s.text.clone()),
            None => (usize::MAX, usize::MAX, String::new(), String::new()),
        };
        order.push((gi, si, pos));
        let (status, status_date, comment, measure_version) =
            draft.get(&me.measure_id).cloned().unwrap_or((
                me.status,
                me.status_date,
                me.status_comment.clone(),
                me.version,
            ));
        lines.push(Line {
            measure_id: me.measure_id,
            measure_version,
            title: me.title.clone(),
            goal_area,
            strategy,
            responsible: me.responsible_label.clone(),
            hours: me.hours,
            cost_text: me.cost_text().to_string(),
            known_cost: me.known_cost(),
            cost_unknown: me.has_unknown_cost(),
            priority: me.priority,
            cells: me
                .cells
                .iter()
                .map(|c| Cell {
                    year: c.year,
                    period: c.period,
                    label: c.label.clone(),
                })
                .collect(),
            status,
            status_date,
            comment,
            new_group: false,
        });
    }
    let mut indexed: Vec<(usize, Line)> = lines.into_iter().enumerate().collect();
    indexed.sort_by_key(|(i, _)| order[*i]);
    let mut lines: Vec<Line> = indexed.into_iter().map(|(_, l)| l).collect();
    mark_groups(&mut lines);
    Document {
        plan_name: plan.head.name.clone(),
        span: plan.head.span(),
        responsible: team.responsible_name(),
        total_hours: lines.iter().filter_map(|l| l.hours).sum(),
        total_cost: lines.iter().map(|l| l.known_cost).sum(),
        cost_incomplete: lines.iter().any(|l| l.cost_unknown),
        lines,
        frozen: false,
    }
}

/// The submitted round of the plan before `round`, if any.
pub async fn previous_submitted(db: &PgPool, m: i64, round: &Round) -> AppResult<Option<Round>> {
    let id = sqlx::query_scalar!(
        r#"
        select report_round_id from report_round
        where action_plan_id = $1 and municipality_id = $2 and due_date < $3
          and state in ('submitted', 'acknowledged')
        order by due_date desc limit 1
        "#,
        round.plan_id,
        m,
        round.due as _
    )
    .fetch_optional(db)
    .await?;
    match id {
        Some(id) => Ok(Some(self::round(db, m, id, crate::domain::today()).await?)),
        None => Ok(None),
    }
}

pub struct TrailRound {
    pub id: i64,
    pub due: NaiveDate,
    pub name: String,
}

/// Each measure's reported status in every submitted round of the plan, rounds as columns.
pub struct Trail {
    /// The submitted rounds, in due order.
    pub rounds: Vec<TrailRound>,
    pub by_measure: HashMap<i64, Vec<Option<Status>>>,
}

impl Trail {
    pub fn of(&self, measure_id: &i64) -> Vec<Option<Status>> {
        self.by_measure
            .get(measure_id)
            .cloned()
            .unwrap_or_else(|| vec![None; self.rounds.len()])
    }
}

pub async fn trail(db: &PgPool, m: i64, plan_id: i64, lang: Lang) -> AppResult<Trail> {
    let today = crate::domain::today();
    let mut rounds: Vec<Round> = rounds_of_plan(db, m, plan_id, today)
        .await?
        .into_iter()
        .filter(|r| r.state.is_submitted())
        .collect();
    rounds.sort_by_key(|r| r.due);
    let rows = sqlx::query!(
        r#"
        select rr.report_round_id, rr.measure_id, rr.status
        from report_row rr join report_round r using (report_round_id)
        where r.action_plan_id = $1 and r.municipality_id = $2 and r.state in ('submitted', 'acknowledged')
        "#,
        plan_id,
        m
    )
    .fetch_all(db)
    .await?;
    let index: HashMap<i64, usize> = rounds.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
    let mut by_measure: HashMap<i64, Vec<Option<Status>>> = HashMap::new();
    for r in rows {
        if let Some(&i) = index.get(&r.report_round_id) {
            by_measure
                .entry(r.measure_id)
                .or_insert_with(|| vec![None; rounds.len()])[i] = Status::parse(&r.status);
        }
    }
    Ok(Trail {
        rounds: rounds
            .iter()
            .map(|r| TrailRound {
                id: r.id,
                due: r.due,
                name: r.name(&lang),
            })
            .collect(),
        by_measure,
    })
}

/// The catalog key of a standing's explanation for screen readers and print: not needed beyond
/// its text, kept here so the list and the report say it alike.
pub fn state_key(state: RoundState) -> &'static str {
    match state {
        RoundState::NotStarted => k("report-state-not-started"),
        RoundState::Draft => k("report-state-draft"),
        RoundState::Submitted => k("report-state-submitted"),
        RoundState::Acknowledged => k("report-state-acknowledged"),
    }
}
