//! The line inventory (issue 12): locations with their data lines (IKT-strategien, Vedlegg 3).
//! Readable by `auth::Confidential` only: network details help an attacker.

mod export;
mod list;
pub mod model;
pub mod read;
mod show;
pub mod store;
mod threshold;

use axum::{
    Router,
    routing::{get, post},
};

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/locations", get(list::list))
        .route("/locations/threshold", post(threshold::set))
        .route("/locations/export.xlsx", get(export::xlsx_file))
        .route("/locations/export.csv", get(export::csv_file))
        .route("/locations/{id}", get(show::page))
}
