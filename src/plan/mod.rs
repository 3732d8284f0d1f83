//! The strategy's action plan: measures, the progress plan, status updates, import/export,
//! and the yearly roll.

pub mod data;
pub mod measure_form;
pub mod model;
pub mod pages;
pub mod progress;
pub mod roll;
pub mod transfer;

use axum::Router;

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(pages::router())
        .merge(progress::router())
        .merge(measure_form::router())
        .merge(roll::router())
        .merge(transfer::router())
}
