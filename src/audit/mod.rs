//! The audit log: every create, update and delete writes a row (who, when, which record, its
//! name, before and after as JSON) inside the same transaction as the change itself.
//!
//! Each audited record type has a snapshot struct implementing [`Audited`]: which table it is,
//! how the log names a record, and the Norwegian label of each snapshot key. Snapshot keys are
//! English code names, like the columns; people only ever see the labels.

mod history;
mod read;

pub use history::router;
pub use read::{Change, Entry, history};

use serde::Serialize;
use sqlx::PgConnection;

use crate::db::Tx;

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

/// Who made a change: a user, or the system (demo seeding, commands run from the shell).
#[derive(Clone, Copy, Debug)]
pub struct Actor {
    pub municipality_id: i64,
    pub user_id: Option<i64>,
}

impl Actor {
    pub fn system(municipality_id: i64) -> Self {
        Actor {
            municipality_id,
            user_id: None,
        }
    }
}

impl From<&crate::auth::CurrentUser> for Actor {
    fn from(u: &crate::auth::CurrentUser) -> Self {
        Actor {
            municipality_id: u.municipality_id,
            user_id: Some(u.user_id),
        }
    }
}

/// The audited tables. A new module adds its records here, with their Norwegian name and the
/// labels of their snapshot's fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Table {
    AppUser,
    Municipality,
    StrategyDocument,
    GoalArea,
    Strategy,
    ActionPlan,
    Measure,
}

impl Table {
    pub const ALL: [Table; 7] = [
        Table::AppUser,
        Table::Municipality,
        Table::StrategyDocument,
        Table::GoalArea,
        Table::Strategy,
        Table::ActionPlan,
        Table::Measure,
    ];

    /// The table's name in the database, `audit_log.table_name` and the history URL.
    pub fn code(self) -> &'static str {
        match self {
            Table::AppUser => "app_user",
            Table::Municipality => "municipality",
            Table::StrategyDocument => "strategy_document",
            Table::GoalArea => "goal_area",
            Table::Strategy => "strategy",
            Table::ActionPlan => "action_plan",
            Table::Measure => "measure",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Table::AppUser => "Bruker",
            Table::Municipality => "Kommune",
            Table::StrategyDocument => "Strategidokument",
            Table::GoalArea => "Målområde",
            Table::Strategy => "Strategi",
            Table::ActionPlan => "Handlingsplan",
            Table::Measure => "Tiltak",
        }
    }

    pub fn parse(code: &str) -> Option<Table> {
        Table::ALL.into_iter().find(|t| t.code() == code)
    }

    /// The (key, label) pairs of the table's snapshot.
    fn fields(self) -> &'static [(&'static str, &'static str)] {
        use crate::{accounts::users, measures::model as measures, plan::model as plan, strategy};
        match self {
            Table::AppUser => users::UserSnapshot::FIELDS,
            Table::Municipality => users::MunicipalitySnapshot::FIELDS,
            Table::StrategyDocument => strategy::model::DocumentSnapshot::FIELDS,
            Table::GoalArea => strategy::model::GoalAreaSnapshot::FIELDS,
            Table::Strategy => strategy::model::StrategySnapshot::FIELDS,
            Table::ActionPlan => plan::PlanSnapshot::FIELDS,
            Table::Measure => measures::MeasureSnapshot::FIELDS,
        }
    }

    /// «Tittel» for `title`; the key itself for one no longer in the snapshot.
    pub fn field_label(self, key: &str) -> String {
        self.fields()
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, l)| l.to_string())
            .unwrap_or_else(|| key.to_string())
    }
}

/// A record type's snapshot, as the audit log keeps it: flat, readable values, so that a diff
/// of two snapshots reads as a sentence.
pub trait Audited: Serialize {
    const TABLE: Table;
    /// (snapshot key, Norwegian label), in the order a person reads the record.
    const FIELDS: &'static [(&'static str, &'static str)];
    /// How the log names this record: its title or name.
    fn name(&self) -> String;
}

/// The longest record name the log keeps.
const NAME_CHARS: usize = 200;

/// Writes one audit row, in the change's own transaction.
pub async fn record<T: Audited>(
    tx: &mut Tx<'_>,
    actor: impl Into<Actor>,
    action: Action,
    record_id: i64,
    before: Option<&T>,
    after: Option<&T>,
) -> Result<(), sqlx::Error> {
    let actor = actor.into();
    let json = |s: Option<&T>| {
        s.map(serde_json::to_value)
            .transpose()
            .map_err(|e| sqlx::Error::Encode(e.into()))
    };
    let name: Option<String> = after
        .or(before)
        .map(|s| s.name().chars().take(NAME_CHARS).collect());
    sqlx::query!(
        r#"
        insert into audit_log (municipality_id, app_user_id, action, table_name, record_id,
                               record_name, before, after)
        values ($1, $2, $3, $4, $5, $6, $7, $8)
        "#,
        actor.municipality_id,
        actor.user_id,
        action.code(),
        T::TABLE.code(),
        record_id,
        name,
        json(before)?,
        json(after)?
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Who last changed a record, and when: what a refused stale form tells the user.
pub struct LastChange {
    pub who: String,
    pub at: chrono::DateTime<chrono::Utc>,
}

pub async fn last_change(
    conn: &mut PgConnection,
    municipality_id: i64,
    table: Table,
    record_id: i64,
) -> Result<Option<LastChange>, sqlx::Error> {
    sqlx::query_as!(
        LastChange,
        r#"
        select coalesce(u.display_name, 'Systemet') as "who!",
               a.occurred_at as "at: chrono::DateTime<chrono::Utc>"
        from audit_log a left join app_user u on u.app_user_id = a.app_user_id
        where a.municipality_id = $1 and a.table_name = $2 and a.record_id = $3
        order by a.occurred_at desc, a.audit_log_id desc
        limit 1
        "#,
        municipality_id,
        table.code(),
        record_id
    )
    .fetch_optional(conn)
    .await
}
