//! An assessment's risks out to Excel and CSV (`/risks/{id}/export.xlsx`, `.csv`) and in again
//! from the same columns (`/risks/{id}/import`): upload → every row read through the risk
//! form's own rules (S and K through `RiskScale`, so the messages are the form's) and compared
//! with the saved risk → preview, nothing written → confirm → one transaction, one audited
//! import event, every update checked against the version the preview saw.
//!
//! «Risiko-ID» is the key: a file exported, edited and imported again updates the risks it came
//! from. RF is in the file for the reader, never read as a value: where the file's RF is not
//! S × K (Nordre Land prints 10 for 4 × 2), the preview warns and S × K is what is stored.

use std::collections::{HashMap, HashSet};

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    extract::{Multipart, Path, State, multipart::MultipartRejection},
    response::{IntoResponse, Response},
};
use rust_xlsxwriter::{Format, FormatBorder, Workbook, XlsxError};
use sqlx::Acquire;
use tower_sessions::Session;

use super::{
    item::assessment,
    model::{RiskForm, RiskInput},
    read::{self, AssessmentDetail, RiskDetail},
    show::status_key,
    store::{self, Saved},
};
use crate::{
    AppState,
    audit::{self, Actor, EventKind},
    auth::{CurrentUser, Editor},
    domain::format_date,
    error::{AppError, AppResult},
    i18n::{Lang, Msg, k},
    plan::transfer::{XLSX_TYPE, defuse, export::download},
    transfer::{
        Change, ConfirmForm, Fate, RowCells, Staged, Summary, Table, Tally, Words, header_row,
        normalize, read_file,
    },
    web::{Ctx, FlashKind, Form, flash_redirect},
};

const KEY: &str = "key";
const STAGED_KEY: &str = "risks_import";
const MAX_ROWS: usize = 2000;

/// (field, catalog key of its header), in the files' order. The fields are the risk form's
/// names, so a row is read as the form is; `rf` is shown, never read as a value.
const COLUMNS: [(&str, &str); 13] = [
    (KEY, k("risks-col-key")),
    ("number", k("risks-col-number")),
    ("description", k("risks-col-description")),
    ("category", k("risks-f-category")),
    ("likelihood", k("risks-col-s")),
    ("consequence", k("risks-col-k")),
    ("rf", k("risks-col-rf")),
    ("mitigation", k("risks-f-mitigation")),
    ("owner", k("risks-f-owner")),
    ("residual_likelihood", k("risks-col-residual-s")),
    ("residual_consequence", k("risks-col-residual-k")),
    ("status", k("risks-f-status")),
    ("next_review", k("risks-f-next-review")),
];

fn header_key(field: &str) -> &'static str {
    COLUMNS
        .iter()
        .find(|(f, _)| *f == field)
        .map(|(_, key)| *key)
        .unwrap_or(COLUMNS[2].1)
}

/// The cells of a risk as the files show them, in `COLUMNS` order (the key and RF included).
fn cells(lang: Lang, id: Option<i64>, i: &RiskInput, people: &[(i64, String)]) -> Vec<String> {
    let n = |v: Option<i16>| v.map(|v| v.to_string()).unwrap_or_default();
    let owner = i
        .owner_person_id
        .and_then(|o| people.iter().find(|(p, _)| *p == o))
        .map(|(_, name)| name.clone())
        .unwrap_or_default();
    vec![
        id.map(|id| id.to_string()).unwrap_or_default(),
        i.number.clone().unwrap_or_default(),
        i.description.clone(),
        i.category.clone().unwrap_or_default(),
        i.likelihood.to_string(),
        i.consequence.to_string(),
        (i.likelihood.get() * i.consequence.get()).to_string(),
        i.mitigation.clone().unwrap_or_default(),
        owner,
        n(i.residual.map(|r| r.0.get())),
        n(i.residual.map(|r| r.1.get())),
        lang.t(status_key(i.status.code())),
        i.next_review.map(format_date).unwrap_or_default(),
    ]
}

/// A saved risk as an input (its saved values always pass the form's rules; an accepted one
/// keeps its status).
fn saved_input(r: &RiskDetail, people: &[(i64, String)]) -> Option<RiskInput> {
    r.form().validate_with(people, r.status == "accepted").ok()
}

fn headers(lang: Lang) -> Vec<String> {
    COLUMNS.iter().map(|(_, key)| lang.t(key)).collect()
}

async fn rows(
    state: &AppState,
    user: &CurrentUser,
    id: i64,
) -> AppResult<(AssessmentDetail, Vec<Vec<String>>)> {
    let a = assessment(state, user, id).await?;
    let m = user.municipality_id;
    let people = crate::org::read::person_names(&state.db, m).await?;
    let rows = read::risk_details(&state.db, m, id)
        .await?
        .iter()
        .filter_map(|r| saved_input(r, &people).map(|i| cells(user.lang, Some(r.id), &i, &people)))
        .collect();
    Ok((a, rows))
}

/// The file's name: the assessment's title, with what a file name cannot hold taken out.
fn file_name(a: &AssessmentDetail, ext: &str) -> String {
    let base: String = a
        .title
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let base = base
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let base = if base.is_empty() {
        "risikoer".to_string()
    } else {
        base
    };
    format!("{}.{ext}", base.chars().take(80).collect::<String>())
}

pub(super) async fn xlsx_file(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let (a, rows) = rows(&state, &user, id).await?;
    let bytes = workbook(user.lang, &rows)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("Excel-eksport av risikoer: {e}")))?;
    Ok(download(bytes, XLSX_TYPE, &file_name(&a, "xlsx")))
}

pub(super) async fn csv_file(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let (a, rows) = rows(&state, &user, id).await?;
    let bytes = csv_export(user.lang, &rows)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("CSV-eksport av risikoer: {e}")))?;
    Ok(download(
        bytes,
        "text/csv; charset=utf-8",
        &file_name(&a, "csv"),
    ))
}

/// The columns that are numbers in the sheet: the key, S, K, RF, residual S and K.
const NUMBER_COLUMNS: [usize; 6] = [0, 4, 5, 6, 9, 10];

fn workbook(lang: Lang, rows: &[Vec<String>]) -> Result<Vec<u8>, XlsxError> {
    let head = Format::new()
        .set_bold()
        .set_background_color("#D9D9D9")
        .set_border(FormatBorder::Thin);
    let text = Format::new().set_text_wrap();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(lang.t("risks-transfer-sheet-name"))?;
    for (c, h) in headers(lang).iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &head)?;
        let width = if NUMBER_COLUMNS.contains(&c) || c == 1 {
            9.0
        } else if c == 2 || c == 7 {
            40.0
        } else {
            18.0
        };
        ws.set_column_width(c as u16, width)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, value) in row.iter().enumerate() {
            if value.is_empty() {
                continue;
            }
            match value.parse::<f64>() {
                Ok(n) if NUMBER_COLUMNS.contains(&c) => ws.write_number(r, c as u16, n)?,
                _ => ws.write_string_with_format(r, c as u16, value, &text)?,
            };
        }
    }
    ws.set_freeze_panes(1, 3)?;
    wb.save_to_buffer()
}

/// ';'-separated UTF-8 with BOM so Norwegian Excel opens it; a cell Excel would run as a formula
/// is written as text.
fn csv_export(lang: Lang, rows: &[Vec<String>]) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer("\u{feff}".as_bytes().to_vec());
    w.write_record(headers(lang))?;
    for row in rows {
        w.write_record(row.iter().map(|c| defuse(c)))?;
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

// ---------------------------------------------------------------------------------------
// Import

#[derive(Template, WebTemplate)]
#[template(path = "risks/import.html")]
pub(super) struct ImportPage {
    ctx: Ctx,
    a: AssessmentDetail,
    columns: Vec<String>,
    error: Option<Msg>,
}

fn import_page(ctx: Ctx, a: AssessmentDetail, error: Option<Msg>) -> ImportPage {
    let columns = COLUMNS.iter().map(|(_, key)| ctx.t(key)).collect();
    ImportPage {
        ctx,
        a,
        columns,
        error,
    }
}

pub(super) struct PreviewRow {
    row: usize,
    name: String,
    risk_id: Option<i64>,
    fate: Fate,
    changes: Vec<Change>,
    errors: Vec<String>,
    /// Not errors: the row is imported (a printed RF that is not S × K).
    warnings: Vec<String>,
}

impl PreviewRow {
    fn fate_label(&self) -> &'static str {
        self.fate.label()
    }
    fn fate_color(&self) -> &'static str {
        self.fate.color()
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "risks/import_preview.html")]
pub(super) struct PreviewPage {
    ctx: Ctx,
    a: AssessmentDetail,
    s: Summary,
    rows: Vec<PreviewRow>,
}

/// A row read and checked: the risk as it would be saved.
struct Planned {
    preview: PreviewRow,
    input: Option<RiskInput>,
    version: i32,
}

/// The assessment's saved risks and the municipality's people, which rows are read against.
struct Lookup {
    people: Vec<(i64, String)>,
    people_by_name: HashMap<String, Vec<i64>>,
    risks: HashMap<i64, RiskDetail>,
}

impl Lookup {
    async fn load(state: &AppState, m: i64, assessment_id: i64) -> AppResult<Lookup> {
        let people = crate::org::read::person_names(&state.db, m).await?;
        let mut people_by_name: HashMap<String, Vec<i64>> = HashMap::new();
        for (id, name) in &people {
            people_by_name.entry(normalize(name)).or_default().push(*id);
        }
        let risks = read::risk_details(&state.db, m, assessment_id)
            .await?
            .into_iter()
            .map(|r| (r.id, r))
            .collect();
        Ok(Lookup {
            people,
            people_by_name,
            risks,
        })
    }
}

/// A status as the file may write it: the code, or its label in either language.
fn status_code(v: &str) -> Option<&'static str> {
    let n = normalize(v);
    ["open", "treating", "accepted", "closed"]
        .into_iter()
        .find(|code| {
            *code == n
                || Lang::ALL
                    .iter()
                    .any(|l| normalize(&l.t(status_key(code))) == n)
        })
}

fn plan_rows(
    lang: Lang,
    table: &Table,
    lookup: &Lookup,
    file_errors: &mut Vec<String>,
) -> Vec<Planned> {
    let Some((at, cols)) = header_row(table, &COLUMNS, "description") else {
        file_errors.push(lang.t("risks-transfer-no-header"));
        return Vec::new();
    };
    let has = |field: &str| cols.contains(&Some(field));
    let mut seen: HashSet<i64> = HashSet::new();
    let mut out = Vec::new();
    for (row, cells_of_row) in table.rows.iter().skip(at + 1) {
        let c = RowCells {
            cols: &cols,
            cells: cells_of_row,
        };
        if c.is_blank() {
            continue;
        }
        if out.len() >= MAX_ROWS {
            file_errors.push(lang.tr("risks-transfer-too-many-rows", &[("max", MAX_ROWS.into())]));
            break;
        }
        let mut errors: Vec<String> = Vec::new();
        let mut warnings: Vec<String> = Vec::new();
        let error = |errors: &mut Vec<String>, field: &str, msg: &Msg| {
            errors.push(format!("{}: {}", lang.t(header_key(field)), lang.msg(msg)));
        };
        let key = c.get(KEY);
        let saved = if key.is_empty() {
            None
        } else {
            match key.parse::<i64>().ok().and_then(|id| lookup.risks.get(&id)) {
                Some(r) => Some(r),
                None => {
                    error(
                        &mut errors,
                        KEY,
                        &Msg::with("risks-transfer-key-unknown", [("key", key.clone().into())]),
                    );
                    None
                }
            }
        };
        if let Some(r) = saved
            && !seen.insert(r.id)
        {
            error(
                &mut errors,
                KEY,
                &Msg::with("risks-transfer-key-twice", [("key", r.id.into())]),
            );
        }
        // The fields the file has columns for over the saved risk (or an empty form).
        let mut f: RiskForm = saved.map(RiskDetail::form).unwrap_or_default();
        let was_accepted = saved.is_some_and(|r| r.status == "accepted");
        for (field, _) in COLUMNS.iter().filter(|(f, _)| has(f)) {
            let v = c.get(field);
            match *field {
                "number" => f.number = v,
                "description" => f.description = v,
                "category" => f.category = v,
                "likelihood" => f.likelihood = v,
                "consequence" => f.consequence = v,
                "mitigation" => f.mitigation = v,
                "residual_likelihood" => f.residual_likelihood = v,
                "residual_consequence" => f.residual_consequence = v,
                "next_review" => f.next_review = v,
                "owner" => {
                    f.owner = if v.is_empty() {
                        String::new()
                    } else {
                        match lookup.people_by_name.get(&normalize(&v)).map(Vec::as_slice) {
                            Some([id]) => id.to_string(),
                            Some(_) => {
                                error(
                                    &mut errors,
                                    field,
                                    &Msg::with(
                                        "risks-transfer-person-ambiguous",
                                        [("name", v.into())],
                                    ),
                                );
                                String::new()
                            }
                            None => {
                                error(
                                    &mut errors,
                                    field,
                                    &Msg::with(
                                        "risks-transfer-person-unknown",
                                        [("name", v.into())],
                                    ),
                                );
                                String::new()
                            }
                        }
                    }
                }
                "status" => {
                    f.status = match status_code(&v) {
                        _ if v.is_empty() => "open".into(),
                        Some("accepted") if !was_accepted => {
                            error(
                                &mut errors,
                                field,
                                &Msg::new("risks-transfer-accept-only-leder"),
                            );
                            "open".into()
                        }
                        Some(code) => code.into(),
                        None => {
                            error(
                                &mut errors,
                                field,
                                &Msg::with("risks-transfer-status-unknown", [("input", v.into())]),
                            );
                            "open".into()
                        }
                    }
                }
                _ => {}
            }
        }
        let input = match f.validate_with(&lookup.people, was_accepted) {
            Ok(i) => Some(i),
            Err(form_errors) => {
                for (field, msg) in form_errors.all() {
                    error(&mut errors, field, msg);
                }
                None
            }
        };
        // RF is never read as a value: a printed one that is not S × K is a warning.
        let rf = c.get("rf");
        if let Some(i) = &input
            && !rf.is_empty()
        {
            let product = i.likelihood.get() * i.consequence.get();
            if rf.parse::<i64>().ok() != Some(i64::from(product)) {
                warnings.push(lang.tr(
                    "risks-transfer-rf-differs",
                    &[("given", rf.clone().into()), ("product", product.into())],
                ));
            }
        }
        let changes: Vec<Change> = match (saved, &input) {
            (Some(r), Some(i)) => match saved_input(r, &lookup.people) {
                Some(before) => {
                    let before = cells(lang, Some(r.id), &before, &lookup.people);
                    let after = cells(lang, Some(r.id), i, &lookup.people);
                    COLUMNS
                        .iter()
                        .zip(before.into_iter().zip(after))
                        .filter(|((f, _), (b, a))| *f != KEY && *f != "rf" && b != a)
                        .map(|((_, key), (before, after))| Change {
                            field: key,
                            before,
                            after,
                        })
                        .collect()
                }
                None => Vec::new(),
            },
            _ => Vec::new(),
        };
        let fate = if !errors.is_empty() {
            Fate::Error
        } else if saved.is_none() {
            Fate::New
        } else if changes.is_empty() {
            Fate::Unchanged
        } else {
            Fate::Changed
        };
        let name = match (&input, saved) {
            (Some(i), _) => i.description.clone(),
            (None, Some(r)) => r.description.clone(),
            (None, None) => f.description.trim().to_string(),
        };
        out.push(Planned {
            preview: PreviewRow {
                row: *row,
                name,
                risk_id: saved.map(|r| r.id),
                fate,
                changes,
                errors,
                warnings,
            },
            version: saved.map(|r| r.version).unwrap_or(0),
            input: if fate == Fate::Error { None } else { input },
        });
    }
    if out.is_empty() && file_errors.is_empty() {
        file_errors.push(lang.t("risks-transfer-no-rows"));
    }
    out
}

pub(super) async fn form(
    Editor(user): Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<ImportPage> {
    let a = assessment(&state, &user, id).await?;
    Ok(import_page(ctx, a, None))
}

/// The uploaded file read, checked and compared with the assessment's risks; nothing written.
pub(super) async fn preview(
    Editor(user): Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult<Response> {
    let a = assessment(&state, &user, id).await?;
    let (file_name, table) = match read_file(multipart).await {
        Ok(t) => t,
        Err(msg) => return Ok(import_page(ctx, a, Some(msg)).into_response()),
    };
    let lookup = Lookup::load(&state, user.municipality_id, id).await?;
    let mut file_errors = Vec::new();
    let planned = plan_rows(ctx.lang, &table, &lookup, &mut file_errors);
    let ok = file_errors.is_empty() && planned.iter().all(|p| p.preview.fate != Fate::Error);
    let token = if ok {
        let versions = planned
            .iter()
            .filter_map(|p| p.preview.risk_id.map(|rid| (rid, p.version)))
            .collect();
        let staged = Staged::new(file_name.clone(), table, versions).with_target(id);
        Some(staged.keep(&session, STAGED_KEY).await?)
    } else {
        None
    };
    let s = Summary::new(
        file_name,
        file_errors,
        planned.iter().map(|p| p.preview.fate),
        token,
        &format!("/risks/{id}/import"),
        Words {
            pending: k("risks-transfer-nothing-saved-yet"),
            nothing: k("risks-transfer-no-changes"),
            back: k("risks-back-to-assessment"),
        },
    );
    Ok(PreviewPage {
        ctx,
        a,
        s,
        rows: planned.into_iter().map(|p| p.preview).collect(),
    }
    .into_response())
}

pub(super) async fn confirm(
    Editor(user): Editor,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    Form(form): Form<ConfirmForm>,
) -> AppResult<Response> {
    assessment(&state, &user, id).await?;
    let lang = user.lang;
    let back = format!("/risks/{id}/import");
    // A preview of another assessment's import (another tab) is not confirmed here.
    let Some(staged) = Staged::take(&session, STAGED_KEY, &form.token)
        .await
        .filter(|s| s.target == Some(id))
    else {
        return Ok(flash_redirect(
            &session,
            FlashKind::Danger,
            Msg::new("risks-transfer-preview-gone"),
            &back,
        )
        .await);
    };
    let m = user.municipality_id;
    let lookup = Lookup::load(&state, m, id).await?;
    let table = staged.table();
    let mut file_errors = Vec::new();
    let planned = plan_rows(lang, &table, &lookup, &mut file_errors);
    if !file_errors.is_empty() || planned.iter().any(|p| p.preview.fate == Fate::Error) {
        return Ok(flash_redirect(
            &session,
            FlashKind::Danger,
            Msg::new("risks-transfer-confirm-errors"),
            &back,
        )
        .await);
    }
    let versions: HashMap<i64, i32> = staged.versions.into_iter().collect();
    let mut tx = state.db.begin().await?;
    let actor = audit::begin_event(
        &mut tx,
        Actor::from(&user),
        EventKind::Import,
        &staged.file_name,
        Some(&format!("/risks/{id}")),
    )
    .await?;
    let mut tally = Tally::default();
    for p in &planned {
        let Some(input) = &p.input else { continue };
        let Some(rid) = p.preview.risk_id else {
            store::insert_risk(&mut tx, actor, id, input)
                .await?
                .ok_or(AppError::NotFound)?;
            tally.created += 1;
            continue;
        };
        // The version the preview showed; a risk saved since is not overwritten.
        let based_on = versions.get(&rid).copied().unwrap_or(p.version);
        if p.preview.fate == Fate::Unchanged && based_on == p.version {
            tally.unchanged += 1;
            continue;
        }
        let mut one = tx.begin().await?;
        match store::update_risk(&mut one, actor, rid, Some(based_on), input).await? {
            Saved::Saved => {
                one.commit().await?;
                tally.changed += 1;
            }
            Saved::NotFound => {
                one.rollback().await?;
                tally.refused.push(lang.tr(
                    "risks-transfer-refused-gone",
                    &[("name", p.preview.name.clone().into())],
                ));
            }
            Saved::Stale { by, at } => {
                one.rollback().await?;
                let who = by.unwrap_or_else(|| lang.t("risks-someone-else"));
                tally.refused.push(lang.tr(
                    "risks-transfer-refused-changed",
                    &[
                        ("name", p.preview.name.clone().into()),
                        ("who", who.into()),
                        ("when", at.into()),
                    ],
                ));
            }
        }
    }
    if tally.wrote() {
        tx.commit().await?;
    } else {
        tx.rollback().await?;
    }
    let (kind, message) = tally.message(
        staged.file_name,
        k("risks-transfer-imported"),
        k("risks-transfer-imported-refused"),
    );
    Ok(flash_redirect(&session, kind, message, &format!("/risks/{id}")).await)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_status_is_read_by_its_label_in_either_language_or_its_code() {
        assert_eq!(status_code("Under behandling"), Some("treating"));
        assert_eq!(status_code(" lukket "), Some("closed"));
        assert_eq!(status_code("Open"), Some("open"));
        assert_eq!(status_code("kanskje"), None);
    }

    #[test]
    fn an_assessments_title_makes_a_file_name() {
        let a = AssessmentDetail {
            id: 1,
            title: "Digitalisering 2017 – kritiske suksessfaktorer".into(),
            assessed_on: None,
            scope: None,
            responsible_id: None,
            responsible: None,
            restricted: false,
            version: 1,
            low_max: 4,
            medium_max: 12,
        };
        assert_eq!(
            file_name(&a, "csv"),
            "Digitalisering-2017-kritiske-suksessfaktorer.csv"
        );
    }
}
