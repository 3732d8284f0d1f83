//! Deleting a measure (`/measures/{id}/delete`): a confirmation page that names the measures
//! depending on it, then the delete.

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    extract::{Path, State},
    response::Response,
};
use tower_sessions::Session;

use crate::{
    AppState,
    audit::Actor,
    auth::Editor,
    error::{AppError, AppResult},
    i18n::Msg,
    web::{Ctx, FlashKind, flash_redirect},
};

#[derive(Template, WebTemplate)]
#[template(path = "measures/delete.html")]
pub(super) struct DeletePage {
    ctx: Ctx,
    id: i64,
    title: String,
    plan_name: String,
    /// Measures that depend on this one.
    dependents: Vec<String>,
}

pub(super) async fn page(
    _: Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<DeletePage> {
    let m = ctx.user.municipality_id;
    let r = sqlx::query!(
        r#"
        select me.title, a.name as plan_name
        from measure me join action_plan a using (action_plan_id)
        where me.measure_id = $1 and me.municipality_id = $2
        "#,
        id,
        m
    )
    .fetch_optional(&state.db)
    .await?
    .ok_or(AppError::NotFound)?;
    let dependents = sqlx::query_scalar!(
        r#"
        select d.title from measure_dependency md join measure d on d.measure_id = md.measure_id
        where md.depends_on_id = $1 and md.municipality_id = $2
        order by d.position, d.measure_id
        "#,
        id,
        m
    )
    .fetch_all(&state.db)
    .await?;
    Ok(DeletePage {
        ctx,
        id,
        title: r.title,
        plan_name: r.plan_name,
        dependents,
    })
}

pub(super) async fn delete(
    Editor(user): Editor,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    super::read::plan_of(&state.db, user.municipality_id, id).await?;
    let mut tx = state.db.begin().await?;
    let deleted = super::store::delete(&mut tx, Actor::from(&user), id).await?;
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        Msg::with("measure-deleted", [("title", deleted.title.into())]),
        &format!("/plan/{}", deleted.action_plan_id),
    )
    .await)
}
