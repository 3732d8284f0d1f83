//! The strategy's action plan: measures, the progress plan, status updates.

pub mod data;
pub mod model;
pub mod pages;
pub mod progress;
pub mod transfer;

use axum::Router;

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().merge(pages::router()).merge(progress::router()).merge(transfer::router())
}
