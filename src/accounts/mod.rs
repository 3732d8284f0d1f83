//! Local accounts: the login page, the admin's user pages, «Min profil», and the
//! municipality's settings.

mod login;
pub mod model;
mod profile;
mod read;
mod settings;
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
        .merge(profile::router())
        .merge(settings::router())
}
