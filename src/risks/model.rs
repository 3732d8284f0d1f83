//! Risk assessments and risks: inputs and the audit snapshots.

use serde::{Deserialize, Serialize};

use crate::audit::{Audited, Table};
use crate::domain::{RiskScale, parse_date};
use crate::i18n::Msg;
use crate::web::{FormErrors, FormPairs, form::trimmed};

/// A risk's treatment status. `Accepted` is set only by a leder with a reason, never by the
/// ordinary form.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RiskStatus {
    #[default]
    Open,
    Treating,
    Accepted,
    Closed,
}

impl RiskStatus {
    pub fn code(self) -> &'static str {
        match self {
            RiskStatus::Open => "open",
            RiskStatus::Treating => "treating",
            RiskStatus::Accepted => "accepted",
            RiskStatus::Closed => "closed",
        }
    }
}

/// A new assessment, already valid.
#[derive(Clone, Debug, Default)]
pub struct AssessmentInput {
    pub title: String,
    pub assessed_on: Option<chrono::NaiveDate>,
    pub scope: Option<String>,
    pub responsible_person_id: Option<i64>,
    pub restricted: bool,
}

/// The assessment title is unique within a municipality.
pub const ASSESSMENT_UNIQUE: &[(&str, &str, crate::i18n::Msg)] = &[(
    "risk_assessment_municipality_id_title_key",
    "title",
    crate::i18n::Msg::new("risks-title-taken"),
)];

const TITLE_MAX: usize = 300;
const SCOPE_MAX: usize = 5000;

/// The assessment form as submitted.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct AssessmentForm {
    pub title: String,
    pub assessed_on: String,
    pub scope: String,
    /// A person's id, or "".
    pub responsible: String,
    /// "on" when ticked.
    pub restricted: String,
    pub version: String,
}

impl AssessmentForm {
    /// `people` are the municipality's people the responsible is chosen among.
    pub fn validate(&self, people: &[(i64, String)]) -> Result<AssessmentInput, FormErrors> {
        let mut errors = FormErrors::default();
        let title = self.title.trim();
        if title.is_empty() {
            errors.add("title", Msg::new("risks-title-required"));
        } else if title.chars().count() > TITLE_MAX {
            errors.add(
                "title",
                Msg::with("risks-too-long", [("max", TITLE_MAX.into())]),
            );
        }
        if self.scope.trim().chars().count() > SCOPE_MAX {
            errors.add(
                "scope",
                Msg::with("risks-too-long", [("max", SCOPE_MAX.into())]),
            );
        }
        let assessed_on = match trimmed(&self.assessed_on) {
            None => None,
            Some(d) => match parse_date(&d) {
                Ok(d) => Some(d),
                Err(m) => {
                    errors.add("assessed_on", m);
                    None
                }
            },
        };
        let responsible_person_id = match self.responsible.trim() {
            "" => None,
            v => match v.parse::<i64>() {
                Ok(id) if people.iter().any(|(p, _)| *p == id) => Some(id),
                _ => {
                    errors.add("responsible", Msg::new("risks-choose-from-list"));
                    None
                }
            },
        };
        errors.finish(AssessmentInput {
            title: title.to_string(),
            assessed_on,
            scope: trimmed(&self.scope),
            responsible_person_id,
            restricted: !self.restricted.trim().is_empty(),
        })
    }
}

/// A new risk, already valid: S and K parsed, residual both or neither.
#[derive(Clone, Debug)]
pub struct RiskInput {
    pub number: Option<String>,
    pub description: String,
    pub category: Option<String>,
    pub likelihood: RiskScale,
    pub consequence: RiskScale,
    pub mitigation: Option<String>,
    pub owner_person_id: Option<i64>,
    pub residual: Option<(RiskScale, RiskScale)>,
    pub status: RiskStatus,
    pub next_review: Option<chrono::NaiveDate>,
    /// The systems and locations the risk concerns; `None` keeps them as saved (an import,
    /// whose file has no such columns).
    pub links: Option<RiskLinks>,
}

/// The municipality's systems and locations a risk concerns (ids checked against its own).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RiskLinks {
    pub systems: Vec<i64>,
    pub locations: Vec<i64>,
}

/// The risk form as submitted.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct RiskForm {
    pub number: String,
    pub description: String,
    pub category: String,
    pub likelihood: String,
    pub consequence: String,
    pub mitigation: String,
    /// A person's id, or "".
    pub owner: String,
    pub residual_likelihood: String,
    pub residual_consequence: String,
    /// open, treating or closed; accepted only through the leder's accept form.
    pub status: String,
    pub next_review: String,
    pub version: String,
    /// Ids of the ticked systems and locations (repeated fields, read by `from_pairs`).
    #[serde(skip)]
    pub systems: Vec<String>,
    #[serde(skip)]
    pub locations: Vec<String>,
}

fn scale(errors: &mut FormErrors, field: &'static str, v: &str) -> Option<RiskScale> {
    match RiskScale::parse(v) {
        Ok(s) => Some(s),
        Err(m) => {
            errors.add(field, m);
            None
        }
    }
}

fn check_len(errors: &mut FormErrors, field: &'static str, v: &str, max: usize) {
    if v.trim().chars().count() > max {
        errors.add(field, Msg::with("risks-too-long", [("max", max.into())]));
    }
}

/// The ids of `chosen` that are among `options`; any other is a message at `field`.
fn chosen_ids(
    errors: &mut FormErrors,
    field: &'static str,
    chosen: &[String],
    options: &[(i64, String)],
) -> Vec<i64> {
    let mut ids = Vec::new();
    for v in chosen.iter().map(|v| v.trim()).filter(|v| !v.is_empty()) {
        match v.parse::<i64>() {
            Ok(id) if options.iter().any(|(o, _)| *o == id) => {
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            _ => {
                if !errors.has(field) {
                    errors.add(field, Msg::new("risks-choose-from-list"));
                }
            }
        }
    }
    ids
}

impl RiskForm {
    /// The form from its fields, the repeated `systems` and `locations` included.
    pub fn from_pairs(p: &FormPairs) -> RiskForm {
        let f = |k: &str| p.first(k).to_string();
        RiskForm {
            number: f("number"),
            description: f("description"),
            category: f("category"),
            likelihood: f("likelihood"),
            consequence: f("consequence"),
            mitigation: f("mitigation"),
            owner: f("owner"),
            residual_likelihood: f("residual_likelihood"),
            residual_consequence: f("residual_consequence"),
            status: f("status"),
            next_review: f("next_review"),
            version: f("version"),
            systems: p.all("systems"),
            locations: p.all("locations"),
        }
    }

    /// The ordinary form: its systems and locations are chosen among `systems` and `locations`.
    pub fn validate_linked(
        &self,
        people: &[(i64, String)],
        systems: &[(i64, String)],
        locations: &[(i64, String)],
    ) -> Result<RiskInput, FormErrors> {
        let mut errors = FormErrors::default();
        let links = RiskLinks {
            systems: chosen_ids(&mut errors, "systems", &self.systems, systems),
            locations: chosen_ids(&mut errors, "locations", &self.locations, locations),
        };
        match self.validate(people) {
            Ok(mut input) if errors.is_empty() => {
                input.links = Some(links);
                Ok(input)
            }
            Ok(_) => Err(errors),
            Err(e) => {
                for (field, msg) in e.all() {
                    errors.add(field, msg.clone());
                }
                Err(errors)
            }
        }
    }

    pub fn validate(&self, people: &[(i64, String)]) -> Result<RiskInput, FormErrors> {
        self.validate_with(people, false)
    }

    /// `keep_accepted`: the risk is accepted and may stay so (an import of a row that keeps
    /// «Akseptert»); the ordinary form never sets it.
    pub fn validate_with(
        &self,
        people: &[(i64, String)],
        keep_accepted: bool,
    ) -> Result<RiskInput, FormErrors> {
        let mut errors = FormErrors::default();
        check_len(&mut errors, "number", &self.number, 20);
        if self.description.trim().is_empty() {
            errors.add("description", Msg::new("risks-description-required"));
        }
        check_len(&mut errors, "description", &self.description, 2000);
        check_len(&mut errors, "category", &self.category, 200);
        check_len(&mut errors, "mitigation", &self.mitigation, 5000);
        let likelihood = scale(&mut errors, "likelihood", &self.likelihood);
        let consequence = scale(&mut errors, "consequence", &self.consequence);
        let residual = match (
            self.residual_likelihood.trim().is_empty(),
            self.residual_consequence.trim().is_empty(),
        ) {
            (true, true) => None,
            (false, true) => {
                errors.add("residual_consequence", Msg::new("risks-residual-both"));
                None
            }
            (true, false) => {
                errors.add("residual_likelihood", Msg::new("risks-residual-both"));
                None
            }
            (false, false) => {
                let s = scale(
                    &mut errors,
                    "residual_likelihood",
                    &self.residual_likelihood,
                );
                let k = scale(
                    &mut errors,
                    "residual_consequence",
                    &self.residual_consequence,
                );
                s.zip(k)
            }
        };
        let status = match self.status.trim() {
            "" | "open" => RiskStatus::Open,
            "treating" => RiskStatus::Treating,
            "closed" => RiskStatus::Closed,
            "accepted" if keep_accepted => RiskStatus::Accepted,
            _ => {
                errors.add("status", Msg::new("risks-choose-from-list"));
                RiskStatus::Open
            }
        };
        let owner_person_id = match self.owner.trim() {
            "" => None,
            v => match v.parse::<i64>() {
                Ok(id) if people.iter().any(|(p, _)| *p == id) => Some(id),
                _ => {
                    errors.add("owner", Msg::new("risks-choose-from-list"));
                    None
                }
            },
        };
        let next_review = match trimmed(&self.next_review) {
            None => None,
            Some(d) => match parse_date(&d) {
                Ok(d) => Some(d),
                Err(m) => {
                    errors.add("next_review", m);
                    None
                }
            },
        };
        let (Some(likelihood), Some(consequence)) = (likelihood, consequence) else {
            return Err(errors);
        };
        errors.finish(RiskInput {
            number: trimmed(&self.number),
            description: self.description.trim().to_string(),
            category: trimmed(&self.category),
            likelihood,
            consequence,
            mitigation: trimmed(&self.mitigation),
            owner_person_id,
            residual,
            status,
            next_review,
            links: None,
        })
    }
}

/// The municipality's risk levels: RF up to `low_max` is low, up to `medium_max` medium,
/// above that high.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Levels {
    pub low_max: i16,
    pub medium_max: i16,
}

/// The levels form as submitted.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct LevelsForm {
    pub low_max: String,
    pub medium_max: String,
}

/// A whole number, or the message why not.
fn whole(v: &str) -> Result<i64, Msg> {
    let t = v.trim();
    if t.is_empty() {
        return Err(Msg::new("risks-levels-required"));
    }
    t.parse::<i64>()
        .map_err(|_| Msg::with("risks-levels-not-whole", [("input", t.into())]))
}

impl LevelsForm {
    /// 1 ≤ low < medium < 25, whole numbers: a medium band of at least one RF, and a high
    /// band that at least 25 (5 × 5) is in.
    pub fn validate(&self) -> Result<Levels, FormErrors> {
        let mut errors = FormErrors::default();
        let low = match whole(&self.low_max) {
            Ok(n) if (1..=23).contains(&n) => Some(n),
            Ok(_) => {
                errors.add("low_max", Msg::new("risks-levels-low-range"));
                None
            }
            Err(m) => {
                errors.add("low_max", m);
                None
            }
        };
        let medium = match whole(&self.medium_max) {
            Ok(n) if (2..=24).contains(&n) => Some(n),
            Ok(_) => {
                errors.add("medium_max", Msg::new("risks-levels-medium-range"));
                None
            }
            Err(m) => {
                errors.add("medium_max", m);
                None
            }
        };
        if let (Some(l), Some(m)) = (low, medium)
            && m <= l
        {
            errors.add(
                "medium_max",
                Msg::with("risks-levels-medium-above-low", [("low", l.into())]),
            );
        }
        match (low, medium) {
            (Some(l), Some(m)) if errors.is_empty() => Ok(Levels {
                low_max: l as i16,
                medium_max: m as i16,
            }),
            _ => Err(errors),
        }
    }
}

/// A change of the levels, audited as a change of the municipality (the levels are its
/// columns), so it shows in the municipality's history.
#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
pub struct LevelsSnapshot {
    pub name: String,
    pub risk_low_max: i16,
    pub risk_medium_max: i16,
}

impl Audited for LevelsSnapshot {
    const TABLE: Table = Table::Municipality;
    fn name(&self) -> String {
        self.name.clone()
    }
}

/// An assessment as the audit log keeps it.
#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
pub struct AssessmentSnapshot {
    pub title: String,
    pub assessed_on: Option<String>,
    pub scope: Option<String>,
    pub responsible: Option<String>,
    pub restricted: bool,
}

impl Audited for AssessmentSnapshot {
    const TABLE: Table = Table::RiskAssessment;
    fn name(&self) -> String {
        self.title.clone()
    }
}

/// A risk as the audit log keeps it. RF is not kept: it is S × K.
#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
pub struct RiskSnapshot {
    pub assessment: String,
    pub position: i32,
    pub number: Option<String>,
    pub description: String,
    pub category: Option<String>,
    pub likelihood: i16,
    pub consequence: i16,
    pub mitigation: Option<String>,
    pub owner: Option<String>,
    pub residual_likelihood: Option<i16>,
    pub residual_consequence: Option<i16>,
    pub status: String,
    /// The leder's acceptance: why, who and when (dd.mm.åååå kl. tt:mm), so the history shows
    /// it beside the status.
    pub accepted_reason: Option<String>,
    pub accepted_by: Option<String>,
    pub accepted_at: Option<String>,
    pub next_review: Option<String>,
    /// The systems' names, «; » between them.
    pub systems: Option<String>,
    /// How many locations; not their names, since the history of an unrestricted risk is
    /// public and the line inventory is not.
    pub locations: i64,
}

impl Audited for RiskSnapshot {
    const TABLE: Table = Table::Risk;
    fn name(&self) -> String {
        match &self.number {
            Some(n) => format!("{n} {}", self.description),
            None => self.description.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_snapshot_key_has_a_label_in_the_history() {
        assert!(crate::audit::unlabelled_keys(&AssessmentSnapshot::default()).is_empty());
        assert!(crate::audit::unlabelled_keys(&RiskSnapshot::default()).is_empty());
        assert!(crate::audit::unlabelled_keys(&LevelsSnapshot::default()).is_empty());
    }

    fn levels(low: &str, medium: &str) -> Result<Levels, FormErrors> {
        LevelsForm {
            low_max: low.into(),
            medium_max: medium.into(),
        }
        .validate()
    }

    #[test]
    fn levels_are_whole_numbers_with_one_at_most_low_below_medium_below_twenty_five() {
        assert_eq!(
            levels(" 4 ", "12").unwrap(),
            Levels {
                low_max: 4,
                medium_max: 12
            }
        );
        assert!(levels("1", "2").is_ok() && levels("23", "24").is_ok());
        for (low, medium, field) in [
            ("0", "12", "low_max"),
            ("24", "24", "low_max"),
            ("tre", "12", "low_max"),
            ("2,5", "12", "low_max"),
            ("", "12", "low_max"),
            ("4", "25", "medium_max"),
            ("4", "4", "medium_max"),
            ("8", "5", "medium_max"),
            ("4", "", "medium_max"),
        ] {
            let e = levels(low, medium).unwrap_err();
            assert!(e.has(field), "{low} {medium}: {e:?}");
        }
    }
}
