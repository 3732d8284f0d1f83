//! The strategy document's forms and rules (the document, its goal areas, their strategies) and
//! how the audit log keeps each.

use serde::{Deserialize, Serialize};

use super::read::Document;
use crate::{
    audit::{Audited, Table},
    domain::parse_year,
    i18n::{Msg, k},
    web::{FormErrors, form::trimmed},
};

/// A position: a whole number from 1.
pub fn parse_position(s: &str) -> Option<i32> {
    s.trim()
        .parse::<i32>()
        .ok()
        .filter(|p| (1..=9999).contains(p))
}

/// One key measure per line; blank lines dropped.
pub fn parse_lines(s: &str) -> Vec<String> {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// What the audit log keeps of a strategy document.
#[derive(Serialize, Debug, PartialEq)]
pub struct DocumentSnapshot {
    pub title: String,
    pub period_start: i32,
    pub period_end: i32,
    pub adopted_note: String,
    pub vision: String,
    pub main_goal: String,
    pub main_goal_text: String,
}

impl Audited for DocumentSnapshot {
    const TABLE: Table = Table::StrategyDocument;
    fn name(&self) -> String {
        self.title.clone()
    }
}

#[derive(Default, Deserialize)]
pub struct DocumentForm {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub period_start: String,
    #[serde(default)]
    pub period_end: String,
    #[serde(default)]
    pub adopted_note: String,
    #[serde(default)]
    pub vision: String,
    #[serde(default)]
    pub main_goal: String,
    #[serde(default)]
    pub main_goal_text: String,
    #[serde(default)]
    pub version: String,
}

impl DocumentForm {
    pub fn of(d: &Document) -> Self {
        DocumentForm {
            title: d.title.clone(),
            period_start: d.period_start.to_string(),
            period_end: d.period_end.to_string(),
            adopted_note: d.adopted_note.clone().unwrap_or_default(),
            vision: d.vision.clone(),
            main_goal: d.main_goal.clone(),
            main_goal_text: d.main_goal_text.clone(),
            version: d.version.to_string(),
        }
    }

    pub fn validate(&self) -> Result<DocumentSnapshot, FormErrors> {
        let mut errors = FormErrors::default();
        let title = trimmed(&self.title);
        if title.is_none() {
            errors.add("title", Msg::new("strategy-title-required"));
        }
        let start = parse_year(&self.period_start);
        if start.is_none() {
            errors.add("period_start", Msg::new("strategy-start-year-wrong"));
        }
        let end = parse_year(&self.period_end);
        if end.is_none() {
            errors.add("period_end", Msg::new("strategy-end-year-wrong"));
        }
        if let (Some(s), Some(e)) = (start, end)
            && e < s
        {
            errors.add("period_end", Msg::new("strategy-end-before-start"));
        }
        let vision = trimmed(&self.vision);
        if vision.is_none() {
            errors.add("vision", Msg::new("strategy-vision-required"));
        }
        let main_goal = trimmed(&self.main_goal);
        if main_goal.is_none() {
            errors.add("main_goal", Msg::new("strategy-main-goal-required"));
        }
        match (title, start, end, vision, main_goal) {
            (Some(title), Some(period_start), Some(period_end), Some(vision), Some(main_goal))
                if errors.is_empty() =>
            {
                Ok(DocumentSnapshot {
                    title,
                    period_start,
                    period_end,
                    adopted_note: self.adopted_note.trim().to_string(),
                    vision,
                    main_goal,
                    main_goal_text: self.main_goal_text.trim().to_string(),
                })
            }
            _ => Err(errors),
        }
    }
}

/// The stored values that differ from what the user typed, for the conflict message: (catalog
/// key of the field's label, stored value; empty when the stored field is empty).
pub fn conflicting_fields(form: &DocumentForm, now: &Document) -> Vec<(&'static str, String)> {
    let stored = DocumentForm::of(now);
    [
        (k("strategy-field-title"), &form.title, stored.title),
        (
            k("strategy-field-period-start"),
            &form.period_start,
            stored.period_start,
        ),
        (
            k("strategy-field-period-end"),
            &form.period_end,
            stored.period_end,
        ),
        (
            k("strategy-field-adopted"),
            &form.adopted_note,
            stored.adopted_note,
        ),
        (k("strategy-field-vision"), &form.vision, stored.vision),
        (
            k("strategy-field-main-goal"),
            &form.main_goal,
            stored.main_goal,
        ),
        (
            k("strategy-field-main-goal-text"),
            &form.main_goal_text,
            stored.main_goal_text,
        ),
    ]
    .into_iter()
    .filter(|(_, typed, stored)| typed.trim() != stored.trim())
    .map(|(label, _, stored)| (label, stored.trim().to_string()))
    .collect()
}

#[derive(Serialize)]
pub struct GoalAreaSnapshot {
    pub document: String,
    pub position: i32,
    pub name: String,
    pub goal_statement: String,
}

#[derive(Default, Deserialize)]
pub struct GoalAreaForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub goal_statement: String,
    #[serde(default)]
    pub position: String,
}

pub struct ValidGoalArea {
    pub name: String,
    pub goal_statement: String,
    pub position: i32,
}

impl GoalAreaForm {
    pub fn validate(&self) -> Result<ValidGoalArea, FormErrors> {
        let mut errors = FormErrors::default();
        let name = trimmed(&self.name);
        if name.is_none() {
            errors.add("name", Msg::new("strategy-goal-area-name-required"));
        }
        let position = parse_position(&self.position);
        if position.is_none() {
            errors.add("position", Msg::new("strategy-position-wrong"));
        }
        // One bullet per line: keep the lines, drop blank ones and stray spaces.
        let goal_statement = parse_lines(&self.goal_statement).join("\n");
        match (name, position) {
            (Some(name), Some(position)) => Ok(ValidGoalArea {
                name,
                goal_statement,
                position,
            }),
            _ => Err(errors),
        }
    }
}

impl Audited for GoalAreaSnapshot {
    const TABLE: Table = Table::GoalArea;
    fn name(&self) -> String {
        self.name.clone()
    }
}

#[derive(Serialize)]
pub struct StrategySnapshot {
    pub goal_area: String,
    pub position: i32,
    pub text: String,
    pub key_measures: String,
}

impl Audited for StrategySnapshot {
    const TABLE: Table = Table::Strategy;
    fn name(&self) -> String {
        self.text.clone()
    }
}

#[derive(Default, Deserialize)]
pub struct StrategyForm {
    #[serde(default)]
    pub goal_area_id: String,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub key_measures: String,
    #[serde(default)]
    pub position: String,
}

pub struct ValidStrategy {
    pub goal_area_id: i64,
    pub goal_area: String,
    pub text: String,
    pub key_measures: Vec<String>,
    pub position: i32,
}

impl ValidStrategy {
    pub fn snapshot(&self) -> StrategySnapshot {
        StrategySnapshot {
            goal_area: self.goal_area.clone(),
            position: self.position,
            text: self.text.clone(),
            key_measures: self.key_measures.join("; "),
        }
    }
}

impl StrategyForm {
    /// `areas`: the document's goal areas (id, name), one of which the strategy belongs to.
    pub fn validate(&self, areas: &[(i64, String)]) -> Result<ValidStrategy, FormErrors> {
        let mut errors = FormErrors::default();
        let area = self
            .goal_area_id
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(|id| areas.iter().find(|(a, _)| *a == id));
        if area.is_none() {
            errors.add("goal_area_id", Msg::new("strategy-goal-area-required"));
        }
        let text = trimmed(&self.text);
        if text.is_none() {
            errors.add("text", Msg::new("strategy-text-required"));
        }
        let position = parse_position(&self.position);
        if position.is_none() {
            errors.add("position", Msg::new("strategy-position-wrong"));
        }
        match (area, text, position) {
            (Some((goal_area_id, goal_area)), Some(text), Some(position)) => Ok(ValidStrategy {
                goal_area_id: *goal_area_id,
                goal_area: goal_area.clone(),
                text,
                key_measures: parse_lines(&self.key_measures),
                position,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_of_the_strategy_snapshots_has_a_label_in_the_log() {
        use crate::audit::unlabelled_keys;
        let doc = DocumentSnapshot {
            title: "IKT-strategi".into(),
            period_start: 2013,
            period_end: 2018,
            adopted_note: String::new(),
            vision: String::new(),
            main_goal: String::new(),
            main_goal_text: String::new(),
        };
        let area = GoalAreaSnapshot {
            document: String::new(),
            position: 1,
            name: String::new(),
            goal_statement: String::new(),
        };
        let strategy = StrategySnapshot {
            goal_area: String::new(),
            position: 1,
            text: String::new(),
            key_measures: String::new(),
        };
        assert!(unlabelled_keys(&doc).is_empty());
        assert!(unlabelled_keys(&area).is_empty());
        assert!(unlabelled_keys(&strategy).is_empty());
    }

    #[test]
    fn years_need_four_digits_and_positions_start_at_one() {
        assert_eq!(parse_year(" 2013 "), Some(2013));
        assert_eq!(parse_year("13"), None);
        assert_eq!(parse_year("20133"), None);
        assert_eq!(parse_year("2O13"), None);
        assert_eq!(parse_position("0"), None);
        assert_eq!(parse_position("3"), Some(3));
    }
}
