//! Types of the line inventory, the rules its forms and its import share, and what the audit
//! log keeps of them.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::{
    audit::{Audited, Table},
    domain::{Mbps, Nok, format_date, parse_date},
    i18n::Msg,
    web::{FormErrors, form::trimmed},
};

code_enum!(
    /// A line's kind; ADSL and radio are marked on the list.
    LineType {
        Fiber = "fiber", "lines-type-fiber";
        Adsl = "adsl", "lines-type-adsl";
        Radio = "radio", "lines-type-radio";
        Mobile = "mobile", "lines-type-mobile";
        Other = "other", "lines-type-other";
    }
);

code_enum!(
    /// Kommunalt eid, or leased from a provider (Eidsiva).
    Ownership {
        Own = "own", "lines-ownership-own";
        Leased = "leased", "lines-ownership-leased";
    }
);

impl LineType {
    /// ADSL and radio: the strategy's lines to replace.
    pub fn is_slow(self) -> bool {
        matches!(self, LineType::Adsl | LineType::Radio)
    }
}

/// A location's users. Unknown (an empty cell) and «–» (no users of its own, as Vedlegg 3 prints
/// for the inter-municipal LAN) are different, and both occur.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Users {
    Unknown,
    None,
    Count(i32),
}

impl Users {
    /// «» unknown, «–» (or «-») none, else a whole number.
    pub fn parse(input: &str) -> Result<Users, Msg> {
        let t = input.trim();
        match t {
            "" => Ok(Users::Unknown),
            "–" | "-" | "—" => Ok(Users::None),
            _ => t
                .replace([' ', '\u{a0}'], "")
                .parse::<i32>()
                .ok()
                .filter(|n| (0..=1_000_000).contains(n))
                .map(Users::Count)
                .ok_or_else(|| Msg::with("lines-users-invalid", [("input", t.into())])),
        }
    }

    pub fn of(count: Option<i32>, none: bool) -> Users {
        match (none, count) {
            (true, _) => Users::None,
            (false, Some(n)) => Users::Count(n),
            (false, None) => Users::Unknown,
        }
    }

    pub fn count(self) -> Option<i32> {
        match self {
            Users::Count(n) => Some(n),
            _ => None,
        }
    }

    pub fn text(self) -> String {
        match self {
            Users::Unknown => String::new(),
            Users::None => "–".into(),
            Users::Count(n) => n.to_string(),
        }
    }
}

pub const NAME_CHARS: usize = 200;
pub const ADDRESS_CHARS: usize = 300;
pub const NOTES_CHARS: usize = 5000;

fn too_long(errors: &mut FormErrors, field: &'static str, value: &str, max: usize) {
    if value.trim().chars().count() > max {
        errors.add(field, Msg::with("lines-too-long", [("max", max.into())]));
    }
}

/// The location form as posted; also a row of the import.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct LocationForm {
    pub name: String,
    pub address: String,
    pub users: String,
    pub notes: String,
    pub version: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LocationInput {
    pub name: String,
    pub address: Option<String>,
    pub users: Users,
    pub notes: Option<String>,
}

impl LocationForm {
    pub fn validate(&self) -> Result<LocationInput, FormErrors> {
        let mut errors = FormErrors::default();
        if self.name.trim().is_empty() {
            errors.add("name", Msg::new("lines-name-required"));
        }
        too_long(&mut errors, "name", &self.name, NAME_CHARS);
        too_long(&mut errors, "address", &self.address, ADDRESS_CHARS);
        too_long(&mut errors, "notes", &self.notes, NOTES_CHARS);
        let users = Users::parse(&self.users).map_err(|e| errors.add("users", e));
        match users {
            Ok(users) if errors.is_empty() => Ok(LocationInput {
                name: self.name.trim().to_string(),
                address: trimmed(&self.address),
                users,
                notes: trimmed(&self.notes),
            }),
            _ => Err(errors),
        }
    }

    pub fn of(i: &LocationInput, version: i32) -> Self {
        LocationForm {
            name: i.name.clone(),
            address: i.address.clone().unwrap_or_default(),
            users: i.users.text(),
            notes: i.notes.clone().unwrap_or_default(),
            version: version.to_string(),
        }
    }
}

/// The line form as posted; also the line's part of an import row.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct LineForm {
    pub purpose: String,
    pub down_mbps: String,
    pub up_mbps: String,
    pub line_type: String,
    pub ownership: String,
    pub provider: String,
    /// A checkbox: present when ticked.
    pub theoretical_max: Option<String>,
    pub yearly_cost: String,
    pub contract_expires: String,
    pub notice_days: String,
    pub notes: String,
    pub version: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LineInput {
    pub purpose: Option<String>,
    pub down_mbps: Option<Decimal>,
    /// Only where it differs from down.
    pub up_mbps: Option<Decimal>,
    pub line_type: LineType,
    pub ownership: Ownership,
    pub provider: Option<String>,
    pub theoretical_max: bool,
    pub yearly_cost: Option<Decimal>,
    pub contract_expires: Option<NaiveDate>,
    pub notice_days: Option<i32>,
    pub notes: Option<String>,
}

impl LineForm {
    pub fn validate(&self) -> Result<LineInput, FormErrors> {
        let mut errors = FormErrors::default();
        let mbps = |errors: &mut FormErrors, field: &'static str, v: &str| {
            if v.trim().is_empty() {
                return None;
            }
            Mbps::parse(v)
                .map(|m| m.0)
                .map_err(|e| errors.add(field, e))
                .ok()
        };
        let down = mbps(&mut errors, "down_mbps", &self.down_mbps);
        let mut up = mbps(&mut errors, "up_mbps", &self.up_mbps);
        if up.is_some() && down.is_none() {
            errors.add("down_mbps", Msg::new("lines-down-required"));
        }
        if up == down {
            up = None;
        }
        let line_type = LineType::parse(self.line_type.trim());
        if line_type.is_none() {
            errors.add("line_type", Msg::new("lines-type-required"));
        }
        let ownership = Ownership::parse(self.ownership.trim());
        if ownership.is_none() {
            errors.add("ownership", Msg::new("lines-ownership-required"));
        }
        let provider = trimmed(&self.provider);
        if ownership == Some(Ownership::Own) && provider.is_some() {
            errors.add("provider", Msg::new("lines-provider-only-leased"));
        }
        too_long(&mut errors, "purpose", &self.purpose, NAME_CHARS);
        too_long(&mut errors, "provider", &self.provider, NAME_CHARS);
        too_long(&mut errors, "notes", &self.notes, NOTES_CHARS);
        let yearly_cost = if self.yearly_cost.trim().is_empty() {
            None
        } else {
            Nok::parse(&self.yearly_cost)
                .map(|n| n.0)
                .map_err(|e| errors.add("yearly_cost", e))
                .ok()
        };
        let contract_expires = if self.contract_expires.trim().is_empty() {
            None
        } else {
            parse_date(&self.contract_expires)
                .map_err(|e| errors.add("contract_expires", e))
                .ok()
        };
        let notice_days = match self.notice_days.trim() {
            "" => None,
            t => match t.parse::<i32>() {
                Ok(n) if (0..=3650).contains(&n) => Some(n),
                _ => {
                    errors.add("notice_days", Msg::new("lines-notice-invalid"));
                    None
                }
            },
        };
        if notice_days.is_some() && self.contract_expires.trim().is_empty() {
            errors.add("contract_expires", Msg::new("lines-notice-needs-expiry"));
        }
        match (line_type, ownership) {
            (Some(line_type), Some(ownership)) if errors.is_empty() => Ok(LineInput {
                purpose: trimmed(&self.purpose),
                down_mbps: down,
                up_mbps: up,
                line_type,
                ownership,
                provider,
                theoretical_max: self.theoretical_max.is_some(),
                yearly_cost,
                contract_expires,
                notice_days,
                notes: trimmed(&self.notes),
            }),
            _ => Err(errors),
        }
    }

    pub fn of(i: &LineInput, version: i32) -> Self {
        let mbps = |d: Option<Decimal>| d.map(|d| Mbps(d).plain()).unwrap_or_default();
        LineForm {
            purpose: i.purpose.clone().unwrap_or_default(),
            down_mbps: mbps(i.down_mbps),
            up_mbps: mbps(i.up_mbps),
            line_type: i.line_type.code().into(),
            ownership: i.ownership.code().into(),
            provider: i.provider.clone().unwrap_or_default(),
            theoretical_max: i.theoretical_max.then(|| "on".into()),
            yearly_cost: i.yearly_cost.map(|c| Nok(c).plain()).unwrap_or_default(),
            contract_expires: i
                .contract_expires
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            notice_days: i.notice_days.map(|n| n.to_string()).unwrap_or_default(),
            notes: i.notes.clone().unwrap_or_default(),
            version: version.to_string(),
        }
    }

    /// A new line's form: fiber, owned by the municipality, the usual case in Vedlegg 3.
    pub fn blank() -> Self {
        LineForm {
            line_type: LineType::Fiber.code().into(),
            ownership: Ownership::Own.code().into(),
            ..LineForm::default()
        }
    }
}

/// A measure's link to a location, or to a place not (yet) in the inventory.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct LinkForm {
    pub location_id: String,
    pub place: String,
}

#[derive(Clone, Debug, PartialEq)]
pub enum LinkInput {
    Location(i64),
    Place(String),
}

impl LinkForm {
    pub fn validate(&self) -> Result<LinkInput, FormErrors> {
        let mut errors = FormErrors::default();
        let place = trimmed(&self.place);
        let location = self.location_id.trim().parse::<i64>().ok();
        too_long(&mut errors, "place", &self.place, NAME_CHARS);
        let out = match (location, place) {
            (Some(_), Some(_)) => {
                errors.add("place", Msg::new("lines-link-one"));
                None
            }
            (Some(id), None) => Some(LinkInput::Location(id)),
            (None, Some(p)) => Some(LinkInput::Place(p)),
            (None, None) => {
                errors.add("location_id", Msg::new("lines-link-required"));
                None
            }
        };
        match out {
            Some(o) if errors.is_empty() => Ok(o),
            _ => Err(errors),
        }
    }
}

/// What the audit log keeps of a location.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct LocationSnapshot {
    pub name: String,
    pub address: String,
    pub users: String,
    pub notes: String,
}

impl LocationSnapshot {
    pub fn of(i: &LocationInput) -> Self {
        LocationSnapshot {
            name: i.name.clone(),
            address: i.address.clone().unwrap_or_default(),
            users: i.users.text(),
            notes: i.notes.clone().unwrap_or_default(),
        }
    }
}

impl Audited for LocationSnapshot {
    const TABLE: Table = Table::Location;
    fn name(&self) -> String {
        self.name.clone()
    }
}

/// What the audit log keeps of a line; `location` names it in the log.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct LineSnapshot {
    pub location: String,
    pub purpose: String,
    pub capacity: String,
    pub line_type: String,
    pub ownership: String,
    pub provider: String,
    pub theoretical_max: bool,
    pub yearly_cost: String,
    pub contract_expires: String,
    pub notice_days: String,
    pub notes: String,
}

impl LineSnapshot {
    pub fn of(location: &str, i: &LineInput) -> Self {
        let mbps = |d: Decimal| Mbps(d).plain();
        LineSnapshot {
            location: location.to_string(),
            purpose: i.purpose.clone().unwrap_or_default(),
            capacity: match (i.down_mbps, i.up_mbps) {
                (Some(d), Some(u)) => format!("{}/{} Mbps", mbps(d), mbps(u)),
                (Some(d), None) => format!("{} Mbps", mbps(d)),
                _ => String::new(),
            },
            line_type: i.line_type.code().into(),
            ownership: i.ownership.code().into(),
            provider: i.provider.clone().unwrap_or_default(),
            theoretical_max: i.theoretical_max,
            yearly_cost: i
                .yearly_cost
                .map(|c| Nok(c).to_string())
                .unwrap_or_default(),
            contract_expires: i.contract_expires.map(format_date).unwrap_or_default(),
            notice_days: i.notice_days.map(|n| n.to_string()).unwrap_or_default(),
            notes: i.notes.clone().unwrap_or_default(),
        }
    }
}

impl Audited for LineSnapshot {
    const TABLE: Table = Table::Line;
    fn name(&self) -> String {
        match self.purpose.as_str() {
            "" => self.location.clone(),
            p => format!("{} ({p})", self.location),
        }
    }
}

/// The threshold form on the list.
#[derive(Deserialize, Default)]
pub struct ThresholdForm {
    #[serde(default)]
    pub threshold: String,
}

/// What the audit log keeps of a threshold change: a change of the municipality (the threshold
/// is the municipality's column), so it shows in the municipality's history.
#[derive(Serialize, Clone)]
pub struct ThresholdSnapshot {
    pub name: String,
    pub mbps_per_user_threshold: String,
}

impl Audited for ThresholdSnapshot {
    const TABLE: Table = Table::Municipality;
    fn name(&self) -> String {
        self.name.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::unlabelled_keys;

    #[test]
    fn every_key_of_the_threshold_snapshot_has_a_label_in_the_log() {
        let s = ThresholdSnapshot {
            name: "Ringebu kommune".into(),
            mbps_per_user_threshold: "1".into(),
        };
        assert!(unlabelled_keys(&s).is_empty());
    }

    fn line(f: impl FnOnce(&mut LineForm)) -> Result<LineInput, FormErrors> {
        let mut form = LineForm::blank();
        form.down_mbps = "100".into();
        f(&mut form);
        form.validate()
    }

    #[test]
    fn every_key_of_the_location_and_line_snapshots_has_a_label_in_the_log() {
        let l = LocationForm {
            name: "Ringebu rådhus".into(),
            users: "120".into(),
            ..LocationForm::default()
        };
        assert!(unlabelled_keys(&LocationSnapshot::of(&l.validate().unwrap())).is_empty());
        let n = line(|_| {}).unwrap();
        assert!(unlabelled_keys(&LineSnapshot::of("Ringebu rådhus", &n)).is_empty());
    }

    #[test]
    fn unknown_users_and_no_users_of_its_own_are_different_and_a_word_is_refused() {
        assert_eq!(Users::parse("").unwrap(), Users::Unknown);
        assert_eq!(Users::parse(" – ").unwrap(), Users::None);
        assert_eq!(Users::parse("-").unwrap(), Users::None);
        assert_eq!(Users::parse("1 200").unwrap(), Users::Count(1200));
        assert!(Users::parse("mange").unwrap_err().contains("«mange»"));
        assert!(Users::parse("-3").is_err());
    }

    #[test]
    fn a_line_needs_type_and_ownership_and_only_a_leased_line_has_a_provider() {
        let e = line(|f| {
            f.line_type = "kobber".into();
            f.ownership = String::new();
        })
        .unwrap_err();
        assert!(e.has("line_type") && e.has("ownership"));
        let e = line(|f| f.provider = "Eidsiva".into()).unwrap_err();
        assert!(e.has("provider"));
        let ok = line(|f| {
            f.ownership = "leased".into();
            f.provider = "Eidsiva".into();
            f.up_mbps = "100".into();
        })
        .unwrap();
        assert_eq!(ok.provider.as_deref(), Some("Eidsiva"));
        // Up equal to down is not a second figure.
        assert_eq!(ok.up_mbps, None);
    }

    #[test]
    fn capacity_cost_and_notice_are_read_as_norwegians_write_them() {
        let ok = line(|f| {
            f.down_mbps = "2,5 Mbps".into();
            f.yearly_cost = "kr 12 500".into();
            f.contract_expires = "31.12.2027".into();
            f.notice_days = "90".into();
        })
        .unwrap();
        assert_eq!(ok.down_mbps, Some(Decimal::new(25, 1)));
        assert_eq!(ok.yearly_cost, Some(Decimal::from(12_500)));
        assert_eq!(ok.notice_days, Some(90));
        let e = line(|f| {
            f.down_mbps = "rask".into();
            f.notice_days = "tre".into();
        })
        .unwrap_err();
        assert!(e.has("down_mbps") && e.has("notice_days"));
        let e = line(|f| f.notice_days = "90".into()).unwrap_err();
        assert!(
            e.has("contract_expires"),
            "a notice period needs the date it counts back from"
        );
    }

    #[test]
    fn a_measure_links_to_a_location_or_a_place_but_not_both() {
        let f = |l: &str, p: &str| LinkForm {
            location_id: l.into(),
            place: p.into(),
        };
        assert_eq!(f("7", "").validate().unwrap(), LinkInput::Location(7));
        assert_eq!(
            f("", " Ny fiber Fåvang ").validate().unwrap(),
            LinkInput::Place("Ny fiber Fåvang".into())
        );
        assert!(f("7", "x").validate().unwrap_err().has("place"));
        assert!(f("", "").validate().unwrap_err().has("location_id"));
    }
}
