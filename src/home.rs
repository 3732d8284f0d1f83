//! The start page: which municipality, and what the user's roles let them do.

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    Router,
    response::{IntoResponse, Redirect, Response},
    routing::get,
};

use axum::extract::State;

use crate::{
    AppState,
    auth::Role,
    domain::today,
    error::AppResult,
    i18n::k,
    reports::{
        model::Standing,
        read::{Reporting, Round, municipality_next, recent_acknowledgements, team},
    },
    web::Ctx,
};

pub fn router() -> Router<AppState> {
    Router::new().route("/", get(start))
}

/// The first reminder falls 14 days before the due date: the start page reminds from then on.
const REMIND_FROM_DAYS: i64 = 14;

#[derive(Template, WebTemplate)]
#[template(path = "home.html")]
struct StartPage {
    ctx: Ctx,
    abilities: Vec<(&'static str, &'static str, &'static str)>,
    /// Each running plan's next status report due; closed plans are left out.
    reports: Vec<Reporting>,
    /// Reports of the user's plans the rådmann has taken «til orientering» lately.
    acknowledged: Vec<Round>,
    /// The reminders the user would get by e-mail, shown here too (the only place when the app
    /// has no SMTP server): rounds the user may write that are due within 14 days or late.
    reminders: Vec<(i64, String, String)>,
}

/// (what, where, link text) for each thing the user's roles allow, as catalog keys.
fn abilities(ctx: &Ctx) -> Vec<(&'static str, &'static str, &'static str)> {
    let mut out = vec![(k("home-read"), "/plan", k("home-read-link"))];
    let u = &ctx.user;
    if u.can_edit_plan() {
        out.push((k("home-edit"), "/plan", k("home-edit-link")));
    }
    if u.has(Role::Leder) {
        out.push((k("home-leder"), "/dashboard", k("home-leder-link")));
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

/// The rådmann and the management group start on the dashboard (issue 14); everyone else here.
async fn start(ctx: Ctx, State(state): State<AppState>) -> AppResult<Response> {
    if ctx.user.has(Role::Leder) {
        return Ok(Redirect::to("/dashboard").into_response());
    }
    let today = today();
    let m = ctx.user.municipality_id;
    let reports = municipality_next(&state.db, m, today).await?;
    let mut reminders = Vec::new();
    for r in &reports {
        let (Some(next), Some(standing)) = (&r.next, r.standing) else {
            continue;
        };
        let soon = match standing {
            Standing::Open { days_left, .. } => days_left <= REMIND_FROM_DAYS,
            Standing::Late { .. } => true,
            _ => false,
        };
        if soon && team(&state.db, m, r.plan_id).await?.may_write(&ctx.user) {
            reminders.push((next.id, next.name(&ctx.lang), standing.text(&ctx.lang)));
        }
    }
    Ok(StartPage {
        abilities: abilities(&ctx),
        acknowledged: recent_acknowledgements(&state.db, &ctx.user, today).await?,
        reports,
        reminders,
        ctx,
    }
    .into_response())
}
