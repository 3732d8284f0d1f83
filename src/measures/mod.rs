//! The measures (tiltak) of an action plan: their page, the edit form, the quick status update
//! and delete. A measure is created under its plan's URL, since it needs the plan.
//!
//! This is the module the next areas copy: `model.rs` (types and rules), `store.rs` (the only
//! writes), `read.rs` (queries and view models), one file per page family.

mod delete;
mod form;
pub mod model;
pub mod read;
mod show;
mod status;
pub mod store;
pub mod values;

use axum::{
    Router,
    routing::{get, post},
};

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/plan/{plan_id}/measures/new", get(form::new_form))
        .route("/plan/{plan_id}/measures", post(form::create))
        .route("/measures/{id}", get(show::page))
        .route(
            "/measures/{id}/edit",
            get(form::edit_form).post(form::update),
        )
        .route("/measures/{id}/status", post(status::update))
        .route(
            "/measures/{id}/delete",
            get(delete::page).post(delete::delete),
        )
}
