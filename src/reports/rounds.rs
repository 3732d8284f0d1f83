//! A plan's reporting rounds (`/plan/{id}/reports`): the next round due, the archive of every
//! round newest first, who writes the reports; IKT staff set the team, add a round, move a
//! round's due date or cancel it.

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    extract::{Path, State},
    response::Response,
};
use chrono::NaiveDate;
use serde::Deserialize;
use tower_sessions::Session;

use super::{
    model::Standing,
    read::{self, Reporting, Round, Team},
    store::{self, Refused},
};
use crate::{
    AppState,
    audit::Actor,
    auth::Editor,
    domain::{format_date, parse_date, today},
    error::{AppError, AppResult},
    i18n::{Msg, k},
    plan::read::{PlanHead, load_head},
    web::{Ctx, FlashKind, Form, FormErrors, flash_redirect},
};

#[derive(Template, WebTemplate)]
#[template(path = "reports/rounds.html")]
pub struct RoundsPage {
    pub ctx: Ctx,
    pub plan: PlanHead,
    pub rounds: Vec<(Round, Standing)>,
    pub reporting: Reporting,
    pub team: Team,
    pub people: Vec<(i64, String)>,
    pub can_edit: bool,
    pub can_write: bool,
    pub errors: FormErrors,
    /// The add-round form's input, kept when refused.
    pub new_due: String,
}

pub(super) async fn page(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(plan_id): Path<i64>,
) -> AppResult<RoundsPage> {
    render(ctx, &state, plan_id, FormErrors::default(), String::new()).await
}

async fn render(
    ctx: Ctx,
    state: &AppState,
    plan_id: i64,
    errors: FormErrors,
    new_due: String,
) -> AppResult<RoundsPage> {
    let m = ctx.user.municipality_id;
    let plan = load_head(&state.db, m, plan_id).await?;
    let today = today();
    let rounds = read::rounds_of_plan(&state.db, m, plan_id, today).await?;
    let team = read::team(&state.db, m, plan_id).await?;
    Ok(RoundsPage {
        reporting: Reporting::of(&rounds, plan.id, &plan.name, today),
        rounds: rounds
            .into_iter()
            .map(|r| {
                let s = r.standing(today);
                (r, s)
            })
            .collect(),
        people: crate::org::read::person_names(&state.db, m).await?,
        can_edit: ctx.user.can_edit_plan(),
        can_write: team.may_write(&ctx.user),
        team,
        plan,
        errors,
        new_due,
        ctx,
    })
}

#[derive(Deserialize)]
pub struct TeamForm {
    #[serde(default)]
    responsible: String,
    #[serde(default)]
    helpers: Vec<i64>,
    #[serde(default)]
    version: String,
}

pub(super) async fn set_team(
    Editor(user): Editor,
    State(state): State<AppState>,
    session: Session,
    Path(plan_id): Path<i64>,
    Form(form): Form<TeamForm>,
) -> AppResult<Response> {
    let m = user.municipality_id;
    load_head(&state.db, m, plan_id).await?;
    let back = format!("/plan/{plan_id}/reports#team");
    let Ok(version) = form.version.trim().parse::<i32>() else {
        return Err(AppError::BadRequest(Msg::new("report-form-no-version")));
    };
    let responsible = form.responsible.trim().parse::<i64>().ok();
    let mut tx = state.db.begin().await?;
    let saved = store::set_team(
        &mut tx,
        Actor::from(&user),
        plan_id,
        version,
        responsible,
        &form.helpers,
    )
    .await?;
    Ok(match saved {
        Ok(()) => {
            tx.commit().await?;
            flash_redirect(
                &session,
                FlashKind::Success,
                Msg::new("report-team-saved"),
                &back,
            )
            .await
        }
        Err(_) => {
            flash_redirect(
                &session,
                FlashKind::Danger,
                Msg::new("report-team-stale"),
                &back,
            )
            .await
        }
    })
}

#[derive(Deserialize)]
pub struct NewRoundForm {
    #[serde(default)]
    due: String,
}

impl NewRoundForm {
    fn validate(&self) -> Result<NaiveDate, FormErrors> {
        let mut errors = FormErrors::default();
        let due = match parse_date(self.due.trim()) {
            Ok(d) => Some(d),
            Err(msg) => {
                errors.add("due", msg);
                None
            }
        };
        match due {
            Some(d) if errors.is_empty() => Ok(d),
            _ => {
                if errors.is_empty() {
                    errors.add("due", Msg::new("report-due-required"));
                }
                Err(errors)
            }
        }
    }
}

pub(super) async fn add_round(
    Editor(user): Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path(plan_id): Path<i64>,
    Form(form): Form<NewRoundForm>,
) -> AppResult<Response> {
    use axum::response::IntoResponse;
    let m = user.municipality_id;
    load_head(&state.db, m, plan_id).await?;
    let due = match form.validate() {
        Ok(d) => d,
        Err(errors) => {
            return Ok(render(ctx, &state, plan_id, errors, form.due.clone())
                .await?
                .into_response());
        }
    };
    let mut tx = state.db.begin().await?;
    match store::add_round(&mut tx, Actor::from(&user), plan_id, due).await? {
        Ok(_) => {
            tx.commit().await?;
            Ok(flash_redirect(
                &session,
                FlashKind::Success,
                Msg::with("report-round-added", [("date", format_date(due).into())]),
                &format!("/plan/{plan_id}/reports"),
            )
            .await)
        }
        Err(_) => {
            let mut errors = FormErrors::default();
            errors.add("due", Msg::new("report-due-taken"));
            Ok(render(ctx, &state, plan_id, errors, form.due.clone())
                .await?
                .into_response())
        }
    }
}

#[derive(Deserialize)]
pub struct ScheduleForm {
    #[serde(default)]
    due: String,
    #[serde(default)]
    version: String,
    /// «cancel», «reinstate» or «move».
    #[serde(default)]
    action: String,
}

/// Moves a round's due date, cancels it, or takes a cancelled round back.
pub(super) async fn schedule(
    Editor(user): Editor,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    Form(form): Form<ScheduleForm>,
) -> AppResult<Response> {
    let m = user.municipality_id;
    let round = read::round(&state.db, m, id, today()).await?;
    let back = format!("/plan/{}/reports#round-{id}", round.plan_id);
    let Ok(version) = form.version.trim().parse::<i32>() else {
        return Err(AppError::BadRequest(Msg::new("report-form-no-version")));
    };
    let (due, cancelled) = match form.action.as_str() {
        "cancel" => (round.due, true),
        "reinstate" => (round.due, false),
        _ => match parse_date(form.due.trim()) {
            Ok(d) => (d, round.cancelled),
            Err(msg) => {
                return Ok(flash_redirect(&session, FlashKind::Danger, msg, &back).await);
            }
        },
    };
    let mut tx = state.db.begin().await?;
    let result =
        store::reschedule(&mut tx, Actor::from(&user), id, version, due, cancelled).await?;
    let (kind, msg) = match result {
        Ok(()) => {
            tx.commit().await?;
            let key = match form.action.as_str() {
                "cancel" => k("report-round-cancelled"),
                "reinstate" => k("report-round-reinstated"),
                _ => k("report-round-moved"),
            };
            (
                FlashKind::Success,
                Msg::with(key, [("date", format_date(due).into())]),
            )
        }
        Err(Refused::DateTaken) => (FlashKind::Danger, Msg::new("report-due-taken")),
        Err(Refused::Closed) => (FlashKind::Danger, Msg::new("report-already-submitted")),
        Err(Refused::Stale { .. }) => (FlashKind::Danger, Msg::new("report-round-stale")),
    };
    Ok(flash_redirect(&session, kind, msg, &back).await)
}
