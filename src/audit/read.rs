//! Audit rows as people read them: who, when, which record by name, and what changed, field
//! by field with the fields' labels and the values in words (roles by their names, yes/no,
//! ids as the names they point to). An act that wrote many rows (an import, a roll) reads as
//! one event with a link to what it made and the list of its rows.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use serde::Deserialize;
use serde_json::Value;

use super::{
    EventKind, Table, k,
    words::{changes, names, wanted_ids},
};
use crate::{error::AppResult, i18n::Lang};

/// One audit row as people read it.
pub struct Entry {
    pub occurred_at: DateTime<Utc>,
    pub who: String,
    pub action: String,
    pub table: Table,
    pub record_id: i64,
    /// The record's name or title as its snapshot gave it, if any.
    pub name: Option<String>,
    pub changes: Vec<Change>,
    /// The act the row was part of, if one act wrote many rows.
    pub event: Option<EventRef>,
    /// The reader's language: labels and words are in it.
    pub lang: Lang,
}

pub struct Change {
    pub field: String,
    pub before: String,
    pub after: String,
}

impl Change {
    /// «Roller: IKT-medarbeider → IKT-medarbeider, Superbruker», long values shortened.
    pub fn sentence(&self) -> String {
        format!(
            "{}: {} → {}",
            self.field,
            shorten(&self.before),
            shorten(&self.after)
        )
    }
}

fn shorten(s: &str) -> String {
    const MAX: usize = 80;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let cut: String = s.chars().take(MAX).collect();
        format!("{}…", cut.trim_end())
    }
}

impl Entry {
    pub fn when(&self) -> String {
        crate::domain::format_datetime(self.occurred_at)
    }
    pub fn action_label(&self) -> String {
        self.lang.t(action_key(&self.action))
    }
    /// «Tiltak: Innføre Feide i skole», or «Tiltak: nr. 12» when no snapshot named it.
    pub fn record_label(&self) -> String {
        format!(
            "{}: {}",
            self.lang.t(self.table.label_key()),
            self.record_name()
        )
    }

    /// The record's name, or «nr. 12» when no snapshot named it.
    pub fn record_name(&self) -> String {
        match &self.name {
            Some(n) => n.clone(),
            None => self.lang.t1("audit-record-number", "id", self.record_id),
        }
    }

    /// What the change column says: the changed fields of an update with their values before
    /// and after; a creation or a deletion is one event, not a list of every field.
    pub fn summary(&self) -> Vec<String> {
        match self.action.as_str() {
            "update" if self.changes.is_empty() => vec![self.lang.t("audit-no-visible-changes")],
            "update" => self.changes.iter().map(Change::sentence).collect(),
            "create" => vec![self.lang.t("audit-new-record")],
            _ => vec![self.lang.t("audit-record-removed")],
        }
    }

    pub fn record_url(&self) -> String {
        format!("/history/{}/{}", self.table.code(), self.record_id)
    }
}

/// The act an audit row belongs to.
#[derive(Clone)]
pub struct EventRef {
    pub id: i64,
    pub kind: EventKind,
    pub label: String,
    pub link: Option<String>,
    /// How many audit rows the act wrote.
    pub rows: i64,
    pub lang: Lang,
}

impl EventRef {
    pub fn title(&self) -> String {
        self.kind.title(&self.label, self.lang)
    }
    pub fn part_of(&self) -> String {
        self.kind.part_of(&self.label, self.lang)
    }
    pub fn link_text(&self) -> String {
        self.lang.t(self.kind.link_key())
    }
    pub fn kind_label(&self) -> String {
        self.lang.t(self.kind.label_key())
    }
    /// «60 endringer»
    pub fn count_text(&self) -> String {
        self.lang.t1("audit-change-count", "count", self.rows)
    }
}

fn action_key(action: &str) -> &'static str {
    match action {
        "create" => k("audit-action-create"),
        "update" => k("audit-action-update"),
        "delete" => k("audit-action-delete"),
        _ => k("audit-action-unknown"),
    }
}

/// One act as the log shows it: who, when, what it was, and its rows.
pub struct EventLine {
    pub occurred_at: DateTime<Utc>,
    pub who: String,
    pub event: EventRef,
    pub entries: Vec<Entry>,
}

impl EventLine {
    pub fn when(&self) -> String {
        crate::domain::format_datetime(self.occurred_at)
    }
    /// «59 opprettet, 1 endret»
    pub fn counts(&self) -> String {
        let mut parts = Vec::new();
        for (code, key) in [
            ("create", k("audit-counts-create")),
            ("update", k("audit-counts-update")),
            ("delete", k("audit-counts-delete")),
        ] {
            let n = self.entries.iter().filter(|e| e.action == code).count();
            if n > 0 {
                parts.push(self.event.lang.t1(key, "count", n));
            }
        }
        parts.join(", ")
    }
}

/// A line of the municipality's log: one audit row, or one act with its rows.
pub struct Line {
    pub entry: Option<Entry>,
    pub event: Option<EventLine>,
}

#[derive(Default, Deserialize)]
pub struct LogFilter {
    pub table: Option<String>,
    pub user: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub page: Option<i64>,
}

/// One record's history, newest first; a row written as part of an act names the act.
pub async fn history(
    db: &sqlx::PgPool,
    municipality_id: i64,
    table: Table,
    record_id: i64,
    lang: Lang,
) -> AppResult<Vec<Entry>> {
    let rows = sqlx::query_as!(
        RawRow,
        r#"
        select a.audit_log_id, a.occurred_at as "occurred_at: DateTime<Utc>",
               coalesce(u.display_name, 'Systemet') as "who!",
               a.action, a.table_name, a.record_id, a.record_name, a.before, a.after, a.audit_event_id
        from audit_log a
        left join app_user u on u.app_user_id = a.app_user_id
        where a.municipality_id = $1 and a.table_name = $2 and a.record_id = $3
        order by a.occurred_at desc, a.audit_log_id desc
        limit 500
        "#,
        municipality_id,
        table.code(),
        record_id
    )
    .fetch_all(db)
    .await?;
    let events = event_refs(
        db,
        municipality_id,
        rows.iter().filter_map(|r| r.audit_event_id).collect(),
        lang,
    )
    .await?;
    entries(db, municipality_id, rows, &events, lang).await
}

/// An audit row as stored.
struct RawRow {
    audit_log_id: i64,
    occurred_at: DateTime<Utc>,
    who: String,
    action: String,
    table_name: String,
    record_id: i64,
    record_name: Option<String>,
    before: Option<Value>,
    after: Option<Value>,
    audit_event_id: Option<i64>,
}

async fn entries(
    db: &sqlx::PgPool,
    m: i64,
    rows: Vec<RawRow>,
    events: &HashMap<i64, EventRef>,
    lang: Lang,
) -> AppResult<Vec<Entry>> {
    let mut wanted = HashSet::new();
    for r in &rows {
        wanted_ids(r.before.as_ref(), &mut wanted);
        wanted_ids(r.after.as_ref(), &mut wanted);
    }
    let names = names(db, m, wanted).await?;
    Ok(rows
        .into_iter()
        // A row of a table no longer audited cannot be shown by its labels; it is skipped.
        .filter_map(|r| {
            let table = Table::parse(&r.table_name)?;
            Some(Entry {
                name: r.record_name.filter(|n| !n.is_empty()),
                changes: changes(table, r.before.as_ref(), r.after.as_ref(), &names, lang),
                occurred_at: r.occurred_at,
                who: r.who,
                table,
                action: r.action,
                record_id: r.record_id,
                event: r.audit_event_id.and_then(|id| events.get(&id).cloned()),
                lang,
            })
        })
        .collect())
}

async fn event_refs(
    db: &sqlx::PgPool,
    m: i64,
    ids: HashSet<i64>,
    lang: Lang,
) -> AppResult<HashMap<i64, EventRef>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let ids: Vec<i64> = ids.into_iter().collect();
    let rows = sqlx::query!(
        r#"
        select e.audit_event_id, e.kind, e.label, e.link,
               (select count(*) from audit_log a where a.audit_event_id = e.audit_event_id) as "rows!"
        from audit_event e where e.municipality_id = $1 and e.audit_event_id = any($2)
        "#,
        m,
        &ids
    )
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some((
                r.audit_event_id,
                EventRef {
                    id: r.audit_event_id,
                    kind: EventKind::parse(&r.kind)?,
                    label: r.label,
                    link: r.link,
                    rows: r.rows,
                    lang,
                },
            ))
        })
        .collect())
}

/// The filters of the municipality's log, read once.
pub(super) struct Filter {
    pub table: Option<Table>,
    pub user_id: Option<i64>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// How many lines the log has under the filter: rows outside any act, plus acts.
pub(super) async fn count_lines(db: &sqlx::PgPool, m: i64, f: &Filter) -> AppResult<i64> {
    Ok(sqlx::query_scalar!(
        r#"
        select
          (select count(*) from audit_log a
            where a.municipality_id = $1 and a.audit_event_id is null
              and ($2::text is null or a.table_name = $2)
              and ($3::bigint is null or a.app_user_id = $3)
              and ($4::text is null or a.occurred_at >= $4::text::date)
              and ($5::text is null or a.occurred_at < $5::text::date + 1))
        + (select count(*) from audit_event e
            where e.municipality_id = $1
              and ($2::text is null or exists (select 1 from audit_log a where a.audit_event_id = e.audit_event_id and a.table_name = $2))
              and ($3::bigint is null or e.app_user_id = $3)
              and ($4::text is null or e.occurred_at >= $4::text::date)
              and ($5::text is null or e.occurred_at < $5::text::date + 1)) as "n!"
        "#,
        m,
        f.table.map(Table::code),
        f.user_id,
        f.from.map(|d| d.to_string()),
        f.to.map(|d| d.to_string())
    )
    .fetch_one(db)
    .await?)
}

/// One page of the municipality's log, newest first: each act once, with its rows.
pub(super) async fn lines(
    db: &sqlx::PgPool,
    m: i64,
    f: &Filter,
    limit: i64,
    offset: i64,
    lang: Lang,
) -> AppResult<Vec<Line>> {
    let page = sqlx::query!(
        r#"
        select x.is_event as "is_event!", x.id as "id!" from (
          select false as is_event, a.audit_log_id as id, a.occurred_at from audit_log a
           where a.municipality_id = $1 and a.audit_event_id is null
             and ($2::text is null or a.table_name = $2)
             and ($3::bigint is null or a.app_user_id = $3)
             and ($4::text is null or a.occurred_at >= $4::text::date)
             and ($5::text is null or a.occurred_at < $5::text::date + 1)
          union all
          select true, e.audit_event_id, e.occurred_at from audit_event e
           where e.municipality_id = $1
             and ($2::text is null or exists (select 1 from audit_log a where a.audit_event_id = e.audit_event_id and a.table_name = $2))
             and ($3::bigint is null or e.app_user_id = $3)
             and ($4::text is null or e.occurred_at >= $4::text::date)
             and ($5::text is null or e.occurred_at < $5::text::date + 1)
        ) x
        order by x.occurred_at desc, x.id desc
        limit $6 offset $7
        "#,
        m,
        f.table.map(Table::code),
        f.user_id,
        f.from.map(|d| d.to_string()),
        f.to.map(|d| d.to_string()),
        limit,
        offset
    )
    .fetch_all(db)
    .await?;
    let row_ids: Vec<i64> = page.iter().filter(|p| !p.is_event).map(|p| p.id).collect();
    let event_ids: Vec<i64> = page.iter().filter(|p| p.is_event).map(|p| p.id).collect();
    // The lone rows and every row of the acts on the page, in one query.
    let rows = sqlx::query_as!(
        RawRow,
        r#"
        select a.audit_log_id, a.occurred_at as "occurred_at: DateTime<Utc>",
               coalesce(u.display_name, 'Systemet') as "who!",
               a.action, a.table_name, a.record_id, a.record_name, a.before, a.after, a.audit_event_id
        from audit_log a
        left join app_user u on u.app_user_id = a.app_user_id
        where a.municipality_id = $1 and (a.audit_log_id = any($2) or a.audit_event_id = any($3))
        order by a.audit_log_id
        "#,
        m,
        &row_ids,
        &event_ids
    )
    .fetch_all(db)
    .await?;
    let ids: Vec<i64> = rows.iter().map(|r| r.audit_log_id).collect();
    let events = event_refs(db, m, event_ids.iter().copied().collect(), lang).await?;
    let heads: HashMap<i64, (DateTime<Utc>, String)> = sqlx::query!(
        r#"
        select e.audit_event_id, e.occurred_at as "occurred_at: DateTime<Utc>",
               coalesce(u.display_name, 'Systemet') as "who!"
        from audit_event e left join app_user u on u.app_user_id = e.app_user_id
        where e.municipality_id = $1 and e.audit_event_id = any($2)
        "#,
        m,
        &event_ids
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|r| (r.audit_event_id, (r.occurred_at, r.who)))
    .collect();
    let mut by_row: HashMap<i64, Entry> = HashMap::new();
    let mut by_event: HashMap<i64, Vec<Entry>> = HashMap::new();
    for (id, e) in ids
        .into_iter()
        .zip(entries(db, m, rows, &events, lang).await?)
    {
        match &e.event {
            Some(ev) if !row_ids.contains(&id) => by_event.entry(ev.id).or_default().push(e),
            _ => {
                by_row.insert(id, e);
            }
        }
    }
    Ok(page
        .into_iter()
        .filter_map(|p| {
            if p.is_event {
                let event = events.get(&p.id)?.clone();
                let (occurred_at, who) = heads.get(&p.id)?.clone();
                Some(Line {
                    entry: None,
                    event: Some(EventLine {
                        occurred_at,
                        who,
                        event,
                        entries: by_event.remove(&p.id).unwrap_or_default(),
                    }),
                })
            } else {
                Some(Line {
                    entry: Some(by_row.remove(&p.id)?),
                    event: None,
                })
            }
        })
        .collect())
}
