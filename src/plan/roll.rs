//! Rolling (rullering) an action plan into the next years' plan (`/plan/{id}/roll`): the form
//! suggests the next years and lists the unfinished measures to carry.

use std::collections::{HashMap, HashSet};

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    extract::{Path, State},
    response::{IntoResponse, Response},
};
use serde::Deserialize;
use sqlx::PgPool;
use tower_sessions::Session;

use super::{
    model::{Span, YearWords, carry_summary, check_years, late_label},
    read::{PlanHead, load_head},
    store::{self, Rolled},
};
use crate::{
    AppState,
    audit::Actor,
    auth::Editor,
    error::AppResult,
    i18n::{Lang, Msg},
    measures::model::{CellInput, Status},
    web::{Ctx, FlashKind, Form, FormErrors, flash_redirect},
};

/// A measure of the old plan as the form lists it.
pub struct Listed {
    pub id: i64,
    pub title: String,
    pub status: Status,
    pub chosen: bool,
    /// The strategy it is listed under (its first, in the document's order); 0 for none.
    pub group_id: i64,
    /// The strategy's text; None for a measure tied to the goal alone.
    pub group_name: Option<String>,
    pub cells: Vec<CellInput>,
    /// What rolling into the form's years does to its timing.
    pub timing: String,
}

/// The unfinished measures of one strategy, with their own «velg alle / ingen».
pub struct Group {
    pub id: i64,
    pub name: String,
    /// The name is the strategy's text (users' text), not the interface's «Uten strategi».
    pub user_text: bool,
    pub measures: Vec<Listed>,
}

async fn list_measures(db: &PgPool, m: i64, plan_id: i64) -> AppResult<Vec<Listed>> {
    let rows = sqlx::query!(
        r#"
        select m.measure_id, m.title, m.status,
               first.strategy_id as "strategy_id?", first.text as "strategy_text?"
        from measure m
        left join lateral (
            select s.strategy_id, s.text from measure_strategy ms
            join strategy s on s.strategy_id = ms.strategy_id
            join goal_area g on g.goal_area_id = s.goal_area_id
            where ms.measure_id = m.measure_id
            order by g.position, g.goal_area_id, s.position, s.strategy_id
            limit 1
        ) first on true
        where m.action_plan_id = $1 and m.municipality_id = $2
        order by m.position, m.measure_id
        "#,
        plan_id,
        m
    )
    .fetch_all(db)
    .await?;
    let ids: Vec<i64> = rows.iter().map(|r| r.measure_id).collect();
    let mut cells: HashMap<i64, Vec<CellInput>> = HashMap::new();
    for c in sqlx::query!(
        r#"select measure_id, year, period, label from schedule_cell where measure_id = any($1) order by year, period"#,
        &ids
    )
    .fetch_all(db)
    .await?
    {
        cells.entry(c.measure_id).or_default().push(CellInput {
            year: c.year,
            period: c.period,
            label: c.label,
        });
    }
    Ok(rows
        .into_iter()
        .map(|r| Listed {
            id: r.measure_id,
            title: r.title,
            status: Status::parse(&r.status).unwrap_or_default(),
            chosen: true,
            group_id: r.strategy_id.unwrap_or(0),
            group_name: r.strategy_text,
            cells: cells.remove(&r.measure_id).unwrap_or_default(),
            timing: String::new(),
        })
        .collect())
}

/// The unfinished measures grouped by strategy in the plan's order, each with what rolling
/// into `new` does to its timing; and the finished ones, which stay behind.
/// `lang`: the reader's; `data`: the municipality's målform, the labels' language.
fn split(lang: Lang, data: Lang, all: Vec<Listed>, new: Span) -> (Vec<Group>, Vec<Listed>) {
    let (open, finished): (Vec<Listed>, Vec<Listed>) =
        all.into_iter().partition(|l| l.status.is_open());
    let mut groups: Vec<Group> = Vec::new();
    for mut l in open {
        l.timing = carry_summary(lang, data, new, &l.cells);
        match groups.iter_mut().find(|g| g.id == l.group_id) {
            Some(g) => g.measures.push(l),
            None => groups.push(Group {
                id: l.group_id,
                name: l
                    .group_name
                    .clone()
                    .unwrap_or_else(|| lang.t("plan-roll-no-strategy")),
                user_text: l.group_name.is_some(),
                measures: vec![l],
            }),
        }
    }
    // Measures with no strategy come last.
    groups.sort_by_key(|g| g.id == 0);
    (groups, finished)
}

/// «Handlingsplan IKT 2014–2016» rolled one year → «Handlingsplan IKT 2015–2017».
pub fn default_name(old: &PlanHead, start: i32, end: i32) -> String {
    for dash in ['–', '-', '—'] {
        let old_years = format!("{}{dash}{}", old.start_year, old.end_year);
        if old.name.contains(&old_years) {
            return old.name.replace(&old_years, &format!("{start}–{end}"));
        }
    }
    format!("Handlingsplan IKT {start}–{end}")
}

#[derive(Template, WebTemplate)]
#[template(path = "plan/roll.html")]
pub(super) struct RollPage {
    ctx: Ctx,
    plan: PlanHead,
    name: String,
    start_year: String,
    end_year: String,
    groups: Vec<Group>,
    open_count: usize,
    finished: Vec<Listed>,
    errors: FormErrors,
    /// On the first view: a plan already starts in the suggested year.
    taken: Option<i32>,
}

impl RollPage {
    fn intro(&self) -> String {
        self.ctx.tr(
            "plan-roll-intro",
            &[
                ("name", self.plan.name.as_str().into()),
                ("start", self.plan.start_year.into()),
                ("end", self.plan.end_year.into()),
            ],
        )
    }

    /// The label late work gets, as the intro's example.
    fn late_example(&self) -> String {
        late_label(self.ctx.user.malform.lang(), self.plan.start_year, None)
    }

    /// The intro as HTML, its example label marked as the municipality's language: the label is
    /// stored in the målform, whatever language the reader chose.
    fn intro_timing_html(&self) -> String {
        let text = self
            .ctx
            .t1("plan-roll-timing-intro", "label", self.late_example());
        self.mark_late_labels(&text)
    }

    /// A line's timing as HTML, with the label its late work will carry marked likewise.
    fn timing_html(&self, timing: &str) -> String {
        self.mark_late_labels(timing)
    }

    fn mark_late_labels(&self, text: &str) -> String {
        let lang = self.ctx.user.malform.lang();
        let labels: Vec<String> = (self.plan.start_year..=self.plan.end_year)
            .map(|y| late_label(lang, y, None))
            .collect();
        crate::i18n::mark_data(text, &labels, self.ctx.user_text_lang())
    }
}

pub(super) async fn form(
    _: Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<RollPage> {
    let m = ctx.user.municipality_id;
    let plan = load_head(&state.db, m, id).await?;
    let (start, end) = (plan.start_year + 1, plan.end_year + 1);
    let (groups, finished) = split(
        ctx.lang,
        ctx.user.malform.lang(),
        list_measures(&state.db, m, id).await?,
        Span::new(start, end),
    );
    let taken = store::starting_in(&mut *state.db.acquire().await?, m, start)
        .await?
        .map(|_| start);
    Ok(RollPage {
        name: default_name(&plan, start, end),
        start_year: start.to_string(),
        end_year: end.to_string(),
        plan,
        open_count: groups.iter().map(|g| g.measures.len()).sum(),
        groups,
        finished,
        errors: FormErrors::default(),
        taken,
        ctx,
    })
}

#[derive(Default, Deserialize)]
pub(super) struct RollForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    start_year: String,
    #[serde(default)]
    end_year: String,
    /// The ids of the measures ticked «Før videre» (a repeated field).
    #[serde(default)]
    carry: Vec<String>,
    /// «Velg alle» / «Velg ingen» for one strategy's measures without JavaScript: `all:<id>` or
    /// `none:<id>` re-renders the form with that group ticked or unticked, and writes nothing.
    #[serde(default)]
    select: Option<String>,
}

struct Valid {
    name: String,
    span: Span,
}

impl RollForm {
    fn carried(&self) -> HashSet<i64> {
        self.carry
            .iter()
            .filter_map(|c| c.trim().parse().ok())
            .collect()
    }

    fn validate(&self, old: &PlanHead) -> Result<Valid, FormErrors> {
        let mut errors = FormErrors::default();
        let name = self.name.trim().to_string();
        if name.is_empty() {
            errors.add("name", Msg::new("plan-roll-name-required"));
        } else if name.chars().count() > 200 {
            errors.add("name", Msg::new("plan-name-too-long"));
        }
        let words = YearWords {
            form: "roll",
            start_example: 2015,
            end_example: 2017,
        };
        let span = check_years(&self.start_year, &self.end_year, &words, &mut errors);
        if span.is_some_and(|s| s.start_year <= old.start_year) {
            errors.add(
                "start_year",
                Msg::with(
                    "plan-roll-start-too-early",
                    [("year", old.start_year.into())],
                ),
            );
        }
        match span {
            Some(span) if errors.is_empty() => Ok(Valid { name, span }),
            _ => Err(errors),
        }
    }
}

pub(super) async fn roll(
    Editor(user): Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    Form(form): Form<RollForm>,
) -> AppResult<Response> {
    let m = user.municipality_id;
    let plan = load_head(&state.db, m, id).await?;
    let chosen = form.carried();
    // The years the timing column describes: the form's, or the next ones while they are wrong.
    let shown = form
        .validate(&plan)
        .map(|v| v.span)
        .unwrap_or(Span::new(plan.start_year + 1, plan.end_year + 1));
    let again = |ctx: Ctx, plan: PlanHead, all: Vec<Listed>, errors: FormErrors| {
        let toggle = form.select.as_deref().and_then(|s| s.split_once(':'));
        let all = all
            .into_iter()
            .map(|l| {
                let chosen = match toggle {
                    Some((what, g)) if g.parse() == Ok(l.group_id) => what == "all",
                    _ => chosen.contains(&l.id),
                };
                Listed { chosen, ..l }
            })
            .collect();
        let (groups, finished) = split(ctx.lang, ctx.user.malform.lang(), all, shown);
        RollPage {
            ctx,
            plan,
            name: form.name.clone(),
            start_year: form.start_year.clone(),
            end_year: form.end_year.clone(),
            open_count: groups.iter().map(|g| g.measures.len()).sum(),
            groups,
            finished,
            errors,
            taken: None,
        }
        .into_response()
    };
    if form.select.is_some() {
        let all = list_measures(&state.db, m, id).await?;
        return Ok(again(ctx, plan, all, FormErrors::default()));
    }
    let v = match form.validate(&plan) {
        Ok(v) => v,
        Err(errors) => {
            let all = list_measures(&state.db, m, id).await?;
            return Ok(again(ctx, plan, all, errors));
        }
    };
    let mut tx = state.db.begin().await?;
    match store::roll(
        &mut tx,
        Actor::from(&user),
        user.malform.lang(),
        &plan,
        &v.name,
        v.span,
        &chosen,
    )
    .await?
    {
        Rolled::YearTaken => {
            drop(tx);
            let mut errors = FormErrors::default();
            errors.add(
                "start_year",
                Msg::with("plan-roll-year-taken", [("year", v.span.start_year.into())]),
            );
            let all = list_measures(&state.db, m, id).await?;
            Ok(again(ctx, plan, all, errors))
        }
        Rolled::Done {
            id: new_id,
            carried,
        } => {
            tx.commit().await?;
            let text = Msg::with("plan-rolled", [("count", carried.into())]);
            Ok(flash_redirect(
                &session,
                FlashKind::Success,
                text,
                &format!("/plan/{new_id}"),
            )
            .await)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_name_moves_the_years() {
        let old = PlanHead {
            id: 1,
            name: "Handlingsplan IKT 2014–2016".into(),
            start_year: 2014,
            end_year: 2016,
            strategy_document_id: Some(1),
            predecessor_id: None,
        };
        assert_eq!(
            default_name(&old, 2015, 2017),
            "Handlingsplan IKT 2015–2017"
        );
        let odd = PlanHead {
            name: "Plan".into(),
            ..old
        };
        assert_eq!(
            default_name(&odd, 2015, 2017),
            "Handlingsplan IKT 2015–2017"
        );
    }
}
