//! The list of action plans (`/plan`) and a new, empty plan (`/plan/new`).

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    extract::State,
    response::{IntoResponse, Response},
};
use tower_sessions::Session;

use super::{
    model::NewPlanForm,
    read::{self, PlanSummary},
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
#[template(path = "plan/list.html")]
pub(super) struct ListPage {
    ctx: Ctx,
    plans: Vec<PlanSummary>,
    can_edit: bool,
    has_strategy: bool,
}

pub(super) async fn list(ctx: Ctx, State(state): State<AppState>) -> AppResult<ListPage> {
    let m = ctx.user.municipality_id;
    let plans = read::summaries(&state.db, m).await?;
    let has_strategy = !read::documents(&state.db, m).await?.is_empty();
    Ok(ListPage {
        can_edit: ctx.user.can_edit_plan(),
        ctx,
        plans,
        has_strategy,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "plan/new.html")]
pub(super) struct NewPlanPage {
    ctx: Ctx,
    documents: Vec<(i64, String)>,
    form: NewPlanForm,
    errors: FormErrors,
}

pub(super) async fn new_form(
    _: Editor,
    ctx: Ctx,
    State(state): State<AppState>,
) -> AppResult<NewPlanPage> {
    let documents = read::documents(&state.db, ctx.user.municipality_id).await?;
    let form = NewPlanForm {
        document: documents
            .first()
            .map(|d| d.0.to_string())
            .unwrap_or_default(),
        ..NewPlanForm::default()
    };
    Ok(NewPlanPage {
        ctx,
        documents,
        form,
        errors: FormErrors::default(),
    })
}

pub(super) async fn create(
    Editor(user): Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Form(form): Form<NewPlanForm>,
) -> AppResult<Response> {
    let documents = read::documents(&state.db, user.municipality_id).await?;
    let plan = match form.validate(&documents) {
        Ok(p) => p,
        Err(errors) => {
            return Ok(NewPlanPage {
                ctx,
                documents,
                form,
                errors,
            }
            .into_response());
        }
    };
    let mut tx = state.db.begin().await?;
    let id = store::insert(&mut tx, Actor::from(&user), &plan).await?;
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        Msg::with("plan-created", [("name", plan.name.clone().into())]),
        &format!("/plan/{id}"),
    )
    .await)
}
