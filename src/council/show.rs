//! A request's page (`/acquisitions/{id}`): what it asks, its answers to the principles, where
//! it stands on the decision matrix's path and how it got there (from the audit), and the step
//! the reader may take: the secretariat's triage (IKT staff), RLT's decision (`leder`), and the
//! link of an approved request to a new measure.

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    extract::{Path, State},
    response::{IntoResponse, Response},
};
use chrono::Datelike;
use serde::Deserialize;
use tower_sessions::Session;

use super::{
    model::{Decision, DecisionForm, Financing, State as ReqState, TriageForm},
    read::{self, Detail, Step},
    store::{self, Moved},
};
use crate::{
    AppState,
    audit::Actor,
    auth::{CurrentUser, Editor, Leder},
    domain::{Nok, today},
    error::{AppError, AppResult},
    i18n::Msg,
    web::{Ctx, FlashKind, Form, FormErrors, flash_redirect},
};

/// The decision matrix's path as the requester sees it.
const STAGES: [&str; 5] = [
    "council-stage-registered",
    "council-stage-secretariat",
    "council-stage-council",
    "council-stage-rlt",
    "council-stage-decided",
];

#[derive(Template, WebTemplate)]
#[template(path = "acquisitions/show.html")]
pub(super) struct ShowPage {
    ctx: Ctx,
    d: Detail,
    steps: Vec<Step>,
    stages: [&'static str; 5],
    can_edit: bool,
    can_triage: bool,
    can_decide: bool,
    /// The plans an approved request without a measure can be linked into.
    link_plans: Vec<(i64, String)>,
    meetings: Vec<(i64, String)>,
    threshold: Option<Nok>,
    t: TriageForm,
    errors: FormErrors,
}

impl ShowPage {
    fn stage_state(&self, i: &usize) -> &'static str {
        let at = self.d.state.stage();
        if *i < at || at == 4 {
            "done"
        } else if *i == at {
            "current"
        } else {
            "todo"
        }
    }
    fn meeting_picked(&self, id: &i64) -> bool {
        self.t.meeting.trim() == id.to_string()
    }
    fn action_picked(&self, a: &str) -> bool {
        self.t.action.trim() == a
    }
}

async fn page(
    state: &AppState,
    ctx: Ctx,
    id: i64,
    t: TriageForm,
    errors: FormErrors,
) -> AppResult<ShowPage> {
    let m = ctx.user.municipality_id;
    let d = read::detail(&state.db, m, id).await?;
    let editor = ctx.user.can_edit_plan();
    let can_triage = editor
        && (d.state.next(super::model::Step::Agenda).is_some()
            || d.state.next(super::model::Step::SendBack).is_some());
    let can_decide = ctx.user.has(crate::auth::Role::Leder)
        && d.state
            .next(super::model::Step::Decide(Decision::Approved))
            .is_some();
    let link_plans = if d.state == ReqState::Approved
        && d.measure_id.is_none()
        && ctx.user.can(Editor::ROLES | Leder::ROLES)
    {
        crate::risks::read::plans(&state.db, m, today().year()).await?
    } else {
        Vec::new()
    };
    let t = TriageForm {
        version: d.version.to_string(),
        ..t
    };
    Ok(ShowPage {
        steps: read::timeline(&state.db, m, id).await?,
        meetings: if can_triage {
            read::open_meetings(&state.db, m).await?
        } else {
            Vec::new()
        },
        threshold: read::threshold(&state.db, m).await?.map(Nok),
        can_edit: d.can_edit(&ctx.user),
        can_triage,
        can_decide,
        link_plans,
        stages: STAGES,
        d,
        t,
        errors,
        ctx,
    })
}

pub(super) async fn show(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<ShowPage> {
    page(
        &state,
        ctx,
        id,
        TriageForm::default(),
        FormErrors::default(),
    )
    .await
}

/// A refused step, said as a flash on the request's page.
async fn refused(session: &Session, moved: Moved, id: i64) -> AppResult<Response> {
    let msg = moved.refusal()?;
    Ok(flash_redirect(
        session,
        FlashKind::Danger,
        msg,
        &format!("/acquisitions/{id}"),
    )
    .await)
}

pub(super) async fn triage(
    Editor(user): Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    Form(t): Form<TriageForm>,
) -> AppResult<Response> {
    let m = user.municipality_id;
    let d = read::detail(&state.db, m, id).await?;
    let meetings = read::open_meetings(&state.db, m).await?;
    let threshold = read::threshold(&state.db, m).await?;
    let (triage, comment) = match t.validate(threshold, d.investment, &meetings) {
        Ok(v) => v,
        Err(errors) => return Ok(page(&state, ctx, id, t, errors).await?.into_response()),
    };
    let based_on = t.version.trim().parse().ok();
    let mut tx = state.db.begin().await?;
    let moved = store::triage(
        &mut tx,
        Actor::from(&user),
        id,
        based_on,
        triage,
        comment.as_deref(),
    )
    .await?;
    if moved != Moved::Done {
        return refused(&session, moved, id).await;
    }
    tx.commit().await?;
    let done = match triage {
        super::model::Triage::SendBack => "council-sent-back",
        super::model::Triage::Clear => "council-cleared",
        super::model::Triage::Agenda(_) => "council-put-on-agenda",
    };
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        Msg::new(done),
        &format!("/acquisitions/{id}"),
    )
    .await)
}

#[derive(Template, WebTemplate)]
#[template(path = "acquisitions/decision.html")]
pub(super) struct DecisionPage {
    ctx: Ctx,
    d: Detail,
    f: DecisionForm,
    plans: Vec<(i64, String)>,
    errors: FormErrors,
    decisions: &'static [Decision],
    financings: &'static [Financing],
}

impl DecisionPage {
    fn plan_picked(&self, id: &i64) -> bool {
        self.f.plan.trim() == id.to_string()
    }
    fn recommendation(&self) -> Option<&read::AgendaEntry> {
        self.d.agendas.iter().find(|a| a.recommended.is_some())
    }
}

async fn decidable(state: &AppState, user: &CurrentUser, id: i64) -> AppResult<Detail> {
    let d = read::detail(&state.db, user.municipality_id, id).await?;
    if d.state
        .next(super::model::Step::Decide(Decision::Approved))
        .is_none()
    {
        return Err(AppError::BadRequest(Msg::with(
            "council-not-now",
            [("state", Msg::new(d.state.label_key()).into())],
        )));
    }
    Ok(d)
}

pub(super) async fn decision_form(
    Leder(user): Leder,
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<DecisionPage> {
    let d = decidable(&state, &user, id).await?;
    let plans = crate::risks::read::plans(&state.db, user.municipality_id, today().year()).await?;
    let f = DecisionForm {
        financing: d.financing.map(|f| f.code().into()).unwrap_or_default(),
        amount: d.investment.map(|a| Nok(a).plain()).unwrap_or_default(),
        priority: d
            .agendas
            .iter()
            .find_map(|a| a.priority)
            .map(|p| p.to_string())
            .unwrap_or_default(),
        decided_on: today().format("%Y-%m-%d").to_string(),
        plan: if d.measure_id.is_none() {
            plans
                .first()
                .map(|(id, _)| id.to_string())
                .unwrap_or_default()
        } else {
            String::new()
        },
        version: d.version.to_string(),
        ..Default::default()
    };
    Ok(DecisionPage {
        ctx,
        d,
        f,
        plans,
        errors: FormErrors::default(),
        decisions: Decision::ALL,
        financings: Financing::ALL,
    })
}

pub(super) async fn decide(
    Leder(user): Leder,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    Form(f): Form<DecisionForm>,
) -> AppResult<Response> {
    let d = decidable(&state, &user, id).await?;
    let plans = crate::risks::read::plans(&state.db, user.municipality_id, today().year()).await?;
    let input = match f.validate(&plans, today()) {
        Ok(i) => i,
        Err(errors) => {
            return Ok(DecisionPage {
                ctx,
                d,
                f,
                plans,
                errors,
                decisions: Decision::ALL,
                financings: Financing::ALL,
            }
            .into_response());
        }
    };
    let based_on = f.version.trim().parse().ok();
    let mut tx = state.db.begin().await?;
    let (moved, made) = store::decide(&mut tx, Actor::from(&user), id, based_on, &input).await?;
    if moved != Moved::Done {
        return refused(&session, moved, id).await;
    }
    tx.commit().await?;
    let msg = match (input.decision, made) {
        (Decision::Approved, Some(_)) => Msg::new("council-approved-with-measure"),
        (Decision::Approved, None) => Msg::new("council-approved"),
        (Decision::Rejected, _) => Msg::new("council-rejected"),
        (Decision::Postponed, _) => Msg::new("council-postponed"),
    };
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        msg,
        &format!("/acquisitions/{id}"),
    )
    .await)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct LinkForm {
    plan: String,
}

/// Links an approved request that has no measure to a new one in a plan chosen now (the
/// approval may have come before the municipality had a plan).
pub(super) async fn link_measure(
    user: CurrentUser,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    Form(f): Form<LinkForm>,
) -> AppResult<Response> {
    user.require(Editor::ROLES | Leder::ROLES)?;
    let m = user.municipality_id;
    read::detail(&state.db, m, id).await?;
    let Ok(plan) = f.plan.trim().parse::<i64>() else {
        return Ok(flash_redirect(
            &session,
            FlashKind::Danger,
            Msg::new("council-choose-plan"),
            &format!("/acquisitions/{id}"),
        )
        .await);
    };
    let mut tx = state.db.begin().await?;
    let made = store::link_later(&mut tx, Actor::from(&user), id, plan).await?;
    let Some(measure) = made else {
        return Ok(flash_redirect(
            &session,
            FlashKind::Danger,
            Msg::new("council-cannot-link"),
            &format!("/acquisitions/{id}"),
        )
        .await);
    };
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        Msg::new("council-linked"),
        &format!("/measures/{measure}"),
    )
    .await)
}
