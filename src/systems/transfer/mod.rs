//! The register out to Excel and CSV and in again from the same columns, on the plan import's
//! design: upload → read the sheet (`plan::transfer::sheet`) → map the header → read and check
//! every row, compare it with the saved system (new, changed field by field, unchanged, error)
//! → preview, nothing written → confirm → one transaction, one audited import event, every
//! update checked against the version the preview saw.
//!
//! One column per field of `SystemInput` (the measures it concerns excepted: they keep their
//! links), headed by the form's labels, and «System-ID», the system's key: a file exported,
//! edited and imported again updates the systems it came from.

pub mod export;
pub mod import;

use std::collections::HashMap;

use chrono::NaiveDate;

use super::model::{ArchiveMethod, Criticality, Lifecycle, OperatorKind, Owner, SystemInput};
use crate::{
    auth::{CurrentUser, Editor, Role, RoleSet},
    domain::format_date,
    i18n::{Lang, k},
};

pub(crate) const KEY: &str = "key";

/// (field, catalog key of its header), in the files' order. The fields are the form's names,
/// so `SUPERUSER_FIELDS` names them too.
pub(crate) const COLUMNS: [(&str, &str); 30] = [
    (KEY, k("systems-transfer-col-key")),
    ("name", k("system-field-name")),
    ("description", k("system-field-description")),
    ("vendor", k("system-field-vendor")),
    ("operator_kind", k("system-field-operator")),
    ("operator_name", k("system-field-operator-name")),
    ("owner", k("system-field-owner")),
    ("owner_text", k("system-field-owner-text")),
    ("administrator", k("system-field-administrator")),
    ("superusers", k("system-field-superusers")),
    ("users_count", k("system-field-users")),
    ("cooperation", k("system-field-cooperation")),
    ("host", k("system-field-host")),
    ("server_location", k("system-field-server-location")),
    ("database", k("system-field-database")),
    ("lifecycle", k("system-field-lifecycle")),
    ("criticality", k("system-field-criticality")),
    ("personal_data", k("system-field-personal-data")),
    ("data_controller", k("system-field-data-controller")),
    ("dpa", k("system-field-dpa")),
    ("dpa_date", k("system-field-dpa-date")),
    ("dpia_date", k("system-field-dpia-date")),
    ("processing_record_ref", k("system-field-processing-record")),
    ("archive_records", k("system-field-archive-records")),
    ("archive_method", k("system-field-archive-method")),
    ("support_with", k("system-field-support-with")),
    ("support_expires", k("system-field-support-expires")),
    ("support_notice_days", k("system-field-notice-days")),
    ("last_evaluated", k("system-field-last-evaluated")),
    ("notes", k("system-field-notes")),
];

/// Separates the superusers' names in a cell.
pub(crate) const NAME_SEPARATOR: &str = "; ";

/// Who may import: IKT staff, and superusers (their own systems, their fields).
pub(crate) const IMPORTERS: RoleSet = Editor::ROLES.with(Role::Superbruker);

/// The list shows the import link to those who may use it.
pub fn may_import(user: &CurrentUser) -> bool {
    user.can(IMPORTERS)
}

/// The header's catalog key of a field.
pub(crate) fn header_key(field: &str) -> &'static str {
    COLUMNS
        .iter()
        .find(|(f, _)| *f == field)
        .map(|(_, key)| *key)
        .unwrap_or(COLUMNS[1].1)
}

pub(crate) use crate::transfer::normalize;

/// Names of the municipality's units, people and cooperations by id.
#[derive(Default)]
pub(crate) struct Names {
    pub units: HashMap<i64, String>,
    pub people: HashMap<i64, String>,
    pub cooperations: HashMap<i64, String>,
}

impl Names {
    pub fn from_options(o: &super::read::Options) -> Self {
        Names {
            units: o.units.iter().cloned().collect(),
            people: o.people.iter().cloned().collect(),
            cooperations: o.cooperations.iter().cloned().collect(),
        }
    }
}

fn yes_no(lang: Lang, b: Option<bool>) -> String {
    match b {
        Some(true) => lang.t("system-yes"),
        Some(false) => lang.t("system-no"),
        None => String::new(),
    }
}

fn date(d: Option<NaiveDate>) -> String {
    d.map(format_date).unwrap_or_default()
}

fn label<T: Copy>(lang: Lang, v: Option<T>, key: fn(T) -> &'static str) -> String {
    v.map(|v| lang.t(key(v))).unwrap_or_default()
}

/// A field of a system as its cell reads: what the export writes and what the preview compares.
pub(crate) fn cell(lang: Lang, input: &SystemInput, field: &str, names: &Names) -> String {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let name = |map: &HashMap<i64, String>, id: Option<i64>| {
        id.and_then(|id| map.get(&id).cloned()).unwrap_or_default()
    };
    match field {
        "name" => input.name.clone(),
        "description" => text(&input.description),
        "vendor" => text(&input.vendor),
        "operator_kind" => label(lang, input.operator_kind, OperatorKind::label_key),
        "operator_name" => text(&input.operator_name),
        "owner" => match input.owner {
            Owner::Unit(u) => name(&names.units, Some(u)),
            _ => String::new(),
        },
        "owner_text" => match &input.owner {
            Owner::Text(t) => t.clone(),
            _ => String::new(),
        },
        "administrator" => name(&names.people, input.administrator_id),
        "superusers" => input
            .superusers
            .iter()
            .map(|p| name(&names.people, Some(*p)))
            .collect::<Vec<_>>()
            .join(NAME_SEPARATOR),
        "users_count" => input.users_count.map(|n| n.to_string()).unwrap_or_default(),
        "cooperation" => name(&names.cooperations, input.cooperation_id),
        "host" => text(&input.host),
        "server_location" => text(&input.server_location),
        "database" => text(&input.database),
        "lifecycle" => label(lang, input.lifecycle, Lifecycle::label_key),
        "criticality" => label(lang, input.criticality, Criticality::label_key),
        "personal_data" => yes_no(lang, input.personal_data),
        "data_controller" => text(&input.data_controller),
        "dpa" => yes_no(lang, input.dpa),
        "dpa_date" => date(input.dpa_date),
        "dpia_date" => date(input.dpia_date),
        "processing_record_ref" => text(&input.processing_record_ref),
        "archive_records" => yes_no(lang, input.archive_records),
        "archive_method" => label(lang, input.archive_method, ArchiveMethod::label_key),
        "support_with" => text(&input.support_with),
        "support_expires" => date(input.support_expires),
        "support_notice_days" => input
            .support_notice_days
            .map(|n| n.to_string())
            .unwrap_or_default(),
        "last_evaluated" => date(input.last_evaluated),
        "notes" => text(&input.notes),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column_of(header: &str) -> Option<&'static str> {
        crate::transfer::column_of(&COLUMNS, header)
    }

    #[test]
    fn every_header_the_export_writes_in_either_language_is_read_as_its_column() {
        for lang in Lang::ALL {
            for (field, key) in COLUMNS {
                assert_eq!(column_of(&lang.t(key)), Some(field), "{lang}: {key}");
            }
        }
        assert_eq!(column_of("  programleverandør "), Some("vendor"));
        assert_eq!(column_of("Ukjent"), None);
    }
}
