//! IKT staff create and edit a measure (`/plan/{plan_id}/measures/new`, `/measures/{id}/edit`).
//!
//! Editing is optimistically locked: the form carries the version it was loaded at (and the
//! measure as it then was), and a save based on an older version is refused with what the other
//! person changed, so nothing is silently overwritten.

use std::collections::BTreeSet;

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    extract::{Path, State},
    response::{IntoResponse, Response},
};
use tower_sessions::Session;

use super::{
    model::{Financing, MeasureSnapshot, Status, snapshot_status_in},
    read::{self, Options},
    store::{self, Outcome},
    values::{CostRow, Values, snapshot_of_input},
};
use crate::{
    AppState,
    audit::Actor,
    auth::Editor,
    domain::{format_datetime, today},
    error::AppResult,
    i18n::{Lang, Msg, k},
    plan::read::{PlanHead, load_head},
    web::{Ctx, FlashKind, FormErrors, FormPairs, flash_redirect},
};

/// The free-text roles the plan documents use; offered as suggestions, any text is allowed.
const ROLE_SUGGESTIONS: [&str; 4] = ["Systemeier", "Superbrukere", "Rådmannen / SU", "IKT-styret"];
/// Empty cost rows offered below the existing ones.
const EMPTY_COST_ROWS: usize = 2;

pub struct GridCell {
    pub year: i32,
    pub period: i32,
    pub name: String,
    pub planned: bool,
    pub label: String,
}

pub struct GridYear {
    pub year: i32,
    /// The catalog key of how the year is divided.
    pub unit: &'static str,
    pub cells: Vec<GridCell>,
}

/// What another person's save changed, for the refused form.
pub struct ConflictView {
    pub who: String,
    pub when: String,
    /// (field label's catalog key, value the user started with, value now); empty when the
    /// start is unknown.
    pub changes: Vec<(&'static str, String, String)>,
    /// (form field, saved value) where the submitted value differs from what is saved.
    pub saved: Vec<(&'static str, String)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "measures/form.html")]
pub struct FormPage {
    pub ctx: Ctx,
    pub plan: PlanHead,
    /// (id, saved title) when editing.
    pub measure: Option<(i64, String)>,
    pub v: Values,
    pub cost_rows: Vec<CostRow>,
    pub grid: Vec<GridYear>,
    pub options: Options,
    pub errors: FormErrors,
    pub conflict: Option<ConflictView>,
    pub statuses: [Status; 5],
    pub financings: [Financing; 5],
    pub role_suggestions: [&'static str; 4],
    /// Today, for the date field to offer when «Utført» is chosen.
    pub today: String,
}

impl FormPage {
    fn new(
        ctx: Ctx,
        plan: PlanHead,
        measure: Option<(i64, String)>,
        v: Values,
        options: Options,
        errors: FormErrors,
    ) -> Self {
        let mut cost_rows: Vec<CostRow> = v
            .costs
            .values()
            .filter(|r| !r.is_blank())
            .cloned()
            .collect();
        cost_rows.extend(std::iter::repeat_with(CostRow::default).take(EMPTY_COST_ROWS));
        let span = plan.span();
        let mut grid: Vec<GridYear> = Vec::new();
        for (year, period) in span.periods() {
            if grid.last().map(|g| g.year) != Some(year) {
                let unit = if year == span.start_year {
                    k("measure-form-schedule-months")
                } else {
                    k("measure-form-schedule-quarters")
                };
                grid.push(GridYear {
                    year,
                    unit,
                    cells: Vec::new(),
                });
            }
            let c = v.cells.get(&(year, period)).cloned().unwrap_or_default();
            if let Some(g) = grid.last_mut() {
                g.cells.push(GridCell {
                    year,
                    period,
                    name: span.period_name(year, period),
                    planned: c.planned || !c.label.trim().is_empty(),
                    label: c.label,
                });
            }
        }
        FormPage {
            ctx,
            plan,
            measure,
            v,
            cost_rows,
            grid,
            options,
            errors,
            conflict: None,
            statuses: Status::ALL,
            financings: Financing::ALL,
            role_suggestions: ROLE_SUGGESTIONS,
            today: today().format("%Y-%m-%d").to_string(),
        }
    }

    fn action(&self) -> String {
        match &self.measure {
            Some((id, _)) => format!("/measures/{id}/edit"),
            None => format!("/plan/{}/measures", self.plan.id),
        }
    }

    fn cancel(&self) -> String {
        match &self.measure {
            Some((id, _)) => format!("/measures/{id}"),
            None => format!("/plan/{}", self.plan.id),
        }
    }

    fn has_strategy(&self, id: &i64) -> bool {
        let id = id.to_string();
        self.v.strategies.iter().any(|s| s.trim() == id)
    }

    fn depends(&self, id: &i64) -> bool {
        let id = id.to_string();
        self.v.depends_on.iter().any(|s| s.trim() == id)
    }

    fn picked(&self, kind: &str, id: &i64) -> bool {
        self.v.responsible.trim() == format!("{kind}:{id}")
    }

    /// «Lagret av Kari 21.11.2026 kl. 10:00: …» next to a field the other person's save differs on.
    fn saved(&self, field: &str) -> Option<String> {
        let c = self.conflict.as_ref()?;
        let (_, value) = c.saved.iter().find(|(f, _)| *f == field)?;
        Some(self.ctx.lang.tr(
            "measure-form-saved-by",
            &[
                ("who", c.who.as_str().into()),
                ("when", c.when.as_str().into()),
                ("value", shown(value).into()),
            ],
        ))
    }

    /// The ids an input's aria-describedby lists: its hint, error and saved-value note.
    fn described(&self, field: &str, hint: bool) -> String {
        let mut ids = Vec::new();
        if hint {
            ids.push(format!("{field}-hint"));
        }
        if self.errors.has(field) {
            ids.push(format!("{field}-error"));
        }
        if self.saved(field).is_some() {
            ids.push(format!("{field}-saved"));
        }
        ids.join(" ")
    }
}

/// Lists joined with "; " compare as sets: the database orders them by its own collation.
fn same_value(field: &str, a: &str, b: &str) -> bool {
    if matches!(field, "strategies" | "depends_on") {
        fn set(s: &str) -> BTreeSet<&str> {
            s.split("; ").filter(|x| !x.is_empty()).collect()
        }
        set(a) == set(b)
    } else {
        a.trim() == b.trim()
    }
}

/// A snapshot's value as the reader reads it: the status and «ja»/«nei» in their language.
fn shown_in(lang: Lang, field: &str, v: &str) -> String {
    match (field, v) {
        ("status", s) => shown(&snapshot_status_in(lang, s)),
        ("priority", "ja") => lang.t("measure-yes"),
        ("priority", "nei") => lang.t("measure-no"),
        _ => shown(v),
    }
}

fn shown(v: &str) -> String {
    if v.trim().is_empty() {
        "–".into()
    } else {
        v.to_string()
    }
}

pub(super) async fn new_form(
    _: Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    Path(plan_id): Path<i64>,
) -> AppResult<FormPage> {
    let m = ctx.user.municipality_id;
    let plan = load_head(&state.db, m, plan_id).await?;
    let options = read::options(&state.db, m, &plan, None).await?;
    let v = Values {
        status: Status::NotStarted.code().into(),
        ..Values::default()
    };
    Ok(FormPage::new(
        ctx,
        plan,
        None,
        v,
        options,
        FormErrors::default(),
    ))
}

pub(super) async fn create(
    Editor(user): Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path(plan_id): Path<i64>,
    FormPairs(pairs): FormPairs,
) -> AppResult<Response> {
    let m = user.municipality_id;
    let plan = load_head(&state.db, m, plan_id).await?;
    let options = read::options(&state.db, m, &plan, None).await?;
    let mut v = Values::from_pairs(pairs);
    let input = match v.validate(plan.span(), &options, None) {
        Ok(input) => input,
        Err(errors) => {
            return Ok(FormPage::new(ctx, plan, None, v, options, errors).into_response());
        }
    };
    let mut tx = state.db.begin().await?;
    let id = store::insert(&mut tx, Actor::from(&user), plan.id, &input).await?;
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        Msg::new("measure-created"),
        &format!("/measures/{id}"),
    )
    .await)
}

pub(super) async fn edit_form(
    _: Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<FormPage> {
    let m = ctx.user.municipality_id;
    let plan = load_head(&state.db, m, read::plan_of(&state.db, m, id).await?).await?;
    let options = read::options(&state.db, m, &plan, Some(id)).await?;
    let mut conn = state.db.acquire().await?;
    let input = read::inputs(&mut conn, m, &[id])
        .await?
        .remove(&id)
        .unwrap_or_default();
    let base = read::snapshot(&mut conn, m, id).await?;
    let version = sqlx::query_scalar!(
        r#"select version from measure where measure_id = $1 and municipality_id = $2"#,
        id,
        m
    )
    .fetch_one(&mut *conn)
    .await?;
    drop(conn);
    let v = Values::from_input(&input, version, &base);
    Ok(FormPage::new(
        ctx,
        plan,
        Some((id, input.title)),
        v,
        options,
        FormErrors::default(),
    ))
}

pub(super) async fn update(
    Editor(user): Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    FormPairs(pairs): FormPairs,
) -> AppResult<Response> {
    let m = user.municipality_id;
    let plan = load_head(&state.db, m, read::plan_of(&state.db, m, id).await?).await?;
    let title = sqlx::query_scalar!(
        r#"select title from measure where measure_id = $1 and municipality_id = $2"#,
        id,
        m
    )
    .fetch_one(&state.db)
    .await?;
    let options = read::options(&state.db, m, &plan, Some(id)).await?;
    let mut v = Values::from_pairs(pairs);
    let measure = Some((id, title));
    let input = match v.validate(plan.span(), &options, Some(id)) {
        Ok(input) => input,
        Err(errors) => {
            return Ok(FormPage::new(ctx, plan, measure, v, options, errors).into_response());
        }
    };
    let based_on = v.version.trim().parse::<i32>().ok();
    let mut tx = state.db.begin().await?;
    let back = format!("/measures/{id}");
    match store::update(&mut tx, Actor::from(&user), id, based_on, &input).await? {
        Outcome::Saved => {
            tx.commit().await?;
            Ok(flash_redirect(
                &session,
                FlashKind::Success,
                Msg::new("measure-saved"),
                &back,
            )
            .await)
        }
        Outcome::Unchanged => {
            tx.rollback().await?;
            Ok(flash_redirect(
                &session,
                FlashKind::Info,
                Msg::new("measure-unchanged"),
                &back,
            )
            .await)
        }
        Outcome::Conflict(c) => {
            tx.rollback().await?;
            let submitted = snapshot_of_input(&input, plan.span(), &options);
            let started: Option<MeasureSnapshot> = serde_json::from_str(&v.base).ok();
            let now = c.current.fields();
            let lang = ctx.lang;
            let changes = match &started {
                Some(s) => s
                    .fields()
                    .into_iter()
                    .zip(now.iter())
                    .filter(|((f, _, a), (_, _, b))| !same_value(f, a, b))
                    .map(|((f, label, a), (_, _, b))| {
                        (label, shown_in(lang, f, &a), shown_in(lang, f, b))
                    })
                    .collect(),
                None => Vec::new(),
            };
            let saved = submitted
                .fields()
                .into_iter()
                .zip(now.iter())
                .filter(|((f, _, a), (_, _, b))| !same_value(f, a, b))
                .map(|((f, _, _), (_, _, b))| (f, shown_in(lang, f, b)))
                .collect();
            // The next save is based on what is saved now: submitting again is deliberate.
            v.version = c.version.to_string();
            v.base = serde_json::to_string(&c.current).unwrap_or_default();
            let mut page = FormPage::new(ctx, plan, measure, v, options, FormErrors::default());
            page.conflict = Some(ConflictView {
                who: c.who_in(lang),
                when: format_datetime(c.when),
                changes,
                saved,
            });
            Ok(page.into_response())
        }
    }
}
