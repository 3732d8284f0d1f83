//! The line inventory (issue 12): locations with their data lines (IKT-strategien, Vedlegg 3).
//! Readable by `auth::Confidential` only: network details help an attacker. IKT staff edit it.

mod export;
mod form;
mod import;
mod links;
mod list;
pub mod model;
pub mod read;
mod show;
pub mod store;
mod threshold;

use axum::{
    Router,
    extract::DefaultBodyLimit,
    routing::{get, post},
};

use crate::{AppState, web::form::MAX_UPLOAD_BODY};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/locations", get(list::list).post(form::create_location))
        .route("/locations/new", get(form::new_location))
        .route("/locations/threshold", post(threshold::set))
        .route("/locations/export.xlsx", get(export::xlsx_file))
        .route("/locations/export.csv", get(export::csv_file))
        .route(
            "/locations/import",
            get(import::form)
                .post(import::preview)
                .layer(DefaultBodyLimit::max(MAX_UPLOAD_BODY)),
        )
        .route("/locations/import/confirm", post(import::confirm))
        .route("/locations/{id}", get(show::page))
        .route(
            "/locations/{id}/edit",
            get(form::edit_location).post(form::update_location),
        )
        .route(
            "/locations/{id}/delete",
            get(form::confirm_delete_location).post(form::delete_location),
        )
        .route("/locations/{id}/lines", post(form::create_line))
        .route("/locations/{id}/lines/new", get(form::new_line))
        .route(
            "/lines/{id}/edit",
            get(form::edit_line).post(form::update_line),
        )
        .route(
            "/lines/{id}/delete",
            get(form::confirm_delete_line).post(form::delete_line),
        )
        .route(
            "/measures/{id}/locations",
            get(links::show).post(links::link),
        )
        .route(
            "/measures/{id}/locations/{link}/delete",
            post(links::unlink),
        )
}
