//! The history pages: one record's history, and the municipality's whole log for admins.

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    Router,
    extract::{Path, Query, State},
    routing::get,
};
use chrono::NaiveDate;

use super::{
    Table,
    read::{Entry, Filter, Line, LogFilter, count_lines, history, lines},
};
use crate::{
    AppState,
    auth::{Admin, Confidential},
    domain,
    error::{AppError, AppResult},
    i18n::{Msg, k},
    web::{Ctx, Pager},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/history/{table}/{id}", get(record_history))
        .route("/admin/audit", get(global_log))
}

#[derive(Template, WebTemplate)]
#[template(path = "history/record.html")]
struct HistoryPage {
    ctx: Ctx,
    table: Table,
    /// The record's name as its latest audit row gives it, or «nr. 12».
    name: String,
    /// Where the record itself is shown, while it exists.
    back: Option<String>,
    entries: Vec<Entry>,
}

async fn record_history(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((table, id)): Path<(String, i64)>,
) -> AppResult<HistoryPage> {
    let table = Table::parse(&table).ok_or(AppError::NotFound)?;
    // User records are admin business; everything else is readable by the whole municipality.
    if table == Table::AppUser {
        ctx.user.require(Admin::ROLES)?;
    }
    // The history tells what the record says: the same readers as the record itself.
    if confidential(&state.db, ctx.user.municipality_id, table, id).await? {
        ctx.user.require(Confidential::ROLES)?;
    }
    let entries = history(&state.db, ctx.user.municipality_id, table, id, ctx.lang).await?;
    // A record with no changes yet shows an empty history; one that neither exists in this
    // municipality nor was ever audited here is not found.
    if entries.is_empty() && !record_exists(&state.db, ctx.user.municipality_id, table, id).await? {
        return Err(AppError::NotFound);
    }
    let name = entries
        .iter()
        .find_map(|e| e.name.clone())
        .unwrap_or_else(|| ctx.t1("audit-record-number", "id", id));
    let back = table
        .record_url(
            &mut *state.db.acquire().await?,
            ctx.user.municipality_id,
            id,
        )
        .await?;
    Ok(HistoryPage {
        table,
        name,
        back,
        entries,
        ctx,
    })
}

/// Whether the record is exempt from public access: the line inventory always, a risk or an
/// assessment when its assessment is restricted, or when it is gone and nobody can tell.
async fn confidential(
    db: &sqlx::PgPool,
    municipality_id: i64,
    table: Table,
    id: i64,
) -> AppResult<bool> {
    Ok(match table {
        Table::Location | Table::Line => true,
        Table::RiskAssessment => sqlx::query_scalar!(
            r#"select restricted from risk_assessment where risk_assessment_id = $1 and municipality_id = $2"#,
            id,
            municipality_id
        )
        .fetch_optional(db)
        .await?
        .unwrap_or(true),
        Table::Risk => sqlx::query_scalar!(
            r#"select a.restricted from risk r join risk_assessment a using (risk_assessment_id)
               where r.risk_id = $1 and r.municipality_id = $2"#,
            id,
            municipality_id
        )
        .fetch_optional(db)
        .await?
        .unwrap_or(true),
        _ => false,
    })
}

/// Whether `table` has the row in the municipality. The table's name comes from `Table`, never
/// from the request, so it is safe to splice.
async fn record_exists(
    db: &sqlx::PgPool,
    municipality_id: i64,
    table: Table,
    id: i64,
) -> AppResult<bool> {
    let table = table.code();
    let sql = format!(
        "select exists (select 1 from {table} where {table}_id = $1 and municipality_id = $2)"
    );
    Ok(sqlx::query_scalar(&sql)
        .bind(id)
        .bind(municipality_id)
        .fetch_one(db)
        .await?)
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/audit.html")]
struct GlobalLogPage {
    ctx: Ctx,
    lines: Vec<Line>,
    tables: Vec<(&'static str, String)>,
    users: Vec<(i64, String)>,
    filter_table: String,
    filter_user: String,
    filter_from: String,
    filter_to: String,
    error: Option<Msg>,
    pager: Pager,
    query_base: String,
}

async fn global_log(
    _: Admin,
    ctx: Ctx,
    State(state): State<AppState>,
    Query(f): Query<LogFilter>,
) -> AppResult<GlobalLogPage> {
    let m = ctx.user.municipality_id;
    let mut error = None;
    // Parsed and bounded here (years 1900–2100), so an odd year such as 0000 or +10000 is a
    // message beside the filter, not a query PostgreSQL refuses (issue 9, item 3).
    let mut date = |s: &Option<String>, label: &'static str| -> Option<NaiveDate> {
        let s = s.as_deref().map(str::trim).filter(|s| !s.is_empty())?;
        match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            Ok(_) => match domain::parse_date(s) {
                Ok(d) => Some(d),
                Err(_) => {
                    error = Some(Msg::with(
                        "audit-filter-date-range",
                        [("field", Msg::new(label).into())],
                    ));
                    None
                }
            },
            Err(_) => {
                error = Some(Msg::with(
                    "audit-filter-date-invalid",
                    [("field", Msg::new(label).into())],
                ));
                None
            }
        }
    };
    let from = date(&f.from, k("audit-filter-from-field"));
    let to = date(&f.to, k("audit-filter-to-field"));
    let filter = Filter {
        table: f.table.as_deref().and_then(Table::parse),
        user_id: f.user.as_deref().and_then(|u| u.parse::<i64>().ok()),
        from,
        to,
    };
    let total = count_lines(&state.db, m, &filter).await?;
    let pager = Pager::new(f.page, 50, total);
    let lines = lines(
        &state.db,
        m,
        &filter,
        pager.per_page,
        pager.offset(),
        ctx.lang,
    )
    .await?;
    let users = sqlx::query!(
        r#"select app_user_id, display_name from app_user where municipality_id = $1 order by display_name"#,
        m
    )
    .fetch_all(&state.db)
    .await?
    .into_iter()
    .map(|r| (r.app_user_id, r.display_name))
    .collect();
    let query_base = serde_urlencoded::to_string([
        ("table", f.table.clone().unwrap_or_default()),
        ("user", f.user.clone().unwrap_or_default()),
        ("from", f.from.clone().unwrap_or_default()),
        ("to", f.to.clone().unwrap_or_default()),
    ])
    .unwrap_or_default();
    let tables = Table::ALL
        .iter()
        .map(|t| (t.code(), ctx.t(t.label_key())))
        .collect();
    Ok(GlobalLogPage {
        ctx,
        lines,
        tables,
        users,
        filter_table: f.table.unwrap_or_default(),
        filter_user: f.user.unwrap_or_default(),
        filter_from: f.from.unwrap_or_default(),
        filter_to: f.to.unwrap_or_default(),
        error,
        pager,
        query_base,
    })
}
