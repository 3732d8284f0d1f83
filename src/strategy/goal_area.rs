//! Adding and editing a goal area (målområde) of a strategy document
//! (`/strategy/{id}/goal-areas/new`, `/strategy/{id}/goal-areas/{goal_area_id}/edit`).

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    extract::{Path, State},
    response::{IntoResponse, Response},
};
use tower_sessions::Session;

use super::{
    model::GoalAreaForm,
    read::{self, Document},
    store,
};
use crate::{
    AppState,
    audit::Actor,
    auth::Editor,
    error::AppResult,
    i18n::Msg,
    web::{Ctx, FlashKind, Form, FormErrors, flash_redirect},
};

#[derive(Template, WebTemplate)]
#[template(path = "strategy/goal_area_form.html")]
pub(super) struct GoalAreaPage {
    ctx: Ctx,
    doc: Document,
    /// None when creating.
    goal_area_id: Option<i64>,
    form: GoalAreaForm,
    errors: FormErrors,
}

impl GoalAreaPage {
    fn new(ctx: Ctx, doc: Document, goal_area_id: Option<i64>, form: GoalAreaForm) -> Self {
        Self::again(ctx, doc, goal_area_id, form, FormErrors::default())
    }

    /// The form as typed, with its errors.
    fn again(
        ctx: Ctx,
        doc: Document,
        goal_area_id: Option<i64>,
        form: GoalAreaForm,
        errors: FormErrors,
    ) -> Self {
        GoalAreaPage {
            ctx,
            doc,
            goal_area_id,
            form,
            errors,
        }
    }
}

pub(super) async fn new(
    _: Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<GoalAreaPage> {
    let doc = read::document(&state.db, ctx.user.municipality_id, id).await?;
    let position = read::next_goal_area_position(&state.db, id).await?;
    let form = GoalAreaForm {
        position: position.to_string(),
        ..Default::default()
    };
    Ok(GoalAreaPage::new(ctx, doc, None, form))
}

pub(super) async fn create(
    Editor(user): Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    Form(form): Form<GoalAreaForm>,
) -> AppResult<Response> {
    let doc = read::document(&state.db, user.municipality_id, id).await?;
    let v = match form.validate() {
        Ok(v) => v,
        Err(errors) => {
            return Ok(GoalAreaPage::again(ctx, doc, None, form, errors).into_response());
        }
    };
    let mut tx = state.db.begin().await?;
    store::insert_goal_area(&mut tx, Actor::from(&user), &doc, &v).await?;
    tx.commit().await?;
    let text = Msg::with(
        "strategy-goal-area-added",
        [("name", v.name.clone().into())],
    );
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        text,
        &format!("/strategy/{id}"),
    )
    .await)
}

pub(super) async fn edit(
    _: Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    Path((id, ga)): Path<(i64, i64)>,
) -> AppResult<GoalAreaPage> {
    let m = ctx.user.municipality_id;
    let doc = read::document(&state.db, m, id).await?;
    let g = read::goal_area(&state.db, m, id, ga).await?;
    let form = GoalAreaForm {
        name: g.name,
        goal_statement: g.goal_statement,
        position: g.position.to_string(),
    };
    Ok(GoalAreaPage::new(ctx, doc, Some(ga), form))
}

pub(super) async fn update(
    Editor(user): Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path((id, ga)): Path<(i64, i64)>,
    Form(form): Form<GoalAreaForm>,
) -> AppResult<Response> {
    let m = user.municipality_id;
    let doc = read::document(&state.db, m, id).await?;
    let before = read::goal_area(&state.db, m, id, ga).await?;
    let v = match form.validate() {
        Ok(v) => v,
        Err(errors) => {
            return Ok(GoalAreaPage::again(ctx, doc, Some(ga), form, errors).into_response());
        }
    };
    let mut tx = state.db.begin().await?;
    store::update_goal_area(&mut tx, Actor::from(&user), &doc, ga, &before, &v).await?;
    tx.commit().await?;
    let text = Msg::with(
        "strategy-goal-area-saved",
        [("name", v.name.clone().into())],
    );
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        text,
        &format!("/strategy/{id}"),
    )
    .await)
}
