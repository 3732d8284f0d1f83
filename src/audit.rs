//! The audit log: every create, update and delete writes a row (who, when, which record, before
//! and after as JSON) inside the same transaction as the change itself.

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    Router,
    extract::{Path, Query, State},
    routing::get,
};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sqlx::PgConnection;

use crate::{
    AppState,
    accounts::Role,
    error::{AppError, AppResult},
    web::{Ctx, Pager},
};

#[derive(Clone, Copy, Debug)]
pub enum Action {
    Create,
    Update,
    Delete,
}

impl Action {
    fn code(self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Update => "update",
            Action::Delete => "delete",
        }
    }
}

/// Who made a change: a user, or the system (demo seeding, imports run from the command line).
#[derive(Clone, Copy, Debug)]
pub struct Actor {
    pub municipality_id: i64,
    pub user_id: Option<i64>,
}

impl From<&crate::accounts::CurrentUser> for Actor {
    fn from(u: &crate::accounts::CurrentUser) -> Self {
        Actor {
            municipality_id: u.municipality_id,
            user_id: Some(u.user_id),
        }
    }
}

pub async fn record<B: Serialize, A: Serialize>(
    conn: &mut PgConnection,
    actor: impl Into<Actor>,
    action: Action,
    table: &str,
    record_id: i64,
    before: Option<&B>,
    after: Option<&A>,
) -> Result<(), sqlx::Error> {
    let actor = actor.into();
    let before = before
        .map(serde_json::to_value)
        .transpose()
        .map_err(|e| sqlx::Error::Encode(e.into()))?;
    let after = after
        .map(serde_json::to_value)
        .transpose()
        .map_err(|e| sqlx::Error::Encode(e.into()))?;
    sqlx::query!(
        r#"
        insert into audit_log (municipality_id, app_user_id, action, table_name, record_id, before, after)
        values ($1, $2, $3, $4, $5, $6, $7)
        "#,
        actor.municipality_id,
        actor.user_id,
        action.code(),
        table,
        record_id,
        before,
        after
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// One audit row as people read it.
pub struct Entry {
    pub occurred_at: DateTime<Utc>,
    pub who: String,
    pub action: String,
    pub table_name: String,
    pub table_label: &'static str,
    pub record_id: i64,
    /// The record's name or title as its snapshot gives it, if any.
    pub name: Option<String>,
    pub changes: Vec<Change>,
}

pub struct Change {
    pub field: String,
    pub before: String,
    pub after: String,
}

impl Entry {
    pub fn when(&self) -> String {
        crate::domain::format_datetime(self.occurred_at)
    }
    pub fn action_label(&self) -> &'static str {
        match self.action.as_str() {
            "create" => "Opprettet",
            "update" => "Endret",
            "delete" => "Slettet",
            _ => "Ukjent",
        }
    }
    /// «Tiltak: Innføre Feide i skole», or «Tiltak 12» when the snapshot has no name.
    pub fn record_label(&self) -> String {
        match &self.name {
            Some(n) => format!("{}: {n}", self.table_label),
            None => format!("{} {}", self.table_label, self.record_id),
        }
    }

    /// What the change list column says: the changed fields of an update; a creation or a
    /// deletion is one event, not a list of every field.
    pub fn summary(&self) -> String {
        match self.action.as_str() {
            "update" => self
                .changes
                .iter()
                .map(|c| c.field.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            "create" => "Ny oppføring".into(),
            _ => "Oppføringen er fjernet".into(),
        }
    }

    pub fn record_url(&self) -> String {
        format!("/history/{}/{}", self.table_name, self.record_id)
    }
}

/// Norwegian names of audited tables.
pub fn table_label(table: &str) -> &'static str {
    match table {
        "app_user" => "Bruker",
        "municipality" => "Kommune",
        "unit" => "Enhet",
        "person" => "Person",
        "strategy_document" => "Strategidokument",
        "goal_area" => "Målområde",
        "strategy" => "Strategi",
        "action_plan" => "Handlingsplan",
        "measure" => "Tiltak",
        _ => "Annet",
    }
}

pub const TABLES: &[&str] = &[
    "app_user",
    "municipality",
    "unit",
    "person",
    "strategy_document",
    "goal_area",
    "strategy",
    "action_plan",
    "measure",
];

/// The first naming field a snapshot has (the audit structs use Norwegian or English names).
fn record_name(snapshot: Option<&Value>) -> Option<String> {
    let o = snapshot?.as_object()?;
    [
        "tittel",
        "navn",
        "tekst",
        "title",
        "name",
        "display_name",
        "username",
    ]
    .iter()
    .find_map(|k| o.get(*k).and_then(Value::as_str).filter(|s| !s.is_empty()))
    .map(|s| {
        if s.chars().count() > 80 {
            format!("{}…", s.chars().take(80).collect::<String>())
        } else {
            s.to_string()
        }
    })
}

fn show(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => "–".into(),
        Some(Value::String(s)) if s.is_empty() => "–".into(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Bool(true)) => "ja".into(),
        Some(Value::Bool(false)) => "nei".into(),
        Some(other) => other.to_string(),
    }
}

/// The fields that differ between before and after (all fields for a create or delete).
fn changes(before: Option<&Value>, after: Option<&Value>) -> Vec<Change> {
    let empty = serde_json::Map::new();
    let b = before.and_then(Value::as_object).unwrap_or(&empty);
    let a = after.and_then(Value::as_object).unwrap_or(&empty);
    let mut keys: Vec<&String> = b.keys().chain(a.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter(|k| {
            !matches!(
                k.as_str(),
                "updated_at" | "created_at" | "version" | "password_hash"
            )
        })
        .filter(|k| b.get(*k) != a.get(*k))
        .map(|k| Change {
            field: k.clone(),
            before: show(b.get(k)),
            after: show(a.get(k)),
        })
        .collect()
}

#[derive(Default, Deserialize)]
pub struct LogFilter {
    pub table: Option<String>,
    pub user: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub page: Option<i64>,
}

pub async fn history(
    db: &sqlx::PgPool,
    municipality_id: i64,
    table: &str,
    record_id: i64,
) -> AppResult<Vec<Entry>> {
    query_entries(
        db,
        municipality_id,
        Some(table),
        Some(record_id),
        None,
        None,
        None,
        500,
        0,
    )
    .await
}

#[allow(clippy::too_many_arguments)]
async fn query_entries(
    db: &sqlx::PgPool,
    municipality_id: i64,
    table: Option<&str>,
    record_id: Option<i64>,
    user_id: Option<i64>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    limit: i64,
    offset: i64,
) -> AppResult<Vec<Entry>> {
    let rows = sqlx::query!(
        r#"
        select a.occurred_at as "occurred_at: DateTime<Utc>", coalesce(u.display_name, 'Systemet') as "who!",
               a.action, a.table_name, a.record_id, a.before, a.after
        from audit_log a
        left join app_user u on u.app_user_id = a.app_user_id
        where a.municipality_id = $1
          and ($2::text is null or a.table_name = $2)
          and ($3::bigint is null or a.record_id = $3)
          and ($4::bigint is null or a.app_user_id = $4)
          and ($5::text is null or a.occurred_at >= $5::text::date)
          and ($6::text is null or a.occurred_at < $6::text::date + 1)
        order by a.occurred_at desc, a.audit_log_id desc
        limit $7 offset $8
        "#,
        municipality_id,
        table,
        record_id,
        user_id,
        from.map(|d| d.to_string()),
        to.map(|d| d.to_string()),
        limit,
        offset
    )
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Entry {
            name: record_name(r.after.as_ref().or(r.before.as_ref())),
            changes: changes(r.before.as_ref(), r.after.as_ref()),
            occurred_at: r.occurred_at,
            who: r.who,
            table_label: table_label(&r.table_name),
            table_name: r.table_name,
            action: r.action,
            record_id: r.record_id,
        })
        .collect())
}

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/history/{table}/{id}", get(record_history))
        .route("/admin/audit", get(global_log))
}

#[derive(Template, WebTemplate)]
#[template(path = "history.html")]
struct HistoryPage {
    ctx: Ctx,
    table_label: &'static str,
    record_id: i64,
    entries: Vec<Entry>,
}

async fn record_history(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((table, id)): Path<(String, i64)>,
) -> AppResult<HistoryPage> {
    if !TABLES.contains(&table.as_str()) {
        return Err(AppError::NotFound);
    }
    // User records are admin business; everything else is readable by the whole municipality.
    if table == "app_user" {
        ctx.user.require(Role::Admin)?;
    }
    let entries = history(&state.db, ctx.user.municipality_id, &table, id).await?;
    // A record with no changes yet shows an empty history; one that neither exists in this
    // municipality nor was ever audited here is not found.
    if entries.is_empty() && !record_exists(&state.db, ctx.user.municipality_id, &table, id).await?
    {
        return Err(AppError::NotFound);
    }
    Ok(HistoryPage {
        table_label: table_label(&table),
        record_id: id,
        entries,
        ctx,
    })
}

/// Whether `table` (one of TABLES, so safe to splice) has the row in the municipality.
async fn record_exists(
    db: &sqlx::PgPool,
    municipality_id: i64,
    table: &str,
    id: i64,
) -> AppResult<bool> {
    if !TABLES.contains(&table) {
        return Ok(false);
    }
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
    entries: Vec<Entry>,
    tables: Vec<(&'static str, &'static str)>,
    users: Vec<(i64, String)>,
    filter_table: String,
    filter_user: String,
    filter_from: String,
    filter_to: String,
    error: Option<String>,
    pager: Pager,
    query_base: String,
}

async fn global_log(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(f): Query<LogFilter>,
) -> AppResult<GlobalLogPage> {
    ctx.user.require(Role::Admin)?;
    let m = ctx.user.municipality_id;
    let mut error = None;
    let mut date = |s: &Option<String>, label: &str| -> Option<NaiveDate> {
        let s = s.as_deref().map(str::trim).filter(|s| !s.is_empty())?;
        match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            Ok(d) => Some(d),
            Err(_) => {
                error = Some(format!("{label} må være en dato (åååå-mm-dd)."));
                None
            }
        }
    };
    let from = date(&f.from, "Fra-dato");
    let to = date(&f.to, "Til-dato");
    let table = f.table.as_deref().filter(|t| TABLES.contains(t));
    let user_id = f.user.as_deref().and_then(|u| u.parse::<i64>().ok());
    let total = sqlx::query_scalar!(
        r#"
        select count(*) as "n!" from audit_log a
        where a.municipality_id = $1 and ($2::text is null or a.table_name = $2)
          and ($3::bigint is null or a.app_user_id = $3)
          and ($4::text is null or a.occurred_at >= $4::text::date)
          and ($5::text is null or a.occurred_at < $5::text::date + 1)
        "#,
        m,
        table,
        user_id,
        from.map(|d| d.to_string()),
        to.map(|d| d.to_string())
    )
    .fetch_one(&state.db)
    .await?;
    let pager = Pager::new(f.page, 50, total);
    let entries = query_entries(
        &state.db,
        m,
        table,
        None,
        user_id,
        from,
        to,
        pager.per_page,
        pager.offset(),
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
    Ok(GlobalLogPage {
        ctx,
        entries,
        tables: TABLES.iter().map(|t| (*t, table_label(t))).collect(),
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn an_update_lists_only_the_fields_that_changed() {
        let b = json!({"title": "A", "hours": "10", "version": 1});
        let a = json!({"title": "A", "hours": "12,5", "version": 2});
        let c = changes(Some(&b), Some(&a));
        assert_eq!(c.len(), 1);
        assert_eq!(
            (
                c[0].field.as_str(),
                c[0].before.as_str(),
                c[0].after.as_str()
            ),
            ("hours", "10", "12,5")
        );
    }
}
