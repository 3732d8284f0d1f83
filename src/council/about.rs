//! «Om IKT-rådet» (`/council`): who sits in the council and who chairs it, the principles every
//! request is checked against, the three financing sources, and the decision matrix as the
//! municipality's document has it, with every cell whose column is in doubt marked.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;

use super::{
    model::Financing,
    read::{self, Matrix, Member},
};
use crate::{AppState, domain::Nok, error::AppResult, web::Ctx};

#[derive(Template, WebTemplate)]
#[template(path = "council/about.html")]
pub(super) struct AboutPage {
    ctx: Ctx,
    members: Vec<Member>,
    principles: Vec<(i64, i32, String)>,
    financings: &'static [Financing],
    matrix: Option<Matrix>,
    threshold: Option<Nok>,
}

pub(super) async fn page(ctx: Ctx, State(state): State<AppState>) -> AppResult<AboutPage> {
    let m = ctx.user.municipality_id;
    Ok(AboutPage {
        members: read::members(&state.db, m).await?,
        principles: read::principles(&state.db, m).await?,
        financings: Financing::ALL,
        matrix: read::matrix(&state.db, m).await?,
        threshold: read::threshold(&state.db, m).await?.map(Nok),
        ctx,
    })
}
