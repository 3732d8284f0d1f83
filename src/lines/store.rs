//! The only writes of the line inventory; each audits itself in the same transaction.

use super::model::ThresholdSnapshot;
use crate::{
    audit::{self, Action, Actor},
    db::Tx,
    domain::Mbps,
};

/// Sets the municipality's Mbps-per-user threshold. Returns whether it changed.
pub async fn set_threshold(
    tx: &mut Tx<'_>,
    actor: Actor,
    value: Mbps,
) -> Result<bool, sqlx::Error> {
    let before = sqlx::query!(
        "select name, mbps_per_user_threshold from municipality where municipality_id = $1 for update",
        actor.municipality_id
    )
    .fetch_one(&mut **tx)
    .await?;
    if before.mbps_per_user_threshold == value.0 {
        return Ok(false);
    }
    sqlx::query!(
        "update municipality set mbps_per_user_threshold = $2 where municipality_id = $1",
        actor.municipality_id,
        value.0
    )
    .execute(&mut **tx)
    .await?;
    let snap = |d| ThresholdSnapshot {
        name: before.name.clone(),
        mbps_per_user_threshold: Mbps(d).plain(),
    };
    audit::record(
        tx,
        actor,
        Action::Update,
        actor.municipality_id,
        Some(&snap(before.mbps_per_user_threshold)),
        Some(&snap(value.0)),
    )
    .await?;
    Ok(true)
}
