//! Status reports to the rådmann (issue 10): each plan's reporting rounds (mid-June,
//! mid-October, mid-January), the report written on the progress plan as a draft, frozen when
//! submitted, acknowledged by the rådmann and compared with the round before; its print view and
//! XLSX; the reminders; the calendar feed of due dates.

pub mod calendar;
pub mod model;
pub mod remind;

use axum::{Router, routing::get};

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/calendar/{file}", get(calendar::feed))
}
