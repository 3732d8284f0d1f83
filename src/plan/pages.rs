//! The list of action plans, a new plan, and a measure's own page.

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    Form, Router,
    extract::{Path, State},
    response::{IntoResponse, Response},
    routing::get,
};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use super::{
    data,
    model::{Status, period_name},
};
use crate::{
    AppState,
    accounts::Role,
    audit::{self, Action, Entry},
    domain::{Hours, format_date, format_datetime},
    error::{AppError, AppResult},
    web::{Ctx, FlashKind, FormErrors, flash_redirect},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/plan", get(list))
        .route("/plan/new", get(new_form).post(create))
        .route("/measures/{id}", get(measure_page))
}

pub struct PlanSummary {
    pub action_plan_id: i64,
    pub name: String,
    pub start_year: i32,
    pub end_year: i32,
    pub measures: i64,
    pub open: i64,
    pub hours: String,
    pub predecessor: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "plan/list.html")]
struct ListPage {
    ctx: Ctx,
    plans: Vec<PlanSummary>,
    can_edit: bool,
    has_strategy: bool,
}

async fn list(ctx: Ctx, State(state): State<AppState>) -> AppResult<ListPage> {
    let m = ctx.user.municipality_id;
    let plans = sqlx::query!(
        r#"
        select a.action_plan_id, a.name, a.start_year, a.end_year, p.name as "predecessor?",
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
    .fetch_all(&state.db)
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
    })
    .collect();
    let has_strategy = sqlx::query_scalar!(
        r#"select exists (select 1 from strategy_document where municipality_id = $1) as "e!""#,
        m
    )
    .fetch_one(&state.db)
    .await?;
    Ok(ListPage {
        can_edit: ctx.user.can_edit_plan(),
        ctx,
        plans,
        has_strategy,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "plan/new.html")]
struct NewPlanPage {
    ctx: Ctx,
    documents: Vec<(i64, String)>,
    name: String,
    start_year: String,
    end_year: String,
    document: String,
    errors: FormErrors,
}

async fn documents(db: &sqlx::PgPool, m: i64) -> AppResult<Vec<(i64, String)>> {
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

async fn new_form(ctx: Ctx, State(state): State<AppState>) -> AppResult<NewPlanPage> {
    ctx.user.require(Role::Ikt | Role::Admin)?;
    let documents = documents(&state.db, ctx.user.municipality_id).await?;
    Ok(NewPlanPage {
        ctx,
        document: documents
            .first()
            .map(|d| d.0.to_string())
            .unwrap_or_default(),
        documents,
        name: String::new(),
        start_year: String::new(),
        end_year: String::new(),
        errors: FormErrors::default(),
    })
}

#[derive(Deserialize)]
struct NewPlanForm {
    name: String,
    start_year: String,
    end_year: String,
    #[serde(default)]
    document: String,
}

#[derive(Serialize)]
struct PlanAudit<'a> {
    name: &'a str,
    start_year: i32,
    end_year: i32,
    strategy_document_id: i64,
}

async fn create(
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Form(form): Form<NewPlanForm>,
) -> AppResult<Response> {
    ctx.user.require(Role::Ikt | Role::Admin)?;
    let m = ctx.user.municipality_id;
    let docs = documents(&state.db, m).await?;
    let mut errors = FormErrors::default();
    let name = form.name.trim();
    if name.is_empty() {
        errors.add(
            "name",
            "Skriv et navn på planen, for eksempel «Handlingsplan IKT 2014–2016».",
        );
    }
    let year = |s: &str| {
        s.trim()
            .parse::<i32>()
            .ok()
            .filter(|y| (2000..=2100).contains(y))
    };
    let start = year(&form.start_year);
    let end = year(&form.end_year);
    if start.is_none() {
        errors.add(
            "start_year",
            "Skriv første år som fire sifre, for eksempel 2014.",
        );
    }
    if end.is_none() {
        errors.add(
            "end_year",
            "Skriv siste år som fire sifre, for eksempel 2016.",
        );
    }
    if let (Some(s), Some(e)) = (start, end) {
        if e < s {
            errors.add("end_year", "Siste år kan ikke være før første år.");
        } else if e - s > 5 {
            errors.add("end_year", "En handlingsplan kan vare høyst seks år.");
        }
    }
    let document = form
        .document
        .parse::<i64>()
        .ok()
        .filter(|d| docs.iter().any(|(id, _)| id == d));
    if document.is_none() {
        errors.add(
            "document",
            "Velg strategien planen hører til. Lag strategien først hvis den mangler.",
        );
    }
    let (Some(start), Some(end), Some(document), true) = (start, end, document, errors.is_empty())
    else {
        return Ok(NewPlanPage {
            ctx,
            documents: docs,
            name: form.name,
            start_year: form.start_year,
            end_year: form.end_year,
            document: form.document,
            errors,
        }
        .into_response());
    };
    let mut tx = state.db.begin().await?;
    let id = sqlx::query_scalar!(
        r#"
        insert into action_plan (municipality_id, strategy_document_id, name, start_year, end_year)
        values ($1, $2, $3, $4, $5) returning action_plan_id
        "#,
        m,
        document,
        name,
        start,
        end
    )
    .fetch_one(&mut *tx)
    .await?;
    let after = PlanAudit {
        name,
        start_year: start,
        end_year: end,
        strategy_document_id: document,
    };
    audit::record(
        &mut tx,
        &ctx.user,
        Action::Create,
        "action_plan",
        id,
        None::<&()>,
        Some(&after),
    )
    .await?;
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        format!("Handlingsplanen «{name}» er opprettet."),
        &format!("/plan/{id}"),
    )
    .await)
}

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
    pub fn label(&self) -> String {
        let s = Status::parse(&self.status)
            .map(|s| s.label())
            .unwrap_or("Ukjent");
        match self.status_date {
            Some(d) => format!("{s} {}", format_date(d)),
            None => s.to_string(),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "plan/measure.html")]
struct MeasurePage {
    ctx: Ctx,
    plan: data::PlanData,
    measure_id: i64,
    depends_on: Vec<(i64, String)>,
    needed_by: Vec<(i64, String)>,
    predecessor: Option<(i64, String, String)>,
    successors: Vec<(i64, String, String)>,
    timeline: Vec<TimelineItem>,
    entries: Vec<Entry>,
    can_edit: bool,
}

impl MeasurePage {
    fn m(&self) -> &data::MeasureData {
        self.plan
            .measures
            .iter()
            .find(|m| m.measure_id == self.measure_id)
            .expect("loaded with the plan")
    }
    fn cell_names(&self) -> Vec<String> {
        let start = self.plan.head.start_year;
        self.m()
            .cells
            .iter()
            .map(|c| {
                let name = format!("{} {}", period_name(start, c.year, c.period), c.year);
                match &c.label {
                    Some(l) => format!("{name}: {l}"),
                    None => name,
                }
            })
            .collect()
    }
}

async fn measure_page(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<MeasurePage> {
    let m = ctx.user.municipality_id;
    let plan_id = sqlx::query_scalar!(
        r#"select action_plan_id from measure where measure_id = $1 and municipality_id = $2"#,
        id,
        m
    )
    .fetch_optional(&state.db)
    .await?
    .ok_or(AppError::NotFound)?;
    let plan = data::load(&state.db, m, plan_id).await?;
    let depends_on = sqlx::query!(
        r#"select d.measure_id, d.title from measure_dependency md join measure d on d.measure_id = md.depends_on_id
           where md.measure_id = $1 and md.municipality_id = $2 order by d.title"#,
        id,
        m
    )
    .fetch_all(&state.db)
    .await?
    .into_iter()
    .map(|r| (r.measure_id, r.title))
    .collect();
    let needed_by = sqlx::query!(
        r#"select d.measure_id, d.title from measure_dependency md join measure d on d.measure_id = md.measure_id
           where md.depends_on_id = $1 and md.municipality_id = $2 order by d.title"#,
        id,
        m
    )
    .fetch_all(&state.db)
    .await?
    .into_iter()
    .map(|r| (r.measure_id, r.title))
    .collect();
    let predecessor = sqlx::query!(
        r#"select p.measure_id, p.title, a.name from measure me join measure p on p.measure_id = me.predecessor_measure_id
           join action_plan a on a.action_plan_id = p.action_plan_id where me.measure_id = $1 and me.municipality_id = $2"#,
        id,
        m
    )
    .fetch_optional(&state.db)
    .await?
    .map(|r| (r.measure_id, r.title, r.name));
    let successors = sqlx::query!(
        r#"select s.measure_id, s.title, a.name from measure s join action_plan a using (action_plan_id)
           where s.predecessor_measure_id = $1 and s.municipality_id = $2 order by a.start_year"#,
        id,
        m
    )
    .fetch_all(&state.db)
    .await?
    .into_iter()
    .map(|r| (r.measure_id, r.title, r.name))
    .collect();
    let timeline = sqlx::query!(
        r#"
        select c.status, c.status_date::text as status_date, c.comment, coalesce(u.display_name, 'Systemet') as "who!",
               c.changed_at as "at: DateTime<Utc>"
        from measure_status_change c left join app_user u using (app_user_id)
        where c.measure_id = $1 and c.municipality_id = $2 order by c.changed_at desc, c.measure_status_change_id desc
        "#,
        id,
        m
    )
    .fetch_all(&state.db)
    .await?
    .into_iter()
    .map(|r| TimelineItem {
        status: r.status,
        status_date: r.status_date.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
        comment: r.comment,
        who: r.who,
        at: r.at,
    })
    .collect();
    let entries = audit::history(&state.db, m, "measure", id).await?;
    Ok(MeasurePage {
        can_edit: ctx.user.can_edit_plan(),
        ctx,
        plan,
        measure_id: id,
        depends_on,
        needed_by,
        predecessor,
        successors,
        timeline,
        entries,
    })
}
