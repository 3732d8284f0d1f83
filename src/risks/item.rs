//! A risk: the form to add one (`/risks/{id}/items/new`, POST `/risks/{id}/items`) and its
//! page (`/risks/items/{rid}`).

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    extract::{Path, State},
    response::{IntoResponse, Response},
};
use tower_sessions::Session;

use super::{
    model::RiskForm,
    read::{self, AssessmentDetail, RiskDetail},
    show::{level_code, level_key, status_key},
    store,
    store::Saved,
};
use crate::{
    AppState,
    audit::Actor,
    auth::{Confidential, CurrentUser, Editor, Leder},
    domain::{RiskLevel, format_date, today},
    error::{AppError, AppResult},
    i18n::Msg,
    web::{Ctx, FlashKind, Form, FormErrors, flash_redirect},
};

/// The assessment, refused (403) when restricted and the user may not read it.
pub(super) async fn assessment(
    state: &AppState,
    user: &CurrentUser,
    id: i64,
) -> AppResult<AssessmentDetail> {
    let a = read::assessment(&state.db, user.municipality_id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if a.restricted {
        user.require(Confidential::ROLES)?;
    }
    Ok(a)
}

#[derive(Template, WebTemplate)]
#[template(path = "risks/item_form.html")]
pub(super) struct RiskFormPage {
    ctx: Ctx,
    a: AssessmentDetail,
    f: RiskForm,
    people: Vec<(i64, String)>,
    errors: FormErrors,
    /// The risk's id when editing.
    rid: Option<i64>,
    /// A save refused as based on an older version: who saved since, and when.
    stale: Option<Stale>,
}

/// Who saved a record after the form was opened, and when.
pub(super) struct Stale {
    pub who: String,
    pub when: String,
}

impl Stale {
    pub(super) fn new(ctx: &Ctx, by: Option<String>, at: String) -> Stale {
        Stale {
            who: by.unwrap_or_else(|| ctx.t("risks-someone-else")),
            when: at,
        }
    }
}

impl RiskFormPage {
    fn action(&self) -> String {
        match self.rid {
            Some(rid) => format!("/risks/items/{rid}/edit"),
            None => format!("/risks/{}/items", self.a.id),
        }
    }
    fn cancel(&self) -> String {
        match self.rid {
            Some(rid) => format!("/risks/items/{rid}"),
            None => format!("/risks/{}", self.a.id),
        }
    }
    fn picked(&self, id: &i64) -> bool {
        self.f.owner.trim() == id.to_string()
    }
    fn status_is(&self, code: &str) -> bool {
        let s = self.f.status.trim();
        s == code || (s.is_empty() && code == "open")
    }
}

pub(super) async fn new_risk(
    Editor(user): Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<RiskFormPage> {
    let a = assessment(&state, &user, id).await?;
    let people = crate::org::read::person_names(&state.db, user.municipality_id).await?;
    Ok(RiskFormPage {
        ctx,
        a,
        f: RiskForm::default(),
        people,
        errors: FormErrors::default(),
        rid: None,
        stale: None,
    })
}

pub(super) async fn create_risk(
    Editor(user): Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    Form(f): Form<RiskForm>,
) -> AppResult<Response> {
    let a = assessment(&state, &user, id).await?;
    let people = crate::org::read::person_names(&state.db, user.municipality_id).await?;
    let input = match f.validate(&people) {
        Ok(i) => i,
        Err(errors) => {
            return Ok(RiskFormPage {
                ctx,
                a,
                f,
                people,
                errors,
                rid: None,
                stale: None,
            }
            .into_response());
        }
    };
    let mut tx = state.db.begin().await?;
    let rid = store::insert_risk(&mut tx, Actor::from(&user), id, &input)
        .await?
        .ok_or(AppError::NotFound)?;
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        Msg::new("risks-risk-created"),
        &format!("/risks/items/{rid}"),
    )
    .await)
}

#[derive(Template, WebTemplate)]
#[template(path = "risks/item.html")]
pub(super) struct RiskPage {
    ctx: Ctx,
    r: RiskDetail,
    can_edit: bool,
    can_accept: bool,
    measures: Vec<(i64, String)>,
    plans: Vec<(i64, String)>,
}

impl RiskPage {
    fn level_of(&self, score: i16) -> RiskLevel {
        RiskLevel::of(score, self.r.low_max, self.r.medium_max)
    }
    fn level(&self, score: &i16) -> String {
        self.ctx.t(level_key(self.level_of(*score)))
    }
    fn level_code(&self, score: &i16) -> &'static str {
        level_code(self.level_of(*score))
    }
    fn status(&self) -> String {
        self.ctx.t(status_key(&self.r.status))
    }
    fn review(&self) -> String {
        self.r.next_review.map(format_date).unwrap_or_default()
    }
    fn overdue(&self) -> bool {
        self.r.next_review.is_some_and(|d| d < today()) && self.r.status != "closed"
    }
}

pub(super) async fn show_risk(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(rid): Path<i64>,
) -> AppResult<RiskPage> {
    let r = read::risk(&state.db, ctx.user.municipality_id, rid)
        .await?
        .ok_or(AppError::NotFound)?;
    if r.restricted {
        ctx.user.require(Confidential::ROLES)?;
    }
    let m = ctx.user.municipality_id;
    let measures = read::risk_measures(&state.db, m, rid).await?;
    let plans = if ctx.user.can_edit_plan() && r.mitigation.is_some() {
        read::plans(&state.db, m, chrono::Datelike::year(&today())).await?
    } else {
        Vec::new()
    };
    Ok(RiskPage {
        measures,
        plans,
        can_edit: ctx.user.can_edit_plan(),
        can_accept: ctx.user.can(Leder::ROLES) && r.status != "accepted",
        ctx,
        r,
    })
}

impl RiskDetail {
    fn form(&self) -> RiskForm {
        let n = |v: Option<i16>| v.map(|v| v.to_string()).unwrap_or_default();
        RiskForm {
            number: self.number.clone().unwrap_or_default(),
            description: self.description.clone(),
            category: self.category.clone().unwrap_or_default(),
            likelihood: self.likelihood.to_string(),
            consequence: self.consequence.to_string(),
            mitigation: self.mitigation.clone().unwrap_or_default(),
            owner: self.owner_id.map(|v| v.to_string()).unwrap_or_default(),
            residual_likelihood: n(self.residual_likelihood),
            residual_consequence: n(self.residual_consequence),
            status: self.status.clone(),
            next_review: self
                .next_review
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            version: self.version.to_string(),
        }
    }
}

/// The risk and its assessment, refused when restricted and the user may not read it.
pub(super) async fn risk_of(
    state: &AppState,
    user: &CurrentUser,
    rid: i64,
) -> AppResult<(RiskDetail, AssessmentDetail)> {
    let r = read::risk(&state.db, user.municipality_id, rid)
        .await?
        .ok_or(AppError::NotFound)?;
    let a = assessment(state, user, r.assessment_id).await?;
    Ok((r, a))
}

pub(super) async fn edit_risk(
    Editor(user): Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    Path(rid): Path<i64>,
) -> AppResult<RiskFormPage> {
    let (r, a) = risk_of(&state, &user, rid).await?;
    let people = crate::org::read::person_names(&state.db, user.municipality_id).await?;
    Ok(RiskFormPage {
        ctx,
        a,
        f: r.form(),
        people,
        errors: FormErrors::default(),
        rid: Some(rid),
        stale: None,
    })
}

pub(super) async fn update_risk(
    Editor(user): Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path(rid): Path<i64>,
    Form(mut f): Form<RiskForm>,
) -> AppResult<Response> {
    let (r, a) = risk_of(&state, &user, rid).await?;
    let people = crate::org::read::person_names(&state.db, user.municipality_id).await?;
    let input = match f.validate(&people) {
        Ok(i) => i,
        Err(errors) => {
            return Ok(RiskFormPage {
                ctx,
                a,
                f,
                people,
                errors,
                rid: Some(rid),
                stale: None,
            }
            .into_response());
        }
    };
    let based_on = f.version.trim().parse().ok();
    let mut tx = state.db.begin().await?;
    match store::update_risk(&mut tx, Actor::from(&user), rid, based_on, &input).await? {
        Saved::Saved => {}
        Saved::NotFound => return Err(AppError::NotFound),
        Saved::Stale { by, at } => {
            // The input is kept; the next save is based on what is saved now.
            f.version = r.version.to_string();
            let stale = Some(Stale::new(&ctx, by, at));
            return Ok(RiskFormPage {
                ctx,
                a,
                f,
                people,
                errors: FormErrors::default(),
                rid: Some(rid),
                stale,
            }
            .into_response());
        }
    }
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        Msg::new("risks-risk-saved"),
        &format!("/risks/items/{rid}"),
    )
    .await)
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub(super) struct AcceptForm {
    reason: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "risks/accept.html")]
pub(super) struct AcceptPage {
    ctx: Ctx,
    r: RiskDetail,
    reason: String,
    errors: FormErrors,
}

pub(super) async fn accept_form(
    Leder(user): Leder,
    ctx: Ctx,
    State(state): State<AppState>,
    Path(rid): Path<i64>,
) -> AppResult<AcceptPage> {
    let (r, _) = risk_of(&state, &user, rid).await?;
    Ok(AcceptPage {
        ctx,
        r,
        reason: String::new(),
        errors: FormErrors::default(),
    })
}

pub(super) async fn accept(
    Leder(user): Leder,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path(rid): Path<i64>,
    Form(f): Form<AcceptForm>,
) -> AppResult<Response> {
    let (r, _) = risk_of(&state, &user, rid).await?;
    let reason = f.reason.trim();
    let mut errors = FormErrors::default();
    if reason.is_empty() {
        errors.add("reason", Msg::new("risks-accept-reason-required"));
    } else if reason.chars().count() > 2000 {
        errors.add(
            "reason",
            Msg::with("risks-too-long", [("max", 2000.into())]),
        );
    }
    if !errors.is_empty() {
        return Ok(AcceptPage {
            ctx,
            r,
            reason: f.reason,
            errors,
        }
        .into_response());
    }
    let mut tx = state.db.begin().await?;
    if !matches!(
        store::accept_risk(&mut tx, Actor::from(&user), rid, reason).await?,
        Saved::Saved
    ) {
        return Err(AppError::NotFound);
    }
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        Msg::new("risks-accepted"),
        &format!("/risks/items/{rid}"),
    )
    .await)
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub(super) struct MeasureForm {
    plan: String,
}

pub(super) async fn make_measure(
    Editor(user): Editor,
    State(state): State<AppState>,
    session: Session,
    Path(rid): Path<i64>,
    Form(f): Form<MeasureForm>,
) -> AppResult<Response> {
    risk_of(&state, &user, rid).await?;
    let Ok(plan) = f.plan.trim().parse::<i64>() else {
        return Err(AppError::BadRequest(Msg::new("risks-choose-from-list")));
    };
    let mut tx = state.db.begin().await?;
    let Some(id) = store::measure_from_mitigation(&mut tx, Actor::from(&user), rid, plan).await?
    else {
        return Err(AppError::BadRequest(Msg::new("risks-measure-impossible")));
    };
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        Msg::new("risks-measure-created"),
        &format!("/measures/{id}"),
    )
    .await)
}
