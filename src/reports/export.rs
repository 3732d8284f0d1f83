//! A report as an Excel workbook laid out like the printed one: the head (municipality, plan,
//! round, dates), the summary, the priority comments, then the table with the status column and
//! the totals.

use axum::{
    extract::{Path, State},
    response::Response,
};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, XlsxError};

use super::show::{Loaded, load};
use crate::{
    AppState,
    auth::CurrentUser,
    domain::{format_date, format_datetime},
    error::{AppError, AppResult},
    i18n::Lang,
    plan::transfer::{XLSX_TYPE, export::download},
};

pub(super) async fn xlsx_file(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let l = load(&state, user.municipality_id, id, user.lang).await?;
    let bytes = workbook(user.lang, &user.municipality_name, &l)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("Excel-eksport av rapport: {e}")))?;
    let name = format!("statusrapport-{}.xlsx", l.round.due.format("%Y-%m-%d"));
    Ok(download(bytes, XLSX_TYPE, &name))
}

/// The fixed columns before the periods, as catalog keys.
const HEADERS: [&str; 6] = [
    "report-col-measure",
    "report-col-responsible",
    "report-col-hours",
    "report-col-cost",
    "report-col-status",
    "report-col-comment",
];

pub fn workbook(lang: Lang, municipality: &str, l: &Loaded) -> Result<Vec<u8>, XlsxError> {
    let doc = &l.doc;
    let periods = doc.periods();
    let fixed = HEADERS.len() as u16;
    let last_col = fixed + periods.len() as u16 - 1;

    let bordered = |f: Format| f.set_border(FormatBorder::Thin).set_border_color("#A6A6A6");
    let title = Format::new().set_bold().set_font_size(14);
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let head = bordered(
        Format::new()
            .set_bold()
            .set_background_color("#D9D9D9")
            .set_text_wrap()
            .set_align(FormatAlign::Center),
    );
    let goal = bordered(Format::new().set_bold().set_background_color("#BDD7EE"));
    let strategy = bordered(Format::new().set_bold().set_background_color("#DDEBF7"));
    let text = bordered(Format::new().set_text_wrap().set_align(FormatAlign::Top));
    let number = bordered(Format::new().set_align(FormatAlign::Top));
    let empty = bordered(Format::new());
    let planned = bordered(
        Format::new()
            .set_background_color("#9BC2E6")
            .set_font_size(8)
            .set_text_wrap()
            .set_align(FormatAlign::Center),
    );

    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(lang.t("report-sheet-name"))?;
    let r = &l.round;
    ws.write_string_with_format(
        0,
        0,
        format!("{municipality}: {}", lang.t("report-doc-title")),
        &title,
    )?;
    let mut row: u32 = 1;
    let mut fact =
        |ws: &mut rust_xlsxwriter::Worksheet, key: &str, value: String| -> Result<(), XlsxError> {
            ws.write_string_with_format(row, 0, lang.t(key), &bold)?;
            ws.write_string(row, 1, value)?;
            row += 1;
            Ok(())
        };
    fact(ws, "report-fact-plan", doc.plan_name.clone())?;
    fact(ws, "report-fact-round", r.name(&lang))?;
    fact(ws, "report-fact-due", format_date(r.due))?;
    fact(ws, "report-fact-responsible", doc.responsible.clone())?;
    fact(
        ws,
        "report-fact-state",
        lang.t(super::read::state_key(r.state)),
    )?;
    if let Some(at) = r.submitted_at {
        fact(
            ws,
            "report-fact-submitted",
            format!(
                "{} ({})",
                format_datetime(at),
                r.submitted_by.clone().unwrap_or_default()
            ),
        )?;
    }
    if let Some(at) = r.acknowledged_at {
        fact(
            ws,
            "report-fact-acknowledged",
            format!(
                "{} ({})",
                format_datetime(at),
                r.acknowledged_by.clone().unwrap_or_default()
            ),
        )?;
        if let Some(c) = &r.acknowledgement_comment {
            fact(ws, "report-fact-ack-comment", c.clone())?;
        }
    }
    row += 1;
    ws.write_string_with_format(row, 0, lang.t("report-summary-heading"), &bold)?;
    row += 1;
    ws.merge_range(
        row,
        0,
        row,
        last_col.min(12),
        r.summary.as_deref().unwrap_or(""),
        &wrap,
    )?;
    ws.set_row_height(row, 60)?;
    row += 2;
    ws.write_string_with_format(row, 0, lang.t("report-priority-heading"), &bold)?;
    row += 1;
    for p in doc.priority_lines() {
        ws.write_string_with_format(row, 0, &p.title, &wrap)?;
        ws.write_string_with_format(row, 1, p.status.with_date(lang, p.status_date), &wrap)?;
        ws.merge_range(row, 2, row, last_col.min(12), p.comment_text(), &wrap)?;
        row += 1;
    }
    row += 1;

    // The table: years above their periods, then the column names.
    for c in 0..fixed {
        ws.write_blank(row, c, &head)?;
    }
    let mut col = fixed;
    for (year, n) in doc.years() {
        let n = n as u16;
        if n > 1 {
            ws.merge_range(row, col, row, col + n - 1, &year.to_string(), &head)?;
        } else {
            ws.write_string_with_format(row, col, year.to_string(), &head)?;
        }
        col += n;
    }
    row += 1;
    for (c, key) in HEADERS.iter().enumerate() {
        ws.write_string_with_format(row, c as u16, lang.t(key), &head)?;
    }
    for (i, (y, p)) in periods.iter().enumerate() {
        ws.write_string_with_format(row, fixed + i as u16, doc.period_name(y, p), &head)?;
    }
    row += 1;
    for line in &doc.lines {
        if line.new_group {
            if !line.goal_area.is_empty() {
                ws.merge_range(row, 0, row, last_col, &line.goal_area, &goal)?;
                row += 1;
            }
            let s = if line.strategy.is_empty() {
                lang.t("report-no-strategy")
            } else {
                line.strategy.clone()
            };
            ws.merge_range(row, 0, row, last_col, &s, &strategy)?;
            row += 1;
        }
        let t = if line.priority {
            format!("{} ({})", line.title, lang.t("measure-priority"))
        } else {
            line.title.clone()
        };
        ws.write_string_with_format(row, 0, t, &text)?;
        ws.write_string_with_format(row, 1, &line.responsible, &text)?;
        match line.hours {
            Some(h) => ws.write_number_with_format(row, 2, h.try_into().unwrap_or(0.0), &number)?,
            None => ws.write_blank(row, 2, &empty)?,
        };
        ws.write_string_with_format(row, 3, &line.cost_text, &text)?;
        ws.write_string_with_format(row, 4, line.status.with_date(lang, line.status_date), &text)?;
        ws.write_string_with_format(row, 5, line.comment_text(), &text)?;
        for (i, (y, p)) in periods.iter().enumerate() {
            let c = fixed + i as u16;
            match line.cell(y, p) {
                Some(cell) => ws.write_string_with_format(
                    row,
                    c,
                    cell.label.as_deref().unwrap_or(""),
                    &planned,
                )?,
                None => ws.write_blank(row, c, &empty)?,
            };
        }
        row += 1;
    }
    ws.write_string_with_format(row, 0, lang.t("report-total"), &head)?;
    ws.write_blank(row, 1, &head)?;
    ws.write_number_with_format(row, 2, doc.total_hours.try_into().unwrap_or(0.0), &head)?;
    let cost = if doc.cost_incomplete {
        lang.t1(
            "report-total-cost-incomplete",
            "amount",
            doc.total_cost_text(),
        )
    } else {
        doc.total_cost_text()
    };
    ws.write_string_with_format(row, 3, cost, &head)?;

    ws.set_column_width(0, 45)?;
    ws.set_column_width(1, 22)?;
    ws.set_column_width(2, 8)?;
    ws.set_column_width(3, 24)?;
    for i in 0..periods.len() as u16 {
        ws.set_column_width(fixed + i, 5)?;
    }
    ws.set_column_width(4, 18)?;
    ws.set_column_width(5, 50)?;
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    wb.save_to_buffer()
}
