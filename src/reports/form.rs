//! Writing a report (`/reports/{id}/edit`): the plan's measures with a status, date and comment
//! each, pre-filled from the measure (or the draft), and the summary for the rådmann. «Lagre
//! utkast» saves any time; «Lever rapporten» saves, checks that every priority measure has a
//! comment, asks the writer to choose where a measure was changed since the report took its row,
//! then freezes the report and writes the statuses back to the measures.
//!
//! Like the measure form, the form carries the version it was loaded at: a save based on an
//! older version is refused with who saved meanwhile, the input kept.

use std::collections::HashMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    extract::{Path, State},
    response::{IntoResponse, Response},
};
use tower_sessions::Session;

use super::{
    model::{ReportInput, RowInput, check_draft, priority_missing},
    read::{self, Document, DraftEntry, Line, Round, Team},
    store::{self, DraftRow, FrozenHead, FrozenRow, Refused, WriteBack},
};
use crate::{
    AppState,
    audit::Actor,
    auth::{CurrentUser, Editor},
    domain::{format_date, format_datetime, parse_date, today},
    error::{AppError, AppResult},
    i18n::Msg,
    measures::model::{Status, StatusInput},
    plan::read::{MeasureData, PlanData},
    web::{Ctx, FlashKind, FormErrors, FormPairs, flash_redirect, form::trimmed},
};

/// Someone else saved the report after the writer's form was loaded.
pub struct StaleView {
    pub who: String,
    pub when: String,
}

/// A measure changed since the report took its row, where the report says something else.
pub struct MeasureConflict {
    pub measure_id: i64,
    pub title: String,
    pub now: String,
    pub now_comment: String,
    pub mine: String,
    pub mine_comment: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "reports/form.html")]
pub struct FormPage {
    pub ctx: Ctx,
    pub round: Round,
    pub name: String,
    pub doc: Document,
    pub summary: String,
    pub version: i32,
    pub errors: FormErrors,
    pub row_errors: HashMap<i64, String>,
    /// Priority measures without a comment, when submitting was refused for it.
    pub missing: Vec<(i64, String)>,
    pub stale: Option<StaleView>,
    pub conflicts: Vec<MeasureConflict>,
    pub statuses: [Status; 5],
    pub today: String,
}

impl FormPage {
    pub fn row_error(&self, id: &i64) -> Option<&String> {
        self.row_errors.get(id)
    }

    pub fn is_missing(&self, id: &i64) -> bool {
        self.missing.iter().any(|(m, _)| m == id)
    }

    pub fn missing_titles(&self) -> String {
        self.missing
            .iter()
            .map(|(_, t)| format!("«{t}»"))
            .collect::<Vec<_>>()
            .join(", ")
    }

    pub fn planned(&self, l: &Line) -> String {
        l.cells
            .iter()
            .map(|c| {
                self.doc
                    .span
                    .cell_name(c.year, c.period, c.label.as_deref())
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    pub fn has_conflict(&self, id: &i64) -> bool {
        self.conflicts.iter().any(|c| c.measure_id == *id)
    }
}

/// Loads what the form needs and checks that the user may write this round now.
async fn context(
    state: &AppState,
    user: &CurrentUser,
    id: i64,
) -> AppResult<(Round, Team, std::sync::Arc<PlanData>)> {
    let m = user.municipality_id;
    let round = read::round(&state.db, m, id, today()).await?;
    let team = read::team(&state.db, m, round.plan_id).await?;
    user.require_that(team.may_write(user), Editor::ROLES)?;
    let plan = state.plans.get(&state.db, m, round.plan_id).await?;
    Ok((round, team, plan))
}

pub(super) async fn edit_form(
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let (round, team, plan) = context(&state, &ctx.user, id).await?;
    if round.state.is_submitted() || round.cancelled {
        return Ok(flash_redirect(
            &session,
            FlashKind::Info,
            Msg::new("report-already-submitted"),
            &format!("/reports/{id}"),
        )
        .await);
    }
    let draft = read::draft_entries(&state.db, ctx.user.municipality_id, id).await?;
    let doc = read::live(&plan, &team, &draft);
    Ok(FormPage {
        name: round.name(&ctx.lang),
        summary: round.summary.clone().unwrap_or_default(),
        version: round.version,
        round,
        doc,
        errors: FormErrors::default(),
        row_errors: HashMap::new(),
        missing: Vec::new(),
        stale: None,
        conflicts: Vec::new(),
        statuses: Status::ALL,
        today: today().format("%Y-%m-%d").to_string(),
        ctx,
    }
    .into_response())
}

/// One measure's line as posted.
struct PostedRow {
    measure_id: i64,
    measure_version: i32,
    input: RowInput,
    /// «report» or «measure»: the writer's choice where the measure changed meanwhile.
    choice: String,
}

struct Posted {
    version: Option<i32>,
    submit: bool,
    summary: String,
    rows: Vec<PostedRow>,
}

/// Reads the posted form: fields `status_<id>`, `date_<id>`, `comment_<id>`, `mv_<id>` (the
/// measure version the line was pre-filled from) and `choice_<id>` per measure.
fn read_form(pairs: &FormPairs) -> (Posted, FormErrors, HashMap<i64, Msg>) {
    let mut errors = FormErrors::default();
    let mut row_errors: HashMap<i64, Msg> = HashMap::new();
    let mut rows = Vec::new();
    for (key, value) in &pairs.0 {
        let Some(id) = key.strip_prefix("mv_").and_then(|s| s.parse::<i64>().ok()) else {
            continue;
        };
        let Ok(mv) = value.trim().parse::<i32>() else {
            continue;
        };
        let status = Status::parse(pairs.first(&format!("status_{id}")).trim());
        if status.is_none() {
            row_errors.insert(id, Msg::new("measure-status-choose"));
        }
        let date = match trimmed(pairs.first(&format!("date_{id}"))) {
            None => None,
            Some(d) => match parse_date(&d) {
                Ok(d) => Some(d),
                Err(msg) => {
                    row_errors.insert(id, msg);
                    None
                }
            },
        };
        rows.push(PostedRow {
            measure_id: id,
            measure_version: mv,
            input: RowInput {
                measure_id: id,
                status: status.unwrap_or_default(),
                status_date: date,
                comment: trimmed(pairs.first(&format!("comment_{id}"))),
            },
            choice: pairs.first(&format!("choice_{id}")).to_string(),
        });
    }
    let posted = Posted {
        version: pairs.first("version").trim().parse().ok(),
        submit: pairs.first("action") == "submit",
        summary: pairs.first("summary").trim().to_string(),
        rows,
    };
    let input = posted.input();
    for (id, msg) in check_draft(&input, &mut errors) {
        row_errors.insert(id, msg);
    }
    (posted, errors, row_errors)
}

impl Posted {
    fn input(&self) -> ReportInput {
        ReportInput {
            summary: (!self.summary.is_empty()).then(|| self.summary.clone()),
            rows: self.rows.iter().map(|r| r.input.clone()).collect(),
        }
    }

    /// The lines as the store saves them.
    fn draft_rows(&self) -> Vec<DraftRow<'_>> {
        self.rows
            .iter()
            .map(|r| DraftRow {
                measure_id: r.measure_id,
                measure_version: r.measure_version,
                input: &r.input,
            })
            .collect()
    }

    /// The draft's entries as posted, for showing the form again with the input kept.
    fn entries(&self) -> HashMap<i64, DraftEntry> {
        self.rows
            .iter()
            .map(|r| {
                (
                    r.measure_id,
                    (
                        r.input.status,
                        r.input.status_date,
                        r.input.comment.clone(),
                        r.measure_version,
                    ),
                )
            })
            .collect()
    }

    /// Measures of the plan the form did not have (added since it was loaded) join with their
    /// current status; lines of measures no longer in the plan leave.
    fn align_with(&mut self, plan: &PlanData) {
        self.rows
            .retain(|r| plan.measures.iter().any(|m| m.measure_id == r.measure_id));
        for me in &plan.measures {
            if !self.rows.iter().any(|r| r.measure_id == me.measure_id) {
                self.rows.push(PostedRow {
                    measure_id: me.measure_id,
                    measure_version: me.version,
                    input: RowInput {
                        measure_id: me.measure_id,
                        status: me.status,
                        status_date: me.status_date,
                        comment: me.status_comment.clone(),
                    },
                    choice: String::new(),
                });
            }
        }
    }
}

fn says_same(me: &MeasureData, r: &RowInput) -> bool {
    me.status == r.status
        && me.status_date == r.status_date
        && me.status_comment.as_deref().map(str::trim) == r.comment.as_deref()
}

pub(super) async fn update(
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    pairs: FormPairs,
) -> AppResult<Response> {
    let user = ctx.user.clone();
    let m = user.municipality_id;
    let (round, team, plan) = context(&state, &user, id).await?;
    if round.state.is_submitted() || round.cancelled {
        return Ok(flash_redirect(
            &session,
            FlashKind::Info,
            Msg::new("report-already-submitted"),
            &format!("/reports/{id}"),
        )
        .await);
    }
    let (mut posted, errors, row_errors) = read_form(&pairs);
    let Some(version) = posted.version else {
        return Err(AppError::BadRequest(Msg::new("report-form-no-version")));
    };
    posted.align_with(&plan);
    let mut page = FormPage {
        name: round.name(&ctx.lang),
        summary: posted.summary.clone(),
        version,
        doc: read::live(&plan, &team, &posted.entries()),
        round,
        errors,
        row_errors: row_errors.iter().map(|(k, v)| (*k, ctx.msg(v))).collect(),
        missing: Vec::new(),
        stale: None,
        conflicts: Vec::new(),
        statuses: Status::ALL,
        today: today().format("%Y-%m-%d").to_string(),
        ctx,
    };
    if !page.errors.is_empty() || !page.row_errors.is_empty() {
        return Ok(page.into_response());
    }

    let input = posted.input();
    let draft_rows = posted.draft_rows();
    let mut tx = state.db.begin().await?;
    let saved_version = match store::save_draft(
        &mut tx,
        Actor::from(&user),
        id,
        version,
        &input,
        &draft_rows,
    )
    .await?
    {
        Ok(v) => v,
        Err(Refused::Stale { by, at }) => {
            let now = read::round(&state.db, m, id, today()).await?;
            page.stale = Some(StaleView {
                who: by.unwrap_or_else(|| page.ctx.t("measure-someone-else")),
                when: at.map(format_datetime).unwrap_or_default(),
            });
            // Saving again is then deliberate: it is based on what is saved now.
            page.version = now.version;
            return Ok(page.into_response());
        }
        Err(_) => {
            return Ok(flash_redirect(
                &session,
                FlashKind::Info,
                Msg::new("report-already-submitted"),
                &format!("/reports/{id}"),
            )
            .await);
        }
    };
    if !posted.submit {
        tx.commit().await?;
        return Ok(flash_redirect(
            &session,
            FlashKind::Success,
            Msg::new("report-draft-saved"),
            &format!("/reports/{id}/edit"),
        )
        .await);
    }

    // Submitting: every priority measure needs its comment.
    let priority = plan
        .measures
        .iter()
        .filter(|me| me.priority)
        .map(|me| (me.measure_id, me.title.as_str()));
    let missing = priority_missing(&input, priority);
    if !missing.is_empty() {
        tx.commit().await?;
        page.version = saved_version;
        page.missing = missing;
        return Ok(page.into_response());
    }

    // Where a measure changed since the report took its row and now says something else, the
    // writer chooses: the report's status, or the measure's as it is now.
    let mut conflicts = Vec::new();
    let mut write_back = Vec::new();
    for r in posted.rows.iter_mut() {
        let Some(me) = plan.measures.iter().find(|x| x.measure_id == r.measure_id) else {
            continue;
        };
        if says_same(me, &r.input) {
            continue;
        }
        if me.version != r.measure_version {
            match r.choice.as_str() {
                "measure" => {
                    r.input.status = me.status;
                    r.input.status_date = me.status_date;
                    r.input.comment = me.status_comment.clone();
                    continue;
                }
                "report" => {}
                _ => {
                    conflicts.push(MeasureConflict {
                        measure_id: me.measure_id,
                        title: me.title.clone(),
                        now: me.status.with_date(page.ctx.lang, me.status_date),
                        now_comment: me.status_comment.clone().unwrap_or_default(),
                        mine: r.input.status.with_date(page.ctx.lang, r.input.status_date),
                        mine_comment: r.input.comment.clone().unwrap_or_default(),
                    });
                    continue;
                }
            }
        }
        write_back.push(WriteBack {
            measure_id: me.measure_id,
            based_on: me.version,
            status: StatusInput {
                status: r.input.status,
                date: r.input.status_date,
                comment: r.input.comment.clone(),
            },
        });
    }
    if !conflicts.is_empty() {
        tx.commit().await?;
        page.version = saved_version;
        page.conflicts = conflicts;
        return Ok(page.into_response());
    }

    // Rows taken from the measure by the writer's choice are saved so before freezing.
    let final_input = posted.input();
    let final_rows = posted.draft_rows();
    let saved_version = match store::save_draft(
        &mut tx,
        Actor::from(&user),
        id,
        saved_version,
        &final_input,
        &final_rows,
    )
    .await?
    {
        Ok(v) => v,
        Err(_) => return Err(AppError::Internal(anyhow::anyhow!("report draft vanished"))),
    };
    let doc = read::live(&plan, &team, &posted.entries());
    let frozen: Vec<FrozenRow> = doc
        .lines
        .iter()
        .map(|l| FrozenRow {
            measure_id: l.measure_id,
            title: l.title.clone(),
            goal_area: l.goal_area.clone(),
            strategy: l.strategy.clone(),
            responsible: l.responsible.clone(),
            hours: l.hours,
            cost_text: l.cost_text.clone(),
            known_cost: l.known_cost,
            cost_unknown: l.cost_unknown,
            priority: l.priority,
            cells: serde_json::to_value(&l.cells).unwrap_or_default(),
        })
        .collect();
    let head = FrozenHead {
        plan_name: plan.head.name.clone(),
        start_year: plan.head.start_year,
        end_year: plan.head.end_year,
        responsible: team.responsible_name(),
    };
    match store::submit(
        &mut tx,
        Actor::from(&user),
        id,
        saved_version,
        &head,
        &frozen,
        &write_back,
    )
    .await?
    {
        Ok(()) => {
            tx.commit().await?;
            Ok(flash_redirect(
                &session,
                FlashKind::Success,
                Msg::with("report-submitted", [("date", format_date(today()).into())]),
                &format!("/reports/{id}"),
            )
            .await)
        }
        Err(_) => {
            // A measure changed between reading the plan and writing it back: nothing is
            // saved; the writer's input is shown again to submit once more.
            drop(tx);
            page.stale = Some(StaleView {
                who: page.ctx.t("measure-someone-else"),
                when: format_datetime(chrono::Utc::now()),
            });
            Ok(page.into_response())
        }
    }
}
