//! Queries and view models of the line inventory.

use sqlx::PgPool;

/// The municipality's locations as (id, name), by name: for every form that chooses one.
pub async fn location_names(
    db: &PgPool,
    municipality_id: i64,
) -> Result<Vec<(i64, String)>, sqlx::Error> {
    Ok(sqlx::query!(
        "select location_id, name from location where municipality_id = $1 order by name",
        municipality_id
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|r| (r.location_id, r.name))
    .collect())
}
