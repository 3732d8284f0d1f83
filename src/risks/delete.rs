//! Deleting a risk (`/risks/items/{rid}/delete`) and an assessment (`/risks/{id}/delete`): a
//! confirmation page first (the assessment's names how many risks go with it), then the delete.

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    extract::{Path, State},
    response::Response,
};
use tower_sessions::Session;

use super::{
    item::{assessment, risk_of},
    read::{self, AssessmentDetail, RiskDetail},
    store,
};
use crate::{
    AppState,
    audit::Actor,
    auth::Editor,
    error::{AppError, AppResult},
    i18n::Msg,
    web::{Ctx, FlashKind, flash_redirect},
};

#[derive(Template, WebTemplate)]
#[template(path = "risks/delete_risk.html")]
pub(super) struct RiskDeletePage {
    ctx: Ctx,
    r: RiskDetail,
}

pub(super) async fn risk_page(
    Editor(user): Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    Path(rid): Path<i64>,
) -> AppResult<RiskDeletePage> {
    let (r, _) = risk_of(&state, &user, rid).await?;
    Ok(RiskDeletePage { ctx, r })
}

pub(super) async fn delete_risk(
    Editor(user): Editor,
    State(state): State<AppState>,
    session: Session,
    Path(rid): Path<i64>,
) -> AppResult<Response> {
    let (r, _) = risk_of(&state, &user, rid).await?;
    let mut tx = state.db.begin().await?;
    let assessment_id = store::delete_risk(&mut tx, Actor::from(&user), rid)
        .await?
        .ok_or(AppError::NotFound)?;
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        Msg::with("risks-risk-deleted", [("name", r.description.into())]),
        &format!("/risks/{assessment_id}"),
    )
    .await)
}

#[derive(Template, WebTemplate)]
#[template(path = "risks/delete_assessment.html")]
pub(super) struct AssessmentDeletePage {
    ctx: Ctx,
    a: AssessmentDetail,
    risks: usize,
}

pub(super) async fn assessment_page(
    Editor(user): Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<AssessmentDeletePage> {
    let a = assessment(&state, &user, id).await?;
    let risks = read::risks(&state.db, user.municipality_id, id)
        .await?
        .len();
    Ok(AssessmentDeletePage { ctx, a, risks })
}

pub(super) async fn delete_assessment(
    Editor(user): Editor,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    assessment(&state, &user, id).await?;
    let mut tx = state.db.begin().await?;
    let (title, count) = store::delete_assessment(&mut tx, Actor::from(&user), id)
        .await?
        .ok_or(AppError::NotFound)?;
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        Msg::with(
            "risks-assessment-deleted",
            [("title", title.into()), ("count", (count as i64).into())],
        ),
        "/risks",
    )
    .await)
}
