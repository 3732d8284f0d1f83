//! The inventory as an Excel workbook and as CSV (UTF-8 with BOM, `;`, as the register's): one
//! row per line, the location's columns repeated, headed in the reader's language.

use axum::{extract::State, response::Response};
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::read::{self, Filter, Row};
use crate::{
    AppState,
    auth::Confidential,
    domain::{Mbps, today},
    error::{AppError, AppResult},
    i18n::Lang,
    plan::transfer::{XLSX_TYPE, defuse, export::download},
};

const HEADERS: [&str; 12] = [
    "lines-col-location",
    "lines-col-users",
    "lines-col-purpose",
    "lines-export-down",
    "lines-export-up",
    "lines-col-type",
    "lines-col-ownership",
    "lines-export-provider",
    "lines-theoretical-max",
    "lines-col-cost",
    "lines-col-expires",
    "lines-col-per-user",
];

fn cells(lang: Lang, r: &Row) -> Vec<String> {
    let mbps = |d: Option<rust_decimal::Decimal>| d.map(|d| Mbps(d).plain()).unwrap_or_default();
    vec![
        r.location.clone(),
        r.users_text(),
        r.purpose.clone().unwrap_or_default(),
        mbps(r.down_mbps),
        mbps(r.up_mbps),
        lang.t(read::type_key(&r.line_type)),
        lang.t(read::ownership_key(&r.ownership)),
        r.provider.clone().unwrap_or_default(),
        if r.theoretical_max {
            "x".into()
        } else {
            String::new()
        },
        r.yearly_cost
            .map(|c| crate::domain::Nok(c).plain())
            .unwrap_or_default(),
        r.expires_text(),
        r.per_user_text(),
    ]
}

async fn table(state: &AppState, lang: Lang, m: i64) -> AppResult<Vec<Vec<String>>> {
    let all = read::list(&state.db, m, &Filter::default(), today(), 0, 1_000_000).await?;
    Ok(all.rows.iter().map(|r| cells(lang, r)).collect())
}

pub(super) async fn xlsx_file(
    Confidential(user): Confidential,
    State(state): State<AppState>,
) -> AppResult<Response> {
    let rows = table(&state, user.lang, user.municipality_id).await?;
    let bytes = workbook(user.lang, &rows)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("Excel-eksport av linjer: {e}")))?;
    Ok(download(bytes, XLSX_TYPE, "linjer.xlsx"))
}

pub(super) async fn csv_file(
    Confidential(user): Confidential,
    State(state): State<AppState>,
) -> AppResult<Response> {
    let rows = table(&state, user.lang, user.municipality_id).await?;
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer("\u{feff}".as_bytes().to_vec());
    let fail = |e: csv::Error| AppError::Internal(anyhow::anyhow!("CSV-eksport av linjer: {e}"));
    w.write_record(HEADERS.iter().map(|k| user.lang.t(k)))
        .map_err(fail)?;
    for row in &rows {
        w.write_record(row.iter().map(|c| defuse(c)))
            .map_err(fail)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| fail(csv::Error::from(e.into_error())))?;
    Ok(download(bytes, "text/csv; charset=utf-8", "linjer.csv"))
}

fn workbook(lang: Lang, rows: &[Vec<String>]) -> Result<Vec<u8>, XlsxError> {
    let head = Format::new().set_bold();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(lang.t("lines-export-sheet"))?;
    for (c, h) in HEADERS.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, lang.t(h), &head)?;
        ws.set_column_width(c as u16, 18.0)?;
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(r as u32 + 1, c as u16, v)?;
            }
        }
    }
    ws.set_freeze_panes(1, 1)?;
    wb.save_to_buffer()
}
