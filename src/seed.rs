//! The demo municipalities (Ringebu, Nordre Land), loaded from `seeds/<municipality>/*.json`
//! when they are not in the database.
//! The JSON files carry the facts of the municipal documents; see `seeds/README.md`.

use std::collections::HashMap;

use serde::Deserialize;
use sqlx::{PgConnection, PgPool};

use crate::{
    audit::Actor,
    auth::password,
    db::Tx,
    domain::{Hours, Nok, OrgNumber},
    measures::{
        model::{CellInput, CostInput, Financing, MeasureInput, Responsible, Status},
        store,
    },
};

/// Every demo account's password. Demo only: the README says so.
pub const DEMO_PASSWORD: &str = "ringebu-demo";

const MUNICIPALITY: &str = include_str!("../seeds/ringebu/municipality.json");
const USERS: &str = include_str!("../seeds/ringebu/users.json");
const STRATEGY: &str = include_str!("../seeds/ringebu/strategy.json");
const ACTION_PLAN: &str = include_str!("../seeds/ringebu/action_plan.json");
const SYSTEMS: &str = include_str!("../seeds/ringebu/systems.json");
const NL_MUNICIPALITY: &str = include_str!("../seeds/nordre-land/municipality.json");
const NL_USERS: &str = include_str!("../seeds/nordre-land/users.json");
const NL_ACTION_PLAN: &str = include_str!("../seeds/nordre-land/action_plan.json");
const NL_RISKS: &str = include_str!("../seeds/nordre-land/risks.json");
const LINES: &str = include_str!("../seeds/ringebu/lines.json");
const GJ_MUNICIPALITY: &str = include_str!("../seeds/gjesdal/municipality.json");
const GJ_USERS: &str = include_str!("../seeds/gjesdal/users.json");
const GJ_COUNCIL: &str = include_str!("../seeds/gjesdal/council.json");

#[derive(Deserialize)]
struct MunicipalitySeed {
    name: String,
    org_number: Option<String>,
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

/// Loads each demo municipality that is not there already (by kommunenummer). Returns whether
/// it seeded any.
pub async fn seed_demo_if_empty(db: &PgPool) -> anyhow::Result<bool> {
    let mut hash = None;
    let mut seeded_any = false;
    for demo in DEMOS {
        let m: MunicipalitySeed = serde_json::from_str(demo.municipality)?;
        let exists = sqlx::query_scalar!(
            r#"select exists (select 1 from municipality where municipality_number = $1) as "e!""#,
            m.municipality_number
        )
        .fetch_one(db)
        .await?;
        if exists {
            continue;
        }
        // Hash once; argon2 is slow on purpose.
        if hash.is_none() {
            hash = Some(password::hash(DEMO_PASSWORD.to_string()).await?);
        }
        let hash = hash.as_deref().unwrap_or_default();
        let mut tx = db.begin().await?;
        let seeded = seed_organisation(&mut tx, &m).await?;
        seed_users(&mut tx, &seeded, demo.users, hash).await?;
        match demo.which {
            Which::Ringebu => seed_ringebu(&mut tx, &seeded).await?,
            Which::NordreLand => seed_nordre_land(&mut tx, &seeded).await?,
            Which::Gjesdal => seed_council(&mut tx, &seeded, GJ_COUNCIL).await?,
        }
        tx.commit().await?;
        tracing::info!(municipality = %m.name, "demokommunen er lastet");
        seeded_any = true;
    }
    Ok(seeded_any)
}

/// A demo municipality: its organisation and logins, and which documents give the rest.
struct Demo {
    municipality: &'static str,
    users: &'static str,
    which: Which,
}

enum Which {
    Ringebu,
    NordreLand,
    Gjesdal,
}

const DEMOS: [Demo; 3] = [
    Demo {
        municipality: MUNICIPALITY,
        users: USERS,
        which: Which::Ringebu,
    },
    Demo {
        municipality: NL_MUNICIPALITY,
        users: NL_USERS,
        which: Which::NordreLand,
    },
    Demo {
        municipality: GJ_MUNICIPALITY,
        users: GJ_USERS,
        which: Which::Gjesdal,
    },
];

/// Ringebu: the strategy and its action plan, the fagsystem register (see seeds/README.md).
async fn seed_ringebu(tx: &mut Tx<'_>, seeded: &Seeded) -> anyhow::Result<()> {
    seed_plan(tx, seeded).await?;
    seed_systems(tx, seeded).await?;
    seed_lines(tx, seeded).await?;
    seed_requests_from_plan(tx, seeded).await?;
    Ok(())
}

/// Ringebu's measures whose cost line «krever budsjettbevilgning» become registered
/// acquisition requests, each linked to its measure, with the document's amount as the
/// estimated investment and its description as the need; nothing the documents do not say
/// (no unit, financing source, running cost or decision). See seeds/README.md.
async fn seed_requests_from_plan(tx: &mut Tx<'_>, seeded: &Seeded) -> anyhow::Result<()> {
    let m = seeded.municipality_id;
    let rows = sqlx::query!(
        r#"
        select me.measure_id, me.title, me.description, c.amount
          from measure me join measure_cost c using (measure_id)
         where me.municipality_id = $1 and c.financing = 'requires_appropriation'
         order by me.position, me.measure_id, c.position
        "#,
        m
    )
    .fetch_all(&mut **tx)
    .await?;
    for r in rows {
        let input = crate::council::model::AcquisitionInput {
            title: r.title,
            need: r.description,
            investment: r.amount.map(crate::domain::Nok),
            ..Default::default()
        };
        crate::council::store::insert(tx, Actor::system(m), &input, None, Some(r.measure_id))
            .await?;
    }
    Ok(())
}

#[derive(Deserialize)]
struct CouncilSeed {
    principles: Vec<String>,
    members: Vec<MemberSeed>,
    clear_threshold: Option<rust_decimal::Decimal>,
    matrix: serde_json::Value,
}

#[derive(Deserialize)]
struct MemberSeed {
    title: String,
    user: Option<String>,
    chair: bool,
}

/// A municipality's IKT-råd: its principles, its members by title (with the demo login that
/// holds each seat), its threshold for direct clearance and its decision matrix as printed.
async fn seed_council(tx: &mut Tx<'_>, seeded: &Seeded, json: &str) -> anyhow::Result<()> {
    let c: CouncilSeed = serde_json::from_str(json)?;
    let m = seeded.municipality_id;
    for (i, text) in c.principles.iter().enumerate() {
        sqlx::query!(
            "insert into council_principle (municipality_id, position, text) values ($1, $2, $3)",
            m,
            i as i32 + 1,
            text
        )
        .execute(&mut **tx)
        .await?;
    }
    for (i, mb) in c.members.iter().enumerate() {
        sqlx::query!(
            r#"
            insert into council_member (municipality_id, position, title, app_user_id, chair)
            values ($1, $2, $3,
                    (select app_user_id from app_user where municipality_id = $1 and username = $4), $5)
            "#,
            m,
            i as i32 + 1,
            mb.title,
            mb.user,
            mb.chair
        )
        .execute(&mut **tx)
        .await?;
    }
    sqlx::query!(
        "insert into council_matrix (municipality_id, content) values ($1, $2)",
        m,
        c.matrix
    )
    .execute(&mut **tx)
    .await?;
    sqlx::query!(
        "update municipality set council_clear_threshold = $2 where municipality_id = $1",
        m,
        c.clear_threshold
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Nordre Land: its digitalisation project plan as an action plan without a strategy
/// document, with its decision points and milestones (see seeds/README.md).
async fn seed_nordre_land(tx: &mut Tx<'_>, seeded: &Seeded) -> anyhow::Result<()> {
    let p: PlanSeed = serde_json::from_str(NL_ACTION_PLAN)?;
    seed_action_plan(tx, seeded, None, &HashMap::new(), &p).await?;
    seed_risks(tx, seeded, NL_RISKS).await?;
    Ok(())
}

async fn seed_users(
    tx: &mut Tx<'_>,
    seeded: &Seeded,
    json: &str,
    hash: &str,
) -> anyhow::Result<()> {
    let users: Vec<UserSeed> = serde_json::from_str(json)?;
    for u in users {
        let person_id = u
            .person
            .as_ref()
            .and_then(|p| seeded.people.get(p))
            .copied();
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
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

async fn seed_organisation(
    conn: &mut PgConnection,
    m: &MunicipalitySeed,
) -> anyhow::Result<Seeded> {
    // An organisation number no document gives stays empty rather than guessed.
    let org = m
        .org_number
        .as_deref()
        .map(OrgNumber::parse)
        .transpose()
        .map_err(anyhow::Error::msg)?;
    let municipality_id = sqlx::query_scalar!(
        r#"insert into municipality (name, org_number, municipality_number) values ($1, $2, $3) returning municipality_id"#,
        m.name,
        org.as_ref().map(|o| o.as_str()),
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
    Ok(Seeded {
        municipality_id,
        units,
        people,
    })
}

#[derive(Deserialize)]
struct StrategySeed {
    title: String,
    period_start: i32,
    period_end: i32,
    adopted_note: Option<String>,
    vision: String,
    main_goal: String,
    main_goal_text: String,
    goal_areas: Vec<GoalAreaSeed>,
}

#[derive(Deserialize)]
struct GoalAreaSeed {
    name: String,
    goal_statement: String,
    strategies: Vec<StrategyTextSeed>,
}

#[derive(Deserialize)]
struct StrategyTextSeed {
    text: String,
    key_measures: Vec<String>,
}

#[derive(Deserialize)]
struct PlanSeed {
    name: String,
    start_year: i32,
    end_year: i32,
    reporting: ReportingSeed,
    measures: Vec<MeasureSeed>,
    #[serde(default)]
    milestones: Vec<MilestoneSeed>,
}

/// A decision point (BP) or milestone (MP) as the project plan prints it.
#[derive(Deserialize)]
struct MilestoneSeed {
    kind: String,
    code: Option<String>,
    name: String,
    due: chrono::NaiveDate,
    criterion: Option<String>,
}

/// Who reports to the rådmann on the plan (handlingsplanen, «Rapportering»).
#[derive(Deserialize)]
struct ReportingSeed {
    responsible: String,
    helpers: Vec<String>,
}

#[derive(Deserialize)]
struct MeasureSeed {
    key: String,
    title: String,
    description: Option<String>,
    strategies: Vec<String>,
    responsible: Option<HashMap<String, String>>,
    hours: Option<String>,
    costs: Vec<CostSeed>,
    schedule: Vec<CellSeed>,
    priority: bool,
    status: String,
    status_date: Option<chrono::NaiveDate>,
    status_comment: Option<String>,
    depends_on: Vec<String>,
}

#[derive(Deserialize)]
struct CostSeed {
    description: Option<String>,
    amount: Option<String>,
    amount_note: Option<String>,
    financing: String,
    financing_project: Option<String>,
    /// What the document's cost cell says beyond amount and financing.
    #[serde(default)]
    remark: Option<String>,
}

#[derive(Deserialize)]
struct CellSeed {
    year: i32,
    period: i32,
    label: Option<String>,
}

/// Ringebu's strategy 2013-2018 and action plan 2014-2016. The strategy and the plan are a
/// fixture loaded as a migration would; the measures go through the one measure write path,
/// audited as created by the system.
async fn seed_plan(tx: &mut Tx<'_>, seeded: &Seeded) -> anyhow::Result<()> {
    let conn: &mut PgConnection = tx;
    let m = seeded.municipality_id;
    let s: StrategySeed = serde_json::from_str(STRATEGY)?;
    let doc_id = sqlx::query_scalar!(
        r#"
        insert into strategy_document (municipality_id, title, period_start, period_end, adopted_note, vision, main_goal, main_goal_text)
        values ($1, $2, $3, $4, $5, $6, $7, $8) returning strategy_document_id
        "#,
        m,
        s.title,
        s.period_start,
        s.period_end,
        s.adopted_note,
        s.vision,
        s.main_goal,
        s.main_goal_text
    )
    .fetch_one(&mut *conn)
    .await?;
    let mut strategies: HashMap<String, i64> = HashMap::new();
    for (gi, g) in s.goal_areas.iter().enumerate() {
        let goal_id = sqlx::query_scalar!(
            r#"
            insert into goal_area (municipality_id, strategy_document_id, position, name, goal_statement)
            values ($1, $2, $3, $4, $5) returning goal_area_id
            "#,
            m,
            doc_id,
            gi as i32 + 1,
            g.name,
            g.goal_statement
        )
        .fetch_one(&mut *conn)
        .await?;
        for (si, st) in g.strategies.iter().enumerate() {
            let id = sqlx::query_scalar!(
                r#"
                insert into strategy (municipality_id, goal_area_id, position, text, key_measures)
                values ($1, $2, $3, $4, $5) returning strategy_id
                "#,
                m,
                goal_id,
                si as i32 + 1,
                st.text,
                &st.key_measures
            )
            .fetch_one(&mut *conn)
            .await?;
            strategies.insert(st.text.clone(), id);
        }
    }

    let p: PlanSeed = serde_json::from_str(ACTION_PLAN)?;
    seed_action_plan(tx, seeded, Some(doc_id), &strategies, &p).await
}

/// An action plan with its measures (through the measure write path), milestones, report
/// rounds and report team. `doc_id` is None for a project plan.
async fn seed_action_plan(
    tx: &mut Tx<'_>,
    seeded: &Seeded,
    doc_id: Option<i64>,
    strategies: &HashMap<String, i64>,
    p: &PlanSeed,
) -> anyhow::Result<()> {
    let m = seeded.municipality_id;
    let actor = Actor::system(m);
    let conn: &mut PgConnection = tx;
    let plan_id = sqlx::query_scalar!(
        r#"
        insert into action_plan (municipality_id, strategy_document_id, name, start_year, end_year)
        values ($1, $2, $3, $4, $5) returning action_plan_id
        "#,
        m,
        doc_id,
        p.name,
        p.start_year,
        p.end_year
    )
    .fetch_one(&mut *conn)
    .await?;
    // Measures go in the document's order; a dependency on one further down is added after.
    let mut keys: HashMap<&str, i64> = HashMap::new();
    let mut later: Vec<(i64, &str)> = Vec::new();
    for ms in &p.measures {
        let mut input = measure_input(ms, seeded, strategies)?;
        input.depends_on = ms
            .depends_on
            .iter()
            .filter_map(|d| keys.get(d.as_str()).copied())
            .collect();
        let id = store::insert(tx, actor, plan_id, &input).await?;
        keys.insert(&ms.key, id);
        later.extend(
            ms.depends_on
                .iter()
                .filter(|d| !keys.contains_key(d.as_str()))
                .map(|d| (id, d.as_str())),
        );
    }
    for (id, dep) in later {
        let on = *keys
            .get(dep)
            .ok_or_else(|| anyhow::anyhow!("seed: ukjent avhengighet -> {dep}"))?;
        store::add_dependencies(tx, actor, id, &[on]).await?;
    }
    for ms in &p.milestones {
        let input = crate::plan::model::MilestoneInput {
            kind: crate::plan::model::MilestoneKind::parse(&ms.kind)
                .ok_or_else(|| anyhow::anyhow!("seed: ukjent milepæltype {}", ms.kind))?,
            code: ms.code.clone(),
            name: ms.name.clone(),
            due: ms.due,
            criterion: ms.criterion.clone(),
        };
        crate::plan::store::insert_milestone(tx, actor, plan_id, &input).await?;
    }
    // The plan's reporting rounds, none of them written: the documents say who reports, not
    // what a report said.
    crate::reports::store::generate_rounds(tx, actor, plan_id, p.start_year, p.end_year).await?;
    let person = |name: &str| {
        seeded
            .people
            .get(name)
            .copied()
            .ok_or_else(|| anyhow::anyhow!("seed: ukjent person i rapporteringen: {name}"))
    };
    let responsible = person(&p.reporting.responsible)?;
    let helpers = p
        .reporting
        .helpers
        .iter()
        .map(|h| person(h))
        .collect::<anyhow::Result<Vec<i64>>>()?;
    if let Err(e) =
        crate::reports::store::set_team(tx, actor, plan_id, 1, Some(responsible), &helpers).await?
    {
        anyhow::bail!("seed: rapportansvaret ble ikke lagret: {e:?}");
    }
    Ok(())
}

fn measure_input(
    ms: &MeasureSeed,
    seeded: &Seeded,
    strategies: &HashMap<String, i64>,
) -> anyhow::Result<MeasureInput> {
    let strategy_ids = ms
        .strategies
        .iter()
        .map(|t| {
            strategies
                .get(t)
                .copied()
                .ok_or_else(|| anyhow::anyhow!("seed: ukjent strategi «{t}»"))
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let responsible = match &ms.responsible {
        None => Responsible::Nobody,
        Some(r) => {
            if let Some(p) = r.get("person") {
                Responsible::Person(
                    *seeded
                        .people
                        .get(p)
                        .ok_or_else(|| anyhow::anyhow!("seed: ukjent person {p}"))?,
                )
            } else if let Some(u) = r.get("unit") {
                Responsible::Unit(
                    *seeded
                        .units
                        .get(u)
                        .ok_or_else(|| anyhow::anyhow!("seed: ukjent enhet {u}"))?,
                )
            } else if let Some(t) = r.get("role") {
                Responsible::Text(t.clone())
            } else {
                Responsible::Nobody
            }
        }
    };
    let costs = ms
        .costs
        .iter()
        .map(|c| {
            Ok(CostInput {
                description: c.description.clone(),
                amount: c
                    .amount
                    .as_deref()
                    .map(Nok::parse)
                    .transpose()
                    .map_err(anyhow::Error::msg)?,
                amount_note: c.amount_note.clone(),
                financing: Financing::parse(&c.financing)
                    .ok_or_else(|| anyhow::anyhow!("seed: ukjent finansiering {}", c.financing))?,
                financing_project: c.financing_project.clone(),
                remark: c.remark.clone(),
            })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    Ok(MeasureInput {
        title: ms.title.clone(),
        description: ms.description.clone(),
        strategy_ids,
        responsible,
        hours: ms
            .hours
            .as_deref()
            .map(Hours::parse)
            .transpose()
            .map_err(anyhow::Error::msg)?,
        costs,
        cells: ms
            .schedule
            .iter()
            .map(|c| CellInput {
                year: c.year,
                period: c.period,
                label: c.label.clone(),
            })
            .collect(),
        priority: ms.priority,
        status: Status::parse(&ms.status)
            .ok_or_else(|| anyhow::anyhow!("seed: ukjent status {}", ms.status))?,
        status_date: ms.status_date,
        status_comment: ms.status_comment.clone(),
        depends_on: Vec::new(),
        predecessor_measure_id: None,
    })
}

#[derive(Deserialize)]
struct SystemsSeed {
    cooperations: Vec<CooperationSeed>,
    operators: Vec<OperatorSeed>,
    systems: Vec<SystemSeed>,
}

#[derive(Deserialize)]
struct CooperationSeed {
    key: String,
    name: String,
    members: Vec<String>,
    board: Option<String>,
    note: Option<String>,
}

#[derive(Deserialize)]
struct OperatorSeed {
    key: String,
    name: String,
    kind: String,
}

#[derive(Deserialize)]
struct SystemSeed {
    name: String,
    description: Option<String>,
    vendor: Option<String>,
    operator: Option<String>,
    owner_unit: Option<String>,
    owner_text: Option<String>,
    administrator: Option<String>,
    superusers: Vec<String>,
    users: Option<i32>,
    cooperation: Option<String>,
    host: Option<String>,
    server_location: Option<String>,
    database: Option<String>,
    lifecycle: String,
    criticality: Option<String>,
    measures: Vec<String>,
}

/// Ringebu's fagsystem register (handlingsplanen Vedlegg 2 and IKT-strategien Vedlegg 4, see
/// seeds/README.md): the cooperations, then each system through `systems::store`, audited.
async fn seed_systems(tx: &mut Tx<'_>, seeded: &Seeded) -> anyhow::Result<()> {
    use crate::systems::model::{Criticality, Lifecycle, OperatorKind, Owner, SystemInput};
    let m = seeded.municipality_id;
    let actor = Actor::system(m);
    let d: SystemsSeed = serde_json::from_str(SYSTEMS)?;
    let mut cooperations: HashMap<String, i64> = HashMap::new();
    for c in &d.cooperations {
        let id = crate::systems::store::insert_cooperation(
            tx,
            actor,
            &c.name,
            &c.members,
            c.board.as_deref(),
            c.note.as_deref(),
        )
        .await?;
        cooperations.insert(c.key.clone(), id);
    }
    let person = |name: &str| {
        seeded
            .people
            .get(name)
            .copied()
            .ok_or_else(|| anyhow::anyhow!("seed: ukjent person i systemregisteret: {name}"))
    };
    for s in &d.systems {
        let (operator_kind, operator_name) = match s.operator.as_deref() {
            None => (None, None),
            Some("own") => (Some(OperatorKind::Own), None),
            Some(key) => {
                let o = d
                    .operators
                    .iter()
                    .find(|o| o.key == key)
                    .ok_or_else(|| anyhow::anyhow!("seed: ukjent driftsleverandør {key}"))?;
                (OperatorKind::parse(&o.kind), Some(o.name.clone()))
            }
        };
        let owner = match (&s.owner_unit, &s.owner_text) {
            (Some(u), _) => Owner::Unit(
                *seeded
                    .units
                    .get(u.as_str())
                    .ok_or_else(|| anyhow::anyhow!("seed: ukjent enhet {u}"))?,
            ),
            (None, Some(t)) => Owner::Text(t.clone()),
            (None, None) => Owner::Nobody,
        };
        let mut measures = Vec::new();
        for title in &s.measures {
            let id = sqlx::query_scalar!(
                r#"select measure_id from measure where municipality_id = $1 and title = $2 order by measure_id limit 1"#,
                m,
                title
            )
            .fetch_optional(&mut **tx)
            .await?
            .ok_or_else(|| anyhow::anyhow!("seed: ukjent tiltak {title}"))?;
            measures.push(id);
        }
        let input = SystemInput {
            name: s.name.clone(),
            description: s.description.clone(),
            vendor: s.vendor.clone(),
            operator_kind,
            operator_name,
            owner,
            administrator_id: s.administrator.as_deref().map(person).transpose()?,
            superusers: s
                .superusers
                .iter()
                .map(|n| person(n))
                .collect::<anyhow::Result<_>>()?,
            users_count: s.users,
            cooperation_id: s
                .cooperation
                .as_ref()
                .and_then(|c| cooperations.get(c).copied()),
            host: s.host.clone(),
            server_location: s.server_location.clone(),
            database: s.database.clone(),
            lifecycle: Lifecycle::parse(&s.lifecycle),
            criticality: s.criticality.as_deref().and_then(Criticality::parse),
            measures,
            ..Default::default()
        };
        crate::systems::store::insert(tx, actor, &input).await?;
    }
    Ok(())
}

#[derive(Deserialize)]
struct LinesSeed {
    locations: Vec<LocationSeed>,
    measure_links: Vec<MeasureLinkSeed>,
}

#[derive(Deserialize)]
struct LocationSeed {
    name: String,
    users: Option<i32>,
    users_none: bool,
    notes: Option<String>,
    lines: Vec<LineSeed>,
}

#[derive(Deserialize)]
struct LineSeed {
    purpose: Option<String>,
    down_mbps: String,
    line_type: String,
    ownership: String,
    provider: Option<String>,
    theoretical_max: bool,
    notes: Option<String>,
}

#[derive(Deserialize)]
struct MeasureLinkSeed {
    measure: String,
    location: Option<String>,
    place: Option<String>,
}

/// The line inventory of IKT-strategien, Vedlegg 3, and the action plan's measures whose
/// titles name a location or a place (see `seeds/README.md`, «lines.json»).
async fn seed_lines(tx: &mut Tx<'_>, seeded: &Seeded) -> anyhow::Result<()> {
    let m = seeded.municipality_id;
    let d: LinesSeed = serde_json::from_str(LINES)?;
    let mut ids: HashMap<String, i64> = HashMap::new();
    for l in &d.locations {
        let id = sqlx::query_scalar!(
            r#"insert into location (municipality_id, name, users_count, users_none, notes)
               values ($1, $2, $3, $4, $5) returning location_id"#,
            m,
            l.name,
            l.users,
            l.users_none,
            l.notes
        )
        .fetch_one(&mut **tx)
        .await?;
        ids.insert(l.name.clone(), id);
        for (position, line) in l.lines.iter().enumerate() {
            let down: rust_decimal::Decimal = line.down_mbps.parse()?;
            sqlx::query!(
                r#"insert into line (municipality_id, location_id, position, purpose, down_mbps,
                       line_type, ownership, provider, theoretical_max, notes)
                   values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"#,
                m,
                id,
                position as i32,
                line.purpose,
                down,
                line.line_type,
                line.ownership,
                line.provider,
                line.theoretical_max,
                line.notes
            )
            .execute(&mut **tx)
            .await?;
        }
    }
    for link in &d.measure_links {
        let measure_id = sqlx::query_scalar!(
            "select measure_id from measure where municipality_id = $1 and title = $2 order by measure_id limit 1",
            m,
            link.measure
        )
        .fetch_optional(&mut **tx)
        .await?
        .ok_or_else(|| anyhow::anyhow!("seed: ukjent tiltak {}", link.measure))?;
        let location_id = match &link.location {
            Some(n) => Some(
                *ids.get(n)
                    .ok_or_else(|| anyhow::anyhow!("seed: ukjent lokasjon {n}"))?,
            ),
            None => None,
        };
        sqlx::query!(
            "insert into measure_location (measure_id, location_id, place, municipality_id) values ($1, $2, $3, $4)",
            measure_id,
            location_id,
            link.place,
            m
        )
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

#[derive(Deserialize)]
struct RisksSeed {
    assessment: RiskAssessmentSeed,
    risks: Vec<RiskSeed>,
}

#[derive(Deserialize)]
struct RiskAssessmentSeed {
    title: String,
    scope: Option<String>,
    assessed_on: Option<String>,
    restricted: bool,
}

#[derive(Deserialize)]
struct RiskSeed {
    number: Option<String>,
    description: String,
    likelihood: i16,
    consequence: i16,
    /// The RF the source prints; kept for the record only, the database computes S × K.
    #[allow(dead_code)]
    printed_rf: Option<i16>,
    mitigation: Option<String>,
}

/// A risk table (seeds/<kommune>/risks.json, see seeds/README.md) as one assessment with its
/// risks in printed order, through `risks::store`, audited. Printed RF values are not stored.
pub async fn seed_risks(tx: &mut Tx<'_>, seeded: &Seeded, json: &str) -> anyhow::Result<()> {
    use crate::domain::RiskScale;
    use crate::risks::model::{AssessmentInput, RiskInput, RiskStatus};
    let actor = Actor::system(seeded.municipality_id);
    let d: RisksSeed = serde_json::from_str(json)?;
    let assessed_on = d
        .assessment
        .assessed_on
        .as_deref()
        .map(crate::domain::parse_date)
        .transpose()
        .map_err(|e| anyhow::anyhow!("seed: {}", e.nb()))?;
    let assessment_id = crate::risks::store::insert_assessment(
        tx,
        actor,
        &AssessmentInput {
            title: d.assessment.title,
            assessed_on,
            scope: d.assessment.scope,
            responsible_person_id: None,
            restricted: d.assessment.restricted,
        },
    )
    .await?;
    let scale = |v: i16| {
        RiskScale::from_db(v).ok_or_else(|| anyhow::anyhow!("seed: S/K {v} er utenfor 1–5"))
    };
    for r in d.risks {
        let input = RiskInput {
            number: r.number,
            description: r.description,
            category: None,
            likelihood: scale(r.likelihood)?,
            consequence: scale(r.consequence)?,
            mitigation: r.mitigation,
            owner_person_id: None,
            residual: None,
            status: RiskStatus::Open,
            next_review: None,
            links: None,
        };
        crate::risks::store::insert_risk(tx, actor, assessment_id, &input)
            .await?
            .ok_or_else(|| anyhow::anyhow!("seed: risikovurderingen forsvant"))?;
    }
    Ok(())
}
