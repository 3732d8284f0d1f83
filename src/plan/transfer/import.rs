//! The import pages: the upload form with the columns explained, the preview (nothing written),
//! and the confirmation that writes every measure in one transaction.

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    extract::{Multipart, Path, State, multipart::MultipartRejection},
    response::{IntoResponse, Response},
};
use serde::Deserialize;
use sqlx::types::Json;
use tower_sessions::Session;

use super::{
    columns::normalize,
    export::period_header,
    rows::{Checked, Lookup, RowError, Staged, check},
    sheet::{read_table, read_upload},
};
use crate::{
    AppState,
    audit::{self, Actor, EventKind},
    auth::Editor,
    domain::format_date,
    error::{AppError, AppResult},
    measures::store,
    plan::{model::Span, read::PlanData},
    web::{Ctx, FlashKind, Form, flash_redirect, random_token},
};
pub struct ColumnHelp {
    pub name: &'static str,
    pub meaning: String,
    pub example: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "plan/import.html")]
pub struct ImportPage {
    pub ctx: Ctx,
    pub plan_id: i64,
    pub plan_name: String,
    pub help: Vec<ColumnHelp>,
    pub period_columns: Vec<String>,
    pub error: Option<String>,
}

fn import_page(ctx: Ctx, plan: &PlanData, error: Option<String>) -> ImportPage {
    let example_strategy = plan
        .goal_areas
        .iter()
        .flat_map(|g| &g.strategies)
        .next()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    let start = plan.head.start_year;
    let help = vec![
        ColumnHelp { name: "Mål", meaning: "Målområdet. Bare til lesing: strategien avgjør hvor tiltaket havner.".into(), example: plan.goal_areas.first().map(|g| g.name.clone()).unwrap_or_default() },
        ColumnHelp {
            name: "Strategi",
            meaning: "Strategien slik den står i IKT-strategien (store og små bokstaver spiller ingen rolle). Et tiltak som tjener flere strategier, står på én rad per strategi med samme tekst i «Tiltak». Tom: tiltaket knyttes til hovedmålet.".into(),
            example: example_strategy,
        },
        ColumnHelp { name: "Tiltak", meaning: "Tiltakets tittel. Må fylles ut.".into(), example: "Innføre Feide i skole".into() },
        ColumnHelp { name: "Timer", meaning: "Egeninnsats i timer, med desimalkomma. Tom: ukjent.".into(), example: "50,5".into() },
        ColumnHelp {
            name: "Kostnad",
            meaning: "Beløp og finansiering i parentes, eller en merknad. Flere kostnader skilles med « + ». Tom: ingen kostnad utover egeninnsats.".into(),
            example: "kr 34 984 (dekkes av gjeldende budsjett) · kr 100 000 (krever budsjettbevilgning) · må utredes".into(),
        },
        ColumnHelp {
            name: "Ansvar",
            meaning: "Navnet på en person eller enhet i kommunen kobles til dem; annen tekst lagres som den er (en rolle).".into(),
            example: "Magnus Rønningen · Systemeier".into(),
        },
        ColumnHelp { name: "Status", meaning: "Ikke startet, Pågår, Utført, Utsatt eller Avbrutt. Tom: Ikke startet.".into(), example: "Pågår".into() },
        ColumnHelp { name: "Statusdato", meaning: "Dato for statusen, som dd.mm.åååå.".into(), example: "05.12.2013".into() },
        ColumnHelp { name: "Statuskommentar", meaning: "Fritekst, høyst 2000 tegn.".into(), example: String::new() },
        ColumnHelp { name: "Prioritert", meaning: "«Ja» for prioriterte tiltak, ellers tom.".into(), example: "Ja".into() },
        ColumnHelp {
            name: "Periodekolonner",
            meaning: format!(
                "Én kolonne per periode: måneder i {start}, kvartaler i årene etter. Skriv «x» i perioder tiltaket pågår, eller en merknad som «Utredning»."
            ),
            example: format!("{start} Jan: x"),
        },
        ColumnHelp { name: "Beskrivelse", meaning: "Valgfri kolonne med en lengre beskrivelse.".into(), example: String::new() },
    ];
    ImportPage {
        plan_id: plan.head.id,
        plan_name: plan.head.name.clone(),
        period_columns: plan
            .periods()
            .into_iter()
            .map(|(y, p)| period_header(plan, y, p))
            .collect(),
        help,
        error,
        ctx,
    }
}

pub async fn form(
    _: Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<ImportPage> {
    let plan = state
        .plans
        .get(&state.db, ctx.user.municipality_id, id)
        .await?;
    Ok(import_page(ctx, &plan, None))
}

pub struct PreviewRow {
    pub row: usize,
    pub title: String,
    pub strategies: Vec<String>,
    pub hours: String,
    pub cost: String,
    pub responsible: String,
    pub responsible_kind: &'static str,
    pub status: String,
    pub periods: String,
    pub priority: bool,
    pub exists: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "plan/import_preview.html")]
pub struct PreviewPage {
    pub ctx: Ctx,
    pub plan_id: i64,
    pub plan_name: String,
    pub file_name: String,
    pub rows: Vec<PreviewRow>,
    pub errors: Vec<RowError>,
    pub token: Option<String>,
}

impl PreviewPage {
    fn existing(&self) -> usize {
        self.rows.iter().filter(|r| r.exists).count()
    }
}

/// «2014: Jan–Des; 2015: Kv 1 (Utredning), Kv 2–Kv 3»: runs of periods with the same label.
fn periods_text(span: Span, cells: &[(i32, i32, Option<String>)]) -> String {
    let mut years: Vec<(i32, Vec<String>)> = Vec::new();
    let mut i = 0;
    while i < cells.len() {
        let (year, first, label) = &cells[i];
        let mut j = i;
        while j + 1 < cells.len()
            && cells[j + 1].0 == *year
            && cells[j + 1].1 == cells[j].1 + 1
            && cells[j + 1].2 == *label
        {
            j += 1;
        }
        let name = |p: i32| span.period_name(*year, p);
        let mut run = if j > i {
            format!("{}–{}", name(*first), name(cells[j].1))
        } else {
            name(*first)
        };
        if let Some(l) = label {
            run.push_str(&format!(" ({l})"));
        }
        match years.last_mut() {
            Some((y, runs)) if y == year => runs.push(run),
            _ => years.push((*year, vec![run])),
        }
        i = j + 1;
    }
    years
        .into_iter()
        .map(|(y, runs)| format!("{y}: {}", runs.join(", ")))
        .collect::<Vec<_>>()
        .join("; ")
}

fn preview_rows(checked: &Checked, lookup: &Lookup) -> Vec<PreviewRow> {
    checked
        .measures
        .iter()
        .zip(&checked.rows)
        .map(|(s, row)| {
            let (responsible, responsible_kind) = lookup.responsible_label(&s.responsible);
            PreviewRow {
                row: *row,
                title: s.title.clone(),
                strategies: s
                    .strategy_ids
                    .iter()
                    .map(|id| lookup.strategy_text(*id).to_string())
                    .collect(),
                hours: s.hours.map(|h| h.plain()).unwrap_or_default(),
                cost: s
                    .costs
                    .iter()
                    .map(|c| c.input().describe())
                    .collect::<Vec<_>>()
                    .join(" + "),
                responsible,
                responsible_kind,
                status: match s.status_date {
                    Some(d) => format!("{} {}", s.status.label(), format_date(d)),
                    None => s.status.label().to_string(),
                },
                periods: periods_text(lookup.span(), &s.cells),
                priority: s.priority,
                exists: lookup.existing_titles.contains(&normalize(&s.title)),
            }
        })
        .collect()
}

pub async fn preview(
    _: Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult<Response> {
    let m = ctx.user.municipality_id;
    let plan = state.plans.get(&state.db, m, id).await?;
    let upload = match read_upload(multipart).await {
        Ok(u) => u,
        Err(msg) => return Ok(import_page(ctx, &plan, Some(msg)).into_response()),
    };
    let file_name = upload.name.clone();
    // Parsing is CPU work on untrusted bytes: off the async threads, and a panic is a message.
    let table = match tokio::task::spawn_blocking(move || read_table(&upload)).await {
        Ok(Ok(t)) => t,
        Ok(Err(msg)) => return Ok(import_page(ctx, &plan, Some(msg)).into_response()),
        Err(_) => {
            return Ok(
                import_page(ctx, &plan, Some("Filen kunne ikke leses.".into())).into_response(),
            );
        }
    };
    let lookup = Lookup::load(&state.db, m, &plan).await?;
    let checked = check(&table, &lookup);
    let rows = preview_rows(&checked, &lookup);

    let token = if checked.errors.is_empty() {
        let token = random_token();
        let measures =
            serde_json::to_value(&checked.measures).map_err(|e| AppError::Internal(e.into()))?;
        let mut tx = state.db.begin().await?;
        sqlx::query!(r#"delete from measure_import where created_at < now() - interval '1 day'"#)
            .execute(&mut *tx)
            .await?;
        sqlx::query!(
            r#"
            insert into measure_import (token, municipality_id, app_user_id, action_plan_id, file_name, measures)
            values ($1, $2, $3, $4, $5, $6)
            "#,
            token,
            m,
            ctx.user.user_id,
            id,
            file_name,
            measures
        )
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Some(token)
    } else {
        None
    };
    Ok(PreviewPage {
        ctx,
        plan_id: id,
        plan_name: plan.head.name.clone(),
        file_name,
        rows,
        errors: checked.errors,
        token,
    }
    .into_response())
}

#[derive(Deserialize)]
pub struct ConfirmForm {
    #[serde(default)]
    token: String,
}

pub async fn confirm(
    Editor(user): Editor,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    Form(form): Form<ConfirmForm>,
) -> AppResult<Response> {
    let m = user.municipality_id;
    sqlx::query_scalar!(r#"select action_plan_id from action_plan where action_plan_id = $1 and municipality_id = $2"#, id, m)
        .fetch_optional(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut tx = state.db.begin().await?;
    // Taking the staged rows out in the same transaction makes a second click find nothing.
    let staged = sqlx::query!(
        r#"
        delete from measure_import
        where token = $1 and municipality_id = $2 and app_user_id = $3 and action_plan_id = $4
          and created_at > now() - interval '2 hours'
        returning file_name, measures as "measures: Json<Vec<Staged>>"
        "#,
        form.token.trim(),
        m,
        user.user_id,
        id
    )
    .fetch_optional(&mut *tx)
    .await?;
    let Some((file_name, Json(measures))) = staged.map(|s| (s.file_name, s.measures)) else {
        tx.rollback().await?;
        return Ok(flash_redirect(
            &session,
            FlashKind::Danger,
            "Forhåndsvisningen finnes ikke lenger: den er utløpt (etter to timer) eller allerede importert. Ingenting ble importert nå. Last opp filen på nytt.",
            &format!("/plan/{id}/import"),
        )
        .await);
    };
    // The import is one act in the log, named by the file: every new measure belongs to it.
    let link = format!("/plan/{id}");
    let actor = audit::begin_event(
        &mut tx,
        Actor::from(&user),
        EventKind::Import,
        &file_name,
        Some(&link),
    )
    .await?;
    for s in &measures {
        store::insert(&mut tx, actor, id, &s.input()).await?;
    }
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        format!("{} tiltak er importert.", measures.len()),
        &format!("/plan/{id}"),
    )
    .await)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_preview_names_runs_of_periods_with_the_same_label() {
        assert_eq!(
            periods_text(
                Span::new(2014, 2016),
                &[
                    (2014, 1, None),
                    (2014, 2, None),
                    (2014, 5, Some("Utredning".into())),
                    (2015, 1, None)
                ]
            ),
            "2014: Jan–Feb, Mai (Utredning); 2015: Kv 1"
        );
    }
}
