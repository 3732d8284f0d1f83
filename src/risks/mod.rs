//! The risk register (issue 12): risk assessments (mini-ROS) with risks scored S × K.

pub mod model;
pub mod store;

use axum::Router;

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
}
