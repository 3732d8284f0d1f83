//! The start page: which municipality, and what the user's roles let them do.

use askama::Template;
use askama_web::WebTemplate;
use axum::{Router, routing::get};

use axum::extract::State;

use crate::{
    AppState,
    auth::Role,
    domain::today,
    error::AppResult,
    i18n::k,
    reports::read::{Reporting, Round, municipality_next, recent_acknowledgements},
    web::Ctx,
};

pub fn router() -> Router<AppState> {
    Router::new().route("/", get(start))
}

#[derive(Template, WebTemplate)]
#[template(path = "home.html")]
struct StartPage {
    ctx: Ctx,
    abilities: Vec<(&'static str, &'static str, &'static str)>,
    /// Each running plan's next status report due; closed plans are left out.
    reports: Vec<Reporting>,
    /// Reports of the user's plans the rådmann has taken «til orientering» lately.
    acknowledged: Vec<Round>,
}

/// (what, where, link text) for each thing the user's roles allow, as catalog keys.
fn abilities(ctx: &Ctx) -> Vec<(&'static str, &'static str, &'static str)> {
    let mut out = vec![(k("home-read"), "/plan", k("home-read-link"))];
    let u = &ctx.user;
    if u.can_edit_plan() {
        out.push((k("home-edit"), "/plan", k("home-edit-link")));
    }
    if u.has(Role::Leder) {
        out.push((k("home-leder"), "/plan", k("home-leder-link")));
    }
    if u.has(Role::Rad) {
        out.push((k("home-rad"), "/strategy", k("home-strategy-link")));
    }
    if u.has(Role::Superbruker) {
        out.push((k("home-superbruker"), "/strategy", k("home-strategy-link")));
    }
    if u.has(Role::Admin) {
        out.push((k("home-admin-users"), "/admin/users", k("nav-users")));
        out.push((k("home-admin-audit"), "/admin/audit", k("nav-audit")));
    }
    out
}

async fn start(ctx: Ctx, State(state): State<AppState>) -> AppResult<StartPage> {
    let today = today();
    Ok(StartPage {
        abilities: abilities(&ctx),
        reports: municipality_next(&state.db, ctx.user.municipality_id, today).await?,
        acknowledged: recent_acknowledgements(&state.db, &ctx.user, today).await?,
        ctx,
    })
}
