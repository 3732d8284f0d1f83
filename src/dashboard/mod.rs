//! The rådmann's dashboard (`/dashboard`, issue 14): where the municipality's ICT stands and
//! what waits for a decision, each number a link to the filtered list behind it. It only reads,
//! and only through the other modules' `read.rs` (never their tables), so a number here and the
//! list it opens are counted by the same query.

pub mod model;
mod page;
mod read;

use axum::{Router, routing::get};

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/dashboard", get(page::page))
}
