//! Local accounts: the login page, the admin's user pages, «Min profil», and the
//! municipality's settings.

mod login;
pub mod model;
mod profile;
pub mod read;
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
        .route("/admin/users", get(users::list).post(users::create))
        .route("/admin/users/new", get(users::new_form))
        .route(
            "/admin/users/{id}",
            get(users::edit_form).post(users::update),
        )
        .route("/admin/users/{id}/password", post(users::set_password))
        .route("/admin/users/{id}/active", post(users::set_active))
        .route("/profile", get(profile::show).post(profile::update))
        .route("/profile/password", post(profile::change_password))
        .route("/profile/calendar", post(profile::renew_calendar))
        .route(
            "/admin/settings",
            get(settings::show).post(settings::update),
        )
}
