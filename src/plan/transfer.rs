//! The progress plan out to Excel and CSV, laid out like Vedlegg 1, and measures in from the same
//! columns: upload → validate every row → preview (nothing written) → confirm → one transaction.

use std::{
    collections::{HashMap, HashSet},
    io::Cursor,
};

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    Form, Router,
    extract::{DefaultBodyLimit, Multipart, Path, State, multipart::MultipartRejection},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
    routing::{get, post},
};
use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;
use rand::Rng;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, XlsxError};
use serde::{Deserialize, Serialize};
use sqlx::types::Json;
use tower_sessions::Session;

use super::{
    data::{self, MeasureData, PlanData},
    model::{self, CellInput, CostInput, Financing, MeasureInput, Responsible, Status},
    progress,
};
use crate::{
    AppState,
    accounts::{CurrentUser, Role},
    audit::Actor,
    domain::{Hours, Nok, format_date, parse_date},
    error::{AppError, AppResult},
    web::{Ctx, FlashKind, flash_redirect},
};

/// The largest file we read.
const MAX_FILE: usize = 5 * 1024 * 1024;
/// Above the CSRF guard's own limit, so that a too-large file gets our message, not a stream error.
const UPLOAD_BODY_LIMIT: usize = 21 * 1024 * 1024;
const MAX_ROWS: usize = 5000;
const XLSX_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/// The CSV columns before the period columns; the import reads the same names.
const CSV_HEADERS: [&str; 10] = [
    "Mål",
    "Strategi",
    "Tiltak",
    "Timer",
    "Kostnad",
    "Ansvar",
    "Status",
    "Statusdato",
    "Statuskommentar",
    "Prioritert",
];
/// The Excel sheet's columns before the periods, as Vedlegg 1 names them.
const XLSX_HEADERS: [&str; 8] = [
    "Handlingsplan",
    "Strategi",
    "Timer",
    "Kostnad",
    "Ansvar",
    "Status",
    "Statuskommentar",
    "Prioritert",
];
const ORPHAN_GOAL: &str = "Tiltak uten strategi";
const ORPHAN_STRATEGY: &str = "Knyttet til hovedmålet, ikke til en enkelt strategi";

const TOO_LARGE: &str = "Filen er for stor. Den kan være høyst 5 MB.";
const NO_FILE: &str = "Velg en fil å laste opp.";
const NOT_SUPPORTED: &str = "Filen må være en Excel-arbeidsbok (.xlsx) eller en CSV-fil (.csv).";
const UNREADABLE_XLSX: &str = "Excel-filen kunne ikke leses. Kontroller at den er lagret som Excel-arbeidsbok (.xlsx) og ikke er passordbeskyttet.";
const UNREADABLE_CSV: &str =
    "CSV-filen kunne ikke leses som tekst. Lagre den som «CSV UTF-8 (kommadelt)» og prøv igjen.";

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/plan/{id}/export.xlsx", get(export_xlsx))
        .route("/plan/{id}/export.csv", get(export_csv))
        .route(
            "/plan/{id}/import",
            get(import_form)
                .post(preview)
                .layer(DefaultBodyLimit::max(UPLOAD_BODY_LIMIT)),
        )
        .route("/plan/{id}/import/confirm", post(confirm))
}

// ---------------------------------------------------------------------------------------------
// Export

fn file_name(plan: &PlanData, ext: &str) -> String {
    format!(
        "framdriftsplan-{}-{}.{ext}",
        plan.head.start_year, plan.head.end_year
    )
}

fn download(bytes: Vec<u8>, content_type: &str, name: &str) -> Response {
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
            (header::CACHE_CONTROL, "private, no-store".to_string()),
        ],
        bytes,
    )
        .into_response()
}

async fn export_xlsx(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let plan = data::load(&state.db, user.municipality_id, id).await?;
    let bytes =
        workbook(&plan).map_err(|e| AppError::Internal(anyhow::anyhow!("Excel-eksport: {e}")))?;
    Ok(download(bytes, XLSX_TYPE, &file_name(&plan, "xlsx")))
}

async fn export_csv(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let plan = data::load(&state.db, user.municipality_id, id).await?;
    let bytes =
        csv_export(&plan).map_err(|e| AppError::Internal(anyhow::anyhow!("CSV-eksport: {e}")))?;
    Ok(download(
        bytes,
        "text/csv; charset=utf-8",
        &file_name(&plan, "csv"),
    ))
}

/// «2014 Jan», «2015 Kv 1»: the period's CSV column name.
fn period_header(plan: &PlanData, year: i32, period: i32) -> String {
    format!("{year} {}", plan.period_name(year, period))
}

fn cell_mark(m: &MeasureData, year: i32, period: i32) -> Option<String> {
    m.cell(&year, &period).map(|c| {
        c.label
            .clone()
            .filter(|l| !l.trim().is_empty())
            .unwrap_or_else(|| "x".into())
    })
}

fn priority_text(m: &MeasureData) -> &'static str {
    if m.priority { "Ja" } else { "" }
}

/// Vedlegg 1 as one worksheet: title, years over their periods, then goal area → strategy →
/// measures, planned periods filled.
fn workbook(plan: &PlanData) -> Result<Vec<u8>, XlsxError> {
    let (columns, years) = progress::columns(plan);
    let all: Vec<&MeasureData> = plan.measures.iter().collect();
    let groups = data::group(plan, &all);
    let fixed = XLSX_HEADERS.len() as u16;
    let last_col = fixed + columns.len() as u16 - 1;

    let bordered = |f: Format| f.set_border(FormatBorder::Thin).set_border_color("#A6A6A6");
    let title = Format::new().set_bold().set_font_size(14);
    let head = bordered(
        Format::new()
            .set_bold()
            .set_background_color("#D9D9D9")
            .set_text_wrap()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter),
    );
    let goal = bordered(
        Format::new()
            .set_bold()
            .set_font_size(12)
            .set_background_color("#BDD7EE"),
    );
    let strategy = bordered(Format::new().set_bold().set_background_color("#DDEBF7"));
    let text = bordered(Format::new().set_text_wrap().set_align(FormatAlign::Top));
    let number = bordered(Format::new().set_align(FormatAlign::Top));
    let empty = bordered(Format::new());
    let planned = bordered(
        Format::new()
            .set_background_color("#9BC2E6")
            .set_font_size(8)
            .set_text_wrap()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::Top),
    );

    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Framdriftsplan")?;
    ws.write_string_with_format(0, 0, &plan.head.name, &title)?;

    // Row 2: the years above their periods; row 3: the column names.
    for c in 0..fixed {
        ws.write_blank(1, c, &head)?;
    }
    let mut col = fixed;
    for (year, n) in &years {
        let n = *n as u16;
        if n > 1 {
            ws.merge_range(1, col, 1, col + n - 1, &year.to_string(), &head)?;
        } else {
            ws.write_string_with_format(1, col, year.to_string(), &head)?;
        }
        col += n;
    }
    for (c, name) in XLSX_HEADERS.iter().enumerate() {
        ws.write_string_with_format(2, c as u16, *name, &head)?;
    }
    for (i, c) in columns.iter().enumerate() {
        ws.write_string_with_format(2, fixed + i as u16, &c.name, &head)?;
    }

    let mut row: u32 = 3;
    for g in &groups {
        ws.merge_range(row, 0, row, last_col, &g.name, &goal)?;
        row += 1;
        for s in &g.strategies {
            ws.merge_range(row, 0, row, last_col, &s.text, &strategy)?;
            row += 1;
            let strategy_text = if s.strategy_id.is_some() {
                s.text.as_str()
            } else {
                ""
            };
            for m in &s.rows {
                ws.write_string_with_format(row, 0, &m.title, &text)?;
                ws.write_string_with_format(row, 1, strategy_text, &text)?;
                match m.hours {
                    Some(h) => ws.write_number_with_format(row, 2, decimal_to_f64(h), &number)?,
                    None => ws.write_blank(row, 2, &number)?,
                };
                ws.write_string_with_format(row, 3, m.cost_text(), &text)?;
                ws.write_string_with_format(row, 4, &m.responsible_label, &text)?;
                ws.write_string_with_format(row, 5, m.status_text(), &text)?;
                ws.write_string_with_format(
                    row,
                    6,
                    m.status_comment.as_deref().unwrap_or(""),
                    &text,
                )?;
                ws.write_string_with_format(row, 7, priority_text(m), &text)?;
                for (i, c) in columns.iter().enumerate() {
                    let col = fixed + i as u16;
                    match cell_mark(m, c.year, c.period) {
                        Some(mark) => ws.write_string_with_format(row, col, mark, &planned)?,
                        None => ws.write_blank(row, col, &empty)?,
                    };
                }
                row += 1;
            }
        }
    }

    for (c, width) in [45.0, 40.0, 8.0, 36.0, 20.0, 14.0, 30.0, 10.0]
        .into_iter()
        .enumerate()
    {
        ws.set_column_width(c as u16, width)?;
    }
    for i in 0..columns.len() as u16 {
        ws.set_column_width(fixed + i, 6.5)?;
    }
    ws.set_freeze_panes(3, 1)?;
    ws.set_landscape();
    ws.set_paper_size(9); // A4
    ws.set_repeat_rows(1, 2)?;
    ws.set_print_fit_to_pages(1, 0);
    ws.set_header("&L&\"Calibri,Bold\"Framdriftsplan&R&D");
    wb.save_to_buffer()
}

fn decimal_to_f64(d: Decimal) -> f64 {
    d.to_string().parse().unwrap_or(0.0)
}

/// One line per (measure, strategy), ';'-separated UTF-8 with BOM so Norwegian Excel opens it.
fn csv_export(plan: &PlanData) -> Result<Vec<u8>, csv::Error> {
    let periods = plan.periods();
    let all: Vec<&MeasureData> = plan.measures.iter().collect();
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer("\u{feff}".as_bytes().to_vec());
    let mut header: Vec<String> = CSV_HEADERS.iter().map(|h| h.to_string()).collect();
    header.extend(periods.iter().map(|(y, p)| period_header(plan, *y, *p)));
    w.write_record(&header)?;
    for g in data::group(plan, &all) {
        for s in &g.strategies {
            let (goal, strategy) = if s.strategy_id.is_some() {
                (g.name.as_str(), s.text.as_str())
            } else {
                ("", "")
            };
            for m in &s.rows {
                let mut record = vec![
                    goal.to_string(),
                    strategy.to_string(),
                    m.title.clone(),
                    m.hours_text().to_string(),
                    m.cost_text().to_string(),
                    m.responsible_label.clone(),
                    m.status.label().to_string(),
                    m.status_date.map(format_date).unwrap_or_default(),
                    m.status_comment.clone().unwrap_or_default(),
                    priority_text(m).to_string(),
                ];
                record.extend(
                    periods
                        .iter()
                        .map(|(y, p)| cell_mark(m, *y, *p).unwrap_or_default()),
                );
                w.write_record(record.iter().map(|c| defuse(c)))?;
            }
        }
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

/// A cell Excel would run as a formula («=», «+», «-», «@») gets a leading apostrophe, which
/// Excel shows as text; the import takes it off again.
fn defuse(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

fn undefuse(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => cell,
    }
}

// ---------------------------------------------------------------------------------------------
// Reading a file into rows of text

/// The sheet as text: (row number as the user sees it, cells).
struct Table {
    rows: Vec<(usize, Vec<String>)>,
}

struct Upload {
    name: String,
    bytes: Vec<u8>,
}

async fn read_upload(multipart: Result<Multipart, MultipartRejection>) -> Result<Upload, String> {
    let mut multipart = multipart.map_err(|_| NO_FILE.to_string())?;
    let unreadable = |e: axum::extract::multipart::MultipartError| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            TOO_LARGE.to_string()
        } else {
            "Opplastingen ble avbrutt. Prøv igjen.".to_string()
        }
    };
    while let Some(mut field) = multipart.next_field().await.map_err(unreadable)? {
        if field.name() != Some("file") {
            continue;
        }
        let name = field.file_name().unwrap_or("").trim().to_string();
        let mut bytes = Vec::new();
        while let Some(chunk) = field.chunk().await.map_err(unreadable)? {
            if bytes.len() + chunk.len() > MAX_FILE {
                return Err(TOO_LARGE.into());
            }
            bytes.extend_from_slice(&chunk);
        }
        if name.is_empty() && bytes.is_empty() {
            return Err(NO_FILE.into());
        }
        if bytes.is_empty() {
            return Err("Filen er tom.".into());
        }
        return Ok(Upload { name, bytes });
    }
    Err(NO_FILE.into())
}

fn read_table(upload: &Upload) -> Result<Table, String> {
    let name = upload.name.to_lowercase();
    let ext = name.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    let zip = upload.bytes.starts_with(b"PK\x03\x04");
    match ext {
        "xls" if !zip => Err("Det gamle Excel-formatet (.xls) kan ikke leses. Åpne filen i Excel og lagre den som Excel-arbeidsbok (.xlsx) eller CSV.".into()),
        "xlsx" | "xlsm" | "xls" => read_xlsx(&upload.bytes),
        "csv" | "txt" | "" if zip => read_xlsx(&upload.bytes),
        "csv" | "txt" | "" => read_csv(&upload.bytes),
        _ => Err(NOT_SUPPORTED.into()),
    }
}

fn read_xlsx(bytes: &[u8]) -> Result<Table, String> {
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|_| UNREADABLE_XLSX.to_string())?;
    let range = wb
        .worksheet_range_at(0)
        .ok_or("Excel-filen har ingen regneark.")?
        .map_err(|_| UNREADABLE_XLSX.to_string())?;
    if range.height() > MAX_ROWS + 50 {
        return Err(format!("Filen har for mange rader (høyst {MAX_ROWS})."));
    }
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    let rows = range
        .rows()
        .enumerate()
        .map(|(i, cells)| {
            let mut out = vec![String::new(); first_col as usize];
            out.extend(cells.iter().map(cell_text));
            (first_row as usize + i + 1, out)
        })
        .collect();
    Ok(Table { rows })
}

fn cell_text(d: &Data) -> String {
    match d {
        Data::String(s) => s.trim().to_string(),
        Data::Float(f) => number_text(*f),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => {
            if *b {
                "Ja".into()
            } else {
                String::new()
            }
        }
        Data::DateTime(dt) if dt.is_datetime() => {
            // Excel's day 0 is 30.12.1899 (with the 1900 leap-year bug folded in).
            let days = dt.as_f64().floor() as i64;
            NaiveDate::from_ymd_opt(1899, 12, 30)
                .and_then(|base| base.checked_add_signed(chrono::Duration::days(days)))
                .map(format_date)
                .unwrap_or_default()
        }
        Data::DateTime(dt) => number_text(dt.as_f64()),
        Data::DateTimeIso(s) => s
            .get(..10)
            .filter(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok())
            .unwrap_or(s)
            .to_string(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
        Data::Empty => String::new(),
    }
}

/// 50.5 → «50.5», 2014.0 → «2014»; the domain parsers accept a lone dot as decimal mark.
fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        return format!("{}", f as i64);
    }
    Decimal::from_f64_retain(f)
        .map(|d| d.round_dp(6).normalize().to_string())
        .unwrap_or_else(|| f.to_string())
}

fn read_csv(bytes: &[u8]) -> Result<Table, String> {
    let text = decode_text(bytes)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(detect_delimiter(text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    // The csv crate's own line count is off by one after CRLF, so count line breaks up to each
    // record's first byte ourselves: the numbers must match what the spreadsheet shows.
    let bytes = text.as_bytes();
    let (mut scanned, mut line) = (0usize, 1usize);
    for record in reader.records() {
        let record = record.map_err(|_| "CSV-filen kunne ikke leses.".to_string())?;
        let mut start = record
            .position()
            .map(|p| p.byte() as usize)
            .unwrap_or(scanned)
            .min(bytes.len());
        while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
            start += 1;
        }
        while scanned < start {
            match bytes[scanned] {
                b'\n' => line += 1,
                b'\r' if bytes.get(scanned + 1) != Some(&b'\n') => line += 1,
                _ => {}
            }
            scanned += 1;
        }
        rows.push((
            line,
            record
                .iter()
                .map(|c| undefuse(c.trim()).to_string())
                .collect(),
        ));
        if rows.len() > MAX_ROWS + 50 {
            return Err(format!("Filen har for mange rader (høyst {MAX_ROWS})."));
        }
    }
    Ok(Table { rows })
}

/// UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 as Norwegian Excel saves «CSV».
fn decode_text(bytes: &[u8]) -> Result<String, String> {
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        return String::from_utf16(&units).map_err(|_| UNREADABLE_CSV.to_string());
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        return String::from_utf16(&units).map_err(|_| UNREADABLE_CSV.to_string());
    }
    if bytes.contains(&0) {
        return Err(UNREADABLE_CSV.into());
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(_) => Ok(bytes.iter().map(|b| windows_1252(*b)).collect()),
    }
}

fn windows_1252(b: u8) -> char {
    const HIGH: [u32; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
        0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    match b {
        0x80..=0x9F => char::from_u32(HIGH[(b - 0x80) as usize]).unwrap_or('\u{FFFD}'),
        _ => b as char,
    }
}

/// The separator the first line uses most, outside quotes: ';' (Norwegian Excel), tab or ','.
fn detect_delimiter(text: &str) -> u8 {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in first.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => counts[0] += 1,
            '\t' if !quoted => counts[1] += 1,
            ',' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let seps = [b';', b'\t', b','];
    let mut best = 0;
    for i in 1..3 {
        if counts[i] > counts[best] {
            best = i;
        }
    }
    seps[best]
}

// ---------------------------------------------------------------------------------------------
// Columns

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Col {
    Goal,
    Strategy,
    Title,
    Description,
    Hours,
    Cost,
    Responsible,
    Status,
    StatusDate,
    StatusComment,
    Priority,
    Period(i32, i32),
}

fn normalize(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn fixed_column(name: &str) -> Option<Col> {
    Some(match name {
        "mål" | "målområde" => Col::Goal,
        "strategi" => Col::Strategy,
        "tiltak" | "handlingsplan" => Col::Title,
        "beskrivelse" => Col::Description,
        "timer" | "egeninnsats" | "egeninnsats (timer)" => Col::Hours,
        "kostnad" => Col::Cost,
        "ansvar" | "ansvarlig" => Col::Responsible,
        "status" => Col::Status,
        "statusdato" => Col::StatusDate,
        "statuskommentar" => Col::StatusComment,
        "prioritert" => Col::Priority,
        _ => return None,
    })
}

enum PeriodWord {
    Month(i32),
    Quarter(i32),
}

fn period_word(s: &str) -> Option<PeriodWord> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des",
    ];
    const NAMES: [&str; 12] = [
        "januar",
        "februar",
        "mars",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember",
    ];
    let t = normalize(s).replace('.', "");
    if let Some(i) = MONTHS
        .iter()
        .position(|m| *m == t)
        .or_else(|| NAMES.iter().position(|m| *m == t))
    {
        return Some(PeriodWord::Month(i as i32 + 1));
    }
    let n = t
        .strip_prefix("kvartal")
        .or_else(|| t.strip_prefix("kv"))
        .or_else(|| t.strip_prefix('q'))?
        .trim();
    match n.parse::<i32>() {
        Ok(q) if (1..=4).contains(&q) => Some(PeriodWord::Quarter(q)),
        _ => None,
    }
}

fn as_year(s: &str) -> Option<i32> {
    let s = s.trim();
    (s.len() == 4 && s.chars().all(|c| c.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// «2014 Jan», «Jan 2014», or «Jan» with the year in the row above (the Excel layout).
fn period_column(
    header: &str,
    year_above: Option<i32>,
    start: i32,
    end: i32,
) -> Result<Col, String> {
    let tokens: Vec<&str> = header.split_whitespace().collect();
    let (year, rest) = match (
        tokens.first().and_then(|t| as_year(t)),
        tokens.last().and_then(|t| as_year(t)),
    ) {
        (Some(y), _) => (Some(y), tokens[1..].join(" ")),
        (None, Some(y)) => (Some(y), tokens[..tokens.len() - 1].join(" ")),
        _ => (None, header.trim().to_string()),
    };
    let word = period_word(&rest);
    let example = format!(
        "Bruk månedene Jan–Des for {start}{}, for eksempel «{start} Jan»",
        if end > start {
            " og Kv 1–Kv 4 for senere år".to_string()
        } else {
            String::new()
        }
    );
    let (year, word) = match (
        year.or(if word.is_some() { year_above } else { None }),
        word,
    ) {
        (Some(y), Some(w)) => (y, w),
        (None, None) => {
            return Err(format!(
                "Ukjent kolonne «{header}». Bruk kolonnenavnene som er listet på importsiden."
            ));
        }
        (Some(_), None) => return Err(format!("Ukjent periode i kolonnen «{header}». {example}.")),
        (None, Some(_)) => {
            return Err(format!(
                "Kolonnen «{header}» mangler år. Skriv for eksempel «{start} {}».",
                header.trim()
            ));
        }
    };
    if year < start || year > end {
        return Err(format!(
            "Kolonnen «{header}» ligger utenfor planperioden {start}–{end}."
        ));
    }
    match word {
        PeriodWord::Month(m) if year == start => Ok(Col::Period(year, m)),
        PeriodWord::Month(_) => Err(format!(
            "Kolonnen «{header}»: {year} planlegges per kvartal (Kv 1–Kv 4); bare {start} planlegges per måned."
        )),
        PeriodWord::Quarter(q) if year > start => Ok(Col::Period(year, q)),
        PeriodWord::Quarter(_) => Err(format!(
            "Kolonnen «{header}»: {start} planlegges per måned (Jan–Des), ikke per kvartal."
        )),
    }
}

// ---------------------------------------------------------------------------------------------
// Validation

/// A cost line as the staging table keeps it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct StagedCost {
    description: Option<String>,
    amount: Option<Nok>,
    amount_note: Option<String>,
    financing: Financing,
    financing_project: Option<String>,
}

impl StagedCost {
    fn input(&self) -> CostInput {
        CostInput {
            description: self.description.clone(),
            amount: self.amount,
            amount_note: self.amount_note.clone(),
            financing: self.financing,
            financing_project: self.financing_project.clone(),
        }
    }
}

/// A validated measure waiting for confirmation: exactly what `insert_measure` will get.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Staged {
    title: String,
    description: Option<String>,
    strategy_ids: Vec<i64>,
    /// person, unit, text as `Responsible::columns` gives them.
    responsible: (Option<i64>, Option<i64>, Option<String>),
    hours: Option<Hours>,
    costs: Vec<StagedCost>,
    cells: Vec<(i32, i32, Option<String>)>,
    priority: bool,
    status: Status,
    status_date: Option<NaiveDate>,
    status_comment: Option<String>,
}

impl Staged {
    fn input(&self) -> MeasureInput {
        let (p, u, t) = self.responsible.clone();
        MeasureInput {
            title: self.title.clone(),
            description: self.description.clone(),
            strategy_ids: self.strategy_ids.clone(),
            responsible: Responsible::from_columns(p, u, t),
            hours: self.hours,
            costs: self.costs.iter().map(StagedCost::input).collect(),
            cells: self
                .cells
                .iter()
                .map(|(year, period, label)| CellInput {
                    year: *year,
                    period: *period,
                    label: label.clone(),
                })
                .collect(),
            priority: self.priority,
            status: self.status,
            status_date: self.status_date,
            status_comment: self.status_comment.clone(),
            depends_on: Vec::new(),
            predecessor_measure_id: None,
        }
    }

    /// The fields two rows of the same measure disagree on.
    fn differences(&self, other: &Staged) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.description != other.description {
            out.push("beskrivelse");
        }
        if self.hours != other.hours {
            out.push("timer");
        }
        if self.costs != other.costs {
            out.push("kostnad");
        }
        if self.responsible != other.responsible {
            out.push("ansvar");
        }
        if self.status != other.status || self.status_date != other.status_date {
            out.push("status");
        }
        if self.status_comment != other.status_comment {
            out.push("statuskommentar");
        }
        if self.priority != other.priority {
            out.push("prioritert");
        }
        if self.cells != other.cells {
            out.push("framdrift");
        }
        out
    }
}

/// What the rows are checked against: the plan's periods and strategies, the municipality's
/// people and units.
struct Lookup {
    start: i32,
    end: i32,
    strategies: Vec<(i64, String)>,
    group_rows: HashSet<String>,
    people: Vec<(i64, String)>,
    units: Vec<(i64, String, Option<String>)>,
    existing_titles: HashSet<String>,
}

impl Lookup {
    async fn load(db: &sqlx::PgPool, m: i64, plan: &PlanData) -> AppResult<Lookup> {
        let people = sqlx::query!(
            r#"select person_id, name from person where municipality_id = $1 order by person_id"#,
            m
        )
        .fetch_all(db)
        .await?
        .into_iter()
        .map(|r| (r.person_id, r.name))
        .collect();
        let units = sqlx::query!(r#"select unit_id, name, short_name from unit where municipality_id = $1 order by unit_id"#, m)
            .fetch_all(db)
            .await?
            .into_iter()
            .map(|r| (r.unit_id, r.name, r.short_name))
            .collect();
        Ok(Lookup::new(plan, people, units))
    }

    fn new(
        plan: &PlanData,
        people: Vec<(i64, String)>,
        units: Vec<(i64, String, Option<String>)>,
    ) -> Lookup {
        let strategies: Vec<(i64, String)> = plan
            .goal_areas
            .iter()
            .flat_map(|g| &g.strategies)
            .map(|s| (s.strategy_id, s.text.clone()))
            .collect();
        let mut group_rows: HashSet<String> =
            plan.goal_areas.iter().map(|g| normalize(&g.name)).collect();
        group_rows.extend(strategies.iter().map(|(_, t)| normalize(t)));
        group_rows.insert(normalize(ORPHAN_GOAL));
        group_rows.insert(normalize(ORPHAN_STRATEGY));
        Lookup {
            start: plan.head.start_year,
            end: plan.head.end_year,
            strategies,
            group_rows,
            people,
            units,
            existing_titles: plan.measures.iter().map(|m| normalize(&m.title)).collect(),
        }
    }

    fn strategy(&self, text: &str) -> Option<i64> {
        let t = text.trim();
        self.strategies
            .iter()
            .find(|(_, s)| s.trim() == t)
            .or_else(|| {
                self.strategies
                    .iter()
                    .find(|(_, s)| normalize(s) == normalize(t))
            })
            .map(|(id, _)| *id)
    }

    fn strategy_text(&self, id: i64) -> &str {
        self.strategies
            .iter()
            .find(|(s, _)| *s == id)
            .map(|(_, t)| t.as_str())
            .unwrap_or("")
    }

    fn responsible(&self, text: &str) -> Responsible {
        let t = normalize(text);
        if t.is_empty() {
            return Responsible::Nobody;
        }
        if let Some((id, _)) = self.people.iter().find(|(_, n)| normalize(n) == t) {
            return Responsible::Person(*id);
        }
        if let Some((id, _, _)) = self.units.iter().find(|(_, n, short)| {
            normalize(n) == t || short.as_deref().is_some_and(|s| normalize(s) == t)
        }) {
            return Responsible::Unit(*id);
        }
        Responsible::Text(text.trim().to_string())
    }

    /// (label, what it is) for the preview.
    fn responsible_label(
        &self,
        r: &(Option<i64>, Option<i64>, Option<String>),
    ) -> (String, &'static str) {
        match r {
            (Some(p), _, _) => (
                self.people
                    .iter()
                    .find(|(id, _)| id == p)
                    .map(|(_, n)| n.clone())
                    .unwrap_or_default(),
                "person",
            ),
            (_, Some(u), _) => (
                self.units
                    .iter()
                    .find(|(id, _, _)| id == u)
                    .map(|(_, n, _)| n.clone())
                    .unwrap_or_default(),
                "enhet",
            ),
            (_, _, Some(t)) => (t.clone(), "fritekst"),
            _ => (String::new(), ""),
        }
    }
}

#[derive(Debug, Clone)]
pub struct RowError {
    pub row: Option<usize>,
    pub message: String,
}

impl RowError {
    pub fn text(&self) -> String {
        match self.row {
            Some(r) => format!("Rad {r}: {}", self.message),
            None => self.message.clone(),
        }
    }
}

struct Checked {
    measures: Vec<Staged>,
    /// The first row of each measure, for the preview.
    rows: Vec<usize>,
    errors: Vec<RowError>,
}

fn financing_of(segment: &str) -> Option<(Financing, Option<String>)> {
    let t = segment.trim();
    if t.is_empty() {
        return None;
    }
    if let Some(f) = Financing::parse_any(t) {
        return Some((f, None));
    }
    let lower = t.to_lowercase();
    if lower.starts_with("inngår i ") {
        let project: String = t.chars().skip("inngår i ".chars().count()).collect();
        let project = project.trim();
        if !project.is_empty() {
            return Some((Financing::OtherProject, Some(project.to_string())));
        }
    }
    None
}

/// Text that reads like a financing statement, so a typo in it is an error rather than a note.
fn looks_like_financing(segment: &str) -> bool {
    let t = segment.trim().to_lowercase();
    ["dekkes", "innenfor", "krever", "finansier", "inngår"]
        .iter()
        .any(|p| t.starts_with(p))
        && ["budsjett", "bevilg", "prosjekt", "finansi"]
            .iter()
            .any(|k| t.contains(k))
}

fn unknown_financing(segment: &str) -> String {
    format!(
        "Ukjent finansiering «{}». Bruk «dekkes av gjeldende budsjett», «innenfor vedtatt budsjett», «krever budsjettbevilgning» eller «inngår i PROSJEKTNAVN».",
        segment.trim()
    )
}

fn looks_like_amount(s: &str) -> bool {
    let t = s.trim().to_lowercase();
    let rest = t
        .strip_prefix("kr")
        .or_else(|| t.strip_prefix("nok"))
        .map(str::trim_start)
        .unwrap_or(&t);
    rest.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '−')
}

/// Takes a financing phrase off the end of «beskrivelse; finansiering»; returns what is left.
fn take_financing(cost: &mut StagedCost, text: &str) -> Result<Option<String>, String> {
    let mut segments: Vec<&str> = text
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if let Some(last) = segments.last().copied() {
        match financing_of(last) {
            Some((f, project)) => {
                cost.financing = f;
                cost.financing_project = project;
                segments.pop();
            }
            None if looks_like_financing(last) => return Err(unknown_financing(last)),
            None => {}
        }
    }
    Ok((!segments.is_empty()).then(|| segments.join("; ")))
}

/// One cost line: «kr 34 984 (dekkes av gjeldende budsjett)», «må utredes», or as the export
/// writes it, «kr 80 500 (20 år) – beskrivelse; dekkes av gjeldende budsjett».
fn parse_cost(text: &str) -> Result<StagedCost, String> {
    let mut cost = StagedCost {
        description: None,
        amount: None,
        amount_note: None,
        financing: Financing::Unknown,
        financing_project: None,
    };
    let (head, tail) = match text.split_once(" – ") {
        Some((h, t)) => (h.trim(), Some(t.trim())),
        None => (text.trim(), None),
    };
    let (amount_text, paren) = match (head.find('('), head.ends_with(')')) {
        (Some(i), true) => (head[..i].trim(), Some(head[i + 1..head.len() - 1].trim())),
        _ => (head, None),
    };
    let lower = amount_text.to_lowercase();
    if lower.is_empty() || lower == "ukjent beløp" {
    } else if looks_like_amount(amount_text) {
        let cleaned = amount_text.replace('−', "-");
        let cleaned = cleaned.trim().strip_suffix("kr").unwrap_or(cleaned.trim());
        cost.amount = Some(Nok::parse(cleaned)?);
    } else if let Some((f, project)) =
        financing_of(amount_text).filter(|(f, _)| *f != Financing::Unknown)
    {
        cost.financing = f;
        cost.financing_project = project;
    } else if looks_like_financing(amount_text) {
        return Err(unknown_financing(amount_text));
    } else {
        cost.amount_note = Some(amount_text.to_string());
    }
    match (paren, tail) {
        (Some(p), Some(t)) => {
            if !p.is_empty() {
                cost.amount_note = Some(p.to_string());
            }
            cost.description = take_financing(&mut cost, t)?;
        }
        (Some(p), None) => {
            let before = cost.financing;
            let rest = take_financing(&mut cost, p)?;
            // «(beskrivelse; finansiering)» names a financing; «(20 år)» alone is a note on the amount.
            if cost.financing != before || cost.financing_project.is_some() {
                cost.description = rest;
            } else if let Some(r) = rest {
                cost.amount_note = Some(r);
            }
        }
        (None, Some(t)) => cost.description = take_financing(&mut cost, t)?,
        (None, None) => {}
    }
    Ok(cost)
}

fn parse_costs(text: &str) -> Result<Vec<StagedCost>, String> {
    text.split(" + ")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(parse_cost)
        .collect()
}

fn parse_status(text: &str) -> Result<(Status, Option<NaiveDate>), String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok((Status::NotStarted, None));
    }
    if let Some(s) = Status::parse_any(t) {
        return Ok((s, None));
    }
    // «Utført 05.12.2013», as the Excel export writes a finished measure.
    let dated = t
        .rsplit_once(' ')
        .and_then(|(label, date)| Some((Status::parse_any(label)?, parse_date(date).ok()?)));
    if let Some((s, d)) = dated {
        return Ok((s, Some(d)));
    }
    Err(format!(
        "Ukjent status «{t}». Bruk Ikke startet, Pågår, Utført, Utsatt eller Avbrutt."
    ))
}

fn parse_priority(text: &str) -> Result<bool, String> {
    match normalize(text).as_str() {
        "" | "nei" | "0" | "false" | "usann" => Ok(false),
        "ja" | "x" | "1" | "true" | "sann" | "prioritert" => Ok(true),
        _ => Err(format!(
            "Prioritert må være «Ja» eller tom, ikke «{}».",
            text.trim()
        )),
    }
}

fn limited(text: &str, max: usize, what: &str, errors: &mut Vec<String>) -> Option<String> {
    let t = text.trim();
    if t.chars().count() > max {
        errors.push(format!("{what} kan ha høyst {max} tegn."));
    }
    (!t.is_empty()).then(|| t.to_string())
}

/// Reads the header, then every row; merges rows of the same measure; collects every error.
fn check(table: &Table, lookup: &Lookup) -> Checked {
    let mut out = Checked {
        measures: Vec::new(),
        rows: Vec::new(),
        errors: Vec::new(),
    };
    let header_at = table.rows.iter().take(20).position(|(_, cells)| {
        cells
            .iter()
            .any(|c| matches!(normalize(c).as_str(), "tiltak" | "handlingsplan"))
    });
    let Some(header_at) = header_at else {
        out.errors.push(RowError {
            row: None,
            message: "Fant ingen overskriftsrad. Første rad må ha kolonnenavnene, blant annet «Tiltak» og «Strategi».".into(),
        });
        return out;
    };
    let (header_row, header) = &table.rows[header_at];
    let above = header_at.checked_sub(1).map(|i| &table.rows[i].1);
    let year_above = |col: usize| -> Option<i32> {
        let above = above?;
        (0..=col)
            .rev()
            .map(|c| above.get(c).map(String::as_str).unwrap_or(""))
            .find(|t| !t.is_empty())
            .and_then(as_year)
    };

    let mut columns: Vec<(usize, Col)> = Vec::new();
    for (i, name) in header.iter().enumerate() {
        if name.trim().is_empty() {
            continue;
        }
        let col = match fixed_column(&normalize(name)) {
            Some(c) => Ok(c),
            None => period_column(name, year_above(i), lookup.start, lookup.end),
        };
        match col {
            Ok(c) if columns.iter().any(|(_, x)| *x == c) => out.errors.push(RowError {
                row: Some(*header_row),
                message: format!("Kolonnen «{}» står to ganger.", name.trim()),
            }),
            Ok(c) => columns.push((i, c)),
            Err(message) => out.errors.push(RowError {
                row: Some(*header_row),
                message,
            }),
        }
    }
    if !columns.iter().any(|(_, c)| *c == Col::Strategy) {
        out.errors.push(RowError {
            row: Some(*header_row),
            message: "Fant ikke kolonnen «Strategi».".into(),
        });
    }

    let mut by_title: HashMap<String, usize> = HashMap::new();
    for (row, cells) in &table.rows[header_at + 1..] {
        let get = |c: Col| -> &str {
            columns
                .iter()
                .find(|(_, x)| *x == c)
                .and_then(|(i, _)| cells.get(*i))
                .map(|s| s.trim())
                .unwrap_or("")
        };
        if columns
            .iter()
            .all(|(i, _)| cells.get(*i).is_none_or(|v| v.trim().is_empty()))
        {
            continue;
        }
        let title = get(Col::Title);
        // The goal-area and strategy rows of the Excel layout carry only a heading.
        let heading_only = columns
            .iter()
            .filter(|(_, c)| *c != Col::Title)
            .all(|(i, _)| cells.get(*i).is_none_or(|v| v.trim().is_empty()));
        if heading_only && lookup.group_rows.contains(&normalize(title)) {
            continue;
        }
        if out.measures.len() >= MAX_ROWS {
            out.errors.push(RowError {
                row: Some(*row),
                message: format!("Filen har for mange tiltak (høyst {MAX_ROWS})."),
            });
            break;
        }

        let mut errors: Vec<String> = Vec::new();
        if title.is_empty() {
            errors.push("Tiltaket mangler tittel (kolonnen «Tiltak» er tom).".into());
        } else if title.chars().count() > 500 {
            errors.push("Tittelen kan ha høyst 500 tegn.".into());
        }
        let strategy_text = get(Col::Strategy);
        let strategy = if strategy_text.is_empty() {
            None
        } else {
            match lookup.strategy(strategy_text) {
                Some(id) => Some(id),
                None => {
                    errors.push(format!("Ukjent strategi «{strategy_text}». Strategien må stå slik den står i planens IKT-strategi."));
                    None
                }
            }
        };
        let hours = match get(Col::Hours) {
            "" => None,
            h => Hours::parse(h)
                .map_err(|e| errors.push(format!("Timer: {e}")))
                .ok(),
        };
        let costs = parse_costs(get(Col::Cost)).unwrap_or_else(|e| {
            errors.push(format!("Kostnad: {e}"));
            Vec::new()
        });
        let responsible_text = get(Col::Responsible);
        if responsible_text.chars().count() > 200 {
            errors.push("Ansvar kan ha høyst 200 tegn.".into());
        }
        let (status, mut status_date) = parse_status(get(Col::Status)).unwrap_or_else(|e| {
            errors.push(e);
            (Status::NotStarted, None)
        });
        match get(Col::StatusDate) {
            "" => {}
            d => match parse_date(d) {
                Ok(d) => status_date = Some(d),
                Err(e) => errors.push(format!("Statusdato: {e}")),
            },
        }
        let status_comment = limited(
            get(Col::StatusComment),
            2000,
            "Statuskommentaren",
            &mut errors,
        );
        let description = limited(get(Col::Description), 5000, "Beskrivelsen", &mut errors);
        let priority = parse_priority(get(Col::Priority)).unwrap_or_else(|e| {
            errors.push(e);
            false
        });
        let mut cells_out = Vec::new();
        for (i, c) in &columns {
            let Col::Period(year, period) = c else {
                continue;
            };
            let v = cells.get(*i).map(|s| s.trim()).unwrap_or("");
            match v {
                "" => {}
                "x" | "X" | "■" => cells_out.push((*year, *period, None)),
                label if label.chars().count() > 100 => errors.push(format!(
                    "Teksten i periodekolonnen {year} kan ha høyst 100 tegn."
                )),
                label => cells_out.push((*year, *period, Some(label.to_string()))),
            }
        }
        cells_out.sort_by_key(|(y, p, _)| (*y, *p));

        if !errors.is_empty() {
            out.errors
                .extend(errors.into_iter().map(|message| RowError {
                    row: Some(*row),
                    message,
                }));
            continue;
        }
        let staged = Staged {
            title: title.split_whitespace().collect::<Vec<_>>().join(" "),
            description,
            strategy_ids: strategy.into_iter().collect(),
            responsible: lookup.responsible(responsible_text).columns(),
            hours,
            costs,
            cells: cells_out,
            priority,
            status,
            status_date,
            status_comment,
        };
        // One measure under several strategies is written as one row per strategy.
        let key = normalize(&staged.title);
        match by_title.get(&key) {
            Some(&i) => {
                let first = &mut out.measures[i];
                let diff = first.differences(&staged);
                if !diff.is_empty() {
                    out.errors.push(RowError {
                        row: Some(*row),
                        message: format!(
                            "Tiltaket «{}» står også på rad {}, men med annen {}. Rader for samme tiltak under flere strategier må ha like verdier.",
                            staged.title,
                            out.rows[i],
                            diff.join(", ")
                        ),
                    });
                } else if let Some(s) = strategy.filter(|s| !first.strategy_ids.contains(s)) {
                    first.strategy_ids.push(s);
                }
            }
            None => {
                by_title.insert(key, out.measures.len());
                out.measures.push(staged);
                out.rows.push(*row);
            }
        }
    }
    if out.measures.is_empty() && out.errors.is_empty() {
        out.errors.push(RowError {
            row: None,
            message: "Filen har ingen tiltak under overskriftsraden.".into(),
        });
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Pages

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

async fn import_form(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<ImportPage> {
    ctx.user.require(Role::Ikt | Role::Admin)?;
    let plan = data::load(&state.db, ctx.user.municipality_id, id).await?;
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
fn periods_text(start: i32, cells: &[(i32, i32, Option<String>)]) -> String {
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
        let name = |p: i32| model::period_name(start, *year, p);
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
                periods: periods_text(lookup.start, &s.cells),
                priority: s.priority,
                exists: lookup.existing_titles.contains(&normalize(&s.title)),
            }
        })
        .collect()
}

fn new_token() -> String {
    let bytes: [u8; 32] = rand::rng().random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

async fn preview(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult<Response> {
    ctx.user.require(Role::Ikt | Role::Admin)?;
    let m = ctx.user.municipality_id;
    let plan = data::load(&state.db, m, id).await?;
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
        let token = new_token();
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
struct ConfirmForm {
    #[serde(default)]
    token: String,
}

async fn confirm(
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    Form(form): Form<ConfirmForm>,
) -> AppResult<Response> {
    ctx.user.require(Role::Ikt | Role::Admin)?;
    let m = ctx.user.municipality_id;
    sqlx::query_scalar!(r#"select action_plan_id from action_plan where action_plan_id = $1 and municipality_id = $2"#, id, m)
        .fetch_optional(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut tx = state.db.begin().await?;
    // Taking the staged rows out in the same transaction makes a second click find nothing.
    let staged = sqlx::query_scalar!(
        r#"
        delete from measure_import
        where token = $1 and municipality_id = $2 and app_user_id = $3 and action_plan_id = $4
          and created_at > now() - interval '2 hours'
        returning measures as "measures: Json<Vec<Staged>>"
        "#,
        form.token.trim(),
        m,
        ctx.user.user_id,
        id
    )
    .fetch_optional(&mut *tx)
    .await?;
    let Some(Json(measures)) = staged else {
        tx.rollback().await?;
        return Ok(flash_redirect(
            &session,
            FlashKind::Danger,
            "Forhåndsvisningen finnes ikke lenger: den er utløpt (etter to timer) eller allerede importert. Ingenting ble importert nå. Last opp filen på nytt.",
            &format!("/plan/{id}/import"),
        )
        .await);
    };
    let actor = Actor::from(&ctx.user);
    for s in &measures {
        model::insert_measure(&mut tx, actor, id, &s.input()).await?;
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

    fn nok(s: &str) -> Option<Nok> {
        Some(Nok::parse(s).unwrap())
    }

    #[test]
    fn cost_text_reads_both_the_plan_document_style_and_the_export_style() {
        let c = parse_cost("kr 34 984 (dekkes av gjeldende budsjett)").unwrap();
        assert_eq!(
            (c.amount, c.financing, c.amount_note),
            (nok("34984"), Financing::CurrentBudget, None)
        );
        let c = parse_cost(
            "kr 34 984 – innføring og vedlikehold første år; dekkes av gjeldende budsjett",
        )
        .unwrap();
        assert_eq!(
            c.description.as_deref(),
            Some("innføring og vedlikehold første år")
        );
        assert_eq!(c.financing, Financing::CurrentBudget);
        let c = parse_cost(
            "kr 34 984 (innføring og vedlikehold første år; dekkes av gjeldende budsjett)",
        )
        .unwrap();
        assert_eq!(
            (c.description.as_deref(), c.financing),
            (
                Some("innføring og vedlikehold første år"),
                Financing::CurrentBudget
            )
        );
        let c = parse_cost("kr 80 500 (20 år) – dekkes av gjeldende budsjett").unwrap();
        assert_eq!(
            (c.amount_note.as_deref(), c.financing),
            (Some("20 år"), Financing::CurrentBudget)
        );
        let c = parse_cost("kr 80 500 (20 år)").unwrap();
        assert_eq!(
            (c.amount_note.as_deref(), c.financing),
            (Some("20 år"), Financing::Unknown)
        );
        let c = parse_cost("må utredes").unwrap();
        assert_eq!(
            (c.amount, c.amount_note.as_deref()),
            (None, Some("må utredes"))
        );
        let c = parse_cost("ukjent beløp – inngår i TRUST-IKT").unwrap();
        assert_eq!(
            (c.financing, c.financing_project.as_deref()),
            (Financing::OtherProject, Some("TRUST-IKT"))
        );
        let c = parse_cost("krever budsjettbevilgning").unwrap();
        assert_eq!(
            (c.amount, c.financing),
            (None, Financing::RequiresAppropriation)
        );
        let all = parse_costs(
            "kr 136 000 – lisenser + ukjent beløp – 2 nye servere; innenfor vedtatt budsjett",
        )
        .unwrap();
        assert_eq!(all.len(), 2);
        assert_eq!(all[1].financing, Financing::ApprovedBudget);
        assert_eq!(
            parse_cost("kr -5 000").unwrap_err(),
            "Beløpet kan ikke være negativt."
        );
        assert!(
            parse_cost("kr 5 000 (dekkes av lotterimidler i budsjett)")
                .unwrap_err()
                .contains("Ukjent finansiering")
        );
    }

    #[test]
    fn every_cost_line_the_export_writes_reads_back_the_same() {
        let cases = [
            (
                nok("54000"),
                None,
                Financing::CurrentBudget,
                None,
                Some("kursavgift"),
            ),
            (None, None, Financing::OtherProject, Some("TRUST-IKT"), None),
            (None, Some("må utredes"), Financing::Unknown, None, None),
            (None, None, Financing::CurrentBudget, None, None),
            (
                nok("80500"),
                Some("20 år"),
                Financing::CurrentBudget,
                None,
                None,
            ),
            (
                None,
                Some("ukjent"),
                Financing::Unknown,
                None,
                Some("Anskaffelseskostnad"),
            ),
            (nok("1250,5"), None, Financing::Unknown, None, None),
        ];
        for (amount, note, financing, project, description) in cases {
            let c = StagedCost {
                description: description.map(String::from),
                amount,
                amount_note: note.map(String::from),
                financing,
                financing_project: project.map(String::from),
            };
            let text = c.input().describe();
            assert_eq!(parse_cost(&text).unwrap(), c, "{text}");
        }
    }

    #[test]
    fn period_columns_follow_the_plan_months_first_year_then_quarters() {
        assert!(matches!(
            period_column("2014 Jan", None, 2014, 2016),
            Ok(Col::Period(2014, 1))
        ));
        assert!(matches!(
            period_column("Des 2014", None, 2014, 2016),
            Ok(Col::Period(2014, 12))
        ));
        assert!(matches!(
            period_column("2015 Kv 3", None, 2014, 2016),
            Ok(Col::Period(2015, 3))
        ));
        assert!(matches!(
            period_column("Kv 2", Some(2016), 2014, 2016),
            Ok(Col::Period(2016, 2))
        ));
        assert!(
            period_column("2014 Smarch", None, 2014, 2016)
                .unwrap_err()
                .contains("Ukjent periode")
        );
        assert!(
            period_column("2015 Jan", None, 2014, 2016)
                .unwrap_err()
                .contains("per kvartal")
        );
        assert!(
            period_column("2017 Kv 1", None, 2014, 2016)
                .unwrap_err()
                .contains("utenfor planperioden")
        );
        assert!(
            period_column("Kommentar", None, 2014, 2016)
                .unwrap_err()
                .contains("Ukjent kolonne")
        );
    }

    #[test]
    fn csv_separator_and_encoding_are_detected() {
        assert_eq!(detect_delimiter("Mål;Strategi;Tiltak\n"), b';');
        assert_eq!(defuse("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(undefuse(&defuse("-tiltak")), "-tiltak");
        assert_eq!(undefuse("'sitat'"), "'sitat'");
        assert_eq!(detect_delimiter("Mål,Strategi,\"Tiltak; x\"\n"), b',');
        assert_eq!(decode_text(&[0x4D, 0xE5, 0x6C]).unwrap(), "Mål");
        let t = read_csv(b"a;b\r\nc;d\r\n\r\n\"e\r\nf\";g\r\nh;i").unwrap();
        assert_eq!(
            t.rows.iter().map(|(n, _)| *n).collect::<Vec<_>>(),
            vec![1, 2, 4, 6],
            "spreadsheet line numbers, also after CRLF"
        );
        assert_eq!(
            periods_text(
                2014,
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
