//! The line inventory (issue 12): locations with their data lines (IKT-strategien, Vedlegg 3).
//! Readable by `auth::Confidential` only: network details help an attacker.

pub mod read;

use axum::Router;

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
}
