//! The line inventory (issue 12): the seeded Vedlegg 3, Mbps per user and the flags in words,
//! totals, who may read it, and tenancy.

mod common;

use common::*;
use sqlx::PgPool;

async fn location_id(app: &TestApp, name: &str) -> i64 {
    sqlx::query_scalar("select location_id from location where name = $1")
        .bind(name)
        .fetch_one(&app.db)
        .await
        .unwrap()
}

/// The text of the list row of a location (its first line).
fn row_of(html: &str, location: &str) -> String {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse("tbody tr").unwrap();
    doc.select(&sel)
        .map(|tr| tr.text().collect::<Vec<_>>().join(" "))
        .find(|t| t.contains(location))
        .unwrap_or_else(|| panic!("no row for {location}"))
}

#[sqlx::test]
async fn the_seed_has_vedlegg_3s_28_lines_at_27_locations(db: PgPool) {
    let app = spawn(db).await;
    let (locations, lines): (i64, i64) =
        sqlx::query_as("select (select count(*) from location), (select count(*) from line)")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!((locations, lines), (27, 28));
    let (n, purposes): (i64, Vec<String>) = sqlx::query_as(
        "select count(*), array_agg(purpose order by position) from line join location using (location_id) where name = 'Ringebu rådhus'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(n, 2);
    assert_eq!(purposes, ["WAN-internett", "LAN-interkommunalt"]);
    let (users, none): (Option<i32>, bool) =
        sqlx::query_as("select users_count, users_none from location where name = $1")
            .bind("Ringebuhallen")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!((users, none), (None, true), "«-» is no users, not unknown");
    let (users, none): (Option<i32>, bool) =
        sqlx::query_as("select users_count, users_none from location where name = $1")
            .bind("Annekset")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!((users, none), (None, false), "an empty cell stays unknown");
}

#[sqlx::test]
async fn favang_barnehage_has_0_9_mbps_per_user_and_is_flagged_adsl_leased_and_under_the_threshold(
    db: PgPool,
) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    let (status, html) = app.text(&ikt, "/locations").await;
    assert_eq!(status, 200);
    let row = row_of(&html, "Fåvang barnehage");
    assert!(row.contains("0,9"), "{row}");
    assert!(row.contains("ADSL eller radio"), "{row}");
    assert!(row.contains("Leid linje"), "{row}");
    assert!(row.contains("Leid fra Eidsiva"), "{row}");
    assert!(row.contains("Under terskelen"), "{row}");
    let skole = row_of(&html, "Fåvang skole");
    assert!(skole.contains("3,1"), "100 Mbps / 32 users: {skole}");
    assert!(!skole.contains("Under terskelen"), "{skole}");
    assert!(!skole.contains("Leid linje"), "{skole}");
    let brann = row_of(&html, "Fåvang brannstasjon");
    assert!(brann.contains("maks. teoretisk"), "{brann}");
    assert!(brann.contains("ADSL eller radio"), "{brann}");
}

#[sqlx::test]
async fn users_show_a_dash_for_none_and_nothing_when_unknown(db: PgPool) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    let (_, html) = app.text(&ikt, "/locations").await;
    let hallen = row_of(&html, "Ringebuhallen");
    assert!(hallen.contains('–'), "{hallen}");
    let annekset = row_of(&html, "Annekset");
    assert!(!annekset.contains('–'), "{annekset}");
}

#[sqlx::test]
async fn the_totals_count_users_types_ownership_and_unknown_costs(db: PgPool) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    let (_, html) = app.text(&ikt, "/locations").await;
    let text = interface_text(&html);
    // 1+1+12+8+8+4+12+7+28+13+3+1+2+1+5+11+34+30+4+32+22+7+1+69
    assert!(has_words(&text, "316"), "users total");
    assert!(has_words(&text, "ADSL: 2"), "{text}");
    assert!(has_words(&text, "Radio: 1"), "{text}");
    assert!(has_words(&text, "Fiber: 25"), "{text}");
    assert!(has_words(&text, "17 kommunalt eid, 11 leid"), "{text}");
    assert!(
        has_words(&text, "Ukjent: ingen linje har registrert kostnad"),
        "no line has a cost in Vedlegg 3, so the total is unknown, not kr 0: {text}"
    );
    assert!(!has_words(&text, "kr 0"), "{text}");
}

#[sqlx::test]
async fn the_needs_attention_filter_leaves_out_own_fiber_above_the_threshold(db: PgPool) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    let (_, html) = app.text(&ikt, "/locations?attention=1").await;
    assert!(html.contains("Fåvang barnehage"));
    assert!(!html.contains("Fåvang skole"));
    assert!(
        has_words(&interface_text(&html), "12 linjer"),
        "the 11 leased lines and the radio line"
    );
}

#[sqlx::test]
async fn a_raised_threshold_flags_more_locations(db: PgPool) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    let (_, html) = app.text(&ikt, "/locations").await;
    assert!(!row_of(&html, "Fåvang skole").contains("Under terskelen"));
    sqlx::query("update municipality set mbps_per_user_threshold = 5")
        .execute(&app.db)
        .await
        .unwrap();
    let (_, html) = app.text(&ikt, "/locations").await;
    assert!(row_of(&html, "Fåvang skole").contains("Under terskelen"));
}

#[sqlx::test]
async fn a_location_shows_its_lines_and_the_measure_that_will_change_it(db: PgPool) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    let id = location_id(&app, "Fåvang barnehage").await;
    let (status, html) = app.text(&ikt, &format!("/locations/{id}")).await;
    assert_eq!(status, 200);
    assert!(html.contains("Egeneid fiber til Fåvang barnehage"));
    assert!(html.contains("6 Mbps"));
    let id = location_id(&app, "Ringebu rådhus").await;
    let (_, html) = app.text(&ikt, &format!("/locations/{id}")).await;
    assert!(html.contains("WAN-internett") && html.contains("LAN-interkommunalt"));
}

#[sqlx::test]
async fn the_inventory_is_refused_to_rad_and_superbruker_and_open_to_leder(db: PgPool) {
    let app = spawn(db).await;
    let id = location_id(&app, "Fåvang barnehage").await;
    for path in ["/locations".to_string(), format!("/locations/{id}")] {
        for who in ["rad", "superbruker"] {
            let c = app.user(who).await;
            let (status, html) = app.text(&c, &path).await;
            assert_eq!(status, 403, "{who} {path}");
            assert!(!html.contains("Eidsiva"), "{who} sees nothing of the lines");
        }
        let leder = app.user("leder").await;
        assert_eq!(app.text(&leder, &path).await.0, 200, "leder {path}");
    }
}

#[sqlx::test]
async fn a_location_of_another_municipality_is_not_found(db: PgPool) {
    let app = spawn(db).await;
    let other = app.other_municipality().await;
    let id = location_id(&app, "Fåvang barnehage").await;
    assert_eq!(app.text(&other, &format!("/locations/{id}")).await.0, 404);
    let (_, html) = app.text(&other, "/locations").await;
    assert!(!html.contains("Fåvang"));
}

#[sqlx::test]
async fn an_editor_raises_the_threshold_and_the_flags_move_and_the_change_is_in_the_log(
    db: PgPool,
) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    let r = app
        .post(&ikt, "/locations/threshold", &[("threshold", "5")])
        .await;
    assert_eq!(r.status().as_u16(), 303);
    let (_, html) = app.text(&ikt, "/locations").await;
    assert!(html.contains("Terskelen er nå 5 Mbps per bruker."));
    assert!(row_of(&html, "Fåvang skole").contains("Under terskelen"));
    let logged: i64 = sqlx::query_scalar(
        "select count(*) from audit_log where table_name = 'municipality' and after ->> 'mbps_per_user_threshold' = '5'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(logged, 1);
}

#[sqlx::test]
async fn a_threshold_in_words_or_zero_is_refused_and_leder_cannot_change_it(db: PgPool) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    for bad in ["tre", "0", ""] {
        app.post(&ikt, "/locations/threshold", &[("threshold", bad)])
            .await;
        let (_, html) = app.text(&ikt, "/locations").await;
        assert!(
            html.contains("er ikke en kapasitet") || html.contains("større enn null"),
            "{bad:?} is refused in words"
        );
    }
    let leder = app.user("leder").await;
    let r = app
        .post(&leder, "/locations/threshold", &[("threshold", "5")])
        .await;
    assert_eq!(r.status().as_u16(), 403);
    let t: rust_decimal::Decimal = sqlx::query_scalar(
        "select mbps_per_user_threshold from municipality where name like 'Ringebu%'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(t, rust_decimal::Decimal::from(1));
}

#[sqlx::test]
async fn the_measure_page_names_its_places_to_ikt_but_not_to_rad(db: PgPool) {
    let app = spawn(db).await;
    let id = measure_id(&app, "Egeneid fiber til Tromsvang").await;
    let ikt = app.user("ikt").await;
    let (_, html) = app.text(&ikt, &format!("/measures/{id}")).await;
    assert!(html.contains("Lokasjoner og steder"));
    assert!(html.contains("Tromsvang"));
    let id = measure_id(&app, "Egeneid fiber til Fåvang barnehage").await;
    let (_, html) = app.text(&ikt, &format!("/measures/{id}")).await;
    let loc = location_id(&app, "Fåvang barnehage").await;
    assert!(html.contains(&format!("href=\"/locations/{loc}\"")));
    let rad = app.user("rad").await;
    let (_, html) = app.text(&rad, &format!("/measures/{id}")).await;
    assert!(!html.contains("Lokasjoner og steder"));
}

#[sqlx::test]
async fn the_csv_export_has_one_row_per_line_with_the_location_repeated(db: PgPool) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    let (status, csv) = app.text(&ikt, "/locations/export.csv").await;
    assert_eq!(status, 200);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 29, "a header and 28 lines");
    let radhus: Vec<&&str> = lines
        .iter()
        .filter(|l| l.starts_with("Ringebu rådhus;"))
        .collect();
    assert_eq!(radhus.len(), 2);
    assert!(radhus.iter().any(|l| l.contains("WAN-internett")));
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("Fåvang barnehage;7;;6;;ADSL;Leid;Eidsiva;"))
    );
    let rad = app.user("rad").await;
    let (status, body) = app.text(&rad, "/locations/export.csv").await;
    assert_eq!(status, 403);
    assert!(!body.contains("Eidsiva"));
}
