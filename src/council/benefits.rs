//! Benefits realisation (gevinstrealisering): an approved request's benefits
//! (`/acquisitions/{id}/benefits`), each with its kind, indicator, baseline, target, target date
//! and responsible, and follow-ups with dated measured values; and the realisation page across
//! every approved acquisition (`/benefits`: planned against achieved, follow-ups overdue).
//! IKT staff and the request's requester keep a request's benefits; the person responsible for
//! a benefit may also record its follow-ups.

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    extract::{Path, Query, State},
    response::{IntoResponse, Response},
};
use chrono::NaiveDate;
use tower_sessions::Session;

use super::{
    model::{BenefitForm, BenefitKind, FollowupForm, State as ReqState},
    read::{self, Benefit, BenefitFilter, Detail},
    store,
};
use crate::{
    AppState,
    audit::Actor,
    auth::{CurrentUser, Editor},
    domain::today,
    error::{AppError, AppResult},
    i18n::Msg,
    web::{Ctx, FlashKind, Form, FormErrors, flash_redirect},
};

#[derive(Template, WebTemplate)]
#[template(path = "acquisitions/benefits.html")]
pub(super) struct BenefitsPage {
    ctx: Ctx,
    d: Detail,
    benefits: Vec<Benefit>,
    can_keep: bool,
    people: Vec<(i64, String)>,
    kinds: &'static [BenefitKind],
    f: BenefitForm,
    errors: FormErrors,
    /// A refused follow-up: the benefit, its input and messages.
    failed: Option<(i64, FollowupForm, FormErrors)>,
    today: NaiveDate,
}

impl BenefitsPage {
    fn picked(&self, id: &i64) -> bool {
        self.f.responsible.trim() == id.to_string()
    }
    fn can_follow_up(&self, b: &Benefit) -> bool {
        self.can_keep || (b.responsible_id.is_some() && b.responsible_id == self.ctx.user.person_id)
    }
    fn followup(&self, b: &i64) -> Option<&(i64, FollowupForm, FormErrors)> {
        self.failed.as_ref().filter(|(id, _, _)| id == b)
    }
    fn followup_value(&self, b: &i64, field: &str) -> String {
        self.followup(b)
            .map(|(_, f, _)| match field {
                "measured_on" => f.measured_on.clone(),
                "value" => f.value.clone(),
                _ => f.note.clone(),
            })
            .unwrap_or_default()
    }
    fn followup_error(&self, b: &i64, field: &str) -> Option<&Msg> {
        self.followup(b).and_then(|(_, _, e)| e.get(field))
    }
}

/// IKT staff and the request's requester keep its benefits.
fn can_keep(user: &CurrentUser, d: &Detail) -> bool {
    d.state == ReqState::Approved && (user.can_edit_plan() || d.is_requester(user))
}

async fn page(
    state: &AppState,
    ctx: Ctx,
    id: i64,
    f: BenefitForm,
    errors: FormErrors,
    failed: Option<(i64, FollowupForm, FormErrors)>,
) -> AppResult<BenefitsPage> {
    let m = ctx.user.municipality_id;
    let d = read::detail(&state.db, m, id).await?;
    if d.state != ReqState::Approved {
        return Err(AppError::NotFound);
    }
    Ok(BenefitsPage {
        benefits: read::benefits(&state.db, m, Some(id)).await?,
        can_keep: can_keep(&ctx.user, &d),
        people: crate::org::read::person_names(&state.db, m).await?,
        kinds: BenefitKind::ALL,
        d,
        f,
        errors,
        failed,
        today: today(),
        ctx,
    })
}

pub(super) async fn show(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<BenefitsPage> {
    page(
        &state,
        ctx,
        id,
        BenefitForm::default(),
        FormErrors::default(),
        None,
    )
    .await
}

pub(super) async fn create(
    user: CurrentUser,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    Form(f): Form<BenefitForm>,
) -> AppResult<Response> {
    let m = user.municipality_id;
    let d = read::detail(&state.db, m, id).await?;
    user.require_that(can_keep(&user, &d), Editor::ROLES)?;
    let people = crate::org::read::person_names(&state.db, m).await?;
    let input = match f.validate(&people) {
        Ok(i) => i,
        Err(errors) => {
            return Ok(page(&state, ctx, id, f, errors, None)
                .await?
                .into_response());
        }
    };
    let mut tx = state.db.begin().await?;
    let Some(bid) = store::insert_benefit(&mut tx, Actor::from(&user), id, &input).await? else {
        return Err(AppError::NotFound);
    };
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        Msg::new("council-benefit-added"),
        &format!("/acquisitions/{id}/benefits#benefit-{bid}"),
    )
    .await)
}

pub(super) async fn followup(
    user: CurrentUser,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path(bid): Path<i64>,
    Form(f): Form<FollowupForm>,
) -> AppResult<Response> {
    let m = user.municipality_id;
    let (id, responsible) = read::benefit_owner(&state.db, m, bid)
        .await?
        .ok_or(AppError::NotFound)?;
    let d = read::detail(&state.db, m, id).await?;
    user.require_that(
        can_keep(&user, &d) || (responsible.is_some() && responsible == user.person_id),
        Editor::ROLES,
    )?;
    let (on, value, note) = match f.validate(today()) {
        Ok(v) => v,
        Err(errors) => {
            let failed = Some((bid, f, errors));
            return Ok(page(
                &state,
                ctx,
                id,
                BenefitForm::default(),
                FormErrors::default(),
                failed,
            )
            .await?
            .into_response());
        }
    };
    let mut tx = state.db.begin().await?;
    if store::add_followup(&mut tx, Actor::from(&user), bid, on, value, note.as_deref())
        .await?
        .is_none()
    {
        return Err(AppError::NotFound);
    }
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        Msg::new("council-followup-added"),
        &format!("/acquisitions/{id}/benefits#benefit-{bid}"),
    )
    .await)
}

#[derive(Template, WebTemplate)]
#[template(path = "council/benefits.html")]
pub(super) struct RealisationPage {
    ctx: Ctx,
    benefits: Vec<Benefit>,
    without: Vec<(i64, String)>,
    today: NaiveDate,
    f: BenefitFilter,
    /// Follow-ups overdue among all benefits, whatever the filter shows.
    overdue: usize,
}

pub(super) async fn realisation(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(f): Query<BenefitFilter>,
) -> AppResult<RealisationPage> {
    let m = ctx.user.municipality_id;
    let today = today();
    let all = read::benefits(&state.db, m, None).await?;
    let overdue = all
        .iter()
        .filter(|b| BenefitFilter::due().selects(b, today))
        .count();
    Ok(RealisationPage {
        benefits: all.into_iter().filter(|b| f.selects(b, today)).collect(),
        without: read::approved_without_benefits(&state.db, m).await?,
        today,
        overdue,
        f,
        ctx,
    })
}
