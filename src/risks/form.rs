//! IKT staff create assessments (`/risks/new`, POST `/risks`) and edit them
//! (`/risks/{id}/edit`, with the version check).

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    extract::{Path, State},
    response::{IntoResponse, Response},
};
use tower_sessions::Session;

use super::{
    item::{Stale, assessment},
    model::{ASSESSMENT_UNIQUE, AssessmentForm},
    read::AssessmentDetail,
    store::{self, Saved},
};
use crate::{
    AppState,
    audit::Actor,
    auth::Editor,
    error::{AppError, AppResult},
    i18n::Msg,
    web::{Ctx, FlashKind, Form, FormErrors, flash_redirect, on_constraint},
};

#[derive(Template, WebTemplate)]
#[template(path = "risks/form.html")]
pub(super) struct AssessmentFormPage {
    ctx: Ctx,
    f: AssessmentForm,
    people: Vec<(i64, String)>,
    errors: FormErrors,
    /// The assessment's id and saved title when editing.
    editing: Option<(i64, String)>,
    stale: Option<Stale>,
}

impl AssessmentFormPage {
    fn action(&self) -> String {
        match &self.editing {
            Some((id, _)) => format!("/risks/{id}/edit"),
            None => "/risks".into(),
        }
    }
    fn cancel(&self) -> String {
        match &self.editing {
            Some((id, _)) => format!("/risks/{id}"),
            None => "/risks".into(),
        }
    }
    fn picked(&self, id: &i64) -> bool {
        self.f.responsible.trim() == id.to_string()
    }
}

pub(super) async fn new_assessment(
    _: Editor,
    ctx: Ctx,
    State(state): State<AppState>,
) -> AppResult<AssessmentFormPage> {
    let people = crate::org::read::person_names(&state.db, ctx.user.municipality_id).await?;
    Ok(AssessmentFormPage {
        ctx,
        f: AssessmentForm::default(),
        people,
        errors: FormErrors::default(),
        editing: None,
        stale: None,
    })
}

pub(super) async fn create_assessment(
    Editor(user): Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Form(f): Form<AssessmentForm>,
) -> AppResult<Response> {
    let people = crate::org::read::person_names(&state.db, user.municipality_id).await?;
    let input = match f.validate(&people) {
        Ok(i) => i,
        Err(errors) => {
            return Ok(AssessmentFormPage {
                ctx,
                f,
                people,
                errors,
                editing: None,
                stale: None,
            }
            .into_response());
        }
    };
    let mut tx = state.db.begin().await?;
    let id = match store::insert_assessment(&mut tx, Actor::from(&user), &input).await {
        Ok(id) => id,
        Err(e) => {
            let errors = on_constraint(e, ASSESSMENT_UNIQUE)?;
            return Ok(AssessmentFormPage {
                ctx,
                f,
                people,
                errors,
                editing: None,
                stale: None,
            }
            .into_response());
        }
    };
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        Msg::new("risks-assessment-created"),
        &format!("/risks/{id}"),
    )
    .await)
}

impl AssessmentDetail {
    fn form(&self) -> AssessmentForm {
        AssessmentForm {
            title: self.title.clone(),
            assessed_on: self
                .assessed_on
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            scope: self.scope.clone().unwrap_or_default(),
            responsible: self
                .responsible_id
                .map(|v| v.to_string())
                .unwrap_or_default(),
            restricted: if self.restricted {
                "on".into()
            } else {
                String::new()
            },
            version: self.version.to_string(),
        }
    }
}

pub(super) async fn edit_assessment(
    Editor(user): Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<AssessmentFormPage> {
    let a = assessment(&state, &user, id).await?;
    let people = crate::org::read::person_names(&state.db, user.municipality_id).await?;
    Ok(AssessmentFormPage {
        ctx,
        f: a.form(),
        people,
        errors: FormErrors::default(),
        editing: Some((id, a.title)),
        stale: None,
    })
}

pub(super) async fn update_assessment(
    Editor(user): Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    Form(mut f): Form<AssessmentForm>,
) -> AppResult<Response> {
    let a = assessment(&state, &user, id).await?;
    let people = crate::org::read::person_names(&state.db, user.municipality_id).await?;
    let page = |ctx, f, errors, stale| AssessmentFormPage {
        ctx,
        f,
        people: people.clone(),
        errors,
        editing: Some((id, a.title.clone())),
        stale,
    };
    let input = match f.validate(&people) {
        Ok(i) => i,
        Err(errors) => return Ok(page(ctx, f, errors, None).into_response()),
    };
    let based_on = f.version.trim().parse().ok();
    let mut tx = state.db.begin().await?;
    match store::update_assessment(&mut tx, Actor::from(&user), id, based_on, &input).await {
        Ok(Saved::Saved) => {}
        Ok(Saved::NotFound) => return Err(AppError::NotFound),
        Ok(Saved::Stale { by, at }) => {
            // The input is kept; the next save is based on what is saved now.
            f.version = a.version.to_string();
            let stale = Some(Stale::new(&ctx, by, at));
            return Ok(page(ctx, f, FormErrors::default(), stale).into_response());
        }
        Err(e) => {
            let errors = on_constraint(e, ASSESSMENT_UNIQUE)?;
            return Ok(page(ctx, f, errors, None).into_response());
        }
    }
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        Msg::new("risks-assessment-saved"),
        &format!("/risks/{id}"),
    )
    .await)
}
