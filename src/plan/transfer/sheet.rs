//! Reading an uploaded file into rows of text: XLSX or CSV (any separator, UTF-8 or
//! Windows-1252), bounded in size, rows and columns.

use std::io::Cursor;

use axum::{
    extract::{Multipart, multipart::MultipartRejection},
    http::StatusCode,
};
use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::MAX_ROWS;
use crate::{domain::format_date, i18n::Msg, web::form::MAX_UPLOAD_FILE};

pub(super) const TOO_LARGE: Msg = Msg::new("transfer-file-too-large");
pub(super) const NO_FILE: Msg = Msg::new("transfer-no-file");
const NOT_SUPPORTED: Msg = Msg::new("transfer-not-supported");
const UNREADABLE_XLSX: Msg = Msg::new("transfer-unreadable-xlsx");
const UNREADABLE_CSV: Msg = Msg::new("transfer-unreadable-csv-text");

/// The sheet as text: (row number as the user sees it, cells).
pub(crate) struct Table {
    pub rows: Vec<(usize, Vec<String>)>,
}

pub(crate) struct Upload {
    pub name: String,
    pub bytes: Vec<u8>,
}

pub(crate) async fn read_upload(
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Upload, Msg> {
    let mut multipart = multipart.map_err(|_| NO_FILE)?;
    let unreadable = |e: axum::extract::multipart::MultipartError| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            TOO_LARGE
        } else {
            Msg::new("transfer-upload-interrupted")
        }
    };
    while let Some(mut field) = multipart.next_field().await.map_err(unreadable)? {
        if field.name() != Some("file") {
            continue;
        }
        let name = field.file_name().unwrap_or("").trim().to_string();
        let mut bytes = Vec::new();
        while let Some(chunk) = field.chunk().await.map_err(unreadable)? {
            if bytes.len() + chunk.len() > MAX_UPLOAD_FILE {
                return Err(TOO_LARGE);
            }
            bytes.extend_from_slice(&chunk);
        }
        if name.is_empty() && bytes.is_empty() {
            return Err(NO_FILE);
        }
        if bytes.is_empty() {
            return Err(Msg::new("transfer-file-empty"));
        }
        return Ok(Upload { name, bytes });
    }
    Err(NO_FILE)
}

pub(crate) fn read_table(upload: &Upload) -> Result<Table, Msg> {
    let name = upload.name.to_lowercase();
    let ext = name.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    let zip = upload.bytes.starts_with(b"PK\x03\x04");
    match ext {
        "xls" if !zip => Err(Msg::new("transfer-old-xls")),
        "xlsx" | "xlsm" | "xls" => read_xlsx(&upload.bytes),
        "csv" | "txt" | "" if zip => read_xlsx(&upload.bytes),
        "csv" | "txt" | "" => read_csv(&upload.bytes),
        _ => Err(NOT_SUPPORTED),
    }
}

/// Rows the reader keeps before refusing: the import's own limit counts measures, and a sheet
/// also has a header, a title above it and some blank lines.
const MAX_SHEET_ROWS: usize = MAX_ROWS + 50;
/// Columns the reader keeps before refusing: a plan has ~12 fixed columns, four per period for up
/// to five years and a few more of its own, far below this.
const MAX_SHEET_COLUMNS: usize = 200;
/// Physical lines a CSV file may have: records may span lines inside quotes, so more than rows.
const MAX_CSV_LINES: usize = 4 * MAX_SHEET_ROWS;
/// Bytes one CSV line may have: twenty columns at the longest a form field may be.
const MAX_CSV_LINE: usize = 100_000;

fn too_many_rows() -> Msg {
    Msg::with("transfer-too-many-rows", [("max", MAX_ROWS.into())])
}

fn too_many_columns(column: usize) -> Msg {
    Msg::with(
        "transfer-too-many-columns",
        [
            ("column", column_name(column).into()),
            ("max", MAX_SHEET_COLUMNS.into()),
        ],
    )
}

/// Column 0 → «A», 26 → «AA», 16383 → «XFD»: how Excel names it.
fn column_name(mut column: usize) -> String {
    let mut name = Vec::new();
    loop {
        name.push(b'A' + (column % 26) as u8);
        if column < 26 {
            break;
        }
        column = column / 26 - 1;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

/// What a workbook's parts may add up to unpacked: a 5,000-measure export is under 10 MB.
const MAX_UNPACKED: u64 = 64 * 1024 * 1024;

/// Refuses a workbook whose parts, by the sizes its zip directory declares, unpack to more than
/// [`MAX_UNPACKED`] (a «zip bomb»: calamine reads the shared strings whole). A file without a
/// readable directory is left to calamine, which refuses it as unreadable.
fn check_unpacked_size(bytes: &[u8]) -> Result<(), Msg> {
    let u16_at = |i: usize| {
        bytes
            .get(i..i + 2)
            .map(|b| u16::from_le_bytes([b[0], b[1]]))
    };
    let u32_at = |i: usize| {
        bytes
            .get(i..i + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    };
    // The end-of-central-directory record: 22 bytes and a comment of up to 64 KB, at the end.
    let floor = bytes.len().saturating_sub(22 + 65_535);
    let Some(end) = (floor..bytes.len().saturating_sub(21))
        .rev()
        .find(|&i| u32_at(i) == Some(0x0605_4b50))
    else {
        return Ok(());
    };
    let (Some(entries), Some(mut at)) = (u16_at(end + 10), u32_at(end + 16)) else {
        return Ok(());
    };
    let too_large = || Msg::new("transfer-xlsx-unpacked-too-large");
    let mut total = 0u64;
    for _ in 0..entries {
        let p = at as usize;
        if u32_at(p) != Some(0x0201_4b50) {
            return Ok(());
        }
        let (Some(size), Some(n), Some(e), Some(c)) = (
            u32_at(p + 24),
            u16_at(p + 28),
            u16_at(p + 30),
            u16_at(p + 32),
        ) else {
            return Ok(());
        };
        // 0xFFFFFFFF: the size is in a zip64 field, which no spreadsheet this small needs.
        total += u64::from(size);
        if size == u32::MAX || total > MAX_UNPACKED {
            return Err(too_large());
        }
        at = at.saturating_add(46 + u32::from(n) + u32::from(e) + u32::from(c));
    }
    Ok(())
}

/// The first worksheet, cell by cell: a cell far down or to the right is refused when it is
/// met, before any row is allocated for the space up to it (a 1.5 KB file with A1 and XFD1000
/// once took the server to ~1 GB as a calamine `Range`).
fn read_xlsx(bytes: &[u8]) -> Result<Table, Msg> {
    check_unpacked_size(bytes)?;
    let mut wb: Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|_| UNREADABLE_XLSX)?;
    let first = wb
        .sheet_names()
        .first()
        .cloned()
        .ok_or(Msg::new("transfer-xlsx-no-sheet"))?;
    let mut cells = wb
        .worksheet_cells_reader(&first)
        .map_err(|_| UNREADABLE_XLSX)?;
    // Row index → its cells by column; a BTreeMap since the XML need not be in order.
    let mut rows: std::collections::BTreeMap<usize, Vec<String>> = Default::default();
    let (mut width, mut top, mut bottom) = (0, usize::MAX, 0);
    while let Some(cell) = cells.next_cell().map_err(|_| UNREADABLE_XLSX)? {
        let text = cell_text(&Data::from(cell.get_value().clone()));
        if text.is_empty() {
            continue;
        }
        let (row, col) = cell.get_position();
        let (row, col) = (row as usize, col as usize);
        if col >= MAX_SHEET_COLUMNS {
            return Err(too_many_columns(col));
        }
        (top, bottom) = (top.min(row), bottom.max(row));
        if bottom - top >= MAX_SHEET_ROWS {
            return Err(too_many_rows());
        }
        let out = rows.entry(row).or_default();
        if out.len() <= col {
            out.resize(col + 1, String::new());
        }
        out[col] = text;
        width = width.max(col + 1);
    }
    // Rows in between are kept (empty) so the row numbers and "the row above the header" match
    // the sheet, as calamine's range would have it.
    if rows.is_empty() {
        return Ok(Table { rows: Vec::new() });
    }
    let table = (top..=bottom)
        .map(|row| {
            let mut out = rows.remove(&row).unwrap_or_default();
            out.resize(width, String::new());
            (row + 1, out)
        })
        .collect();
    Ok(Table { rows: table })
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

/// 50.5 → «50,5», 2014.0 → «2014»: with a decimal comma, so «1,125» is never read as a
/// thousands-separated «1.125».
fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        return format!("{}", f as i64);
    }
    Decimal::from_f64_retain(f)
        .map(|d| d.round_dp(6).normalize().to_string().replace('.', ","))
        .unwrap_or_else(|| f.to_string())
}

fn read_csv(bytes: &[u8]) -> Result<Table, Msg> {
    let text = decode_text(bytes)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    check_lines(text)?;
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
        let record = record.map_err(|_| Msg::new("transfer-csv-unreadable"))?;
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
                .map(|c| super::undefuse(c.trim()).to_string())
                .collect(),
        ));
        if rows.len() > MAX_ROWS + 50 {
            return Err(too_many_rows());
        }
    }
    Ok(Table { rows })
}

/// Refuses a file with more lines, or a longer line, than a plan can have, before the CSV
/// reader buffers any record.
fn check_lines(text: &str) -> Result<(), Msg> {
    for (i, line) in text.split('\n').enumerate() {
        if i >= MAX_CSV_LINES {
            return Err(too_many_rows());
        }
        // A file saved with old Mac line breaks (CR only) is one '\n'-line: measure its parts.
        if line
            .split('\r')
            .any(|l| l.len() > MAX_CSV_LINE && l.chars().count() > MAX_CSV_LINE)
        {
            return Err(Msg::with(
                "transfer-csv-line-too-long",
                [("line", (i + 1).into())],
            ));
        }
    }
    Ok(())
}

/// UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 as Norwegian Excel saves «CSV».
/// The file's text: UTF-8 or UTF-16 by its byte-order mark, else UTF-8, else Windows-1252 (what
/// Norwegian Excel saves as «CSV (semikolondelt)»).
fn decode_text(bytes: &[u8]) -> Result<String, Msg> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, malformed) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return if malformed {
            Err(UNREADABLE_CSV)
        } else {
            Ok(text.into_owned())
        };
    }
    if bytes.contains(&0) {
        return Err(UNREADABLE_CSV);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(_) => Ok(encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned()),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_workbook_declaring_parts_larger_than_64_mb_unpacked_is_refused_before_reading() {
        let mut wb = rust_xlsxwriter::Workbook::new();
        wb.add_worksheet().write_string(0, 0, "Mål").unwrap();
        let mut bytes = wb.save_to_buffer().unwrap();
        assert!(check_unpacked_size(&bytes).is_ok(), "an ordinary workbook");
        assert!(read_xlsx(&bytes).is_ok());
        // Declare the first part in the central directory as 100 MB unpacked.
        let cd = bytes
            .windows(4)
            .position(|w| w == [0x50, 0x4b, 0x01, 0x02])
            .unwrap();
        bytes[cd + 24..cd + 28].copy_from_slice(&(100u32 << 20).to_le_bytes());
        let err = read_xlsx(&bytes).err().unwrap();
        assert!(
            err.nb()
                .starts_with("Excel-filen er for stor når den pakkes ut"),
            "{err}"
        );
        bytes[cd + 24..cd + 28].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(check_unpacked_size(&bytes).is_err(), "zip64 sizes");
        assert!(
            check_unpacked_size(b"PK\x03\x04 not a zip").is_ok(),
            "left to calamine"
        );
    }

    #[test]
    fn csv_separator_and_encoding_are_detected() {
        assert_eq!(decode_text("\u{feff}Mål".as_bytes()).unwrap(), "Mål");
        assert_eq!(decode_text(&[0xFF, 0xFE, 0x4D, 0, 0xE5, 0]).unwrap(), "Må");
        assert_eq!(detect_delimiter("Mål;Strategi;Tiltak\n"), b';');
        assert_eq!(detect_delimiter("Mål,Strategi,\"Tiltak; x\"\n"), b',');
        assert_eq!(decode_text(&[0x4D, 0xE5, 0x6C]).unwrap(), "Mål");
        let t = read_csv(b"a;b\r\nc;d\r\n\r\n\"e\r\nf\";g\r\nh;i").unwrap();
        assert_eq!(
            t.rows.iter().map(|(n, _)| *n).collect::<Vec<_>>(),
            vec![1, 2, 4, 6],
            "spreadsheet line numbers, also after CRLF"
        );
    }
}
