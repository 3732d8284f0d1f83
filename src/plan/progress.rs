//! The progress plan (framdriftsplan, `/plan/{id}`) as in Vedlegg 1: filters, totals, and a
//! status form in every row for IKT staff (posted to `measures::status`, which re-renders the
//! row through `render_row`).

use std::{
    collections::HashMap,
    sync::{Arc, RwLock},
};

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    extract::{Path, Query, State},
    response::{IntoResponse, Response},
};
use chrono::NaiveDate;
use serde::Deserialize;

use super::{
    model::Span,
    read::{MeasureData, PlanData},
    view::{self, Filter, GoalGroup, Total},
};
use crate::{
    AppState,
    auth::CurrentUser,
    domain::{Nok, format_date, today},
    error::AppResult,
    i18n::{Arg, Lang},
    measures::model::{Financing, Status},
    reports::{self, read::Reporting},
    web::{Ctx, Pager},
};

/// A plan of up to this many rows shows on one page (Ringebu's has about 70)...
const ONE_PAGE_UP_TO: usize = 100;
/// ...a longer one pages at this many rows; «Vis alle» shows everything (for printing).
const ROWS_PER_PAGE: i64 = 50;

#[derive(Deserialize)]
pub struct Paging {
    page: Option<i64>,
    all: Option<String>,
}

#[derive(Clone)]
pub struct Column {
    pub year: i32,
    pub period: i32,
    pub name: String,
    /// Today falls in this period.
    pub is_today: bool,
}

/// The totals above the table, for the selection the filter makes. The status update sends
/// them again (htmx out-of-band) so they follow an inline change.
pub struct Totals {
    pub filter_active: bool,
    pub shown: usize,
    pub of: usize,
    pub total: Total,
    /// Per start year; None: measures without a schedule.
    pub by_year: Vec<(Option<i32>, Total)>,
    pub by_financing: Vec<(&'static str, String, usize)>,
    pub by_status: Vec<(Status, usize)>,
    pub late: usize,
}

impl Totals {
    pub fn of(plan: &PlanData, filter: &Filter, today: NaiveDate) -> Totals {
        let selected: Vec<&MeasureData> = plan
            .measures
            .iter()
            .filter(|m| filter.selects(m, plan.head.span(), today))
            .collect();
        let by_year = view::totals_by_year(&selected).into_iter().collect();
        let by_financing = view::cost_by_financing(&selected)
            .into_iter()
            .map(|(f, sum, unknown)| (f.label_key(), Nok(sum).to_string(), unknown))
            .collect();
        let (by_status, late) = view::status_counts(&selected, plan.head.span(), today);
        Totals {
            filter_active: filter.is_active(),
            shown: selected.len(),
            of: plan.measures.len(),
            total: Total::of(selected.iter().copied()),
            by_year,
            by_financing,
            by_status,
            late,
        }
    }
}

/// The totals alone, as the status update returns them out of band beside the row.
#[derive(Template)]
#[template(path = "plan/progress_totals.html")]
struct TotalsPartial<'a> {
    ctx: PartCtx,
    totals: &'a Totals,
    oob: bool,
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
    pub totals: Totals,
    pub can_edit: bool,
    pub pager: Pager,
    pub show_all: bool,
    pub today: NaiveDate,
    pub today_text: String,
    /// Cell labels, numbered for the printed legend.
    pub legend: Vec<String>,
    /// The totals are the page's own, not an out-of-band swap.
    pub oob: bool,
    /// The next status report due, and whether it is late.
    pub reporting: Reporting,
}

/// The rows of one plan revision as rendered for everyone who reads them alike: the same
/// language, edit right, strategy group, filter (the row's status form carries it back) and
/// day. Rendering ~50 rows of ~2 KB was most of the page's cost (issue 14). A row holds nothing
/// of one user's: CSRF is the browser's Origin, not a token in the form (ARCHITECTURE.md).
#[derive(Default)]
pub struct RowCache(RwLock<HashMap<RowKey, Arc<str>>>);

#[derive(Clone, Hash, PartialEq, Eq)]
struct RowKey {
    lang: Lang,
    /// The municipality's målform, which an admin may change without a new plan revision.
    user_text_lang: &'static str,
    can_edit: bool,
    measure_id: i64,
    strategy: Option<i64>,
    filter_query: String,
    today: NaiveDate,
}

/// Past this many rows (many filters of a large plan) the cache starts again.
const ROW_CACHE_MAX: usize = 20_000;

impl RowCache {
    fn get_or_render(
        &self,
        key: RowKey,
        render: impl FnOnce() -> askama::Result<String>,
    ) -> askama::Result<Arc<str>> {
        // A poisoned lock only means a panic elsewhere mid-insert; the map is still whole.
        if let Some(html) = self.0.read().unwrap_or_else(|e| e.into_inner()).get(&key) {
            return Ok(html.clone());
        }
        let html: Arc<str> = render()?.into();
        let mut map = self.0.write().unwrap_or_else(|e| e.into_inner());
        if map.len() >= ROW_CACHE_MAX {
            map.clear();
        }
        map.insert(key, html.clone());
        Ok(html)
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.0.read().unwrap_or_else(|e| e.into_inner()).len()
    }
}

/// Whether a row says «Forsinket»; the page and the re-rendered row ask alike.
fn row_late(span: Span, today: NaiveDate, m: &MeasureData) -> bool {
    view::is_late(m, span, today)
}

fn label_number(legend: &[String], label: &str) -> usize {
    legend.iter().position(|l| l == label).map_or(0, |i| i + 1)
}

impl ProgressPage<'_> {
    fn selected(&self, field: &Option<String>, value: &str) -> bool {
        field.as_deref() == Some(value)
    }
    /// The row of `m` under `strategy`, from the plan's row cache or rendered into it.
    fn row(&self, m: &MeasureData, strategy: &Option<i64>) -> Arc<str> {
        let key = RowKey {
            lang: self.ctx.lang,
            user_text_lang: self.ctx.user.user_text_lang(),
            can_edit: self.can_edit,
            measure_id: m.measure_id,
            strategy: *strategy,
            filter_query: self.filter_query.clone(),
            today: self.today,
        };
        let rendered = self.plan.rows.get_or_render(key, || {
            RowPartial {
                ctx: PartCtx {
                    lang: self.ctx.lang,
                    user_text_lang: self.ctx.user.user_text_lang(),
                },
                plan: self.plan,
                m,
                columns: self.columns.clone(),
                current_strategy: *strategy,
                can_edit: self.can_edit,
                statuses: Status::ALL,
                filter_query: self.filter_query.clone(),
                row_message: None,
                kept: None,
                today: self.today,
                legend: self.legend.clone(),
            }
            .render()
        });
        rendered.unwrap_or_else(|e| {
            tracing::error!(error = %e, measure = m.measure_id, "a progress row did not render");
            Arc::from("")
        })
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
    columns_at(plan, today())
}

/// The columns, with the period `today` falls in marked.
pub fn columns_at(plan: &PlanData, today: NaiveDate) -> (Vec<Column>, Vec<(i32, usize)>) {
    let now = view::today_period(plan.head.span(), today);
    let columns: Vec<Column> = plan
        .periods()
        .into_iter()
        .map(|(year, period)| Column {
            year,
            period,
            name: plan.period_name(year, period),
            is_today: now == Some((year, period)),
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

pub(super) async fn progress(
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
    let today = today();
    let span = plan.head.span();
    let selected: Vec<&MeasureData> = plan
        .measures
        .iter()
        .filter(|m| filter.selects(m, span, today))
        .collect();
    let mut groups = view::group(ctx.lang, &plan, &selected);
    let rows = view::row_count(&groups);
    let per_page = if paging.all.is_some() || rows <= ONE_PAGE_UP_TO {
        rows.max(1) as i64
    } else {
        ROWS_PER_PAGE
    };
    let pager = Pager::new(paging.page, per_page, rows as i64);
    view::page_rows(
        &mut groups,
        pager.offset() as usize,
        pager.per_page as usize,
    );
    let filter_query = with_paging(filter.query(), &pager, paging.all.is_some());
    let (columns, years) = columns_at(&plan, today);
    let rounds = reports::read::rounds_of_plan(&state.db, plan.municipality_id, id, today).await?;
    let page = ProgressPage {
        reporting: Reporting::of(&rounds, id, &plan.head.name, today),
        can_edit: ctx.user.can_edit_plan(),
        groups,
        pager,
        show_all: paging.all.is_some(),
        totals: Totals::of(&plan, &filter, today),
        responsible_options: plan.responsible_options.clone(),
        filter_query,
        statuses: Status::ALL,
        financings: Financing::ALL,
        columns,
        years,
        legend: view::cell_labels(&plan),
        today,
        today_text: format_date(today),
        oob: false,
        filter,
        plan: &plan,
        ctx,
    };
    Ok(page.into_response())
}

/// What the user typed into a row's status form, shown again when it was not saved.
pub struct KeptStatus {
    pub status: String,
    pub comment: String,
    pub date: String,
}

/// The message a re-rendered row shows: (Designsystemet colour, text).
pub struct RowMessage(String, String);

impl RowMessage {
    pub fn success(text: String) -> Self {
        RowMessage("success".into(), text)
    }
    pub fn warning(text: String) -> Self {
        RowMessage("warning".into(), text)
    }
    pub fn danger(text: String) -> Self {
        RowMessage("danger".into(), text)
    }
}

/// One row of the progress plan, re-rendered alone after an htmx status update.
#[derive(Template)]
#[template(path = "plan/progress_row.html")]
struct RowPartial<'a> {
    ctx: PartCtx,
    plan: &'a PlanData,
    m: &'a MeasureData,
    columns: Vec<Column>,
    current_strategy: Option<i64>,
    can_edit: bool,
    statuses: [Status; 5],
    filter_query: String,
    row_message: Option<(String, String)>,
    kept: Option<KeptStatus>,
    today: NaiveDate,
    legend: Vec<String>,
}

/// What the row and totals partials know of their reader in place of a `Ctx`: the language,
/// and the language of the municipality's own text.
pub struct PartCtx {
    lang: Lang,
    user_text_lang: &'static str,
}

impl PartCtx {
    fn t(&self, key: &str) -> String {
        self.lang.t(key)
    }
    fn t1(&self, key: &str, name: &str, value: impl Into<Arg>) -> String {
        self.lang.t1(key, name, value)
    }
    fn t2(
        &self,
        key: &str,
        name1: &str,
        value1: impl Into<Arg>,
        name2: &str,
        value2: impl Into<Arg>,
    ) -> String {
        self.lang.t2(key, name1, value1, name2, value2)
    }
    fn user_text_lang(&self) -> &'static str {
        self.user_text_lang
    }
}

/// The row of `m` under `strategy`, as the status handler returns it to htmx, followed by the
/// plan's totals for the same filter as an out-of-band swap; in `user`'s language.
pub fn render_row_for(
    user: &CurrentUser,
    plan: &PlanData,
    m: &MeasureData,
    strategy: Option<i64>,
    filter_query: &str,
    message: Option<RowMessage>,
    kept: Option<KeptStatus>,
) -> askama::Result<String> {
    let ctx = PartCtx {
        lang: user.lang,
        user_text_lang: user.user_text_lang(),
    };
    render(ctx, plan, m, strategy, filter_query, message, kept)
}

fn render(
    ctx: PartCtx,
    plan: &PlanData,
    m: &MeasureData,
    strategy: Option<i64>,
    filter_query: &str,
    message: Option<RowMessage>,
    kept: Option<KeptStatus>,
) -> askama::Result<String> {
    let today = today();
    // The filter is the page's own query string (with its page number, which it ignores).
    let filter: Filter = serde_urlencoded::from_str(filter_query).unwrap_or_default();
    let totals = Totals::of(plan, &filter, today);
    let lang = ctx.lang;
    let user_text_lang = ctx.user_text_lang;
    let row = RowPartial {
        ctx,
        columns: columns_at(plan, today).0,
        current_strategy: strategy,
        can_edit: true,
        statuses: Status::ALL,
        filter_query: filter_query.to_string(),
        row_message: message.map(|RowMessage(c, t)| (c, t)),
        kept,
        today,
        legend: view::cell_labels(plan),
        m,
        plan,
    }
    .render()?;
    let totals = TotalsPartial {
        ctx: PartCtx {
            lang,
            user_text_lang,
        },
        totals: &totals,
        oob: true,
    }
    .render()?;
    // In a <template>: parsed after a <tr>, a bare <section> with tables inside would be torn
    // apart by the HTML parser's table rules; htmx looks for out-of-band swaps in templates.
    Ok(format!("{row}<template>{totals}</template>"))
}

impl RowPartial<'_> {
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
            .map(|k| k.date.clone())
            .unwrap_or_else(|| m.status_date.map(|d| d.to_string()).unwrap_or_default())
    }
    fn late(&self, m: &MeasureData) -> bool {
        row_late(self.plan.head.span(), self.today, m)
    }
    fn status_text(&self, m: &MeasureData) -> String {
        m.status.with_date(self.ctx.lang, m.status_date)
    }
    fn label_number(&self, label: &str) -> usize {
        label_number(&self.legend, label)
    }
    fn today_iso(&self) -> String {
        self.today.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(lang: Lang, can_edit: bool) -> RowKey {
        RowKey {
            lang,
            user_text_lang: "nb",
            can_edit,
            measure_id: 7,
            strategy: None,
            filter_query: String::new(),
            today: NaiveDate::from_ymd_opt(2026, 12, 4).unwrap(),
        }
    }

    #[test]
    fn a_row_is_rendered_once_per_language_and_edit_right_and_then_reused() {
        let cache = RowCache::default();
        let renders = std::cell::Cell::new(0);
        let render = |html: &str| {
            renders.set(renders.get() + 1);
            Ok(html.to_string())
        };
        let a = cache
            .get_or_render(key(Lang::Nb, true), || render("<tr>nb</tr>"))
            .unwrap();
        let b = cache
            .get_or_render(key(Lang::Nb, true), || render("<tr>other</tr>"))
            .unwrap();
        assert_eq!(
            &*b, "<tr>nb</tr>",
            "the second reader gets the first rendering"
        );
        assert!(Arc::ptr_eq(&a, &b));
        cache
            .get_or_render(key(Lang::Nn, true), || render("<tr>nn</tr>"))
            .unwrap();
        cache
            .get_or_render(key(Lang::Nb, false), || render("<tr>read</tr>"))
            .unwrap();
        assert_eq!(renders.get(), 3);
        assert_eq!(cache.len(), 3);
    }
}
