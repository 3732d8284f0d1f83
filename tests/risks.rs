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
        links: None,
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

/// S, K, residual S and K, next review.
type Seeds<'a> = &'a [(
    &'a str,
    &'a str,
    Option<(&'a str, &'a str)>,
    Option<chrono::NaiveDate>,
)];

/// Ringebu's id, and an assessment there with the given risks (S, K, residual).
async fn ringebu_assessment(db: &PgPool, title: &str, restricted: bool, risks: Seeds<'_>) -> i64 {
    let ringebu: i64 = sqlx::query_scalar(
        "select municipality_id from municipality order by municipality_id limit 1",
    )
    .fetch_one(db)
    .await
    .unwrap();
    let actor = Actor::system(ringebu);
    let mut tx = db.begin().await.unwrap();
    let a = ikt_styring::risks::store::insert_assessment(
        &mut tx,
        actor,
        &AssessmentInput {
            title: title.into(),
            restricted,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    for (s, k, residual, review) in risks {
        let mut r = risk(s, k);
        r.residual =
            residual.map(|(s, k)| (RiskScale::parse(s).unwrap(), RiskScale::parse(k).unwrap()));
        r.next_review = *review;
        ikt_styring::risks::store::insert_risk(&mut tx, actor, a, &r)
            .await
            .unwrap()
            .unwrap();
    }
    tx.commit().await.unwrap();
    a
}

/// The text of the cell S `s` × K `k` of the matrix `when` ("before" or "after").
fn matrix_cell(html: &str, when: &str, s: i16, k: i16) -> String {
    let doc = scraper::Html::parse_document(html);
    let sel =
        scraper::Selector::parse(&format!("#matrix-{when} td[data-cell=\"S{s}K{k}\"]")).unwrap();
    let cell = doc.select(&sel).next().expect("the matrix cell");
    cell.text()
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[sqlx::test]
async fn the_matrices_count_the_risks_before_and_after_mitigation_with_the_level_in_words(
    db: PgPool,
) {
    let app = common::spawn(db.clone()).await;
    let a = ringebu_assessment(
        &db,
        "ROS for skole",
        false,
        &[
            ("4", "5", Some(("2", "2")), None),
            ("4", "5", None, None),
            ("2", "2", None, None),
        ],
    )
    .await;
    let (status, html) = app
        .text(&app.user("rad").await, &format!("/risks/{a}"))
        .await;
    assert_eq!(status, 200);
    assert_eq!(matrix_cell(&html, "before", 4, 5), "2 Høy");
    assert_eq!(matrix_cell(&html, "before", 2, 2), "1 Lav");
    assert_eq!(matrix_cell(&html, "before", 3, 4), "0 Middels");
    // After mitigation only the risk with residual values counts.
    assert_eq!(matrix_cell(&html, "after", 4, 5), "0 Høy");
    assert_eq!(matrix_cell(&html, "after", 2, 2), "1 Lav");
    assert!(html.contains(&format!("/risks/{a}?s=4&amp;k=5&amp;when=before#risks")));
    // The risk table shows RF 20 and its level.
    let doc = scraper::Html::parse_document(&html);
    let rows: Vec<String> = doc
        .select(&scraper::Selector::parse(".risk-table tbody tr").unwrap())
        .map(|r| r.text().collect::<Vec<_>>().join("|"))
        .collect();
    assert_eq!(rows.len(), 3);
    assert!(
        rows[0].contains("|20|") && rows[0].contains("Høy"),
        "{}",
        rows[0]
    );
}

#[sqlx::test]
async fn a_matrix_cell_link_shows_only_the_risks_in_that_cell(db: PgPool) {
    let app = common::spawn(db.clone()).await;
    let a = ringebu_assessment(
        &db,
        "ROS for skole",
        false,
        &[
            ("4", "5", None, None),
            ("2", "2", None, None),
            ("4", "5", None, None),
        ],
    )
    .await;
    let c = app.user("rad").await;
    let (_, html) = app
        .text(&c, &format!("/risks/{a}?s=4&k=5&when=before"))
        .await;
    assert!(html.contains("Viser risikoer i cellen S 4 × K 5"));
    let doc = scraper::Html::parse_document(&html);
    let rows = doc
        .select(&scraper::Selector::parse(".risk-table tbody tr").unwrap())
        .count();
    assert_eq!(rows, 2);
    // A cell out of range is no filter, and no error.
    let (status, html) = app.text(&c, &format!("/risks/{a}?s=6&k=tre")).await;
    assert_eq!(status, 200);
    assert!(!html.contains("Viser risikoer i cellen"));
}

#[sqlx::test]
async fn a_twelve_is_medium_a_fifteen_high_and_after_lowering_the_medium_limit_a_twelve_is_high(
    db: PgPool,
) {
    let app = common::spawn(db.clone()).await;
    let a = ringebu_assessment(
        &db,
        "ROS for skole",
        false,
        &[("3", "4", None, None), ("3", "5", None, None)],
    )
    .await;
    let c = app.user("rad").await;
    let (_, html) = app.text(&c, &format!("/risks/{a}")).await;
    assert_eq!(matrix_cell(&html, "before", 3, 4), "1 Middels");
    assert_eq!(matrix_cell(&html, "before", 3, 5), "1 Høy");
    sqlx::query("update municipality set risk_medium_max = 10")
        .execute(&db)
        .await
        .unwrap();
    let (_, html) = app.text(&c, &format!("/risks/{a}")).await;
    assert_eq!(matrix_cell(&html, "before", 3, 4), "1 Høy");
}

#[sqlx::test]
async fn a_review_date_in_the_past_is_marked_overdue_in_words(db: PgPool) {
    let app = common::spawn(db.clone()).await;
    let past = chrono::NaiveDate::from_ymd_opt(2020, 1, 15).unwrap();
    let future = chrono::NaiveDate::from_ymd_opt(2099, 1, 15).unwrap();
    let a = ringebu_assessment(
        &db,
        "ROS for skole",
        false,
        &[("2", "2", None, Some(past)), ("2", "3", None, Some(future))],
    )
    .await;
    let (_, html) = app
        .text(&app.user("rad").await, &format!("/risks/{a}"))
        .await;
    let doc = scraper::Html::parse_document(&html);
    let rows: Vec<String> = doc
        .select(&scraper::Selector::parse(".risk-table tbody tr").unwrap())
        .map(|r| r.text().collect::<String>())
        .collect();
    assert!(
        rows[0].contains("15.01.2020") && rows[0].contains("Forfalt"),
        "{}",
        rows[0]
    );
    assert!(
        rows[1].contains("15.01.2099") && !rows[1].contains("Forfalt"),
        "{}",
        rows[1]
    );
}

#[sqlx::test]
async fn a_restricted_assessment_page_is_refused_to_rad_and_superbruker_and_shown_to_leder(
    db: PgPool,
) {
    let app = common::spawn(db.clone()).await;
    let a = ringebu_assessment(&db, "ROS for nettverk", true, &[("3", "3", None, None)]).await;
    let path = format!("/risks/{a}");
    for who in ["rad", "superbruker"] {
        let (status, html) = app.text(&app.user(who).await, &path).await;
        assert_eq!(status, 403, "{who}");
        assert!(!html.contains("ROS for nettverk"), "{who}");
    }
    let (status, html) = app.text(&app.user("leder").await, &path).await;
    assert_eq!(status, 200);
    assert!(html.contains("ROS for nettverk") && html.contains("Unntatt offentlighet"));
}

#[sqlx::test]
async fn another_municipalitys_assessment_is_not_found(db: PgPool) {
    let app = common::spawn(db.clone()).await;
    let a = ringebu_assessment(&db, "ROS for skole", false, &[("3", "3", None, None)]).await;
    let other = app.other_municipality().await;
    let (status, html) = app.text(&other, &format!("/risks/{a}")).await;
    assert_eq!(status, 404);
    assert!(!html.contains("ROS for skole"));
}

#[sqlx::test]
async fn ikt_creates_an_assessment_and_lands_on_its_page_with_the_message(db: PgPool) {
    let app = common::spawn(db.clone()).await;
    let ikt = app.user("ikt").await;
    let r = app
        .post(
            &ikt,
            "/risks",
            &[
                ("title", "ROS for nettverk"),
                ("assessed_on", "2026-11-20"),
                ("scope", "Kablet og trådløst nett"),
                ("responsible", ""),
                ("restricted", "on"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let to = common::location(&r);
    let (status, html) = app.text(&ikt, &to).await;
    assert_eq!(status, 200);
    assert!(html.contains("Risikovurderingen er opprettet."));
    assert!(html.contains("ROS for nettverk") && html.contains("20.11.2026"));
    assert!(html.contains("Unntatt offentlighet"));
    let (status, _) = app.text(&app.user("rad").await, &to).await;
    assert_eq!(status, 403);
}

#[sqlx::test]
async fn an_assessment_without_a_title_or_with_a_bad_date_is_refused_beside_the_field_with_input_kept(
    db: PgPool,
) {
    let app = common::spawn(db.clone()).await;
    let ikt = app.user("ikt").await;
    let r = app
        .post(
            &ikt,
            "/risks",
            &[
                ("title", "  "),
                ("assessed_on", "31.02.2026"),
                ("scope", "Skolenettet"),
            ],
        )
        .await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(html.contains("id=\"title-error\"") && html.contains("Skriv en tittel."));
    assert!(html.contains("id=\"assessed_on-error\""));
    assert!(html.contains("Skolenettet"));
    let n: i64 = sqlx::query_scalar("select count(*) from risk_assessment where municipality_id = (select min(municipality_id) from municipality)")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(n, 0);
    // The same title twice is refused at the title.
    for expected in [303, 200] {
        let r = app
            .post(&ikt, "/risks", &[("title", "ROS for skole")])
            .await;
        assert_eq!(r.status(), expected);
        if expected == 200 {
            assert!(r.text().await.unwrap().contains("finnes allerede"));
        }
    }
}

#[sqlx::test]
async fn a_risk_scored_four_by_five_shows_rf_twenty_and_high_on_its_page(db: PgPool) {
    let app = common::spawn(db.clone()).await;
    let a = ringebu_assessment(&db, "ROS for skole", false, &[]).await;
    let ikt = app.user("ikt").await;
    let r = app
        .post(
            &ikt,
            &format!("/risks/{a}/items"),
            &[
                ("number", "2"),
                ("description", "For få ressurser i IKT"),
                ("likelihood", "4"),
                ("consequence", "5"),
                ("mitigation", "Prioritere oppgaver.\nAnsette én til."),
                ("status", "treating"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let to = common::location(&r);
    let (status, html) = app.text(&ikt, &to).await;
    assert_eq!(status, 200);
    assert!(html.contains("Risikoen er lagt til."));
    let doc = scraper::Html::parse_document(&html);
    let rf: String = doc
        .select(&scraper::Selector::parse("#rf").unwrap())
        .next()
        .unwrap()
        .text()
        .collect();
    assert_eq!(rf.split_whitespace().collect::<Vec<_>>(), ["20", "Høy"]);
    assert!(html.contains("Under behandling"));
    let rid = to.rsplit('/').next().unwrap();
    assert!(html.contains(&format!("/history/risk/{rid}")));
    let (_, page) = app.text(&ikt, &format!("/risks/{a}")).await;
    assert_eq!(matrix_cell(&page, "before", 4, 5), "1 Høy");
}

#[sqlx::test]
async fn s_and_k_of_zero_six_tre_two_point_five_or_empty_are_refused_beside_the_field(db: PgPool) {
    let app = common::spawn(db.clone()).await;
    let a = ringebu_assessment(&db, "ROS for skole", false, &[]).await;
    let ikt = app.user("ikt").await;
    for bad in ["0", "6", "tre", "2.5", "2,5", ""] {
        let r = app
            .post(
                &ikt,
                &format!("/risks/{a}/items"),
                &[
                    ("description", "Strømbrudd"),
                    ("likelihood", bad),
                    ("consequence", "3"),
                ],
            )
            .await;
        assert_eq!(r.status(), 200, "{bad:?}");
        let html = r.text().await.unwrap();
        let doc = scraper::Html::parse_document(&html);
        let msg: String = doc
            .select(&scraper::Selector::parse("#likelihood-error").unwrap())
            .next()
            .unwrap_or_else(|| panic!("a message beside S for {bad:?}"))
            .text()
            .collect();
        assert!(!msg.trim().is_empty(), "{bad:?}");
        assert!(html.contains("Strømbrudd"), "input kept for {bad:?}");
        assert!(!html.contains("id=\"consequence-error\""), "{bad:?}");
    }
    let n: i64 = sqlx::query_scalar("select count(*) from risk where municipality_id = (select min(municipality_id) from municipality)")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(n, 0);
}

#[sqlx::test]
async fn a_half_filled_residual_is_refused(db: PgPool) {
    let app = common::spawn(db.clone()).await;
    let a = ringebu_assessment(&db, "ROS for skole", false, &[]).await;
    let ikt = app.user("ikt").await;
    let r = app
        .post(
            &ikt,
            &format!("/risks/{a}/items"),
            &[
                ("description", "Strømbrudd"),
                ("likelihood", "3"),
                ("consequence", "3"),
                ("residual_likelihood", "2"),
            ],
        )
        .await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(html.contains("id=\"residual_consequence-error\""));
    assert!(html.contains("både sannsynlighet og konsekvens etter tiltak"));
}

#[sqlx::test]
async fn a_restricted_assessments_risk_is_refused_to_rad_and_superbruker_and_another_municipalitys_is_not_found(
    db: PgPool,
) {
    let app = common::spawn(db.clone()).await;
    ringebu_assessment(&db, "ROS for nettverk", true, &[("3", "3", None, None)]).await;
    let rid: i64 = sqlx::query_scalar("select risk_id from risk where municipality_id = (select min(municipality_id) from municipality)")
        .fetch_one(&db)
        .await
        .unwrap();
    let path = format!("/risks/items/{rid}");
    for who in ["rad", "superbruker"] {
        let (status, _) = app.text(&app.user(who).await, &path).await;
        assert_eq!(status, 403, "{who}");
    }
    let (status, _) = app.text(&app.user("leder").await, &path).await;
    assert_eq!(status, 200);
    let (status, _) = app.text(&app.other_municipality().await, &path).await;
    assert_eq!(status, 404);
}

#[sqlx::test]
async fn editing_a_risk_changes_its_rf_and_a_save_on_an_old_version_is_refused_with_the_input_kept(
    db: PgPool,
) {
    let app = common::spawn(db.clone()).await;
    ringebu_assessment(&db, "ROS for skole", false, &[("4", "5", None, None)]).await;
    let rid: i64 = sqlx::query_scalar("select risk_id from risk where municipality_id = (select min(municipality_id) from municipality)")
        .fetch_one(&db)
        .await
        .unwrap();
    let ikt = app.user("ikt").await;
    let path = format!("/risks/items/{rid}/edit");
    let (_, html) = app.text(&ikt, &path).await;
    let mut fields = common::fields_of(&html, "#risk-form");
    assert_eq!(common::get(&fields, "likelihood"), Some("4"));
    common::set(&mut fields, "likelihood", "2");
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let r = app.post(&ikt, &path, &pairs).await;
    assert_eq!(r.status(), 303);
    let (_, html) = app.text(&ikt, &format!("/risks/items/{rid}")).await;
    assert!(html.contains("Endringene er lagret."));
    let score: i16 = sqlx::query_scalar("select score from risk where risk_id = $1")
        .bind(rid)
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(score, 10);
    // The same form again, based on the version before the save.
    let mut stale = fields.clone();
    common::set(&mut stale, "likelihood", "1");
    let pairs: Vec<(&str, &str)> = stale
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let r = app.post(&ikt, &path, &pairs).await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(html.contains("id=\"conflict\""));
    let ikt_name: String =
        sqlx::query_scalar("select display_name from app_user where username = 'ikt'")
            .fetch_one(&db)
            .await
            .unwrap();
    assert!(
        html.contains(&format!("{ikt_name} lagret denne risikoen")),
        "names who saved"
    );
    assert!(html.contains("value=\"1\""));
    let score: i16 = sqlx::query_scalar("select score from risk where risk_id = $1")
        .bind(rid)
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(score, 10);
}

#[sqlx::test]
async fn only_the_leder_accepts_a_risk_and_only_with_a_reason(db: PgPool) {
    let app = common::spawn(db.clone()).await;
    ringebu_assessment(&db, "ROS for skole", false, &[("4", "5", None, None)]).await;
    let rid: i64 = sqlx::query_scalar("select risk_id from risk where municipality_id = (select min(municipality_id) from municipality)")
        .fetch_one(&db)
        .await
        .unwrap();
    let path = format!("/risks/items/{rid}/accept");
    for who in ["ikt", "rad"] {
        let c = app.user(who).await;
        assert_eq!(app.get(&c, &path).await.status(), 403, "{who}");
        let r = app
            .post(&c, &path, &[("reason", "Kostnaden er for høy")])
            .await;
        assert_eq!(r.status(), 403, "{who}");
    }
    let leder = app.user("leder").await;
    let r = app.post(&leder, &path, &[("reason", "  ")]).await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(
        html.contains("id=\"reason-error\"") && html.contains("Skriv hvorfor risikoen aksepteres.")
    );
    let status: String = sqlx::query_scalar("select status from risk where municipality_id = (select min(municipality_id) from municipality)")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(status, "open");

    let r = app
        .post(&leder, &path, &[("reason", "Kostnaden er for høy")])
        .await;
    assert_eq!(r.status(), 303);
    let (_, html) = app.text(&leder, &format!("/risks/items/{rid}")).await;
    assert!(html.contains("Risikoen er akseptert.") && html.contains("Akseptert"));
    assert!(html.contains("Kostnaden er for høy"));
    let (status, by, at): (String, Option<i64>, bool) =
        sqlx::query_as("select status, accepted_by, accepted_at is not null from risk where municipality_id = (select min(municipality_id) from municipality)")
            .fetch_one(&db)
            .await
            .unwrap();
    assert_eq!(status, "accepted");
    assert_eq!(by, Some(app.user_id("leder").await));
    assert!(at);
    assert_eq!(app.audit_count("risk", rid).await, 2);
    // The history shows the acceptance: the reason, who and when.
    let (status, html) = app.text(&leder, &format!("/history/risk/{rid}")).await;
    assert_eq!(status, 200);
    let leder_name: String =
        sqlx::query_scalar("select display_name from app_user where username = 'leder'")
            .fetch_one(&db)
            .await
            .unwrap();
    for text in [
        "Begrunnelse for aksept",
        "Kostnaden er for høy",
        "Akseptert av",
        leder_name.as_str(),
        "Tidspunkt for aksept",
    ] {
        assert!(html.contains(text), "the history shows {text}");
    }
}

#[sqlx::test]
async fn one_click_makes_exactly_one_measure_from_the_mitigation_linked_to_the_risk(db: PgPool) {
    let app = common::spawn(db.clone()).await;
    let a = ringebu_assessment(&db, "ROS for skole", false, &[]).await;
    let ikt = app.user("ikt").await;
    let r = app
        .post(
            &ikt,
            &format!("/risks/{a}/items"),
            &[
                ("number", "2"),
                ("description", "For få ressurser i IKT"),
                ("likelihood", "4"),
                ("consequence", "5"),
                ("mitigation", "Prioritere oppgaver strengt\nAnsette én til."),
            ],
        )
        .await;
    let risk_page = common::location(&r);
    let rid: i64 = risk_page.rsplit('/').next().unwrap().parse().unwrap();
    let (_, html) = app.text(&ikt, &risk_page).await;
    let fields = common::fields_of(&html, "#measure-form");
    let plan = common::get(&fields, "plan").unwrap().to_string();
    let before: i64 = sqlx::query_scalar("select count(*) from measure")
        .fetch_one(&db)
        .await
        .unwrap();
    let r = app
        .post(
            &ikt,
            &format!("/risks/items/{rid}/measure"),
            &[("plan", &plan)],
        )
        .await;
    assert_eq!(r.status(), 303);
    let to = common::location(&r);
    assert!(to.starts_with("/measures/"));
    let (status, html) = app.text(&ikt, &to).await;
    assert_eq!(status, 200);
    assert!(html.contains("Prioritere oppgaver strengt"));
    assert!(html.contains("Fra risiko nr. 2 i «ROS for skole»."));
    let after: i64 = sqlx::query_scalar("select count(*) from measure")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(after, before + 1);
    let links: Vec<i64> =
        sqlx::query_scalar("select measure_id from risk_measure where risk_id = $1")
            .bind(rid)
            .fetch_all(&db)
            .await
            .unwrap();
    assert_eq!(links.len(), 1);
    assert_eq!(to, format!("/measures/{}", links[0]));
    let (_, html) = app.text(&ikt, &risk_page).await;
    assert!(html.contains(&format!("href=\"/measures/{}\"", links[0])));
}

/// The risks of an assessment, in order.
async fn risk_ids(db: &PgPool, a: i64) -> Vec<i64> {
    sqlx::query_scalar("select risk_id from risk where risk_assessment_id = $1 order by position")
        .bind(a)
        .fetch_all(db)
        .await
        .unwrap()
}

#[sqlx::test]
async fn deleting_a_risk_asks_first_then_removes_it_audited_and_lands_on_the_assessment(
    db: PgPool,
) {
    let app = common::spawn(db.clone()).await;
    let a = ringebu_assessment(
        &db,
        "ROS for skole",
        false,
        &[("4", "5", None, None), ("2", "2", None, None)],
    )
    .await;
    let rid = risk_ids(&db, a).await[0];
    let ikt = app.user("ikt").await;
    let (_, html) = app.text(&ikt, &format!("/risks/items/{rid}")).await;
    assert!(html.contains(&format!("href=\"/risks/items/{rid}/delete\"")));
    let path = format!("/risks/items/{rid}/delete");
    let (status, html) = app.text(&ikt, &path).await;
    assert_eq!(status, 200);
    assert!(html.contains("Slett risikoen") && html.contains("ROS for skole"));
    assert!(html.contains("id=\"delete-form\""));
    // Asking wrote nothing.
    assert_eq!(risk_ids(&db, a).await.len(), 2);
    for who in ["rad", "leder", "superbruker"] {
        let c = app.user(who).await;
        assert_eq!(app.post(&c, &path, &[]).await.status(), 403, "{who}");
    }
    assert_eq!(risk_ids(&db, a).await.len(), 2);
    let r = app.post(&ikt, &path, &[]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(common::location(&r), format!("/risks/{a}"));
    let (_, html) = app.text(&ikt, &format!("/risks/{a}")).await;
    assert!(html.contains("Risikoen «Nok ressurser til å drive prosessen» er slettet."));
    assert_eq!(risk_ids(&db, a).await.len(), 1);
    let deleted: i64 = sqlx::query_scalar(
        "select count(*) from audit_log where table_name = 'risk' and record_id = $1 and action = 'delete'",
    )
    .bind(rid)
    .fetch_one(&db)
    .await
    .unwrap();
    assert_eq!(deleted, 1);
    assert_eq!(app.get(&ikt, &path).await.status(), 404);
}

#[sqlx::test]
async fn deleting_an_assessment_names_how_many_risks_go_with_it_and_removes_them_all(db: PgPool) {
    let app = common::spawn(db.clone()).await;
    let a = ringebu_assessment(
        &db,
        "ROS for skole",
        false,
        &[
            ("4", "5", None, None),
            ("2", "2", None, None),
            ("1", "1", None, None),
        ],
    )
    .await;
    let risks = risk_ids(&db, a).await;
    let ikt = app.user("ikt").await;
    let path = format!("/risks/{a}/delete");
    let (status, html) = app.text(&ikt, &path).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("Alle 3 risikoene i vurderingen slettes også."),
        "{html}"
    );
    let r = app.post(&ikt, &path, &[]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(common::location(&r), "/risks");
    let (_, html) = app.text(&ikt, "/risks").await;
    assert!(html.contains("Risikovurderingen «ROS for skole» er slettet, med 3 risikoer."));
    let left: i64 =
        sqlx::query_scalar("select count(*) from risk_assessment where risk_assessment_id = $1")
            .bind(a)
            .fetch_one(&db)
            .await
            .unwrap();
    assert_eq!(left, 0);
    for rid in risks {
        assert_eq!(app.audit_count("risk", rid).await, 2, "created and deleted");
    }
    assert_eq!(app.audit_count("risk_assessment", a).await, 2);
}

#[sqlx::test]
async fn editing_an_assessment_saves_and_a_save_on_an_old_version_is_refused_naming_who_saved(
    db: PgPool,
) {
    let app = common::spawn(db.clone()).await;
    let a = ringebu_assessment(&db, "ROS for skole", false, &[]).await;
    let ikt = app.user("ikt").await;
    let path = format!("/risks/{a}/edit");
    let (status, html) = app.text(&ikt, &path).await;
    assert_eq!(status, 200);
    let mut fields = common::fields_of(&html, "#assessment-form");
    assert_eq!(common::get(&fields, "title"), Some("ROS for skole"));
    common::set(&mut fields, "title", "ROS for skolene");
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let r = app.post(&ikt, &path, &pairs).await;
    assert_eq!(r.status(), 303);
    let (_, html) = app.text(&ikt, &common::location(&r)).await;
    assert!(
        html.contains("Endringene i risikovurderingen er lagret.")
            && html.contains("ROS for skolene")
    );
    // Again, from the form as it was before that save.
    common::set(&mut fields, "title", "ROS for barnehagene");
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let r = app.post(&ikt, &path, &pairs).await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(html.contains("id=\"conflict\""));
    assert!(html.contains("lagret denne risikovurderingen"), "{html}");
    let name: String =
        sqlx::query_scalar("select display_name from app_user where username = 'ikt'")
            .fetch_one(&db)
            .await
            .unwrap();
    assert!(html.contains(&name), "names who saved");
    assert!(
        html.contains("value=\"ROS for barnehagene\""),
        "the input is kept"
    );
    let title: String =
        sqlx::query_scalar("select title from risk_assessment where risk_assessment_id = $1")
            .bind(a)
            .fetch_one(&db)
            .await
            .unwrap();
    assert_eq!(title, "ROS for skolene");
}

#[sqlx::test]
async fn a_risk_links_systems_and_locations_and_only_confidential_roles_see_the_locations(
    db: PgPool,
) {
    let app = common::spawn(db.clone()).await;
    let a = ringebu_assessment(&db, "ROS for skole", false, &[("3", "3", None, None)]).await;
    let rid = risk_ids(&db, a).await[0];
    let m: i64 = sqlx::query_scalar(
        "select municipality_id from risk_assessment where risk_assessment_id = $1",
    )
    .bind(a)
    .fetch_one(&db)
    .await
    .unwrap();
    let (system, system_name): (i64, String) = sqlx::query_as(
        "select system_id, name from system where municipality_id = $1 order by name limit 1",
    )
    .bind(m)
    .fetch_one(&db)
    .await
    .unwrap();
    let (location, location_name): (i64, String) = sqlx::query_as(
        "select location_id, name from location where municipality_id = $1 order by name limit 1",
    )
    .bind(m)
    .fetch_one(&db)
    .await
    .unwrap();
    let foreign_system: i64 =
        sqlx::query_scalar("select system_id from system where municipality_id <> $1 limit 1")
            .bind(m)
            .fetch_optional(&db)
            .await
            .unwrap()
            .unwrap_or(i64::MAX);
    let ikt = app.user("ikt").await;
    let path = format!("/risks/items/{rid}/edit");
    let (_, html) = app.text(&ikt, &path).await;
    assert!(html.contains(&format!("id=\"system-{system}\"")));
    assert!(html.contains(&format!("id=\"location-{location}\"")));
    let mut fields = common::fields_of(&html, "#risk-form");
    fields.retain(|(k, _)| k != "systems" && k != "locations");
    // A system of another municipality is refused beside the field.
    let mut bad = fields.clone();
    bad.push(("systems".into(), foreign_system.to_string()));
    let pairs: Vec<(&str, &str)> = bad.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let r = app.post(&ikt, &path, &pairs).await;
    assert_eq!(r.status(), 200);
    assert!(r.text().await.unwrap().contains("id=\"systems-error\""));
    fields.push(("systems".into(), system.to_string()));
    fields.push(("locations".into(), location.to_string()));
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let r = app.post(&ikt, &path, &pairs).await;
    assert_eq!(r.status(), 303);
    let (_, html) = app.text(&ikt, &format!("/risks/items/{rid}")).await;
    assert!(html.contains(&format!("href=\"/systems/{system}\"")) && html.contains(&system_name));
    assert!(
        html.contains(&format!("href=\"/locations/{location}\"")) && html.contains(&location_name)
    );
    // The edit form shows them ticked.
    let (_, html) = app.text(&ikt, &path).await;
    let fields = common::fields_of(&html, "#risk-form");
    assert!(fields.contains(&("systems".into(), system.to_string())));
    assert!(fields.contains(&("locations".into(), location.to_string())));
    // The assessment is not restricted: rad reads the risk and its systems, not its locations.
    let (status, html) = app
        .text(&app.user("rad").await, &format!("/risks/items/{rid}"))
        .await;
    assert_eq!(status, 200);
    assert!(html.contains(&system_name));
    assert!(!html.contains(&location_name) && !html.contains("/locations/"));
    // The history says a location was added, without its name.
    let (_, html) = app
        .text(&app.user("rad").await, &format!("/history/risk/{rid}"))
        .await;
    assert!(html.contains(&system_name));
    assert!(!html.contains(&location_name));
}

/// Nordre Land's seeded assessment and its first risk.
async fn nordre_land_risk(db: &PgPool) -> (i64, i64) {
    sqlx::query_as(
        "select a.risk_assessment_id, r.risk_id from risk r join risk_assessment a using (risk_assessment_id)
          join municipality m on m.municipality_id = a.municipality_id
         where m.name = 'Nordre Land kommune' order by r.position limit 1",
    )
    .fetch_one(db)
    .await
    .unwrap()
}

#[sqlx::test]
async fn a_nordre_land_user_gets_not_found_for_ringebus_risks_and_a_ringebu_user_for_nordre_lands(
    db: PgPool,
) {
    let app = common::spawn(db.clone()).await;
    let ringebu = ringebu_assessment(&db, "ROS for skole", false, &[("3", "3", None, None)]).await;
    let ringebu_risk = risk_ids(&db, ringebu).await[0];
    let (nl, nl_risk) = nordre_land_risk(&db).await;
    let pages = |a: i64, r: i64| {
        vec![
            format!("/risks/{a}"),
            format!("/risks/{a}/edit"),
            format!("/risks/{a}/delete"),
            format!("/risks/{a}/items/new"),
            format!("/risks/{a}/export.csv"),
            format!("/risks/{a}/export.xlsx"),
            format!("/risks/{a}/import"),
            format!("/risks/items/{r}"),
            format!("/risks/items/{r}/edit"),
            format!("/risks/items/{r}/delete"),
        ]
    };
    for (user, a, r, title) in [
        ("nl-ikt", ringebu, ringebu_risk, "ROS for skole"),
        ("ikt", nl, nl_risk, "Digitalisering 2017"),
    ] {
        let c = app.user(user).await;
        for path in pages(a, r) {
            let (status, html) = app.text(&c, &path).await;
            assert_eq!(status, 404, "{user} GET {path}");
            assert!(!html.contains(title), "{user} {path}");
        }
        for path in [
            format!("/risks/items/{r}/delete"),
            format!("/risks/{a}/delete"),
            format!("/risks/{a}/edit"),
        ] {
            let status = app.post(&c, &path, &[("title", "x")]).await.status();
            assert_eq!(status, 404, "{user} POST {path}");
        }
    }
    assert_eq!(risk_ids(&db, ringebu).await.len(), 1);
    assert_eq!(risk_ids(&db, nl).await.len(), 8);
}

#[sqlx::test]
async fn rad_and_superbruker_get_forbidden_for_every_page_of_a_restricted_assessment(db: PgPool) {
    let app = common::spawn(db.clone()).await;
    let a = ringebu_assessment(&db, "ROS for nettverk", true, &[("3", "3", None, None)]).await;
    let r = risk_ids(&db, a).await[0];
    for who in ["rad", "superbruker"] {
        let c = app.user(who).await;
        for path in [
            format!("/risks/{a}"),
            format!("/risks/{a}/export.csv"),
            format!("/risks/{a}/export.xlsx"),
            format!("/risks/items/{r}"),
            format!("/history/risk/{r}"),
            format!("/history/risk_assessment/{a}"),
        ] {
            let (status, html) = app.text(&c, &path).await;
            assert_eq!(status, 403, "{who} GET {path}");
            assert!(!html.contains("ROS for nettverk"), "{who} {path}");
        }
    }
}

#[sqlx::test]
async fn the_levels_form_refuses_bad_limits_beside_the_field_and_a_saved_change_moves_the_matrix(
    db: PgPool,
) {
    let app = common::spawn(db.clone()).await;
    let a = ringebu_assessment(&db, "ROS for skole", false, &[("3", "4", None, None)]).await;
    for who in ["ikt", "rad", "admin"] {
        let c = app.user(who).await;
        assert_eq!(app.get(&c, "/risks/levels").await.status(), 403, "{who}");
        let r = app
            .post(
                &c,
                "/risks/levels",
                &[("low_max", "4"), ("medium_max", "10")],
            )
            .await;
        assert_eq!(r.status(), 403, "{who}");
    }
    let leder = app.user("leder").await;
    let (status, html) = app.text(&leder, "/risks").await;
    assert_eq!(status, 200);
    assert!(html.contains("href=\"/risks/levels\""));
    let (status, html) = app.text(&leder, "/risks/levels").await;
    assert_eq!(status, 200);
    let fields = common::fields_of(&html, "#levels-form");
    assert_eq!(common::get(&fields, "low_max"), Some("4"));
    assert_eq!(common::get(&fields, "medium_max"), Some("12"));
    for (low, medium, field, text) in [
        ("0", "12", "low_max", "minst 1"),
        ("tre", "12", "low_max", "helt tall"),
        ("2.5", "12", "low_max", "helt tall"),
        ("", "12", "low_max", "Skriv"),
        ("4", "25", "medium_max", "mindre enn 25"),
        ("8", "8", "medium_max", "større enn grensen for lav"),
        ("4", "", "medium_max", "Skriv"),
    ] {
        let r = app
            .post(
                &leder,
                "/risks/levels",
                &[("low_max", low), ("medium_max", medium)],
            )
            .await;
        assert_eq!(r.status(), 200, "{low} {medium}");
        let html = r.text().await.unwrap();
        let doc = scraper::Html::parse_document(&html);
        let sel = scraper::Selector::parse(&format!("#{field}-error")).unwrap();
        let msg: String = doc
            .select(&sel)
            .next()
            .unwrap_or_else(|| panic!("{low} {medium}: no message at {field}"))
            .text()
            .collect();
        assert!(msg.contains(text), "{low} {medium}: {msg}");
        let kept = common::fields_of(&html, "#levels-form");
        assert_eq!(common::get(&kept, "low_max"), Some(low), "input kept");
        assert_eq!(common::get(&kept, "medium_max"), Some(medium), "input kept");
    }
    let (_, html) = app.text(&leder, &format!("/risks/{a}")).await;
    assert_eq!(matrix_cell(&html, "before", 3, 4), "1 Middels");
    let m: i64 = sqlx::query_scalar(
        "select municipality_id from risk_assessment where risk_assessment_id = $1",
    )
    .bind(a)
    .fetch_one(&db)
    .await
    .unwrap();
    let audited = app.audit_count("municipality", m).await;
    let r = app
        .post(
            &leder,
            "/risks/levels",
            &[("low_max", "3"), ("medium_max", "10")],
        )
        .await;
    assert_eq!(r.status(), 303);
    let (_, html) = app.text(&leder, &common::location(&r)).await;
    assert!(html.contains("lagret"), "the flash");
    let (_, html) = app.text(&leder, &format!("/risks/{a}")).await;
    assert_eq!(matrix_cell(&html, "before", 3, 4), "1 Høy");
    assert_eq!(matrix_cell(&html, "before", 1, 3), "0 Lav");
    assert_eq!(matrix_cell(&html, "before", 2, 2), "0 Middels");
    assert_eq!(
        app.audit_count("municipality", m).await,
        audited + 1,
        "audited as the municipality's change"
    );
    let logged: i64 = sqlx::query_scalar(
        "select count(*) from audit_log where table_name = 'municipality' and record_id = $1
            and before ->> 'risk_medium_max' = '12' and after ->> 'risk_medium_max' = '10'
            and after ->> 'risk_low_max' = '3'",
    )
    .bind(m)
    .fetch_one(&db)
    .await
    .unwrap();
    assert_eq!(logged, 1, "before and after in the log");
}

/// The assessment's CSV export as rows of cells, the header first.
async fn export_csv(app: &common::TestApp, c: &reqwest::Client, a: i64) -> Vec<Vec<String>> {
    let r = app.get(c, &format!("/risks/{a}/export.csv")).await;
    assert_eq!(r.status(), 200);
    let bytes = r.bytes().await.unwrap().to_vec();
    assert!(bytes.starts_with("\u{feff}".as_bytes()), "a BOM");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn to_csv(rows: &[Vec<&str>]) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer("\u{feff}".as_bytes().to_vec());
    for r in rows {
        w.write_record(r).unwrap();
    }
    w.into_inner().unwrap()
}

async fn upload(
    app: &common::TestApp,
    c: &reqwest::Client,
    a: i64,
    name: &str,
    bytes: Vec<u8>,
) -> (u16, String) {
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(bytes).file_name(name.to_string()),
    );
    let r = c
        .post(app.url(&format!("/risks/{a}/import")))
        .multipart(form)
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    (status, r.text().await.unwrap())
}

fn token(html: &str) -> Option<String> {
    let marker = "name=\"token\" value=\"";
    let start = html.find(marker)? + marker.len();
    let end = html[start..].find('"')? + start;
    Some(html[start..end].to_string())
}

/// The text of the preview's row for the file's row `row`.
fn preview_row(html: &str, row: usize) -> String {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse(&format!("#preview tr[data-row=\"{row}\"]")).unwrap();
    doc.select(&sel)
        .next()
        .unwrap_or_else(|| panic!("the preview has row {row}"))
        .text()
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

const HEADER: [&str; 13] = [
    "Risiko-ID",
    "Nr",
    "Beskrivelse",
    "Kategori",
    "S",
    "K",
    "RF",
    "Tiltak",
    "Eier",
    "Rest-S",
    "Rest-K",
    "Status",
    "Neste gjennomgang",
];

#[sqlx::test]
async fn an_import_warns_where_the_printed_rf_is_not_s_times_k_and_stores_s_times_k(db: PgPool) {
    let app = common::spawn(db.clone()).await;
    let a = ringebu_assessment(&db, "ROS for skole", false, &[]).await;
    let ikt = app.user("ikt").await;
    let file = to_csv(&[
        HEADER.to_vec(),
        vec![
            "",
            "3",
            "For lite opplæring",
            "Kompetanse",
            "4",
            "2",
            "10",
            "Kurs",
            "",
            "",
            "",
            "Åpen",
            "",
        ],
        vec![
            "",
            "4",
            "Leverandøren går konkurs",
            "",
            "2",
            "5",
            "10",
            "",
            "",
            "1",
            "5",
            "Under behandling",
            "01.06.2027",
        ],
    ]);
    let (status, html) = upload(&app, &ikt, a, "ros.csv", file).await;
    assert_eq!(status, 200);
    let row = preview_row(&html, 2);
    assert!(row.contains("Ny"), "{row}");
    assert!(
        row.contains("Oppgitt RF 10, men S × K = 8; lagrer 8"),
        "{row}"
    );
    assert!(!preview_row(&html, 3).contains("Oppgitt RF"));
    // Nothing is written before the confirmation.
    assert!(risk_ids(&db, a).await.is_empty());
    let t = token(&html).expect("a warning is not an error: the import can be confirmed");
    let r = app
        .post(
            &ikt,
            &format!("/risks/{a}/import/confirm"),
            &[("token", &t)],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(common::location(&r), format!("/risks/{a}"));
    let scores: Vec<(i16, Option<i16>, String)> = sqlx::query_as(
        "select score, residual_score, status from risk where risk_assessment_id = $1 order by position",
    )
    .bind(a)
    .fetch_all(&db)
    .await
    .unwrap();
    assert_eq!(
        scores,
        [
            (8, None, "open".to_string()),
            (10, Some(5), "treating".to_string())
        ]
    );
    let events: i64 = sqlx::query_scalar("select count(*) from audit_event where kind = 'import'")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(events, 1, "one audited import event");
    // The same confirmation again finds nothing to confirm.
    let r = app
        .post(
            &ikt,
            &format!("/risks/{a}/import/confirm"),
            &[("token", &t)],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(risk_ids(&db, a).await.len(), 2);
}

#[sqlx::test]
async fn an_import_row_with_a_bad_s_or_k_is_an_error_with_the_forms_message_and_nothing_is_written(
    db: PgPool,
) {
    let app = common::spawn(db.clone()).await;
    let a = ringebu_assessment(&db, "ROS for skole", false, &[("2", "2", None, None)]).await;
    let other = ringebu_assessment(&db, "ROS for nettverk", false, &[("1", "1", None, None)]).await;
    let foreign = risk_ids(&db, other).await[0].to_string();
    let ikt = app.user("ikt").await;
    let file = to_csv(&[
        HEADER.to_vec(),
        vec![
            "",
            "1",
            "S som ord",
            "",
            "tre",
            "2",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
        ],
        vec!["", "2", "S null", "", "0", "2", "", "", "", "", "", "", ""],
        vec!["", "3", "K seks", "", "2", "6", "", "", "", "", "", "", ""],
        vec![
            "",
            "4",
            "K desimal",
            "",
            "2",
            "2.5",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
        ],
        vec!["", "5", "K tom", "", "2", "", "", "", "", "", "", "", ""],
        vec![
            "",
            "6",
            "Bare Rest-S",
            "",
            "2",
            "2",
            "",
            "",
            "",
            "3",
            "",
            "",
            "",
        ],
        vec![
            &foreign,
            "7",
            "En annen vurderings risiko",
            "",
            "2",
            "2",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
        ],
        vec![
            "",
            "8",
            "Godtatt selv",
            "",
            "2",
            "2",
            "",
            "",
            "",
            "",
            "",
            "Akseptert",
            "",
        ],
        vec![
            "",
            "9",
            "Ukjent eier",
            "",
            "2",
            "2",
            "",
            "",
            "Ola Nordmann",
            "",
            "",
            "",
            "",
        ],
        vec![
            "", "10", "Grei rad", "", "2", "2", "", "", "", "", "", "", "",
        ],
    ]);
    let (status, html) = upload(&app, &ikt, a, "ros.csv", file).await;
    assert_eq!(status, 200);
    let expect = [
        (2, "S:"),
        (3, "S:"),
        (4, "K:"),
        (5, "K:"),
        (6, "K:"),
        (7, "Rest-K:"),
        (8, "Risiko-ID:"),
        (9, "Status:"),
        (10, "Eier:"),
    ];
    for (row, column) in expect {
        let text = preview_row(&html, row);
        assert!(text.contains("Feil"), "row {row}: {text}");
        assert!(text.contains(column), "row {row} names {column}: {text}");
    }
    let form_messages = [
        (2, ikt_styring::domain::RiskScale::parse("tre").unwrap_err()),
        (3, ikt_styring::domain::RiskScale::parse("0").unwrap_err()),
        (4, ikt_styring::domain::RiskScale::parse("6").unwrap_err()),
        (5, ikt_styring::domain::RiskScale::parse("2.5").unwrap_err()),
        (6, ikt_styring::domain::RiskScale::parse("").unwrap_err()),
    ];
    for (row, msg) in form_messages {
        let text = preview_row(&html, row);
        assert!(
            text.contains(&msg.nb()),
            "row {row}: the form's message «{}»: {text}",
            msg.nb()
        );
    }
    assert!(preview_row(&html, 11).contains("Ny"));
    assert!(
        token(&html).is_none(),
        "a file with errors cannot be confirmed"
    );
    assert!(html.contains("Ingenting er importert"));
    assert_eq!(risk_ids(&db, a).await.len(), 1);
}

#[sqlx::test]
async fn the_risks_exported_and_imported_again_change_nothing(db: PgPool) {
    let app = common::spawn(db.clone()).await;
    let (nl, _) = nordre_land_risk(&db).await;
    let c = app.user("nl-ikt").await;
    sqlx::query("update risk set next_review = '2027-03-01', residual_likelihood = 2, residual_consequence = 3, category = 'Ressurser', status = 'treating' where risk_assessment_id = $1 and number = '1'")
        .bind(nl)
        .execute(&db)
        .await
        .unwrap();
    let rows = export_csv(&app, &c, nl).await;
    assert_eq!(rows[0], HEADER.map(String::from).to_vec());
    assert_eq!(rows.len(), 9, "the header and the eight risks");
    let before: i64 = sqlx::query_scalar("select count(*) from audit_log")
        .fetch_one(&db)
        .await
        .unwrap();
    let refs: Vec<Vec<&str>> = rows
        .iter()
        .map(|r| r.iter().map(String::as_str).collect())
        .collect();
    let (status, html) = upload(&app, &c, nl, "ros.csv", to_csv(&refs)).await;
    assert_eq!(status, 200);
    for row in 2..=9 {
        let text = preview_row(&html, row);
        assert!(text.contains("Uendret"), "row {row}: {text}");
    }
    assert!(
        html.contains("Filen endrer ingenting"),
        "no confirm button for nothing"
    );
    // The Excel file reads back the same.
    let r = app.get(&c, &format!("/risks/{nl}/export.xlsx")).await;
    assert_eq!(r.status(), 200);
    let xlsx = r.bytes().await.unwrap().to_vec();
    let (status, html) = upload(&app, &c, nl, "ros.xlsx", xlsx).await;
    assert_eq!(status, 200);
    for row in 2..=9 {
        assert!(
            preview_row(&html, row).contains("Uendret"),
            "xlsx row {row}"
        );
    }
    let after: i64 = sqlx::query_scalar("select count(*) from audit_log")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(after, before);
}

#[sqlx::test]
async fn an_import_changes_a_risk_by_its_id_and_refuses_a_preview_of_another_assessment(
    db: PgPool,
) {
    let app = common::spawn(db.clone()).await;
    let a = ringebu_assessment(&db, "ROS for skole", false, &[("2", "2", None, None)]).await;
    let b = ringebu_assessment(&db, "ROS for nettverk", false, &[]).await;
    let rid = risk_ids(&db, a).await[0];
    let ikt = app.user("ikt").await;
    let mut rows = export_csv(&app, &ikt, a).await;
    rows[1][4] = "5".into();
    let refs: Vec<Vec<&str>> = rows
        .iter()
        .map(|r| r.iter().map(String::as_str).collect())
        .collect();
    let (_, html) = upload(&app, &ikt, a, "ros.csv", to_csv(&refs)).await;
    let text = preview_row(&html, 2);
    assert!(text.contains("Endret") && text.contains("2 → 5"), "{text}");
    let t = token(&html).unwrap();
    // Confirmed into another assessment: refused, nothing written.
    let r = app
        .post(
            &ikt,
            &format!("/risks/{b}/import/confirm"),
            &[("token", &t)],
        )
        .await;
    assert_eq!(r.status(), 303);
    let (_, page) = app.text(&ikt, &common::location(&r)).await;
    assert!(
        page.contains("Forhåndsvisningen finnes ikke lenger"),
        "{page}"
    );
    assert!(risk_ids(&db, b).await.is_empty());
    let score: i16 = sqlx::query_scalar("select score from risk where risk_id = $1")
        .bind(rid)
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(score, 4);
    // The preview again, confirmed where it belongs.
    let (_, html) = upload(&app, &ikt, a, "ros.csv", to_csv(&refs)).await;
    let t = token(&html).unwrap();
    let r = app
        .post(
            &ikt,
            &format!("/risks/{a}/import/confirm"),
            &[("token", &t)],
        )
        .await;
    assert_eq!(r.status(), 303);
    let score: i16 = sqlx::query_scalar("select score from risk where risk_id = $1")
        .bind(rid)
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(score, 10);
}
