//! The IKT strategy document (IKT-strategi): vision, main goal, goal areas (mål) and their
//! strategies, and how many of the action plans' measures serve each strategy.
//!
//! Everyone logged in reads; IKT staff and admins edit.

mod document;
mod goal_area;
pub mod model;
pub mod read;
mod show;
pub mod store;
mod strategies;

use axum::{Router, routing::get};

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/strategy", get(show::current))
        .route("/strategy/new", get(document::new).post(document::create))
        .route("/strategy/{id}", get(show::show))
        .route(
            "/strategy/{id}/edit",
            get(document::edit).post(document::update),
        )
        .route(
            "/strategy/{id}/goal-areas/new",
            get(goal_area::new).post(goal_area::create),
        )
        .route(
            "/strategy/{id}/goal-areas/{goal_area_id}/edit",
            get(goal_area::edit).post(goal_area::update),
        )
        .route(
            "/strategy/{id}/strategies/new",
            get(strategies::new).post(strategies::create),
        )
        .route(
            "/strategy/{id}/strategies/{strategy_id}/edit",
            get(strategies::edit).post(strategies::update),
        )
        .route(
            "/strategy/{id}/strategies/{strategy_id}/delete",
            get(strategies::confirm_delete).post(strategies::delete),
        )
}
