//! Checking the rows of an uploaded sheet: every value parsed, every rule of `MeasureInput::check`
//! applied, rows of one measure under several strategies merged, every problem collected.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{
    MAX_ROWS, ORPHAN_GOAL, ORPHAN_STRATEGY,
    columns::{Col, as_year, fixed_column, normalize, period_column},
    cost_text::{StagedCost, parse_costs},
    sheet::Table,
};
use crate::{
    domain::{Hours, parse_date},
    error::AppResult,
    measures::model::{CellInput, MeasureInput, Responsible, Status},
    plan::{model::Span, read::PlanData},
    web::form::trimmed,
};

/// A validated measure waiting for confirmation: exactly what `insert_measure` will get.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(super) struct Staged {
    pub title: String,
    pub description: Option<String>,
    pub strategy_ids: Vec<i64>,
    /// person, unit, text as `Responsible::columns` gives them.
    pub responsible: (Option<i64>, Option<i64>, Option<String>),
    pub hours: Option<Hours>,
    pub costs: Vec<StagedCost>,
    pub cells: Vec<(i32, i32, Option<String>)>,
    pub priority: bool,
    pub status: Status,
    pub status_date: Option<NaiveDate>,
    pub status_comment: Option<String>,
}

impl Staged {
    pub fn input(&self) -> MeasureInput {
        let (p, u, t) = self.responsible.clone();
        MeasureInput {
            title: self.title.clone(),
            description: self.description.clone(),
            strategy_ids: self.strategy_ids.clone(),
            responsible: Responsible::from_columns(p, u, t),
            hours: self.hours,
            costs: self.costs.iter().map(StagedCost::input).collect(),
            cells: self
                .cells
                .iter()
                .map(|(year, period, label)| CellInput {
                    year: *year,
                    period: *period,
                    label: label.clone(),
                })
                .collect(),
            priority: self.priority,
            status: self.status,
            status_date: self.status_date,
            status_comment: self.status_comment.clone(),
            depends_on: Vec::new(),
            predecessor_measure_id: None,
        }
    }

    /// The fields two rows of the same measure disagree on.
    fn differences(&self, other: &Staged) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.description != other.description {
            out.push("beskrivelse");
        }
        if self.hours != other.hours {
            out.push("timer");
        }
        if self.costs != other.costs {
            out.push("kostnad");
        }
        if self.responsible != other.responsible {
            out.push("ansvar");
        }
        if self.status != other.status || self.status_date != other.status_date {
            out.push("status");
        }
        if self.status_comment != other.status_comment {
            out.push("statuskommentar");
        }
        if self.priority != other.priority {
            out.push("prioritert");
        }
        if self.cells != other.cells {
            out.push("framdrift");
        }
        out
    }
}

/// What the rows are checked against: the plan's periods and strategies, the municipality's
/// people and units.
pub(super) struct Lookup {
    pub start: i32,
    pub end: i32,
    pub strategies: Vec<(i64, String)>,
    pub group_rows: HashSet<String>,
    pub people: Vec<(i64, String)>,
    pub units: Vec<(i64, String, Option<String>)>,
    pub existing_titles: HashSet<String>,
}

impl Lookup {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }

    pub async fn load(db: &sqlx::PgPool, m: i64, plan: &PlanData) -> AppResult<Lookup> {
        let people = sqlx::query!(
            r#"select person_id, name from person where municipality_id = $1 order by person_id"#,
            m
        )
        .fetch_all(db)
        .await?
        .into_iter()
        .map(|r| (r.person_id, r.name))
        .collect();
        let units = sqlx::query!(r#"select unit_id, name, short_name from unit where municipality_id = $1 order by unit_id"#, m)
            .fetch_all(db)
            .await?
            .into_iter()
            .map(|r| (r.unit_id, r.name, r.short_name))
            .collect();
        Ok(Lookup::new(plan, people, units))
    }

    fn new(
        plan: &PlanData,
        people: Vec<(i64, String)>,
        units: Vec<(i64, String, Option<String>)>,
    ) -> Lookup {
        let strategies: Vec<(i64, String)> = plan
            .goal_areas
            .iter()
            .flat_map(|g| &g.strategies)
            .map(|s| (s.strategy_id, s.text.clone()))
            .collect();
        let mut group_rows: HashSet<String> =
            plan.goal_areas.iter().map(|g| normalize(&g.name)).collect();
        group_rows.extend(strategies.iter().map(|(_, t)| normalize(t)));
        group_rows.insert(normalize(ORPHAN_GOAL));
        group_rows.insert(normalize(ORPHAN_STRATEGY));
        Lookup {
            start: plan.head.start_year,
            end: plan.head.end_year,
            strategies,
            group_rows,
            people,
            units,
            existing_titles: plan.measures.iter().map(|m| normalize(&m.title)).collect(),
        }
    }

    fn strategy(&self, text: &str) -> Option<i64> {
        let t = text.trim();
        self.strategies
            .iter()
            .find(|(_, s)| s.trim() == t)
            .or_else(|| {
                self.strategies
                    .iter()
                    .find(|(_, s)| normalize(s) == normalize(t))
            })
            .map(|(id, _)| *id)
    }

    pub fn strategy_text(&self, id: i64) -> &str {
        self.strategies
            .iter()
            .find(|(s, _)| *s == id)
            .map(|(_, t)| t.as_str())
            .unwrap_or("")
    }

    fn responsible(&self, text: &str) -> Responsible {
        let t = normalize(text);
        if t.is_empty() {
            return Responsible::Nobody;
        }
        if let Some((id, _)) = self.people.iter().find(|(_, n)| normalize(n) == t) {
            return Responsible::Person(*id);
        }
        if let Some((id, _, _)) = self.units.iter().find(|(_, n, short)| {
            normalize(n) == t || short.as_deref().is_some_and(|s| normalize(s) == t)
        }) {
            return Responsible::Unit(*id);
        }
        Responsible::Text(text.trim().to_string())
    }

    /// (label, what it is) for the preview.
    pub fn responsible_label(
        &self,
        r: &(Option<i64>, Option<i64>, Option<String>),
    ) -> (String, &'static str) {
        match r {
            (Some(p), _, _) => (
                self.people
                    .iter()
                    .find(|(id, _)| id == p)
                    .map(|(_, n)| n.clone())
                    .unwrap_or_default(),
                "person",
            ),
            (_, Some(u), _) => (
                self.units
                    .iter()
                    .find(|(id, _, _)| id == u)
                    .map(|(_, n, _)| n.clone())
                    .unwrap_or_default(),
                "enhet",
            ),
            (_, _, Some(t)) => (t.clone(), "fritekst"),
            _ => (String::new(), ""),
        }
    }
}

#[derive(Debug, Clone)]
pub struct RowError {
    pub row: Option<usize>,
    pub message: String,
}

impl RowError {
    pub fn text(&self) -> String {
        match self.row {
            Some(r) => format!("Rad {r}: {}", self.message),
            None => self.message.clone(),
        }
    }
}

pub(super) struct Checked {
    pub measures: Vec<Staged>,
    /// The first row of each measure, for the preview.
    pub rows: Vec<usize>,
    pub errors: Vec<RowError>,
}

fn parse_status(text: &str) -> Result<(Status, Option<NaiveDate>), String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok((Status::NotStarted, None));
    }
    if let Some(s) = Status::parse_any(t) {
        return Ok((s, None));
    }
    // «Utført 05.12.2013», as the Excel export writes a finished measure.
    let dated = t
        .rsplit_once(' ')
        .and_then(|(label, date)| Some((Status::parse_any(label)?, parse_date(date).ok()?)));
    if let Some((s, d)) = dated {
        return Ok((s, Some(d)));
    }
    Err(format!(
        "Ukjent status «{t}». Bruk Ikke startet, Pågår, Utført, Utsatt eller Avbrutt."
    ))
}

fn parse_priority(text: &str) -> Result<bool, String> {
    match normalize(text).as_str() {
        "" | "nei" | "0" | "false" | "usann" => Ok(false),
        "ja" | "x" | "1" | "true" | "sann" | "prioritert" => Ok(true),
        _ => Err(format!(
            "Prioritert må være «Ja» eller tom, ikke «{}».",
            text.trim()
        )),
    }
}

/// Reads the header, then every row; merges rows of the same measure; collects every error.
pub(super) fn check(table: &Table, lookup: &Lookup) -> Checked {
    let mut out = Checked {
        measures: Vec::new(),
        rows: Vec::new(),
        errors: Vec::new(),
    };
    let header_at = table.rows.iter().take(20).position(|(_, cells)| {
        cells
            .iter()
            .any(|c| matches!(normalize(c).as_str(), "tiltak" | "handlingsplan"))
    });
    let Some(header_at) = header_at else {
        out.errors.push(RowError {
            row: None,
            message: "Fant ingen overskriftsrad. Første rad må ha kolonnenavnene, blant annet «Tiltak» og «Strategi».".into(),
        });
        return out;
    };
    let (header_row, header) = &table.rows[header_at];
    let above = header_at.checked_sub(1).map(|i| &table.rows[i].1);
    let year_above = |col: usize| -> Option<i32> {
        let above = above?;
        (0..=col)
            .rev()
            .map(|c| above.get(c).map(String::as_str).unwrap_or(""))
            .find(|t| !t.is_empty())
            .and_then(as_year)
    };

    let mut columns: Vec<(usize, Col)> = Vec::new();
    for (i, name) in header.iter().enumerate() {
        if name.trim().is_empty() {
            continue;
        }
        let col = match fixed_column(&normalize(name)) {
            Some(c) => Ok(c),
            None => period_column(name, year_above(i), lookup.start, lookup.end),
        };
        match col {
            Ok(c) if columns.iter().any(|(_, x)| *x == c) => out.errors.push(RowError {
                row: Some(*header_row),
                message: format!("Kolonnen «{}» står to ganger.", name.trim()),
            }),
            Ok(c) => columns.push((i, c)),
            Err(message) => out.errors.push(RowError {
                row: Some(*header_row),
                message,
            }),
        }
    }
    if !columns.iter().any(|(_, c)| *c == Col::Strategy) {
        out.errors.push(RowError {
            row: Some(*header_row),
            message: "Fant ikke kolonnen «Strategi».".into(),
        });
    }

    let mut by_title: HashMap<String, usize> = HashMap::new();
    for (row, cells) in &table.rows[header_at + 1..] {
        let get = |c: Col| -> &str {
            columns
                .iter()
                .find(|(_, x)| *x == c)
                .and_then(|(i, _)| cells.get(*i))
                .map(|s| s.trim())
                .unwrap_or("")
        };
        if columns
            .iter()
            .all(|(i, _)| cells.get(*i).is_none_or(|v| v.trim().is_empty()))
        {
            continue;
        }
        let title = get(Col::Title);
        // The goal-area and strategy rows of the Excel layout carry only a heading.
        let heading_only = columns
            .iter()
            .filter(|(_, c)| *c != Col::Title)
            .all(|(i, _)| cells.get(*i).is_none_or(|v| v.trim().is_empty()));
        if heading_only && lookup.group_rows.contains(&normalize(title)) {
            continue;
        }
        if out.measures.len() >= MAX_ROWS {
            out.errors.push(RowError {
                row: Some(*row),
                message: format!("Filen har for mange tiltak (høyst {MAX_ROWS})."),
            });
            break;
        }

        let mut errors: Vec<String> = Vec::new();
        if title.is_empty() {
            errors.push("Tiltaket mangler tittel (kolonnen «Tiltak» er tom).".into());
        }
        let strategy_text = get(Col::Strategy);
        let strategy = if strategy_text.is_empty() {
            None
        } else {
            match lookup.strategy(strategy_text) {
                Some(id) => Some(id),
                None => {
                    errors.push(format!("Ukjent strategi «{strategy_text}». Strategien må stå slik den står i planens IKT-strategi."));
                    None
                }
            }
        };
        let hours = match get(Col::Hours) {
            "" => None,
            h => Hours::parse(h)
                .map_err(|e| errors.push(format!("Timer: {e}")))
                .ok(),
        };
        let costs = parse_costs(get(Col::Cost)).unwrap_or_else(|e| {
            errors.push(format!("Kostnad: {e}"));
            Vec::new()
        });
        let responsible_text = get(Col::Responsible);
        if responsible_text.chars().count() > 200 {
            errors.push("Ansvar kan ha høyst 200 tegn.".into());
        }
        let (status, mut status_date) = parse_status(get(Col::Status)).unwrap_or_else(|e| {
            errors.push(e);
            (Status::NotStarted, None)
        });
        match get(Col::StatusDate) {
            "" => {}
            d => match parse_date(d) {
                Ok(d) => status_date = Some(d),
                Err(e) => errors.push(format!("Statusdato: {e}")),
            },
        }
        let status_comment = trimmed(get(Col::StatusComment));
        let description = trimmed(get(Col::Description));
        let priority = parse_priority(get(Col::Priority)).unwrap_or_else(|e| {
            errors.push(e);
            false
        });
        let mut cells_out = Vec::new();
        for (i, c) in &columns {
            let Col::Period(year, period) = c else {
                continue;
            };
            let v = cells.get(*i).map(|s| s.trim()).unwrap_or("");
            match v {
                "" => {}
                "x" | "X" | "■" => cells_out.push((*year, *period, None)),
                label if label.chars().count() > 100 => errors.push(format!(
                    "Teksten i periodekolonnen {year} kan ha høyst 100 tegn."
                )),
                label => cells_out.push((*year, *period, Some(label.to_string()))),
            }
        }
        cells_out.sort_by_key(|(y, p, _)| (*y, *p));

        let staged = Staged {
            title: title.split_whitespace().collect::<Vec<_>>().join(" "),
            description,
            strategy_ids: strategy.into_iter().collect(),
            responsible: lookup.responsible(responsible_text).columns(),
            hours,
            costs,
            cells: cells_out,
            priority,
            status,
            status_date,
            status_comment,
        };
        // The rules every measure meets, as the form and the progress row apply them.
        for (field, message) in staged.input().check(lookup.span()).all() {
            if !(*field == "title" && title.is_empty()) {
                errors.push(message.clone());
            }
        }
        if !errors.is_empty() {
            out.errors
                .extend(errors.into_iter().map(|message| RowError {
                    row: Some(*row),
                    message,
                }));
            continue;
        }
        // One measure under several strategies is written as one row per strategy.
        let key = normalize(&staged.title);
        match by_title.get(&key) {
            Some(&i) => {
                let first = &mut out.measures[i];
                let diff = first.differences(&staged);
                if !diff.is_empty() {
                    out.errors.push(RowError {
                        row: Some(*row),
                        message: format!(
                            "Tiltaket «{}» står også på rad {}, men med annen {}. Rader for samme tiltak under flere strategier må ha like verdier.",
                            staged.title,
                            out.rows[i],
                            diff.join(", ")
                        ),
                    });
                } else if let Some(s) = strategy.filter(|s| !first.strategy_ids.contains(s)) {
                    first.strategy_ids.push(s);
                }
            }
            None => {
                by_title.insert(key, out.measures.len());
                out.measures.push(staged);
                out.rows.push(*row);
            }
        }
    }
    if out.measures.is_empty() && out.errors.is_empty() {
        out.errors.push(RowError {
            row: None,
            message: "Filen har ingen tiltak under overskriftsraden.".into(),
        });
    }
    out
}
