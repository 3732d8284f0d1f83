//! Adding, editing and deleting locations and their lines (`/locations/new`,
//! `/locations/{id}/edit`, `/locations/{id}/delete`, `/locations/{id}/lines/new`,
//! `/lines/{id}/edit`, `/lines/{id}/delete`). IKT staff only; the version check and the
//! conflict message are the measure form's.

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    extract::{Path, State},
    response::{IntoResponse, Response},
};
use tower_sessions::Session;

use super::{
    model::{LineForm, LineType, LocationForm, Ownership},
    read, store,
};
use crate::{
    AppState,
    audit::Actor,
    auth::Editor,
    db::Outcome,
    error::{AppError, AppResult},
    i18n::Msg,
    web::{Ctx, FlashKind, Form, FormErrors, flash_redirect, on_constraint},
};

/// Someone saved the record after the form was loaded.
pub struct Stale {
    pub who: String,
    pub when: String,
}

impl Stale {
    fn of(ctx: &Ctx, by: Option<String>, at: String) -> Self {
        Stale {
            who: by.unwrap_or_else(|| ctx.t("measure-someone-else")),
            when: at,
        }
    }
}

fn taken() -> [(&'static str, &'static str, Msg); 1] {
    [(
        "location_municipality_id_name_key",
        "name",
        Msg::new("lines-name-taken"),
    )]
}

#[derive(Template, WebTemplate)]
#[template(path = "lines/location_form.html")]
pub struct LocationPage {
    pub ctx: Ctx,
    /// (id, saved name) when editing.
    pub location: Option<(i64, String)>,
    pub f: LocationForm,
    pub errors: FormErrors,
    pub stale: Option<Stale>,
}

pub(super) async fn new_location(_: Editor, ctx: Ctx) -> LocationPage {
    LocationPage {
        ctx,
        location: None,
        f: LocationForm::default(),
        errors: FormErrors::default(),
        stale: None,
    }
}

pub(super) async fn create_location(
    Editor(user): Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Form(f): Form<LocationForm>,
) -> AppResult<Response> {
    let page = |ctx, f, errors| LocationPage {
        ctx,
        location: None,
        f,
        errors,
        stale: None,
    };
    let input = match f.validate() {
        Ok(i) => i,
        Err(errors) => return Ok(page(ctx, f, errors).into_response()),
    };
    let mut tx = state.db.begin().await?;
    let Some(id) = store::insert_location(&mut tx, Actor::from(&user), &input).await? else {
        let mut errors = FormErrors::default();
        errors.add("name", Msg::new("lines-name-taken"));
        return Ok(page(ctx, f, errors).into_response());
    };
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        Msg::with("lines-location-created", [("name", input.name.into())]),
        &format!("/locations/{id}"),
    )
    .await)
}

pub(super) async fn edit_location(
    _: Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<LocationPage> {
    let (input, version) = read::location_input(&state.db, ctx.user.municipality_id, id).await?;
    Ok(LocationPage {
        location: Some((id, input.name.clone())),
        f: LocationForm::of(&input, version),
        errors: FormErrors::default(),
        stale: None,
        ctx,
    })
}

pub(super) async fn update_location(
    Editor(user): Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    Form(mut f): Form<LocationForm>,
) -> AppResult<Response> {
    let (saved, version) = read::location_input(&state.db, user.municipality_id, id).await?;
    let location = Some((id, saved.name));
    let input = match f.validate() {
        Ok(i) => i,
        Err(errors) => {
            return Ok(LocationPage {
                ctx,
                location,
                f,
                errors,
                stale: None,
            }
            .into_response());
        }
    };
    let mut tx = state.db.begin().await?;
    let based_on = f.version.trim().parse().ok();
    let outcome = match store::update_location(&mut tx, Actor::from(&user), id, based_on, &input)
        .await
        .map_err(|e| on_constraint(e, &taken()))
    {
        Ok(o) => o,
        Err(Ok(errors)) => {
            return Ok(LocationPage {
                ctx,
                location,
                f,
                errors,
                stale: None,
            }
            .into_response());
        }
        Err(Err(e)) => return Err(e),
    };
    match outcome {
        Outcome::Stale { by, at } => {
            // The input is kept and now rests on what is saved: saving again is deliberate.
            f.version = version.to_string();
            Ok(LocationPage {
                stale: Some(Stale::of(&ctx, by, at)),
                ctx,
                location,
                f,
                errors: FormErrors::default(),
            }
            .into_response())
        }
        Outcome::Saved | Outcome::Unchanged => {
            let msg = if outcome == Outcome::Saved {
                tx.commit().await?;
                Msg::with("lines-location-saved", [("name", input.name.into())])
            } else {
                Msg::new("lines-unchanged")
            };
            Ok(flash_redirect(
                &session,
                FlashKind::Success,
                msg,
                &format!("/locations/{id}"),
            )
            .await)
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "lines/location_delete.html")]
pub struct DeleteLocationPage {
    pub ctx: Ctx,
    pub id: i64,
    pub name: String,
    pub lines: i64,
    pub measures: i64,
}

pub(super) async fn confirm_delete_location(
    _: Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<DeleteLocationPage> {
    let m = ctx.user.municipality_id;
    let (input, _) = read::location_input(&state.db, m, id).await?;
    let (lines, measures) = read::location_dependants(&state.db, m, id).await?;
    Ok(DeleteLocationPage {
        ctx,
        id,
        name: input.name,
        lines,
        measures,
    })
}

pub(super) async fn delete_location(
    Editor(user): Editor,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let mut tx = state.db.begin().await?;
    let name = store::delete_location(&mut tx, Actor::from(&user), id)
        .await?
        .ok_or(AppError::NotFound)?;
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        Msg::with("lines-location-deleted", [("name", name.into())]),
        "/locations",
    )
    .await)
}

#[derive(Template, WebTemplate)]
#[template(path = "lines/line_form.html")]
pub struct LinePage {
    pub ctx: Ctx,
    pub location_id: i64,
    pub location_name: String,
    /// The line's id when editing.
    pub line_id: Option<i64>,
    pub f: LineForm,
    pub errors: FormErrors,
    pub stale: Option<Stale>,
    pub types: &'static [LineType],
    pub ownerships: &'static [Ownership],
}

impl LinePage {
    fn new(ctx: Ctx, location_id: i64, location_name: String, line_id: Option<i64>) -> Self {
        LinePage {
            ctx,
            location_id,
            location_name,
            line_id,
            f: LineForm::blank(),
            errors: FormErrors::default(),
            stale: None,
            types: LineType::ALL,
            ownerships: Ownership::ALL,
        }
    }

    fn with(mut self, f: LineForm, errors: FormErrors) -> Self {
        self.f = f;
        self.errors = errors;
        self
    }
}

pub(super) async fn new_line(
    _: Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    Path(location_id): Path<i64>,
) -> AppResult<LinePage> {
    let (location, _) =
        read::location_input(&state.db, ctx.user.municipality_id, location_id).await?;
    Ok(LinePage::new(ctx, location_id, location.name, None))
}

pub(super) async fn create_line(
    Editor(user): Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path(location_id): Path<i64>,
    Form(f): Form<LineForm>,
) -> AppResult<Response> {
    let (location, _) = read::location_input(&state.db, user.municipality_id, location_id).await?;
    let input = match f.validate() {
        Ok(i) => i,
        Err(errors) => {
            return Ok(LinePage::new(ctx, location_id, location.name, None)
                .with(f, errors)
                .into_response());
        }
    };
    let mut tx = state.db.begin().await?;
    let id = store::insert_line(&mut tx, Actor::from(&user), location_id, &input)
        .await?
        .ok_or(AppError::NotFound)?;
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        Msg::with("lines-line-created", [("location", location.name.into())]),
        &format!("/locations/{location_id}#line-{id}"),
    )
    .await)
}

pub(super) async fn edit_line(
    _: Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<LinePage> {
    let (input, version, location_id, location) =
        read::line_input(&state.db, ctx.user.municipality_id, id).await?;
    Ok(LinePage::new(ctx, location_id, location, Some(id))
        .with(LineForm::of(&input, version), FormErrors::default()))
}

pub(super) async fn update_line(
    Editor(user): Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    Form(mut f): Form<LineForm>,
) -> AppResult<Response> {
    let (_, version, location_id, location) =
        read::line_input(&state.db, user.municipality_id, id).await?;
    let page = |ctx| LinePage::new(ctx, location_id, location.clone(), Some(id));
    let input = match f.validate() {
        Ok(i) => i,
        Err(errors) => return Ok(page(ctx).with(f, errors).into_response()),
    };
    let mut tx = state.db.begin().await?;
    let based_on = f.version.trim().parse().ok();
    match store::update_line(&mut tx, Actor::from(&user), id, based_on, &input).await? {
        Outcome::Stale { by, at } => {
            f.version = version.to_string();
            let stale = Stale::of(&ctx, by, at);
            let mut p = page(ctx).with(f, FormErrors::default());
            p.stale = Some(stale);
            Ok(p.into_response())
        }
        outcome => {
            let msg = if outcome == Outcome::Saved {
                tx.commit().await?;
                Msg::with("lines-line-saved", [("location", location.clone().into())])
            } else {
                Msg::new("lines-unchanged")
            };
            Ok(flash_redirect(
                &session,
                FlashKind::Success,
                msg,
                &format!("/locations/{location_id}#line-{id}"),
            )
            .await)
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "lines/line_delete.html")]
pub struct DeleteLinePage {
    pub ctx: Ctx,
    pub id: i64,
    pub location_id: i64,
    pub location_name: String,
    pub purpose: Option<String>,
}

pub(super) async fn confirm_delete_line(
    _: Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<DeleteLinePage> {
    let (input, _, location_id, location_name) =
        read::line_input(&state.db, ctx.user.municipality_id, id).await?;
    Ok(DeleteLinePage {
        ctx,
        id,
        location_id,
        location_name,
        purpose: input.purpose,
    })
}

pub(super) async fn delete_line(
    Editor(user): Editor,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let mut tx = state.db.begin().await?;
    let location_id = store::delete_line(&mut tx, Actor::from(&user), id)
        .await?
        .ok_or(AppError::NotFound)?;
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        Msg::new("lines-line-deleted"),
        &format!("/locations/{location_id}"),
    )
    .await)
}
