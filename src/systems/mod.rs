//! The fagsystem register (issue 11): every business system with its owner, administrator and
//! superusers, its cooperation and host, privacy, archive, support and evaluation; kept current
//! by the superusers themselves (their fields only) and confirmed by them.

mod cooperations;
mod form;
mod list;
pub mod model;
pub mod read;
mod show;
pub mod store;
pub mod transfer;

use axum::{
    Router,
    extract::DefaultBodyLimit,
    routing::{get, post},
};

use crate::AppState;
use crate::web::form::MAX_UPLOAD_BODY;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/systems", get(list::list).post(form::create))
        .route("/systems/new", get(form::new_form))
        .route("/systems/export.xlsx", get(transfer::export::xlsx_file))
        .route("/systems/export.csv", get(transfer::export::csv_file))
        .route(
            "/systems/import",
            get(transfer::import::form)
                .post(transfer::import::preview)
                .layer(DefaultBodyLimit::max(MAX_UPLOAD_BODY)),
        )
        .route("/systems/import/confirm", post(transfer::import::confirm))
        .route("/systems/{id}", get(show::page))
        .route(
            "/systems/{id}/edit",
            get(form::edit_form).post(form::update),
        )
        .route("/systems/{id}/confirm", post(show::confirm))
        .route("/systems/{id}/meetings", post(show::add_meeting))
        .route("/cooperations", get(cooperations::list))
        .route("/cooperations/{id}", get(cooperations::page))
}
