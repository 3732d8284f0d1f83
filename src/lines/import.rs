//! The inventory in from XLSX or CSV, in the export's columns (`export::COLUMNS`): upload →
//! preview (every row a new line, a changed one field by field, unchanged, or an error; nothing
//! written) → confirm (one transaction, one audited import event, every update checked against
//! the version the preview saw).
//!
//! A row is a line at a location. The location is found by name (a new name is a new location,
//! made once however many rows name it); a row with «Linje-ID» updates that line. The first row
//! of a location gives its address, users and note; a later row that says otherwise is an error,
//! not a silent choice between them.

use std::collections::HashMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    extract::{Multipart, State, multipart::MultipartRejection},
    response::{IntoResponse, Response},
};
use serde::Deserialize;
use sqlx::Acquire;
use tower_sessions::Session;

use super::{
    export::{COLUMNS, KEY, cell, line_of, location_of},
    model::{LineForm, LineInput, LineType, LocationForm, LocationInput, Ownership},
    read::{self, Filter, Row},
    store,
};
use crate::{
    AppState,
    audit::{self, Actor, EventKind},
    auth::Editor,
    db::Outcome,
    domain::today,
    error::AppResult,
    i18n::{Lang, Msg},
    transfer::{Change, Fate, RowCells, Staged, Table, header_row, normalize, read_file},
    web::{Ctx, FlashKind, Form, flash_redirect},
};

const STAGED_KEY: &str = "lines_import";
const MAX_ROWS: usize = 2000;

#[derive(Template, WebTemplate)]
#[template(path = "lines/import.html")]
pub struct ImportPage {
    pub ctx: Ctx,
    pub columns: Vec<String>,
    pub error: Option<Msg>,
}

fn import_page(ctx: Ctx, error: Option<Msg>) -> ImportPage {
    ImportPage {
        columns: COLUMNS
            .iter()
            .filter(|(f, _)| *f != "per_user")
            .map(|(_, key)| ctx.t(key))
            .collect(),
        error,
        ctx,
    }
}

pub struct PreviewRow {
    pub row: usize,
    pub location: String,
    pub purpose: String,
    pub line_id: Option<i64>,
    pub fate: Fate,
    /// The row makes a location that is not in the inventory.
    pub new_location: bool,
    pub changes: Vec<Change>,
    pub errors: Vec<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "lines/import_preview.html")]
pub struct PreviewPage {
    pub ctx: Ctx,
    pub file_name: String,
    pub rows: Vec<PreviewRow>,
    pub file_errors: Vec<String>,
    pub token: Option<String>,
}

impl PreviewPage {
    pub fn error_count(&self) -> usize {
        self.file_errors.len() + self.rows.iter().filter(|r| r.fate == Fate::Error).count()
    }

    pub fn has_work(&self) -> bool {
        self.rows
            .iter()
            .any(|r| matches!(r.fate, Fate::New | Fate::Changed))
    }
}

/// A row read and checked: what confirming writes.
struct Planned {
    preview: PreviewRow,
    location: LocationInput,
    line: LineInput,
    /// The saved location it belongs to, if any, and that location's version.
    location_id: Option<(i64, i32)>,
    /// Whether this row changes its saved location's fields (the first row of it that does).
    location_changed: bool,
    line_version: i32,
}

/// The saved inventory the rows are compared with.
struct Saved {
    rows: HashMap<i64, Row>,
    versions: HashMap<i64, i32>,
    location_versions: HashMap<i64, i32>,
    /// Location names (normalized) → (id, as saved).
    locations: HashMap<String, (i64, LocationInput)>,
}

impl Saved {
    async fn load(state: &AppState, m: i64) -> AppResult<Saved> {
        let all = read::list(&state.db, m, &Filter::default(), today(), 0, 1_000_000).await?;
        let versions = read::versions(&state.db, m).await?;
        let mut locations = HashMap::new();
        for r in &all.rows {
            locations
                .entry(normalize(&r.location))
                .or_insert((r.location_id, location_of(r)));
        }
        // Locations without lines are in the inventory too.
        for (id, name) in read::location_names(&state.db, m).await? {
            if let std::collections::hash_map::Entry::Vacant(e) = locations.entry(normalize(&name))
            {
                let (input, _) = read::location_input(&state.db, m, id).await?;
                e.insert((id, input));
            }
        }
        Ok(Saved {
            rows: all.rows.into_iter().map(|r| (r.line_id, r)).collect(),
            versions: versions.lines,
            location_versions: versions.locations,
            locations,
        })
    }
}

/// A label in either language, or the code itself, as the value it names.
fn choice<T: Copy>(
    all: &[T],
    code: fn(T) -> &'static str,
    key: fn(T) -> &'static str,
    v: &str,
) -> Option<T> {
    let n = normalize(v);
    all.iter()
        .copied()
        .find(|c| code(*c) == n || Lang::ALL.iter().any(|l| normalize(&l.t(key(*c))) == n))
}

/// The line form a row's cells make, or the row's messages about cells no form field takes.
fn line_form(lang: Lang, cells: &RowCells, errors: &mut Vec<String>) -> LineForm {
    let label = |field: &str| {
        lang.t(COLUMNS
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, k)| *k)
            .unwrap_or(""))
    };
    let mut coded = |field: &str, found: Option<&'static str>| -> String {
        let v = cells.get(field);
        match (v.is_empty(), found) {
            (true, _) => String::new(),
            (false, Some(code)) => code.to_string(),
            (false, None) => {
                errors.push(lang.tr(
                    "lines-import-unknown-value",
                    &[("field", label(field).into()), ("value", v.into())],
                ));
                String::new()
            }
        }
    };
    let line_type = coded(
        "line_type",
        choice(
            LineType::ALL,
            LineType::code,
            LineType::label_key,
            &cells.get("line_type"),
        )
        .map(LineType::code),
    );
    let ownership = coded(
        "ownership",
        choice(
            Ownership::ALL,
            Ownership::code,
            Ownership::label_key,
            &cells.get("ownership"),
        )
        .map(Ownership::code),
    );
    let max = normalize(&cells.get("theoretical_max"));
    let theoretical_max = match max.as_str() {
        "" | "nei" | "no" | "false" | "0" => None,
        v if v == "x"
            || v == "1"
            || v == "true"
            || v == "yes"
            || Lang::ALL.iter().any(|l| normalize(&l.t("lines-yes")) == v) =>
        {
            Some("on".to_string())
        }
        _ => {
            errors.push(lang.tr(
                "lines-import-unknown-value",
                &[
                    ("field", label("theoretical_max").into()),
                    ("value", cells.get("theoretical_max").into()),
                ],
            ));
            None
        }
    };
    LineForm {
        purpose: cells.get("purpose"),
        down_mbps: cells.get("down_mbps"),
        up_mbps: cells.get("up_mbps"),
        line_type,
        ownership,
        provider: cells.get("provider"),
        theoretical_max,
        yearly_cost: cells.get("yearly_cost"),
        contract_expires: cells.get("contract_expires"),
        notice_days: cells.get("notice_days"),
        notes: cells.get("notes"),
        version: String::new(),
    }
}

/// The form errors of a row, each as «Field: message» in the reader's language.
fn form_messages(lang: Lang, errors: &crate::web::FormErrors, out: &mut Vec<String>) {
    let label = |field: &str| match field {
        "name" => "lines-col-location",
        "notes" => "lines-f-notes",
        "users" => "lines-col-users",
        f => COLUMNS
            .iter()
            .find(|(c, _)| *c == f)
            .map(|(_, k)| *k)
            .unwrap_or("lines-col-location"),
    };
    for (field, msg) in errors.all() {
        out.push(format!("{}: {}", lang.t(label(field)), lang.msg(msg)));
    }
}

fn changes(
    lang: Lang,
    fields: &[&'static str],
    before: (&LocationInput, &LineInput),
    after: (&LocationInput, &LineInput),
) -> Vec<Change> {
    fields
        .iter()
        .filter_map(|f| {
            let b = cell(lang, f, before.0, before.1);
            let a = cell(lang, f, after.0, after.1);
            (a != b).then(|| Change {
                field: COLUMNS
                    .iter()
                    .find(|(c, _)| c == f)
                    .map(|(_, k)| *k)
                    .unwrap_or(""),
                before: b,
                after: a,
            })
        })
        .collect()
}

const LOCATION_FIELDS: [&str; 3] = ["address", "users", "location_notes"];
const LINE_FIELDS: [&str; 11] = [
    "purpose",
    "down_mbps",
    "up_mbps",
    "line_type",
    "ownership",
    "provider",
    "theoretical_max",
    "yearly_cost",
    "contract_expires",
    "notice_days",
    "notes",
];

/// Every row read, checked and compared with what is saved.
fn plan_rows(
    lang: Lang,
    table: &Table,
    saved: &Saved,
    file_errors: &mut Vec<String>,
) -> Vec<Planned> {
    let Some((at, cols)) = header_row(table, COLUMNS, "location") else {
        file_errors.push(lang.t("lines-import-no-header"));
        return Vec::new();
    };
    let mut out: Vec<Planned> = Vec::new();
    // A location's values as its first row gave them: (row, values).
    let mut first_of: HashMap<String, (usize, LocationInput)> = HashMap::new();
    let mut seen_lines: HashMap<i64, usize> = HashMap::new();
    for (row, cells) in table.rows.iter().skip(at + 1) {
        let cells = RowCells { cols: &cols, cells };
        if cells.is_blank() {
            continue;
        }
        if out.len() >= MAX_ROWS {
            file_errors.push(lang.tr("lines-import-too-many-rows", &[("max", MAX_ROWS.into())]));
            break;
        }
        let mut errors = Vec::new();
        let location_form = LocationForm {
            name: cells.get("location"),
            address: cells.get("address"),
            users: cells.get("users"),
            notes: cells.get("location_notes"),
            version: String::new(),
        };
        let form = line_form(lang, &cells, &mut errors);
        let location = location_form
            .validate()
            .map_err(|e| form_messages(lang, &e, &mut errors))
            .ok();
        let line = form
            .validate()
            .map_err(|e| form_messages(lang, &e, &mut errors))
            .ok();
        let key = cells.get(KEY);
        let line_id = if key.is_empty() {
            None
        } else {
            match key
                .parse::<i64>()
                .ok()
                .filter(|id| saved.rows.contains_key(id))
            {
                Some(id) => {
                    if let Some(first) = seen_lines.insert(id, *row) {
                        errors.push(lang.tr(
                            "lines-import-line-twice",
                            &[("id", id.into()), ("row", first.into())],
                        ));
                    }
                    Some(id)
                }
                None => {
                    errors.push(lang.tr("lines-import-unknown-line", &[("id", key.into())]));
                    None
                }
            }
        };
        let name = normalize(&location_form.name);
        let saved_location = saved.locations.get(&name);
        if let (Some(id), Some(l)) = (line_id, &location)
            && let Some(r) = saved.rows.get(&id)
            && normalize(&r.location) != normalize(&l.name)
        {
            errors.push(lang.tr(
                "lines-import-moved",
                &[("id", id.into()), ("location", r.location.clone().into())],
            ));
        }
        let mut location_changed = false;
        if let Some(l) = &location {
            match first_of.get(&name) {
                Some((first, values)) if values != l => errors.push(lang.tr(
                    "lines-import-location-differs",
                    &[
                        ("location", l.name.clone().into()),
                        ("row", (*first).into()),
                    ],
                )),
                Some(_) => {}
                None => {
                    first_of.insert(name.clone(), (*row, l.clone()));
                    location_changed = saved_location.is_some_and(|(_, s)| {
                        s.address != l.address || s.users != l.users || s.notes != l.notes
                    });
                }
            }
        }
        let (fate, change_list, location, line) = match (location, line) {
            (Some(l), Some(n)) if errors.is_empty() => {
                let mut list = Vec::new();
                if location_changed && let Some((_, s)) = saved_location {
                    list.extend(changes(lang, &LOCATION_FIELDS, (s, &n), (&l, &n)));
                }
                let fate = match line_id.and_then(|id| saved.rows.get(&id)) {
                    Some(r) => {
                        let (sl, sn) = (location_of(r), line_of(r));
                        list.extend(changes(lang, &LINE_FIELDS, (&sl, &sn), (&sl, &n)));
                        if list.is_empty() {
                            Fate::Unchanged
                        } else {
                            Fate::Changed
                        }
                    }
                    None => Fate::New,
                };
                (fate, list, l, n)
            }
            (l, n) => (
                Fate::Error,
                Vec::new(),
                l.unwrap_or_else(|| LocationInput {
                    name: location_form.name.trim().to_string(),
                    address: None,
                    users: super::model::Users::Unknown,
                    notes: None,
                }),
                n.unwrap_or(LineInput {
                    purpose: None,
                    down_mbps: None,
                    up_mbps: None,
                    line_type: LineType::Other,
                    ownership: Ownership::Own,
                    provider: None,
                    theoretical_max: false,
                    yearly_cost: None,
                    contract_expires: None,
                    notice_days: None,
                    notes: None,
                }),
            ),
        };
        out.push(Planned {
            preview: PreviewRow {
                row: *row,
                location: location.name.clone(),
                purpose: line.purpose.clone().unwrap_or_default(),
                line_id,
                fate,
                new_location: saved_location.is_none() && fate != Fate::Error,
                changes: change_list,
                errors,
            },
            location_id: saved_location
                .map(|(id, _)| (*id, saved.location_versions.get(id).copied().unwrap_or(0))),
            location_changed: location_changed && fate != Fate::Error,
            line_version: line_id
                .and_then(|id| saved.versions.get(&id).copied())
                .unwrap_or(0),
            location,
            line,
        });
    }
    if out.is_empty() && file_errors.is_empty() {
        file_errors.push(lang.t("lines-import-no-rows"));
    }
    out
}

pub(super) async fn form(_: Editor, ctx: Ctx) -> ImportPage {
    import_page(ctx, None)
}

/// The uploaded file read, checked and compared with the inventory; nothing is written.
pub(super) async fn preview(
    _: Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult<Response> {
    let (file_name, table) = match read_file(multipart).await {
        Ok(t) => t,
        Err(msg) => return Ok(import_page(ctx, Some(msg)).into_response()),
    };
    let saved = Saved::load(&state, ctx.user.municipality_id).await?;
    let mut file_errors = Vec::new();
    let planned = plan_rows(ctx.lang, &table, &saved, &mut file_errors);
    let ok = file_errors.is_empty() && planned.iter().all(|p| p.preview.fate != Fate::Error);
    let token = if ok {
        let versions = planned
            .iter()
            .filter_map(|p| p.preview.line_id.map(|id| (id, p.line_version)))
            .collect();
        let mut staged = Staged::new(file_name.clone(), table, versions);
        staged.parents = planned.iter().filter_map(|p| p.location_id).collect();
        Some(staged.keep(&session, STAGED_KEY).await?)
    } else {
        None
    };
    Ok(PreviewPage {
        ctx,
        file_name,
        rows: planned.into_iter().map(|p| p.preview).collect(),
        file_errors,
        token,
    }
    .into_response())
}

#[derive(Deserialize)]
pub struct ConfirmForm {
    #[serde(default)]
    token: String,
}

pub(super) async fn confirm(
    Editor(user): Editor,
    State(state): State<AppState>,
    session: Session,
    Form(form): Form<ConfirmForm>,
) -> AppResult<Response> {
    let lang = user.lang;
    let Some(staged) = Staged::take(&session, STAGED_KEY, &form.token).await else {
        return Ok(flash_redirect(
            &session,
            FlashKind::Danger,
            Msg::new("lines-import-preview-gone"),
            "/locations/import",
        )
        .await);
    };
    let m = user.municipality_id;
    let saved = Saved::load(&state, m).await?;
    let mut file_errors = Vec::new();
    let planned = plan_rows(lang, &staged.table(), &saved, &mut file_errors);
    if !file_errors.is_empty() || planned.iter().any(|p| p.preview.fate == Fate::Error) {
        return Ok(flash_redirect(
            &session,
            FlashKind::Danger,
            Msg::new("lines-import-confirm-errors"),
            "/locations/import",
        )
        .await);
    }
    let versions: HashMap<i64, i32> = staged.versions.iter().copied().collect();
    let location_versions: HashMap<i64, i32> = staged.parents.iter().copied().collect();
    let mut tx = state.db.begin().await?;
    let actor = audit::begin_event(
        &mut tx,
        Actor::from(&user),
        EventKind::Import,
        &staged.file_name,
        Some("/locations"),
    )
    .await?;
    let (mut created, mut changed, mut unchanged) = (0usize, 0usize, 0usize);
    let mut refused: Vec<String> = Vec::new();
    // New locations, made once: normalized name → id.
    let mut made: HashMap<String, i64> = HashMap::new();
    let stale = |name: &str, by: Option<String>, at: String| {
        lang.tr(
            "lines-import-refused-changed",
            &[
                ("name", name.to_string().into()),
                (
                    "who",
                    by.unwrap_or_else(|| lang.t("measure-someone-else")).into(),
                ),
                ("when", at.into()),
            ],
        )
    };
    for p in &planned {
        let location_id = match p.location_id {
            Some((id, version)) => {
                if p.location_changed {
                    let based_on = location_versions.get(&id).copied().unwrap_or(version);
                    let mut one = tx.begin().await?;
                    match store::update_location(&mut one, actor, id, Some(based_on), &p.location)
                        .await?
                    {
                        Outcome::Stale { by, at } => {
                            one.rollback().await?;
                            refused.push(stale(&p.location.name, by, at));
                            continue;
                        }
                        _ => one.commit().await?,
                    }
                }
                id
            }
            None => match made.get(&normalize(&p.location.name)) {
                Some(id) => *id,
                None => {
                    let Some(id) = store::insert_location(&mut tx, actor, &p.location).await?
                    else {
                        refused.push(format!(
                            "{}: {}",
                            p.location.name,
                            lang.t("lines-name-taken")
                        ));
                        continue;
                    };
                    made.insert(normalize(&p.location.name), id);
                    id
                }
            },
        };
        let Some(line_id) = p.preview.line_id else {
            store::insert_line(&mut tx, actor, location_id, &p.line).await?;
            created += 1;
            continue;
        };
        let based_on = versions.get(&line_id).copied().unwrap_or(p.line_version);
        let mut one = tx.begin().await?;
        match store::update_line(&mut one, actor, line_id, Some(based_on), &p.line).await? {
            Outcome::Saved => {
                one.commit().await?;
                changed += 1;
            }
            Outcome::Unchanged => {
                one.rollback().await?;
                if p.location_changed {
                    changed += 1;
                } else {
                    unchanged += 1;
                }
            }
            Outcome::Stale { by, at } => {
                one.rollback().await?;
                refused.push(stale(&p.location.name, by, at));
            }
        }
    }
    if created + changed == 0 {
        tx.rollback().await?;
    } else {
        tx.commit().await?;
    }
    let file: crate::i18n::Arg = staged.file_name.into();
    let (kind, message) = if refused.is_empty() {
        (
            FlashKind::Success,
            Msg::with(
                "lines-import-done",
                [
                    ("file", file),
                    ("created", created.into()),
                    ("changed", changed.into()),
                    ("unchanged", unchanged.into()),
                ],
            ),
        )
    } else {
        (
            FlashKind::Danger,
            Msg::with(
                "lines-import-done-refused",
                [
                    ("file", file),
                    ("created", created.into()),
                    ("changed", changed.into()),
                    ("refused", refused.len().into()),
                    ("list", refused.join(" ").into()),
                ],
            ),
        )
    };
    Ok(flash_redirect(&session, kind, message, "/locations").await)
}
