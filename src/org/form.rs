//! IKT staff create and edit units and people (`/units/new`, `/units/{id}/edit`,
//! `/people/new`, `/people/{id}/edit`).
//!
//! Editing is optimistically locked, like the measure form: the form carries the version it was
//! loaded at, and a save based on an older version is refused with the input kept and who saved
//! meanwhile; the form is then based on what is saved, so saving again is deliberate.

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    extract::{Path, State},
    response::{IntoResponse, Response},
};
use tower_sessions::Session;

use super::{
    model::{Choices, PERSON_UNIQUE, PersonForm, UNIT_UNIQUE, UnitForm},
    read,
    store::{self, Outcome},
};
use crate::{
    AppState,
    audit::Actor,
    auth::Editor,
    domain::format_datetime,
    error::AppResult,
    i18n::Msg,
    web::{Ctx, FlashKind, Form, FormErrors, flash_redirect, on_constraint},
};

/// Who saved meanwhile, for the refused form.
pub struct ConflictView {
    pub who: String,
    pub when: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "units/form.html")]
pub(super) struct UnitFormPage {
    ctx: Ctx,
    /// (id, saved name) when editing.
    unit: Option<(i64, String)>,
    f: UnitForm,
    choices: Choices,
    errors: FormErrors,
    conflict: Option<ConflictView>,
}

impl UnitFormPage {
    fn action(&self) -> String {
        match &self.unit {
            Some((id, _)) => format!("/units/{id}/edit"),
            None => "/units".into(),
        }
    }
    fn cancel(&self) -> String {
        match &self.unit {
            Some((id, _)) => format!("/units/{id}"),
            None => "/units".into(),
        }
    }
    fn picked(value: &str, id: &i64) -> bool {
        value.trim() == id.to_string()
    }
    /// A unit the edited one may be placed under: not itself nor one under it.
    fn may_parent(&self, id: &i64) -> bool {
        !self.choices.below.contains(id) || Self::picked(&self.f.parent, id)
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "people/form.html")]
pub(super) struct PersonFormPage {
    ctx: Ctx,
    person: Option<(i64, String)>,
    f: PersonForm,
    choices: Choices,
    errors: FormErrors,
    conflict: Option<ConflictView>,
}

impl PersonFormPage {
    fn action(&self) -> String {
        match &self.person {
            Some((id, _)) => format!("/people/{id}/edit"),
            None => "/people".into(),
        }
    }
    fn cancel(&self) -> String {
        match &self.person {
            Some((id, _)) => format!("/people/{id}"),
            None => "/people".into(),
        }
    }
    fn picked(&self, id: &i64) -> bool {
        self.f.unit.trim() == id.to_string()
    }
}

pub(super) async fn new_unit(
    _: Editor,
    ctx: Ctx,
    State(state): State<AppState>,
) -> AppResult<UnitFormPage> {
    let choices = read::choices(&state.db, ctx.user.municipality_id, None).await?;
    Ok(UnitFormPage {
        ctx,
        unit: None,
        f: UnitForm::default(),
        choices,
        errors: FormErrors::default(),
        conflict: None,
    })
}

pub(super) async fn create_unit(
    Editor(user): Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Form(f): Form<UnitForm>,
) -> AppResult<Response> {
    let choices = read::choices(&state.db, user.municipality_id, None).await?;
    let again = |ctx, f, choices, errors| UnitFormPage {
        ctx,
        unit: None,
        f,
        choices,
        errors,
        conflict: None,
    };
    let input = match f.validate(&choices) {
        Ok(i) => i,
        Err(errors) => return Ok(again(ctx, f, choices, errors).into_response()),
    };
    let mut tx = state.db.begin().await?;
    let id = match store::insert_unit(&mut tx, Actor::from(&user), &input).await {
        Ok(id) => id,
        Err(e) => {
            let errors = on_constraint(e, UNIT_UNIQUE)?;
            return Ok(again(ctx, f, choices, errors).into_response());
        }
    };
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        Msg::new("org-unit-created"),
        &format!("/units/{id}"),
    )
    .await)
}

pub(super) async fn edit_unit(
    _: Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<UnitFormPage> {
    let m = ctx.user.municipality_id;
    let unit = {
        let mut conn = state.db.acquire().await?;
        read::unit(&mut conn, m, id).await?
    };
    let choices = read::choices(&state.db, m, Some(id)).await?;
    Ok(UnitFormPage {
        ctx,
        f: unit.form(),
        unit: Some((id, unit.name)),
        choices,
        errors: FormErrors::default(),
        conflict: None,
    })
}

pub(super) async fn update_unit(
    Editor(user): Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    Form(mut f): Form<UnitForm>,
) -> AppResult<Response> {
    let m = user.municipality_id;
    let name = {
        let mut conn = state.db.acquire().await?;
        read::unit(&mut conn, m, id).await?.name
    };
    let choices = read::choices(&state.db, m, Some(id)).await?;
    let page = |ctx, f, choices, errors, conflict| UnitFormPage {
        ctx,
        unit: Some((id, name.clone())),
        f,
        choices,
        errors,
        conflict,
    };
    let input = match f.validate(&choices) {
        Ok(i) => i,
        Err(errors) => return Ok(page(ctx, f, choices, errors, None).into_response()),
    };
    let based_on = f.version.trim().parse::<i32>().ok();
    let mut tx = state.db.begin().await?;
    let back = format!("/units/{id}");
    let outcome = match store::update_unit(&mut tx, Actor::from(&user), id, based_on, &input).await
    {
        Ok(o) => o,
        Err(e) => {
            let errors = on_constraint(e, UNIT_UNIQUE)?;
            return Ok(page(ctx, f, choices, errors, None).into_response());
        }
    };
    match outcome {
        Outcome::Saved => {
            tx.commit().await?;
            Ok(flash_redirect(&session, FlashKind::Success, Msg::new("org-saved"), &back).await)
        }
        Outcome::Unchanged => {
            tx.rollback().await?;
            Ok(flash_redirect(&session, FlashKind::Info, Msg::new("org-unchanged"), &back).await)
        }
        Outcome::Conflict(c) => {
            tx.rollback().await?;
            f.version = c.version.to_string();
            let conflict = ConflictView {
                who: c.who_in(ctx.lang),
                when: format_datetime(c.when),
            };
            Ok(page(ctx, f, choices, FormErrors::default(), Some(conflict)).into_response())
        }
        Outcome::Cycle => {
            tx.rollback().await?;
            let mut errors = FormErrors::default();
            errors.add("parent", Msg::new("org-unit-cycle"));
            Ok(page(ctx, f, choices, errors, None).into_response())
        }
    }
}

pub(super) async fn new_person(
    _: Editor,
    ctx: Ctx,
    State(state): State<AppState>,
) -> AppResult<PersonFormPage> {
    let choices = read::choices(&state.db, ctx.user.municipality_id, None).await?;
    Ok(PersonFormPage {
        ctx,
        person: None,
        f: PersonForm::default(),
        choices,
        errors: FormErrors::default(),
        conflict: None,
    })
}

pub(super) async fn create_person(
    Editor(user): Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Form(f): Form<PersonForm>,
) -> AppResult<Response> {
    let choices = read::choices(&state.db, user.municipality_id, None).await?;
    let again = |ctx, f, choices, errors| PersonFormPage {
        ctx,
        person: None,
        f,
        choices,
        errors,
        conflict: None,
    };
    let input = match f.validate(&choices) {
        Ok(i) => i,
        Err(errors) => return Ok(again(ctx, f, choices, errors).into_response()),
    };
    let mut tx = state.db.begin().await?;
    let id = match store::insert_person(&mut tx, Actor::from(&user), &input).await {
        Ok(id) => id,
        Err(e) => {
            let errors = on_constraint(e, PERSON_UNIQUE)?;
            return Ok(again(ctx, f, choices, errors).into_response());
        }
    };
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        Msg::new("org-person-created"),
        &format!("/people/{id}"),
    )
    .await)
}

pub(super) async fn edit_person(
    _: Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<PersonFormPage> {
    let m = ctx.user.municipality_id;
    let person = {
        let mut conn = state.db.acquire().await?;
        read::person(&mut conn, m, id).await?
    };
    let choices = read::choices(&state.db, m, None).await?;
    Ok(PersonFormPage {
        ctx,
        f: person.form(),
        person: Some((id, person.name)),
        choices,
        errors: FormErrors::default(),
        conflict: None,
    })
}

pub(super) async fn update_person(
    Editor(user): Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    Form(mut f): Form<PersonForm>,
) -> AppResult<Response> {
    let m = user.municipality_id;
    let name = {
        let mut conn = state.db.acquire().await?;
        read::person(&mut conn, m, id).await?.name
    };
    let choices = read::choices(&state.db, m, None).await?;
    let page = |ctx, f, choices, errors, conflict| PersonFormPage {
        ctx,
        person: Some((id, name.clone())),
        f,
        choices,
        errors,
        conflict,
    };
    let input = match f.validate(&choices) {
        Ok(i) => i,
        Err(errors) => return Ok(page(ctx, f, choices, errors, None).into_response()),
    };
    let based_on = f.version.trim().parse::<i32>().ok();
    let mut tx = state.db.begin().await?;
    let back = format!("/people/{id}");
    let outcome =
        match store::update_person(&mut tx, Actor::from(&user), id, based_on, &input).await {
            Ok(o) => o,
            Err(e) => {
                let errors = on_constraint(e, PERSON_UNIQUE)?;
                return Ok(page(ctx, f, choices, errors, None).into_response());
            }
        };
    match outcome {
        Outcome::Saved => {
            tx.commit().await?;
            Ok(flash_redirect(&session, FlashKind::Success, Msg::new("org-saved"), &back).await)
        }
        Outcome::Unchanged => {
            tx.rollback().await?;
            Ok(flash_redirect(&session, FlashKind::Info, Msg::new("org-unchanged"), &back).await)
        }
        Outcome::Conflict(c) => {
            tx.rollback().await?;
            f.version = c.version.to_string();
            let conflict = ConflictView {
                who: c.who_in(ctx.lang),
                when: format_datetime(c.when),
            };
            Ok(page(ctx, f, choices, FormErrors::default(), Some(conflict)).into_response())
        }
        // Only a unit's parent can loop; `update_person` never answers this.
        Outcome::Cycle => Err(anyhow::anyhow!("a person's save answered «cycle»").into()),
    }
}
