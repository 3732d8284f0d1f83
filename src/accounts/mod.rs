//! Local accounts: the login page and the admin's user pages.

mod login;
pub mod model;
mod read;
pub mod store;
pub mod users;

use axum::{
    Router,
    routing::{get, post},
};

use crate::AppState;
pub use login::LoginPolicy;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/login", get(login::login_page).post(login::login))
        .route("/logout", post(login::logout))
        .merge(users::router())
}
