//! What a fagsystem is: its vocabulary (lifecycle, criticality, who operates it, how it reaches
//! the archive), the input every write path builds (the form, the seed, the import), its rules,
//! which fields a superuser may change, and how the audit log keeps a system.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{
    audit::{Audited, Table},
    i18n::Msg,
    web::FormErrors,
};

pub const NAME_CHARS: usize = 200;
pub const TEXT_CHARS: usize = 200;
pub const DESCRIPTION_CHARS: usize = 5000;
pub const NOTES_CHARS: usize = 10_000;
/// Ringebu evaluates its systems every fourth year.
pub const EVALUATION_MONTHS: u32 = 4 * 12;
/// A confirmation older than this is marked on the list.
pub const CONFIRMATION_MONTHS: u32 = 12;
/// An agreement with no notice period given is «expiring» this many days before it ends.
pub const DEFAULT_NOTICE_DAYS: i64 = 90;

code_enum!(
    /// Where a system is in its life.
    Lifecycle {
        InUse = "in_use", "system-lifecycle-in-use";
        Introducing = "introducing", "system-lifecycle-introducing";
        PhasingOut = "phasing_out", "system-lifecycle-phasing-out";
        Retired = "retired", "system-lifecycle-retired";
    }
);

code_enum!(
    /// How much the municipality depends on it; «liv og helse» means 24/7.
    Criticality {
        Low = "low", "system-criticality-low";
        Medium = "medium", "system-criticality-medium";
        High = "high", "system-criticality-high";
        LifeAndHealth = "life_and_health", "system-criticality-life-and-health";
    }
);

code_enum!(
    /// Who runs it (driftsleverandør).
    OperatorKind {
        Own = "own", "system-operator-own";
        Municipality = "municipality", "system-operator-municipality";
        Company = "company", "system-operator-company";
        VendorCloud = "vendor_cloud", "system-operator-vendor-cloud";
    }
);

code_enum!(
    /// How its case records reach the archive.
    ArchiveMethod {
        Noark5 = "noark5", "system-archive-noark5";
        Integration = "integration", "system-archive-integration";
        None = "none", "system-archive-none";
    }
);

/// The system owner: a unit, or a name that is not one of the municipality's units (Ringebu's
/// list has «TRUST IKT»).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Owner {
    #[default]
    Nobody,
    Unit(i64),
    Text(String),
}

/// Everything a system is, as the form, the import and the seed give it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SystemInput {
    pub name: String,
    pub description: Option<String>,
    pub vendor: Option<String>,
    pub operator_kind: Option<OperatorKind>,
    pub operator_name: Option<String>,
    pub owner: Owner,
    pub administrator_id: Option<i64>,
    pub superusers: Vec<i64>,
    pub users_count: Option<i32>,
    pub cooperation_id: Option<i64>,
    pub host: Option<String>,
    pub server_location: Option<String>,
    pub database: Option<String>,
    pub lifecycle: Option<Lifecycle>,
    pub criticality: Option<Criticality>,
    pub personal_data: Option<bool>,
    pub data_controller: Option<String>,
    pub dpa: Option<bool>,
    pub dpa_date: Option<NaiveDate>,
    pub dpia_date: Option<NaiveDate>,
    pub processing_record_ref: Option<String>,
    pub archive_records: Option<bool>,
    pub archive_method: Option<ArchiveMethod>,
    pub support_with: Option<String>,
    pub support_expires: Option<NaiveDate>,
    pub support_notice_days: Option<i32>,
    pub last_evaluated: Option<NaiveDate>,
    pub notes: Option<String>,
    /// Measures that concern the system.
    pub measures: Vec<i64>,
}

/// The form fields a superuser of the system may change; every other field is read-only to
/// them and a form (or an import row) that changes one is refused. Their contact details are
/// `contact_email_<person>` and `contact_phone_<person>`.
pub const SUPERUSER_FIELDS: &[&str] = &[
    "users_count",
    "support_with",
    "support_expires",
    "support_notice_days",
    "notes",
];

impl SystemInput {
    /// The rules every write path shares; (field, message) for each one broken.
    pub fn check(&self, errors: &mut FormErrors) {
        if self.name.trim().is_empty() {
            errors.add("name", Msg::new("system-name-required"));
        } else if self.name.chars().count() > NAME_CHARS {
            errors.add(
                "name",
                Msg::with("system-too-long", [("max", NAME_CHARS.into())]),
            );
        }
        let short: [(&'static str, &Option<String>); 8] = [
            ("vendor", &self.vendor),
            ("operator_name", &self.operator_name),
            ("host", &self.host),
            ("server_location", &self.server_location),
            ("database", &self.database),
            ("data_controller", &self.data_controller),
            ("processing_record_ref", &self.processing_record_ref),
            ("support_with", &self.support_with),
        ];
        for (field, value) in short {
            if value
                .as_deref()
                .is_some_and(|v| v.chars().count() > TEXT_CHARS)
            {
                errors.add(
                    field,
                    Msg::with("system-too-long", [("max", TEXT_CHARS.into())]),
                );
            }
        }
        if let Owner::Text(t) = &self.owner
            && t.chars().count() > TEXT_CHARS
        {
            errors.add(
                "owner_text",
                Msg::with("system-too-long", [("max", TEXT_CHARS.into())]),
            );
        }
        if self
            .description
            .as_deref()
            .is_some_and(|v| v.chars().count() > DESCRIPTION_CHARS)
        {
            errors.add(
                "description",
                Msg::with("system-too-long", [("max", DESCRIPTION_CHARS.into())]),
            );
        }
        if self
            .notes
            .as_deref()
            .is_some_and(|v| v.chars().count() > NOTES_CHARS)
        {
            errors.add(
                "notes",
                Msg::with("system-too-long", [("max", NOTES_CHARS.into())]),
            );
        }
        if self.users_count.is_some_and(|n| n < 0) {
            errors.add("users_count", Msg::new("system-users-number"));
        }
        if self
            .support_notice_days
            .is_some_and(|n| !(0..=3650).contains(&n))
        {
            errors.add("support_notice_days", Msg::new("system-notice-days"));
        }
        if self.dpa == Some(true) && self.personal_data == Some(false) {
            errors.add("dpa", Msg::new("system-dpa-without-personal-data"));
        }
    }
}

/// When the next evaluation is due: four years after the last, or now if there was none.
pub fn next_evaluation(last: Option<NaiveDate>) -> Option<NaiveDate> {
    last.and_then(|d| d.checked_add_months(chrono::Months::new(EVALUATION_MONTHS)))
}

pub fn evaluation_overdue(last: Option<NaiveDate>, today: NaiveDate) -> bool {
    next_evaluation(last).is_none_or(|due| due < today)
}

/// The support agreement ends within its notice period (or within 90 days when none is given):
/// the time to renegotiate or give notice has come.
pub fn agreement_expiring(
    expires: Option<NaiveDate>,
    notice_days: Option<i32>,
    today: NaiveDate,
) -> bool {
    expires.is_some_and(|e| {
        let notice = notice_days.map_or(DEFAULT_NOTICE_DAYS, i64::from);
        (e - today).num_days() <= notice
    })
}

/// Not confirmed, or confirmed more than 12 months ago.
pub fn confirmation_stale(confirmed: Option<NaiveDate>, today: NaiveDate) -> bool {
    confirmed.is_none_or(|c| {
        today
            .checked_sub_months(chrono::Months::new(CONFIRMATION_MONTHS))
            .is_some_and(|limit| c < limit)
    })
}

/// An administration meeting (forvaltningsmøte) and its seven topics (Hå's list).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MeetingInput {
    pub held_on: Option<NaiveDate>,
    pub attendees: Option<String>,
    /// (field, note) for operations, user satisfaction, training, security, contingency,
    /// development plans, changes.
    pub topics: [(&'static str, Option<String>); 7],
}

/// The seven topics' form fields (and columns) with their catalog keys.
pub const MEETING_TOPICS: [(&str, &str); 7] = [
    ("operations", "system-meeting-operations"),
    ("satisfaction", "system-meeting-satisfaction"),
    ("training", "system-meeting-training"),
    ("security", "system-meeting-security"),
    ("contingency", "system-meeting-contingency"),
    ("development", "system-meeting-development"),
    ("changes", "system-meeting-changes"),
];

pub const TOPIC_CHARS: usize = 2000;

impl MeetingInput {
    pub fn topic(&self, field: &str) -> Option<&str> {
        self.topics
            .iter()
            .find(|(f, _)| *f == field)
            .and_then(|(_, v)| v.as_deref())
    }
}

/// How the audit log keeps a system: flat, readable strings.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Default)]
pub struct SystemSnapshot {
    pub name: String,
    pub description: String,
    pub vendor: String,
    pub operator: String,
    pub owner: String,
    pub administrator: String,
    pub superusers: String,
    pub users_count: String,
    pub cooperation: String,
    pub host: String,
    pub server_location: String,
    pub database: String,
    pub lifecycle: String,
    pub criticality: String,
    pub personal_data: String,
    pub data_controller: String,
    pub dpa: String,
    pub dpia_date: String,
    pub processing_record_ref: String,
    pub archive: String,
    pub support: String,
    pub last_evaluated: String,
    pub notes: String,
    pub measures: String,
    pub confirmed: String,
}

impl Audited for SystemSnapshot {
    const TABLE: Table = Table::System;

    fn name(&self) -> String {
        self.name.clone()
    }
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Default)]
pub struct CooperationSnapshot {
    pub name: String,
    pub members: String,
    pub board: String,
    pub note: String,
}

impl Audited for CooperationSnapshot {
    const TABLE: Table = Table::Cooperation;

    fn name(&self) -> String {
        self.name.clone()
    }
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Default)]
pub struct MeetingSnapshot {
    pub system: String,
    pub held_on: String,
    pub attendees: String,
    pub topics: String,
}

impl Audited for MeetingSnapshot {
    const TABLE: Table = Table::SystemMeeting;

    fn name(&self) -> String {
        format!("{} {}", self.system, self.held_on)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn an_evaluation_is_due_four_years_after_the_last_and_overdue_when_there_was_none() {
        assert_eq!(next_evaluation(Some(d(2013, 5, 1))), Some(d(2017, 5, 1)));
        assert!(!evaluation_overdue(Some(d(2013, 5, 1)), d(2017, 5, 1)));
        assert!(evaluation_overdue(Some(d(2013, 5, 1)), d(2017, 5, 2)));
        assert!(evaluation_overdue(None, d(2014, 1, 1)));
    }

    #[test]
    fn an_agreement_is_expiring_within_its_notice_period_or_ninety_days() {
        let today = d(2026, 1, 1);
        assert!(agreement_expiring(Some(d(2026, 3, 1)), Some(90), today));
        assert!(!agreement_expiring(Some(d(2026, 6, 1)), Some(90), today));
        assert!(agreement_expiring(Some(d(2026, 3, 31)), None, today));
        assert!(!agreement_expiring(Some(d(2026, 4, 2)), None, today));
        assert!(!agreement_expiring(None, Some(30), today));
    }

    #[test]
    fn a_confirmation_goes_stale_after_twelve_months() {
        let today = d(2026, 12, 2);
        assert!(!confirmation_stale(Some(d(2025, 12, 2)), today));
        assert!(confirmation_stale(Some(d(2025, 12, 1)), today));
        assert!(confirmation_stale(None, today));
    }
}
