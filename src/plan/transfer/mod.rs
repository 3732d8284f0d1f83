//! The progress plan out to Excel and CSV, laid out like Vedlegg 1, and measures in from the same
//! columns: upload → read the sheet (`sheet`) → map the header (`columns`) → check every row
//! (`rows`, `cost_text`) → compare with the saved measures (`changes`: new, changed field by
//! field, unchanged) → preview, nothing written (`import`) → confirm → one transaction, one
//! audited import event, every update checked against the version the preview saw.

mod changes;
mod columns;
mod cost_text;
pub mod export;
pub mod import;
mod lookup;
mod preview;
mod rows;
pub(crate) mod sheet;
mod values;

use crate::i18n::k;

const MAX_ROWS: usize = 5000;
pub(crate) const XLSX_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/// The CSV columns before the period columns, as catalog keys (`transfer.ftl`): the export
/// writes them in the reader's language, and the import reads them in either (`columns::NAMES`
/// has both). «Tiltaks-ID» is the measure's key: a re-imported file updates the measures it
/// names instead of adding copies.
const CSV_HEADERS: [&str; 12] = [
    KEY_HEADER,
    k("transfer-col-goal"),
    k("transfer-col-strategy"),
    k("transfer-col-title"),
    k("transfer-col-description"),
    k("transfer-col-hours"),
    k("transfer-col-cost"),
    k("transfer-col-responsible"),
    k("transfer-col-status"),
    k("transfer-col-status-date"),
    k("transfer-col-status-comment"),
    k("transfer-col-priority"),
];
/// The Excel sheet's columns before the periods, as Vedlegg 1 names them, with the key first and
/// every field the import reads.
const XLSX_HEADERS: [&str; 11] = [
    KEY_HEADER,
    k("transfer-col-plan"),
    k("transfer-col-strategy"),
    k("transfer-col-description"),
    k("transfer-col-hours"),
    k("transfer-col-cost"),
    k("transfer-col-responsible"),
    k("transfer-col-status"),
    k("transfer-col-status-date"),
    k("transfer-col-status-comment"),
    k("transfer-col-priority"),
];
const KEY_HEADER: &str = k("transfer-col-key");

/// A cell Excel would run as a formula («=», «+», «-», «@») gets a leading apostrophe, which
/// Excel shows as text; the import takes it off again.
pub(crate) fn defuse(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

pub(crate) fn undefuse(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_excel_would_run_as_a_formula_is_exported_as_text_and_read_back_as_written() {
        assert_eq!(defuse("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(undefuse(&defuse("-tiltak")), "-tiltak");
        assert_eq!(undefuse("'sitat'"), "'sitat'");
    }

    #[test]
    fn every_header_the_export_writes_in_either_language_is_read_as_its_column() {
        use crate::i18n::Lang;
        use columns::{Col, fixed_column, normalize};
        let csv = [
            Col::Key,
            Col::Goal,
            Col::Strategy,
            Col::Title,
            Col::Description,
            Col::Hours,
            Col::Cost,
            Col::Responsible,
            Col::Status,
            Col::StatusDate,
            Col::StatusComment,
            Col::Priority,
        ];
        let xlsx = [
            Col::Key,
            Col::Title,
            Col::Strategy,
            Col::Description,
            Col::Hours,
            Col::Cost,
            Col::Responsible,
            Col::Status,
            Col::StatusDate,
            Col::StatusComment,
            Col::Priority,
        ];
        for lang in Lang::ALL {
            let pairs = CSV_HEADERS
                .iter()
                .zip(csv)
                .chain(XLSX_HEADERS.iter().zip(xlsx));
            for (key, col) in pairs {
                let header = lang.t(key);
                assert_eq!(
                    fixed_column(&normalize(&header)),
                    Some(col),
                    "{lang}: {header}"
                );
            }
        }
        assert_eq!(Lang::Nn.t("transfer-col-description"), "Skildring");
        assert_eq!(Lang::Nb.t("transfer-col-description"), "Beskrivelse");
    }
}
