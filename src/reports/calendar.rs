//! The calendar feed: `GET /calendar/{token}.ics`, an iCalendar file of every round of the
//! token owner's municipality that is not cancelled, each an all-day event on its due date, so
//! the rounds show up in Outlook. No login: the token is the secret (made on «Min profil»,
//! renewed there when it may have leaked); an unknown token is a 404 like any missing page.

use axum::{
    extract::{Path, State},
    http::{HeaderMap, HeaderValue, header},
    response::{IntoResponse, Response},
};
use chrono::{Duration, NaiveDate};
use icalendar::{Calendar, Component, Event, EventLike};

use super::model::RoundState;
use crate::{
    AppState,
    domain::format_date,
    error::{AppError, AppResult},
    i18n::{Arg, Lang},
};

/// The shortest and longest token a feed URL can carry (the column's check says at least 32).
const TOKEN_CHARS: std::ops::RangeInclusive<usize> = 32..=128;

/// Where the app is reached, for links in the feed and the feed's own address on «Min profil»:
/// `PUBLIC_URL`, else the request's `Host` on the scheme served (https with `Secure` cookies).
pub fn base_url(state: &AppState, headers: &HeaderMap) -> String {
    if let Some(u) = &state.public_url {
        return u.trim_end_matches('/').to_string();
    }
    let scheme = if state.cookie_secure { "https" } else { "http" };
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .and_then(|h| url::Url::parse(&format!("{scheme}://{h}")).ok())
        .and_then(|u| {
            let host = u.host_str()?.to_string();
            Some(match u.port() {
                Some(p) => format!("{host}:{p}"),
                None => host,
            })
        })
        .unwrap_or_else(|| "localhost".into());
    format!("{scheme}://{host}")
}

/// The feed's address for a token.
pub fn feed_url(base_url: &str, token: &str) -> String {
    format!("{base_url}/calendar/{token}.ics")
}

/// The token in `<token>.ics`, if it can be one.
fn token_of(file: &str) -> Option<&str> {
    let token = file.strip_suffix(".ics")?;
    (TOKEN_CHARS.contains(&token.len())
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
    .then_some(token)
}

struct FeedRound {
    report_round_id: i64,
    due_date: NaiveDate,
    covers_year: i32,
    state: String,
    plan: String,
}

pub(super) async fn feed(
    State(state): State<AppState>,
    Path(file): Path<String>,
    headers: HeaderMap,
) -> AppResult<Response> {
    let token = token_of(&file).ok_or(AppError::NotFound)?;
    let owner = sqlx::query!(
        r#"
        select u.municipality_id, u.language, m.malform, m.name as municipality
        from app_user u join municipality m using (municipality_id)
        where u.calendar_token = $1 and u.active
        "#,
        token
    )
    .fetch_optional(&state.db)
    .await?
    .ok_or(AppError::NotFound)?;
    let lang = Lang::resolve(owner.language.as_deref(), &owner.malform);
    let rounds = sqlx::query_as!(
        FeedRound,
        r#"
        select r.report_round_id, r.due_date as "due_date: NaiveDate", r.covers_year, r.state,
               coalesce(r.frozen_plan_name, p.name) as "plan!"
        from report_round r
        join action_plan p on p.action_plan_id = r.action_plan_id and p.municipality_id = r.municipality_id
        where r.municipality_id = $1 and not r.cancelled
        order by r.due_date, r.report_round_id
        "#,
        owner.municipality_id
    )
    .fetch_all(&state.db)
    .await?;
    let body = render(
        &rounds,
        &owner.municipality,
        lang,
        &base_url(&state, &headers),
    );
    Ok((
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/calendar; charset=utf-8"),
        )],
        body,
    )
        .into_response())
}

fn render(rounds: &[FeedRound], municipality: &str, lang: Lang, base_url: &str) -> String {
    let mut calendar = Calendar::new();
    calendar.name(&lang.t1("calendar-name", "municipality", municipality));
    for r in rounds {
        let url = format!("{base_url}/reports/{}", r.report_round_id);
        let state = super::read::state_key(RoundState::parse(&r.state).unwrap_or_default());
        let description = lang.tr(
            "calendar-description",
            &[
                ("year", Arg::Int(r.covers_year.into())),
                ("due", format_date(r.due_date).into()),
                ("state", lang.t(state).into()),
                ("url", url.as_str().into()),
            ],
        );
        calendar.push(
            Event::new()
                .uid(&format!("report-round-{}@ikt-styring", r.report_round_id))
                .summary(&lang.t1("calendar-summary", "plan", r.plan.as_str()))
                .description(&description)
                .url(&url)
                // An all-day event ends (exclusively) the day after.
                .starts(r.due_date)
                .ends(r.due_date + Duration::days(1))
                .done(),
        );
    }
    calendar.done().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_long_url_safe_token_with_ics_after_it_is_looked_up() {
        let good = "a".repeat(43);
        assert_eq!(token_of(&format!("{good}.ics")), Some(good.as_str()));
        assert_eq!(token_of(&good), None);
        assert_eq!(token_of("short.ics"), None);
        assert_eq!(token_of(&format!("{}%27.ics", "a".repeat(40))), None);
        assert_eq!(token_of(&format!("{}.ics", "a".repeat(129))), None);
    }

    #[test]
    fn each_round_is_an_all_day_event_with_a_stable_uid_and_a_link() {
        let rounds = [FeedRound {
            report_round_id: 5,
            due_date: NaiveDate::from_ymd_opt(2015, 1, 15).unwrap(),
            covers_year: 2014,
            state: "draft".into(),
            plan: "IKT-handlingsplan 2014–2016".into(),
        }];
        let ics = render(&rounds, "Ringebu kommune", Lang::Nb, "https://ikt.example");
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics}");
        assert!(ics.contains("UID:report-round-5@ikt-styring\r\n"), "{ics}");
        assert!(ics.contains("DTSTART;VALUE=DATE:20150115\r\n"), "{ics}");
        assert!(ics.contains("DTEND;VALUE=DATE:20150116\r\n"), "{ics}");
        assert!(
            ics.contains("URL:https://ikt.example/reports/5\r\n"),
            "{ics}"
        );
        assert!(ics.contains("2014"), "{ics}");
    }
}
