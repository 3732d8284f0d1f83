//! IKT staff create assessments (`/risks/new`, POST `/risks`).

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    extract::State,
    response::{IntoResponse, Response},
};
use tower_sessions::Session;

use super::{
    model::{ASSESSMENT_UNIQUE, AssessmentForm},
    store,
};
use crate::{
    AppState,
    audit::Actor,
    auth::Editor,
    error::AppResult,
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
}

impl AssessmentFormPage {
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
