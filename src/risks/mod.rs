//! The risk register (issue 12): risk assessments (mini-ROS) with risks scored S × K.

mod delete;
mod form;
mod item;
mod levels;
mod list;
pub mod model;
pub mod read;
mod register;
mod show;
pub mod store;
mod transfer;

use axum::{
    Router,
    extract::DefaultBodyLimit,
    routing::{get, post},
};

use crate::{AppState, web::form::MAX_UPLOAD_BODY};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/risks", get(list::list).post(form::create_assessment))
        .route("/risks/new", get(form::new_assessment))
        .route("/risks/levels", get(levels::page).post(levels::save))
        .route("/risks/register", get(register::page))
        .route("/risks/{id}", get(show::show))
        .route(
            "/risks/{id}/edit",
            get(form::edit_assessment).post(form::update_assessment),
        )
        .route("/risks/{id}/export.xlsx", get(transfer::xlsx_file))
        .route("/risks/{id}/export.csv", get(transfer::csv_file))
        .route(
            "/risks/{id}/import",
            get(transfer::form)
                .post(transfer::preview)
                .layer(DefaultBodyLimit::max(MAX_UPLOAD_BODY)),
        )
        .route("/risks/{id}/import/confirm", post(transfer::confirm))
        .route(
            "/risks/{id}/delete",
            get(delete::assessment_page).post(delete::delete_assessment),
        )
        .route("/risks/{id}/items/new", get(item::new_risk))
        .route("/risks/{id}/items", post(item::create_risk))
        .route("/risks/items/{rid}", get(item::show_risk))
        .route(
            "/risks/items/{rid}/edit",
            get(item::edit_risk).post(item::update_risk),
        )
        .route(
            "/risks/items/{rid}/delete",
            get(delete::risk_page).post(delete::delete_risk),
        )
        .route(
            "/risks/items/{rid}/accept",
            get(item::accept_form).post(item::accept),
        )
        .route("/risks/items/{rid}/measure", post(item::make_measure))
}
