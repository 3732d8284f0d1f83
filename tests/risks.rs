//! The risk register (issue 12, mini-ROS): the store, the seed loader and S × K.

mod common;

use std::collections::HashMap;

use ikt_styring::audit::Actor;
use ikt_styring::domain::RiskScale;
use ikt_styring::risks::model::{AssessmentInput, RiskInput, RiskStatus};
use ikt_styring::seed::{Seeded, seed_risks};
use sqlx::PgPool;

/// number, S, K, RF, residual RF
type RiskRow = (Option<String>, i16, i16, i16, Option<i16>);

const NORDRE_LAND_RISKS: &str = include_str!("../seeds/nordre-land/risks.json");

async fn fresh_municipality(db: &PgPool) -> i64 {
    sqlx::query_scalar(
        "insert into municipality (name, org_number, municipality_number) values ('Nordre Land kommune', '964949204', '3448') returning municipality_id",
    )
    .fetch_one(db)
    .await
    .unwrap()
}

fn risk(s: &str, k: &str) -> RiskInput {
    RiskInput {
        number: Some("1".into()),
        description: "Nok ressurser til å drive prosessen".into(),
        category: None,
        likelihood: RiskScale::parse(s).unwrap(),
        consequence: RiskScale::parse(k).unwrap(),
        mitigation: None,
        owner_person_id: None,
        residual: None,
        status: RiskStatus::Open,
        next_review: None,
    }
}

#[sqlx::test]
async fn the_seed_loader_on_a_fresh_municipality_gives_the_eight_printed_risks_with_s_times_k_stored(
    db: PgPool,
) {
    let m = fresh_municipality(&db).await;
    let seeded = Seeded {
        municipality_id: m,
        units: HashMap::new(),
        people: HashMap::new(),
    };
    let mut tx = db.begin().await.unwrap();
    seed_risks(&mut tx, &seeded, NORDRE_LAND_RISKS)
        .await
        .unwrap();
    tx.commit().await.unwrap();

    let title: String =
        sqlx::query_scalar("select title from risk_assessment where municipality_id = $1")
            .bind(m)
            .fetch_one(&db)
            .await
            .unwrap();
    assert_eq!(title, "Digitalisering 2017 – kritiske suksessfaktorer");
    let rows: Vec<RiskRow> = sqlx::query_as(
        "select number, likelihood, consequence, score, residual_score from risk where municipality_id = $1 order by position",
    )
    .bind(m)
    .fetch_all(&db)
    .await
    .unwrap();
    let numbers: Vec<&str> = rows.iter().map(|r| r.0.as_deref().unwrap()).collect();
    assert_eq!(numbers, ["1", "2", "2", "3", "4", "5", "6", "7"]);
    let scores: Vec<i16> = rows.iter().map(|r| r.3).collect();
    // Risk 3 prints RF 10, but S 4 × K 2 = 8, and 8 is stored.
    assert_eq!(scores, [20, 10, 10, 8, 8, 10, 12, 9]);
    assert!(rows.iter().all(|r| r.1 * r.2 == r.3 && r.4.is_none()));

    let audited: i64 = sqlx::query_scalar(
        "select count(*) from audit_log where municipality_id = $1 and table_name in ('risk', 'risk_assessment')",
    )
    .bind(m)
    .fetch_one(&db)
    .await
    .unwrap();
    assert_eq!(
        audited, 9,
        "one audit row per risk and one for the assessment"
    );
}

#[sqlx::test]
async fn a_risk_scored_four_by_five_gets_rf_twenty(db: PgPool) {
    let m = fresh_municipality(&db).await;
    let actor = Actor::system(m);
    let mut tx = db.begin().await.unwrap();
    let a = ikt_styring::risks::store::insert_assessment(
        &mut tx,
        actor,
        &AssessmentInput {
            title: "ROS".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let r = ikt_styring::risks::store::insert_risk(&mut tx, actor, a, &risk("4", "5"))
        .await
        .unwrap()
        .unwrap();
    tx.commit().await.unwrap();
    let score: i16 = sqlx::query_scalar("select score from risk where risk_id = $1")
        .bind(r)
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(score, 20);
}

#[sqlx::test]
async fn a_risk_cannot_be_added_to_another_municipalitys_assessment(db: PgPool) {
    let app = common::spawn(db.clone()).await;
    let ringebu: i64 = sqlx::query_scalar("select municipality_id from municipality limit 1")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let other = fresh_municipality(&db).await;
    let mut tx = db.begin().await.unwrap();
    let a = ikt_styring::risks::store::insert_assessment(
        &mut tx,
        Actor::system(ringebu),
        &AssessmentInput {
            title: "Ringebu ROS".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let added =
        ikt_styring::risks::store::insert_risk(&mut tx, Actor::system(other), a, &risk("2", "2"))
            .await
            .unwrap();
    assert_eq!(added, None);
}

#[sqlx::test]
async fn a_restricted_assessment_is_listed_marked_for_leder_and_not_listed_for_rad(db: PgPool) {
    let app = common::spawn(db.clone()).await;
    let ringebu: i64 = sqlx::query_scalar("select municipality_id from municipality limit 1")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let mut tx = db.begin().await.unwrap();
    for (title, restricted) in [("Åpen ROS for skole", false), ("ROS for nettverk", true)] {
        ikt_styring::risks::store::insert_assessment(
            &mut tx,
            Actor::system(ringebu),
            &AssessmentInput {
                title: title.into(),
                restricted,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();

    let (status, html) = app.text(&app.user("leder").await, "/risks").await;
    assert_eq!(status, 200);
    assert!(html.contains("ROS for nettverk"));
    assert!(html.contains("Unntatt offentlighet"));

    let (status, html) = app.text(&app.user("rad").await, "/risks").await;
    assert_eq!(status, 200);
    assert!(html.contains("Åpen ROS for skole"));
    assert!(!html.contains("ROS for nettverk"));
    assert!(!html.contains("Unntatt offentlighet"));
}
