//! Queries and view models of the system register: the filtered, sorted list; one system with
//! everything it has; what the forms offer; the cooperations.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Deserialize;
use sqlx::PgPool;

use super::model::{
    ArchiveMethod, Criticality, Lifecycle, OperatorKind, Owner, SystemInput, agreement_expiring,
    confirmation_stale, evaluation_overdue, next_evaluation,
};
use crate::{
    auth::CurrentUser,
    domain::{format_date, format_datetime},
    error::{AppError, AppResult},
};

/// The list's filters and order, as the query string keeps them (so a reload keeps them).
#[derive(Clone, Debug, Default, Deserialize)]
pub struct Filter {
    #[serde(default)]
    pub q: String,
    /// A unit id, or «none» for systems without an owner.
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub cooperation: String,
    #[serde(default)]
    pub vendor: String,
    #[serde(default)]
    pub operator: String,
    #[serde(default)]
    pub lifecycle: String,
    #[serde(default)]
    pub criticality: String,
    #[serde(default)]
    pub overdue: Option<String>,
    #[serde(default)]
    pub expiring: Option<String>,
    #[serde(default)]
    pub unconfirmed: Option<String>,
    #[serde(default)]
    pub no_superuser: Option<String>,
    /// Personal data processed without a data processing agreement.
    #[serde(default)]
    pub no_dpa: Option<String>,
    /// «Mine systemer»: the systems the user is superuser or administrator for.
    #[serde(default)]
    pub mine: Option<String>,
    #[serde(default)]
    pub sort: String,
    #[serde(default)]
    pub dir: String,
}

pub const SORTS: [&str; 6] = [
    "name",
    "owner",
    "vendor",
    "lifecycle",
    "confirmed",
    "evaluation",
];

impl Filter {
    /// The filter without NUL bytes: PostgreSQL cannot compare text holding one, and no name
    /// holds one either, so a tampered link simply matches nothing it would not.
    pub fn cleaned(mut self) -> Self {
        for v in [
            &mut self.q,
            &mut self.owner,
            &mut self.cooperation,
            &mut self.vendor,
            &mut self.operator,
            &mut self.lifecycle,
            &mut self.criticality,
            &mut self.sort,
            &mut self.dir,
        ] {
            v.retain(|c| c != '\0');
        }
        self
    }

    pub fn sort_key(&self) -> &str {
        SORTS
            .iter()
            .find(|s| **s == self.sort)
            .copied()
            .unwrap_or("name")
    }

    pub fn descending(&self) -> bool {
        self.dir == "desc"
    }

    pub fn is_active(&self) -> bool {
        !(self.q.trim().is_empty()
            && self.owner.is_empty()
            && self.cooperation.is_empty()
            && self.vendor.is_empty()
            && self.operator.is_empty()
            && self.lifecycle.is_empty()
            && self.criticality.is_empty()
            && self.overdue.is_none()
            && self.expiring.is_none()
            && self.unconfirmed.is_none()
            && self.no_superuser.is_none()
            && self.no_dpa.is_none()
            && self.mine.is_none())
    }

    /// The query string of the filters (not the order or page), for links that keep them.
    pub fn query(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        for (k, v) in [
            ("q", self.q.trim()),
            ("owner", self.owner.as_str()),
            ("cooperation", self.cooperation.as_str()),
            ("vendor", self.vendor.as_str()),
            ("operator", self.operator.as_str()),
            ("lifecycle", self.lifecycle.as_str()),
            ("criticality", self.criticality.as_str()),
        ] {
            if !v.is_empty() {
                pairs.push((k, v.to_string()));
            }
        }
        for (k, v) in [
            ("overdue", &self.overdue),
            ("expiring", &self.expiring),
            ("unconfirmed", &self.unconfirmed),
            ("no_superuser", &self.no_superuser),
            ("no_dpa", &self.no_dpa),
            ("mine", &self.mine),
        ] {
            if v.is_some() {
                pairs.push((k, "1".into()));
            }
        }
        serde_urlencoded::to_string(&pairs).unwrap_or_default()
    }

    /// The link of a column heading: sorts by it, ascending, or flips the direction when the
    /// list is already sorted by it.
    pub fn sort_link(&self, key: &str) -> String {
        let dir = if self.sort_key() == key && !self.descending() {
            "desc"
        } else {
            "asc"
        };
        let q = self.query();
        let sep = if q.is_empty() { "" } else { "&" };
        format!("?{q}{sep}sort={key}&dir={dir}")
    }

    /// `aria-sort` of a column heading.
    pub fn aria_sort(&self, key: &str) -> &'static str {
        match (self.sort_key() == key, self.descending()) {
            (true, false) => "ascending",
            (true, true) => "descending",
            _ => "none",
        }
    }

    pub fn selected(&self, value: &str, chosen: &str) -> bool {
        value == chosen
    }
}

/// A system as its row in the list shows it.
pub struct Row {
    pub system_id: i64,
    pub name: String,
    pub owner: Option<String>,
    pub vendor: Option<String>,
    pub operator_kind: Option<OperatorKind>,
    pub operator_name: Option<String>,
    pub cooperation: Option<String>,
    pub lifecycle: Lifecycle,
    pub criticality: Option<Criticality>,
    pub superusers: String,
    pub confirmed_on: Option<NaiveDate>,
    pub overdue: bool,
    /// Never evaluated (so overdue): said so rather than «forfalt».
    pub never_evaluated: bool,
    pub expiring: bool,
    pub unconfirmed: bool,
}

impl Row {
    pub fn confirmed_text(&self) -> String {
        self.confirmed_on.map(format_date).unwrap_or_default()
    }
}

pub struct Listing {
    pub rows: Vec<Row>,
    pub total: i64,
}

/// One page of the municipality's systems as the filter and order say.
pub async fn list(
    db: &PgPool,
    user: &CurrentUser,
    f: &Filter,
    today: NaiveDate,
    offset: i64,
    limit: i64,
) -> AppResult<Listing> {
    let q = f.q.trim();
    let owner_unit = f.owner.parse::<i64>().ok();
    let no_owner = f.owner == "none";
    let cooperation = f.cooperation.parse::<i64>().ok();
    let evaluation_limit = today
        .checked_sub_months(chrono::Months::new(super::model::EVALUATION_MONTHS))
        .unwrap_or(today);
    let confirmed_limit = today
        .checked_sub_months(chrono::Months::new(super::model::CONFIRMATION_MONTHS))
        .unwrap_or(today);
    let rows = sqlx::query!(
        r#"
        with s as (
            select s.system_id, s.name, coalesce(u.name, s.owner_text) as owner, s.owner_unit_id, s.owner_text,
                   s.vendor, s.operator_kind, s.operator_name, c.name as cooperation, s.cooperation_id,
                   s.lifecycle, s.criticality, s.last_evaluated, s.support_expires, s.support_notice_days,
                   (s.confirmed_at at time zone 'Europe/Oslo')::date as confirmed_on,
                   exists (select 1 from system_superuser su where su.system_id = s.system_id) as has_superuser,
                   (coalesce(s.personal_data, false) and s.dpa is not true) as dpa_missing,
                   ($4::bigint is not null and (s.administrator_id = $4 or exists (
                       select 1 from system_superuser su where su.system_id = s.system_id and su.person_id = $4))) as mine
            from system s
            left join unit u on u.unit_id = s.owner_unit_id
            left join cooperation c on c.cooperation_id = s.cooperation_id
            where s.municipality_id = $1
        )
        select system_id as "system_id!", name as "name!", owner as "owner?", vendor as "vendor?",
               operator_kind as "operator_kind?", operator_name as "operator_name?",
               cooperation as "cooperation?", lifecycle as "lifecycle!", criticality as "criticality?",
               -- Names only for the rows of this page (the search looks them up below).
               coalesce((select string_agg(p.name, ', ' order by su.position, p.name) from system_superuser su
                         join person p using (person_id) where su.system_id = s.system_id), '') as "superusers!",
               confirmed_on as "confirmed_on?: NaiveDate",
               last_evaluated as "last_evaluated?: NaiveDate",
               support_expires as "support_expires?: NaiveDate", support_notice_days as "support_notice_days?",
               count(*) over () as "total!"
        from s s
        where ($2 = '' or name ilike '%' || $2 || '%' or coalesce(owner, '') ilike '%' || $2 || '%'
               or coalesce(vendor, '') ilike '%' || $2 || '%'
               or exists (select 1 from system_superuser su join person p using (person_id)
                          where su.system_id = s.system_id and p.name ilike '%' || $2 || '%'))
          and ($3::bigint is null or owner_unit_id = $3)
          and (not $5 or (owner_unit_id is null and owner_text is null))
          and ($6::bigint is null or cooperation_id = $6)
          and ($7 = '' or vendor = $7)
          and ($8 = '' or operator_kind = $8)
          and ($9 = '' or lifecycle = $9)
          and ($10 = '' or criticality = $10)
          and (not $11 or last_evaluated is null or last_evaluated < $12)
          and (not $13 or (support_expires is not null
                           and support_expires - coalesce(support_notice_days, 90) <= $14))
          and (not $15 or confirmed_on is null or confirmed_on < $16)
          and (not $17 or not has_superuser)
          and (not $18 or mine)
          and (not $23 or dpa_missing)
        order by
          case when $19 = 'owner' and not $20 then lower(owner) end asc nulls last,
          case when $19 = 'owner' and $20 then lower(owner) end desc nulls last,
          case when $19 = 'vendor' and not $20 then lower(vendor) end asc nulls last,
          case when $19 = 'vendor' and $20 then lower(vendor) end desc nulls last,
          case when $19 = 'lifecycle' and not $20 then lifecycle end asc,
          case when $19 = 'lifecycle' and $20 then lifecycle end desc,
          case when $19 = 'confirmed' and not $20 then confirmed_on end asc nulls first,
          case when $19 = 'confirmed' and $20 then confirmed_on end desc nulls last,
          case when $19 = 'evaluation' and not $20 then last_evaluated end asc nulls first,
          case when $19 = 'evaluation' and $20 then last_evaluated end desc nulls last,
          case when $19 = 'name' and $20 then lower(name) end desc,
          lower(name), system_id
        limit $21 offset $22
        "#,
        user.municipality_id,
        q,
        owner_unit,
        user.person_id,
        no_owner,
        cooperation,
        f.vendor,
        f.operator,
        f.lifecycle,
        f.criticality,
        f.overdue.is_some(),
        evaluation_limit as _,
        f.expiring.is_some(),
        today as _,
        f.unconfirmed.is_some(),
        confirmed_limit as _,
        f.no_superuser.is_some(),
        f.mine.is_some(),
        f.sort_key(),
        f.descending(),
        limit,
        offset,
        f.no_dpa.is_some()
    )
    .fetch_all(db)
    .await?;
    let total = rows.first().map(|r| r.total).unwrap_or(0);
    Ok(Listing {
        total,
        rows: rows
            .into_iter()
            .map(|r| Row {
                system_id: r.system_id,
                name: r.name,
                owner: r.owner,
                vendor: r.vendor,
                operator_kind: r.operator_kind.as_deref().and_then(OperatorKind::parse),
                operator_name: r.operator_name,
                cooperation: r.cooperation,
                lifecycle: Lifecycle::parse(&r.lifecycle).unwrap_or(Lifecycle::InUse),
                criticality: r.criticality.as_deref().and_then(Criticality::parse),
                superusers: r.superusers,
                overdue: evaluation_overdue(r.last_evaluated, today),
                never_evaluated: r.last_evaluated.is_none(),
                expiring: agreement_expiring(r.support_expires, r.support_notice_days, today),
                unconfirmed: confirmation_stale(r.confirmed_on, today),
                confirmed_on: r.confirmed_on,
            })
            .collect(),
    })
}

/// The choices the list's filters and the form offer.
pub struct Options {
    pub units: Vec<(i64, String)>,
    pub people: Vec<(i64, String)>,
    pub cooperations: Vec<(i64, String)>,
    pub vendors: Vec<String>,
    /// (measure id, title, plan name), by plan then title.
    pub measures: Vec<(i64, String, String)>,
}

pub async fn options(db: &PgPool, m: i64) -> AppResult<Options> {
    let units = crate::org::read::unit_names(db, m).await?;
    let people = crate::org::read::person_names(db, m).await?;
    let cooperations = sqlx::query!(
        r#"select cooperation_id, name from cooperation where municipality_id = $1 order by name"#,
        m
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|r| (r.cooperation_id, r.name))
    .collect();
    let vendors = sqlx::query_scalar!(
        r#"select distinct vendor as "vendor!" from system where municipality_id = $1 and vendor is not null order by 1"#,
        m
    )
    .fetch_all(db)
    .await?;
    let measures = sqlx::query!(
        r#"
        select me.measure_id, me.title, p.name as plan from measure me join action_plan p using (action_plan_id)
        where me.municipality_id = $1 order by p.start_year desc, p.action_plan_id desc, me.position, me.measure_id
        "#,
        m
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|r| (r.measure_id, r.title, r.plan))
    .collect();
    Ok(Options {
        units,
        people,
        cooperations,
        vendors,
        measures,
    })
}

/// A person as the system page shows them: whom to call.
pub struct Contact {
    pub person_id: i64,
    pub name: String,
    pub title: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

pub struct Meeting {
    pub id: i64,
    pub held_on: NaiveDate,
    pub attendees: Option<String>,
    /// (catalog key of the topic, note)
    pub topics: Vec<(&'static str, String)>,
    pub by: Option<String>,
}

impl Meeting {
    pub fn held_text(&self) -> String {
        format_date(self.held_on)
    }
}

/// One system with everything the page shows.
pub struct System {
    pub id: i64,
    pub version: i32,
    pub input: SystemInput,
    pub owner_name: Option<String>,
    pub administrator: Option<Contact>,
    pub superusers: Vec<Contact>,
    pub cooperation: Option<(i64, String)>,
    pub measures: Vec<(i64, String, String)>,
    pub meetings: Vec<Meeting>,
    pub confirmed_at: Option<DateTime<Utc>>,
    pub confirmed_by: Option<String>,
}

impl System {
    pub fn confirmed_text(&self) -> String {
        match (self.confirmed_at, &self.confirmed_by) {
            (Some(at), Some(by)) => format!("{} – {by}", format_datetime(at)),
            (Some(at), None) => format_datetime(at),
            _ => String::new(),
        }
    }

    pub fn confirmation_stale(&self, today: &NaiveDate) -> bool {
        confirmation_stale(
            self.confirmed_at
                .map(|t| t.with_timezone(&chrono_tz::Europe::Oslo).date_naive()),
            *today,
        )
    }

    pub fn next_evaluation_text(&self) -> String {
        next_evaluation(self.input.last_evaluated)
            .map(format_date)
            .unwrap_or_default()
    }

    pub fn evaluation_overdue(&self, today: &NaiveDate) -> bool {
        evaluation_overdue(self.input.last_evaluated, *today)
    }

    pub fn agreement_expiring(&self, today: &NaiveDate) -> bool {
        agreement_expiring(
            self.input.support_expires,
            self.input.support_notice_days,
            *today,
        )
    }

    /// The user may change the superuser's fields: a superuser of this system.
    pub fn is_superuser(&self, user: &CurrentUser) -> bool {
        user.person_id
            .is_some_and(|p| self.superusers.iter().any(|s| s.person_id == p))
    }

    /// A superuser or the system administrator may confirm the entry.
    pub fn may_confirm(&self, user: &CurrentUser) -> bool {
        self.is_superuser(user)
            || user
                .person_id
                .is_some_and(|p| self.input.administrator_id == Some(p))
    }
}

fn opt_date(d: Option<NaiveDate>) -> String {
    d.map(format_date).unwrap_or_default()
}

pub async fn system(db: &PgPool, m: i64, id: i64) -> AppResult<System> {
    let r = sqlx::query!(
        r#"
        select s.system_id, s.version, s.name, s.description, s.vendor, s.operator_kind, s.operator_name,
               s.owner_unit_id, s.owner_text, u.name as "owner_name?", s.administrator_id, s.users_count,
               s.cooperation_id, c.name as "cooperation?", s.host, s.server_location, s.database, s.lifecycle,
               s.criticality, s.personal_data, s.data_controller, s.dpa, s.dpa_date as "dpa_date: NaiveDate",
               s.dpia_date as "dpia_date: NaiveDate", s.processing_record_ref, s.archive_records, s.archive_method,
               s.support_with, s.support_expires as "support_expires: NaiveDate", s.support_notice_days,
               s.last_evaluated as "last_evaluated: NaiveDate", s.notes,
               s.confirmed_at as "confirmed_at: DateTime<Utc>", cu.display_name as "confirmed_by?"
        from system s
        left join unit u on u.unit_id = s.owner_unit_id
        left join cooperation c on c.cooperation_id = s.cooperation_id
        left join app_user cu on cu.app_user_id = s.confirmed_by
        where s.system_id = $1 and s.municipality_id = $2
        "#,
        id,
        m
    )
    .fetch_optional(db)
    .await?
    .ok_or(AppError::NotFound)?;
    let contacts = sqlx::query!(
        r#"
        select p.person_id, p.name, p.title, p.email, p.phone, su.position
        from system_superuser su join person p using (person_id)
        where su.system_id = $1 and su.municipality_id = $2 order by su.position, p.name
        "#,
        id,
        m
    )
    .fetch_all(db)
    .await?;
    let superusers: Vec<Contact> = contacts
        .into_iter()
        .map(|p| Contact {
            person_id: p.person_id,
            name: p.name,
            title: p.title,
            email: p.email,
            phone: p.phone,
        })
        .collect();
    let administrator = match r.administrator_id {
        Some(a) => sqlx::query!(
            r#"select person_id, name, title, email, phone from person where person_id = $1 and municipality_id = $2"#,
            a,
            m
        )
        .fetch_optional(db)
        .await?
        .map(|p| Contact {
            person_id: p.person_id,
            name: p.name,
            title: p.title,
            email: p.email,
            phone: p.phone,
        }),
        None => None,
    };
    let measures = sqlx::query!(
        r#"
        select me.measure_id, me.title, p.name as plan
        from measure_system ms join measure me using (measure_id) join action_plan p using (action_plan_id)
        where ms.system_id = $1 and ms.municipality_id = $2 order by p.start_year desc, me.position
        "#,
        id,
        m
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|x| (x.measure_id, x.title, x.plan))
    .collect::<Vec<_>>();
    let meetings = sqlx::query!(
        r#"
        select g.system_meeting_id, g.held_on as "held_on: NaiveDate", g.attendees, g.operations, g.satisfaction,
               g.training, g.security, g.contingency, g.development, g.changes, u.display_name as "by?"
        from system_meeting g left join app_user u on u.app_user_id = g.created_by
        where g.system_id = $1 and g.municipality_id = $2 order by g.held_on desc, g.system_meeting_id desc
        "#,
        id,
        m
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|g| {
        let notes = [
            g.operations,
            g.satisfaction,
            g.training,
            g.security,
            g.contingency,
            g.development,
            g.changes,
        ];
        Meeting {
            id: g.system_meeting_id,
            held_on: g.held_on,
            attendees: g.attendees,
            topics: super::model::MEETING_TOPICS
                .iter()
                .zip(notes)
                .filter_map(|((_, key), note)| note.map(|n| (*key, n)))
                .collect(),
            by: g.by,
        }
    })
    .collect();
    let owner = match (r.owner_unit_id, r.owner_text) {
        (Some(u), _) => Owner::Unit(u),
        (None, Some(t)) => Owner::Text(t),
        _ => Owner::Nobody,
    };
    Ok(System {
        id: r.system_id,
        version: r.version,
        owner_name: r.owner_name.or(match &owner {
            Owner::Text(t) => Some(t.clone()),
            _ => None,
        }),
        input: SystemInput {
            name: r.name,
            description: r.description,
            vendor: r.vendor,
            operator_kind: r.operator_kind.as_deref().and_then(OperatorKind::parse),
            operator_name: r.operator_name,
            owner,
            administrator_id: r.administrator_id,
            superusers: superusers.iter().map(|s| s.person_id).collect(),
            users_count: r.users_count,
            cooperation_id: r.cooperation_id,
            host: r.host,
            server_location: r.server_location,
            database: r.database,
            lifecycle: Lifecycle::parse(&r.lifecycle),
            criticality: r.criticality.as_deref().and_then(Criticality::parse),
            personal_data: r.personal_data,
            data_controller: r.data_controller,
            dpa: r.dpa,
            dpa_date: r.dpa_date,
            dpia_date: r.dpia_date,
            processing_record_ref: r.processing_record_ref,
            archive_records: r.archive_records,
            archive_method: r.archive_method.as_deref().and_then(ArchiveMethod::parse),
            support_with: r.support_with,
            support_expires: r.support_expires,
            support_notice_days: r.support_notice_days,
            last_evaluated: r.last_evaluated,
            notes: r.notes,
            measures: measures.iter().map(|(id, _, _)| *id).collect(),
        },
        cooperation: r.cooperation_id.zip(r.cooperation),
        administrator,
        superusers,
        measures,
        meetings,
        confirmed_at: r.confirmed_at,
        confirmed_by: r.confirmed_by,
    })
}

impl System {
    pub fn dpa_date_text(&self) -> String {
        opt_date(self.input.dpa_date)
    }
    pub fn dpia_date_text(&self) -> String {
        opt_date(self.input.dpia_date)
    }
    pub fn support_expires_text(&self) -> String {
        opt_date(self.input.support_expires)
    }
    pub fn last_evaluated_text(&self) -> String {
        opt_date(self.input.last_evaluated)
    }
}

/// A cooperation and the systems it shares, with who hosts each.
pub struct Cooperation {
    pub id: i64,
    pub name: String,
    pub members: Vec<String>,
    pub board: Option<String>,
    pub note: Option<String>,
    /// (system id, name, host)
    pub systems: Vec<(i64, String, Option<String>)>,
}

pub async fn cooperations(db: &PgPool, m: i64) -> AppResult<Vec<Cooperation>> {
    let rows = sqlx::query!(
        r#"select cooperation_id, name, members, board, note from cooperation where municipality_id = $1 order by name"#,
        m
    )
    .fetch_all(db)
    .await?;
    let systems = sqlx::query!(
        r#"
        select cooperation_id as "cooperation_id!", system_id, name, host from system
        where municipality_id = $1 and cooperation_id is not null order by lower(name)
        "#,
        m
    )
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Cooperation {
            systems: systems
                .iter()
                .filter(|s| s.cooperation_id == r.cooperation_id)
                .map(|s| (s.system_id, s.name.clone(), s.host.clone()))
                .collect(),
            id: r.cooperation_id,
            name: r.name,
            members: r.members,
            board: r.board,
            note: r.note,
        })
        .collect())
}

/// The systems a measure concerns (id, name), by name: the measure's page links to them.
pub async fn of_measure(db: &PgPool, m: i64, measure_id: i64) -> AppResult<Vec<(i64, String)>> {
    Ok(sqlx::query!(
        r#"
        select s.system_id, s.name from measure_system ms join system s using (system_id)
        where ms.measure_id = $1 and ms.municipality_id = $2 order by lower(s.name)
        "#,
        measure_id,
        m
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|r| (r.system_id, r.name))
    .collect())
}

/// The municipality's systems by name, for a form that chooses one: (id, name).
pub async fn system_names(db: &PgPool, m: i64) -> Result<Vec<(i64, String)>, sqlx::Error> {
    Ok(sqlx::query!(
        r#"select system_id, name from system where municipality_id = $1 order by lower(name)"#,
        m
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|r| (r.system_id, r.name))
    .collect())
}
