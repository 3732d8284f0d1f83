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
mod sheet;
mod values;

const MAX_ROWS: usize = 5000;
const XLSX_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/// The CSV columns before the period columns; the import reads the same names. «Tiltaks-ID» is
/// the measure's key: a re-imported file updates the measures it names instead of adding copies.
const CSV_HEADERS: [&str; 12] = [
    KEY_HEADER,
    "Mål",
    "Strategi",
    "Tiltak",
    "Beskrivelse",
    "Timer",
    "Kostnad",
    "Ansvar",
    "Status",
    "Statusdato",
    "Statuskommentar",
    "Prioritert",
];
/// The Excel sheet's columns before the periods, as Vedlegg 1 names them, with the key first and
/// every field the import reads.
const XLSX_HEADERS: [&str; 11] = [
    KEY_HEADER,
    "Handlingsplan",
    "Strategi",
    "Beskrivelse",
    "Timer",
    "Kostnad",
    "Ansvar",
    "Status",
    "Statusdato",
    "Statuskommentar",
    "Prioritert",
];
const KEY_HEADER: &str = "Tiltaks-ID";
const ORPHAN_GOAL: &str = "Tiltak uten strategi";
const ORPHAN_STRATEGY: &str = "Knyttet til hovedmålet, ikke til en enkelt strategi";

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_excel_would_run_as_a_formula_is_exported_as_text_and_read_back_as_written() {
        assert_eq!(defuse("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(undefuse(&defuse("-tiltak")), "-tiltak");
        assert_eq!(undefuse("'sitat'"), "'sitat'");
    }
}
