//! Registering a request (`/acquisitions/new`, POST `/acquisitions`: any logged-in user, for
//! a unit) and changing it while the secretariat has it (`/acquisitions/{id}/edit`: its
//! requester or IKT staff). Saving a request that was sent back for more information returns
//! it to the secretariat.

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    extract::{Path, Query, State},
    response::{IntoResponse, Response},
};
use serde::Deserialize;
use tower_sessions::Session;

use super::{
    model::{ACQUISITION_UNIQUE, AcquisitionForm, Choices, Financing, Urgency},
    read::{self, Detail},
    store::{self, Moved},
};
use crate::{
    AppState,
    audit::Actor,
    auth::{CurrentUser, Editor},
    error::{AppError, AppResult},
    i18n::Msg,
    web::{Ctx, FlashKind, FormErrors, FormPairs, flash_redirect, on_constraint},
};

#[derive(Template, WebTemplate)]
#[template(path = "acquisitions/form.html")]
pub(super) struct FormPage {
    ctx: Ctx,
    f: AcquisitionForm,
    c: Choices,
    errors: FormErrors,
    /// The request's id and saved title when editing.
    editing: Option<(i64, String)>,
    /// The measure it is registered from: (id, title).
    measure: Option<(i64, String)>,
    /// Who saved since the form was opened, and when.
    stale: Option<(String, String)>,
    financings: &'static [Financing],
    urgencies: &'static [Urgency],
}

impl FormPage {
    fn action(&self) -> String {
        match &self.editing {
            Some((id, _)) => format!("/acquisitions/{id}/edit"),
            None => "/acquisitions".into(),
        }
    }
    fn cancel(&self) -> String {
        match &self.editing {
            Some((id, _)) => format!("/acquisitions/{id}"),
            None => "/acquisitions".into(),
        }
    }
    fn picked(&self, field: &str, id: &i64) -> bool {
        let v = match field {
            "unit" => &self.f.unit,
            "system_owner" => &self.f.system_owner,
            _ => &self.f.system,
        };
        v.trim() == id.to_string()
    }
}

async fn choices(state: &AppState, m: i64) -> AppResult<Choices> {
    Ok(Choices {
        units: crate::org::read::unit_names(&state.db, m).await?,
        people: crate::org::read::person_names(&state.db, m).await?,
        systems: crate::systems::read::system_names(&state.db, m).await?,
        principles: read::principles(&state.db, m)
            .await?
            .into_iter()
            .map(|(id, pos, text)| (id, format!("{pos}. {text}")))
            .collect(),
    })
}

/// The measure a request is registered from, if it is the municipality's: (id, title).
async fn measure(state: &AppState, m: i64, v: &str) -> AppResult<Option<(i64, String)>> {
    let Ok(id) = v.trim().parse::<i64>() else {
        return Ok(None);
    };
    Ok(crate::measures::read::title(&state.db, m, id)
        .await?
        .map(|t| (id, t)))
}

fn page(ctx: Ctx, f: AcquisitionForm, c: Choices, errors: FormErrors) -> FormPage {
    FormPage {
        ctx,
        f,
        c,
        errors,
        editing: None,
        measure: None,
        stale: None,
        financings: Financing::ALL,
        urgencies: Urgency::ALL,
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct NewQuery {
    measure: String,
}

pub(super) async fn new(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(q): Query<NewQuery>,
) -> AppResult<FormPage> {
    let m = ctx.user.municipality_id;
    let c = choices(&state, m).await?;
    let measure = measure(&state, m, &q.measure).await?;
    let f = AcquisitionForm {
        urgency: "normal".into(),
        title: measure.as_ref().map(|(_, t)| t.clone()).unwrap_or_default(),
        measure: measure
            .as_ref()
            .map(|(id, _)| id.to_string())
            .unwrap_or_default(),
        ..Default::default()
    };
    let mut p = page(ctx, f, c, FormErrors::default());
    p.measure = measure;
    Ok(p)
}

pub(super) async fn create(
    user: CurrentUser,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    pairs: FormPairs,
) -> AppResult<Response> {
    let m = user.municipality_id;
    let f = AcquisitionForm::from_pairs(&pairs);
    let c = choices(&state, m).await?;
    let from = measure(&state, m, &f.measure).await?;
    let input = match f.validate(&c) {
        Ok(i) => i,
        Err(errors) => {
            let mut p = page(ctx, f, c, errors);
            p.measure = from;
            return Ok(p.into_response());
        }
    };
    let mut tx = state.db.begin().await?;
    let id = match store::insert(
        &mut tx,
        Actor::from(&user),
        &input,
        Some(user.user_id),
        from.as_ref().map(|(id, _)| *id),
    )
    .await
    {
        Ok(id) => id,
        Err(e) => {
            let errors = on_constraint(e, ACQUISITION_UNIQUE)?;
            let mut p = page(ctx, f, c, errors);
            p.measure = from;
            return Ok(p.into_response());
        }
    };
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        Msg::new("council-acquisition-registered"),
        &format!("/acquisitions/{id}"),
    )
    .await)
}

impl Detail {
    fn form(&self) -> AcquisitionForm {
        let id = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
        let plain = |v: Option<rust_decimal::Decimal>| {
            v.map(|d| crate::domain::Nok(d).plain()).unwrap_or_default()
        };
        AcquisitionForm {
            title: self.title.clone(),
            need: self.need.clone().unwrap_or_default(),
            unit: id(self.unit_id),
            system_owner: id(self.system_owner_id),
            system: id(self.system_id),
            investment: plain(self.investment),
            running_cost: plain(self.running_cost),
            financing: self.financing.map(|f| f.code().into()).unwrap_or_default(),
            urgency: self.urgency.code().into(),
            benefits: self.benefits.clone().unwrap_or_default(),
            answers: Vec::new(),
            measure: String::new(),
            version: self.version.to_string(),
        }
    }
}

/// The request, if the user may change it now: its requester or IKT staff, while the
/// secretariat has it.
async fn editable(state: &AppState, user: &CurrentUser, id: i64) -> AppResult<Detail> {
    let d = read::detail(&state.db, user.municipality_id, id).await?;
    user.require_that(d.is_requester(user) || user.can_edit_plan(), Editor::ROLES)?;
    if !d.state.editable() {
        return Err(AppError::BadRequest(Msg::new("council-not-editable")));
    }
    Ok(d)
}

pub(super) async fn edit(
    user: CurrentUser,
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<FormPage> {
    let d = editable(&state, &user, id).await?;
    let c = choices(&state, user.municipality_id).await?;
    let mut f = d.form();
    f.answers = read::answers(&state.db, user.municipality_id, id).await?;
    let mut p = page(ctx, f, c, FormErrors::default());
    p.editing = Some((id, d.title));
    Ok(p)
}

pub(super) async fn update(
    user: CurrentUser,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    pairs: FormPairs,
) -> AppResult<Response> {
    let d = editable(&state, &user, id).await?;
    let mut f = AcquisitionForm::from_pairs(&pairs);
    let c = choices(&state, user.municipality_id).await?;
    let input = match f.validate(&c) {
        Ok(i) => i,
        Err(errors) => {
            let mut p = page(ctx, f, c, errors);
            p.editing = Some((id, d.title));
            return Ok(p.into_response());
        }
    };
    let based_on = f.version.trim().parse().ok();
    let mut tx = state.db.begin().await?;
    match store::update(&mut tx, Actor::from(&user), id, based_on, &input).await? {
        Moved::Done => {}
        Moved::NotFound => return Err(AppError::NotFound),
        Moved::Stale { by, at } => {
            // The input is kept; the next save is based on what is saved now.
            f.version = d.version.to_string();
            let mut p = page(ctx, f, c, FormErrors::default());
            p.stale = Some((by.unwrap_or_else(|| p.ctx.t("council-someone-else")), at));
            p.editing = Some((id, d.title));
            return Ok(p.into_response());
        }
        Moved::NotNow(_) | Moved::Closed => {
            return Err(AppError::BadRequest(Msg::new("council-not-editable")));
        }
    }
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        Msg::new("council-acquisition-saved"),
        &format!("/acquisitions/{id}"),
    )
    .await)
}
