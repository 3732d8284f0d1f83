//! Rolling the plan (rullering): the yearly revision makes the next action plan from an existing
//! one and carries the unfinished measures over. The old plan and its measures stay as they are,
//! so the history of what was planned is kept; each copy points back to its predecessor.

use std::collections::{HashMap, HashSet};

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    Router,
    extract::{Path, State},
    response::{IntoResponse, Response},
    routing::get,
};
use chrono::NaiveDate;
use serde::Serialize;
use sqlx::{PgConnection, PgPool};
use tower_sessions::Session;

use super::model::{self, CellInput, CostInput, Financing, MeasureInput, Responsible, Status};
use crate::{
    AppState,
    accounts::Role,
    audit::{self, Action, Actor},
    domain::{Hours, Nok},
    error::{AppError, AppResult},
    web::{Ctx, FlashKind, FormErrors, flash_redirect},
};

pub fn router() -> Router<AppState> {
    Router::new().route("/plan/{id}/roll", get(roll_form).post(roll))
}

/// The schema allows a plan of at most six calendar years (end_year - start_year < 6).
const MAX_SPAN: i32 = 5;

pub use super::data::PlanHead as OldPlan;

async fn load_plan(db: &PgPool, m: i64, id: i64) -> AppResult<OldPlan> {
    super::data::load_head(db, m, id).await
}

/// A measure of the old plan as the form lists it.
pub struct Listed {
    pub id: i64,
    pub title: String,
    pub status: Status,
    pub chosen: bool,
}

async fn list_measures(db: &PgPool, m: i64, plan_id: i64) -> AppResult<Vec<Listed>> {
    Ok(sqlx::query!(
        r#"
        select measure_id, title, status from measure where action_plan_id = $1 and municipality_id = $2
        order by position, measure_id
        "#,
        plan_id,
        m
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|r| Listed {
        id: r.measure_id,
        title: r.title,
        status: Status::parse(&r.status).unwrap_or(Status::NotStarted),
        chosen: true,
    })
    .collect())
}

/// «Handlingsplan IKT 2014–2016» rolled one year → «Handlingsplan IKT 2015–2017».
pub fn default_name(old: &OldPlan, start: i32, end: i32) -> String {
    for dash in ['–', '-', '—'] {
        let old_years = format!("{}{dash}{}", old.start_year, old.end_year);
        if old.name.contains(&old_years) {
            return old.name.replace(&old_years, &format!("{start}–{end}"));
        }
    }
    format!("Handlingsplan IKT {start}–{end}")
}

/// The old plan's schedule cells as the new plan has them. A plan has months in its first year
/// and quarters after, so a quarter of the new start year becomes its three months (q → 3q-2 ..
/// 3q), months of a year that becomes a quarter year become their quarter, and cells outside the
/// new plan's years are dropped.
pub fn carry_cells(
    old_start: i32,
    new_start: i32,
    new_end: i32,
    cells: &[CellInput],
) -> Vec<CellInput> {
    let mut out: Vec<CellInput> = Vec::new();
    let mut push = |year: i32, period: i32, label: &Option<String>| {
        if !model::valid_period(new_start, new_end, year, period) {
            return;
        }
        match out
            .iter_mut()
            .find(|c| c.year == year && c.period == period)
        {
            Some(existing) => {
                if existing.label.is_none() {
                    existing.label = label.clone();
                }
            }
            None => out.push(CellInput {
                year,
                period,
                label: label.clone(),
            }),
        }
    };
    for c in cells {
        let was_month = c.year == old_start;
        let is_month = c.year == new_start;
        match (was_month, is_month) {
            (false, true) => {
                for month in 3 * c.period - 2..=3 * c.period {
                    push(c.year, month, &c.label);
                }
            }
            (true, false) => push(c.year, (c.period + 2) / 3, &c.label),
            _ => push(c.year, c.period, &c.label),
        }
    }
    out.sort_by_key(|c| (c.year, c.period));
    out
}

#[derive(Template, WebTemplate)]
#[template(path = "plan/roll.html")]
struct RollPage {
    ctx: Ctx,
    plan: OldPlan,
    name: String,
    start_year: String,
    end_year: String,
    open: Vec<Listed>,
    finished: Vec<Listed>,
    errors: FormErrors,
    /// On the first view: a plan already starts in the suggested year.
    taken: Option<i32>,
}

async fn existing_plan_starting(
    conn: &mut PgConnection,
    m: i64,
    year: i32,
) -> AppResult<Option<i64>> {
    Ok(sqlx::query_scalar!(
        r#"select action_plan_id from action_plan where municipality_id = $1 and start_year = $2 limit 1"#,
        m,
        year
    )
    .fetch_optional(conn)
    .await?)
}

fn split(all: Vec<Listed>) -> (Vec<Listed>, Vec<Listed>) {
    all.into_iter().partition(|l| l.status.is_open())
}

async fn roll_form(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<RollPage> {
    ctx.user.require(Role::Ikt | Role::Admin)?;
    let m = ctx.user.municipality_id;
    let plan = load_plan(&state.db, m, id).await?;
    let (open, finished) = split(list_measures(&state.db, m, id).await?);
    let (start, end) = (plan.start_year + 1, plan.end_year + 1);
    let mut conn = state.db.acquire().await?;
    let taken = existing_plan_starting(&mut conn, m, start)
        .await?
        .map(|_| start);
    Ok(RollPage {
        name: default_name(&plan, start, end),
        start_year: start.to_string(),
        end_year: end.to_string(),
        plan,
        open,
        finished,
        errors: FormErrors::default(),
        taken,
        ctx,
    })
}

#[derive(Default)]
struct RollForm {
    name: String,
    start_year: String,
    end_year: String,
    /// The ids of the measures ticked «Før videre» (a repeated field).
    carry: HashSet<i64>,
}

impl<S: Send + Sync> axum::extract::FromRequest<S> for RollForm {
    type Rejection = AppError;

    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = axum::body::Bytes::from_request(req, state)
            .await
            .map_err(|e| AppError::BadRequest(e.body_text()))?;
        let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(&bytes)
            .map_err(|_| AppError::BadRequest("Skjemaet kunne ikke leses.".into()))?;
        let mut form = RollForm::default();
        for (k, v) in pairs {
            match k.as_str() {
                "name" => form.name = v,
                "start_year" => form.start_year = v,
                "end_year" => form.end_year = v,
                "carry" => {
                    if let Ok(id) = v.trim().parse() {
                        form.carry.insert(id);
                    }
                }
                _ => {}
            }
        }
        Ok(form)
    }
}

fn parse_year(s: &str) -> Option<i32> {
    let s = s.trim();
    if s.len() == 4 && s.chars().all(|c| c.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

struct Valid {
    name: String,
    start: i32,
    end: i32,
}

fn validate(form: &RollForm, old: &OldPlan, errors: &mut FormErrors) -> Option<Valid> {
    let name = form.name.trim().to_string();
    if name.is_empty() {
        errors.add("name", "Skriv navnet på den nye handlingsplanen.");
    }
    let start = parse_year(&form.start_year).filter(|y| (2000..=2100).contains(y));
    match start {
        None => errors.add(
            "start_year",
            "Skriv startåret med fire sifre, for eksempel 2015.",
        ),
        Some(s) if s <= old.start_year => errors.add(
            "start_year",
            format!(
                "Den nye planen må starte etter {}, som er startåret for planen som rulleres.",
                old.start_year
            ),
        ),
        Some(_) => {}
    }
    let end = parse_year(&form.end_year).filter(|y| (2000..=2100).contains(y));
    match (start, end) {
        (_, None) => errors.add(
            "end_year",
            "Skriv sluttåret med fire sifre, for eksempel 2017.",
        ),
        (Some(s), Some(e)) if e < s => {
            errors.add("end_year", "Sluttåret kan ikke være før startåret.")
        }
        (Some(s), Some(e)) if e - s > MAX_SPAN => errors.add(
            "end_year",
            format!(
                "En handlingsplan kan vare i høyst seks år: sluttåret kan være høyst {}.",
                s + MAX_SPAN
            ),
        ),
        _ => {}
    }
    if !errors.is_empty() {
        return None;
    }
    Some(Valid {
        name,
        start: start?,
        end: end?,
    })
}

/// What the audit log keeps of a new action plan.
#[derive(Serialize)]
struct PlanAudit<'a> {
    navn: &'a str,
    #[serde(rename = "startår")]
    start_year: i32,
    #[serde(rename = "sluttår")]
    end_year: i32,
    rullert_fra: &'a str,
    #[serde(rename = "tiltak_ført_videre")]
    carried: usize,
}

async fn roll(
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    form: RollForm,
) -> AppResult<Response> {
    ctx.user.require(Role::Ikt | Role::Admin)?;
    let m = ctx.user.municipality_id;
    let plan = load_plan(&state.db, m, id).await?;
    let mut errors = FormErrors::default();
    let valid = validate(&form, &plan, &mut errors);

    let again = |ctx: Ctx, plan: OldPlan, all: Vec<Listed>, errors: FormErrors| {
        let all = all
            .into_iter()
            .map(|l| Listed {
                chosen: form.carry.contains(&l.id),
                ..l
            })
            .collect();
        let (open, finished) = split(all);
        RollPage {
            ctx,
            plan,
            name: form.name.clone(),
            start_year: form.start_year.clone(),
            end_year: form.end_year.clone(),
            open,
            finished,
            errors,
            taken: None,
        }
        .into_response()
    };
    let Some(v) = valid else {
        let all = list_measures(&state.db, m, id).await?;
        return Ok(again(ctx, plan, all, errors));
    };

    let mut tx = state.db.begin().await?;
    // One roll at a time per municipality, so two cannot both create a plan for the same year.
    // (FOR NO KEY UPDATE leaves rows that merely reference the municipality unblocked.)
    sqlx::query!(
        r#"select municipality_id from municipality where municipality_id = $1 for no key update"#,
        m
    )
    .fetch_one(&mut *tx)
    .await?;
    if existing_plan_starting(&mut tx, m, v.start).await?.is_some() {
        drop(tx);
        errors.add(
            "start_year",
            format!(
                "Det finnes allerede en handlingsplan som starter i {}.",
                v.start
            ),
        );
        let all = list_measures(&state.db, m, id).await?;
        return Ok(again(ctx, plan, all, errors));
    }

    let new_id = sqlx::query_scalar!(
        r#"
        insert into action_plan (municipality_id, strategy_document_id, name, start_year, end_year, predecessor_id)
        values ($1, $2, $3, $4, $5, $6) returning action_plan_id
        "#,
        m,
        plan.strategy_document_id,
        v.name,
        v.start,
        v.end,
        plan.id
    )
    .fetch_one(&mut *tx)
    .await?;

    let actor = Actor::from(&ctx.user);
    let carried =
        carry_measures(&mut tx, actor, &plan, new_id, v.start, v.end, &form.carry).await?;
    let after = PlanAudit {
        navn: &v.name,
        start_year: v.start,
        end_year: v.end,
        rullert_fra: &plan.name,
        carried,
    };
    audit::record(
        &mut tx,
        &ctx.user,
        Action::Create,
        "action_plan",
        new_id,
        None::<&()>,
        Some(&after),
    )
    .await?;
    tx.commit().await?;
    let text = format!("Ny handlingsplan er opprettet. {carried} tiltak er ført videre.");
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        text,
        &format!("/plan/{new_id}"),
    )
    .await)
}

/// Copies the chosen unfinished measures of `old` into the new plan through the one measure write
/// path (which audits each), and re-points dependencies between carried measures to the copies.
/// Returns how many were carried.
async fn carry_measures(
    conn: &mut PgConnection,
    actor: Actor,
    old: &OldPlan,
    new_id: i64,
    new_start: i32,
    new_end: i32,
    chosen: &HashSet<i64>,
) -> AppResult<usize> {
    let m = actor.municipality_id;
    let rows = sqlx::query!(
        r#"
        select measure_id, title, description, responsible_person_id, responsible_unit_id, responsible_text,
               hours, priority, status, status_date as "status_date: NaiveDate", status_comment
        from measure where action_plan_id = $1 and municipality_id = $2
        order by position, measure_id
        "#,
        old.id,
        m
    )
    .fetch_all(&mut *conn)
    .await?;
    // Only unfinished measures of this plan are carried, whatever else the form names.
    let rows: Vec<_> = rows
        .into_iter()
        .filter(|r| {
            chosen.contains(&r.measure_id) && Status::parse(&r.status).is_some_and(Status::is_open)
        })
        .collect();
    let ids: Vec<i64> = rows.iter().map(|r| r.measure_id).collect();

    let mut strategies: HashMap<i64, Vec<i64>> = HashMap::new();
    for r in sqlx::query!(
        r#"select measure_id, strategy_id from measure_strategy where measure_id = any($1) order by strategy_id"#,
        &ids
    )
    .fetch_all(&mut *conn)
    .await?
    {
        strategies.entry(r.measure_id).or_default().push(r.strategy_id);
    }
    let mut costs: HashMap<i64, Vec<CostInput>> = HashMap::new();
    for r in sqlx::query!(
        r#"
        select measure_id, description, amount, amount_note, financing, financing_project from measure_cost
        where measure_id = any($1) order by measure_id, position, measure_cost_id
        "#,
        &ids
    )
    .fetch_all(&mut *conn)
    .await?
    {
        costs.entry(r.measure_id).or_default().push(CostInput {
            description: r.description,
            amount: r.amount.map(Nok),
            amount_note: r.amount_note,
            financing: Financing::parse(&r.financing).unwrap_or(Financing::Unknown),
            financing_project: r.financing_project,
        });
    }
    let mut cells: HashMap<i64, Vec<CellInput>> = HashMap::new();
    for r in sqlx::query!(
        r#"select measure_id, year, period, label from schedule_cell where measure_id = any($1) order by measure_id, year, period"#,
        &ids
    )
    .fetch_all(&mut *conn)
    .await?
    {
        cells.entry(r.measure_id).or_default().push(CellInput { year: r.year, period: r.period, label: r.label });
    }
    let mut depends: HashMap<i64, Vec<i64>> = HashMap::new();
    for r in sqlx::query!(
        r#"select measure_id, depends_on_id from measure_dependency where measure_id = any($1) order by depends_on_id"#,
        &ids
    )
    .fetch_all(&mut *conn)
    .await?
    {
        depends.entry(r.measure_id).or_default().push(r.depends_on_id);
    }

    // old measure id → its copy
    let mut copies: HashMap<i64, i64> = HashMap::new();
    for r in &rows {
        let status = Status::parse(&r.status).unwrap_or(Status::NotStarted);
        let deps = depends
            .get(&r.measure_id)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let input = MeasureInput {
            title: r.title.clone(),
            description: r.description.clone(),
            strategy_ids: strategies.remove(&r.measure_id).unwrap_or_default(),
            responsible: Responsible::from_columns(
                r.responsible_person_id,
                r.responsible_unit_id,
                r.responsible_text.clone(),
            ),
            hours: r.hours.map(Hours),
            costs: costs.remove(&r.measure_id).unwrap_or_default(),
            cells: carry_cells(
                old.start_year,
                new_start,
                new_end,
                cells
                    .get(&r.measure_id)
                    .map(Vec::as_slice)
                    .unwrap_or_default(),
            ),
            priority: r.priority,
            status,
            status_date: r.status_date,
            status_comment: r.status_comment.clone(),
            // Dependencies on measures copied already; later ones are added below.
            depends_on: deps.iter().filter_map(|d| copies.get(d).copied()).collect(),
            predecessor_measure_id: Some(r.measure_id),
        };
        let copy = model::insert_measure(conn, actor, new_id, &input).await?;
        copies.insert(r.measure_id, copy);
    }

    // Dependencies on measures that came later in the plan: add them now, audited as an update.
    let order: HashMap<i64, usize> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| (r.measure_id, i))
        .collect();
    for (i, r) in rows.iter().enumerate() {
        let copy = copies[&r.measure_id];
        let deps = depends
            .get(&r.measure_id)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let later: Vec<i64> = deps
            .iter()
            .filter(|d| order.get(*d).is_some_and(|j| *j > i))
            .filter_map(|d| copies.get(d).copied())
            .collect();
        if later.is_empty() {
            continue;
        }
        let before = model::snapshot(conn, m, copy).await?;
        sqlx::query!(
            r#"
            insert into measure_dependency (measure_id, depends_on_id, municipality_id)
            select $1, d, $2 from unnest($3::bigint[]) as d
            on conflict do nothing
            "#,
            copy,
            m,
            &later
        )
        .execute(&mut *conn)
        .await?;
        let after = model::snapshot(conn, m, copy).await?;
        audit::record(
            conn,
            actor,
            Action::Update,
            "measure",
            copy,
            Some(&before),
            Some(&after),
        )
        .await?;
    }
    Ok(rows.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(year: i32, period: i32, label: Option<&str>) -> CellInput {
        CellInput {
            year,
            period,
            label: label.map(str::to_string),
        }
    }

    #[test]
    fn rolling_a_year_turns_the_new_first_years_quarters_into_months_and_drops_the_past() {
        let old = [
            cell(2014, 3, Some("Utredning")),
            cell(2015, 1, None),
            cell(2015, 3, Some("Innføring")),
            cell(2016, 2, None),
        ];
        let new = carry_cells(2014, 2015, 2017, &old);
        assert_eq!(
            new,
            vec![
                cell(2015, 1, None),
                cell(2015, 2, None),
                cell(2015, 3, None),
                cell(2015, 7, Some("Innføring")),
                cell(2015, 8, Some("Innføring")),
                cell(2015, 9, Some("Innføring")),
                cell(2016, 2, None),
            ]
        );
    }

    #[test]
    fn cells_beyond_the_new_end_year_are_dropped() {
        let new = carry_cells(
            2014,
            2015,
            2015,
            &[cell(2016, 1, None), cell(2015, 4, None)],
        );
        assert_eq!(
            new,
            vec![
                cell(2015, 10, None),
                cell(2015, 11, None),
                cell(2015, 12, None)
            ]
        );
    }

    #[test]
    fn the_default_name_moves_the_years() {
        let old = OldPlan {
            id: 1,
            name: "Handlingsplan IKT 2014–2016".into(),
            start_year: 2014,
            end_year: 2016,
            strategy_document_id: 1,
            predecessor_id: None,
        };
        assert_eq!(
            default_name(&old, 2015, 2017),
            "Handlingsplan IKT 2015–2017"
        );
        let odd = OldPlan {
            name: "Plan".into(),
            ..old
        };
        assert_eq!(
            default_name(&odd, 2015, 2017),
            "Handlingsplan IKT 2015–2017"
        );
    }
}
