//! The import pages: the upload form with the columns explained, the preview (nothing written),
//! and the confirmation that writes every measure in one transaction.

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    extract::{Multipart, Path, State, multipart::MultipartRejection},
    response::{IntoResponse, Response},
};
use serde::{Deserialize, Serialize};
use sqlx::Acquire;
use tower_sessions::Session;

use super::{
    changes::{Change, changes, reconcile, staged_of},
    export::period_header,
    rows::{Checked, Lookup, RowError, Staged, check},
    sheet::{read_table, read_upload},
};
use crate::{
    AppState,
    audit::{self, Actor, EventKind},
    auth::Editor,
    domain::{format_date, format_datetime},
    error::{AppError, AppResult},
    measures::{
        read::inputs,
        store::{self, Outcome},
    },
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
        ColumnHelp {
            name: "Tiltaks-ID",
            meaning: "Tiltakets nøkkel, slik eksporten skriver den. En rad med ID-en til et tiltak i planen endrer det tiltaket i stedet for å lage et nytt; la den stå urørt. Tom: et nytt tiltak (har planen et tiltak med nøyaktig samme tittel, kan du velge i forhåndsvisningen å endre det i stedet). ID-en til et tiltak i en annen plan gir et nytt tiltak her.".into(),
            example: plan.measures.first().map(|m| m.measure_id.to_string()).unwrap_or_default(),
        },
        ColumnHelp { name: "Mål", meaning: "Målområdet. Bare til lesing: strategien avgjør hvor tiltaket havner.".into(), example: plan.goal_areas.first().map(|g| g.name.clone()).unwrap_or_default() },
        ColumnHelp {
            name: "Strategi",
            meaning: "Strategien slik den står i IKT-strategien (store og små bokstaver spiller ingen rolle). Et tiltak som tjener flere strategier, står på én rad per strategi med samme tekst i «Tiltak». Tom: tiltaket knyttes til hovedmålet.".into(),
            example: example_strategy,
        },
        ColumnHelp { name: "Tiltak", meaning: "Tiltakets tittel. Må fylles ut. Også «Tittel», «Tiltaksnavn» eller «Aktivitet».".into(), example: "Innføre Feide i skole".into() },
        ColumnHelp { name: "Beskrivelse", meaning: "Valgfri, en lengre beskrivelse. Også «Tiltaksbeskrivelse» eller «Innhold».".into(), example: String::new() },
        ColumnHelp { name: "Timer", meaning: "Egeninnsats i timer, med desimalkomma. Tom: ukjent. Også «Egeninnsats», «Antall timer» eller «Timeverk».".into(), example: "50,5".into() },
        ColumnHelp {
            name: "Kostnad",
            meaning: "Beløp og finansiering i parentes, eller en merknad. Flere kostnader skilles med « + ». Beløp kan skrives med mellomrom eller punktum mellom tusener og med «kr», «,-» eller «kr» etter: «12 500», «12.500», «kr 12 500,-» og «12.500 kr» er alle tolv tusen fem hundre. Et punktum som ikke står foran nøyaktig tre sifre, er desimaltegn («1.5» er halvannen krone). Tom: ingen kostnad utover egeninnsats. Også «Kostnader», «Beløp» eller «Kostnadsoverslag».".into(),
            example: "kr 34 984 (dekkes av gjeldende budsjett) · kr 100 000 (krever budsjettbevilgning) · må utredes".into(),
        },
        ColumnHelp {
            name: "Finansiering",
            meaning: "Valgfri, for ark som har finansieringen i en egen kolonne: gjelder kostnadene på raden som ikke har finansiering i «Kostnad». Uten kostnad blir den en kostnadslinje uten beløp.".into(),
            example: "dekkes av gjeldende budsjett · krever budsjettbevilgning · inngår i TRUST-IKT".into(),
        },
        ColumnHelp {
            name: "Ansvar",
            meaning: "Navnet på en person eller enhet i kommunen kobles til dem; fornavn alene kobles til personen når bare én person i kommunen har dem («Jan Magne» → Jan Magne Langseth). Forhåndsvisningen viser koblingen. Annen tekst lagres som den er (en rolle). Også «Ansvarlig».".into(),
            example: "Magnus Rønningen · Jan Magne · Systemeier".into(),
        },
        ColumnHelp { name: "Status", meaning: "Ikke startet, Pågår, Utført, Utsatt eller Avbrutt. Også forstått: Ferdig, Fullført, Gjennomført (Utført); Startet, I gang, Påbegynt (Pågår); Ikke påbegynt, Planlagt (Ikke startet); På vent (Utsatt); Avlyst, Stoppet (Avbrutt). Tom: Ikke startet.".into(), example: "Pågår".into() },
        ColumnHelp { name: "Statusdato", meaning: "Dato for statusen, som dd.mm.åååå. Et tosifret år leses som 2000–2069 for 00–69 og 1970–1999 for 70–99 («30.04.14» er 30.04.2014). En dato mer enn ti år fra planperioden avvises som en skrivefeil.".into(), example: "05.12.2013".into() },
        ColumnHelp { name: "Statuskommentar", meaning: "Fritekst, høyst 2000 tegn. Også «Kommentar» eller «Merknad».".into(), example: String::new() },
        ColumnHelp { name: "Prioritert", meaning: "«Ja» (eller «x», «Høy») for prioriterte tiltak, ellers tom («Nei», «Lav», «Normal»). Også «Prioritet».".into(), example: "Ja".into() },
        ColumnHelp {
            name: "Periodekolonner",
            meaning: format!(
                "Én kolonne per periode: måneder i {start}, kvartaler i årene etter. Skriv «x» i perioder tiltaket pågår, eller en merknad som «Utredning»."
            ),
            example: format!("{start} Jan: x"),
        },
        ColumnHelp {
            name: "Start og Slutt",
            meaning: format!(
                "I stedet for periodekolonnene: tiltaket planlegges i hver periode fra Start til og med Slutt. Skriv et år, en måned eller en dato. En dato eller måned i {start} gir den måneden, senere år kvartalet datoen ligger i; et år alene starter i årets første periode og slutter i årets siste. Bare Start eller bare Slutt gir den ene perioden. Start før planperioden regnes fra planens første periode, Slutt etter den til planens siste. Også «Oppstart»/«Startdato» og «Sluttdato»/«Frist»."
            ),
            example: format!("Start {start}, Slutt 06.{}", start + 1),
        },
        ColumnHelp { name: "Nr", meaning: "En egen nummerering i arket («Nr», «Løpenr») leses ikke.".into(), example: "1".into() },
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

/// What confirming does with one measure of the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fate {
    New,
    Changed,
    Unchanged,
    /// Same title as a measure of the plan, no key: updated only if the user ticks the box.
    SameTitle,
}

pub struct PreviewRow {
    pub row: usize,
    pub title: String,
    pub strategies: Vec<String>,
    pub hours: String,
    pub cost: String,
    pub responsible: String,
    pub responsible_kind: &'static str,
    /// «fra «Jan Magne»» when the name in the file was matched to a person's full name.
    pub responsible_typed: Option<String>,
    pub status: String,
    pub periods: String,
    pub priority: bool,
    pub fate: Fate,
    /// The measure it updates or resembles.
    pub target: Option<i64>,
    pub changes: Vec<Change>,
    pub note: Option<String>,
}

impl PreviewRow {
    pub fn fate_label(&self) -> &'static str {
        match self.fate {
            Fate::New => "Ny",
            Fate::Changed => "Endret",
            Fate::Unchanged => "Uendret",
            Fate::SameTitle => "Samme tittel",
        }
    }

    pub fn fate_color(&self) -> &'static str {
        match self.fate {
            Fate::New => "success",
            Fate::Changed => "warning",
            Fate::Unchanged => "neutral",
            Fate::SameTitle => "info",
        }
    }
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
    fn count(&self, fate: Fate) -> usize {
        self.rows.iter().filter(|r| r.fate == fate).count()
    }

    /// «2 nye, 1 endret og 60 uendret»
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        let (new, changed, unchanged, same) = (
            self.count(Fate::New),
            self.count(Fate::Changed),
            self.count(Fate::Unchanged),
            self.count(Fate::SameTitle),
        );
        if new > 0 {
            parts.push(format!("{new} {}", if new == 1 { "nytt" } else { "nye" }));
        }
        if changed > 0 {
            parts.push(format!("{changed} endret"));
        }
        if unchanged > 0 {
            parts.push(format!("{unchanged} uendret"));
        }
        if same > 0 {
            parts.push(format!("{same} med samme tittel som et tiltak i planen"));
        }
        match parts.len() {
            0 => String::new(),
            1 => parts.remove(0),
            n => format!("{} og {}", parts[..n - 1].join(", "), parts[n - 1]),
        }
    }

    pub fn same_title(&self) -> usize {
        self.count(Fate::SameTitle)
    }

    /// Whether confirming can do anything at all.
    pub fn has_work(&self) -> bool {
        self.rows.iter().any(|r| r.fate != Fate::Unchanged)
    }

    pub fn measure_word(&self) -> &'static str {
        if self.rows.len() == 1 {
            "tiltaket"
        } else {
            "tiltakene"
        }
    }
}

/// One measure as stored with the preview, for confirm to carry out.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(super) struct Planned {
    pub measure: Staged,
    pub target: Option<Target>,
}

/// The measure a row updates, at the version the preview compared it with.
#[derive(Clone, Copy, Debug, Serialize, Deserialize)]
pub(super) struct Target {
    pub id: i64,
    pub version: i32,
    /// Found by title, not by key: updated only with the user's confirmation.
    pub by_title: bool,
    pub unchanged: bool,
}

/// Which saved measure each checked measure is: by its key in this plan, else (without a key)
/// by a title that exactly one measure of the plan has and no other row claims.
/// The saved measure a checked measure is (id, version, found by title), and a note for the
/// preview.
type Found = (Option<(i64, i32, bool)>, Option<String>);

fn targets(checked: &Checked, lookup: &Lookup) -> Vec<Found> {
    let keyed: std::collections::HashSet<i64> =
        checked.measures.iter().filter_map(|s| s.key).collect();
    let mut claimed = keyed.clone();
    checked
        .measures
        .iter()
        .map(|s| match s.key {
            Some(id) => match lookup.measures.iter().find(|(m, _, _)| *m == id) {
                Some((_, _, version)) => (Some((id, *version, false)), None),
                None => (
                    None,
                    lookup.elsewhere.get(&id).map(|plan| {
                        format!("Tiltaks-ID {id} er et tiltak i «{plan}»; her blir det et nytt tiltak.")
                    }),
                ),
            },
            None => {
                let same: Vec<&(i64, String, i32)> = lookup
                    .measures
                    .iter()
                    .filter(|(_, t, _)| t.split_whitespace().collect::<Vec<_>>().join(" ") == s.title)
                    .collect();
                match same.as_slice() {
                    [(id, _, version)] if claimed.insert(*id) => {
                        (Some((*id, *version, true)), None)
                    }
                    [] => (None, None),
                    _ => (
                        None,
                        Some("Planen har flere tiltak med denne tittelen, eller en annen rad endrer det; dette blir et nytt tiltak.".into()),
                    ),
                }
            }
        })
        .collect()
}

/// The measures to write and the preview of each: new, changed (field: before → after) or
/// unchanged, compared with the measure as it is saved now.
async fn plan_import(
    db: &sqlx::PgPool,
    m: i64,
    checked: &Checked,
    lookup: &Lookup,
) -> AppResult<(Vec<Planned>, Vec<PreviewRow>)> {
    let found = targets(checked, lookup);
    let ids: Vec<i64> = found
        .iter()
        .filter_map(|(t, _)| t.map(|(id, _, _)| id))
        .collect();
    let mut conn = db.acquire().await?;
    let saved = inputs(&mut conn, m, &ids).await?;
    drop(conn);
    let mut planned = Vec::new();
    let mut rows = Vec::new();
    for ((staged, row), (target, note)) in checked.measures.iter().zip(&checked.rows).zip(found) {
        let mut staged = staged.clone();
        let target = target.and_then(|(id, version, by_title)| {
            let saved = staged_of(saved.get(&id)?);
            reconcile(&mut staged, &saved, lookup);
            let diff = changes(&saved, &staged, lookup);
            Some((id, version, by_title, diff))
        });
        let (fate, target_id, diff) = match &target {
            None => (Fate::New, None, Vec::new()),
            Some((id, _, true, diff)) => (Fate::SameTitle, Some(*id), diff.clone()),
            Some((id, _, false, diff)) if diff.is_empty() => {
                (Fate::Unchanged, Some(*id), Vec::new())
            }
            Some((id, _, false, diff)) => (Fate::Changed, Some(*id), diff.clone()),
        };
        rows.push(preview_row(
            &staged, *row, lookup, fate, target_id, diff, note,
        ));
        planned.push(Planned {
            target: target.map(|(id, version, by_title, diff)| Target {
                id,
                version,
                by_title,
                unchanged: diff.is_empty(),
            }),
            measure: staged,
        });
    }
    // What the import does comes first; the unchanged rows follow, in the file's order.
    rows.sort_by_key(|r| match r.fate {
        Fate::Changed => 0,
        Fate::SameTitle => 1,
        Fate::New => 2,
        Fate::Unchanged => 3,
    });
    Ok((planned, rows))
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

fn preview_row(
    s: &Staged,
    row: usize,
    lookup: &Lookup,
    fate: Fate,
    target: Option<i64>,
    changes: Vec<Change>,
    note: Option<String>,
) -> PreviewRow {
    let (responsible, responsible_kind) = lookup.responsible_label(&s.responsible);
    let typed = s.responsible_typed.trim();
    PreviewRow {
        row,
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
        responsible_typed: (!typed.is_empty()
            && responsible_kind != "fritekst"
            && typed.to_lowercase() != responsible.to_lowercase())
        .then(|| typed.to_string()),
        responsible,
        responsible_kind,
        status: match s.status_date {
            Some(d) => format!("{} {}", s.status.label(), format_date(d)),
            None => s.status.label().to_string(),
        },
        periods: periods_text(lookup.span(), &s.cells),
        priority: s.priority,
        fate,
        target,
        changes,
        note,
    }
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
    let (planned, rows) = plan_import(&state.db, m, &checked, &lookup).await?;

    let token = if checked.errors.is_empty() {
        let token = random_token();
        let measures = serde_json::to_value(&planned).map_err(|e| AppError::Internal(e.into()))?;
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
    /// Update the measures that have the same title as a row without a key.
    #[serde(default)]
    match_titles: Option<String>,
}

fn count_text(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
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
        returning file_name, measures
        "#,
        form.token.trim(),
        m,
        user.user_id,
        id
    )
    .fetch_optional(&mut *tx)
    .await?;
    // A preview staged before this version of the import reads as gone, not as an error.
    let staged = staged.and_then(|s| {
        serde_json::from_value::<Vec<Planned>>(s.measures)
            .ok()
            .map(|p| (s.file_name, p))
    });
    let Some((file_name, planned)) = staged else {
        tx.rollback().await?;
        return Ok(flash_redirect(
            &session,
            FlashKind::Danger,
            "Forhåndsvisningen finnes ikke lenger: den er utløpt (etter to timer) eller allerede importert. Ingenting ble importert nå. Last opp filen på nytt.",
            &format!("/plan/{id}/import"),
        )
        .await);
    };
    let match_titles = form.match_titles.is_some();
    // The import is one act in the log, named by the file: every measure it creates or changes
    // belongs to it.
    let link = format!("/plan/{id}");
    let actor = audit::begin_event(
        &mut tx,
        Actor::from(&user),
        EventKind::Import,
        &file_name,
        Some(&link),
    )
    .await?;
    let (mut created, mut changed, mut unchanged) = (0usize, 0usize, 0usize);
    let mut refused: Vec<String> = Vec::new();
    for p in &planned {
        let target = match p.target {
            Some(t) if !t.by_title || match_titles => t,
            _ => {
                store::insert(&mut tx, actor, id, &p.measure.input()).await?;
                created += 1;
                continue;
            }
        };
        if target.unchanged {
            unchanged += 1;
            continue;
        }
        let Some(saved) = inputs(&mut tx, m, &[target.id]).await?.remove(&target.id) else {
            refused.push(format!(
                "«{}» (slettet etter opplastingen)",
                p.measure.title
            ));
            continue;
        };
        let mut input = p.measure.input();
        // The file has no dependencies; the measure keeps its own.
        input.depends_on = saved.depends_on;
        input.predecessor_measure_id = saved.predecessor_measure_id;
        // Each update in its own savepoint: one refused or unchanged measure undoes only itself.
        let mut one = tx.begin().await?;
        match store::update(&mut one, actor, target.id, Some(target.version), &input).await? {
            Outcome::Saved => {
                one.commit().await?;
                changed += 1;
            }
            Outcome::Unchanged => {
                one.rollback().await?;
                unchanged += 1;
            }
            Outcome::Conflict(c) => {
                one.rollback().await?;
                refused.push(format!(
                    "«{}» (endret av {} {})",
                    p.measure.title,
                    c.who,
                    format_datetime(c.when)
                ));
            }
        }
    }
    let mut message = if created + changed == 0 {
        tx.rollback().await?;
        format!("Ingenting ble endret av «{file_name}».")
    } else {
        tx.commit().await?;
        let mut parts = Vec::new();
        if created > 0 {
            parts.push(count_text(created, "nytt tiltak", "nye tiltak"));
        }
        if changed > 0 {
            parts.push(format!("{changed} endret"));
        }
        if unchanged > 0 {
            parts.push(format!("{unchanged} uendret"));
        }
        format!("Importert fra «{file_name}»: {}.", parts.join(", "))
    };
    let kind = if refused.is_empty() {
        FlashKind::Success
    } else {
        message.push_str(&format!(
            " {} tiltak ble ikke endret, fordi noen endret {} etter forhåndsvisningen: {}. Ingenting er overskrevet. Last ned planen på nytt og gjør endringene der.",
            refused.len(),
            if refused.len() == 1 { "det" } else { "dem" },
            refused.join(", ")
        ));
        FlashKind::Danger
    };
    Ok(flash_redirect(&session, kind, message, &format!("/plan/{id}")).await)
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
