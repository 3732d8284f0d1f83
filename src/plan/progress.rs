//! The progress plan (framdriftsplan) as in Vedlegg 1, and status updates straight from it.

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    Form, Router,
    extract::{Path, Query, State},
    http::HeaderMap,
    response::{IntoResponse, Response},
    routing::{get, post},
};
use chrono::{DateTime, Utc};
use serde::Deserialize;
use tower_sessions::Session;

use super::{
    data::{self, Filter, GoalGroup, MeasureData, PlanData, Total},
    model::{self, Financing, Status},
};
use crate::{
    AppState,
    accounts::{CurrentUser, Role},
    audit::{self, Action},
    domain::{Nok, format_datetime, parse_date},
    error::{AppError, AppResult},
    web::{Ctx, FlashKind, Pager, flash_redirect},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/plan/{id}", get(progress))
        .route("/measures/{id}/status", post(update_status))
}

/// A plan of up to this many rows shows on one page (Ringebu's has about 70)...
const ONE_PAGE_UP_TO: usize = 100;
/// ...a longer one pages at this many rows; «Vis alle» shows everything (for printing).
const ROWS_PER_PAGE: i64 = 50;

#[derive(Deserialize)]
pub struct Paging {
    page: Option<i64>,
    all: Option<String>,
}

pub struct Column {
    pub year: i32,
    pub period: i32,
    pub name: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "plan/progress.html")]
pub struct ProgressPage<'a> {
    pub ctx: Ctx,
    pub plan: &'a PlanData,
    pub groups: Vec<GoalGroup<'a>>,
    pub columns: Vec<Column>,
    pub years: Vec<(i32, usize)>,
    pub filter: Filter,
    pub filter_query: String,
    pub responsible_options: Vec<(String, String)>,
    pub statuses: [Status; 5],
    pub financings: [Financing; 5],
    pub total: Total,
    pub by_year: Vec<(String, Total)>,
    pub by_financing: Vec<(&'static str, String, usize)>,
    pub can_edit: bool,
    pub shown: usize,
    pub pager: Pager,
    pub show_all: bool,
}

impl ProgressPage<'_> {
    fn selected(&self, field: &Option<String>, value: &str) -> bool {
        field.as_deref() == Some(value)
    }
    fn csrf(&self) -> &str {
        &self.ctx.csrf
    }
    fn row_message(&self) -> Option<(String, String)> {
        None
    }
    fn kept_status(&self, m: &MeasureData) -> String {
        m.status.code().to_string()
    }
    fn kept_comment(&self, m: &MeasureData) -> String {
        m.status_comment.clone().unwrap_or_default()
    }
    fn kept_date(&self, m: &MeasureData) -> String {
        m.status_date.map(|d| d.to_string()).unwrap_or_default()
    }
}

/// The filter plus the page, so a status update returns to the same page.
fn with_paging(query: String, pager: &Pager, all: bool) -> String {
    let extra = if all {
        "all=1".to_string()
    } else if pager.page > 1 {
        format!("page={}", pager.page)
    } else {
        return query;
    };
    if query.is_empty() {
        extra
    } else {
        format!("{query}&{extra}")
    }
}

/// Columns for every period of the plan; years with their number of columns for the header.
pub fn columns(plan: &PlanData) -> (Vec<Column>, Vec<(i32, usize)>) {
    let columns: Vec<Column> = plan
        .periods()
        .into_iter()
        .map(|(year, period)| Column {
            year,
            period,
            name: plan.period_name(year, period),
        })
        .collect();
    let mut years: Vec<(i32, usize)> = Vec::new();
    for c in &columns {
        match years.last_mut() {
            Some((y, n)) if *y == c.year => *n += 1,
            _ => years.push((c.year, 1)),
        }
    }
    (columns, years)
}

async fn progress(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Query(filter): Query<Filter>,
    Query(paging): Query<Paging>,
) -> AppResult<Response> {
    let plan = state
        .plans
        .get(&state.db, ctx.user.municipality_id, id)
        .await?;
    let selected: Vec<&MeasureData> = plan.measures.iter().filter(|m| filter.matches(m)).collect();
    let mut groups = data::group(&plan, &selected);
    let rows = data::row_count(&groups);
    let per_page = if paging.all.is_some() || rows <= ONE_PAGE_UP_TO {
        rows.max(1) as i64
    } else {
        ROWS_PER_PAGE
    };
    let pager = Pager::new(paging.page, per_page, rows as i64);
    data::page_rows(
        &mut groups,
        pager.offset() as usize,
        pager.per_page as usize,
    );
    let filter_query = with_paging(filter.query(), &pager, paging.all.is_some());
    let (columns, years) = columns(&plan);
    let by_year = data::totals_by_year(&selected)
        .into_iter()
        .map(|(y, t)| {
            (
                y.map(|y| y.to_string())
                    .unwrap_or_else(|| "Uten tidsplan".into()),
                t,
            )
        })
        .collect();
    let by_financing = data::cost_by_financing(&selected)
        .into_iter()
        .map(|(f, sum, unknown)| (f.label(), Nok(sum).to_string(), unknown))
        .collect();
    let page = ProgressPage {
        can_edit: ctx.user.can_edit_plan(),
        groups,
        pager,
        show_all: paging.all.is_some(),
        total: Total::of(selected.iter().copied()),
        shown: selected.len(),
        responsible_options: plan.responsible_options.clone(),
        filter_query,
        statuses: Status::ALL,
        financings: Financing::ALL,
        columns,
        years,
        by_year,
        by_financing,
        filter,
        plan: &plan,
        ctx,
    };
    Ok(page.into_response())
}

/// One row of the progress plan, re-rendered alone after an htmx status update.
#[derive(Template)]
#[template(path = "plan/progress_row.html")]
struct RowPartial<'a> {
    plan: &'a PlanData,
    m: &'a MeasureData,
    columns: Vec<Column>,
    current_strategy: Option<i64>,
    can_edit: bool,
    statuses: [Status; 5],
    filter_query: String,
    row_message: Option<(String, String)>,
    kept: Option<StatusForm>,
    csrf: String,
}

impl RowPartial<'_> {
    fn csrf(&self) -> &str {
        &self.csrf
    }
    fn row_message(&self) -> Option<(String, String)> {
        self.row_message.clone()
    }
    fn kept_status(&self, m: &MeasureData) -> String {
        self.kept
            .as_ref()
            .map(|k| k.status.clone())
            .unwrap_or_else(|| m.status.code().to_string())
    }
    fn kept_comment(&self, m: &MeasureData) -> String {
        self.kept
            .as_ref()
            .map(|k| k.comment.clone())
            .unwrap_or_else(|| m.status_comment.clone().unwrap_or_default())
    }
    fn kept_date(&self, m: &MeasureData) -> String {
        self.kept
            .as_ref()
            .map(|k| k.status_date.clone())
            .unwrap_or_else(|| m.status_date.map(|d| d.to_string()).unwrap_or_default())
    }
}

#[derive(Clone, Debug, Deserialize)]
pub struct StatusForm {
    pub status: String,
    #[serde(default)]
    pub status_date: String,
    #[serde(default)]
    pub comment: String,
    pub version: i32,
    #[serde(default)]
    pub filter: String,
    #[serde(default)]
    pub strategy: Option<i64>,
}

enum StatusOutcome {
    Saved,
    Invalid(String),
    Conflict(String),
}

async fn update_status(
    user: CurrentUser,
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    Path(id): Path<i64>,
    Form(form): Form<StatusForm>,
) -> AppResult<Response> {
    user.require(Role::Ikt | Role::Admin)?;
    let m = user.municipality_id;
    let plan_id = sqlx::query_scalar!(
        r#"select action_plan_id from measure where measure_id = $1 and municipality_id = $2"#,
        id,
        m
    )
    .fetch_optional(&state.db)
    .await?
    .ok_or(AppError::NotFound)?;
    let outcome = save_status(&state, &user, id, &form).await?;

    if headers.contains_key("hx-request") {
        let plan = state.plans.get(&state.db, m, plan_id).await?;
        let measure = plan
            .measures
            .iter()
            .find(|x| x.measure_id == id)
            .ok_or(AppError::NotFound)?;
        let (message, kept) = match outcome {
            StatusOutcome::Saved => (
                Some((
                    "success".into(),
                    format!("Lagret: {}.", measure.status_text()),
                )),
                None,
            ),
            StatusOutcome::Invalid(msg) => (Some(("danger".into(), msg)), Some(form.clone())),
            StatusOutcome::Conflict(msg) => (
                Some(("warning".into(), msg)),
                Some(StatusForm {
                    version: measure.version,
                    ..form.clone()
                }),
            ),
        };
        let row = RowPartial {
            columns: columns(&plan).0,
            current_strategy: form.strategy,
            can_edit: true,
            statuses: Status::ALL,
            filter_query: form.filter.clone(),
            row_message: message,
            kept,
            csrf: crate::csrf::token(&session).await?,
            m: measure,
            plan: &plan,
        };
        return Ok(axum::response::Html(row.render()?).into_response());
    }

    // Back to the same filter and page, at the row the form was in (a shared measure has one
    // row per strategy).
    let query = if form.filter.is_empty() {
        String::new()
    } else {
        format!("?{}", form.filter)
    };
    let back = format!(
        "/plan/{plan_id}{query}#m-{id}-s{}",
        form.strategy.unwrap_or(0)
    );
    Ok(match outcome {
        StatusOutcome::Saved => {
            flash_redirect(&session, FlashKind::Success, "Statusen er lagret.", &back).await
        }
        StatusOutcome::Invalid(msg) | StatusOutcome::Conflict(msg) => {
            flash_redirect(&session, FlashKind::Danger, msg, &back).await
        }
    })
}

async fn save_status(
    state: &AppState,
    user: &CurrentUser,
    id: i64,
    form: &StatusForm,
) -> AppResult<StatusOutcome> {
    let m = user.municipality_id;
    let Some(status) = Status::parse(&form.status) else {
        return Ok(StatusOutcome::Invalid("Velg en status fra listen.".into()));
    };
    let date = match form.status_date.trim() {
        "" if status == Status::Done => Some(Utc::now().date_naive()),
        "" => None,
        s => match parse_date(s) {
            Ok(d) => Some(d),
            Err(msg) => return Ok(StatusOutcome::Invalid(format!("Statusdato: {msg}"))),
        },
    };
    let comment = form.comment.trim();
    if comment.chars().count() > 2000 {
        return Ok(StatusOutcome::Invalid(
            "Kommentaren kan ha høyst 2000 tegn.".into(),
        ));
    }
    let comment = (!comment.is_empty()).then(|| comment.to_string());

    let mut tx = state.db.begin().await?;
    let current = sqlx::query_scalar!(
        r#"select version from measure where measure_id = $1 and municipality_id = $2 for update"#,
        id,
        m
    )
    .fetch_one(&mut *tx)
    .await?;
    if current != form.version {
        let last = sqlx::query!(
            r#"
            select coalesce(u.display_name, 'Systemet') as "who!", a.occurred_at as "at: DateTime<Utc>"
            from audit_log a left join app_user u using (app_user_id)
            where a.table_name = 'measure' and a.record_id = $1 and a.municipality_id = $2
            order by a.occurred_at desc, a.audit_log_id desc limit 1
            "#,
            id,
            m
        )
        .fetch_optional(&mut *tx)
        .await?;
        let now = model::snapshot(&mut tx, m, id).await?;
        let who = last
            .map(|l| format!("{} ({})", l.who, format_datetime(l.at)))
            .unwrap_or_else(|| "en annen".into());
        return Ok(StatusOutcome::Conflict(format!(
            "Tiltaket ble endret av {who} mens du hadde siden åpen. Status er nå «{}»{}. Din endring («{}»{}) er ikke lagret – se over og lagre på nytt.",
            now.status,
            if now.statuskommentar.is_empty() {
                String::new()
            } else {
                format!(", kommentar «{}»", now.statuskommentar)
            },
            status.label(),
            comment
                .as_deref()
                .map(|c| format!(", «{c}»"))
                .unwrap_or_default()
        )));
    }
    let before = model::snapshot(&mut tx, m, id).await?;
    sqlx::query!(
        r#"
        update measure set status = $3, status_date = $4, status_comment = $5, version = version + 1, updated_at = now()
        where measure_id = $1 and municipality_id = $2
        "#,
        id,
        m,
        status.code(),
        date as _,
        comment
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        r#"
        insert into measure_status_change (municipality_id, measure_id, status, status_date, comment, app_user_id)
        values ($1, $2, $3, $4, $5, $6)
        "#,
        m,
        id,
        status.code(),
        date as _,
        comment,
        user.user_id
    )
    .execute(&mut *tx)
    .await?;
    let after = model::snapshot(&mut tx, m, id).await?;
    audit::record(
        &mut tx,
        user,
        Action::Update,
        "measure",
        id,
        Some(&before),
        Some(&after),
    )
    .await?;
    tx.commit().await?;
    Ok(StatusOutcome::Saved)
}
