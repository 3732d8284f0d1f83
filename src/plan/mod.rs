//! The strategy's action plans (handlingsplan): the list, a new plan, the progress plan, the
//! yearly roll, and export/import of the progress plan as a spreadsheet. The measures in a plan
//! are their own module, `measures`.

mod list;
mod milestones;
pub mod model;
pub mod progress;
pub mod read;
mod roll;
pub mod store;
pub mod transfer;
pub mod view;

use axum::{
    Router,
    extract::DefaultBodyLimit,
    routing::{get, post},
};

use crate::{AppState, web::form::MAX_UPLOAD_BODY};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/plan", get(list::list))
        .route("/plan/new", get(list::new_form).post(list::create))
        .route("/plan/{id}", get(progress::progress))
        .route("/plan/{id}/roll", get(roll::form).post(roll::roll))
        .route("/plan/{id}/export.xlsx", get(transfer::export::xlsx_file))
        .route("/plan/{id}/export.csv", get(transfer::export::csv_file))
        .route(
            "/plan/{id}/import",
            get(transfer::import::form)
                .post(transfer::import::preview)
                .layer(DefaultBodyLimit::max(MAX_UPLOAD_BODY)),
        )
        .route("/plan/{id}/import/confirm", post(transfer::import::confirm))
        .route(
            "/plan/{id}/milestones",
            get(milestones::list).post(milestones::create),
        )
        .route(
            "/milestones/{id}/edit",
            get(milestones::edit).post(milestones::update),
        )
        .route(
            "/milestones/{id}/delete",
            get(milestones::delete_page).post(milestones::delete),
        )
}
