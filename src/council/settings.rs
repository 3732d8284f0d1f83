//! The council's settings (`/council/settings`, administrators): the amount up to which the
//! secretariat may clear a request itself, the municipality's own list of principles (Gjesdal's
//! §3.1; another adds privacy or archive), and the seats: each a title, the login that holds it
//! and whether it chairs. A seat is not deleted, since assessments name it; it changes hands.
//! Every change is audited as a change of the municipality.

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    extract::{Path, State},
    response::{IntoResponse, Response},
};
use serde::Deserialize;
use tower_sessions::Session;

use super::{
    model::{MEMBER_UNIQUE, MemberForm, PrincipleForm, ThresholdForm},
    read::{self, Member},
    store,
};
use crate::{
    AppState,
    audit::Actor,
    auth::Admin,
    domain::Nok,
    error::AppResult,
    i18n::Msg,
    web::{Ctx, FlashKind, Form, FormErrors, flash_redirect, on_constraint},
};

#[derive(Template, WebTemplate)]
#[template(path = "council/settings.html")]
pub(super) struct SettingsPage {
    ctx: Ctx,
    threshold: ThresholdForm,
    principles: Vec<(i64, i32, String, bool)>,
    members: Vec<Member>,
    users: Vec<(i64, String)>,
    principle: PrincipleForm,
    member: MemberForm,
    /// Which form the messages belong to: "threshold", "principle" or "member".
    failed: &'static str,
    errors: FormErrors,
}

impl SettingsPage {
    fn error(&self, form: &str, field: &str) -> Option<&Msg> {
        (self.failed == form)
            .then(|| self.errors.get(field))
            .flatten()
    }
    fn member_user_picked(&self, id: &i64) -> bool {
        self.member.user.trim() == id.to_string()
    }
    fn seat_holder(&self, mb: &Member, id: &i64) -> bool {
        mb.user_id == Some(*id)
    }
}

async fn users(state: &AppState, m: i64) -> AppResult<Vec<(i64, String)>> {
    Ok(crate::accounts::read::users(&state.db, m)
        .await?
        .into_iter()
        .filter(|u| u.active)
        .map(|u| {
            (
                u.app_user_id,
                format!("{} ({})", u.display_name, u.username),
            )
        })
        .collect())
}

async fn page(
    state: &AppState,
    ctx: Ctx,
    failed: &'static str,
    errors: FormErrors,
    threshold: Option<ThresholdForm>,
    principle: PrincipleForm,
    member: MemberForm,
) -> AppResult<SettingsPage> {
    let m = ctx.user.municipality_id;
    let saved = read::threshold(&state.db, m).await?;
    Ok(SettingsPage {
        threshold: threshold.unwrap_or(ThresholdForm {
            threshold: saved.map(|t| Nok(t).plain()).unwrap_or_default(),
        }),
        principles: read::all_principles(&state.db, m).await?,
        members: read::members(&state.db, m).await?,
        users: users(state, m).await?,
        principle,
        member,
        failed,
        errors,
        ctx,
    })
}

pub(super) async fn show(
    _: Admin,
    ctx: Ctx,
    State(state): State<AppState>,
) -> AppResult<SettingsPage> {
    page(
        &state,
        ctx,
        "",
        FormErrors::default(),
        None,
        PrincipleForm::default(),
        MemberForm::default(),
    )
    .await
}

async fn saved(session: &Session, changed: bool) -> Response {
    let (kind, key) = if changed {
        (FlashKind::Success, "council-settings-saved")
    } else {
        (FlashKind::Info, "council-settings-unchanged")
    };
    flash_redirect(session, kind, Msg::new(key), "/council/settings").await
}

pub(super) async fn threshold(
    Admin(user): Admin,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Form(f): Form<ThresholdForm>,
) -> AppResult<Response> {
    let t = match f.validate() {
        Ok(t) => t,
        Err(errors) => {
            let p = page(
                &state,
                ctx,
                "threshold",
                errors,
                Some(f),
                PrincipleForm::default(),
                MemberForm::default(),
            );
            return Ok(p.await?.into_response());
        }
    };
    let mut tx = state.db.begin().await?;
    let changed = store::set_threshold(&mut tx, Actor::from(&user), t).await?;
    tx.commit().await?;
    Ok(saved(&session, changed).await)
}

pub(super) async fn add_principle(
    Admin(user): Admin,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Form(f): Form<PrincipleForm>,
) -> AppResult<Response> {
    let text = match f.validate() {
        Ok(t) => t,
        Err(errors) => {
            let p = page(
                &state,
                ctx,
                "principle",
                errors,
                None,
                f,
                MemberForm::default(),
            );
            return Ok(p.await?.into_response());
        }
    };
    let mut tx = state.db.begin().await?;
    let changed = store::add_principle(&mut tx, Actor::from(&user), &text).await?;
    tx.commit().await?;
    Ok(saved(&session, changed).await)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct ActiveForm {
    /// "on" to use it, "" to take it out of use.
    active: String,
}

pub(super) async fn principle_active(
    Admin(user): Admin,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    Form(f): Form<ActiveForm>,
) -> AppResult<Response> {
    let mut tx = state.db.begin().await?;
    let changed =
        store::set_principle_active(&mut tx, Actor::from(&user), id, !f.active.trim().is_empty())
            .await?;
    tx.commit().await?;
    Ok(saved(&session, changed).await)
}

/// Adds a seat (POST `/council/settings/members`) or changes one (`…/members/{id}`).
async fn save_member(
    user: crate::auth::CurrentUser,
    ctx: Ctx,
    state: AppState,
    session: Session,
    id: Option<i64>,
    f: MemberForm,
) -> AppResult<Response> {
    let logins = users(&state, user.municipality_id).await?;
    let input = match f.validate(&logins) {
        Ok(i) => i,
        Err(errors) => {
            let p = page(
                &state,
                ctx,
                "member",
                errors,
                None,
                PrincipleForm::default(),
                f,
            );
            return Ok(p.await?.into_response());
        }
    };
    let mut tx = state.db.begin().await?;
    let changed = match store::save_member(&mut tx, Actor::from(&user), id, &input).await {
        Ok(c) => c,
        Err(e) => {
            let errors = on_constraint(e, MEMBER_UNIQUE)?;
            let p = page(
                &state,
                ctx,
                "member",
                errors,
                None,
                PrincipleForm::default(),
                f,
            );
            return Ok(p.await?.into_response());
        }
    };
    tx.commit().await?;
    Ok(saved(&session, changed).await)
}

pub(super) async fn add_member(
    Admin(user): Admin,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Form(f): Form<MemberForm>,
) -> AppResult<Response> {
    save_member(user, ctx, state, session, None, f).await
}

pub(super) async fn update_member(
    Admin(user): Admin,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    Form(f): Form<MemberForm>,
) -> AppResult<Response> {
    save_member(user, ctx, state, session, Some(id), f).await
}
