//! The inventory as an Excel workbook and as CSV (UTF-8 with BOM, `;`, as the register's): one
//! row per line, the location's columns repeated, headed in the reader's language. The same
//! columns are what the import reads (`import.rs`), so a file exported, edited and imported
//! again updates the lines it came from («Linje-ID»).

use axum::{extract::State, response::Response};
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::{
    model::{LineInput, LocationInput, Users},
    read::{self, Filter, Row},
};
use crate::{
    AppState,
    auth::Confidential,
    domain::{Mbps, Nok, format_date, today},
    error::{AppError, AppResult},
    i18n::{Lang, k},
    plan::transfer::{XLSX_TYPE, defuse, export::download},
    transfer::Columns,
};

pub(super) const KEY: &str = "line_id";

/// (field, header key), in the files' order. «Mbps per bruker» is computed: exported for
/// reading, ignored by the import.
pub(super) const COLUMNS: &Columns = &[
    (KEY, k("lines-col-key")),
    ("location", k("lines-col-location")),
    ("address", k("lines-f-address")),
    ("users", k("lines-col-users")),
    ("location_notes", k("lines-export-location-notes")),
    ("purpose", k("lines-col-purpose")),
    ("down_mbps", k("lines-export-down")),
    ("up_mbps", k("lines-export-up")),
    ("line_type", k("lines-col-type")),
    ("ownership", k("lines-col-ownership")),
    ("provider", k("lines-export-provider")),
    ("theoretical_max", k("lines-f-theoretical-max")),
    ("yearly_cost", k("lines-col-cost")),
    ("contract_expires", k("lines-col-expires")),
    ("notice_days", k("lines-f-notice-days")),
    ("notes", k("lines-export-line-notes")),
    ("per_user", k("lines-col-per-user")),
];

/// A saved row's location as the form and the import see it.
pub(super) fn location_of(r: &Row) -> LocationInput {
    LocationInput {
        name: r.location.clone(),
        address: r.address.clone(),
        users: Users::of(r.users_count, r.users_none),
        notes: r.location_notes.clone(),
    }
}

/// A saved row's line as the form and the import see it.
pub(super) fn line_of(r: &Row) -> LineInput {
    LineInput {
        purpose: r.purpose.clone(),
        down_mbps: r.down_mbps,
        up_mbps: r.up_mbps,
        line_type: super::model::LineType::parse(&r.line_type)
            .unwrap_or(super::model::LineType::Other),
        ownership: super::model::Ownership::parse(&r.ownership)
            .unwrap_or(super::model::Ownership::Own),
        provider: r.provider.clone(),
        theoretical_max: r.theoretical_max,
        yearly_cost: r.yearly_cost,
        contract_expires: r.contract_expires,
        notice_days: r.notice_days,
        notes: r.notes.clone(),
    }
}

/// A field as its cell reads: what the export writes and what the import's preview compares.
pub(super) fn cell(lang: Lang, field: &str, l: &LocationInput, n: &LineInput) -> String {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let mbps = |d: Option<rust_decimal::Decimal>| d.map(|d| Mbps(d).plain()).unwrap_or_default();
    match field {
        "location" => l.name.clone(),
        "address" => text(&l.address),
        "users" => l.users.text(),
        "location_notes" => text(&l.notes),
        "purpose" => text(&n.purpose),
        "down_mbps" => mbps(n.down_mbps),
        "up_mbps" => mbps(n.up_mbps),
        "line_type" => lang.t(n.line_type.label_key()),
        "ownership" => lang.t(n.ownership.label_key()),
        "provider" => text(&n.provider),
        "theoretical_max" => {
            if n.theoretical_max {
                lang.t("lines-yes")
            } else {
                String::new()
            }
        }
        "yearly_cost" => n.yearly_cost.map(|c| Nok(c).plain()).unwrap_or_default(),
        "contract_expires" => n.contract_expires.map(format_date).unwrap_or_default(),
        "notice_days" => n.notice_days.map(|d| d.to_string()).unwrap_or_default(),
        "notes" => text(&n.notes),
        _ => String::new(),
    }
}

fn cells(lang: Lang, r: &Row) -> Vec<String> {
    let (l, n) = (location_of(r), line_of(r));
    COLUMNS
        .iter()
        .map(|(field, _)| match *field {
            KEY => r.line_id.to_string(),
            "per_user" => r.per_user_text(),
            f => cell(lang, f, &l, &n),
        })
        .collect()
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
    w.write_record(COLUMNS.iter().map(|(_, key)| user.lang.t(key)))
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
    for (c, (_, h)) in COLUMNS.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, lang.t(h), &head)?;
        ws.set_column_width(c as u16, if c == 0 { 10.0 } else { 18.0 })?;
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(r as u32 + 1, c as u16, v)?;
            }
        }
    }
    ws.set_freeze_panes(1, 2)?;
    wb.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transfer::column_of;

    #[test]
    fn every_header_the_export_writes_in_either_language_is_read_as_its_column() {
        for lang in Lang::ALL {
            for (field, key) in COLUMNS {
                assert_eq!(
                    column_of(COLUMNS, &lang.t(key)),
                    Some(*field),
                    "{lang}: {key}"
                );
            }
        }
    }
}
