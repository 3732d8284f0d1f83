//! Units (enheter) and people (personer) of the municipality: their lists, pages and forms
//! (issue 11). Other modules read them (a measure's responsible, a plan's report team, a
//! system's owner, administrator and superusers); only `store.rs` here writes them.

mod capacity;
mod form;
mod list;
pub mod model;
pub mod read;
mod show;
pub mod store;

use axum::{
    Router,
    routing::{get, post},
};

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/units", get(list::units).post(form::create_unit))
        .route("/units/new", get(form::new_unit))
        .route("/units/{id}", get(show::unit))
        .route(
            "/units/{id}/edit",
            get(form::edit_unit).post(form::update_unit),
        )
        .route("/people", get(list::people).post(form::create_person))
        .route("/people/new", get(form::new_person))
        .route("/people/{id}", get(show::person))
        .route(
            "/people/{id}/edit",
            get(form::edit_person).post(form::update_person),
        )
        .route("/people/{id}/capacity", post(capacity::set))
}
