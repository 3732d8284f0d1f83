//! Checking the rows of an uploaded sheet: every value parsed, every rule of `MeasureInput::check`
//! applied, rows of one measure under several strategies merged, every problem collected.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{
    MAX_ROWS,
    columns::{Col, as_year, fixed_column, normalize, period_column},
    cost_text::{StagedCost, financing_of, parse_costs, unknown_financing},
    lookup::Lookup,
    sheet::Table,
    values::{import_date, parse_priority, parse_status, period_of},
};
use crate::{
    domain::Hours,
    measures::model::{CellInput, Financing, MeasureInput, Responsible, Status},
    web::form::trimmed,
};

/// A validated measure waiting for confirmation: exactly what `insert_measure` will get.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(super) struct Staged {
    /// The «Tiltaks-ID» the row gave, if any.
    #[serde(default)]
    pub key: Option<i64>,
    pub title: String,
    pub description: Option<String>,
    pub strategy_ids: Vec<i64>,
    /// person, unit, text as `Responsible::columns` gives them.
    pub responsible: (Option<i64>, Option<i64>, Option<String>),
    /// The responsible as the file wrote it, for the preview («Jan Magne» → Jan Magne Langseth).
    #[serde(default)]
    pub responsible_typed: String,
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
        if self.title != other.title {
            out.push("tittel");
        }
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
            .any(|c| fixed_column(&normalize(c)) == Some(Col::Title))
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
            Ok(Col::Ignored) => {}
            Ok(c) if columns.iter().any(|(_, x)| *x == c) => {
                let first = columns
                    .iter()
                    .find(|(_, x)| *x == c)
                    .and_then(|(j, _)| header.get(*j))
                    .map(|h| h.trim())
                    .unwrap_or("");
                out.errors.push(RowError {
                    row: Some(*header_row),
                    message: if normalize(first) == normalize(name) {
                        format!("Kolonnen «{}» står to ganger. Slett den ene.", name.trim())
                    } else {
                        format!(
                            "Kolonnene «{first}» og «{}» betyr det samme for importen. Slett den ene, eller slå dem sammen.",
                            name.trim()
                        )
                    },
                })
            }
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
        // The goal-area and strategy rows of the Excel layout carry only a heading, in the
        // first column (merged across the row).
        let filled: Vec<&str> = columns
            .iter()
            .filter_map(|(i, _)| cells.get(*i).map(|v| v.trim()))
            .filter(|v| !v.is_empty())
            .collect();
        if let [heading] = filled.as_slice()
            && lookup.group_rows.contains(&normalize(heading))
        {
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
        let span = lookup.span();
        if title.is_empty() {
            errors.push("Tiltaket mangler tittel (kolonnen «Tiltak» er tom).".into());
        }
        let key = match get(Col::Key) {
            "" => None,
            k => match k.parse::<i64>() {
                Ok(id)
                    if lookup.measures.iter().any(|(m, _, _)| *m == id)
                        || lookup.elsewhere.contains_key(&id) =>
                {
                    Some(id)
                }
                _ => {
                    errors.push(format!(
                        "Tiltaks-ID «{k}» finnes ikke i kommunens handlingsplaner. Tøm cellen hvis raden er et nytt tiltak; ellers bruk ID-en fra en eksport av planen."
                    ));
                    None
                }
            },
        };
        let strategy_text = get(Col::Strategy);
        let strategy = if strategy_text.is_empty() {
            None
        } else {
            match lookup.strategy(strategy_text) {
                Some(id) => Some(id),
                None => {
                    errors.push(match lookup.nearest_strategy(strategy_text) {
                        Some(near) => format!(
                            "Ukjent strategi «{strategy_text}». Mente du «{near}»? Skriv strategien slik den står i planens IKT-strategi."
                        ),
                        None => format!(
                            "Ukjent strategi «{strategy_text}». Strategien må stå slik den står i planens IKT-strategi."
                        ),
                    });
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
        let mut costs = parse_costs(get(Col::Cost)).unwrap_or_else(|e| {
            errors.push(format!("Kostnad: {e}"));
            Vec::new()
        });
        match get(Col::Financing) {
            "" => {}
            f => match financing_of(f) {
                Some((financing, project)) => {
                    if costs.is_empty() {
                        costs.push(StagedCost::default());
                    }
                    for c in &mut costs {
                        if c.financing == Financing::Unknown {
                            c.financing = financing;
                            c.financing_project = project.clone();
                        } else if (c.financing, &c.financing_project) != (financing, &project) {
                            errors.push(format!(
                                "Finansiering: «{f}» stemmer ikke med finansieringen i kostnaden («{}»). Skriv finansieringen ett av stedene.",
                                c.financing.label()
                            ));
                            break;
                        }
                    }
                }
                None => errors.push(format!("Finansiering: {}", unknown_financing(f))),
            },
        }
        let responsible_text = get(Col::Responsible);
        if responsible_text.chars().count() > 200 {
            errors.push("Ansvar kan ha høyst 200 tegn.".into());
        }
        let (status, mut status_date) = parse_status(get(Col::Status), span).unwrap_or_else(|e| {
            errors.push(e);
            (Status::NotStarted, None)
        });
        match get(Col::StatusDate) {
            "" => {}
            d => match import_date(d, span) {
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
        let (start, end) = (get(Col::Start), get(Col::End));
        if !start.is_empty() || !end.is_empty() {
            let from = (!start.is_empty())
                .then(|| period_of(start, false, span))
                .transpose()
                .map_err(|e| errors.push(format!("Start: {e}")));
            let to = (!end.is_empty())
                .then(|| period_of(end, true, span))
                .transpose()
                .map_err(|e| errors.push(format!("Slutt: {e}")));
            if !cells_out.is_empty() {
                errors.push(
                    "Raden har både Start/Slutt og kryss i periodekolonnene. Fyll ut det ene av dem."
                        .into(),
                );
            } else if let (Ok(from), Ok(to)) = (from, to) {
                let (from, to) = match (from, to) {
                    (Some(f), Some(t)) => (f, t),
                    (Some(f), None) => (f, f),
                    (None, Some(t)) => (t, t),
                    (None, None) => unreachable!("one of them is filled in"),
                };
                if from > to {
                    errors.push(format!("Start ({start}) er etter Slutt ({end})."));
                } else {
                    cells_out.extend(
                        span.periods()
                            .into_iter()
                            .filter(|p| *p >= from && *p <= to)
                            .map(|(y, p)| (y, p, None)),
                    );
                }
            }
        }
        cells_out.sort_by_key(|(y, p, _)| (*y, *p));

        let staged = Staged {
            key,
            title: title.split_whitespace().collect::<Vec<_>>().join(" "),
            description,
            strategy_ids: strategy.into_iter().collect(),
            responsible: lookup.responsible(responsible_text).columns(),
            responsible_typed: responsible_text.to_string(),
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
                errors.push(message.to_string());
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
        // One measure under several strategies is written as one row per strategy: the rows
        // of one measure share its key, or, in a sheet without keys, its title.
        let key = match staged.key {
            Some(id) => format!("id:{id}"),
            None => format!("tittel:{}", normalize(&staged.title)),
        };
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
