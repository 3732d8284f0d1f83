//! IKT staff create, edit and delete the measures (tiltak) of an action plan.
//!
//! Editing is optimistically locked: the form carries the version it was loaded at (and the
//! measure as it then was), and a save based on an older version is refused with what the other
//! person changed, so nothing is silently overwritten.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    Router,
    extract::{Path, State},
    response::{IntoResponse, Response},
    routing::get,
};
use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use sqlx::{PgConnection, PgPool};
use tower_sessions::Session;

use super::model::{
    self, CellInput, CostInput, Financing, MeasureInput, MeasureSnapshot, Responsible, Status,
    period_name, plan_periods, valid_period,
};
use crate::{
    AppState,
    accounts::{CurrentUser, Role},
    audit::{self, Action, Actor},
    domain::{Hours, Nok, format_date, format_datetime, parse_date},
    error::{AppError, AppResult},
    web::{Ctx, FlashKind, FormErrors, FormPairs, flash_redirect},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/plan/{plan_id}/measures/new", get(new_form))
        .route("/plan/{plan_id}/measures", axum::routing::post(create))
        .route("/measures/{id}/edit", get(edit_form).post(update))
        .route("/measures/{id}/delete", get(delete_page).post(delete))
}

/// The free-text roles the plan documents use; offered as suggestions, any text is allowed.
const ROLE_SUGGESTIONS: [&str; 4] = ["Systemeier", "Superbrukere", "Rådmannen / SU", "IKT-styret"];
/// Empty cost rows offered below the existing ones.
const EMPTY_COST_ROWS: usize = 2;
/// More cost rows than this in one form is not a person typing.
const MAX_COST_ROWS: usize = 200;

// ---------------------------------------------------------------------------------------------
// What the form needs from the database

pub use super::data::PlanHead as Plan;

async fn load_plan(db: &PgPool, m: i64, plan_id: i64) -> AppResult<Plan> {
    super::data::load_head(db, m, plan_id).await
}

pub struct GoalAreaOption {
    pub name: String,
    pub strategies: Vec<Choice>,
}

pub struct Choice {
    pub id: i64,
    pub label: String,
}

pub struct PersonOption {
    pub id: i64,
    pub name: String,
    pub title: Option<String>,
}

impl PersonOption {
    pub fn label(&self) -> String {
        match self.title.as_deref().filter(|t| !t.is_empty()) {
            Some(t) => format!("{} ({t})", self.name),
            None => self.name.clone(),
        }
    }
}

/// The choices the form offers, all from the user's municipality and the plan.
pub struct Options {
    pub goal_areas: Vec<GoalAreaOption>,
    pub people: Vec<PersonOption>,
    pub units: Vec<Choice>,
    /// The plan's other measures (the measure itself is left out).
    pub measures: Vec<Choice>,
}

impl Options {
    fn strategy_text(&self, id: i64) -> Option<&str> {
        self.goal_areas
            .iter()
            .flat_map(|g| &g.strategies)
            .find(|s| s.id == id)
            .map(|s| s.label.as_str())
    }
    fn person_name(&self, id: i64) -> Option<&str> {
        self.people
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.name.as_str())
    }
    fn unit_name(&self, id: i64) -> Option<&str> {
        self.units
            .iter()
            .find(|u| u.id == id)
            .map(|u| u.label.as_str())
    }
    fn measure_title(&self, id: i64) -> Option<&str> {
        self.measures
            .iter()
            .find(|me| me.id == id)
            .map(|me| me.label.as_str())
    }
}

async fn load_options(db: &PgPool, m: i64, plan: &Plan, this: Option<i64>) -> AppResult<Options> {
    let mut goal_areas: Vec<GoalAreaOption> = Vec::new();
    let mut last_goal = None;
    for r in sqlx::query!(
        r#"
        select g.goal_area_id, g.name, s.strategy_id, s.text
        from goal_area g join strategy s using (goal_area_id)
        where g.strategy_document_id = $1 and g.municipality_id = $2 and s.municipality_id = $2
        order by g.position, g.goal_area_id, s.position, s.strategy_id
        "#,
        plan.strategy_document_id,
        m
    )
    .fetch_all(db)
    .await?
    {
        if last_goal != Some(r.goal_area_id) {
            goal_areas.push(GoalAreaOption {
                name: r.name,
                strategies: Vec::new(),
            });
            last_goal = Some(r.goal_area_id);
        }
        if let Some(g) = goal_areas.last_mut() {
            g.strategies.push(Choice {
                id: r.strategy_id,
                label: r.text,
            });
        }
    }
    let people = sqlx::query!(
        r#"select person_id, name, title from person where municipality_id = $1 order by name collate "nb-NO-x-icu""#,
        m
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|r| PersonOption { id: r.person_id, name: r.name, title: r.title })
    .collect();
    let units = sqlx::query!(r#"select unit_id, name from unit where municipality_id = $1 order by name collate "nb-NO-x-icu""#, m)
        .fetch_all(db)
        .await?
        .into_iter()
        .map(|r| Choice { id: r.unit_id, label: r.name })
        .collect();
    let measures = sqlx::query!(
        r#"
        select measure_id, title from measure
        where action_plan_id = $1 and municipality_id = $2 and measure_id is distinct from $3
        order by position, measure_id
        "#,
        plan.id,
        m,
        this
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|r| Choice {
        id: r.measure_id,
        label: r.title,
    })
    .collect();
    Ok(Options {
        goal_areas,
        people,
        units,
        measures,
    })
}

// ---------------------------------------------------------------------------------------------
// The form as submitted (strings, so a bad value is shown back as typed)

#[derive(Clone, Debug, Default)]
pub struct CostRow {
    pub description: String,
    pub amount: String,
    pub note: String,
    pub financing: String,
    pub project: String,
    pub amount_error: Option<String>,
    pub financing_error: Option<String>,
    pub project_error: Option<String>,
}

impl CostRow {
    fn is_blank(&self) -> bool {
        [&self.description, &self.amount, &self.note, &self.project]
            .iter()
            .all(|s| s.trim().is_empty())
            && matches!(self.financing.as_str(), "" | "unknown")
    }
    pub fn has_error(&self) -> bool {
        self.amount_error.is_some()
            || self.financing_error.is_some()
            || self.project_error.is_some()
    }
}

#[derive(Clone, Debug, Default)]
struct CellValue {
    planned: bool,
    label: String,
}

#[derive(Clone, Debug, Default)]
pub struct Values {
    pub title: String,
    pub description: String,
    pub strategies: Vec<String>,
    pub responsible: String,
    pub responsible_text: String,
    pub hours: String,
    costs: BTreeMap<usize, CostRow>,
    cells: BTreeMap<(i32, i32), CellValue>,
    /// Schedule fields whose names are not a year and a period.
    bad_cells: Vec<String>,
    pub priority: bool,
    pub status: String,
    pub status_date: String,
    pub status_comment: String,
    pub depends_on: Vec<String>,
    pub version: String,
    /// The measure as it was when the form was loaded (JSON of the audit snapshot).
    pub base: String,
}

impl Values {
    fn from_pairs(pairs: Vec<(String, String)>) -> Values {
        let mut v = Values::default();
        for (k, val) in pairs {
            match k.as_str() {
                "title" => v.title = val,
                "description" => v.description = val,
                "strategy" => v.strategies.push(val),
                "responsible" => v.responsible = val,
                "responsible_text" => v.responsible_text = val,
                "hours" => v.hours = val,
                "priority" => v.priority = true,
                "status" => v.status = val,
                "status_date" => v.status_date = val,
                "status_comment" => v.status_comment = val,
                "depends_on" => v.depends_on.push(val),
                "version" => v.version = val,
                "base" => v.base = val,
                _ => {
                    if let Some(rest) = k.strip_prefix("cost_") {
                        v.cost_field(rest, val);
                    } else if let Some(rest) = k.strip_prefix("cell_") {
                        match period_key(rest) {
                            Some(p) => v.cells.entry(p).or_default().planned = true,
                            None => v.bad_cells.push(k.clone()),
                        }
                    } else if let Some(rest) = k.strip_prefix("label_") {
                        match period_key(rest) {
                            Some(p) => v.cells.entry(p).or_default().label = val,
                            None if !val.trim().is_empty() => v.bad_cells.push(k.clone()),
                            None => {}
                        }
                    }
                }
            }
        }
        v
    }

    fn cost_field(&mut self, rest: &str, val: String) {
        let Some((name, n)) = rest.rsplit_once('_') else {
            return;
        };
        let Ok(n) = n.parse::<usize>() else { return };
        if n >= MAX_COST_ROWS {
            return;
        }
        let row = self.costs.entry(n).or_default();
        match name {
            "description" => row.description = val,
            "amount" => row.amount = val,
            "note" => row.note = val,
            "financing" => row.financing = val,
            "project" => row.project = val,
            _ => {}
        }
    }
}

/// "2014_3" → (2014, 3)
fn period_key(s: &str) -> Option<(i32, i32)> {
    let (y, p) = s.split_once('_')?;
    Some((y.parse().ok()?, p.parse().ok()?))
}

fn opt(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// Parses and checks the form into a measure; every problem becomes a message at its field.
fn validate(
    v: &mut Values,
    plan: &Plan,
    options: &Options,
    this: Option<i64>,
) -> (MeasureInput, FormErrors) {
    let mut errors = FormErrors::default();

    let title = v.title.trim().to_string();
    if title.is_empty() {
        errors.add("title", "Skriv en tittel på tiltaket.");
    } else if title.chars().count() > 500 {
        errors.add(
            "title",
            "Tittelen kan ha høyst 500 tegn. Legg resten i beskrivelsen.",
        );
    }

    let mut strategy_ids = Vec::new();
    for s in &v.strategies {
        match s
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|id| options.strategy_text(*id).is_some())
        {
            Some(id) if !strategy_ids.contains(&id) => strategy_ids.push(id),
            Some(_) => {}
            None => {
                if !errors.has("strategies") {
                    errors.add(
                        "strategies",
                        "En av de valgte strategiene finnes ikke i planens strategidokument.",
                    );
                }
            }
        }
    }
    if strategy_ids.is_empty() && !errors.has("strategies") {
        errors.add(
            "strategies",
            "Velg minst én strategi som tiltaket følger opp.",
        );
    }

    let chosen = v.responsible.trim();
    let text = opt(&v.responsible_text);
    let picked = if chosen.is_empty() {
        Some(Responsible::Nobody)
    } else {
        let parsed = match chosen.split_once(':') {
            Some(("person", id)) => id
                .parse()
                .ok()
                .filter(|id| options.person_name(*id).is_some())
                .map(Responsible::Person),
            Some(("unit", id)) => id
                .parse()
                .ok()
                .filter(|id| options.unit_name(*id).is_some())
                .map(Responsible::Unit),
            _ => None,
        };
        if parsed.is_none() {
            errors.add(
                "responsible",
                "Den valgte personen eller enheten finnes ikke i kommunen. Velg på nytt.",
            );
        }
        parsed
    };
    let responsible = match (picked, text) {
        (Some(Responsible::Nobody), Some(t)) => Responsible::Text(t),
        (Some(r), None) => r,
        (Some(_), Some(_)) => {
            errors.add(
                "responsible",
                "Velg enten en person eller enhet, eller skriv en rolle – ikke begge. Tøm det ene feltet.",
            );
            Responsible::Nobody
        }
        (None, _) => Responsible::Nobody,
    };

    let hours = match opt(&v.hours) {
        None => None,
        Some(h) => match Hours::parse(&h) {
            Ok(h) => Some(h),
            Err(e) => {
                errors.add("hours", e);
                None
            }
        },
    };

    let mut costs = Vec::new();
    let mut bad_rows = Vec::new();
    for (i, row) in v.costs.values_mut().filter(|r| !r.is_blank()).enumerate() {
        let amount = match opt(&row.amount) {
            None => None,
            Some(a) => match Nok::parse(&a) {
                Ok(n) => Some(n),
                Err(e) => {
                    row.amount_error = Some(e);
                    None
                }
            },
        };
        let financing = match row.financing.trim() {
            "" => Financing::Unknown,
            code => Financing::parse(code).unwrap_or_else(|| {
                row.financing_error = Some("Velg finansiering fra lista.".into());
                Financing::Unknown
            }),
        };
        let project = opt(&row.project);
        match (financing, &project) {
            (Financing::OtherProject, None) => {
                row.project_error = Some("Skriv hvilket prosjekt kostnaden inngår i, for eksempel TRUST-IKT.".into())
            }
            (f, Some(_)) if f != Financing::OtherProject && row.financing_error.is_none() => {
                row.project_error =
                    Some("Prosjekt fylles bare ut når finansieringen er «inngår i annet prosjekt». Velg det, eller tøm feltet.".into())
            }
            _ => {}
        }
        if row.has_error() {
            bad_rows.push((i + 1).to_string());
        }
        costs.push(CostInput {
            description: opt(&row.description),
            amount,
            amount_note: opt(&row.note),
            financing,
            financing_project: project,
        });
    }
    if !bad_rows.is_empty() {
        let which = if bad_rows.len() == 1 {
            format!("Kostnadslinje {} har feil", bad_rows[0])
        } else {
            format!("Kostnadslinjene {} har feil", bad_rows.join(", "))
        };
        errors.add("costs", format!("{which}. Se meldingene i tabellen."));
    }

    let mut cells = Vec::new();
    let mut outside = Vec::new();
    for (&(year, period), c) in &v.cells {
        let label = opt(&c.label);
        if !c.planned && label.is_none() {
            continue;
        }
        if valid_period(plan.start_year, plan.end_year, year, period) {
            cells.push(CellInput {
                year,
                period,
                label,
            });
        } else {
            outside.push(format!("{year} periode {period}"));
        }
    }
    if !outside.is_empty() || !v.bad_cells.is_empty() {
        outside.extend(v.bad_cells.iter().cloned());
        errors.add(
            "schedule",
            format!(
                "Framdriftsplanen har perioder som ikke finnes i planen ({}). Planen går fra {} (måneder) til {} (kvartaler).",
                outside.join(", "),
                plan.start_year,
                plan.end_year
            ),
        );
    }

    let status = Status::parse(v.status.trim()).unwrap_or_else(|| {
        errors.add("status", "Velg en status fra lista.");
        Status::NotStarted
    });
    let status_date = match opt(&v.status_date) {
        None => {
            if status == Status::Done {
                errors.add(
                    "status_date",
                    "Skriv datoen tiltaket ble utført (dd.mm.åååå).",
                );
            }
            None
        }
        Some(d) => match parse_date(&d) {
            Ok(d) => Some(d),
            Err(e) => {
                errors.add("status_date", e);
                None
            }
        },
    };

    let mut depends_on = Vec::new();
    for d in &v.depends_on {
        match d.trim().parse::<i64>().ok() {
            Some(id) if Some(id) == this => {
                errors.add("depends_on", "Et tiltak kan ikke avhenge av seg selv.")
            }
            Some(id) if options.measure_title(id).is_some() => {
                if !depends_on.contains(&id) {
                    depends_on.push(id)
                }
            }
            _ => {
                if !errors.has("depends_on") {
                    errors.add("depends_on", "Et av de valgte tiltakene finnes ikke i denne handlingsplanen (kanskje slettet). Velg på nytt.");
                }
            }
        }
    }

    let input = MeasureInput {
        title,
        description: opt(&v.description),
        strategy_ids,
        responsible,
        hours,
        costs,
        cells,
        priority: v.priority,
        status,
        status_date,
        status_comment: opt(&v.status_comment),
        depends_on,
        predecessor_measure_id: None,
    };
    (input, errors)
}

/// The measure as the audit snapshot would show it, computed from the input, so a refused save
/// can say which fields differ from what is saved now.
fn snapshot_of_input(input: &MeasureInput, plan: &Plan, options: &Options) -> MeasureSnapshot {
    let mut strategy_ids = input.strategy_ids.clone();
    strategy_ids.sort();
    let strategier: Vec<&str> = strategy_ids
        .iter()
        .filter_map(|id| options.strategy_text(*id))
        .collect();
    let ansvarlig = match &input.responsible {
        Responsible::Nobody => String::new(),
        Responsible::Person(id) => options.person_name(*id).unwrap_or_default().to_string(),
        Responsible::Unit(id) => options.unit_name(*id).unwrap_or_default().to_string(),
        Responsible::Text(t) => t.clone(),
    };
    let mut cells = input.cells.clone();
    cells.sort_by_key(|c| (c.year, c.period));
    let framdrift: Vec<String> = cells
        .iter()
        .map(|c| {
            let name = format!(
                "{} {}",
                period_name(plan.start_year, c.year, c.period),
                c.year
            );
            match &c.label {
                Some(l) => format!("{name}: {l}"),
                None => name,
            }
        })
        .collect();
    let mut deps: Vec<&str> = input
        .depends_on
        .iter()
        .filter_map(|id| options.measure_title(*id))
        .collect();
    deps.sort();
    MeasureSnapshot {
        tittel: input.title.trim().to_string(),
        beskrivelse: input.description.clone().unwrap_or_default(),
        strategier: strategier.join("; "),
        ansvarlig,
        timer: input.hours.map(|h| h.plain()).unwrap_or_default(),
        kostnad: input
            .costs
            .iter()
            .map(CostInput::describe)
            .collect::<Vec<_>>()
            .join("; "),
        framdrift: framdrift.join(", "),
        prioritert: input.priority,
        status: input.status.label().to_string(),
        statusdato: input.status_date.map(format_date).unwrap_or_default(),
        statuskommentar: input.status_comment.clone().unwrap_or_default(),
        avhenger_av: deps.join("; "),
    }
}

/// (form field, Norwegian label, value as read) for each field of a snapshot, in form order.
fn snapshot_fields(s: &MeasureSnapshot) -> [(&'static str, &'static str, String); 12] {
    let yes_no = if s.prioritert { "ja" } else { "nei" };
    [
        ("title", "Tittel", s.tittel.clone()),
        ("description", "Beskrivelse", s.beskrivelse.clone()),
        ("strategies", "Strategier", s.strategier.clone()),
        ("responsible", "Ansvarlig", s.ansvarlig.clone()),
        ("hours", "Egeninnsats (timer)", s.timer.clone()),
        ("costs", "Kostnad", s.kostnad.clone()),
        ("schedule", "Framdrift", s.framdrift.clone()),
        ("priority", "Prioritert tiltak", yes_no.to_string()),
        ("status", "Status", s.status.clone()),
        ("status_date", "Statusdato", s.statusdato.clone()),
        (
            "status_comment",
            "Statuskommentar",
            s.statuskommentar.clone(),
        ),
        ("depends_on", "Avhenger av", s.avhenger_av.clone()),
    ]
}

/// Lists joined with "; " compare as sets: the database orders them by its own collation.
fn same_value(field: &str, a: &str, b: &str) -> bool {
    if matches!(field, "strategies" | "depends_on") {
        fn set(s: &str) -> BTreeSet<&str> {
            s.split("; ").filter(|x| !x.is_empty()).collect()
        }
        set(a) == set(b)
    } else {
        a.trim() == b.trim()
    }
}

fn shown(v: &str) -> String {
    if v.trim().is_empty() {
        "–".into()
    } else {
        v.to_string()
    }
}

// ---------------------------------------------------------------------------------------------
// Saving

/// Someone else saved the measure after the form was loaded.
pub struct Conflict {
    pub version: i32,
    pub current: MeasureSnapshot,
    pub who: String,
    pub when: DateTime<Utc>,
}

pub enum UpdateOutcome {
    Saved,
    /// The input equals what is saved; nothing was written.
    Unchanged,
    /// Refused: the form was based on an older version.
    Conflict(Box<Conflict>),
}

/// Updates a measure if it is still at `based_on` version. Run inside a transaction and commit
/// only on `Saved`: the row is locked (`for update`) so two saves cannot both pass the check.
pub async fn update_measure(
    conn: &mut PgConnection,
    user: &CurrentUser,
    id: i64,
    based_on: Option<i32>,
    input: &MeasureInput,
) -> Result<UpdateOutcome, sqlx::Error> {
    let m = user.municipality_id;
    let row = sqlx::query!(
        r#"
        select version, status, status_date as "status_date: NaiveDate", status_comment,
               updated_at as "updated_at: DateTime<Utc>"
        from measure where measure_id = $1 and municipality_id = $2
        for update
        "#,
        id,
        m
    )
    .fetch_one(&mut *conn)
    .await?;
    if based_on != Some(row.version) {
        let current = model::snapshot(conn, m, id).await?;
        let last = sqlx::query!(
            r#"
            select coalesce(u.display_name, 'Systemet') as "who!", a.occurred_at as "occurred_at: DateTime<Utc>"
            from audit_log a left join app_user u on u.app_user_id = a.app_user_id
            where a.municipality_id = $1 and a.table_name = 'measure' and a.record_id = $2
            order by a.occurred_at desc, a.audit_log_id desc
            limit 1
            "#,
            m,
            id
        )
        .fetch_optional(&mut *conn)
        .await?;
        let (who, when) = match last {
            Some(l) => (l.who, l.occurred_at),
            None => ("en annen".to_string(), row.updated_at),
        };
        return Ok(UpdateOutcome::Conflict(Box::new(Conflict {
            version: row.version,
            current,
            who,
            when,
        })));
    }
    let before = model::snapshot(conn, m, id).await?;
    let (person, unit, text) = input.responsible.columns();
    sqlx::query!(
        r#"
        update measure
        set title = $3, description = $4, responsible_person_id = $5, responsible_unit_id = $6,
            responsible_text = $7, hours = $8, priority = $9, status = $10, status_date = $11,
            status_comment = $12, version = version + 1, updated_at = now()
        where measure_id = $1 and municipality_id = $2
        "#,
        id,
        m,
        input.title.trim(),
        input.description,
        person,
        unit,
        text,
        input.hours.map(|h| h.0),
        input.priority,
        input.status.code(),
        input.status_date as _,
        input.status_comment
    )
    .execute(&mut *conn)
    .await?;
    model::write_children(conn, m, id, input).await?;
    let after = model::snapshot(conn, m, id).await?;
    if after == before {
        return Ok(UpdateOutcome::Unchanged);
    }
    let status_changed = row.status != input.status.code()
        || row.status_date != input.status_date
        || row
            .status_comment
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
            != input.status_comment.as_deref();
    if status_changed {
        sqlx::query!(
            r#"
            insert into measure_status_change (municipality_id, measure_id, status, status_date, comment, app_user_id)
            values ($1, $2, $3, $4, $5, $6)
            "#,
            m,
            id,
            input.status.code(),
            input.status_date as _,
            input.status_comment,
            user.user_id
        )
        .execute(&mut *conn)
        .await?;
    }
    audit::record(
        conn,
        Actor::from(user),
        Action::Update,
        "measure",
        id,
        Some(&before),
        Some(&after),
    )
    .await?;
    Ok(UpdateOutcome::Saved)
}

// ---------------------------------------------------------------------------------------------
// The form page

pub struct GridCell {
    pub year: i32,
    pub period: i32,
    pub name: String,
    pub planned: bool,
    pub label: String,
}

pub struct GridYear {
    pub year: i32,
    pub unit: &'static str,
    pub cells: Vec<GridCell>,
}

/// What another person's save changed, for the refused form.
pub struct ConflictView {
    pub who: String,
    pub when: String,
    /// (field, value the user started with, value now); empty when the start is unknown.
    pub changes: Vec<(&'static str, String, String)>,
    /// (form field, saved value) where the submitted value differs from what is saved.
    pub saved: Vec<(&'static str, String)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "plan/measure_form.html")]
pub struct FormPage {
    pub ctx: Ctx,
    pub plan: Plan,
    /// (id, saved title) when editing.
    pub measure: Option<(i64, String)>,
    pub v: Values,
    pub cost_rows: Vec<CostRow>,
    pub grid: Vec<GridYear>,
    pub options: Options,
    pub errors: FormErrors,
    pub conflict: Option<ConflictView>,
    pub statuses: [Status; 5],
    pub financings: [Financing; 5],
    pub role_suggestions: [&'static str; 4],
}

impl FormPage {
    fn new(
        ctx: Ctx,
        plan: Plan,
        measure: Option<(i64, String)>,
        v: Values,
        options: Options,
        errors: FormErrors,
    ) -> Self {
        let mut cost_rows: Vec<CostRow> = v
            .costs
            .values()
            .filter(|r| !r.is_blank())
            .cloned()
            .collect();
        cost_rows.extend(std::iter::repeat_with(CostRow::default).take(EMPTY_COST_ROWS));
        let mut grid: Vec<GridYear> = Vec::new();
        for (year, period) in plan_periods(plan.start_year, plan.end_year) {
            if grid.last().map(|g| g.year) != Some(year) {
                let unit = if year == plan.start_year {
                    "måneder"
                } else {
                    "kvartaler"
                };
                grid.push(GridYear {
                    year,
                    unit,
                    cells: Vec::new(),
                });
            }
            let c = v.cells.get(&(year, period)).cloned().unwrap_or_default();
            if let Some(g) = grid.last_mut() {
                g.cells.push(GridCell {
                    year,
                    period,
                    name: period_name(plan.start_year, year, period),
                    planned: c.planned || !c.label.trim().is_empty(),
                    label: c.label,
                });
            }
        }
        FormPage {
            ctx,
            plan,
            measure,
            v,
            cost_rows,
            grid,
            options,
            errors,
            conflict: None,
            statuses: Status::ALL,
            financings: Financing::ALL,
            role_suggestions: ROLE_SUGGESTIONS,
        }
    }

    fn action(&self) -> String {
        match &self.measure {
            Some((id, _)) => format!("/measures/{id}/edit"),
            None => format!("/plan/{}/measures", self.plan.id),
        }
    }

    fn cancel(&self) -> String {
        match &self.measure {
            Some((id, _)) => format!("/measures/{id}"),
            None => format!("/plan/{}", self.plan.id),
        }
    }

    fn has_strategy(&self, id: &i64) -> bool {
        let id = id.to_string();
        self.v.strategies.iter().any(|s| s.trim() == id)
    }

    fn depends(&self, id: &i64) -> bool {
        let id = id.to_string();
        self.v.depends_on.iter().any(|s| s.trim() == id)
    }

    fn picked(&self, kind: &str, id: &i64) -> bool {
        self.v.responsible.trim() == format!("{kind}:{id}")
    }

    /// «Lagret av Kari 21.11.2026 kl. 10:00: …» next to a field the other person's save differs on.
    fn saved(&self, field: &str) -> Option<String> {
        let c = self.conflict.as_ref()?;
        let (_, value) = c.saved.iter().find(|(f, _)| *f == field)?;
        Some(format!("Lagret av {} {}: {}", c.who, c.when, shown(value)))
    }

    /// The ids an input's aria-describedby lists: its hint, error and saved-value note.
    fn described(&self, field: &str, hint: bool) -> String {
        let mut ids = Vec::new();
        if hint {
            ids.push(format!("{field}-hint"));
        }
        if self.errors.has(field) {
            ids.push(format!("{field}-error"));
        }
        if self.saved(field).is_some() {
            ids.push(format!("{field}-saved"));
        }
        ids.join(" ")
    }
}

// ---------------------------------------------------------------------------------------------
// Handlers

async fn new_form(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(plan_id): Path<i64>,
) -> AppResult<FormPage> {
    ctx.user.require(Role::Ikt | Role::Admin)?;
    let m = ctx.user.municipality_id;
    let plan = load_plan(&state.db, m, plan_id).await?;
    let options = load_options(&state.db, m, &plan, None).await?;
    let v = Values {
        status: Status::NotStarted.code().into(),
        ..Values::default()
    };
    Ok(FormPage::new(
        ctx,
        plan,
        None,
        v,
        options,
        FormErrors::default(),
    ))
}

async fn create(
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path(plan_id): Path<i64>,
    FormPairs(pairs): FormPairs,
) -> AppResult<Response> {
    ctx.user.require(Role::Ikt | Role::Admin)?;
    let m = ctx.user.municipality_id;
    let plan = load_plan(&state.db, m, plan_id).await?;
    let options = load_options(&state.db, m, &plan, None).await?;
    let mut v = Values::from_pairs(pairs);
    let (input, errors) = validate(&mut v, &plan, &options, None);
    if !errors.is_empty() {
        return Ok(FormPage::new(ctx, plan, None, v, options, errors).into_response());
    }
    let mut tx = state.db.begin().await?;
    let id = model::insert_measure(&mut tx, Actor::from(&ctx.user), plan.id, &input).await?;
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        "Tiltaket er opprettet.",
        &format!("/measures/{id}"),
    )
    .await)
}

/// The saved measure as form values, plus its plan.
async fn load_values(db: &PgPool, m: i64, id: i64) -> AppResult<(i64, String, Values)> {
    let r = sqlx::query!(
        r#"
        select action_plan_id, title, description, responsible_person_id, responsible_unit_id, responsible_text,
               hours, priority, status, status_date as "status_date: NaiveDate", status_comment, version
        from measure where measure_id = $1 and municipality_id = $2
        "#,
        id,
        m
    )
    .fetch_optional(db)
    .await?
    .ok_or(AppError::NotFound)?;
    let responsible = Responsible::from_columns(
        r.responsible_person_id,
        r.responsible_unit_id,
        r.responsible_text,
    );
    let strategies = sqlx::query_scalar!(
        r#"select strategy_id from measure_strategy where measure_id = $1 order by strategy_id"#,
        id
    )
    .fetch_all(db)
    .await?;
    let costs = sqlx::query!(
        r#"select description, amount, amount_note, financing, financing_project from measure_cost where measure_id = $1 order by position, measure_cost_id"#,
        id
    )
    .fetch_all(db)
    .await?;
    let cells = sqlx::query!(
        r#"select year, period, label from schedule_cell where measure_id = $1"#,
        id
    )
    .fetch_all(db)
    .await?;
    let deps = sqlx::query_scalar!(
        r#"select depends_on_id from measure_dependency where measure_id = $1"#,
        id
    )
    .fetch_all(db)
    .await?;
    let mut conn = db.acquire().await?;
    let base = model::snapshot(&mut conn, m, id).await?;
    let v = Values {
        title: r.title.clone(),
        description: r.description.unwrap_or_default(),
        strategies: strategies.iter().map(i64::to_string).collect(),
        responsible: responsible.key(),
        responsible_text: match &responsible {
            Responsible::Text(t) => t.clone(),
            _ => String::new(),
        },
        hours: r
            .hours
            .map(|h: Decimal| Hours(h).plain())
            .unwrap_or_default(),
        costs: costs
            .into_iter()
            .enumerate()
            .map(|(i, c)| {
                (
                    i,
                    CostRow {
                        description: c.description.unwrap_or_default(),
                        amount: c.amount.map(|a| Nok(a).plain()).unwrap_or_default(),
                        note: c.amount_note.unwrap_or_default(),
                        financing: c.financing,
                        project: c.financing_project.unwrap_or_default(),
                        ..CostRow::default()
                    },
                )
            })
            .collect(),
        cells: cells
            .into_iter()
            .map(|c| {
                (
                    (c.year, c.period),
                    CellValue {
                        planned: true,
                        label: c.label.unwrap_or_default(),
                    },
                )
            })
            .collect(),
        bad_cells: Vec::new(),
        priority: r.priority,
        status: r.status,
        status_date: r
            .status_date
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
        status_comment: r.status_comment.unwrap_or_default(),
        depends_on: deps.iter().map(i64::to_string).collect(),
        version: r.version.to_string(),
        base: serde_json::to_string(&base).unwrap_or_default(),
    };
    Ok((r.action_plan_id, r.title, v))
}

async fn edit_form(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<FormPage> {
    ctx.user.require(Role::Ikt | Role::Admin)?;
    let m = ctx.user.municipality_id;
    let (plan_id, title, v) = load_values(&state.db, m, id).await?;
    let plan = load_plan(&state.db, m, plan_id).await?;
    let options = load_options(&state.db, m, &plan, Some(id)).await?;
    Ok(FormPage::new(
        ctx,
        plan,
        Some((id, title)),
        v,
        options,
        FormErrors::default(),
    ))
}

async fn update(
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    FormPairs(pairs): FormPairs,
) -> AppResult<Response> {
    ctx.user.require(Role::Ikt | Role::Admin)?;
    let m = ctx.user.municipality_id;
    let saved = sqlx::query!(r#"select action_plan_id, title from measure where measure_id = $1 and municipality_id = $2"#, id, m)
        .fetch_optional(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let plan = load_plan(&state.db, m, saved.action_plan_id).await?;
    let options = load_options(&state.db, m, &plan, Some(id)).await?;
    let mut v = Values::from_pairs(pairs);
    let (input, errors) = validate(&mut v, &plan, &options, Some(id));
    let measure = Some((id, saved.title));
    if !errors.is_empty() {
        return Ok(FormPage::new(ctx, plan, measure, v, options, errors).into_response());
    }
    let based_on = v.version.trim().parse::<i32>().ok();
    let mut tx = state.db.begin().await?;
    match update_measure(&mut tx, &ctx.user, id, based_on, &input).await? {
        UpdateOutcome::Saved => {
            tx.commit().await?;
            Ok(flash_redirect(
                &session,
                FlashKind::Success,
                "Tiltaket er lagret.",
                &format!("/measures/{id}"),
            )
            .await)
        }
        UpdateOutcome::Unchanged => {
            tx.rollback().await?;
            Ok(flash_redirect(
                &session,
                FlashKind::Info,
                "Ingen endringer å lagre.",
                &format!("/measures/{id}"),
            )
            .await)
        }
        UpdateOutcome::Conflict(c) => {
            tx.rollback().await?;
            let submitted = snapshot_of_input(&input, &plan, &options);
            let started: Option<MeasureSnapshot> = serde_json::from_str(&v.base).ok();
            let now = snapshot_fields(&c.current);
            let changes = match &started {
                Some(s) => snapshot_fields(s)
                    .into_iter()
                    .zip(now.iter())
                    .filter(|((f, _, a), (_, _, b))| !same_value(f, a, b))
                    .map(|((_, label, a), (_, _, b))| (label, shown(&a), shown(b)))
                    .collect(),
                None => Vec::new(),
            };
            let saved = snapshot_fields(&submitted)
                .into_iter()
                .zip(now.iter())
                .filter(|((f, _, a), (_, _, b))| !same_value(f, a, b))
                .map(|((f, _, _), (_, _, b))| (f, b.clone()))
                .collect();
            // The next save is based on what is saved now: submitting again is deliberate.
            v.version = c.version.to_string();
            v.base = serde_json::to_string(&c.current).unwrap_or_default();
            let mut page = FormPage::new(ctx, plan, measure, v, options, FormErrors::default());
            page.conflict = Some(ConflictView {
                who: c.who,
                when: format_datetime(c.when),
                changes,
                saved,
            });
            Ok(page.into_response())
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "plan/measure_delete.html")]
pub struct DeletePage {
    pub ctx: Ctx,
    pub id: i64,
    pub title: String,
    pub plan_id: i64,
    pub plan_name: String,
    /// Measures that depend on this one.
    pub dependents: Vec<String>,
}

async fn delete_page(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<DeletePage> {
    ctx.user.require(Role::Ikt | Role::Admin)?;
    let m = ctx.user.municipality_id;
    let r = sqlx::query!(
        r#"
        select me.title, a.action_plan_id, a.name as plan_name
        from measure me join action_plan a using (action_plan_id)
        where me.measure_id = $1 and me.municipality_id = $2
        "#,
        id,
        m
    )
    .fetch_optional(&state.db)
    .await?
    .ok_or(AppError::NotFound)?;
    let dependents = sqlx::query_scalar!(
        r#"
        select d.title from measure_dependency md join measure d on d.measure_id = md.measure_id
        where md.depends_on_id = $1 and md.municipality_id = $2
        order by d.position, d.measure_id
        "#,
        id,
        m
    )
    .fetch_all(&state.db)
    .await?;
    Ok(DeletePage {
        ctx,
        id,
        title: r.title,
        plan_id: r.action_plan_id,
        plan_name: r.plan_name,
        dependents,
    })
}

async fn delete(
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    ctx.user.require(Role::Ikt | Role::Admin)?;
    let m = ctx.user.municipality_id;
    let mut tx = state.db.begin().await?;
    let r = sqlx::query!(
        r#"select title, action_plan_id from measure where measure_id = $1 and municipality_id = $2 for update"#,
        id,
        m
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    let before = model::snapshot(&mut tx, m, id).await?;
    // Measures that depended on this one lose that dependency: audit and version them too, so
    // an open edit form of theirs does not silently put it back.
    let dependents = sqlx::query_scalar!(
        r#"select measure_id from measure_dependency where depends_on_id = $1 and municipality_id = $2 order by measure_id"#,
        id,
        m
    )
    .fetch_all(&mut *tx)
    .await?;
    let mut dependent_before = HashMap::new();
    for d in &dependents {
        dependent_before.insert(*d, model::snapshot(&mut tx, m, *d).await?);
    }
    sqlx::query!(
        r#"delete from measure where measure_id = $1 and municipality_id = $2"#,
        id,
        m
    )
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        Actor::from(&ctx.user),
        Action::Delete,
        "measure",
        id,
        Some(&before),
        None::<&()>,
    )
    .await?;
    for d in dependents {
        sqlx::query!(
            r#"update measure set version = version + 1, updated_at = now() where measure_id = $1 and municipality_id = $2"#,
            d,
            m
        )
        .execute(&mut *tx)
        .await?;
        let after = model::snapshot(&mut tx, m, d).await?;
        audit::record(
            &mut tx,
            Actor::from(&ctx.user),
            Action::Update,
            "measure",
            d,
            dependent_before.get(&d),
            Some(&after),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        format!("Tiltaket «{}» er slettet.", r.title),
        &format!("/plan/{}", r.action_plan_id),
    )
    .await)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        Plan {
            id: 1,
            name: "Plan".into(),
            start_year: 2014,
            end_year: 2016,
            strategy_document_id: 1,
            predecessor_id: None,
        }
    }

    fn options() -> Options {
        Options {
            goal_areas: vec![GoalAreaOption {
                name: "Mål".into(),
                strategies: vec![Choice {
                    id: 7,
                    label: "Strategi".into(),
                }],
            }],
            people: vec![PersonOption {
                id: 3,
                name: "Kari".into(),
                title: None,
            }],
            units: vec![Choice {
                id: 4,
                label: "Skole".into(),
            }],
            measures: vec![Choice {
                id: 9,
                label: "Mini-ROS".into(),
            }],
        }
    }

    fn pairs(p: &[(&str, &str)]) -> Values {
        Values::from_pairs(
            p.iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    #[test]
    fn a_label_without_the_checkbox_counts_as_planned_and_periods_outside_the_plan_are_refused() {
        let mut v = pairs(&[
            ("title", "T"),
            ("strategy", "7"),
            ("status", "not_started"),
            ("cell_2014_3", "on"),
            ("label_2015_2", "innføring"),
            ("label_2015_1", ""),
            ("cell_2015_5", "on"),
        ]);
        let (input, errors) = validate(&mut v, &plan(), &options(), None);
        assert_eq!(
            input.cells,
            vec![
                CellInput {
                    year: 2014,
                    period: 3,
                    label: None
                },
                CellInput {
                    year: 2015,
                    period: 2,
                    label: Some("innføring".into())
                }
            ]
        );
        assert!(errors.get("schedule").unwrap().contains("2015 periode 5"));
    }

    #[test]
    fn a_person_and_a_role_together_is_refused_and_unknown_ids_get_messages() {
        let mut v = pairs(&[
            ("title", "T"),
            ("strategy", "8"),
            ("responsible", "person:3"),
            ("responsible_text", "Systemeier"),
            ("status", "done"),
            ("depends_on", "10"),
        ]);
        let (_, errors) = validate(&mut v, &plan(), &options(), Some(9));
        assert!(errors.get("responsible").unwrap().contains("ikke begge"));
        assert!(errors.has("strategies"));
        assert!(errors.get("status_date").unwrap().contains("utført"));
        assert!(errors.has("depends_on"));
    }

    #[test]
    fn empty_cost_rows_are_skipped_and_a_project_is_required_for_other_project() {
        let mut v = pairs(&[
            ("title", "T"),
            ("strategy", "7"),
            ("status", "not_started"),
            ("cost_description_0", "Lisens"),
            ("cost_amount_0", "34 984"),
            ("cost_financing_0", "current_budget"),
            ("cost_description_1", ""),
            ("cost_financing_1", "unknown"),
            ("cost_financing_2", "other_project"),
        ]);
        let (input, errors) = validate(&mut v, &plan(), &options(), None);
        assert_eq!(input.costs.len(), 2);
        assert_eq!(input.costs[0].amount, Some(Nok::parse("34984").unwrap()));
        assert!(errors.get("costs").unwrap().contains("Kostnadslinje 2"));
        assert!(v.costs[&2].project_error.is_some());
    }
}
