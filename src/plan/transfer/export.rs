//! The progress plan as an Excel workbook laid out like Vedlegg 1, and as CSV with the columns
//! the import reads. Both carry every field the import reads and the measure's key
//! («Tiltaks-ID»), so a file exported, edited and imported again updates the plan it came from.

use axum::{
    extract::{Path, State},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, XlsxError};

use super::{CSV_HEADERS, XLSX_HEADERS, XLSX_TYPE, defuse};
use crate::{
    AppState,
    auth::CurrentUser,
    domain::format_date,
    error::{AppError, AppResult},
    i18n::Lang,
    plan::{
        progress,
        read::{MeasureData, PlanData},
        view,
    },
};

fn file_name(plan: &PlanData, ext: &str) -> String {
    format!(
        "framdriftsplan-{}-{}.{ext}",
        plan.head.start_year, plan.head.end_year
    )
}

/// A file to download: not cached, saved under `name`.
pub(crate) fn download(bytes: Vec<u8>, content_type: &str, name: &str) -> Response {
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

pub async fn xlsx_file(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let plan = state.plans.get(&state.db, user.municipality_id, id).await?;
    let bytes = workbook(user.lang, &plan)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("Excel-eksport: {e}")))?;
    Ok(download(bytes, XLSX_TYPE, &file_name(&plan, "xlsx")))
}

pub async fn csv_file(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let plan = state.plans.get(&state.db, user.municipality_id, id).await?;
    let bytes = csv_export(user.lang, &plan)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("CSV-eksport: {e}")))?;
    Ok(download(
        bytes,
        "text/csv; charset=utf-8",
        &file_name(&plan, "csv"),
    ))
}

/// «2014 Jan», «2015 Kv 1»: the period's CSV column name.
pub(super) fn period_header(plan: &PlanData, year: i32, period: i32) -> String {
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

fn priority_text(lang: Lang, m: &MeasureData) -> String {
    if m.priority {
        lang.t("transfer-yes")
    } else {
        String::new()
    }
}

/// Vedlegg 1 as one worksheet: title, years over their periods, then goal area → strategy →
/// measures, planned periods filled.
fn workbook(lang: Lang, plan: &PlanData) -> Result<Vec<u8>, XlsxError> {
    let (columns, years) = progress::columns(plan);
    let all: Vec<&MeasureData> = plan.measures.iter().collect();
    let groups = view::group(lang, plan, &all);
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
    let sheet_name = lang.t("transfer-sheet-name");
    ws.set_name(&sheet_name)?;
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
    for (c, key) in XLSX_HEADERS.iter().enumerate() {
        ws.write_string_with_format(2, c as u16, lang.t(key), &head)?;
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
                ws.write_number_with_format(row, 0, m.measure_id as f64, &number)?;
                ws.write_string_with_format(row, 1, &m.title, &text)?;
                ws.write_string_with_format(row, 2, strategy_text, &text)?;
                ws.write_string_with_format(row, 3, m.description.as_deref().unwrap_or(""), &text)?;
                match m.hours {
                    Some(h) => ws.write_number_with_format(row, 4, decimal_to_f64(h), &number)?,
                    None => ws.write_blank(row, 4, &number)?,
                };
                ws.write_string_with_format(row, 5, m.cost_text(), &text)?;
                ws.write_string_with_format(row, 6, &m.responsible_label, &text)?;
                ws.write_string_with_format(row, 7, lang.t(m.status.label_key()), &text)?;
                ws.write_string_with_format(
                    row,
                    8,
                    m.status_date.map(format_date).unwrap_or_default(),
                    &text,
                )?;
                ws.write_string_with_format(
                    row,
                    9,
                    m.status_comment.as_deref().unwrap_or(""),
                    &text,
                )?;
                ws.write_string_with_format(row, 10, priority_text(lang, m), &text)?;
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

    for (c, width) in [
        9.0, 45.0, 40.0, 40.0, 8.0, 36.0, 20.0, 12.0, 11.0, 30.0, 10.0,
    ]
    .into_iter()
    .enumerate()
    {
        ws.set_column_width(c as u16, width)?;
    }
    for i in 0..columns.len() as u16 {
        ws.set_column_width(fixed + i, 6.5)?;
    }
    ws.set_freeze_panes(3, 2)?;
    ws.set_landscape();
    ws.set_paper_size(9); // A4
    ws.set_repeat_rows(1, 2)?;
    ws.set_print_fit_to_pages(1, 0);
    ws.set_header(format!("&L&\"Calibri,Bold\"{sheet_name}&R&D"));
    wb.save_to_buffer()
}

fn decimal_to_f64(d: Decimal) -> f64 {
    d.to_string().parse().unwrap_or(0.0)
}

/// One line per (measure, strategy), ';'-separated UTF-8 with BOM so Norwegian Excel opens it.
fn csv_export(lang: Lang, plan: &PlanData) -> Result<Vec<u8>, csv::Error> {
    let periods = plan.periods();
    let all: Vec<&MeasureData> = plan.measures.iter().collect();
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer("\u{feff}".as_bytes().to_vec());
    let mut header: Vec<String> = CSV_HEADERS.iter().map(|key| lang.t(key)).collect();
    header.extend(periods.iter().map(|(y, p)| period_header(plan, *y, *p)));
    w.write_record(&header)?;
    for g in view::group(lang, plan, &all) {
        for s in &g.strategies {
            let (goal, strategy) = if s.strategy_id.is_some() {
                (g.name.as_str(), s.text.as_str())
            } else {
                ("", "")
            };
            for m in &s.rows {
                let mut record = vec![
                    m.measure_id.to_string(),
                    goal.to_string(),
                    strategy.to_string(),
                    m.title.clone(),
                    m.description.clone().unwrap_or_default(),
                    m.hours_text().to_string(),
                    m.cost_text().to_string(),
                    m.responsible_label.clone(),
                    lang.t(m.status.label_key()),
                    m.status_date.map(format_date).unwrap_or_default(),
                    m.status_comment.clone().unwrap_or_default(),
                    priority_text(lang, m),
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
