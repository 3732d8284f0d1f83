//! The IKT-råd (issue 13): acquisition requests from the units, the secretariat's triage, the
//! council's meetings with each member's assessment and the chair's recommendation, RLT's
//! decision, and what the requester is told at each step.

mod about;
mod benefits;
mod form;
mod list;
mod meetings;
pub mod model;
mod notifications;
pub mod read;
pub mod remind;
mod settings;
mod show;
pub mod store;

use axum::{
    Router,
    routing::{get, post},
};

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/acquisitions", get(list::list).post(form::create))
        .route("/acquisitions/new", get(form::new))
        .route("/acquisitions/{id}", get(show::show))
        .route(
            "/acquisitions/{id}/edit",
            get(form::edit).post(form::update),
        )
        .route("/acquisitions/{id}/triage", post(show::triage))
        .route(
            "/acquisitions/{id}/decision",
            get(show::decision_form).post(show::decide),
        )
        .route("/acquisitions/{id}/measure", post(show::link_measure))
        .route(
            "/acquisitions/{id}/benefits",
            get(benefits::show).post(benefits::create),
        )
        .route("/benefits", get(benefits::realisation))
        .route("/benefits/{bid}/followups", post(benefits::followup))
        .route("/council", get(about::page))
        .route("/council/settings", get(settings::show))
        .route("/council/settings/threshold", post(settings::threshold))
        .route(
            "/council/settings/principles",
            post(settings::add_principle),
        )
        .route(
            "/council/settings/principles/{id}",
            post(settings::principle_active),
        )
        .route("/council/settings/members", post(settings::add_member))
        .route(
            "/council/settings/members/{id}",
            post(settings::update_member),
        )
        .route(
            "/council/meetings",
            get(meetings::list).post(meetings::create),
        )
        .route("/council/meetings/{id}", get(meetings::show))
        .route(
            "/council/meetings/{id}/attendance",
            post(meetings::attendance),
        )
        .route(
            "/council/meetings/{id}/items/{aid}/assessment",
            post(meetings::assess),
        )
        .route(
            "/council/meetings/{id}/items/{aid}/recommendation",
            post(meetings::recommend),
        )
        .route("/council/meetings/{id}/close", post(meetings::close))
        .route("/council/meetings/{id}/minutes", get(meetings::minutes))
        .route("/notifications", get(notifications::page))
        .route("/notifications/read", post(notifications::mark_read))
}
