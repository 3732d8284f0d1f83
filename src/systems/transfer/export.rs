//! The register as an Excel workbook and as CSV (UTF-8 with BOM, `;`, as the plan's), one row
//! per system, one column per field, headed in the reader's language.

use axum::{extract::State, response::Response};
use rust_xlsxwriter::{Format, FormatBorder, Workbook, XlsxError};
use sqlx::PgPool;

use super::{COLUMNS, KEY, Names, cell};
use crate::{
    AppState,
    auth::CurrentUser,
    error::{AppError, AppResult},
    i18n::Lang,
    plan::transfer::{XLSX_TYPE, defuse, export::download},
    systems::read,
};

/// Every system of the municipality, by name: (id, its cells in `COLUMNS` order).
async fn table(db: &PgPool, lang: Lang, m: i64) -> AppResult<Vec<Vec<String>>> {
    let names = Names::from_options(&read::options(db, m).await?);
    let ids = sqlx::query_scalar!(
        r#"select system_id from system where municipality_id = $1 order by lower(name), system_id"#,
        m
    )
    .fetch_all(db)
    .await?;
    let mut rows = Vec::with_capacity(ids.len());
    for id in ids {
        let s = read::system(db, m, id).await?;
        rows.push(
            COLUMNS
                .iter()
                .map(|(field, _)| {
                    if *field == KEY {
                        s.id.to_string()
                    } else {
                        cell(lang, &s.input, field, &names)
                    }
                })
                .collect(),
        );
    }
    Ok(rows)
}

fn headers(lang: Lang) -> Vec<String> {
    COLUMNS.iter().map(|(_, key)| lang.t(key)).collect()
}

pub async fn xlsx_file(user: CurrentUser, State(state): State<AppState>) -> AppResult<Response> {
    let rows = table(&state.db, user.lang, user.municipality_id).await?;
    let bytes = workbook(user.lang, &rows)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("Excel-eksport av systemer: {e}")))?;
    Ok(download(bytes, XLSX_TYPE, "fagsystemer.xlsx"))
}

pub async fn csv_file(user: CurrentUser, State(state): State<AppState>) -> AppResult<Response> {
    let rows = table(&state.db, user.lang, user.municipality_id).await?;
    let bytes = csv_export(user.lang, &rows)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("CSV-eksport av systemer: {e}")))?;
    Ok(download(
        bytes,
        "text/csv; charset=utf-8",
        "fagsystemer.csv",
    ))
}

fn workbook(lang: Lang, rows: &[Vec<String>]) -> Result<Vec<u8>, XlsxError> {
    let head = Format::new()
        .set_bold()
        .set_background_color("#D9D9D9")
        .set_border(FormatBorder::Thin);
    let text = Format::new().set_text_wrap();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(lang.t("systems-transfer-sheet-name"))?;
    for (c, h) in headers(lang).iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &head)?;
        ws.set_column_width(c as u16, if c == 0 { 10.0 } else { 22.0 })?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, value) in row.iter().enumerate() {
            if c == 0 {
                match value.parse::<f64>() {
                    Ok(n) => ws.write_number(r, 0, n)?,
                    Err(_) => ws.write_string(r, 0, value)?,
                };
            } else if !value.is_empty() {
                ws.write_string_with_format(r, c as u16, value, &text)?;
            }
        }
    }
    ws.set_freeze_panes(1, 2)?;
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
