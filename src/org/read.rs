//! Queries and view models for units and people. No writes.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use sqlx::{PgConnection, PgPool};

use super::model::{CapacityForm, Choices, PersonForm, PersonSnapshot, UnitForm, UnitSnapshot};
use crate::domain::Hours;

/// A unit's row in the list.
pub struct UnitRow {
    pub id: i64,
    pub name: String,
    pub short_name: Option<String>,
    pub leader_id: Option<i64>,
    pub leader: Option<String>,
    pub parent_id: Option<i64>,
    pub parent: Option<String>,
    pub people: i64,
    pub systems: i64,
}

/// The units whose name (or short name) contains `q`, by name.
pub async fn units(db: &PgPool, m: i64, q: &str) -> Result<Vec<UnitRow>, sqlx::Error> {
    sqlx::query_as!(
        UnitRow,
        r#"
        select u.unit_id as id, u.name, u.short_name, u.leader_person_id as leader_id,
               l.name as "leader?", u.parent_unit_id as parent_id, p.name as "parent?",
               (select count(*) from person x where x.unit_id = u.unit_id) as "people!",
               (select count(*) from system s where s.owner_unit_id = u.unit_id) as "systems!"
        from unit u
        left join person l on l.person_id = u.leader_person_id
        left join unit p on p.unit_id = u.parent_unit_id
        where u.municipality_id = $1
          and ($2 = '' or strpos(lower(u.name), lower($2)) > 0
               or strpos(lower(coalesce(u.short_name, '')), lower($2)) > 0)
        order by u.name
        "#,
        m,
        q
    )
    .fetch_all(db)
    .await
}

pub struct UnitDetail {
    pub id: i64,
    pub name: String,
    pub short_name: Option<String>,
    pub leader_id: Option<i64>,
    pub leader: Option<String>,
    pub parent_id: Option<i64>,
    pub parent: Option<String>,
    pub version: i32,
}

/// One unit of the municipality (RowNotFound, a 404, when it is another's).
pub async fn unit(conn: &mut PgConnection, m: i64, id: i64) -> Result<UnitDetail, sqlx::Error> {
    sqlx::query_as!(
        UnitDetail,
        r#"
        select u.unit_id as id, u.name, u.short_name, u.leader_person_id as leader_id,
               l.name as "leader?", u.parent_unit_id as parent_id, p.name as "parent?", u.version
        from unit u
        left join person l on l.person_id = u.leader_person_id
        left join unit p on p.unit_id = u.parent_unit_id
        where u.unit_id = $1 and u.municipality_id = $2
        "#,
        id,
        m
    )
    .fetch_one(conn)
    .await
}

impl UnitDetail {
    pub fn snapshot(&self) -> UnitSnapshot {
        UnitSnapshot {
            name: self.name.clone(),
            short_name: self.short_name.clone().unwrap_or_default(),
            leader: self.leader.clone().unwrap_or_default(),
            parent: self.parent.clone().unwrap_or_default(),
        }
    }

    /// The form filled with what is saved.
    pub fn form(&self) -> UnitForm {
        UnitForm {
            name: self.name.clone(),
            short_name: self.short_name.clone().unwrap_or_default(),
            leader: self.leader_id.map(|i| i.to_string()).unwrap_or_default(),
            parent: self.parent_id.map(|i| i.to_string()).unwrap_or_default(),
            version: self.version.to_string(),
        }
    }
}

pub async fn unit_snapshot(
    conn: &mut PgConnection,
    m: i64,
    id: i64,
) -> Result<UnitSnapshot, sqlx::Error> {
    Ok(unit(conn, m, id).await?.snapshot())
}

/// (id, name) pairs.
pub type Named = Vec<(i64, String)>;

/// The units directly under a unit.
pub async fn sub_units(db: &PgPool, m: i64, id: i64) -> Result<Named, sqlx::Error> {
    Ok(sqlx::query!(
        r#"select unit_id, name from unit where parent_unit_id = $1 and municipality_id = $2 order by name"#,
        id,
        m
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|r| (r.unit_id, r.name))
    .collect())
}

/// A unit's people: (id, name, title).
pub async fn unit_people(
    db: &PgPool,
    m: i64,
    id: i64,
) -> Result<Vec<(i64, String, Option<String>)>, sqlx::Error> {
    Ok(sqlx::query!(
        r#"select person_id, name, title from person where unit_id = $1 and municipality_id = $2 order by name"#,
        id,
        m
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|r| (r.person_id, r.name, r.title))
    .collect())
}

/// A system the unit owns, with what its owner must see to.
pub struct OwnedSystem {
    pub id: i64,
    pub name: String,
    pub lifecycle: String,
    /// Never evaluated, or last evaluated more than four years ago.
    pub evaluation_overdue: bool,
    /// The support agreement expires within its notice period (90 days when none is given).
    pub support_expiring: bool,
    pub support_expires: Option<NaiveDate>,
    /// Processes personal data without a data processing agreement.
    pub dpa_missing: bool,
}

pub async fn owned_systems(
    db: &PgPool,
    m: i64,
    unit_id: i64,
    today: NaiveDate,
) -> Result<Vec<OwnedSystem>, sqlx::Error> {
    sqlx::query_as!(
        OwnedSystem,
        r#"
        select s.system_id as id, s.name, s.lifecycle,
               (s.last_evaluated is null
                or s.last_evaluated < ($3::date - interval '4 years')) as "evaluation_overdue!",
               (s.support_expires is not null
                and s.support_expires - coalesce(s.support_notice_days, 90) <= $3::date) as "support_expiring!",
               s.support_expires as "support_expires: NaiveDate",
               (coalesce(s.personal_data, false) and s.dpa is not true) as "dpa_missing!"
        from system s
        where s.owner_unit_id = $1 and s.municipality_id = $2
        order by s.name
        "#,
        unit_id,
        m,
        today as _
    )
    .fetch_all(db)
    .await
}

/// The municipality's units (id, name), by name: what every form choosing a unit offers.
pub async fn unit_names(db: &PgPool, m: i64) -> Result<Vec<(i64, String)>, sqlx::Error> {
    Ok(sqlx::query!(
        r#"select unit_id, name from unit where municipality_id = $1 order by name"#,
        m
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|r| (r.unit_id, r.name))
    .collect())
}

/// The municipality's people (id, name), by name: what every form choosing a person offers.
pub async fn person_names(db: &PgPool, m: i64) -> Result<Vec<(i64, String)>, sqlx::Error> {
    Ok(sqlx::query!(
        r#"select person_id, name from person where municipality_id = $1 order by name"#,
        m
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|r| (r.person_id, r.name))
    .collect())
}

/// The units and people the forms offer, and (editing a unit) the unit with everything under
/// it, which cannot become its parent.
pub async fn choices(db: &PgPool, m: i64, unit_id: Option<i64>) -> Result<Choices, sqlx::Error> {
    let units = unit_names(db, m).await?;
    let people = person_names(db, m).await?;
    let below = match unit_id {
        Some(id) => sqlx::query_scalar!(
            r#"
            with recursive below(unit_id, depth) as (
                select unit_id, 0 from unit where unit_id = $1 and municipality_id = $2
                union
                select u.unit_id, b.depth + 1 from unit u join below b on u.parent_unit_id = b.unit_id
                where b.depth < 1000
            )
            select unit_id as "unit_id!" from below order by depth, unit_id
            "#,
            id,
            m
        )
        .fetch_all(db)
        .await?,
        None => Vec::new(),
    };
    Ok(Choices {
        units,
        people,
        below,
    })
}

/// A person's row in the list.
pub struct PersonRow {
    pub id: i64,
    pub name: String,
    pub title: Option<String>,
    pub unit_id: Option<i64>,
    pub unit: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// How many people match `q` (name, e-mail or unit).
pub async fn count_people(db: &PgPool, m: i64, q: &str) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar!(
        r#"
        select count(*) as "n!" from person p left join unit u on u.unit_id = p.unit_id
        where p.municipality_id = $1
          and ($2 = '' or strpos(lower(p.name), lower($2)) > 0
               or strpos(coalesce(p.email, ''), lower($2)) > 0
               or strpos(lower(coalesce(u.name, '')), lower($2)) > 0
               or strpos(lower(coalesce(u.short_name, '')), lower($2)) > 0)
        "#,
        m,
        q
    )
    .fetch_one(db)
    .await
}

/// One page of the people matching `q`, by name.
pub async fn people(
    db: &PgPool,
    m: i64,
    q: &str,
    limit: i64,
    offset: i64,
) -> Result<Vec<PersonRow>, sqlx::Error> {
    sqlx::query_as!(
        PersonRow,
        r#"
        select p.person_id as id, p.name, p.title, p.unit_id, u.name as "unit?", p.email, p.phone
        from person p left join unit u on u.unit_id = p.unit_id
        where p.municipality_id = $1
          and ($2 = '' or strpos(lower(p.name), lower($2)) > 0
               or strpos(coalesce(p.email, ''), lower($2)) > 0
               or strpos(lower(coalesce(u.name, '')), lower($2)) > 0
               or strpos(lower(coalesce(u.short_name, '')), lower($2)) > 0)
        order by p.name, p.person_id
        limit $3 offset $4
        "#,
        m,
        q,
        limit,
        offset
    )
    .fetch_all(db)
    .await
}

pub struct PersonDetail {
    pub id: i64,
    pub name: String,
    pub title: Option<String>,
    pub unit_id: Option<i64>,
    pub unit: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// Own-effort hours per quarter, when set.
    pub capacity_hours: Option<Decimal>,
    pub version: i32,
}

pub async fn person(conn: &mut PgConnection, m: i64, id: i64) -> Result<PersonDetail, sqlx::Error> {
    sqlx::query_as!(
        PersonDetail,
        r#"
        select p.person_id as id, p.name, p.title, p.unit_id, u.name as "unit?", p.email, p.phone,
               p.capacity_hours, p.version
        from person p left join unit u on u.unit_id = p.unit_id
        where p.person_id = $1 and p.municipality_id = $2
        "#,
        id,
        m
    )
    .fetch_one(conn)
    .await
}

impl PersonDetail {
    pub fn snapshot(&self) -> PersonSnapshot {
        PersonSnapshot {
            name: self.name.clone(),
            title: self.title.clone().unwrap_or_default(),
            unit: self.unit.clone().unwrap_or_default(),
            email: self.email.clone().unwrap_or_default(),
            phone: self.phone.clone().unwrap_or_default(),
            capacity: self.capacity_text(),
        }
    }

    /// «120 t», or "" when not set.
    pub fn capacity_text(&self) -> String {
        self.capacity_hours
            .map(|h| Hours(h).to_string())
            .unwrap_or_default()
    }

    pub fn capacity_form(&self) -> CapacityForm {
        CapacityForm {
            capacity: self
                .capacity_hours
                .map(|h| Hours(h).plain())
                .unwrap_or_default(),
        }
    }

    pub fn form(&self) -> PersonForm {
        PersonForm {
            name: self.name.clone(),
            title: self.title.clone().unwrap_or_default(),
            unit: self.unit_id.map(|i| i.to_string()).unwrap_or_default(),
            email: self.email.clone().unwrap_or_default(),
            phone: self.phone.clone().unwrap_or_default(),
            version: self.version.to_string(),
        }
    }
}

pub async fn person_snapshot(
    conn: &mut PgConnection,
    m: i64,
    id: i64,
) -> Result<PersonSnapshot, sqlx::Error> {
    Ok(person(conn, m, id).await?.snapshot())
}

/// A measure a person is responsible for.
pub struct ResponsibleFor {
    pub measure_id: i64,
    pub title: String,
    pub plan_id: i64,
    pub plan: String,
}

/// A plan whose status reports a person writes.
pub struct ReportPlan {
    pub plan_id: i64,
    pub plan: String,
    /// Responsible (else a helper).
    pub responsible: bool,
}

/// What a person's page lists besides their own fields.
pub struct Duties {
    /// The login linked to them: (app_user_id, username).
    pub account: Option<(i64, String)>,
    /// Systems whose owner unit they lead.
    pub owns: Named,
    pub administers: Named,
    pub superuser_for: Named,
    pub measures: Vec<ResponsibleFor>,
    pub reports: Vec<ReportPlan>,
}

pub async fn duties(db: &PgPool, m: i64, id: i64) -> Result<Duties, sqlx::Error> {
    let account = sqlx::query!(
        r#"select app_user_id, username from app_user where person_id = $1 and municipality_id = $2 order by app_user_id limit 1"#,
        id,
        m
    )
    .fetch_optional(db)
    .await?
    .map(|r| (r.app_user_id, r.username));
    let owns = sqlx::query!(
        r#"
        select s.system_id, s.name from system s join unit u on u.unit_id = s.owner_unit_id
        where u.leader_person_id = $1 and s.municipality_id = $2 order by s.name
        "#,
        id,
        m
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|r| (r.system_id, r.name))
    .collect();
    let administers = sqlx::query!(
        r#"select system_id, name from system where administrator_id = $1 and municipality_id = $2 order by name"#,
        id,
        m
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|r| (r.system_id, r.name))
    .collect();
    let superuser_for = sqlx::query!(
        r#"
        select s.system_id, s.name from system_superuser x join system s using (system_id)
        where x.person_id = $1 and s.municipality_id = $2 order by s.name
        "#,
        id,
        m
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|r| (r.system_id, r.name))
    .collect();
    let measures = sqlx::query_as!(
        ResponsibleFor,
        r#"
        select x.measure_id, x.title, p.action_plan_id as plan_id, p.name as plan
        from measure x join action_plan p using (action_plan_id)
        where x.responsible_person_id = $1 and x.municipality_id = $2
        order by p.start_year desc, p.action_plan_id, x.position, x.measure_id
        "#,
        id,
        m
    )
    .fetch_all(db)
    .await?;
    let reports = sqlx::query_as!(
        ReportPlan,
        r#"
        select p.action_plan_id as "plan_id!", p.name as "plan!", bool_or(r.responsible) as "responsible!"
        from (
            select action_plan_id, true as responsible from report_team
            where responsible_person_id = $1 and municipality_id = $2
            union all
            select action_plan_id, false from report_helper
            where person_id = $1 and municipality_id = $2
        ) r join action_plan p using (action_plan_id)
        group by p.action_plan_id, p.name, p.start_year
        order by p.start_year desc, p.action_plan_id
        "#,
        id,
        m
    )
    .fetch_all(db)
    .await?;
    Ok(Duties {
        account,
        owns,
        administers,
        superuser_for,
        measures,
        reports,
    })
}

/// Every person's capacity (own-effort hours per quarter, when set), by id.
pub async fn capacities(
    db: &PgPool,
    m: i64,
) -> Result<std::collections::HashMap<i64, (String, Option<Decimal>)>, sqlx::Error> {
    Ok(sqlx::query!(
        "select person_id, name, capacity_hours from person where municipality_id = $1",
        m
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|r| (r.person_id, (r.name, r.capacity_hours)))
    .collect())
}
