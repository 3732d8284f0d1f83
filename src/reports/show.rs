//! A report (`/reports/{id}`): its head (plan, round, dates, who), the summary, the comments on
//! the priority measures, what changed since the previous round, each measure's status across
//! the plan's rounds, and the table; the rådmann takes it «til orientering» here. Prints as an
//! A4 document.

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    extract::{Path, State},
    response::{IntoResponse, Response},
};
use serde::Deserialize;
use tower_sessions::Session;

use super::{
    changes::{Changes, compare},
    model::{ACK_CHARS, Standing},
    read::{self, Document, Line, Round, Team},
    store::{self, Refused},
};
use crate::{
    AppState,
    audit::{self, Actor, Entry, Table},
    auth::Leder,
    domain::{format_date, format_datetime, today},
    error::AppResult,
    i18n::{Lang, Msg},
    measures::model::Status,
    web::{Ctx, FlashKind, Form, FormErrors, flash_redirect, form::trimmed},
};

/// One measure's statuses across the plan's rounds.
pub struct TrailRow {
    pub measure_id: i64,
    pub title: String,
    pub statuses: Vec<Option<Status>>,
}

#[derive(Template, WebTemplate)]
#[template(path = "reports/show.html")]
pub struct ShowPage {
    pub ctx: Ctx,
    pub round: Round,
    pub name: String,
    pub standing: Standing,
    pub doc: Document,
    pub changes: Changes,
    pub previous: Option<Round>,
    /// The rounds of the trail's columns (names); the last is this one.
    pub trail_rounds: Vec<String>,
    pub trail: Vec<TrailRow>,
    pub team: Team,
    pub can_write: bool,
    pub can_acknowledge: bool,
    pub entries: Vec<Entry>,
    pub errors: FormErrors,
    pub ack_comment: String,
    pub municipality: String,
    pub today_text: String,
}

impl ShowPage {
    pub fn when(&self, t: &Option<chrono::DateTime<chrono::Utc>>) -> String {
        t.map(format_datetime).unwrap_or_default()
    }

    pub fn status_label(&self, s: &Option<Status>) -> String {
        s.map(|s| self.ctx.t(s.label_key())).unwrap_or_default()
    }

    pub fn line_status(&self, l: &Line) -> String {
        l.status.with_date(self.ctx.lang, l.status_date)
    }
}

/// Everything the report page (and the XLSX) shows, loaded once.
pub struct Loaded {
    pub round: Round,
    pub doc: Document,
    pub changes: Changes,
    pub previous: Option<Round>,
    pub trail_rounds: Vec<String>,
    pub trail: Vec<TrailRow>,
    pub team: Team,
}

pub async fn load(state: &AppState, m: i64, id: i64, lang: Lang) -> AppResult<Loaded> {
    let today = today();
    let round = read::round(&state.db, m, id, today).await?;
    let team = read::team(&state.db, m, round.plan_id).await?;
    let doc = if round.state.is_submitted() {
        read::frozen(&state.db, m, &round).await?
    } else {
        let plan = state.plans.get(&state.db, m, round.plan_id).await?;
        let draft = read::draft_entries(&state.db, m, round.id).await?;
        read::live(&plan, &team, &draft)
    };
    let previous = read::previous_submitted(&state.db, m, &round).await?;
    let previous_doc = match &previous {
        Some(p) => Some(read::frozen(&state.db, m, p).await?),
        None => None,
    };
    let changes = compare(
        previous_doc.as_ref().map(|d| d.lines.as_slice()),
        &doc.lines,
        doc.span.start_year,
        |y, p| doc.span.period_name(y, p),
        round.due,
    );
    // The trail: every submitted round up to this one, then this one (if not yet submitted, as
    // its draft says).
    let all = read::trail(&state.db, m, round.plan_id, lang).await?;
    let columns: Vec<usize> = all
        .rounds
        .iter()
        .enumerate()
        .filter(|(_, r)| r.due < round.due || r.id == round.id)
        .map(|(i, _)| i)
        .collect();
    let draft = !round.state.is_submitted();
    let mut trail_rounds: Vec<String> = columns
        .iter()
        .map(|&i| all.rounds[i].name.clone())
        .collect();
    if draft {
        trail_rounds.push(lang.t1("report-trail-this-draft", "round", round.name(&lang)));
    }
    let trail = doc
        .lines
        .iter()
        .map(|l| {
            let known = all.of(&l.measure_id);
            let mut statuses: Vec<Option<Status>> = columns.iter().map(|&i| known[i]).collect();
            if draft {
                statuses.push(Some(l.status));
            }
            TrailRow {
                measure_id: l.measure_id,
                title: l.title.clone(),
                statuses,
            }
        })
        .collect();
    Ok(Loaded {
        round,
        doc,
        changes,
        previous,
        trail_rounds,
        trail,
        team,
    })
}

pub(super) async fn page(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<ShowPage> {
    render(ctx, &state, id, FormErrors::default(), String::new()).await
}

async fn render(
    ctx: Ctx,
    state: &AppState,
    id: i64,
    errors: FormErrors,
    ack_comment: String,
) -> AppResult<ShowPage> {
    let m = ctx.user.municipality_id;
    let l = load(state, m, id, ctx.lang).await?;
    let today = today();
    Ok(ShowPage {
        name: l.round.name(&ctx.lang),
        standing: l.round.standing(today),
        can_write: l.team.may_write(&ctx.user)
            && !l.round.state.is_submitted()
            && !l.round.cancelled,
        can_acknowledge: ctx.user.has(crate::auth::Role::Leder)
            && l.round.state == super::model::RoundState::Submitted,
        entries: audit::history(&state.db, m, Table::ReportRound, id, ctx.lang).await?,
        municipality: ctx.user.municipality_name.clone(),
        today_text: format_date(today),
        round: l.round,
        doc: l.doc,
        changes: l.changes,
        previous: l.previous,
        trail_rounds: l.trail_rounds,
        trail: l.trail,
        team: l.team,
        errors,
        ack_comment,
        ctx,
    })
}

#[derive(Deserialize)]
pub struct AckForm {
    #[serde(default)]
    comment: String,
}

impl AckForm {
    fn validate(&self) -> Result<Option<String>, FormErrors> {
        let mut errors = FormErrors::default();
        let comment = trimmed(&self.comment);
        if comment
            .as_deref()
            .is_some_and(|c| c.chars().count() > ACK_CHARS)
        {
            errors.add(
                "comment",
                Msg::with("report-ack-too-long", [("max", ACK_CHARS.into())]),
            );
        }
        errors.finish(comment)
    }
}

/// The rådmann takes the report «til orientering».
pub(super) async fn acknowledge(
    Leder(user): Leder,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    Form(form): Form<AckForm>,
) -> AppResult<Response> {
    let m = user.municipality_id;
    read::round(&state.db, m, id, today()).await?;
    let comment = match form.validate() {
        Ok(c) => c,
        Err(errors) => {
            return Ok(render(ctx, &state, id, errors, form.comment.clone())
                .await?
                .into_response());
        }
    };
    let mut tx = state.db.begin().await?;
    let back = format!("/reports/{id}");
    Ok(
        match store::acknowledge(&mut tx, Actor::from(&user), id, comment.as_deref()).await? {
            Ok(()) => {
                tx.commit().await?;
                flash_redirect(
                    &session,
                    FlashKind::Success,
                    Msg::new("report-acknowledged"),
                    &back,
                )
                .await
            }
            Err(Refused::Closed | Refused::Stale { .. } | Refused::DateTaken) => {
                flash_redirect(
                    &session,
                    FlashKind::Danger,
                    Msg::new("report-ack-not-submitted"),
                    &back,
                )
                .await
            }
        },
    )
}
