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
    i18n::{Msg, k},
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

    /// The fields two rows of the same measure disagree on, as catalog keys.
    fn differences(&self, other: &Staged) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.title != other.title {
            out.push(k("transfer-diff-title"));
        }
        if self.description != other.description {
            out.push(k("transfer-diff-description"));
        }
        if self.hours != other.hours {
            out.push(k("transfer-diff-hours"));
        }
        if self.costs != other.costs {
            out.push(k("transfer-diff-cost"));
        }
        if self.responsible != other.responsible {
            out.push(k("transfer-diff-responsible"));
        }
        if self.status != other.status || self.status_date != other.status_date {
            out.push(k("transfer-diff-status"));
        }
        if self.status_comment != other.status_comment {
            out.push(k("transfer-diff-status-comment"));
        }
        if self.priority != other.priority {
            out.push(k("transfer-diff-priority"));
        }
        if self.cells != other.cells {
            out.push(k("transfer-diff-cells"));
        }
        out
    }
}

#[derive(Debug, Clone)]
pub struct RowError {
    pub row: Option<usize>,
    pub message: Msg,
}

impl RowError {
    /// «Rad 7: …», or the message alone for an error of the whole file.
    pub fn msg(&self) -> Msg {
        match self.row {
            Some(r) => Msg::with(
                "transfer-row-error",
                [("row", r.into()), ("message", self.message.clone().into())],
            ),
            None => self.message.clone(),
        }
    }
}

/// «Timer: …»: a value's error after the name of its column.
fn in_column(column: &'static str, error: Msg) -> Msg {
    Msg::with(
        "transfer-error-in-column",
        [("column", Msg::new(column).into()), ("error", error.into())],
    )
}

/// «tittel, timer, status» in the reader's language.
fn field_list(keys: &[&'static str]) -> Msg {
    let mut keys = keys.iter();
    let first = keys
        .next()
        .map(|k| Msg::new(k))
        .unwrap_or(Msg::new("transfer-diff-cells"));
    keys.fold(first, |list, next| {
        Msg::with(
            "transfer-list-next",
            [("list", list.into()), ("next", Msg::new(next).into())],
        )
    })
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
            message: Msg::new("transfer-no-header"),
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
                        Msg::with("transfer-column-twice", [("column", name.trim().into())])
                    } else {
                        Msg::with(
                            "transfer-columns-same",
                            [("first", first.into()), ("second", name.trim().into())],
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
            message: Msg::new("transfer-no-strategy-column"),
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
                message: Msg::with("transfer-too-many-measures", [("max", MAX_ROWS.into())]),
            });
            break;
        }

        let mut errors: Vec<Msg> = Vec::new();
        let span = lookup.span();
        if title.is_empty() {
            errors.push(Msg::new("transfer-title-missing"));
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
                    errors.push(Msg::with("transfer-key-unknown", [("key", k.into())]));
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
                        Some(near) => Msg::with(
                            "transfer-strategy-unknown-near",
                            [("strategy", strategy_text.into()), ("near", near.into())],
                        ),
                        None => Msg::with(
                            "transfer-strategy-unknown",
                            [("strategy", strategy_text.into())],
                        ),
                    });
                    None
                }
            }
        };
        let hours = match get(Col::Hours) {
            "" => None,
            h => Hours::parse(h)
                .map_err(|e| errors.push(in_column("transfer-col-hours", e)))
                .ok(),
        };
        let mut costs = parse_costs(get(Col::Cost)).unwrap_or_else(|e| {
            errors.push(in_column("transfer-col-cost", e));
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
                            errors.push(Msg::with(
                                "transfer-financing-mismatch",
                                [("typed", f.into()), ("cost", c.financing.label().into())],
                            ));
                            break;
                        }
                    }
                }
                None => errors.push(in_column("transfer-col-financing", unknown_financing(f))),
            },
        }
        let responsible_text = get(Col::Responsible);
        if responsible_text.chars().count() > 200 {
            errors.push(Msg::with(
                "transfer-responsible-too-long",
                [("max", 200_usize.into())],
            ));
        }
        let (status, mut status_date) = parse_status(get(Col::Status), span).unwrap_or_else(|e| {
            errors.push(e);
            (Status::NotStarted, None)
        });
        match get(Col::StatusDate) {
            "" => {}
            d => match import_date(d, span) {
                Ok(d) => status_date = Some(d),
                Err(e) => errors.push(in_column("transfer-col-status-date", e)),
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
                label if label.chars().count() > 100 => errors.push(Msg::with(
                    "transfer-period-text-too-long",
                    [("year", (*year).into()), ("max", 100_usize.into())],
                )),
                label => cells_out.push((*year, *period, Some(label.to_string()))),
            }
        }
        let (start, end) = (get(Col::Start), get(Col::End));
        if !start.is_empty() || !end.is_empty() {
            let from = (!start.is_empty())
                .then(|| period_of(start, false, span))
                .transpose()
                .map_err(|e| errors.push(in_column("transfer-col-start", e)));
            let to = (!end.is_empty())
                .then(|| period_of(end, true, span))
                .transpose()
                .map_err(|e| errors.push(in_column("transfer-col-end", e)));
            if !cells_out.is_empty() {
                errors.push(Msg::new("transfer-start-end-and-cells"));
            } else if let (Ok(from), Ok(to)) = (from, to) {
                let (from, to) = match (from, to) {
                    (Some(f), Some(t)) => (f, t),
                    (Some(f), None) => (f, f),
                    (None, Some(t)) => (t, t),
                    (None, None) => unreachable!("one of them is filled in"),
                };
                if from > to {
                    errors.push(Msg::with(
                        "transfer-start-after-end",
                        [("start", start.into()), ("end", end.into())],
                    ));
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
                        message: Msg::with(
                            "transfer-rows-differ",
                            [
                                ("title", staged.title.as_str().into()),
                                ("row", out.rows[i].into()),
                                ("fields", field_list(&diff).into()),
                            ],
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
            message: Msg::new("transfer-no-measures"),
        });
    }
    out
}
