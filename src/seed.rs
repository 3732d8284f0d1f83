//! The demo municipality (Ringebu), loaded from `seeds/ringebu/*.json` on an empty database.
//! The JSON files carry the facts of the municipal documents; see `seeds/README.md`.

use std::collections::HashMap;

use serde::Deserialize;
use sqlx::{PgConnection, PgPool};

use crate::{accounts::password, domain::OrgNumber};

/// Every demo account's password. Demo only: the README says so.
pub const DEMO_PASSWORD: &str = "ringebu-demo";

const MUNICIPALITY: &str = include_str!("../seeds/ringebu/municipality.json");
const USERS: &str = include_str!("../seeds/ringebu/users.json");

#[derive(Deserialize)]
struct MunicipalitySeed {
    name: String,
    org_number: String,
    municipality_number: String,
    units: Vec<UnitSeed>,
    people: Vec<PersonSeed>,
}

#[derive(Deserialize)]
struct UnitSeed {
    name: String,
    short_name: Option<String>,
}

#[derive(Deserialize)]
struct PersonSeed {
    name: String,
    title: Option<String>,
    unit: Option<String>,
}

#[derive(Deserialize)]
struct UserSeed {
    username: String,
    email: String,
    display_name: String,
    person: Option<String>,
    roles: Vec<String>,
}

/// Ids of what the seeding created, for the later parts of the seed to refer to.
pub struct Seeded {
    pub municipality_id: i64,
    pub units: HashMap<String, i64>,
    pub people: HashMap<String, i64>,
}

/// Loads the demo municipality unless it is there already. Returns whether it seeded.
pub async fn seed_demo_if_empty(db: &PgPool) -> anyhow::Result<bool> {
    let m: MunicipalitySeed = serde_json::from_str(MUNICIPALITY)?;
    let org = OrgNumber::parse(&m.org_number).map_err(anyhow::Error::msg)?;
    let exists = sqlx::query_scalar!(
        r#"select exists (select 1 from municipality where org_number = $1) as "e!""#,
        org.as_str()
    )
    .fetch_one(db)
    .await?;
    if exists {
        return Ok(false);
    }
    let users: Vec<UserSeed> = serde_json::from_str(USERS)?;
    // Hash once; argon2 is slow on purpose.
    let hash = password::hash(DEMO_PASSWORD.to_string()).await?;

    let mut tx = db.begin().await?;
    let seeded = seed_organisation(&mut tx, &m, &org).await?;
    for u in users {
        let person_id = u.person.as_ref().and_then(|p| seeded.people.get(p)).copied();
        sqlx::query!(
            r#"
            insert into app_user (municipality_id, username, email, display_name, person_id, password_hash, roles)
            values ($1, $2, $3, $4, $5, $6, $7)
            "#,
            seeded.municipality_id,
            u.username,
            u.email,
            u.display_name,
            person_id,
            hash,
            &u.roles
        )
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    tracing::info!(municipality = %m.name, "demokommunen er lastet");
    Ok(true)
}

async fn seed_organisation(conn: &mut PgConnection, m: &MunicipalitySeed, org: &OrgNumber) -> anyhow::Result<Seeded> {
    let municipality_id = sqlx::query_scalar!(
        r#"insert into municipality (name, org_number, municipality_number) values ($1, $2, $3) returning municipality_id"#,
        m.name,
        org.as_str(),
        m.municipality_number
    )
    .fetch_one(&mut *conn)
    .await?;
    let mut units = HashMap::new();
    for u in &m.units {
        let id = sqlx::query_scalar!(
            r#"insert into unit (municipality_id, name, short_name) values ($1, $2, $3) returning unit_id"#,
            municipality_id,
            u.name,
            u.short_name
        )
        .fetch_one(&mut *conn)
        .await?;
        units.insert(u.name.clone(), id);
    }
    let mut people = HashMap::new();
    for p in &m.people {
        let unit_id = p.unit.as_ref().and_then(|u| units.get(u)).copied();
        let id = sqlx::query_scalar!(
            r#"insert into person (municipality_id, name, title, unit_id) values ($1, $2, $3, $4) returning person_id"#,
            municipality_id,
            p.name,
            p.title,
            unit_id
        )
        .fetch_one(&mut *conn)
        .await?;
        people.insert(p.name.clone(), id);
    }
    Ok(Seeded { municipality_id, units, people })
}
