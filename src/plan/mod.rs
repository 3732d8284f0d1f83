//! The strategy's action plan: measures, the progress plan, status updates.

pub mod measure_form;
pub mod model;

use axum::Router;

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().merge(measure_form::router())
}
