//! Creating and editing the strategy document itself (`/strategy/new`, `/strategy/{id}/edit`).
//! Editing is version-checked: a save based on an older version is refused with what is stored
//! now, and the user's input is kept.

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    extract::{Path, State},
    response::{IntoResponse, Response},
};
use tower_sessions::Session;

use super::{
    model::{DocumentForm, conflicting_fields},
    read, store,
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
#[template(path = "strategy/form.html")]
pub(super) struct DocumentPage {
    ctx: Ctx,
    /// None when creating.
    doc_id: Option<i64>,
    form: DocumentForm,
    errors: FormErrors,
    /// Set when the save was refused because someone else saved first.
    conflict: Option<Vec<(&'static str, String)>>,
}

impl DocumentPage {
    fn new(ctx: Ctx, doc_id: Option<i64>, form: DocumentForm, errors: FormErrors) -> Self {
        DocumentPage {
            ctx,
            doc_id,
            form,
            errors,
            conflict: None,
        }
    }
}

pub(super) async fn new(_: Editor, ctx: Ctx) -> AppResult<DocumentPage> {
    Ok(DocumentPage::new(
        ctx,
        None,
        DocumentForm::default(),
        FormErrors::default(),
    ))
}

pub(super) async fn create(
    Editor(user): Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Form(form): Form<DocumentForm>,
) -> AppResult<Response> {
    let doc = match form.validate() {
        Ok(d) => d,
        Err(errors) => return Ok(DocumentPage::new(ctx, None, form, errors).into_response()),
    };
    let mut tx = state.db.begin().await?;
    let id = store::insert_document(&mut tx, Actor::from(&user), &doc).await?;
    tx.commit().await?;
    let text = Msg::with(
        "strategy-document-created",
        [("title", doc.title.clone().into())],
    );
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        text,
        &format!("/strategy/{id}"),
    )
    .await)
}

pub(super) async fn edit(
    _: Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<DocumentPage> {
    let doc = read::document(&state.db, ctx.user.municipality_id, id).await?;
    Ok(DocumentPage::new(
        ctx,
        Some(id),
        DocumentForm::of(&doc),
        FormErrors::default(),
    ))
}

pub(super) async fn update(
    Editor(user): Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    Form(form): Form<DocumentForm>,
) -> AppResult<Response> {
    let m = user.municipality_id;
    let before = read::document(&state.db, m, id).await?;
    let valid = form.validate();
    let errors = valid.as_ref().err().cloned().unwrap_or_default();
    // Someone saved in between (seen now, or lost the race at the update): keep what this user
    // typed, show what is stored now, and let a new save based on it be a deliberate overwrite.
    let refused = |ctx, mut form: DocumentForm, now: &read::Document, errors| {
        let conflict = conflicting_fields(&form, now);
        form.version = now.version.to_string();
        DocumentPage {
            conflict: Some(conflict),
            ..DocumentPage::new(ctx, Some(id), form, errors)
        }
        .into_response()
    };
    if form.version.trim().parse::<i32>().ok() != Some(before.version) {
        return Ok(refused(ctx, form, &before, errors));
    }
    let doc = match valid {
        Ok(d) => d,
        Err(errors) => return Ok(DocumentPage::new(ctx, Some(id), form, errors).into_response()),
    };
    let mut tx = state.db.begin().await?;
    if !store::update_document(&mut tx, Actor::from(&user), &before, &doc).await? {
        drop(tx);
        let now = read::document(&state.db, m, id).await?;
        return Ok(refused(ctx, form, &now, errors));
    }
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        Msg::new("strategy-saved"),
        &format!("/strategy/{id}"),
    )
    .await)
}
