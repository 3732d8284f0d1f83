//! A system's page (`/systems/{id}`): everything it is, whom to call, its administration
//! meetings, the measures that concern it and its history; a superuser or the system
//! administrator confirms «opplysningene er riktige» here, and superusers and IKT staff record
//! an administration meeting.

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    extract::{Path, State},
    response::{IntoResponse, Response},
};
use chrono::NaiveDate;
use tower_sessions::Session;

use super::{
    model::{MEETING_TOPICS, MeetingInput, TOPIC_CHARS},
    read::{self, System},
    store,
};
use crate::{
    AppState,
    audit::{self, Actor, Entry, Table},
    auth::Editor,
    domain::{format_date, parse_date, today},
    error::AppResult,
    i18n::Msg,
    web::{Ctx, FlashKind, FormErrors, FormPairs, flash_redirect, form::trimmed},
};

#[derive(Template, WebTemplate)]
#[template(path = "systems/show.html")]
pub struct ShowPage {
    pub ctx: Ctx,
    pub s: System,
    pub today: NaiveDate,
    pub can_edit: bool,
    pub is_superuser: bool,
    pub may_confirm: bool,
    pub may_meet: bool,
    pub entries: Vec<Entry>,
    pub topics: [(&'static str, &'static str); 7],
    /// The meeting form's input and errors, when it came back refused.
    pub meeting: FormPairs,
    pub errors: FormErrors,
    pub today_iso: String,
}

impl ShowPage {
    pub fn tri(&self, b: &Option<bool>) -> String {
        match b {
            Some(true) => self.ctx.t("system-yes"),
            Some(false) => self.ctx.t("system-no"),
            None => String::new(),
        }
    }

    pub fn m(&self, field: &str) -> &str {
        self.meeting.first(field)
    }
}

async fn render(
    ctx: Ctx,
    state: &AppState,
    id: i64,
    meeting: FormPairs,
    errors: FormErrors,
) -> AppResult<ShowPage> {
    let m = ctx.user.municipality_id;
    let s = read::system(&state.db, m, id).await?;
    let is_superuser = s.is_superuser(&ctx.user);
    let can_edit = ctx.user.can_edit_plan();
    Ok(ShowPage {
        may_confirm: s.may_confirm(&ctx.user),
        may_meet: can_edit || is_superuser,
        entries: audit::history(&state.db, m, Table::System, id, ctx.lang).await?,
        today: today(),
        today_iso: today().format("%Y-%m-%d").to_string(),
        topics: MEETING_TOPICS,
        can_edit,
        is_superuser,
        s,
        meeting,
        errors,
        ctx,
    })
}

pub(super) async fn page(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<ShowPage> {
    render(
        ctx,
        &state,
        id,
        FormPairs(Vec::new()),
        FormErrors::default(),
    )
    .await
}

pub(super) async fn confirm(
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let user = &ctx.user;
    let s = read::system(&state.db, user.municipality_id, id).await?;
    user.require_that(
        s.may_confirm(user),
        crate::auth::RoleSet::EMPTY.with(crate::auth::Role::Superbruker),
    )?;
    let mut tx = state.db.begin().await?;
    store::confirm(&mut tx, Actor::from(user), id).await?;
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        Msg::with("system-confirmed", [("date", format_date(today()).into())]),
        &format!("/systems/{id}"),
    )
    .await)
}

fn read_meeting(pairs: &FormPairs) -> Result<(NaiveDate, MeetingInput), FormErrors> {
    let mut errors = FormErrors::default();
    let held_on = match trimmed(pairs.first("held_on")) {
        None => {
            errors.add("held_on", Msg::new("system-meeting-date-required"));
            None
        }
        Some(d) => match parse_date(&d) {
            Ok(d) => Some(d),
            Err(m) => {
                errors.add("held_on", m);
                None
            }
        },
    };
    let topics = MEETING_TOPICS.map(|(field, _)| (field, trimmed(pairs.first(field))));
    for (field, note) in &topics {
        if note
            .as_deref()
            .is_some_and(|n| n.chars().count() > TOPIC_CHARS)
        {
            errors.add(
                field,
                Msg::with("system-too-long", [("max", TOPIC_CHARS.into())]),
            );
        }
    }
    let attendees = trimmed(pairs.first("attendees"));
    if attendees
        .as_deref()
        .is_some_and(|a| a.chars().count() > 1000)
    {
        errors.add(
            "attendees",
            Msg::with("system-too-long", [("max", 1000.into())]),
        );
    }
    match held_on {
        Some(d) if errors.is_empty() => Ok((
            d,
            MeetingInput {
                held_on: Some(d),
                attendees,
                topics,
            },
        )),
        _ => Err(errors),
    }
}

/// Records an administration meeting: IKT staff and the system's superusers.
pub(super) async fn add_meeting(
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    pairs: FormPairs,
) -> AppResult<Response> {
    let user = ctx.user.clone();
    let s = read::system(&state.db, user.municipality_id, id).await?;
    user.require_that(user.can_edit_plan() || s.is_superuser(&user), Editor::ROLES)?;
    let (held_on, input) = match read_meeting(&pairs) {
        Ok(x) => x,
        Err(errors) => {
            return Ok(render(ctx, &state, id, pairs, errors)
                .await?
                .into_response());
        }
    };
    let mut tx = state.db.begin().await?;
    let meeting = store::add_meeting(&mut tx, Actor::from(&user), id, held_on, &input).await?;
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        Msg::with(
            "system-meeting-saved",
            [("date", format_date(held_on).into())],
        ),
        &format!("/systems/{id}#meeting-{meeting}"),
    )
    .await)
}
