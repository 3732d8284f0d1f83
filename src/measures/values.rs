//! The measure form as submitted: strings, so a bad value is shown back as typed, and their
//! reading into a `MeasureInput`.
//!
//! Cost lines and schedule cells carry numbers in their field names (`cost_amount_3`,
//! `cell_2014_5`), so this form is read as pairs. Reading turns each value into its domain type
//! with a message at its field; `MeasureInput::check` then applies the rules every write path
//! shares.

use std::collections::BTreeMap;

use super::{
    model::{
        CellInput, CostInput, Financing, MeasureInput, MeasureSnapshot, Responsible, Status,
        outside_message,
    },
    read::{Options, describe_cells, describe_costs},
};
use crate::{
    domain::{Hours, Nok, format_date, parse_date},
    i18n::Msg,
    plan::model::Span,
    web::{FormErrors, form::trimmed},
};

/// More cost rows than this in one form is not a person typing.
const MAX_COST_ROWS: usize = 200;

#[derive(Clone, Debug, Default)]
pub struct CostRow {
    pub description: String,
    pub amount: String,
    /// The amount's note (`cost_note_N`): «20 år», «må utredes».
    pub note: String,
    pub financing: String,
    pub project: String,
    /// The line's remark (`cost_remark_N`).
    pub remark: String,
    pub amount_error: Option<Msg>,
    pub financing_error: Option<Msg>,
    pub project_error: Option<Msg>,
    pub remark_error: Option<Msg>,
}

impl CostRow {
    pub fn from_input(c: &CostInput) -> CostRow {
        CostRow {
            description: c.description.clone().unwrap_or_default(),
            amount: c.amount.map(|a| a.plain()).unwrap_or_default(),
            note: c.amount_note.clone().unwrap_or_default(),
            financing: c.financing.code().to_string(),
            project: c.financing_project.clone().unwrap_or_default(),
            remark: c.remark.clone().unwrap_or_default(),
            ..CostRow::default()
        }
    }

    pub fn is_blank(&self) -> bool {
        [
            &self.description,
            &self.amount,
            &self.note,
            &self.project,
            &self.remark,
        ]
        .iter()
        .all(|s| s.trim().is_empty())
            && matches!(self.financing.as_str(), "" | "unknown")
    }

    pub fn has_error(&self) -> bool {
        self.amount_error.is_some()
            || self.financing_error.is_some()
            || self.project_error.is_some()
            || self.remark_error.is_some()
    }

    /// The line as a cost, with its problems noted at its fields.
    fn read(&mut self) -> CostInput {
        let amount = trimmed(&self.amount).and_then(|a| match Nok::parse(&a) {
            Ok(n) => Some(n),
            Err(e) => {
                self.amount_error = Some(e);
                None
            }
        });
        let financing = match self.financing.trim() {
            "" => Financing::Unknown,
            code => Financing::parse(code).unwrap_or_else(|| {
                self.financing_error = Some(Msg::new("measure-financing-unknown-choice"));
                Financing::Unknown
            }),
        };
        let cost = CostInput {
            description: trimmed(&self.description),
            amount,
            amount_note: trimmed(&self.note),
            financing,
            financing_project: trimmed(&self.project),
            remark: trimmed(&self.remark),
        };
        use super::model::CostProblem::*;
        match cost.check() {
            Err(p @ (MissingProject | ProjectWithoutOtherProject))
                if self.financing_error.is_none() =>
            {
                self.project_error = Some(p.message())
            }
            Err(p @ RemarkTooLong) => self.remark_error = Some(p.message()),
            Err(p @ TooLong) => self.amount_error = Some(p.message()),
            _ => {}
        }
        cost
    }
}

#[derive(Clone, Debug, Default)]
pub struct CellValue {
    pub planned: bool,
    pub label: String,
}

#[derive(Clone, Debug, Default)]
pub struct Values {
    pub title: String,
    pub description: String,
    pub strategies: Vec<String>,
    pub responsible: String,
    pub responsible_text: String,
    pub hours: String,
    pub costs: BTreeMap<usize, CostRow>,
    pub cells: BTreeMap<(i32, i32), CellValue>,
    /// Schedule fields whose names are not a year and a period.
    pub bad_cells: Vec<String>,
    pub priority: bool,
    pub status: String,
    pub status_date: String,
    pub status_comment: String,
    pub depends_on: Vec<String>,
    pub version: String,
    /// The measure as it was when the form was loaded (JSON of the audit snapshot).
    pub base: String,
}

impl Values {
    /// The saved measure as the edit form shows it.
    pub fn from_input(input: &MeasureInput, version: i32, base: &MeasureSnapshot) -> Values {
        Values {
            title: input.title.clone(),
            description: input.description.clone().unwrap_or_default(),
            strategies: input.strategy_ids.iter().map(i64::to_string).collect(),
            responsible: input.responsible.key(),
            responsible_text: match &input.responsible {
                Responsible::Text(t) => t.clone(),
                _ => String::new(),
            },
            hours: input.hours.map(|h| h.plain()).unwrap_or_default(),
            costs: input
                .costs
                .iter()
                .map(CostRow::from_input)
                .enumerate()
                .collect(),
            cells: input
                .cells
                .iter()
                .map(|c| {
                    (
                        (c.year, c.period),
                        CellValue {
                            planned: true,
                            label: c.label.clone().unwrap_or_default(),
                        },
                    )
                })
                .collect(),
            bad_cells: Vec::new(),
            priority: input.priority,
            status: input.status.code().to_string(),
            status_date: input
                .status_date
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            status_comment: input.status_comment.clone().unwrap_or_default(),
            depends_on: input.depends_on.iter().map(i64::to_string).collect(),
            version: version.to_string(),
            base: serde_json::to_string(base).unwrap_or_default(),
        }
    }

    pub fn from_pairs(pairs: Vec<(String, String)>) -> Values {
        let mut v = Values::default();
        for (k, val) in pairs {
            match k.as_str() {
                "title" => v.title = val,
                "description" => v.description = val,
                "strategy" => v.strategies.push(val),
                "responsible" => v.responsible = val,
                "responsible_text" => v.responsible_text = val,
                "hours" => v.hours = val,
                "priority" => v.priority = true,
                "status" => v.status = val,
                "status_date" => v.status_date = val,
                "status_comment" => v.status_comment = val,
                "depends_on" => v.depends_on.push(val),
                "version" => v.version = val,
                "base" => v.base = val,
                _ => {
                    if let Some(rest) = k.strip_prefix("cost_") {
                        v.cost_field(rest, val);
                    } else if let Some(rest) = k.strip_prefix("cell_") {
                        match period_key(rest) {
                            Some(p) => v.cells.entry(p).or_default().planned = true,
                            None => v.bad_cells.push(k.clone()),
                        }
                    } else if let Some(rest) = k.strip_prefix("label_") {
                        match period_key(rest) {
                            Some(p) => v.cells.entry(p).or_default().label = val,
                            None if !val.trim().is_empty() => v.bad_cells.push(k.clone()),
                            None => {}
                        }
                    }
                }
            }
        }
        v
    }

    fn cost_field(&mut self, rest: &str, val: String) {
        let Some((name, n)) = rest.rsplit_once('_') else {
            return;
        };
        let Ok(n) = n.parse::<usize>() else { return };
        if n >= MAX_COST_ROWS {
            return;
        }
        let row = self.costs.entry(n).or_default();
        match name {
            "description" => row.description = val,
            "amount" => row.amount = val,
            "note" => row.note = val,
            "financing" => row.financing = val,
            "project" => row.project = val,
            "remark" => row.remark = val,
            _ => {}
        }
    }

    /// Reads the form into a measure. Problems become messages at their fields, all at once;
    /// a cost line's problems are also noted in its row, which is why this takes `&mut self`.
    pub fn validate(
        &mut self,
        span: Span,
        options: &Options,
        this: Option<i64>,
    ) -> Result<MeasureInput, FormErrors> {
        let mut errors = FormErrors::default();

        let mut strategy_ids = Vec::new();
        for s in &self.strategies {
            match s
                .trim()
                .parse::<i64>()
                .ok()
                .filter(|id| options.strategy_text(*id).is_some())
            {
                Some(id) if !strategy_ids.contains(&id) => strategy_ids.push(id),
                Some(_) => {}
                None if !errors.has("strategies") => {
                    errors.add("strategies", Msg::new("measure-strategy-not-found"))
                }
                None => {}
            }
        }

        let responsible = self.responsible(options, &mut errors);

        let hours = trimmed(&self.hours).and_then(|h| match Hours::parse(&h) {
            Ok(h) => Some(h),
            Err(e) => {
                errors.add("hours", e);
                None
            }
        });

        let mut costs = Vec::new();
        let mut bad_rows = Vec::new();
        for (i, row) in self
            .costs
            .values_mut()
            .filter(|r| !r.is_blank())
            .enumerate()
        {
            costs.push(row.read());
            if row.has_error() {
                bad_rows.push((i + 1).to_string());
            }
        }
        if !bad_rows.is_empty() {
            errors.add(
                "costs",
                Msg::with(
                    "measure-cost-rows-wrong",
                    [
                        ("count", bad_rows.len().into()),
                        ("rows", bad_rows.join(", ").into()),
                    ],
                ),
            );
        }

        let mut cells = Vec::new();
        for (&(year, period), c) in &self.cells {
            let label = trimmed(&c.label);
            if c.planned || label.is_some() {
                cells.push(CellInput {
                    year,
                    period,
                    label,
                });
            }
        }
        if !self.bad_cells.is_empty() {
            errors.add("schedule", outside_message(span, &self.bad_cells));
        }

        let status = Status::parse(self.status.trim()).unwrap_or_else(|| {
            errors.add("status", Msg::new("measure-status-unknown-choice"));
            Status::NotStarted
        });
        let status_date = trimmed(&self.status_date).and_then(|d| match parse_date(&d) {
            Ok(d) => Some(d),
            Err(e) => {
                errors.add("status_date", e);
                None
            }
        });

        let mut depends_on = Vec::new();
        for d in &self.depends_on {
            match d.trim().parse::<i64>().ok() {
                Some(id) if Some(id) == this => {
                    errors.add("depends_on", Msg::new("measure-depends-on-itself"))
                }
                Some(id) if depends_on.contains(&id) => {}
                Some(id) if options.measure_title(id).is_some() => depends_on.push(id),
                _ if !errors.has("depends_on") => {
                    errors.add("depends_on", Msg::new("measure-depends-not-found"))
                }
                _ => {}
            }
        }

        let input = MeasureInput {
            title: self.title.trim().to_string(),
            description: trimmed(&self.description),
            strategy_ids,
            responsible,
            hours,
            costs,
            cells,
            priority: self.priority,
            status,
            status_date,
            status_comment: trimmed(&self.status_comment),
            depends_on,
            predecessor_measure_id: None,
        };
        // The shared rules; a field that could not even be read keeps its first message.
        for (field, message) in input.check(span).all() {
            if !errors.has(field) {
                errors.add(field, message.clone());
            }
        }
        errors.finish(input)
    }

    fn responsible(&self, options: &Options, errors: &mut FormErrors) -> Responsible {
        let chosen = self.responsible.trim();
        let text = trimmed(&self.responsible_text);
        let picked = if chosen.is_empty() {
            Some(Responsible::Nobody)
        } else {
            let parsed = match chosen.split_once(':') {
                Some(("person", id)) => id
                    .parse()
                    .ok()
                    .filter(|id| options.person_name(*id).is_some())
                    .map(Responsible::Person),
                Some(("unit", id)) => id
                    .parse()
                    .ok()
                    .filter(|id| options.unit_name(*id).is_some())
                    .map(Responsible::Unit),
                _ => None,
            };
            if parsed.is_none() {
                errors.add("responsible", Msg::new("measure-responsible-not-found"));
            }
            parsed
        };
        match (picked, text) {
            (Some(Responsible::Nobody), Some(t)) => Responsible::Text(t),
            (Some(r), None) => r,
            (Some(_), Some(_)) => {
                errors.add("responsible", Msg::new("measure-responsible-both"));
                Responsible::Nobody
            }
            (None, _) => Responsible::Nobody,
        }
    }
}

/// "2014_3" → (2014, 3)
fn period_key(s: &str) -> Option<(i32, i32)> {
    let (y, p) = s.split_once('_')?;
    Some((y.parse().ok()?, p.parse().ok()?))
}

/// The measure as the audit snapshot would show it, computed from the input, so a refused save
/// can say which fields differ from what is saved now.
pub fn snapshot_of_input(input: &MeasureInput, span: Span, options: &Options) -> MeasureSnapshot {
    let mut strategy_ids = input.strategy_ids.clone();
    strategy_ids.sort();
    let strategies: Vec<&str> = strategy_ids
        .iter()
        .filter_map(|id| options.strategy_text(*id))
        .collect();
    let responsible = match &input.responsible {
        Responsible::Nobody => String::new(),
        Responsible::Person(id) => options.person_name(*id).unwrap_or_default().to_string(),
        Responsible::Unit(id) => options.unit_name(*id).unwrap_or_default().to_string(),
        Responsible::Text(t) => t.clone(),
    };
    let mut deps: Vec<&str> = input
        .depends_on
        .iter()
        .filter_map(|id| options.measure_title(*id))
        .collect();
    deps.sort();
    MeasureSnapshot {
        title: input.title.trim().to_string(),
        description: input.description.clone().unwrap_or_default(),
        strategies: strategies.join("; "),
        responsible,
        hours: input.hours.map(|h| h.plain()).unwrap_or_default(),
        costs: describe_costs(&input.costs),
        schedule: describe_cells(span, &input.cells),
        priority: input.priority,
        status: input.status.label().to_string(),
        status_date: input.status_date.map(format_date).unwrap_or_default(),
        status_comment: input.status_comment.clone().unwrap_or_default(),
        depends_on: deps.join("; "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measures::read::{Choice, GoalAreaOption, PersonOption};

    fn span() -> Span {
        Span::new(2014, 2016)
    }

    fn options() -> Options {
        Options {
            goal_areas: vec![GoalAreaOption {
                name: "Mål".into(),
                strategies: vec![Choice {
                    id: 7,
                    label: "Strategi".into(),
                }],
            }],
            people: vec![PersonOption {
                id: 3,
                name: "Kari".into(),
                title: None,
            }],
            units: vec![Choice {
                id: 4,
                label: "Skole".into(),
            }],
            measures: vec![Choice {
                id: 9,
                label: "Mini-ROS".into(),
            }],
        }
    }

    fn pairs(p: &[(&str, &str)]) -> Values {
        Values::from_pairs(
            p.iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    #[test]
    fn a_label_without_the_checkbox_counts_as_planned_and_periods_outside_the_plan_are_refused() {
        let mut v = pairs(&[
            ("title", "T"),
            ("strategy", "7"),
            ("status", "not_started"),
            ("cell_2014_3", "on"),
            ("label_2015_2", "innføring"),
            ("label_2015_1", ""),
        ]);
        let input = v.validate(span(), &options(), None).unwrap();
        assert_eq!(
            input.cells,
            vec![
                CellInput {
                    year: 2014,
                    period: 3,
                    label: None
                },
                CellInput {
                    year: 2015,
                    period: 2,
                    label: Some("innføring".into())
                }
            ]
        );
        let mut v = pairs(&[
            ("title", "T"),
            ("status", "not_started"),
            ("cell_2015_5", "on"),
        ]);
        let errors = v.validate(span(), &options(), None).unwrap_err();
        assert!(errors.get("schedule").unwrap().contains("2015 periode 5"));
    }

    #[test]
    fn a_person_and_a_role_together_is_refused_and_unknown_ids_get_messages() {
        let mut v = pairs(&[
            ("title", "T"),
            ("strategy", "8"),
            ("responsible", "person:3"),
            ("responsible_text", "Systemeier"),
            ("status", "done"),
            ("depends_on", "10"),
        ]);
        let errors = v.validate(span(), &options(), Some(9)).unwrap_err();
        assert!(errors.get("responsible").unwrap().contains("ikke begge"));
        assert!(errors.has("strategies"));
        assert!(errors.has("depends_on"));
        // A finished measure's date is optional (the rule changed on purpose: one rule
        // everywhere, see MeasureInput::check).
        assert!(!errors.has("status_date"));
    }

    #[test]
    fn a_measure_without_a_strategy_and_a_finished_one_without_a_date_are_saved() {
        let mut v = pairs(&[("title", "Systematisk evaluering"), ("status", "done")]);
        let input = v.validate(span(), &options(), None).unwrap();
        assert!(input.strategy_ids.is_empty());
        assert_eq!((input.status, input.status_date), (Status::Done, None));
    }

    #[test]
    fn empty_cost_rows_are_skipped_and_a_project_is_required_for_other_project() {
        let mut v = pairs(&[
            ("title", "T"),
            ("strategy", "7"),
            ("status", "not_started"),
            ("cost_description_0", "Lisens"),
            ("cost_amount_0", "34 984"),
            ("cost_financing_0", "current_budget"),
            ("cost_description_1", ""),
            ("cost_financing_1", "unknown"),
            ("cost_financing_2", "other_project"),
        ]);
        let errors = v.validate(span(), &options(), None).unwrap_err();
        assert!(errors.get("costs").unwrap().contains("Kostnadslinje 2"));
        assert!(v.costs[&2].project_error.is_some());
        let costs: Vec<CostInput> = v
            .costs
            .values_mut()
            .filter(|r| !r.is_blank())
            .map(CostRow::read)
            .collect();
        assert_eq!(costs.len(), 2);
        assert_eq!(costs[0].amount, Some(Nok::parse("34984").unwrap()));
    }
}
