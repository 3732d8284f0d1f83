//! The action plan's vocabulary and the one write path for measures, shared by the seed, the
//! forms, the import and the yearly roll.

use std::fmt::Write;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use sqlx::PgConnection;

use crate::{
    audit::{self, Action, Actor},
    domain::{Hours, Nok, format_date},
};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    NotStarted,
    InProgress,
    Done,
    Postponed,
    Cancelled,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::NotStarted,
        Status::InProgress,
        Status::Done,
        Status::Postponed,
        Status::Cancelled,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Status::NotStarted => "not_started",
            Status::InProgress => "in_progress",
            Status::Done => "done",
            Status::Postponed => "postponed",
            Status::Cancelled => "cancelled",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Status::NotStarted => "Ikke startet",
            Status::InProgress => "Pågår",
            Status::Done => "Utført",
            Status::Postponed => "Utsatt",
            Status::Cancelled => "Avbrutt",
        }
    }

    /// Designsystemet tag colour; the label always carries the meaning too.
    pub fn color(self) -> &'static str {
        match self {
            Status::NotStarted => "neutral",
            Status::InProgress => "info",
            Status::Done => "success",
            Status::Postponed => "warning",
            Status::Cancelled => "danger",
        }
    }

    pub fn parse(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Also accepts the Norwegian label, as typed in a spreadsheet.
    pub fn parse_any(text: &str) -> Option<Status> {
        let t = text.trim().to_lowercase();
        Status::ALL
            .into_iter()
            .find(|s| s.code() == t || s.label().to_lowercase() == t)
    }

    /// Unfinished measures are carried into the next plan.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            Status::NotStarted | Status::InProgress | Status::Postponed
        )
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Financing {
    CurrentBudget,
    ApprovedBudget,
    RequiresAppropriation,
    OtherProject,
    Unknown,
}

impl Financing {
    pub const ALL: [Financing; 5] = [
        Financing::CurrentBudget,
        Financing::ApprovedBudget,
        Financing::RequiresAppropriation,
        Financing::OtherProject,
        Financing::Unknown,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Financing::CurrentBudget => "current_budget",
            Financing::ApprovedBudget => "approved_budget",
            Financing::RequiresAppropriation => "requires_appropriation",
            Financing::OtherProject => "other_project",
            Financing::Unknown => "unknown",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Financing::CurrentBudget => "dekkes av gjeldende budsjett",
            Financing::ApprovedBudget => "innenfor vedtatt budsjett",
            Financing::RequiresAppropriation => "krever budsjettbevilgning",
            Financing::OtherProject => "inngår i annet prosjekt",
            Financing::Unknown => "ukjent",
        }
    }

    pub fn parse(code: &str) -> Option<Financing> {
        Financing::ALL.into_iter().find(|f| f.code() == code)
    }

    /// Also accepts the Norwegian label.
    pub fn parse_any(text: &str) -> Option<Financing> {
        let t = text.trim().to_lowercase();
        if t.is_empty() {
            return Some(Financing::Unknown);
        }
        Financing::ALL
            .into_iter()
            .find(|f| f.code() == t || f.label() == t)
    }
}

/// Who is responsible for a measure.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum Responsible {
    #[default]
    Nobody,
    Person(i64),
    Unit(i64),
    /// A role or group in free text: "Systemeier", "Rådmannen / SU".
    Text(String),
}

impl Responsible {
    /// The form value: "person:12", "unit:3", "" (text goes in its own field).
    pub fn key(&self) -> String {
        match self {
            Responsible::Person(id) => format!("person:{id}"),
            Responsible::Unit(id) => format!("unit:{id}"),
            _ => String::new(),
        }
    }

    pub fn columns(&self) -> (Option<i64>, Option<i64>, Option<String>) {
        match self {
            Responsible::Nobody => (None, None, None),
            Responsible::Person(id) => (Some(*id), None, None),
            Responsible::Unit(id) => (None, Some(*id), None),
            Responsible::Text(t) => (None, None, Some(t.clone())),
        }
    }

    pub fn from_columns(person: Option<i64>, unit: Option<i64>, text: Option<String>) -> Self {
        match (person, unit, text) {
            (Some(p), _, _) => Responsible::Person(p),
            (_, Some(u), _) => Responsible::Unit(u),
            (_, _, Some(t)) if !t.trim().is_empty() => Responsible::Text(t),
            _ => Responsible::Nobody,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct CostInput {
    pub description: Option<String>,
    pub amount: Option<Nok>,
    pub amount_note: Option<String>,
    pub financing: Financing,
    pub financing_project: Option<String>,
}

impl CostInput {
    /// «kr 34 984 (innføring og vedlikehold første år; dekkes av gjeldende budsjett)»
    pub fn describe(&self) -> String {
        let mut s = match (&self.amount, &self.amount_note) {
            (Some(a), Some(n)) => format!("{a} ({n})"),
            (Some(a), None) => a.to_string(),
            (None, Some(n)) => n.clone(),
            (None, None) => "ukjent beløp".into(),
        };
        let mut extra = Vec::new();
        if let Some(d) = self.description.as_deref().filter(|d| !d.is_empty()) {
            extra.push(d.to_string());
        }
        match (self.financing, &self.financing_project) {
            (Financing::OtherProject, Some(p)) => extra.push(format!("inngår i {p}")),
            (Financing::Unknown, _) => {}
            (f, _) => extra.push(f.label().to_string()),
        }
        if !extra.is_empty() {
            let _ = write!(s, " – {}", extra.join("; "));
        }
        s
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellInput {
    pub year: i32,
    pub period: i32,
    pub label: Option<String>,
}

/// Everything a measure is, as the forms, the import and the seed give it.
#[derive(Clone, Debug)]
pub struct MeasureInput {
    pub title: String,
    pub description: Option<String>,
    pub strategy_ids: Vec<i64>,
    pub responsible: Responsible,
    pub hours: Option<Hours>,
    pub costs: Vec<CostInput>,
    pub cells: Vec<CellInput>,
    pub priority: bool,
    pub status: Status,
    pub status_date: Option<NaiveDate>,
    pub status_comment: Option<String>,
    pub depends_on: Vec<i64>,
    pub predecessor_measure_id: Option<i64>,
}

/// How the audit log keeps a measure: flat, readable strings so a diff reads as a sentence.
#[derive(Debug, Serialize, Deserialize, PartialEq, Default)]
pub struct MeasureSnapshot {
    pub tittel: String,
    pub beskrivelse: String,
    pub strategier: String,
    pub ansvarlig: String,
    pub timer: String,
    pub kostnad: String,
    pub framdrift: String,
    pub prioritert: bool,
    pub status: String,
    pub statusdato: String,
    pub statuskommentar: String,
    pub avhenger_av: String,
}

/// Year one by month, later years by quarter.
pub fn period_name(plan_start_year: i32, year: i32, period: i32) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Des",
    ];
    if year == plan_start_year {
        MONTHS
            .get((period - 1) as usize)
            .map(|m| m.to_string())
            .unwrap_or_default()
    } else {
        format!("Kv {period}")
    }
}

/// The periods a plan has: 12 months of the first year, 4 quarters of each later one.
pub fn plan_periods(start_year: i32, end_year: i32) -> Vec<(i32, i32)> {
    let mut out: Vec<(i32, i32)> = (1..=12).map(|m| (start_year, m)).collect();
    for y in start_year + 1..=end_year {
        out.extend((1..=4).map(|q| (y, q)));
    }
    out
}

pub fn valid_period(start_year: i32, end_year: i32, year: i32, period: i32) -> bool {
    (year == start_year && (1..=12).contains(&period))
        || (year > start_year && year <= end_year && (1..=4).contains(&period))
}

/// Inserts a measure with its strategies, costs, schedule and dependencies, and audits it.
pub async fn insert_measure(
    conn: &mut PgConnection,
    actor: Actor,
    action_plan_id: i64,
    input: &MeasureInput,
) -> Result<i64, sqlx::Error> {
    let m = actor.municipality_id;
    let (person, unit, text) = input.responsible.columns();
    let id = sqlx::query_scalar!(
        r#"
        insert into measure (municipality_id, action_plan_id, position, title, description,
                             responsible_person_id, responsible_unit_id, responsible_text, hours, priority,
                             status, status_date, status_comment, predecessor_measure_id)
        values ($1, $2, (select coalesce(max(position), 0) + 1 from measure where action_plan_id = $2),
                $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
        returning measure_id
        "#,
        m,
        action_plan_id,
        input.title.trim(),
        input.description,
        person,
        unit,
        text,
        input.hours.map(|h| h.0),
        input.priority,
        input.status.code(),
        input.status_date as _,
        input.status_comment,
        input.predecessor_measure_id
    )
    .fetch_one(&mut *conn)
    .await?;
    write_children(conn, m, id, input).await?;
    sqlx::query!(
        r#"
        insert into measure_status_change (municipality_id, measure_id, status, status_date, comment, app_user_id)
        values ($1, $2, $3, $4, $5, $6)
        "#,
        m,
        id,
        input.status.code(),
        input.status_date as _,
        input.status_comment,
        actor.user_id
    )
    .execute(&mut *conn)
    .await?;
    let after = snapshot(conn, m, id).await?;
    audit::record(
        conn,
        actor,
        Action::Create,
        "measure",
        id,
        None::<&()>,
        Some(&after),
    )
    .await?;
    Ok(id)
}

/// Replaces a measure's strategies, costs, cells and dependencies with the input's.
pub async fn write_children(
    conn: &mut PgConnection,
    m: i64,
    id: i64,
    input: &MeasureInput,
) -> Result<(), sqlx::Error> {
    sqlx::query!(r#"delete from measure_strategy where measure_id = $1"#, id)
        .execute(&mut *conn)
        .await?;
    sqlx::query!(r#"delete from measure_cost where measure_id = $1"#, id)
        .execute(&mut *conn)
        .await?;
    sqlx::query!(r#"delete from schedule_cell where measure_id = $1"#, id)
        .execute(&mut *conn)
        .await?;
    sqlx::query!(
        r#"delete from measure_dependency where measure_id = $1"#,
        id
    )
    .execute(&mut *conn)
    .await?;
    // Only the municipality's own strategies, and measures of the same plan, can be linked.
    sqlx::query!(
        r#"
        insert into measure_strategy (measure_id, strategy_id, municipality_id)
        select $1, s.strategy_id, $2 from strategy s where s.municipality_id = $2 and s.strategy_id = any($3)
        on conflict do nothing
        "#,
        id,
        m,
        &input.strategy_ids
    )
    .execute(&mut *conn)
    .await?;
    for (i, c) in input.costs.iter().enumerate() {
        sqlx::query!(
            r#"
            insert into measure_cost (municipality_id, measure_id, position, description, amount, amount_note, financing, financing_project)
            values ($1, $2, $3, $4, $5, $6, $7, $8)
            "#,
            m,
            id,
            i as i32,
            c.description,
            c.amount.map(|a| a.0),
            c.amount_note,
            c.financing.code(),
            c.financing_project
        )
        .execute(&mut *conn)
        .await?;
    }
    let years: Vec<i32> = input.cells.iter().map(|c| c.year).collect();
    let periods: Vec<i32> = input.cells.iter().map(|c| c.period).collect();
    let labels: Vec<Option<String>> = input.cells.iter().map(|c| c.label.clone()).collect();
    sqlx::query!(
        r#"
        insert into schedule_cell (measure_id, municipality_id, year, period, label)
        select $1, $2, y, p, l from unnest($3::int[], $4::int[], $5::text[]) as t(y, p, l)
        on conflict do nothing
        "#,
        id,
        m,
        &years,
        &periods,
        &labels as &[Option<String>]
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query!(
        r#"
        insert into measure_dependency (measure_id, depends_on_id, municipality_id)
        select $1, d.measure_id, $2 from measure d
        where d.municipality_id = $2 and d.measure_id = any($3) and d.measure_id <> $1
          -- Dependencies stay within the measure's own plan.
          and d.action_plan_id = (select action_plan_id from measure where measure_id = $1)
        on conflict do nothing
        "#,
        id,
        m,
        &input.depends_on
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The measure as the audit log keeps it.
pub async fn snapshot(
    conn: &mut PgConnection,
    m: i64,
    id: i64,
) -> Result<MeasureSnapshot, sqlx::Error> {
    let r = sqlx::query!(
        r#"
        select me.title, me.description, me.hours, me.priority, me.status, me.status_date::text as status_date,
               me.status_comment, p.name as "person?", u.name as "unit?", me.responsible_text,
               a.start_year
        from measure me
        join action_plan a using (action_plan_id)
        left join person p on p.person_id = me.responsible_person_id
        left join unit u on u.unit_id = me.responsible_unit_id
        where me.measure_id = $1 and me.municipality_id = $2
        "#,
        id,
        m
    )
    .fetch_one(&mut *conn)
    .await?;
    let strategies = sqlx::query_scalar!(
        r#"select s.text from measure_strategy ms join strategy s using (strategy_id) where ms.measure_id = $1 order by s.strategy_id"#,
        id
    )
    .fetch_all(&mut *conn)
    .await?;
    let costs = sqlx::query!(
        r#"select description, amount, amount_note, financing, financing_project from measure_cost where measure_id = $1 order by position"#,
        id
    )
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|c| {
        CostInput {
            description: c.description,
            amount: c.amount.map(Nok),
            amount_note: c.amount_note,
            financing: Financing::parse(&c.financing).unwrap_or(Financing::Unknown),
            financing_project: c.financing_project,
        }
        .describe()
    })
    .collect::<Vec<_>>();
    let cells = sqlx::query!(r#"select year, period, label from schedule_cell where measure_id = $1 order by year, period"#, id)
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .map(|c| {
            let name = format!("{} {}", period_name(r.start_year, c.year, c.period), c.year);
            match c.label {
                Some(l) => format!("{name}: {l}"),
                None => name,
            }
        })
        .collect::<Vec<_>>();
    let deps = sqlx::query_scalar!(
        r#"select d.title from measure_dependency md join measure d on d.measure_id = md.depends_on_id where md.measure_id = $1 order by d.title"#,
        id
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(MeasureSnapshot {
        tittel: r.title,
        beskrivelse: r.description.unwrap_or_default(),
        strategier: strategies.join("; "),
        ansvarlig: r
            .person
            .or(r.unit)
            .or(r.responsible_text)
            .unwrap_or_default(),
        timer: r.hours.map(|h| Hours(h).plain()).unwrap_or_default(),
        kostnad: costs.join("; "),
        framdrift: cells.join(", "),
        prioritert: r.priority,
        status: Status::parse(&r.status)
            .map(|s| s.label().to_string())
            .unwrap_or(r.status),
        statusdato: r
            .status_date
            .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
            .map(format_date)
            .unwrap_or_default(),
        statuskommentar: r.status_comment.unwrap_or_default(),
        avhenger_av: deps.join("; "),
    })
}

/// Sum of known amounts; the caller shows separately that some are unknown.
pub fn sum_known(amounts: impl IntoIterator<Item = Option<Decimal>>) -> Decimal {
    amounts.into_iter().flatten().sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_plan_year_is_planned_by_month_and_later_years_by_quarter() {
        let p = plan_periods(2014, 2016);
        assert_eq!(p.len(), 12 + 4 + 4);
        assert_eq!(period_name(2014, 2014, 3), "Mar");
        assert_eq!(period_name(2014, 2015, 2), "Kv 2");
        assert!(valid_period(2014, 2016, 2014, 12));
        assert!(!valid_period(2014, 2016, 2015, 5), "no fifth quarter");
        assert!(!valid_period(2014, 2016, 2017, 1), "outside the plan");
    }

    #[test]
    fn a_cost_line_reads_like_the_plan_document() {
        let c = CostInput {
            description: Some("innføring og vedlikehold første år".into()),
            amount: Some(Nok::parse("34984").unwrap()),
            amount_note: None,
            financing: Financing::CurrentBudget,
            financing_project: None,
        };
        assert_eq!(
            c.describe(),
            "kr 34 984 – innføring og vedlikehold første år; dekkes av gjeldende budsjett"
        );
        let unknown = CostInput {
            description: None,
            amount: None,
            amount_note: Some("må utredes".into()),
            financing: Financing::Unknown,
            financing_project: None,
        };
        assert_eq!(unknown.describe(), "må utredes");
    }

    #[test]
    fn statuses_and_financing_parse_from_codes_and_norwegian_labels() {
        assert_eq!(Status::parse_any("Pågår"), Some(Status::InProgress));
        assert_eq!(Status::parse_any("done"), Some(Status::Done));
        assert_eq!(
            Financing::parse_any("krever budsjettbevilgning"),
            Some(Financing::RequiresAppropriation)
        );
        assert_eq!(Financing::parse_any(""), Some(Financing::Unknown));
        assert_eq!(Financing::parse_any("lotteri"), None);
    }
}
