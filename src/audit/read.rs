//! Audit rows as people read them: who, when, which record by name, and what changed, field
//! by field with the fields' labels.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Deserialize;
use serde_json::Value;

use super::Table;
use crate::error::AppResult;

/// One audit row as people read it.
pub struct Entry {
    pub occurred_at: DateTime<Utc>,
    pub who: String,
    pub action: String,
    pub table: Table,
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
            Some(n) => format!("{}: {n}", self.table.label()),
            None => format!("{} {}", self.table.label(), self.record_id),
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
        format!("/history/{}/{}", self.table.code(), self.record_id)
    }
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

/// The fields that differ between before and after (all fields for a create or delete), by
/// their labels.
fn changes(table: Table, before: Option<&Value>, after: Option<&Value>) -> Vec<Change> {
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
            field: table.field_label(k),
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
    table: Table,
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
pub(super) async fn query_entries(
    db: &sqlx::PgPool,
    municipality_id: i64,
    table: Option<Table>,
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
               a.action, a.table_name, a.record_id, a.record_name, a.before, a.after
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
        table.map(Table::code),
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
        // A row of a table no longer audited cannot be shown by its labels; it is skipped.
        .filter_map(|r| {
            let table = Table::parse(&r.table_name)?;
            Some(Entry {
                name: r.record_name.filter(|n| !n.is_empty()),
                changes: changes(table, r.before.as_ref(), r.after.as_ref()),
                occurred_at: r.occurred_at,
                who: r.who,
                table,
                action: r.action,
                record_id: r.record_id,
            })
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn an_update_lists_only_the_fields_that_changed() {
        let b = json!({"title": "A", "hours": "10", "version": 1});
        let a = json!({"title": "A", "hours": "12,5", "version": 2});
        let c = changes(Table::Measure, Some(&b), Some(&a));
        assert_eq!(c.len(), 1);
        assert_eq!(
            (
                c[0].field.as_str(),
                c[0].before.as_str(),
                c[0].after.as_str()
            ),
            ("Egeninnsats (timer)", "10", "12,5")
        );
    }
}
