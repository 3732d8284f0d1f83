//! The search across the registers (`/search`, issue 14): measures, strategy, systems,
//! acquisition requests, risks, locations, units and people found by the words of their names
//! and descriptions (full-text, Norwegian) or a name spelt alike (trigram), only what the user
//! may read, grouped by kind with the matched words marked. It only reads.

mod page;
pub mod read;

use axum::{Router, routing::get};

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/search", get(page::page))
}
