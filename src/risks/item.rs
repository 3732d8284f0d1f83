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
    web::{Ctx, FlashKind, Form, FormErrors, FormPairs, flash_redirect},
};

/// What the risk form's choices are: the municipality's people, systems and locations.
pub(super) struct Choices {
    people: Vec<(i64, String)>,
    systems: Vec<(i64, String)>,
    locations: Vec<(i64, String)>,
}

impl Choices {
    async fn load(state: &AppState, user: &CurrentUser) -> AppResult<Choices> {
        let m = user.municipality_id;
        let people = crate::org::read::person_names(&state.db, m).await?;
        let systems = crate::systems::read::list(
            &state.db,
            user,
            &crate::systems::read::Filter::default(),
            today(),
            0,
            100_000,
        )
        .await?
        .rows
        .into_iter()
        .map(|r| (r.system_id, r.name))
        .collect();
        // The form is IKT staff's, who may read the line inventory anyway.
        let locations = crate::lines::read::location_names(&state.db, m).await?;
        Ok(Choices {
            people,
            systems,
            locations,
        })
    }
}

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
    choices: Choices,
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
    fn system_checked(&self, id: &i64) -> bool {
        self.f.systems.iter().any(|v| v.trim() == id.to_string())
    }
    fn location_checked(&self, id: &i64) -> bool {
        self.f.locations.iter().any(|v| v.trim() == id.to_string())
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
    let choices = Choices::load(&state, &user).await?;
    Ok(RiskFormPage {
        ctx,
        a,
        f: RiskForm::default(),
        choices,
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
    pairs: FormPairs,
) -> AppResult<Response> {
    let f = RiskForm::from_pairs(&pairs);
    let a = assessment(&state, &user, id).await?;
    let choices = Choices::load(&state, &user).await?;
    let input = match f.validate_linked(&choices.people, &choices.systems, &choices.locations) {
        Ok(i) => i,
        Err(errors) => {
            return Ok(RiskFormPage {
                ctx,
                a,
                f,
                choices,
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
    systems: Vec<(i64, String)>,
    /// Only for `Confidential` roles; `None` for others, who are not told there are any.
    locations: Option<Vec<(i64, String)>>,
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
    let systems = read::risk_systems(&state.db, m, rid).await?;
    let locations = if ctx.user.can_read_confidential() {
        Some(read::risk_locations(&state.db, m, rid).await?)
    } else {
        None
    };
    let plans = if ctx.user.can_edit_plan() && r.mitigation.is_some() {
        read::plans(&state.db, m, chrono::Datelike::year(&today())).await?
    } else {
        Vec::new()
    };
    Ok(RiskPage {
        measures,
        plans,
        systems,
        locations,
        can_edit: ctx.user.can_edit_plan(),
        can_accept: ctx.user.can(Leder::ROLES) && r.status != "accepted",
        ctx,
        r,
    })
}

impl RiskDetail {
    /// The form as saved, without its systems and locations (`edit_risk` adds them).
    pub(super) fn form(&self) -> RiskForm {
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
            systems: Vec::new(),
            locations: Vec::new(),
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
    let choices = Choices::load(&state, &user).await?;
    let m = user.municipality_id;
    let mut f = r.form();
    f.systems = read::risk_systems(&state.db, m, rid)
        .await?
        .into_iter()
        .map(|(id, _)| id.to_string())
        .collect();
    f.locations = read::risk_locations(&state.db, m, rid)
        .await?
        .into_iter()
        .map(|(id, _)| id.to_string())
        .collect();
    Ok(RiskFormPage {
        ctx,
        a,
        f,
        choices,
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
    pairs: FormPairs,
) -> AppResult<Response> {
    let mut f = RiskForm::from_pairs(&pairs);
    let (r, a) = risk_of(&state, &user, rid).await?;
    let choices = Choices::load(&state, &user).await?;
    let input = match f.validate_linked(&choices.people, &choices.systems, &choices.locations) {
        Ok(i) => i,
        Err(errors) => {
            return Ok(RiskFormPage {
                ctx,
                a,
                f,
                choices,
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
                choices,
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
