//! Snapshot values in words: roles by their names, yes/no, decimal commas, ids as the names of
//! the records they point to, and the changes between two snapshots by their labels.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::{ID_KEYS, Table, read::Change};
use crate::{auth::Role, error::AppResult, i18n::Lang};

/// Names of records the snapshots point to by id, from their latest audit row.
pub(super) type Names = HashMap<(Table, i64), String>;

fn id_table(key: &str) -> Option<Table> {
    ID_KEYS.iter().find(|(k, _)| *k == key).map(|(_, t)| *t)
}

/// The ids a snapshot points to, for looking their names up once.
pub(super) fn wanted_ids(snapshot: Option<&Value>, out: &mut HashSet<(Table, i64)>) {
    let Some(o) = snapshot.and_then(Value::as_object) else {
        return;
    };
    for (k, v) in o {
        let Some(table) = id_table(k) else { continue };
        match v {
            Value::Number(n) => out.extend(n.as_i64().map(|id| (table, id))),
            Value::Array(items) => {
                out.extend(items.iter().filter_map(Value::as_i64).map(|id| (table, id)))
            }
            _ => {}
        }
    }
}

pub(super) async fn names(
    db: &sqlx::PgPool,
    m: i64,
    wanted: HashSet<(Table, i64)>,
) -> AppResult<Names> {
    if wanted.is_empty() {
        return Ok(Names::new());
    }
    let (tables, ids): (Vec<String>, Vec<i64>) = wanted
        .iter()
        .map(|(t, id)| (t.code().to_string(), *id))
        .unzip();
    let rows = sqlx::query!(
        r#"
        select distinct on (a.table_name, a.record_id) a.table_name, a.record_id, a.record_name as "record_name!"
        from audit_log a
        join unnest($2::text[], $3::bigint[]) as w(table_name, record_id)
          on w.table_name = a.table_name and w.record_id = a.record_id
        where a.municipality_id = $1 and a.record_name is not null and a.record_name <> ''
        order by a.table_name, a.record_id, a.audit_log_id desc
        "#,
        m,
        &tables,
        &ids
    )
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| Some(((Table::parse(&r.table_name)?, r.record_id), r.record_name)))
        .collect())
}

/// A snapshot value in words.
fn show(table: Table, key: &str, v: Option<&Value>, names: &Names, lang: Lang) -> String {
    let named = |t: Table, id: i64| {
        names.get(&(t, id)).cloned().unwrap_or_else(|| {
            lang.t2(
                "audit-record-number-of",
                "table",
                lang.t(t.label_key()),
                "id",
                id,
            )
        })
    };
    match v {
        None | Some(Value::Null) => "–".into(),
        Some(Value::String(s)) if s.trim().is_empty() => "–".into(),
        // A request's codes (state, financing, urgency) read as their labels; the snapshot
        // keeps the code because the request's timeline is read from it.
        Some(Value::String(code)) if matches!(table, Table::Acquisition | Table::Benefit) => {
            crate::council::model::code_label_key(key, code)
                .map(|l| lang.t(l))
                .unwrap_or_else(|| code.clone())
        }
        Some(Value::String(s)) => s.clone(),
        Some(Value::Bool(true)) => lang.t("audit-yes"),
        Some(Value::Bool(false)) => lang.t("audit-no"),
        Some(Value::Number(n)) => match (id_table(key), n.as_i64()) {
            (Some(t), Some(id)) => named(t, id),
            _ => n.to_string().replace('.', ","),
        },
        Some(Value::Array(items)) if items.is_empty() => "–".into(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|item| match item {
                Value::String(code) if table == Table::AppUser && key == "roles" => {
                    Role::parse(code)
                        .map(|r| lang.t(r.label_key()))
                        .unwrap_or_else(|| code.clone())
                }
                Value::Number(n) => match (id_table(key), n.as_i64()) {
                    (Some(t), Some(id)) => named(t, id),
                    _ => n.to_string(),
                },
                other => show(table, key, Some(other), names, lang),
            })
            .collect::<Vec<_>>()
            .join(", "),
        Some(Value::Object(o)) => o
            .iter()
            .map(|(k, v)| {
                format!(
                    "{}: {}",
                    table.field_label(k, lang),
                    show(table, k, Some(v), names, lang)
                )
            })
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// The fields that differ between before and after (all fields for a create or delete), by
/// their labels, in the record's own field order.
pub(super) fn changes(
    table: Table,
    before: Option<&Value>,
    after: Option<&Value>,
    names: &Names,
    lang: Lang,
) -> Vec<Change> {
    let empty = serde_json::Map::new();
    let b = before.and_then(Value::as_object).unwrap_or(&empty);
    let a = after.and_then(Value::as_object).unwrap_or(&empty);
    let mut keys: Vec<&String> = b.keys().chain(a.keys()).collect();
    keys.sort_by_key(|k| (table.field_position(k), k.to_string()));
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
            field: table.field_label(k, lang),
            before: show(table, k, b.get(k), names, lang),
            after: show(table, k, a.get(k), names, lang),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn an_update_lists_only_the_fields_that_changed() {
        let b = json!({"title": "A", "hours": "10", "version": 1});
        let a = json!({"title": "A", "hours": "12,5", "version": 2});
        let c = changes(Table::Measure, Some(&b), Some(&a), &Names::new(), Lang::Nb);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].sentence(), "Egeninnsats (timer): 10 → 12,5");
    }

    #[test]
    fn roles_read_by_their_names_and_yes_no_in_words() {
        let b = json!({"roles": ["ikt"], "active": true});
        let a = json!({"roles": ["ikt", "superbruker"], "active": false});
        let c = changes(Table::AppUser, Some(&b), Some(&a), &Names::new(), Lang::Nb);
        let s: Vec<String> = c.iter().map(Change::sentence).collect();
        assert_eq!(
            s,
            [
                "Roller: IKT-medarbeider → IKT-medarbeider, Superbruker",
                "Aktiv: ja → nei"
            ]
        );
    }

    #[test]
    fn older_snapshots_read_by_labels_and_their_ids_as_names() {
        let names = Names::from([((Table::StrategyDocument, 3), "IKT-strategi 2014".into())]);
        let b = json!({"navn": "Plan A", "strategy_document_id": 3});
        let a = json!({"navn": "Plan B", "strategy_document_id": 4});
        let c = changes(Table::ActionPlan, Some(&b), Some(&a), &names, Lang::Nb);
        let s: Vec<String> = c.iter().map(Change::sentence).collect();
        assert_eq!(
            s,
            [
                "Navn: Plan A → Plan B",
                "Strategi: IKT-strategi 2014 → Strategidokument nr. 4"
            ]
        );
        let b = json!({"avhenger_av": ""});
        let a = json!({"avhenger_av": "Kartlegge superbrukere"});
        let c = changes(Table::Measure, Some(&b), Some(&a), &names, Lang::Nb);
        assert_eq!(c[0].sentence(), "Avhenger av: – → Kartlegge superbrukere");
    }
}
