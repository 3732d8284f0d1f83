//! Status reports to the rådmann (issue 10): each plan's reporting rounds (mid-June,
//! mid-October, mid-January), the report written on the progress plan as a draft, frozen when
//! submitted, acknowledged by the rådmann and compared with the round before; its print view and
//! XLSX; the reminders; the calendar feed of due dates.

pub mod calendar;
pub mod changes;
mod export;
mod form;
pub mod model;
pub mod read;
pub mod remind;
mod rounds;
pub mod show;
pub mod store;

use axum::{
    Router,
    routing::{get, post},
};

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/plan/{id}/reports", get(rounds::page))
        .route("/plan/{id}/reports/team", post(rounds::set_team))
        .route("/plan/{id}/reports/rounds", post(rounds::add_round))
        .route("/reports/{id}", get(show::page))
        .route("/reports/{id}/schedule", post(rounds::schedule))
        .route(
            "/reports/{id}/edit",
            get(form::edit_form).post(form::update),
        )
        .route("/reports/{id}/acknowledge", post(show::acknowledge))
        .route("/reports/{id}/export.xlsx", get(export::xlsx_file))
        // No login: the secret in the URL is the key (a calendar program cannot log in).
        .route("/calendar/{file}", get(calendar::feed))
}
