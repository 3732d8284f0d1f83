//! The IKT strategy document (IKT-strategi): vision, main goal, goal areas (mål) and their
//! strategies, and how many of the action plans' measures serve each strategy.
//!
//! Everyone logged in reads; IKT staff and admins edit. Every write is audited in its own
//! transaction.

use std::collections::HashMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    Form, Router,
    extract::{Path, Query, State},
    response::{IntoResponse, Response},
    routing::get,
};
use serde::{Deserialize, Serialize};
use sqlx::PgPool;
use tower_sessions::Session;

use crate::{
    AppState,
    accounts::Role,
    audit::{self, Action},
    error::{AppError, AppResult},
    web::{Ctx, FlashKind, FormErrors, flash_redirect},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/strategy", get(current))
        .route("/strategy/new", get(new_document).post(create_document))
        .route("/strategy/{id}", get(show))
        .route(
            "/strategy/{id}/edit",
            get(edit_document).post(update_document),
        )
        .route(
            "/strategy/{id}/goal-areas/new",
            get(new_goal_area).post(create_goal_area),
        )
        .route(
            "/strategy/{id}/goal-areas/{goal_area_id}/edit",
            get(edit_goal_area).post(update_goal_area),
        )
        .route(
            "/strategy/{id}/strategies/new",
            get(new_strategy).post(create_strategy),
        )
        .route(
            "/strategy/{id}/strategies/{strategy_id}/edit",
            get(edit_strategy).post(update_strategy),
        )
        .route(
            "/strategy/{id}/strategies/{strategy_id}/delete",
            get(confirm_delete).post(delete_strategy),
        )
}

// ---------------------------------------------------------------------------------------------
// Reading

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

    fn audit(&self) -> DocumentAudit {
        DocumentAudit {
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

async fn load_document(db: &PgPool, m: i64, id: i64) -> AppResult<Document> {
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
async fn load_goal_areas(db: &PgPool, m: i64, doc_id: i64) -> AppResult<Vec<GoalArea>> {
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

async fn document_links(db: &PgPool, m: i64) -> AppResult<Vec<DocumentLink>> {
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

#[derive(Template, WebTemplate)]
#[template(path = "strategy/show.html")]
struct ShowPage {
    ctx: Ctx,
    /// None: the municipality has no strategy document yet.
    doc: Option<Document>,
    goal_areas: Vec<GoalArea>,
    /// Every document of the municipality, newest first (listed when there are several).
    documents: Vec<DocumentLink>,
    can_edit: bool,
}

impl ShowPage {
    /// «2.3»: the third strategy under the second goal area.
    fn nr(&self, goal: impl std::fmt::Display, strategy: impl std::fmt::Display) -> String {
        format!("{goal}.{strategy}")
    }
}

/// GET /strategy: the newest document by period.
async fn current(ctx: Ctx, State(state): State<AppState>) -> AppResult<ShowPage> {
    let m = ctx.user.municipality_id;
    let documents = document_links(&state.db, m).await?;
    match documents.first() {
        Some(newest) => {
            let id = newest.id;
            render_document(ctx, &state.db, id, documents).await
        }
        None => Ok(ShowPage {
            can_edit: ctx.user.can_edit_plan(),
            ctx,
            doc: None,
            goal_areas: Vec::new(),
            documents,
        }),
    }
}

async fn show(ctx: Ctx, State(state): State<AppState>, Path(id): Path<i64>) -> AppResult<ShowPage> {
    let documents = document_links(&state.db, ctx.user.municipality_id).await?;
    render_document(ctx, &state.db, id, documents).await
}

async fn render_document(
    ctx: Ctx,
    db: &PgPool,
    id: i64,
    documents: Vec<DocumentLink>,
) -> AppResult<ShowPage> {
    let m = ctx.user.municipality_id;
    let doc = load_document(db, m, id).await?;
    let goal_areas = load_goal_areas(db, m, id).await?;
    Ok(ShowPage {
        can_edit: ctx.user.can_edit_plan(),
        ctx,
        doc: Some(doc),
        goal_areas,
        documents,
    })
}

// ---------------------------------------------------------------------------------------------
// Shared parsing

/// A year written with four digits.
fn parse_year(s: &str) -> Option<i32> {
    let s = s.trim();
    if s.len() == 4 && s.chars().all(|c| c.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

/// A position: a whole number from 1.
fn parse_position(s: &str) -> Option<i32> {
    s.trim()
        .parse::<i32>()
        .ok()
        .filter(|p| (1..=9999).contains(p))
}

fn non_empty(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// One key measure per line; blank lines dropped.
fn parse_lines(s: &str) -> Vec<String> {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The document itself

/// What the audit log keeps of a strategy document.
#[derive(Serialize, Debug, PartialEq)]
struct DocumentAudit {
    #[serde(rename = "tittel")]
    title: String,
    #[serde(rename = "periode_fra")]
    period_start: i32,
    #[serde(rename = "periode_til")]
    period_end: i32,
    #[serde(rename = "vedtatt")]
    adopted_note: String,
    #[serde(rename = "visjon")]
    vision: String,
    #[serde(rename = "hovedmål")]
    main_goal: String,
    #[serde(rename = "hovedmål_tekst")]
    main_goal_text: String,
}

#[derive(Default, Deserialize)]
struct DocumentForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    period_start: String,
    #[serde(default)]
    period_end: String,
    #[serde(default)]
    adopted_note: String,
    #[serde(default)]
    vision: String,
    #[serde(default)]
    main_goal: String,
    #[serde(default)]
    main_goal_text: String,
    #[serde(default)]
    version: String,
}

impl DocumentForm {
    fn of(d: &Document) -> Self {
        DocumentForm {
            title: d.title.clone(),
            period_start: d.period_start.to_string(),
            period_end: d.period_end.to_string(),
            adopted_note: d.adopted_note.clone().unwrap_or_default(),
            vision: d.vision.clone(),
            main_goal: d.main_goal.clone(),
            main_goal_text: d.main_goal_text.clone(),
            version: d.version.to_string(),
        }
    }

    fn validate(&self, errors: &mut FormErrors) -> Option<DocumentAudit> {
        let title = non_empty(&self.title);
        if title.is_none() {
            errors.add("title", "Skriv tittelen på strategien.");
        }
        let start = parse_year(&self.period_start);
        if start.is_none() {
            errors.add(
                "period_start",
                "Skriv startåret med fire sifre, for eksempel 2013.",
            );
        }
        let end = parse_year(&self.period_end);
        if end.is_none() {
            errors.add(
                "period_end",
                "Skriv sluttåret med fire sifre, for eksempel 2018.",
            );
        }
        if let (Some(s), Some(e)) = (start, end)
            && e < s
        {
            errors.add("period_end", "Sluttåret kan ikke være før startåret.");
        }
        let vision = non_empty(&self.vision);
        if vision.is_none() {
            errors.add("vision", "Skriv visjonen.");
        }
        let main_goal = non_empty(&self.main_goal);
        if main_goal.is_none() {
            errors.add("main_goal", "Skriv hovedmålet.");
        }
        if !errors.is_empty() {
            return None;
        }
        Some(DocumentAudit {
            title: title?,
            period_start: start?,
            period_end: end?,
            adopted_note: self.adopted_note.trim().to_string(),
            vision: vision?,
            main_goal: main_goal?,
            main_goal_text: self.main_goal_text.trim().to_string(),
        })
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "strategy/form.html")]
struct DocumentPage {
    ctx: Ctx,
    /// None when creating.
    doc_id: Option<i64>,
    form: DocumentForm,
    errors: FormErrors,
    /// Set when the save was refused because someone else saved first.
    conflict: Option<Vec<(&'static str, String)>>,
}

async fn new_document(ctx: Ctx) -> AppResult<DocumentPage> {
    ctx.user.require(Role::Ikt | Role::Admin)?;
    Ok(DocumentPage {
        ctx,
        doc_id: None,
        form: DocumentForm::default(),
        errors: FormErrors::default(),
        conflict: None,
    })
}

async fn create_document(
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Form(form): Form<DocumentForm>,
) -> AppResult<Response> {
    ctx.user.require(Role::Ikt | Role::Admin)?;
    let mut errors = FormErrors::default();
    let Some(v) = form.validate(&mut errors) else {
        return Ok(DocumentPage {
            ctx,
            doc_id: None,
            form,
            errors,
            conflict: None,
        }
        .into_response());
    };
    let mut tx = state.db.begin().await?;
    let id = sqlx::query_scalar!(
        r#"
        insert into strategy_document (municipality_id, title, period_start, period_end, adopted_note, vision, main_goal, main_goal_text)
        values ($1, $2, $3, $4, $5, $6, $7, $8) returning strategy_document_id
        "#,
        ctx.user.municipality_id,
        v.title,
        v.period_start,
        v.period_end,
        non_empty(&v.adopted_note),
        v.vision,
        v.main_goal,
        v.main_goal_text
    )
    .fetch_one(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        &ctx.user,
        Action::Create,
        "strategy_document",
        id,
        None::<&()>,
        Some(&v),
    )
    .await?;
    tx.commit().await?;
    let text = format!(
        "Strategien «{}» er opprettet. Legg til målområder og strategier.",
        v.title
    );
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        text,
        &format!("/strategy/{id}"),
    )
    .await)
}

async fn edit_document(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<DocumentPage> {
    ctx.user.require(Role::Ikt | Role::Admin)?;
    let doc = load_document(&state.db, ctx.user.municipality_id, id).await?;
    Ok(DocumentPage {
        ctx,
        doc_id: Some(id),
        form: DocumentForm::of(&doc),
        errors: FormErrors::default(),
        conflict: None,
    })
}

async fn update_document(
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    Form(mut form): Form<DocumentForm>,
) -> AppResult<Response> {
    ctx.user.require(Role::Ikt | Role::Admin)?;
    let before = load_document(&state.db, ctx.user.municipality_id, id).await?;
    let mut errors = FormErrors::default();
    let valid = form.validate(&mut errors);
    let based_on = form.version.trim().parse::<i32>().ok();
    if based_on != Some(before.version) {
        // Someone saved in between: keep what this user typed, show what is stored now, and let
        // a new save (now based on the stored version) be a deliberate overwrite.
        let conflict = conflicting_fields(&form, &before);
        form.version = before.version.to_string();
        return Ok(DocumentPage {
            ctx,
            doc_id: Some(id),
            form,
            errors,
            conflict: Some(conflict),
        }
        .into_response());
    }
    let Some(v) = valid else {
        return Ok(DocumentPage {
            ctx,
            doc_id: Some(id),
            form,
            errors,
            conflict: None,
        }
        .into_response());
    };
    let mut tx = state.db.begin().await?;
    let updated = sqlx::query_scalar!(
        r#"
        update strategy_document
        set title = $4, period_start = $5, period_end = $6, adopted_note = $7, vision = $8, main_goal = $9,
            main_goal_text = $10, version = version + 1, updated_at = now()
        where strategy_document_id = $1 and municipality_id = $2 and version = $3
        returning version
        "#,
        id,
        ctx.user.municipality_id,
        before.version,
        v.title,
        v.period_start,
        v.period_end,
        non_empty(&v.adopted_note),
        v.vision,
        v.main_goal,
        v.main_goal_text
    )
    .fetch_optional(&mut *tx)
    .await?;
    if updated.is_none() {
        // Lost the race between loading and updating.
        drop(tx);
        let now = load_document(&state.db, ctx.user.municipality_id, id).await?;
        let conflict = conflicting_fields(&form, &now);
        form.version = now.version.to_string();
        return Ok(DocumentPage {
            ctx,
            doc_id: Some(id),
            form,
            errors,
            conflict: Some(conflict),
        }
        .into_response());
    }
    audit::record(
        &mut tx,
        &ctx.user,
        Action::Update,
        "strategy_document",
        id,
        Some(&before.audit()),
        Some(&v),
    )
    .await?;
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        "Endringene i strategien er lagret.",
        &format!("/strategy/{id}"),
    )
    .await)
}

/// The stored values that differ from what the user typed, labelled for the conflict message.
fn conflicting_fields(form: &DocumentForm, now: &Document) -> Vec<(&'static str, String)> {
    let stored = DocumentForm::of(now);
    [
        ("Tittel", &form.title, stored.title),
        ("Fra år", &form.period_start, stored.period_start),
        ("Til år", &form.period_end, stored.period_end),
        ("Vedtatt", &form.adopted_note, stored.adopted_note),
        ("Visjon", &form.vision, stored.vision),
        ("Hovedmål", &form.main_goal, stored.main_goal),
        ("Om hovedmålet", &form.main_goal_text, stored.main_goal_text),
    ]
    .into_iter()
    .filter(|(_, typed, stored)| typed.trim() != stored.trim())
    .map(|(label, _, stored)| {
        (
            label,
            if stored.trim().is_empty() {
                "(tomt)".to_string()
            } else {
                stored
            },
        )
    })
    .collect()
}

// ---------------------------------------------------------------------------------------------
// Goal areas

#[derive(Serialize)]
struct GoalAreaAudit {
    #[serde(rename = "strategidokument")]
    document: String,
    #[serde(rename = "plassering")]
    position: i32,
    #[serde(rename = "navn")]
    name: String,
    #[serde(rename = "målformulering")]
    goal_statement: String,
}

#[derive(Default, Deserialize)]
struct GoalAreaForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    goal_statement: String,
    #[serde(default)]
    position: String,
}

struct ValidGoalArea {
    name: String,
    goal_statement: String,
    position: i32,
}

impl GoalAreaForm {
    fn validate(&self, errors: &mut FormErrors) -> Option<ValidGoalArea> {
        let name = non_empty(&self.name);
        if name.is_none() {
            errors.add("name", "Skriv navnet på målområdet.");
        }
        let position = parse_position(&self.position);
        if position.is_none() {
            errors.add(
                "position",
                "Skriv plasseringen som et helt tall fra 1, for eksempel 1.",
            );
        }
        // One bullet per line: keep the lines, drop blank ones and stray spaces.
        let goal_statement = parse_lines(&self.goal_statement).join("\n");
        Some(ValidGoalArea {
            name: name?,
            goal_statement,
            position: position?,
        })
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "strategy/goal_area_form.html")]
struct GoalAreaPage {
    ctx: Ctx,
    doc: Document,
    /// None when creating.
    goal_area_id: Option<i64>,
    form: GoalAreaForm,
    errors: FormErrors,
}

async fn next_goal_area_position(db: &PgPool, doc_id: i64) -> AppResult<i32> {
    Ok(sqlx::query_scalar!(
        r#"select coalesce(max(position), 0) + 1 as "p!" from goal_area where strategy_document_id = $1"#,
        doc_id
    )
    .fetch_one(db)
    .await?)
}

async fn new_goal_area(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<GoalAreaPage> {
    ctx.user.require(Role::Ikt | Role::Admin)?;
    let doc = load_document(&state.db, ctx.user.municipality_id, id).await?;
    let position = next_goal_area_position(&state.db, id).await?;
    let form = GoalAreaForm {
        position: position.to_string(),
        ..Default::default()
    };
    Ok(GoalAreaPage {
        ctx,
        doc,
        goal_area_id: None,
        form,
        errors: FormErrors::default(),
    })
}

async fn create_goal_area(
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    Form(form): Form<GoalAreaForm>,
) -> AppResult<Response> {
    ctx.user.require(Role::Ikt | Role::Admin)?;
    let doc = load_document(&state.db, ctx.user.municipality_id, id).await?;
    let mut errors = FormErrors::default();
    let Some(v) = form.validate(&mut errors) else {
        return Ok(GoalAreaPage {
            ctx,
            doc,
            goal_area_id: None,
            form,
            errors,
        }
        .into_response());
    };
    let mut tx = state.db.begin().await?;
    let ga = sqlx::query_scalar!(
        r#"
        insert into goal_area (municipality_id, strategy_document_id, position, name, goal_statement)
        values ($1, $2, $3, $4, $5) returning goal_area_id
        "#,
        ctx.user.municipality_id,
        id,
        v.position,
        v.name,
        v.goal_statement
    )
    .fetch_one(&mut *tx)
    .await?;
    let after = GoalAreaAudit {
        document: doc.title.clone(),
        position: v.position,
        name: v.name.clone(),
        goal_statement: v.goal_statement,
    };
    audit::record(
        &mut tx,
        &ctx.user,
        Action::Create,
        "goal_area",
        ga,
        None::<&()>,
        Some(&after),
    )
    .await?;
    tx.commit().await?;
    let text = format!("Målområdet «{}» er lagt til.", v.name);
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        text,
        &format!("/strategy/{id}"),
    )
    .await)
}

struct GoalAreaRecord {
    position: i32,
    name: String,
    goal_statement: String,
}

async fn load_goal_area(db: &PgPool, m: i64, doc_id: i64, ga: i64) -> AppResult<GoalAreaRecord> {
    let r = sqlx::query!(
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
    .ok_or(AppError::NotFound)?;
    Ok(GoalAreaRecord {
        position: r.position,
        name: r.name,
        goal_statement: r.goal_statement,
    })
}

async fn edit_goal_area(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((id, ga)): Path<(i64, i64)>,
) -> AppResult<GoalAreaPage> {
    ctx.user.require(Role::Ikt | Role::Admin)?;
    let doc = load_document(&state.db, ctx.user.municipality_id, id).await?;
    let g = load_goal_area(&state.db, ctx.user.municipality_id, id, ga).await?;
    let form = GoalAreaForm {
        name: g.name,
        goal_statement: g.goal_statement,
        position: g.position.to_string(),
    };
    Ok(GoalAreaPage {
        ctx,
        doc,
        goal_area_id: Some(ga),
        form,
        errors: FormErrors::default(),
    })
}

async fn update_goal_area(
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path((id, ga)): Path<(i64, i64)>,
    Form(form): Form<GoalAreaForm>,
) -> AppResult<Response> {
    ctx.user.require(Role::Ikt | Role::Admin)?;
    let m = ctx.user.municipality_id;
    let doc = load_document(&state.db, m, id).await?;
    let before = load_goal_area(&state.db, m, id, ga).await?;
    let mut errors = FormErrors::default();
    let Some(v) = form.validate(&mut errors) else {
        return Ok(GoalAreaPage {
            ctx,
            doc,
            goal_area_id: Some(ga),
            form,
            errors,
        }
        .into_response());
    };
    let mut tx = state.db.begin().await?;
    sqlx::query!(
        r#"
        update goal_area set position = $3, name = $4, goal_statement = $5, updated_at = now()
        where goal_area_id = $1 and municipality_id = $2
        "#,
        ga,
        m,
        v.position,
        v.name,
        v.goal_statement
    )
    .execute(&mut *tx)
    .await?;
    let b = GoalAreaAudit {
        document: doc.title.clone(),
        position: before.position,
        name: before.name,
        goal_statement: before.goal_statement,
    };
    let a = GoalAreaAudit {
        document: doc.title.clone(),
        position: v.position,
        name: v.name.clone(),
        goal_statement: v.goal_statement,
    };
    audit::record(
        &mut tx,
        &ctx.user,
        Action::Update,
        "goal_area",
        ga,
        Some(&b),
        Some(&a),
    )
    .await?;
    tx.commit().await?;
    let text = format!("Målområdet «{}» er lagret.", v.name);
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        text,
        &format!("/strategy/{id}"),
    )
    .await)
}

// ---------------------------------------------------------------------------------------------
// Strategies

#[derive(Serialize)]
struct StrategyAudit {
    #[serde(rename = "målområde")]
    goal_area: String,
    #[serde(rename = "plassering")]
    position: i32,
    #[serde(rename = "tekst")]
    text: String,
    #[serde(rename = "sentrale_tiltak")]
    key_measures: String,
}

#[derive(Default, Deserialize)]
struct StrategyForm {
    #[serde(default)]
    goal_area_id: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    key_measures: String,
    #[serde(default)]
    position: String,
}

struct ValidStrategy {
    goal_area_id: i64,
    goal_area: String,
    text: String,
    key_measures: Vec<String>,
    position: i32,
}

impl StrategyForm {
    fn validate(&self, areas: &[(i64, String)], errors: &mut FormErrors) -> Option<ValidStrategy> {
        let area = self
            .goal_area_id
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(|id| areas.iter().find(|(a, _)| *a == id));
        if area.is_none() {
            errors.add(
                "goal_area_id",
                "Velg hvilket målområde strategien hører til.",
            );
        }
        let text = non_empty(&self.text);
        if text.is_none() {
            errors.add("text", "Skriv strategien.");
        }
        let position = parse_position(&self.position);
        if position.is_none() {
            errors.add(
                "position",
                "Skriv plasseringen som et helt tall fra 1, for eksempel 1.",
            );
        }
        let (goal_area_id, goal_area) = area?.clone();
        Some(ValidStrategy {
            goal_area_id,
            goal_area,
            text: text?,
            key_measures: parse_lines(&self.key_measures),
            position: position?,
        })
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "strategy/strategy_form.html")]
struct StrategyPage {
    ctx: Ctx,
    doc: Document,
    /// None when creating.
    strategy_id: Option<i64>,
    /// (goal_area_id, name) of the document's goal areas, in order.
    areas: Vec<(i64, String)>,
    form: StrategyForm,
    errors: FormErrors,
}

impl StrategyPage {
    fn selected(&self, id: &i64) -> bool {
        self.form.goal_area_id.trim() == id.to_string()
    }
}

async fn area_options(db: &PgPool, m: i64, doc_id: i64) -> AppResult<Vec<(i64, String)>> {
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

async fn next_strategy_position(db: &PgPool, goal_area_id: i64) -> AppResult<i32> {
    Ok(sqlx::query_scalar!(
        r#"select coalesce(max(position), 0) + 1 as "p!" from strategy where goal_area_id = $1"#,
        goal_area_id
    )
    .fetch_one(db)
    .await?)
}

#[derive(Deserialize)]
struct NewStrategyQuery {
    goal_area: Option<i64>,
}

async fn new_strategy(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Query(q): Query<NewStrategyQuery>,
) -> AppResult<StrategyPage> {
    ctx.user.require(Role::Ikt | Role::Admin)?;
    let m = ctx.user.municipality_id;
    let doc = load_document(&state.db, m, id).await?;
    let areas = area_options(&state.db, m, id).await?;
    let area = q
        .goal_area
        .filter(|g| areas.iter().any(|(a, _)| a == g))
        .or(areas.first().map(|(a, _)| *a));
    let position = match area {
        Some(a) => next_strategy_position(&state.db, a).await?,
        None => 1,
    };
    let form = StrategyForm {
        goal_area_id: area.map(|a| a.to_string()).unwrap_or_default(),
        position: position.to_string(),
        ..Default::default()
    };
    Ok(StrategyPage {
        ctx,
        doc,
        strategy_id: None,
        areas,
        form,
        errors: FormErrors::default(),
    })
}

async fn create_strategy(
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    Form(form): Form<StrategyForm>,
) -> AppResult<Response> {
    ctx.user.require(Role::Ikt | Role::Admin)?;
    let m = ctx.user.municipality_id;
    let doc = load_document(&state.db, m, id).await?;
    let areas = area_options(&state.db, m, id).await?;
    let mut errors = FormErrors::default();
    let Some(v) = form.validate(&areas, &mut errors) else {
        return Ok(StrategyPage {
            ctx,
            doc,
            strategy_id: None,
            areas,
            form,
            errors,
        }
        .into_response());
    };
    let mut tx = state.db.begin().await?;
    let sid = sqlx::query_scalar!(
        r#"
        insert into strategy (municipality_id, goal_area_id, position, text, key_measures)
        values ($1, $2, $3, $4, $5) returning strategy_id
        "#,
        m,
        v.goal_area_id,
        v.position,
        v.text,
        &v.key_measures
    )
    .fetch_one(&mut *tx)
    .await?;
    let after = StrategyAudit {
        goal_area: v.goal_area,
        position: v.position,
        text: v.text,
        key_measures: v.key_measures.join("; "),
    };
    audit::record(
        &mut tx,
        &ctx.user,
        Action::Create,
        "strategy",
        sid,
        None::<&()>,
        Some(&after),
    )
    .await?;
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        "Strategien er lagt til.",
        &format!("/strategy/{id}"),
    )
    .await)
}

struct StrategyRecord {
    goal_area_id: i64,
    goal_area: String,
    position: i32,
    text: String,
    key_measures: Vec<String>,
}

impl StrategyRecord {
    fn audit(&self) -> StrategyAudit {
        StrategyAudit {
            goal_area: self.goal_area.clone(),
            position: self.position,
            text: self.text.clone(),
            key_measures: self.key_measures.join("; "),
        }
    }
}

async fn load_strategy(db: &PgPool, m: i64, doc_id: i64, sid: i64) -> AppResult<StrategyRecord> {
    let r = sqlx::query!(
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
    .ok_or(AppError::NotFound)?;
    Ok(StrategyRecord {
        goal_area_id: r.goal_area_id,
        goal_area: r.goal_area,
        position: r.position,
        text: r.text,
        key_measures: r.key_measures,
    })
}

async fn edit_strategy(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((id, sid)): Path<(i64, i64)>,
) -> AppResult<StrategyPage> {
    ctx.user.require(Role::Ikt | Role::Admin)?;
    let m = ctx.user.municipality_id;
    let doc = load_document(&state.db, m, id).await?;
    let s = load_strategy(&state.db, m, id, sid).await?;
    let areas = area_options(&state.db, m, id).await?;
    let form = StrategyForm {
        goal_area_id: s.goal_area_id.to_string(),
        text: s.text,
        key_measures: s.key_measures.join("\n"),
        position: s.position.to_string(),
    };
    Ok(StrategyPage {
        ctx,
        doc,
        strategy_id: Some(sid),
        areas,
        form,
        errors: FormErrors::default(),
    })
}

async fn update_strategy(
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path((id, sid)): Path<(i64, i64)>,
    Form(form): Form<StrategyForm>,
) -> AppResult<Response> {
    ctx.user.require(Role::Ikt | Role::Admin)?;
    let m = ctx.user.municipality_id;
    let doc = load_document(&state.db, m, id).await?;
    let before = load_strategy(&state.db, m, id, sid).await?;
    let areas = area_options(&state.db, m, id).await?;
    let mut errors = FormErrors::default();
    let Some(v) = form.validate(&areas, &mut errors) else {
        return Ok(StrategyPage {
            ctx,
            doc,
            strategy_id: Some(sid),
            areas,
            form,
            errors,
        }
        .into_response());
    };
    let mut tx = state.db.begin().await?;
    sqlx::query!(
        r#"
        update strategy set goal_area_id = $3, position = $4, text = $5, key_measures = $6, updated_at = now()
        where strategy_id = $1 and municipality_id = $2
        "#,
        sid,
        m,
        v.goal_area_id,
        v.position,
        v.text,
        &v.key_measures
    )
    .execute(&mut *tx)
    .await?;
    let after = StrategyAudit {
        goal_area: v.goal_area,
        position: v.position,
        text: v.text,
        key_measures: v.key_measures.join("; "),
    };
    audit::record(
        &mut tx,
        &ctx.user,
        Action::Update,
        "strategy",
        sid,
        Some(&before.audit()),
        Some(&after),
    )
    .await?;
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        "Endringene i strategien er lagret.",
        &format!("/strategy/{id}"),
    )
    .await)
}

/// A measure that still serves a strategy, named on the delete page.
pub struct ServingMeasure {
    pub title: String,
    pub action_plan_id: i64,
    pub plan_name: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "strategy/delete.html")]
struct DeletePage {
    ctx: Ctx,
    doc_id: i64,
    strategy_id: i64,
    text: String,
    goal_area: String,
    serving: Vec<ServingMeasure>,
}

async fn serving_measures(
    conn: &mut sqlx::PgConnection,
    m: i64,
    sid: i64,
) -> AppResult<Vec<ServingMeasure>> {
    Ok(sqlx::query!(
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
    .await?
    .into_iter()
    .map(|r| ServingMeasure {
        title: r.title,
        action_plan_id: r.action_plan_id,
        plan_name: r.plan_name,
    })
    .collect())
}

async fn confirm_delete(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((id, sid)): Path<(i64, i64)>,
) -> AppResult<DeletePage> {
    ctx.user.require(Role::Ikt | Role::Admin)?;
    let m = ctx.user.municipality_id;
    let s = load_strategy(&state.db, m, id, sid).await?;
    let mut conn = state.db.acquire().await?;
    let serving = serving_measures(&mut conn, m, sid).await?;
    Ok(DeletePage {
        ctx,
        doc_id: id,
        strategy_id: sid,
        text: s.text,
        goal_area: s.goal_area,
        serving,
    })
}

async fn delete_strategy(
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path((id, sid)): Path<(i64, i64)>,
) -> AppResult<Response> {
    ctx.user.require(Role::Ikt | Role::Admin)?;
    let m = ctx.user.municipality_id;
    let before = load_strategy(&state.db, m, id, sid).await?;
    let mut tx = state.db.begin().await?;
    // Locking the row makes a measure being linked to it at the same time wait for us (its
    // foreign key check needs a share lock on the row), so the count below stays true.
    sqlx::query!(r#"select strategy_id from strategy where strategy_id = $1 and municipality_id = $2 for update"#, sid, m)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(AppError::NotFound)?;
    let serving = serving_measures(&mut tx, m, sid).await?;
    if !serving.is_empty() {
        drop(tx);
        return Ok(DeletePage {
            ctx,
            doc_id: id,
            strategy_id: sid,
            text: before.text,
            goal_area: before.goal_area,
            serving,
        }
        .into_response());
    }
    sqlx::query!(
        r#"delete from strategy where strategy_id = $1 and municipality_id = $2"#,
        sid,
        m
    )
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        &ctx.user,
        Action::Delete,
        "strategy",
        sid,
        Some(&before.audit()),
        None::<&()>,
    )
    .await?;
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        "Strategien er slettet.",
        &format!("/strategy/{id}"),
    )
    .await)
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

    #[test]
    fn years_need_four_digits_and_positions_start_at_one() {
        assert_eq!(parse_year(" 2013 "), Some(2013));
        assert_eq!(parse_year("13"), None);
        assert_eq!(parse_year("20133"), None);
        assert_eq!(parse_year("2O13"), None);
        assert_eq!(parse_position("0"), None);
        assert_eq!(parse_position("3"), Some(3));
    }
}
