//! Which locations and places a measure changes (`/measures/{id}/locations`): a location in the
//! inventory, or a place not yet in it (a new stretch of fiber). IKT staff link and unlink;
//! the location's page lists the measures that will change it.

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    extract::{Path, State},
    response::{IntoResponse, Response},
};
use tower_sessions::Session;

use super::{
    model::LinkForm,
    read::{self, MeasurePlace},
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
#[template(path = "lines/measure_locations.html")]
pub struct LinksPage {
    pub ctx: Ctx,
    pub measure_id: i64,
    pub title: String,
    pub places: Vec<MeasurePlace>,
    /// Locations not linked yet, for the form's list.
    pub choices: Vec<(i64, String)>,
    pub f: LinkForm,
    pub errors: FormErrors,
}

async fn page(
    ctx: Ctx,
    state: &AppState,
    measure_id: i64,
    f: LinkForm,
    errors: FormErrors,
) -> AppResult<LinksPage> {
    let m = ctx.user.municipality_id;
    let (title, _) = read::measure_head(&state.db, m, measure_id).await?;
    let places = read::of_measure(&state.db, &ctx.user, measure_id).await?;
    let choices = read::location_names(&state.db, m)
        .await?
        .into_iter()
        .filter(|(id, _)| !places.iter().any(|p| p.location_id == Some(*id)))
        .collect();
    Ok(LinksPage {
        ctx,
        measure_id,
        title,
        places,
        choices,
        f,
        errors,
    })
}

pub(super) async fn show(
    _: Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    Path(measure_id): Path<i64>,
) -> AppResult<LinksPage> {
    page(
        ctx,
        &state,
        measure_id,
        LinkForm::default(),
        FormErrors::default(),
    )
    .await
}

pub(super) async fn link(
    Editor(user): Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path(measure_id): Path<i64>,
    Form(f): Form<LinkForm>,
) -> AppResult<Response> {
    let input = match f.validate() {
        Ok(i) => i,
        Err(errors) => {
            return Ok(page(ctx, &state, measure_id, f, errors)
                .await?
                .into_response());
        }
    };
    let mut tx = state.db.begin().await?;
    let added = store::link_measure(&mut tx, Actor::from(&user), measure_id, &input).await?;
    tx.commit().await?;
    let msg = if added {
        Msg::new("lines-link-added")
    } else {
        Msg::new("lines-link-exists")
    };
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        msg,
        &format!("/measures/{measure_id}/locations"),
    )
    .await)
}

pub(super) async fn unlink(
    Editor(user): Editor,
    State(state): State<AppState>,
    session: Session,
    Path((measure_id, link_id)): Path<(i64, i64)>,
) -> AppResult<Response> {
    let mut tx = state.db.begin().await?;
    store::unlink_measure(&mut tx, Actor::from(&user), measure_id, link_id).await?;
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        Msg::new("lines-link-removed"),
        &format!("/measures/{measure_id}/locations"),
    )
    .await)
}
