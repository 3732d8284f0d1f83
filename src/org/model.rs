//! Units (enheter) and people (personer): the forms, their rules and the audit snapshots.
//! No SQL: what a rule needs from the database (the units and people to choose from, a unit's
//! sub-units) is read first and passed in as [`Choices`].

use serde::{Deserialize, Serialize};

use crate::{
    audit::{Audited, Table},
    domain::Hours,
    i18n::Msg,
    web::{FormErrors, form::trimmed},
};

/// The longest name, title or short name.
pub const NAME_MAX: usize = 200;
/// The longest e-mail address (the column's check).
pub const EMAIL_MAX: usize = 254;
/// The longest phone number (the column's check).
pub const PHONE_MAX: usize = 40;

/// The unique names, as messages beside the name field.
pub const UNIT_UNIQUE: &[(&str, &str, Msg)] = &[(
    "unit_municipality_id_name_key",
    "name",
    Msg::new("org-unit-name-taken"),
)];
/// The name's unique violation, and the e-mail column's check (`validate` keeps to it; the
/// database's `lower` may fold a rare letter differently) as the form's own message.
pub const PERSON_UNIQUE: &[(&str, &str, Msg)] = &[
    (
        "person_municipality_id_name_key",
        "name",
        Msg::new("org-person-name-taken"),
    ),
    ("person_email_check", "email", Msg::new("org-email-invalid")),
];

/// What the forms may point to, read before validating.
#[derive(Debug, Default, Clone)]
pub struct Choices {
    /// (id, name) of the municipality's units.
    pub units: Vec<(i64, String)>,
    /// (id, name) of the municipality's people.
    pub people: Vec<(i64, String)>,
    /// The unit being edited and every unit under it: none of them can be its parent.
    pub below: Vec<i64>,
}

impl Choices {
    fn has_unit(&self, id: i64) -> bool {
        self.units.iter().any(|(u, _)| *u == id)
    }
    fn has_person(&self, id: i64) -> bool {
        self.people.iter().any(|(p, _)| *p == id)
    }
}

/// The unit form as submitted: kept as typed so a refused form shows it again.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct UnitForm {
    pub name: String,
    pub short_name: String,
    /// A person's id, or "".
    pub leader: String,
    /// A unit's id, or "".
    pub parent: String,
    /// The version the form was loaded at (edit only).
    pub version: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct UnitInput {
    pub name: String,
    pub short_name: Option<String>,
    pub leader_person_id: Option<i64>,
    pub parent_unit_id: Option<i64>,
}

fn check_name(errors: &mut FormErrors, name: &str) {
    let n = name.trim();
    if n.is_empty() {
        errors.add("name", Msg::new("org-name-required"));
    } else if n.chars().count() > NAME_MAX {
        errors.add(
            "name",
            Msg::with("org-too-long", [("max", NAME_MAX.into())]),
        );
    }
}

fn check_short(errors: &mut FormErrors, field: &'static str, value: &str) {
    if value.trim().chars().count() > NAME_MAX {
        errors.add(field, Msg::with("org-too-long", [("max", NAME_MAX.into())]));
    }
}

/// "" is none; an id that is not among the choices is an error at the field.
fn pick(
    errors: &mut FormErrors,
    field: &'static str,
    value: &str,
    known: impl Fn(i64) -> bool,
) -> Option<i64> {
    let v = value.trim();
    if v.is_empty() {
        return None;
    }
    match v.parse::<i64>() {
        Ok(id) if known(id) => Some(id),
        _ => {
            errors.add(field, Msg::new("org-unknown-choice"));
            None
        }
    }
}

impl UnitForm {
    pub fn validate(&self, choices: &Choices) -> Result<UnitInput, FormErrors> {
        let mut errors = FormErrors::default();
        check_name(&mut errors, &self.name);
        check_short(&mut errors, "short_name", &self.short_name);
        let leader_person_id = pick(&mut errors, "leader", &self.leader, |id| {
            choices.has_person(id)
        });
        let parent_unit_id = pick(&mut errors, "parent", &self.parent, |id| {
            choices.has_unit(id)
        });
        if let Some(p) = parent_unit_id
            && choices.below.contains(&p)
        {
            if choices.below.first() == Some(&p) {
                errors.add("parent", Msg::new("org-unit-own-parent"));
            } else {
                errors.add("parent", Msg::new("org-unit-cycle"));
            }
        }
        errors.finish(UnitInput {
            name: self.name.trim().to_string(),
            short_name: trimmed(&self.short_name),
            leader_person_id,
            parent_unit_id,
        })
    }
}

/// The person form as submitted.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct PersonForm {
    pub name: String,
    pub title: String,
    /// A unit's id, or "".
    pub unit: String,
    pub email: String,
    pub phone: String,
    pub version: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PersonInput {
    pub name: String,
    pub title: Option<String>,
    pub unit_id: Option<i64>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// One `@` with something on each side and a dot in the domain, no spaces.
pub fn email_ok(e: &str) -> bool {
    let mut parts = e.split('@');
    let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    !local.is_empty()
        && !domain.is_empty()
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !e.chars().any(char::is_whitespace)
        && e.chars().count() <= EMAIL_MAX
}

/// Digits, spaces, `+` and `-`, at most [`PHONE_MAX`] characters.
pub fn phone_ok(p: &str) -> bool {
    p.chars().count() <= PHONE_MAX
        && p.chars().any(|c| c.is_ascii_digit())
        && p.chars()
            .all(|c| c.is_ascii_digit() || c == ' ' || c == '+' || c == '-')
}

impl PersonForm {
    pub fn validate(&self, choices: &Choices) -> Result<PersonInput, FormErrors> {
        let mut errors = FormErrors::default();
        check_name(&mut errors, &self.name);
        check_short(&mut errors, "title", &self.title);
        let unit_id = pick(&mut errors, "unit", &self.unit, |id| choices.has_unit(id));
        let email = trimmed(&self.email).map(|e| e.to_lowercase());
        if let Some(e) = &email
            && !email_ok(e)
        {
            errors.add("email", Msg::new("org-email-invalid"));
        }
        let phone = trimmed(&self.phone);
        if let Some(p) = &phone
            && !phone_ok(p)
        {
            errors.add(
                "phone",
                Msg::with("org-phone-invalid", [("max", PHONE_MAX.into())]),
            );
        }
        errors.finish(PersonInput {
            name: self.name.trim().to_string(),
            title: trimmed(&self.title),
            unit_id,
            email,
            phone,
        })
    }
}

/// A unit as the audit log keeps it: names, not ids.
#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitSnapshot {
    pub name: String,
    pub short_name: String,
    pub leader: String,
    pub parent: String,
}

impl Audited for UnitSnapshot {
    const TABLE: Table = Table::Unit;
    fn name(&self) -> String {
        self.name.clone()
    }
}

/// A person as the audit log keeps it.
#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonSnapshot {
    pub name: String,
    pub title: String,
    pub unit: String,
    pub email: String,
    pub phone: String,
    /// Own-effort hours per quarter («120 t»), or "" when not set. Older log rows lack it.
    #[serde(default)]
    pub capacity: String,
}

impl Audited for PersonSnapshot {
    const TABLE: Table = Table::Person;
    fn name(&self) -> String {
        self.name.clone()
    }
}

/// The most own-effort hours a person can give per quarter: 13 weeks of long days, and the
/// migration's CHECK.
pub const CAPACITY_MAX: u32 = 1000;

/// A person's capacity for the action plan, in own-effort hours per quarter; empty clears it.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct CapacityForm {
    pub capacity: String,
}

impl CapacityForm {
    pub fn validate(&self) -> Result<Option<Hours>, FormErrors> {
        let mut errors = FormErrors::default();
        let value = self.capacity.trim();
        if value.is_empty() {
            return errors.finish(None);
        }
        let hours = match Hours::parse(value) {
            Ok(h) if h.0 > rust_decimal::Decimal::from(CAPACITY_MAX) => {
                errors.add(
                    "capacity",
                    Msg::with("org-capacity-too-many", [("max", CAPACITY_MAX.into())]),
                );
                None
            }
            Ok(h) => Some(h),
            Err(msg) => {
                errors.add("capacity", msg);
                None
            }
        };
        errors.finish(hours)
    }
}

/// A system's lifecycle status, as the unit page shows it: the register's own label.
pub fn lifecycle_key(code: &str) -> &'static str {
    crate::systems::model::Lifecycle::parse(code)
        .unwrap_or(crate::systems::model::Lifecycle::InUse)
        .label_key()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choices() -> Choices {
        Choices {
            units: vec![(1, "A".into()), (2, "B".into()), (3, "C".into())],
            people: vec![(10, "Kari".into())],
            below: vec![1, 3],
        }
    }

    #[test]
    fn a_capacity_is_hours_up_to_the_maximum_and_empty_clears_it() {
        let v = |s: &str| CapacityForm { capacity: s.into() }.validate();
        assert_eq!(v("120").unwrap(), Some(Hours(120.into())));
        assert_eq!(v("  ").unwrap(), None);
        assert!(v("1001").unwrap_err().get("capacity").is_some());
        assert!(v("mange").unwrap_err().get("capacity").is_some());
        assert!(v("-5").unwrap_err().get("capacity").is_some());
    }

    #[test]
    fn every_snapshot_key_has_a_label() {
        assert!(crate::audit::unlabelled_keys(&UnitSnapshot::default()).is_empty());
        assert!(crate::audit::unlabelled_keys(&PersonSnapshot::default()).is_empty());
    }

    #[test]
    fn a_unit_cannot_be_its_own_parent_nor_under_one_of_its_sub_units() {
        let mut f = UnitForm {
            name: "A".into(),
            parent: "1".into(),
            ..Default::default()
        };
        let e = f.validate(&choices()).unwrap_err();
        assert!(e.has("parent"));
        f.parent = "3".into();
        assert!(f.validate(&choices()).unwrap_err().has("parent"));
        f.parent = "2".into();
        assert_eq!(f.validate(&choices()).unwrap().parent_unit_id, Some(2));
    }

    #[test]
    fn an_e_mail_needs_one_at_and_no_spaces_and_is_lowercased() {
        assert!(email_ok("kari@ringebu.kommune.no"));
        assert!(!email_ok("kari@@ringebu.no"));
        assert!(!email_ok("kari ringebu.no"));
        assert!(!email_ok("ka ri@ringebu.no"));
        assert!(!email_ok("@ringebu.no"));
        let f = PersonForm {
            name: "Kari".into(),
            email: " Kari@Ringebu.NO ".into(),
            ..Default::default()
        };
        assert_eq!(
            f.validate(&choices()).unwrap().email.as_deref(),
            Some("kari@ringebu.no")
        );
    }

    #[test]
    fn a_phone_is_digits_spaces_plus_and_minus() {
        assert!(phone_ok("+47 61 28 30 00"));
        assert!(phone_ok("612-83-000"));
        assert!(!phone_ok("ring meg"));
        assert!(!phone_ok(&"1".repeat(41)));
    }
}
