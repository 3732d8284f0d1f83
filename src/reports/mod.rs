//! Status reports to the rådmann (issue 10): each plan's reporting rounds (mid-June,
//! mid-October, mid-January), the report written on the progress plan as a draft, frozen when
//! submitted, acknowledged by the rådmann and compared with the round before; its print view and
//! XLSX; the reminders; the calendar feed of due dates.

pub mod model;

use axum::Router;

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
}
