//! The strategy document's page (`/strategy` for the newest, `/strategy/{id}`): vision, main
//! goal, goal areas and strategies, and which plans' measures serve each.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use sqlx::PgPool;

use super::read::{self, Document, DocumentLink, GoalArea};
use crate::{AppState, error::AppResult, web::Ctx};

#[derive(Template, WebTemplate)]
#[template(path = "strategy/show.html")]
pub(super) struct ShowPage {
    ctx: Ctx,
    /// None: the municipality has no strategy document yet.
    doc: Option<Document>,
    goal_areas: Vec<GoalArea>,
    /// Every document of the municipality, newest first (listed when there are several).
    documents: Vec<DocumentLink>,
    can_edit: bool,
}

impl ShowPage {
    /// «2.3»: the third strategy under the second goal area.
    fn nr(&self, goal: impl std::fmt::Display, strategy: impl std::fmt::Display) -> String {
        format!("{goal}.{strategy}")
    }
}

/// GET /strategy: the newest document by period.
pub(super) async fn current(ctx: Ctx, State(state): State<AppState>) -> AppResult<ShowPage> {
    let m = ctx.user.municipality_id;
    let documents = read::document_links(&state.db, m).await?;
    match documents.first() {
        Some(newest) => {
            let id = newest.id;
            render_document(ctx, &state.db, id, documents).await
        }
        None => Ok(ShowPage {
            can_edit: ctx.user.can_edit_plan(),
            ctx,
            doc: None,
            goal_areas: Vec::new(),
            documents,
        }),
    }
}

pub(super) async fn show(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<ShowPage> {
    let documents = read::document_links(&state.db, ctx.user.municipality_id).await?;
    render_document(ctx, &state.db, id, documents).await
}

async fn render_document(
    ctx: Ctx,
    db: &PgPool,
    id: i64,
    documents: Vec<DocumentLink>,
) -> AppResult<ShowPage> {
    let m = ctx.user.municipality_id;
    let doc = read::document(db, m, id).await?;
    let goal_areas = read::goal_areas(db, m, id).await?;
    Ok(ShowPage {
        can_edit: ctx.user.can_edit_plan(),
        ctx,
        doc: Some(doc),
        goal_areas,
        documents,
    })
}
