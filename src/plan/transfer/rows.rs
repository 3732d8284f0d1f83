//! Checking the rows of an uploaded sheet: every value parsed, every rule of `MeasureInput::check`
//! applied, rows of one measure under several strategies merged, every problem collected.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{
    MAX_ROWS, ORPHAN_GOAL, ORPHAN_STRATEGY,
    columns::{Col, as_year, fixed_column, month_of_year, normalize, period_column},
    cost_text::{StagedCost, financing_of, parse_costs, unknown_financing},
    sheet::Table,
};
use crate::{
    domain::{Hours, parse_date},
    error::AppResult,
    measures::model::{CellInput, Financing, MeasureInput, Responsible, Status},
    plan::{model::Span, read::PlanData},
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

/// What the rows are checked against: the plan's periods and strategies, the municipality's
/// people and units.
pub(super) struct Lookup {
    pub start: i32,
    pub end: i32,
    pub strategies: Vec<(i64, String)>,
    pub group_rows: HashSet<String>,
    pub people: Vec<(i64, String)>,
    pub units: Vec<(i64, String, Option<String>)>,
    /// The plan's measures: id, title, version.
    pub measures: Vec<(i64, String, i32)>,
    /// The municipality's measures in its other plans: id → the plan's name.
    pub elsewhere: HashMap<i64, String>,
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
        let elsewhere = sqlx::query!(
            r#"select me.measure_id, a.name from measure me join action_plan a using (action_plan_id)
               where me.municipality_id = $1 and me.action_plan_id <> $2"#,
            m,
            plan.head.id
        )
        .fetch_all(db)
        .await?
        .into_iter()
        .map(|r| (r.measure_id, r.name))
        .collect();
        let mut lookup = Lookup::new(plan, people, units);
        lookup.elsewhere = elsewhere;
        Ok(lookup)
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
            measures: plan
                .measures
                .iter()
                .map(|m| (m.measure_id, m.title.clone(), m.version))
                .collect(),
            elsewhere: HashMap::new(),
        }
    }

    /// The strategy nearest a text that matches none letter for letter: the one it is a part of,
    /// or the most alike, if any is alike enough to be meant.
    fn nearest_strategy(&self, text: &str) -> Option<&str> {
        let t = normalize(text);
        let containing: Vec<&(i64, String)> = self
            .strategies
            .iter()
            .filter(|(_, s)| t.chars().count() >= 10 && normalize(s).contains(&t))
            .collect();
        if let [(_, s)] = containing.as_slice() {
            return Some(s.as_str());
        }
        self.strategies
            .iter()
            .map(|(_, s)| {
                (
                    strsim::normalized_levenshtein(&t, &normalize(s)),
                    s.as_str(),
                )
            })
            .filter(|(score, _)| *score >= 0.6)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, s)| s)
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
        // «Jan Magne» for Jan Magne Langseth: the first name(s) of exactly one person.
        let typed: Vec<&str> = t.split(' ').collect();
        let starting: Vec<i64> = self
            .people
            .iter()
            .filter(|(_, n)| {
                let name = normalize(n);
                let words: Vec<&str> = name.split(' ').collect();
                words.len() > typed.len() && words[..typed.len()] == typed[..]
            })
            .map(|(id, _)| *id)
            .collect();
        if let [id] = starting.as_slice() {
            return Responsible::Person(*id);
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

/// A status as the app names it, or as municipalities write it in their own sheets.
fn status_word(text: &str) -> Option<Status> {
    if let Some(s) = Status::parse_any(text) {
        return Some(s);
    }
    Some(match normalize(text).trim_end_matches(['.', '!']) {
        "ferdig" | "fullført" | "ferdigstilt" | "gjennomført" | "levert" | "ok" => Status::Done,
        "startet" | "i gang" | "igang" | "påbegynt" | "pågående" | "under arbeid" | "i arbeid" => {
            Status::InProgress
        }
        "ikke påbegynt" | "ikke begynt" | "ikke startet opp" | "ikke i gang" | "planlagt" => {
            Status::NotStarted
        }
        "utsett" | "på vent" | "venter" | "satt på vent" => Status::Postponed,
        "avlyst" | "stoppet" | "kansellert" | "droppet" | "skrinlagt" => Status::Cancelled,
        _ => return None,
    })
}

fn parse_status(text: &str, span: Span) -> Result<(Status, Option<NaiveDate>), String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok((Status::NotStarted, None));
    }
    if let Some(s) = status_word(t) {
        return Ok((s, None));
    }
    // «Utført 05.12.2013», as the Excel export writes a finished measure, or «Ferdig 30.04.14».
    if let Some((label, date)) = t.rsplit_once(' ')
        && let Some(s) = status_word(label)
        && date.contains(['.', '-', '/'])
    {
        return Ok((s, Some(import_date(date, span)?)));
    }
    Err(format!(
        "Ukjent status «{t}». Bruk Ikke startet, Pågår, Utført, Utsatt eller Avbrutt (også «Ferdig», «Fullført», «Startet», «I gang» og «Ikke påbegynt» forstås)."
    ))
}

/// A date as a sheet writes it: «30.04.2014», «2014-04-30», or with a two-digit year,
/// «30.04.14», read as 2000–2069 for 00–69 and 1970–1999 for 70–99. A date more than ten years
/// from the plan's years is a typing error, not a date in this plan, and is refused.
pub(super) fn import_date(text: &str, span: Span) -> Result<NaiveDate, String> {
    let t = text.trim();
    let parts: Vec<&str> = t.split(['.', '/', '-']).collect();
    let two_digit = parts.len() == 3
        && parts[2].len() == 2
        && parts[0].len() <= 2
        && parts[1].len() <= 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
    let date = if two_digit {
        let (d, m, y): (u32, u32, i32) = (
            parts[0].parse().unwrap_or(0),
            parts[1].parse().unwrap_or(0),
            parts[2].parse().unwrap_or(0),
        );
        let year = if y < 70 { 2000 + y } else { 1900 + y };
        NaiveDate::from_ymd_opt(year, m, d)
            .ok_or_else(|| format!("«{t}» er ikke en dato. Skriv datoen som dd.mm.åååå."))?
    } else {
        parse_date(t).map_err(|e| format!("«{t}»: {e}"))?
    };
    let (first, last) = (span.start_year - 10, span.end_year + 10);
    if !(first..=last).contains(&date.year()) {
        return Err(format!(
            "Datoen «{t}» (år {}) ligger langt utenfor planperioden {}–{}. Kontroller året og skriv datoen som dd.mm.åååå.",
            date.year(),
            span.start_year,
            span.end_year
        ));
    }
    Ok(date)
}

/// «Start» or «Slutt» as a period of the plan: a date or a month falls in its month (first
/// year) or quarter (later years); a year alone starts in its first period or ends in its last.
/// A start before the plan counts from the plan's first period and an end after it to the
/// plan's last; a period wholly outside the plan is refused.
fn period_of(text: &str, end: bool, span: Span) -> Result<(i32, i32), String> {
    let t = text.trim();
    let month_in = |year: i32, month: u32| -> (i32, i32) {
        if year == span.start_year {
            (year, month as i32)
        } else {
            (year, (month as i32 - 1) / 3 + 1)
        }
    };
    let (year, period) = if let Some(y) = as_year(t) {
        let last = if y == span.start_year { 12 } else { 4 };
        (y, if end { last } else { 1 })
    } else if let Ok(Col::Period(y, p)) = period_column(t, None, span.start_year, span.end_year) {
        (y, p)
    } else if let Some((m, y)) = month_of_year(t) {
        month_in(y, m)
    } else {
        // «03.2014», «3/2014», «2014-03»: a month of a year.
        let parts: Vec<&str> = t.split(['.', '/', '-']).collect();
        let month_year = match parts.as_slice() {
            [m, y] if y.len() == 4 => m.parse::<u32>().ok().zip(y.parse::<i32>().ok()),
            [y, m] if y.len() == 4 => m.parse::<u32>().ok().zip(y.parse::<i32>().ok()),
            _ => None,
        }
        .filter(|(m, _)| (1..=12).contains(m));
        match month_year {
            Some((m, y)) => month_in(y, m),
            None => {
                let d = import_date(t, span).map_err(|_| {
                    format!(
                        "«{t}» er ikke et år, en måned eller en dato. Skriv for eksempel «{}», «03.{}» eller «15.03.{}».",
                        span.start_year, span.start_year, span.start_year
                    )
                })?;
                month_in(d.year(), d.month())
            }
        }
    };
    if end && year < span.start_year || !end && year > span.end_year {
        return Err(format!(
            "«{t}» ligger utenfor planperioden {}–{}.",
            span.start_year, span.end_year
        ));
    }
    if year < span.start_year {
        return Ok((span.start_year, 1));
    }
    if year > span.end_year {
        let last = if span.end_year == span.start_year {
            12
        } else {
            4
        };
        return Ok((span.end_year, last));
    }
    Ok((year, period))
}

fn parse_priority(text: &str) -> Result<bool, String> {
    match normalize(text).as_str() {
        "" | "nei" | "0" | "false" | "usann" | "lav" | "normal" | "middels" => Ok(false),
        "ja" | "x" | "1" | "true" | "sann" | "prioritert" | "høy" => Ok(true),
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

#[cfg(test)]
mod tests {
    use super::*;

    const PLAN: Span = Span {
        start_year: 2014,
        end_year: 2016,
    };

    fn date(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    #[test]
    fn two_digit_years_are_this_century_below_70_and_far_off_dates_are_refused() {
        assert_eq!(import_date("30.04.14", PLAN).unwrap(), date("30.04.2014"));
        assert_eq!(import_date("1.2.15", PLAN).unwrap(), date("01.02.2015"));
        assert_eq!(import_date("2014-04-30", PLAN).unwrap(), date("30.04.2014"));
        assert!(
            import_date("31.02.14", PLAN)
                .unwrap_err()
                .contains("er ikke en dato")
        );
        let e = import_date("30.04.94", PLAN).unwrap_err();
        assert!(
            e.contains("år 1994") && e.contains("langt utenfor planperioden 2014–2016"),
            "{e}"
        );
        assert!(import_date("30.04.0014", PLAN).is_err());
        assert!(
            import_date("30.04.2040", PLAN)
                .unwrap_err()
                .contains("2040")
        );
    }

    #[test]
    fn municipal_status_words_are_understood() {
        for (word, status) in [
            ("Ferdig", Status::Done),
            ("Fullført", Status::Done),
            ("Startet", Status::InProgress),
            ("I gang", Status::InProgress),
            ("Ikke påbegynt", Status::NotStarted),
            ("På vent", Status::Postponed),
            ("Avlyst", Status::Cancelled),
            ("pågår", Status::InProgress),
        ] {
            assert_eq!(parse_status(word, PLAN).unwrap().0, status, "{word}");
        }
        assert_eq!(
            parse_status("Ferdig 30.04.14", PLAN).unwrap(),
            (Status::Done, Some(date("30.04.2014")))
        );
        assert!(
            parse_status("Ferdigish", PLAN)
                .unwrap_err()
                .contains("Ukjent status «Ferdigish»")
        );
    }

    #[test]
    fn start_and_end_are_periods_of_the_plan() {
        assert_eq!(period_of("2015", false, PLAN).unwrap(), (2015, 1));
        assert_eq!(period_of("2015", true, PLAN).unwrap(), (2015, 4));
        assert_eq!(period_of("2014", true, PLAN).unwrap(), (2014, 12));
        assert_eq!(period_of("15.03.2014", false, PLAN).unwrap(), (2014, 3));
        assert_eq!(period_of("15.08.15", true, PLAN).unwrap(), (2015, 3));
        assert_eq!(period_of("06.2016", true, PLAN).unwrap(), (2016, 2));
        assert_eq!(period_of("2015 Kv 2", false, PLAN).unwrap(), (2015, 2));
        assert_eq!(period_of("mars 2015", false, PLAN).unwrap(), (2015, 1));
        assert_eq!(period_of("Okt 2014", true, PLAN).unwrap(), (2014, 10));
        assert_eq!(
            period_of("2012", false, PLAN).unwrap(),
            (2014, 1),
            "from the plan's start"
        );
        assert_eq!(
            period_of("2018", true, PLAN).unwrap(),
            (2016, 4),
            "to the plan's end"
        );
        assert!(
            period_of("2018", false, PLAN)
                .unwrap_err()
                .contains("utenfor planperioden")
        );
        assert!(
            period_of("snart", false, PLAN)
                .unwrap_err()
                .contains("ikke et år")
        );
    }

    #[test]
    fn a_first_name_matches_a_person_only_when_one_person_has_it() {
        let lookup = Lookup {
            start: 2014,
            end: 2016,
            strategies: vec![(1, "Utarbeide en mini-ROS innen IKT-området".into())],
            group_rows: HashSet::new(),
            people: vec![
                (1, "Jan Magne Langseth".into()),
                (2, "Magnus Rønningen".into()),
                (3, "Jan Erik Hansen".into()),
            ],
            units: vec![(9, "IKT-avdelingen".into(), Some("IKT".into()))],
            measures: Vec::new(),
            elsewhere: HashMap::new(),
        };
        assert_eq!(lookup.responsible("Jan Magne"), Responsible::Person(1));
        assert_eq!(lookup.responsible("magnus"), Responsible::Person(2));
        assert_eq!(
            lookup.responsible("Jan"),
            Responsible::Text("Jan".into()),
            "two Jans"
        );
        assert_eq!(lookup.responsible("IKT"), Responsible::Unit(9));
        assert_eq!(
            lookup.responsible("Systemeier"),
            Responsible::Text("Systemeier".into())
        );
        assert_eq!(
            lookup.nearest_strategy("Utarbeide en mini-ROS innenfor IKT-området"),
            Some("Utarbeide en mini-ROS innen IKT-området")
        );
        assert_eq!(
            lookup.nearest_strategy("mini-ROS innen IKT"),
            Some("Utarbeide en mini-ROS innen IKT-området"),
            "a part of one strategy"
        );
        assert_eq!(lookup.nearest_strategy("Kjøpe nye PC-er"), None);
    }
}
