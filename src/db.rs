//! Connecting and migrating.

use std::time::Duration;

use sqlx::{PgPool, postgres::PgPoolOptions};

/// How long a request waits for a connection before it answers 503 (`AppError::Unavailable`).
pub const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(3);

/// The pool survives the database going away: a connection is pinged before it is handed out
/// (`test_before_acquire`), so one left over from before a restart is dropped and replaced, not
/// given to a request; while the server is down, a request gets an error within
/// `ACQUIRE_TIMEOUT` and the next one after it is back gets a fresh connection.
pub async fn connect(url: &str) -> anyhow::Result<PgPool> {
    let pool = PgPoolOptions::new()
        .max_connections(16)
        .acquire_timeout(ACQUIRE_TIMEOUT)
        .test_before_acquire(true)
        .connect(url)
        .await?;
    Ok(pool)
}

pub async fn migrate(pool: &PgPool) -> anyhow::Result<()> {
    sqlx::migrate!("./migrations").run(pool).await?;
    Ok(())
}

/// A transaction. Every write in a module's `store.rs` takes one, so a write cannot run outside
/// a transaction, and its audit row commits or rolls back with it.
pub type Tx<'a> = sqlx::Transaction<'a, sqlx::Postgres>;

/// What an update based on a version of a record came to. Commit only on `Saved`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Saved,
    Unchanged,
    /// The form was based on an older version: who saved since, and when
    /// (`audit::stale` reads it from the log).
    Stale {
        by: Option<String>,
        at: String,
    },
}
