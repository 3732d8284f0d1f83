//! A plan's milestones and decision points (`/plan/{id}/milestones`, `/milestones/{id}/edit`,
//! `/milestones/{id}/delete`). They show as a ◆ in the progress plan's period column.

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    extract::{Path, State},
    response::{IntoResponse, Response},
};
use tower_sessions::Session;

use super::{
    model::{MilestoneForm, MilestoneKind},
    read::{self, Milestone, PlanHead},
    store::{self, MilestoneSaved},
};
use crate::{
    AppState,
    audit::Actor,
    auth::Editor,
    error::{AppError, AppResult},
    i18n::Msg,
    web::{Ctx, FlashKind, Form, FormErrors, flash_redirect},
};

#[derive(Template, WebTemplate)]
#[template(path = "plan/milestones.html")]
pub(super) struct MilestonesPage {
    ctx: Ctx,
    plan: PlanHead,
    milestones: Vec<Milestone>,
    can_edit: bool,
    /// The form for a new one, kept when refused.
    f: MilestoneForm,
    errors: FormErrors,
    kinds: &'static [MilestoneKind],
}

#[derive(Template, WebTemplate)]
#[template(path = "milestones/form.html")]
pub(super) struct EditPage {
    ctx: Ctx,
    milestone: Milestone,
    plan_name: String,
    f: MilestoneForm,
    errors: FormErrors,
    kinds: &'static [MilestoneKind],
    /// Saved by someone else after the form was loaded.
    conflict: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "milestones/delete.html")]
pub(super) struct DeletePage {
    ctx: Ctx,
    milestone: Milestone,
    plan_name: String,
}

fn new_form() -> MilestoneForm {
    MilestoneForm {
        kind: MilestoneKind::Milestone.code().into(),
        ..MilestoneForm::default()
    }
}

async fn list_page(
    ctx: Ctx,
    state: &AppState,
    plan_id: i64,
    f: MilestoneForm,
    errors: FormErrors,
) -> AppResult<MilestonesPage> {
    let m = ctx.user.municipality_id;
    let plan = read::load_head(&state.db, m, plan_id).await?;
    let milestones = read::milestones(&mut *state.db.acquire().await?, m, plan_id).await?;
    Ok(MilestonesPage {
        can_edit: ctx.user.can_edit_plan(),
        ctx,
        plan,
        milestones,
        f,
        errors,
        kinds: MilestoneKind::ALL,
    })
}

pub(super) async fn list(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(plan_id): Path<i64>,
) -> AppResult<MilestonesPage> {
    list_page(ctx, &state, plan_id, new_form(), FormErrors::default()).await
}

pub(super) async fn create(
    Editor(user): Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path(plan_id): Path<i64>,
    Form(f): Form<MilestoneForm>,
) -> AppResult<Response> {
    let input = match f.validate() {
        Ok(i) => i,
        Err(errors) => {
            return Ok(list_page(ctx, &state, plan_id, f, errors)
                .await?
                .into_response());
        }
    };
    let mut tx = state.db.begin().await?;
    store::insert_milestone(&mut tx, Actor::from(&user), plan_id, &input)
        .await?
        .ok_or(AppError::NotFound)?;
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        Msg::with("milestone-created", [("name", input.name.into())]),
        &format!("/plan/{plan_id}/milestones"),
    )
    .await)
}

async fn load(state: &AppState, m: i64, id: i64) -> AppResult<(Milestone, String)> {
    let mut conn = state.db.acquire().await?;
    let milestone = read::milestone(&mut conn, m, id).await?;
    let plan_name = read::load_head(&state.db, m, milestone.action_plan_id)
        .await?
        .name;
    Ok((milestone, plan_name))
}

pub(super) async fn edit(
    _: Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<EditPage> {
    let (milestone, plan_name) = load(&state, ctx.user.municipality_id, id).await?;
    Ok(EditPage {
        ctx,
        f: milestone.form(),
        milestone,
        plan_name,
        errors: FormErrors::default(),
        kinds: MilestoneKind::ALL,
        conflict: false,
    })
}

pub(super) async fn update(
    Editor(user): Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    Form(mut f): Form<MilestoneForm>,
) -> AppResult<Response> {
    let (milestone, plan_name) = load(&state, user.municipality_id, id).await?;
    let page = |ctx, f, errors, conflict, milestone| EditPage {
        ctx,
        milestone,
        plan_name: plan_name.clone(),
        f,
        errors,
        kinds: MilestoneKind::ALL,
        conflict,
    };
    let input = match f.validate() {
        Ok(i) => i,
        Err(errors) => return Ok(page(ctx, f, errors, false, milestone).into_response()),
    };
    let mut tx = state.db.begin().await?;
    let saved = store::update_milestone(
        &mut tx,
        Actor::from(&user),
        id,
        f.version.trim().parse().ok(),
        &input,
    )
    .await?;
    match saved {
        MilestoneSaved::Conflict(version) => {
            // The input is kept and the form now rests on what is saved: saving again is
            // deliberate.
            f.version = version.to_string();
            Ok(page(ctx, f, FormErrors::default(), true, milestone).into_response())
        }
        MilestoneSaved::Saved | MilestoneSaved::Unchanged => {
            let changed = matches!(saved, MilestoneSaved::Saved);
            tx.commit().await?;
            let msg = if changed {
                Msg::with("milestone-saved", [("name", input.name.into())])
            } else {
                Msg::new("milestone-unchanged")
            };
            Ok(flash_redirect(
                &session,
                FlashKind::Success,
                msg,
                &format!("/plan/{}/milestones", milestone.action_plan_id),
            )
            .await)
        }
    }
}

pub(super) async fn delete_page(
    _: Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<DeletePage> {
    let (milestone, plan_name) = load(&state, ctx.user.municipality_id, id).await?;
    Ok(DeletePage {
        ctx,
        milestone,
        plan_name,
    })
}

pub(super) async fn delete(
    Editor(user): Editor,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let (milestone, _) = load(&state, user.municipality_id, id).await?;
    let mut tx = state.db.begin().await?;
    store::delete_milestone(&mut tx, Actor::from(&user), id).await?;
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        Msg::with("milestone-deleted", [("name", milestone.title().into())]),
        &format!("/plan/{}/milestones", milestone.action_plan_id),
    )
    .await)
}
