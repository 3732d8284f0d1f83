//! The strategy's action plan: measures, the progress plan, status updates.

pub mod model;
pub mod roll;

use axum::Router;

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().merge(roll::router())
}
