//! A measure's own page (`/measures/{id}`): every field, its links to other measures, the status
//! timeline and the history.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};

use super::{
    model::{CostInput, Status},
    read::{self, Relations, TimelineItem},
};
use crate::{
    AppState,
    audit::{self, Entry, Table},
    domain::today,
    error::AppResult,
    plan::{
        read::{MeasureData, PlanData},
        view,
    },
    web::Ctx,
};

#[derive(Template, WebTemplate)]
#[template(path = "measures/show.html")]
pub(super) struct MeasurePage {
    ctx: Ctx,
    plan: std::sync::Arc<PlanData>,
    measure_id: i64,
    rel: Relations,
    /// The fagsystems the measure concerns.
    systems: Vec<(i64, String)>,
    /// Locations and places the measure changes (line inventory; confidential readers only).
    places: Vec<crate::lines::read::MeasurePlace>,
    timeline: Vec<TimelineItem>,
    entries: Vec<Entry>,
    /// The IKT-råd's request for the measure, if one was registered from it or made it.
    acquisition: Option<(i64, String, crate::council::model::State)>,
    can_edit: bool,
    statuses: [Status; 5],
    today: chrono::NaiveDate,
}

impl MeasurePage {
    fn m(&self) -> &MeasureData {
        self.plan
            .measures
            .iter()
            .find(|m| m.measure_id == self.measure_id)
            .expect("loaded with the plan")
    }

    fn cell_names(&self) -> Vec<String> {
        let span = self.plan.head.span();
        self.m()
            .cells
            .iter()
            .map(|c| span.cell_name(c.year, c.period, c.label.as_deref()))
            .collect()
    }

    fn status_text(&self) -> String {
        let m = self.m();
        m.status.with_date(self.ctx.lang, m.status_date)
    }

    fn cost_text(&self, c: &CostInput) -> String {
        c.describe_in(self.ctx.lang)
    }

    fn late(&self) -> bool {
        view::is_late(self.m(), self.plan.head.span(), self.today)
    }

    fn date_value(&self) -> String {
        self.m()
            .status_date
            .map(|d| d.to_string())
            .unwrap_or_default()
    }
}

pub(super) async fn page(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<MeasurePage> {
    let m = ctx.user.municipality_id;
    let plan = state
        .plans
        .get(&state.db, m, read::plan_of(&state.db, m, id).await?)
        .await?;
    Ok(MeasurePage {
        can_edit: ctx.user.can_edit_plan(),
        rel: read::relations(&state.db, m, id).await?,
        systems: crate::systems::read::of_measure(&state.db, m, id).await?,
        places: crate::lines::read::of_measure(&state.db, &ctx.user, id).await?,
        timeline: read::timeline(&state.db, m, id).await?,
        acquisition: crate::council::read::of_measure(&state.db, m, id).await?,
        entries: audit::history(&state.db, m, Table::Measure, id, ctx.lang).await?,
        statuses: Status::ALL,
        today: today(),
        ctx,
        plan,
        measure_id: id,
    })
}
