//! Adding, editing and deleting a strategy under a goal area
//! (`/strategy/{id}/strategies/new`, `…/{strategy_id}/edit`, `…/{strategy_id}/delete`). A
//! strategy that measures still serve is not deleted; the page names them.

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    extract::{Path, Query, State},
    response::{IntoResponse, Response},
};
use serde::Deserialize;
use tower_sessions::Session;

use super::{
    model::StrategyForm,
    read::{self, Document, ServingMeasure},
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
#[template(path = "strategy/strategy_form.html")]
pub(super) struct StrategyPage {
    ctx: Ctx,
    doc: Document,
    /// None when creating.
    strategy_id: Option<i64>,
    /// (goal_area_id, name) of the document's goal areas, in order.
    areas: Vec<(i64, String)>,
    form: StrategyForm,
    errors: FormErrors,
}

impl StrategyPage {
    /// The form as typed (or as loaded), with its errors.
    fn again(
        ctx: Ctx,
        doc: Document,
        strategy_id: Option<i64>,
        areas: Vec<(i64, String)>,
        form: StrategyForm,
        errors: FormErrors,
    ) -> Self {
        StrategyPage {
            ctx,
            doc,
            strategy_id,
            areas,
            form,
            errors,
        }
    }

    fn selected(&self, id: &i64) -> bool {
        self.form.goal_area_id.trim() == id.to_string()
    }
}

#[derive(Deserialize)]
pub(super) struct NewStrategyQuery {
    goal_area: Option<i64>,
}

pub(super) async fn new(
    _: Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Query(q): Query<NewStrategyQuery>,
) -> AppResult<StrategyPage> {
    let m = ctx.user.municipality_id;
    let doc = read::document(&state.db, m, id).await?;
    let areas = read::area_options(&state.db, m, id).await?;
    let area = q
        .goal_area
        .filter(|g| areas.iter().any(|(a, _)| a == g))
        .or(areas.first().map(|(a, _)| *a));
    let position = match area {
        Some(a) => read::next_strategy_position(&state.db, a).await?,
        None => 1,
    };
    let form = StrategyForm {
        goal_area_id: area.map(|a| a.to_string()).unwrap_or_default(),
        position: position.to_string(),
        ..Default::default()
    };
    Ok(StrategyPage::again(
        ctx,
        doc,
        None,
        areas,
        form,
        FormErrors::default(),
    ))
}

pub(super) async fn create(
    Editor(user): Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    Form(form): Form<StrategyForm>,
) -> AppResult<Response> {
    let m = user.municipality_id;
    let doc = read::document(&state.db, m, id).await?;
    let areas = read::area_options(&state.db, m, id).await?;
    let v = match form.validate(&areas) {
        Ok(v) => v,
        Err(errors) => {
            let page = StrategyPage::again(ctx, doc, None, areas, form, errors);
            return Ok(page.into_response());
        }
    };
    let mut tx = state.db.begin().await?;
    store::insert_strategy(&mut tx, Actor::from(&user), &v).await?;
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        Msg::new("strategy-added"),
        &format!("/strategy/{id}"),
    )
    .await)
}

pub(super) async fn edit(
    _: Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    Path((id, sid)): Path<(i64, i64)>,
) -> AppResult<StrategyPage> {
    let m = ctx.user.municipality_id;
    let doc = read::document(&state.db, m, id).await?;
    let s = read::strategy(&state.db, m, id, sid).await?;
    let areas = read::area_options(&state.db, m, id).await?;
    let form = StrategyForm {
        goal_area_id: s.goal_area_id.to_string(),
        text: s.text,
        key_measures: s.key_measures.join("\n"),
        position: s.position.to_string(),
    };
    Ok(StrategyPage::again(
        ctx,
        doc,
        Some(sid),
        areas,
        form,
        FormErrors::default(),
    ))
}

pub(super) async fn update(
    Editor(user): Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path((id, sid)): Path<(i64, i64)>,
    Form(form): Form<StrategyForm>,
) -> AppResult<Response> {
    let m = user.municipality_id;
    let doc = read::document(&state.db, m, id).await?;
    let before = read::strategy(&state.db, m, id, sid).await?;
    let areas = read::area_options(&state.db, m, id).await?;
    let v = match form.validate(&areas) {
        Ok(v) => v,
        Err(errors) => {
            let page = StrategyPage::again(ctx, doc, Some(sid), areas, form, errors);
            return Ok(page.into_response());
        }
    };
    let mut tx = state.db.begin().await?;
    store::update_strategy(&mut tx, Actor::from(&user), sid, &before, &v).await?;
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        Msg::new("strategy-saved"),
        &format!("/strategy/{id}"),
    )
    .await)
}

#[derive(Template, WebTemplate)]
#[template(path = "strategy/delete.html")]
pub(super) struct DeletePage {
    ctx: Ctx,
    doc_id: i64,
    strategy_id: i64,
    text: String,
    goal_area: String,
    serving: Vec<ServingMeasure>,
}

pub(super) async fn confirm_delete(
    _: Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    Path((id, sid)): Path<(i64, i64)>,
) -> AppResult<DeletePage> {
    let m = ctx.user.municipality_id;
    let s = read::strategy(&state.db, m, id, sid).await?;
    let serving = read::serving_measures(&mut *state.db.acquire().await?, m, sid).await?;
    Ok(DeletePage {
        ctx,
        doc_id: id,
        strategy_id: sid,
        text: s.text,
        goal_area: s.goal_area,
        serving,
    })
}

pub(super) async fn delete(
    Editor(user): Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path((id, sid)): Path<(i64, i64)>,
) -> AppResult<Response> {
    let before = read::strategy(&state.db, user.municipality_id, id, sid).await?;
    let mut tx = state.db.begin().await?;
    let serving = store::delete_strategy(&mut tx, Actor::from(&user), sid, &before).await?;
    if !serving.is_empty() {
        drop(tx);
        return Ok(DeletePage {
            ctx,
            doc_id: id,
            strategy_id: sid,
            text: before.text,
            goal_area: before.goal_area,
            serving,
        }
        .into_response());
    }
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        Msg::new("strategy-deleted"),
        &format!("/strategy/{id}"),
    )
    .await)
}
