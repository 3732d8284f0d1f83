//! A quick status update (`POST /measures/{id}/status`) from a row of the progress plan or from
//! the measure's own page: htmx swaps the row (and the plan's totals) when JavaScript is on;
//! otherwise the form posts and returns to the same filter, page and row, or to the measure.

use axum::{
    extract::{Path, State},
    http::HeaderMap,
    response::{IntoResponse, Response},
};
use serde::Deserialize;
use tower_sessions::Session;

use super::{
    model::{Status, StatusInput, snapshot_status_in},
    read,
    store::{self, Conflict, Outcome},
};
use crate::{
    AppState,
    audit::Actor,
    auth::Editor,
    domain::{format_datetime, parse_date},
    error::{AppError, AppResult},
    i18n::{Lang, Msg},
    plan::progress::{KeptStatus, RowMessage, render_row_for},
    web::{FlashKind, Form, FormErrors, flash_redirect, form::trimmed},
};

#[derive(Clone, Debug, Deserialize)]
pub struct StatusForm {
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub status_date: String,
    #[serde(default)]
    pub comment: String,
    #[serde(default)]
    pub version: String,
    /// The progress plan's filter and page, to return to.
    #[serde(default)]
    pub filter: String,
    /// The strategy whose row the form was in (a shared measure has one row per strategy).
    #[serde(default)]
    pub strategy: Option<i64>,
    /// «measure» when posted from the measure's page, to return there.
    #[serde(default)]
    pub return_to: String,
}

impl StatusForm {
    /// The version the form was loaded at and the status change, or what is wrong with it.
    fn validate(&self) -> Result<(i32, StatusInput), FormErrors> {
        let mut errors = FormErrors::default();
        let status = Status::parse(self.status.trim());
        if status.is_none() {
            errors.add("status", Msg::new("measure-status-choose"));
        }
        let version = self.version.trim().parse::<i32>().ok();
        if version.is_none() {
            errors.add("version", Msg::new("measure-form-no-version"));
        }
        let date = trimmed(&self.status_date).and_then(|d| match parse_date(&d) {
            Ok(d) => Some(d),
            Err(msg) => {
                // The row shows every message in one line, so it says which field.
                errors.add("status_date", Msg::new("measure-status-date-prefix"));
                errors.add("status_date", msg);
                None
            }
        });
        let input = StatusInput {
            status: status.unwrap_or_default(),
            date,
            comment: trimmed(&self.comment),
        };
        if let Some((field, message)) = input.check() {
            errors.add(field, message);
        }
        match version {
            Some(v) if errors.is_empty() => Ok((v, input)),
            _ => Err(errors),
        }
    }

    /// Back to the same filter and page, at the row the form was in. The filter is the plan's
    /// own query string; one that is not (a line break, another path) is dropped.
    fn back(&self, plan_id: i64, id: i64) -> String {
        if self.return_to == "measure" {
            return format!("/measures/{id}");
        }
        let query = match self.filter.trim() {
            q if q.is_empty() || q.chars().any(|c| c.is_control() || c == '#' || c == '/') => {
                String::new()
            }
            q => format!("?{}", q.trim_start_matches('?')),
        };
        format!(
            "/plan/{plan_id}{query}#m-{id}-s{}",
            self.strategy.unwrap_or(0)
        )
    }
}

/// The outcome, its message already in the user's language (the row has room for one).
enum Saved {
    Yes,
    Invalid(String),
    Conflict(String),
}

pub(super) async fn update(
    Editor(user): Editor,
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    Path(id): Path<i64>,
    Form(form): Form<StatusForm>,
) -> AppResult<Response> {
    let m = user.municipality_id;
    let plan_id = read::plan_of(&state.db, m, id).await?;
    let saved = match form.validate() {
        // The row has room for one message: every problem, in one sentence each.
        Err(errors) => Saved::Invalid(
            errors
                .all()
                .iter()
                .map(|(_, m)| user.lang.msg(m))
                .collect::<Vec<_>>()
                .join(" "),
        ),
        Ok((version, input)) => {
            let mut tx = state.db.begin().await?;
            match store::set_status(&mut tx, Actor::from(&user), id, version, &input).await? {
                Outcome::Conflict(c) => Saved::Conflict(conflict_message(user.lang, &c, &input)),
                _ => {
                    tx.commit().await?;
                    Saved::Yes
                }
            }
        }
    };

    if headers.contains_key("hx-request") {
        let plan = state.plans.get(&state.db, m, plan_id).await?;
        let measure = plan
            .measures
            .iter()
            .find(|x| x.measure_id == id)
            .ok_or(AppError::NotFound)?;
        let kept = KeptStatus {
            status: form.status.clone(),
            comment: form.comment.clone(),
            date: form.status_date.clone(),
        };
        let (message, kept) = match saved {
            Saved::Yes => (
                RowMessage::success(user.lang.t1(
                    "measure-status-saved-row",
                    "status",
                    measure.status.with_date(user.lang, measure.status_date),
                )),
                None,
            ),
            Saved::Invalid(msg) => (RowMessage::danger(msg), Some(kept)),
            Saved::Conflict(msg) => (RowMessage::warning(msg), Some(kept)),
        };
        let html = render_row_for(
            &user,
            &plan,
            measure,
            form.strategy,
            &form.filter,
            Some(message),
            kept,
        )?;
        return Ok(axum::response::Html(html).into_response());
    }

    let back = form.back(plan_id, id);
    Ok(match saved {
        Saved::Yes => {
            flash_redirect(
                &session,
                FlashKind::Success,
                Msg::new("measure-status-saved"),
                &back,
            )
            .await
        }
        Saved::Invalid(msg) | Saved::Conflict(msg) => {
            // Already in the user's language: shown as it is.
            flash_redirect(&session, FlashKind::Danger, Msg::Text(msg), &back).await
        }
    })
}

/// Who changed the measure meanwhile, what it says now, and that the user's change is not saved.
fn conflict_message(lang: Lang, c: &Conflict, mine: &StatusInput) -> String {
    let now = &c.current;
    let yes_no = |b: bool| if b { "yes" } else { "no" };
    lang.tr(
        "measure-status-conflict",
        &[
            ("who", c.who_in(lang).into()),
            ("when", format_datetime(c.when).into()),
            ("now", snapshot_status_in(lang, &now.status).into()),
            (
                "now-has-comment",
                yes_no(!now.status_comment.is_empty()).into(),
            ),
            ("now-comment", now.status_comment.as_str().into()),
            ("mine", lang.t(mine.status.label_key()).into()),
            ("mine-has-comment", yes_no(mine.comment.is_some()).into()),
            (
                "mine-comment",
                mine.comment.clone().unwrap_or_default().into(),
            ),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(status: &str, date: &str, comment: &str) -> StatusForm {
        StatusForm {
            status: status.into(),
            status_date: date.into(),
            comment: comment.into(),
            version: "3".into(),
            filter: String::new(),
            strategy: Some(2),
            return_to: String::new(),
        }
    }

    #[test]
    fn done_without_a_date_stays_without_one_and_a_long_comment_is_refused() {
        let (v, s) = form("done", "", " ferdig ").validate().unwrap();
        assert_eq!(
            (v, s.status, s.date, s.comment.as_deref()),
            (3, Status::Done, None, Some("ferdig"))
        );
        let long = form("done", "", &"x".repeat(2001)).validate().unwrap_err();
        assert!(long.get("status_comment").unwrap().contains("2000"));
        assert!(form("done", "30.02.2014", "").validate().is_err());
    }

    #[test]
    fn the_way_back_keeps_the_filter_but_never_a_line_break_or_another_path() {
        let mut f = form("done", "", "");
        f.filter = "status=done&page=2".into();
        assert_eq!(f.back(1, 9), "/plan/1?status=done&page=2#m-9-s2");
        f.filter = "status=done\r\nSet-Cookie: x".into();
        assert_eq!(f.back(1, 9), "/plan/1#m-9-s2");
        f.filter = "//evil.example".into();
        assert_eq!(f.back(1, 9), "/plan/1#m-9-s2");
        f.return_to = "measure".into();
        assert_eq!(f.back(1, 9), "/measures/9");
    }
}
