//! Queries and view models of the line inventory.

use sqlx::PgPool;

/// The municipality's locations as (id, name), by name: for every form that chooses one.
pub async fn location_names(
    db: &PgPool,
    municipality_id: i64,
) -> Result<Vec<(i64, String)>, sqlx::Error> {
    Ok(sqlx::query!(
        "select location_id, name from location where municipality_id = $1 order by name",
        municipality_id
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|r| (r.location_id, r.name))
    .collect())
}

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Deserialize;

use super::model::{LineInput, LineType, LocationInput, Ownership, Users};
use crate::{
    domain::{Mbps, Nok, format_date, format_one_decimal},
    error::{AppError, AppResult},
};

/// The list's filters and order, from the query string (so a reload keeps them).
#[derive(Clone, Debug, Default, Deserialize)]
pub struct Filter {
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub line_type: String,
    #[serde(default)]
    pub ownership: String,
    #[serde(default)]
    pub attention: Option<String>,
    /// ADSL and radio lines only (the dashboard's «trege linjer»).
    #[serde(default)]
    pub slow: Option<String>,
    /// Lines at locations under the municipality's Mbps-per-user threshold only.
    #[serde(default)]
    pub under: Option<String>,
    /// One location's lines (its page); never from the query string.
    #[serde(skip)]
    pub location_id: Option<i64>,
    #[serde(default)]
    pub sort: String,
    #[serde(default)]
    pub dir: String,
}

pub const SORTS: [&str; 4] = ["name", "users", "per_user", "expires"];
/// The label key of a line type code (as stored; the CHECK allows only `LineType`'s codes).
pub fn type_key(code: &str) -> &'static str {
    LineType::parse(code).unwrap_or(LineType::Other).label_key()
}

/// The label key of an ownership code.
pub fn ownership_key(code: &str) -> &'static str {
    Ownership::parse(code).unwrap_or(Ownership::Own).label_key()
}

impl Filter {
    pub fn cleaned(mut self) -> Self {
        for v in [
            &mut self.q,
            &mut self.line_type,
            &mut self.ownership,
            &mut self.sort,
            &mut self.dir,
        ] {
            v.retain(|c| c != '\0');
        }
        self.q = self.q.trim().to_string();
        if LineType::parse(&self.line_type).is_none() {
            self.line_type.clear();
        }
        if Ownership::parse(&self.ownership).is_none() {
            self.ownership.clear();
        }
        self
    }

    pub fn sort_key(&self) -> &str {
        if SORTS.contains(&self.sort.as_str()) {
            &self.sort
        } else {
            "name"
        }
    }

    pub fn descending(&self) -> bool {
        self.dir == "desc"
    }

    pub fn is_active(&self) -> bool {
        !self.q.is_empty()
            || !self.line_type.is_empty()
            || !self.ownership.is_empty()
            || self.attention.is_some()
            || self.slow.is_some()
            || self.under.is_some()
    }

    /// The filters as a query string (without the order).
    pub fn query(&self) -> String {
        let mut parts = Vec::new();
        let enc = |s: &str| url::form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
        if !self.q.is_empty() {
            parts.push(format!("q={}", enc(&self.q)));
        }
        if !self.line_type.is_empty() {
            parts.push(format!("line_type={}", self.line_type));
        }
        if !self.ownership.is_empty() {
            parts.push(format!("ownership={}", self.ownership));
        }
        if self.attention.is_some() {
            parts.push("attention=1".into());
        }
        if self.slow.is_some() {
            parts.push("slow=1".into());
        }
        if self.under.is_some() {
            parts.push("under=1".into());
        }
        parts.join("&")
    }

    pub fn sort_link(&self, key: &str) -> String {
        let dir = if self.sort_key() == key && !self.descending() {
            "desc"
        } else {
            "asc"
        };
        let q = self.query();
        if q.is_empty() {
            format!("?sort={key}&dir={dir}")
        } else {
            format!("?{q}&sort={key}&dir={dir}")
        }
    }

    pub fn aria_sort(&self, key: &str) -> &'static str {
        match (self.sort_key() == key, self.descending()) {
            (false, _) => "none",
            (true, false) => "ascending",
            (true, true) => "descending",
        }
    }
}

/// One line of the inventory with its location's figures and flags.
#[derive(Clone, Debug)]
pub struct Row {
    pub line_id: i64,
    pub location_id: i64,
    pub location: String,
    pub users_count: Option<i32>,
    pub users_none: bool,
    pub purpose: Option<String>,
    pub down_mbps: Option<Decimal>,
    pub up_mbps: Option<Decimal>,
    pub line_type: String,
    pub ownership: String,
    pub provider: Option<String>,
    pub theoretical_max: bool,
    pub yearly_cost: Option<Decimal>,
    pub contract_expires: Option<NaiveDate>,
    pub notice_days: Option<i32>,
    /// The line's notes (footnotes of Vedlegg 3: theoretical maximum, training room).
    pub notes: Option<String>,
    pub address: Option<String>,
    pub location_notes: Option<String>,
    pub per_user: Option<Decimal>,
    pub slow_type: bool,
    pub leased: bool,
    pub under_threshold: bool,
    pub in_notice: bool,
    pub expired: bool,
}

impl Row {
    pub fn users_text(&self) -> String {
        match (self.users_none, self.users_count) {
            (true, _) => "–".into(),
            (false, Some(n)) => n.to_string(),
            (false, None) => String::new(),
        }
    }

    pub fn capacity_text(&self) -> String {
        let f = |d: Decimal| Mbps(d).plain();
        match (self.down_mbps, self.up_mbps) {
            (Some(d), Some(u)) => format!("{}/{} Mbps", f(d), f(u)),
            (Some(d), None) => format!("{} Mbps", f(d)),
            _ => String::new(),
        }
    }

    pub fn per_user_text(&self) -> String {
        self.per_user.map(format_one_decimal).unwrap_or_default()
    }

    pub fn cost_text(&self) -> String {
        self.yearly_cost
            .map(|c| Nok(c).to_string())
            .unwrap_or_default()
    }

    pub fn expires_text(&self) -> String {
        self.contract_expires.map(format_date).unwrap_or_default()
    }

    pub fn type_key(&self) -> &'static str {
        type_key(&self.line_type)
    }
}

pub struct Listing {
    pub rows: Vec<Row>,
    pub total: i64,
    pub threshold: Decimal,
}

impl Listing {
    pub fn threshold_text(&self) -> String {
        Mbps(self.threshold).plain()
    }
}

/// The inventory, filtered, sorted and paged in SQL.
pub async fn list(
    db: &PgPool,
    municipality_id: i64,
    filter: &Filter,
    today: NaiveDate,
    offset: i64,
    limit: i64,
) -> AppResult<Listing> {
    let threshold = sqlx::query_scalar!(
        "select mbps_per_user_threshold from municipality where municipality_id = $1",
        municipality_id
    )
    .fetch_one(db)
    .await?;
    let rows = sqlx::query!(
        r#"
        with totals as (
            select location_id, sum(down_mbps) as down from line
            where municipality_id = $1 group by location_id
        ), rows as (
            select n.line_id, l.location_id, l.name, l.users_count, l.users_none, n.position,
                   n.purpose, n.down_mbps, n.up_mbps, n.line_type, n.ownership, n.provider,
                   n.theoretical_max, n.yearly_cost, n.contract_expires, n.notice_days,
                   n.notes, l.address, l.notes as location_notes,
                   case when l.users_count > 0 then t.down / l.users_count end as per_user,
                   n.line_type in ('adsl', 'radio') as slow_type,
                   n.ownership = 'leased' as leased,
                   coalesce(l.users_count > 0 and t.down / l.users_count < m.mbps_per_user_threshold, false) as under_threshold,
                   coalesce($2::date >= n.contract_expires - coalesce(n.notice_days, 0), false) as in_notice,
                   coalesce($2::date > n.contract_expires, false) as expired
            from line n
            join location l on l.location_id = n.location_id and l.municipality_id = $1
            join municipality m on m.municipality_id = l.municipality_id
            left join totals t on t.location_id = l.location_id
            where n.municipality_id = $1
              and ($3 = '' or n.line_type = $3)
              and ($4 = '' or n.ownership = $4)
              and ($5 = '' or strpos(lower(l.name), lower($5)) > 0)
              and ($11::bigint is null or l.location_id = $11)
        )
        select line_id as "line_id!", location_id as "location_id!", name as "name!",
               users_count, users_none as "users_none!", purpose, down_mbps, up_mbps,
               line_type as "line_type!", ownership as "ownership!", provider,
               theoretical_max as "theoretical_max!", yearly_cost,
               contract_expires as "contract_expires: NaiveDate", notice_days, notes,
               address, location_notes, per_user,
               slow_type as "slow_type!", leased as "leased!",
               under_threshold as "under_threshold!", in_notice as "in_notice!",
               expired as "expired!", count(*) over () as "total!"
        from rows
        where (not $6 or slow_type or leased or under_threshold or in_notice)
          and (not $12 or slow_type)
          and (not $13 or under_threshold)
        order by
            case when $7 = 'users' and not $8 then users_count end asc nulls last,
            case when $7 = 'users' and $8 then users_count end desc nulls last,
            case when $7 = 'per_user' and not $8 then per_user end asc nulls last,
            case when $7 = 'per_user' and $8 then per_user end desc nulls last,
            case when $7 = 'expires' and not $8 then contract_expires end asc nulls last,
            case when $7 = 'expires' and $8 then contract_expires end desc nulls last,
            case when $8 and $7 = 'name' then lower(name) end desc,
            lower(name), position, line_id
        offset $9 limit $10
        "#,
        municipality_id,
        today as _,
        filter.line_type,
        filter.ownership,
        filter.q,
        filter.attention.is_some(),
        filter.sort_key(),
        filter.descending(),
        offset,
        limit,
        filter.location_id,
        filter.slow.is_some(),
        filter.under.is_some()
    )
    .fetch_all(db)
    .await?;
    let total = rows.first().map(|r| r.total).unwrap_or(0);
    Ok(Listing {
        total,
        threshold,
        rows: rows
            .into_iter()
            .map(|r| Row {
                line_id: r.line_id,
                location_id: r.location_id,
                location: r.name,
                users_count: r.users_count,
                users_none: r.users_none,
                purpose: r.purpose,
                down_mbps: r.down_mbps,
                up_mbps: r.up_mbps,
                line_type: r.line_type,
                ownership: r.ownership,
                provider: r.provider,
                theoretical_max: r.theoretical_max,
                yearly_cost: r.yearly_cost,
                contract_expires: r.contract_expires,
                notice_days: r.notice_days,
                notes: r.notes,
                address: r.address,
                location_notes: r.location_notes,
                per_user: r.per_user,
                slow_type: r.slow_type,
                leased: r.leased,
                under_threshold: r.under_threshold,
                in_notice: r.in_notice,
                expired: r.expired,
            })
            .collect(),
    })
}

/// The inventory's totals, over every line of the municipality (not the filtered page).
#[derive(Clone, Debug, Default)]
pub struct Totals {
    pub locations: i64,
    pub lines: i64,
    pub users: i64,
    pub by_type: Vec<(&'static str, i64)>,
    pub own: i64,
    pub leased: i64,
    pub cost: Decimal,
    pub cost_unknown: i64,
}

impl Totals {
    pub fn cost_text(&self) -> String {
        Nok(self.cost).to_string()
    }
}

pub async fn totals(db: &PgPool, municipality_id: i64) -> AppResult<Totals> {
    let l = sqlx::query!(
        r#"select count(*) as "locations!", coalesce(sum(users_count), 0)::bigint as "users!"
           from location where municipality_id = $1"#,
        municipality_id
    )
    .fetch_one(db)
    .await?;
    let n = sqlx::query!(
        r#"select count(*) as "lines!",
                  count(*) filter (where ownership = 'own') as "own!",
                  count(*) filter (where ownership = 'leased') as "leased!",
                  coalesce(sum(yearly_cost), 0) as "cost!",
                  count(*) filter (where yearly_cost is null) as "cost_unknown!"
           from line where municipality_id = $1"#,
        municipality_id
    )
    .fetch_one(db)
    .await?;
    let by_type = sqlx::query!(
        r#"select line_type, count(*) as "n!" from line where municipality_id = $1
           group by line_type order by count(*) desc, line_type"#,
        municipality_id
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|r| (type_key(&r.line_type), r.n))
    .collect();
    Ok(Totals {
        locations: l.locations,
        users: l.users,
        lines: n.lines,
        own: n.own,
        leased: n.leased,
        cost: n.cost,
        cost_unknown: n.cost_unknown,
        by_type,
    })
}

/// One location with its lines and the measures that will change it.
pub struct Location {
    pub location_id: i64,
    pub name: String,
    pub address: Option<String>,
    pub notes: Option<String>,
    pub lines: Vec<Row>,
    pub measures: Vec<LinkedMeasure>,
}

pub struct LinkedMeasure {
    pub link_id: i64,
    pub measure_id: i64,
    pub title: String,
    pub plan: String,
    pub status_key: &'static str,
}

pub async fn location(
    db: &PgPool,
    municipality_id: i64,
    location_id: i64,
    today: NaiveDate,
) -> AppResult<Location> {
    let l = sqlx::query!(
        "select name, address, notes from location where municipality_id = $1 and location_id = $2",
        municipality_id,
        location_id
    )
    .fetch_optional(db)
    .await?
    .ok_or(AppError::NotFound)?;
    let only = Filter {
        location_id: Some(location_id),
        ..Filter::default()
    };
    let lines = list(db, municipality_id, &only, today, 0, 1_000)
        .await?
        .rows;
    let measures = sqlx::query!(
        r#"select ml.measure_location_id, m.measure_id, m.title, p.name as plan, m.status
           from measure_location ml
           join measure m on m.measure_id = ml.measure_id and m.municipality_id = $1
           join action_plan p on p.action_plan_id = m.action_plan_id
           where ml.municipality_id = $1 and ml.location_id = $2
           order by m.title"#,
        municipality_id,
        location_id
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|r| LinkedMeasure {
        link_id: r.measure_location_id,
        measure_id: r.measure_id,
        title: r.title,
        plan: r.plan,
        status_key: crate::measures::model::Status::parse(&r.status)
            .map(|s| s.label_key())
            .unwrap_or("lines-none"),
    })
    .collect();
    Ok(Location {
        location_id,
        name: l.name,
        address: l.address,
        notes: l.notes,
        lines,
        measures,
    })
}

/// A location or a place (not in the inventory) that a measure changes.
pub struct MeasurePlace {
    pub link_id: i64,
    pub location_id: Option<i64>,
    pub name: String,
}

/// The locations and places a measure changes; nothing for a user who may not read the
/// inventory (the query is not even made).
pub async fn of_measure(
    db: &PgPool,
    user: &crate::auth::CurrentUser,
    measure_id: i64,
) -> Result<Vec<MeasurePlace>, sqlx::Error> {
    if !user.can_read_confidential() {
        return Ok(Vec::new());
    }
    Ok(sqlx::query!(
        r#"select ml.measure_location_id, ml.location_id, coalesce(l.name, ml.place) as "name!"
           from measure_location ml left join location l on l.location_id = ml.location_id
           where ml.municipality_id = $1 and ml.measure_id = $2
           order by ml.location_id is null, 3"#,
        user.municipality_id,
        measure_id
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|r| MeasurePlace {
        link_id: r.measure_location_id,
        location_id: r.location_id,
        name: r.name,
    })
    .collect())
}

/// A location's form values as saved, with its version; `None` when it is not the
/// municipality's. Takes any executor, so `store` reads it inside its transaction.
pub async fn saved_location(
    db: impl sqlx::PgExecutor<'_>,
    municipality_id: i64,
    location_id: i64,
) -> Result<Option<(LocationInput, i32)>, sqlx::Error> {
    Ok(sqlx::query!(
        "select name, address, users_count, users_none, notes, version from location
         where location_id = $1 and municipality_id = $2",
        location_id,
        municipality_id
    )
    .fetch_optional(db)
    .await?
    .map(|r| {
        (
            LocationInput {
                name: r.name,
                address: r.address,
                users: Users::of(r.users_count, r.users_none),
                notes: r.notes,
            },
            r.version,
        )
    }))
}

pub async fn location_input(
    db: &PgPool,
    municipality_id: i64,
    location_id: i64,
) -> AppResult<(LocationInput, i32)> {
    saved_location(db, municipality_id, location_id)
        .await?
        .ok_or(AppError::NotFound)
}

/// A line as saved, with its version and its location.
pub struct SavedLine {
    pub input: LineInput,
    pub version: i32,
    pub location_id: i64,
    pub location: String,
}

/// A line as saved; `None` when it is not the municipality's. Any executor, as above.
pub async fn saved_line(
    db: impl sqlx::PgExecutor<'_>,
    municipality_id: i64,
    line_id: i64,
) -> Result<Option<SavedLine>, sqlx::Error> {
    Ok(sqlx::query!(
        r#"select l.name as location, n.location_id, n.purpose, n.down_mbps, n.up_mbps,
                  n.line_type, n.ownership, n.provider, n.theoretical_max, n.yearly_cost,
                  n.contract_expires as "contract_expires: NaiveDate", n.notice_days,
                  n.notes, n.version
           from line n join location l on l.location_id = n.location_id
           where n.line_id = $1 and n.municipality_id = $2"#,
        line_id,
        municipality_id
    )
    .fetch_optional(db)
    .await?
    .map(|r| SavedLine {
        input: LineInput {
            purpose: r.purpose,
            down_mbps: r.down_mbps,
            up_mbps: r.up_mbps,
            line_type: LineType::parse(&r.line_type).unwrap_or(LineType::Other),
            ownership: Ownership::parse(&r.ownership).unwrap_or(Ownership::Own),
            provider: r.provider,
            theoretical_max: r.theoretical_max,
            yearly_cost: r.yearly_cost,
            contract_expires: r.contract_expires,
            notice_days: r.notice_days,
            notes: r.notes,
        },
        version: r.version,
        location_id: r.location_id,
        location: r.location,
    }))
}

/// A line's form values as saved: (input, version, location id, location name).
pub async fn line_input(
    db: &PgPool,
    municipality_id: i64,
    line_id: i64,
) -> AppResult<(LineInput, i32, i64, String)> {
    let l = saved_line(db, municipality_id, line_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((l.input, l.version, l.location_id, l.location))
}

/// What deleting a location takes with it: (lines, linked measures).
pub async fn location_dependants(
    db: &PgPool,
    municipality_id: i64,
    location_id: i64,
) -> AppResult<(i64, i64)> {
    let r = sqlx::query!(
        r#"select (select count(*) from line where location_id = $1 and municipality_id = $2) as "lines!",
                  (select count(*) from measure_location where location_id = $1 and municipality_id = $2) as "measures!""#,
        location_id,
        municipality_id
    )
    .fetch_one(db)
    .await?;
    Ok((r.lines, r.measures))
}

/// A measure's title and plan, for the page that links it to locations.
pub async fn measure_head(
    db: &PgPool,
    municipality_id: i64,
    measure_id: i64,
) -> AppResult<(String, i64)> {
    let r = sqlx::query!(
        "select title, action_plan_id from measure where measure_id = $1 and municipality_id = $2",
        measure_id,
        municipality_id
    )
    .fetch_optional(db)
    .await?
    .ok_or(AppError::NotFound)?;
    Ok((r.title, r.action_plan_id))
}

/// Every line's and location's version: what an import's preview compared with.
pub struct Versions {
    pub lines: std::collections::HashMap<i64, i32>,
    pub locations: std::collections::HashMap<i64, i32>,
}

pub async fn versions(db: &PgPool, municipality_id: i64) -> AppResult<Versions> {
    let lines = sqlx::query!(
        "select line_id, version from line where municipality_id = $1",
        municipality_id
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|r| (r.line_id, r.version))
    .collect();
    let locations = sqlx::query!(
        "select location_id, version from location where municipality_id = $1",
        municipality_id
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|r| (r.location_id, r.version))
    .collect();
    Ok(Versions { lines, locations })
}
