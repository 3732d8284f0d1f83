//! Connecting and migrating.

use std::time::Duration;

use sqlx::{PgPool, postgres::PgPoolOptions};

pub async fn connect(url: &str) -> anyhow::Result<PgPool> {
    let pool = PgPoolOptions::new()
        .max_connections(16)
        .acquire_timeout(Duration::from_secs(5))
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
