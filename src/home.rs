//! The start page: which municipality, and what the user's roles let them do.

use askama::Template;
use askama_web::WebTemplate;
use axum::{Router, routing::get};

use crate::{AppState, auth::Role, error::AppResult, web::Ctx};

pub fn router() -> Router<AppState> {
    Router::new().route("/", get(start))
}

#[derive(Template, WebTemplate)]
#[template(path = "home.html")]
struct StartPage {
    ctx: Ctx,
    abilities: Vec<(&'static str, &'static str, &'static str)>,
}

/// (what, where, link text) for each thing the user's roles allow.
fn abilities(ctx: &Ctx) -> Vec<(&'static str, &'static str, &'static str)> {
    let mut out = vec![(
        "Lese kommunens IKT-strategi, handlingsplan og framdrift.",
        "/plan",
        "Gå til handlingsplanene",
    )];
    let u = &ctx.user;
    if u.can_edit_plan() {
        out.push((
            "Redigere strategien og handlingsplanen, oppdatere status på tiltak og importere tiltak.",
            "/plan",
            "Oppdater tiltak",
        ));
    }
    if u.has(Role::Leder) {
        out.push((
            "Følge framdriften som rådmann eller medlem av ledergruppen.",
            "/plan",
            "Se framdriftsplanen",
        ));
    }
    if u.has(Role::Rad) {
        out.push((
            "Følge planen som medlem av IKT-rådet.",
            "/strategy",
            "Se IKT-strategien",
        ));
    }
    if u.has(Role::Superbruker) {
        out.push((
            "Som superbruker lese planen og strategien for kommunen.",
            "/strategy",
            "Se IKT-strategien",
        ));
    }
    if u.has(Role::Admin) {
        out.push(("Administrere brukere og roller.", "/admin/users", "Brukere"));
        out.push((
            "Se endringsloggen for hele kommunen.",
            "/admin/audit",
            "Endringslogg",
        ));
    }
    out
}

async fn start(ctx: Ctx) -> AppResult<StartPage> {
    Ok(StartPage {
        abilities: abilities(&ctx),
        ctx,
    })
}
