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
    assert!(
        lines[0]
            .trim_start_matches('\u{feff}')
            .starts_with("Linje-ID;Lokasjon;")
    );
    let radhus: Vec<&&str> = lines
        .iter()
        .filter(|l| l.contains(";Ringebu rådhus;"))
        .collect();
    assert_eq!(radhus.len(), 2);
    assert!(radhus.iter().any(|l| l.contains("WAN-internett")));
    let barnehage = lines
        .iter()
        .find(|l| l.contains(";Fåvang barnehage;"))
        .expect("Fåvang barnehage");
    assert!(
        barnehage.contains(";7;;;6;;ADSL;Leid;Eidsiva;"),
        "{barnehage}"
    );
    let rad = app.user("rad").await;
    let (status, body) = app.text(&rad, "/locations/export.csv").await;
    assert_eq!(status, 403);
    assert!(!body.contains("Eidsiva"));
}

async fn upload(app: &TestApp, c: &reqwest::Client, name: &str, bytes: Vec<u8>) -> (u16, String) {
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(bytes).file_name(name.to_string()),
    );
    let r = c
        .post(app.url("/locations/import"))
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
    Some(html[start..start + 64].to_string())
}

fn fates(html: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse("tbody .ds-tag").unwrap();
    doc.select(&sel)
        .map(|t| t.text().collect::<String>())
        .collect()
}

async fn line_count(app: &TestApp) -> i64 {
    sqlx::query_scalar(
        "select count(*) from line where municipality_id = (select min(municipality_id) from municipality)",
    )
    .fetch_one(&app.db)
    .await
    .unwrap()
}

#[sqlx::test]
async fn ikt_adds_a_location_with_a_line_and_both_are_listed_and_logged(db: PgPool) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    let r = app
        .post(
            &ikt,
            "/locations",
            &[
                ("name", "Kvitfjell servicebygg"),
                ("users", "12"),
                ("address", "Kvitfjellvegen 1"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let page = location(&r);
    let id = location_id(&app, "Kvitfjell servicebygg").await;
    assert_eq!(page, format!("/locations/{id}"));
    let r = app
        .post(
            &ikt,
            &format!("/locations/{id}/lines"),
            &[
                ("purpose", "WAN-internett"),
                ("down_mbps", "50"),
                ("up_mbps", "10"),
                ("line_type", "radio"),
                ("ownership", "leased"),
                ("provider", "Eidsiva"),
                ("yearly_cost", "kr 24 000"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let (_, html) = app.text(&ikt, "/locations").await;
    let row = row_of(&html, "Kvitfjell servicebygg");
    assert!(row.contains("50/10 Mbps"), "{row}");
    assert!(row.contains("4,2"), "50 Mbps / 12 users: {row}");
    assert!(
        row.contains("ADSL eller radio") && row.contains("Leid fra Eidsiva"),
        "{row}"
    );
    assert_eq!(app.audit_count("location", id).await, 1);
    let line_id: i64 = sqlx::query_scalar("select line_id from line where location_id = $1")
        .bind(id)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(app.audit_count("line", line_id).await, 1);
    let (_, history) = app.text(&ikt, &format!("/history/line/{line_id}")).await;
    assert!(
        history.contains("Eidsiva"),
        "the line's history names its provider"
    );
}

#[sqlx::test]
async fn a_refused_line_form_says_why_beside_each_field_and_keeps_the_input(db: PgPool) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    let id = location_id(&app, "Fåvang skole").await;
    let before = line_count(&app).await;
    let r = app
        .post(
            &ikt,
            &format!("/locations/{id}/lines"),
            &[
                ("purpose", "Reserve"),
                ("down_mbps", "rask"),
                ("line_type", "kobber"),
                ("ownership", "own"),
                ("provider", "Telenor"),
                ("notice_days", "tre"),
            ],
        )
        .await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(
        html.contains("«rask»"),
        "the capacity's message quotes the input"
    );
    assert!(html.contains("Velg linjetype."));
    assert!(html.contains("Bare en leid linje har en leverandør."));
    assert!(html.contains("Oppsigelsestiden er et helt antall dager"));
    assert!(html.contains("value=\"Reserve\""), "the input is kept");
    assert!(html.contains("value=\"Telenor\""));
    assert_eq!(line_count(&app).await, before, "nothing saved");
    let r = app
        .post(
            &ikt,
            "/locations",
            &[("name", "Fåvang skole"), ("users", "mange")],
        )
        .await;
    let html = r.text().await.unwrap();
    assert!(
        html.contains("Det finnes alt en lokasjon med dette navnet.") || html.contains("«mange»")
    );
    assert!(html.contains("«mange» er ikke et antall brukere"));
}

#[sqlx::test]
async fn a_line_edited_from_an_old_form_is_refused_naming_who_saved_since(db: PgPool) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    let admin = app.user("admin").await;
    let id = location_id(&app, "Fåvang barnehage").await;
    let line_id: i64 = sqlx::query_scalar("select line_id from line where location_id = $1")
        .bind(id)
        .fetch_one(&app.db)
        .await
        .unwrap();
    let (status, html) = app.text(&ikt, &format!("/lines/{line_id}/edit")).await;
    assert_eq!(status, 200);
    let mut old = fields_of(&html, "form#line-form");
    let (_, html) = app.text(&admin, &format!("/lines/{line_id}/edit")).await;
    let mut theirs = fields_of(&html, "form#line-form");
    set(&mut theirs, "down_mbps", "50");
    let r = submit(&app, &admin, &format!("/lines/{line_id}/edit"), &theirs).await;
    assert_eq!(r.status(), 303);
    set(&mut old, "down_mbps", "100");
    set(&mut old, "line_type", "fiber");
    let r = submit(&app, &ikt, &format!("/lines/{line_id}/edit"), &old).await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(html.contains("lagret dette"), "the conflict is explained");
    let admin_name: String =
        sqlx::query_scalar("select display_name from app_user where username = 'admin'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert!(html.contains(&admin_name), "it names who saved");
    let down: rust_decimal::Decimal =
        sqlx::query_scalar("select down_mbps from line where line_id = $1")
            .bind(line_id)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(
        down,
        rust_decimal::Decimal::from(50),
        "the other save stands"
    );
    // Saving the kept input again is deliberate and goes through.
    let kept = fields_of(&html, "form#line-form");
    let r = submit(&app, &ikt, &format!("/lines/{line_id}/edit"), &kept).await;
    assert_eq!(r.status(), 303);
}

#[sqlx::test]
async fn deleting_a_location_asks_first_and_takes_its_lines_and_links_with_it(db: PgPool) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    let id = location_id(&app, "Ringebu rådhus").await;
    let (status, html) = app.text(&ikt, &format!("/locations/{id}/delete")).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("2 linjer"),
        "the confirmation says what goes with it"
    );
    assert_eq!(
        location_id(&app, "Ringebu rådhus").await,
        id,
        "asking deletes nothing"
    );
    let before = line_count(&app).await;
    let r = app
        .post(&ikt, &format!("/locations/{id}/delete"), &[])
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(line_count(&app).await, before - 2);
    let (status, _) = app.text(&ikt, &format!("/locations/{id}")).await;
    assert_eq!(status, 404);
    assert_eq!(
        app.audit_count("location", id).await,
        1,
        "the deletion is logged"
    );
    let leder = app.user("leder").await;
    let other = location_id(&app, "Fåvang skole").await;
    let r = app
        .post(&leder, &format!("/locations/{other}/delete"), &[])
        .await;
    assert_eq!(
        r.status(),
        403,
        "leder reads the inventory but does not keep it"
    );
}

#[sqlx::test]
async fn a_measure_is_linked_to_a_location_and_to_a_new_place_and_unlinked_again(db: PgPool) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    let measure = sqlx::query_scalar::<_, i64>(
        "select min(measure_id) from measure where municipality_id = (select min(municipality_id) from municipality)",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let loc = location_id(&app, "Fåvang skole").await;
    let path = format!("/measures/{measure}/locations");
    let r = app
        .post(&ikt, &path, &[("location_id", &loc.to_string())])
        .await;
    assert_eq!(r.status(), 303);
    let r = app
        .post(&ikt, &path, &[("place", "Ny fiber Fåvang–Tromsvang")])
        .await;
    assert_eq!(r.status(), 303);
    let r = app
        .post(
            &ikt,
            &path,
            &[("location_id", &loc.to_string()), ("place", "x")],
        )
        .await;
    assert_eq!(r.status(), 200, "both at once is refused on the form");
    let (_, html) = app.text(&ikt, &format!("/locations/{loc}")).await;
    assert!(
        html.contains(&format!("/measures/{measure}")),
        "the location lists the measure"
    );
    let (_, html) = app.text(&ikt, &format!("/measures/{measure}")).await;
    assert!(html.contains("Ny fiber Fåvang–Tromsvang"));
    let link: i64 = sqlx::query_scalar(
        "select measure_location_id from measure_location where measure_id = $1 and place is not null",
    )
    .bind(measure)
    .fetch_one(&app.db)
    .await
    .unwrap();
    let r = app
        .post(
            &ikt,
            &format!("/measures/{measure}/locations/{link}/delete"),
            &[],
        )
        .await;
    assert_eq!(r.status(), 303);
    let (_, html) = app
        .text(&ikt, &format!("/measures/{measure}/locations"))
        .await;
    assert!(!html.contains("Ny fiber Fåvang–Tromsvang"), "unlinked");
    let (_, history) = app.text(&ikt, &format!("/history/measure/{measure}")).await;
    assert!(
        history.contains("Sted som ikke er i linjeoversikten"),
        "the measure's log shows the place"
    );
    let (_, history) = app.text(&ikt, &format!("/history/location/{loc}")).await;
    assert!(
        history.contains("Tiltak som endrer lokasjonen"),
        "the location's log shows the link; the measure's, read by every role, does not"
    );
    let rad = app.user("rad").await;
    let (_, history) = app.text(&rad, &format!("/history/measure/{measure}")).await;
    assert!(
        !history.contains("Fåvang skole"),
        "rad does not learn the inventory from the log"
    );
    let r = app.post(&rad, &path, &[("place", "x")]).await;
    assert_eq!(r.status(), 403);
}

#[sqlx::test]
async fn the_inventory_exported_and_imported_again_changes_nothing(db: PgPool) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    for file in ["linjer.csv", "linjer.xlsx"] {
        let bytes = ikt
            .get(app.url(&format!("/locations/export.{}", &file[7..])))
            .send()
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap()
            .to_vec();
        let (status, html) = upload(&app, &ikt, file, bytes).await;
        assert_eq!(status, 200);
        let f = fates(&html);
        assert_eq!(f.len(), 28, "{file}: a row per line");
        assert!(f.iter().all(|t| t == "Uendret"), "{file}: {f:?}");
        assert!(html.contains("Filen endrer ingenting"));
    }
}

#[sqlx::test]
async fn an_imported_change_is_previewed_field_by_field_then_saved_as_one_audited_import(
    db: PgPool,
) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    let (_, csv) = app.text(&ikt, "/locations/export.csv").await;
    let mut out: Vec<String> = Vec::new();
    for line in csv.lines() {
        if line.contains(";Fåvang barnehage;") {
            out.push(line.replacen(";6;;ADSL;Leid;Eidsiva;", ";100;;Fiber;Kommunalt eid;;", 1));
        } else {
            out.push(line.to_string());
        }
    }
    out.push(";Kvitfjell servicebygg;;12;;WAN-internett;50;;Radio;Leid;Eidsiva;;;;;;".into());
    out.push(";Kvitfjell servicebygg;;12;;Reserve;10;;Mobilt bredbånd;Leid;Telia;;;;;;".into());
    let body = out.join("\r\n");
    let (status, html) = upload(&app, &ikt, "endret.csv", body.into_bytes()).await;
    assert_eq!(status, 200);
    let f = fates(&html);
    assert_eq!(f.iter().filter(|t| *t == "Endret").count(), 1, "{f:?}");
    assert_eq!(f.iter().filter(|t| *t == "Ny").count(), 2, "{f:?}");
    assert!(html.contains("6 → 100"), "the capacity before and after");
    assert!(html.contains("ADSL → Fiber"));
    assert!(html.contains("ny lokasjon"));
    let before = line_count(&app).await;
    assert_eq!(before, 28, "nothing written by the preview");
    let t = token(&html).expect("a confirm form");
    let r = app
        .post(&ikt, "/locations/import/confirm", &[("token", &t)])
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(line_count(&app).await, 30);
    let new_locations: i64 =
        sqlx::query_scalar("select count(*) from location where name = 'Kvitfjell servicebygg'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(new_locations, 1, "one location for its two rows");
    let (_, html) = app.text(&ikt, "/locations").await;
    let row = row_of(&html, "Fåvang barnehage");
    assert!(!row.contains("ADSL eller radio"), "{row}");
    let events: i64 = sqlx::query_scalar("select count(*) from audit_event where kind = 'import'")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(events, 1, "one import event");
    // The same token again finds nothing.
    let r = app
        .post(&ikt, "/locations/import/confirm", &[("token", &t)])
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(line_count(&app).await, 30);
}

#[sqlx::test]
async fn import_rows_with_bad_values_are_errors_and_nothing_can_be_confirmed(db: PgPool) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    let body = [
        "Linje-ID;Lokasjon;Brukere;Formål;Kapasitet ned (Mbps);Linjetype;Eierskap;Leverandør",
        ";Nytt sted;mange;WAN;rask;Kobber;Kommunalt eid;Eidsiva",
        "999999;Fåvang skole;32;WAN;100;Fiber;Kommunalt eid;",
        ";Fåvang skole;40;Reserve;10;Fiber;Kommunalt eid;",
        ";;;;10;Fiber;Kommunalt eid;",
    ]
    .join("\n");
    let (status, html) = upload(&app, &ikt, "feil.csv", body.into_bytes()).await;
    assert_eq!(status, 200);
    assert!(html.contains("«mange» er ikke et antall brukere"), "users");
    assert!(html.contains("«rask»"), "capacity");
    assert!(html.contains("«Kobber» er ikke et av valgene"), "line type");
    assert!(
        html.contains("Bare en leid linje har en leverandør"),
        "provider"
    );
    assert!(html.contains("Linje-ID 999999 finnes ikke"), "unknown key");
    assert!(html.contains("Skriv navnet på lokasjonen."), "no location");
    assert_eq!(token(&html), None, "no confirm while a row has an error");
    let (_, html) = upload(&app, &ikt, "tom.csv", b"a;b\n1;2\n".to_vec()).await;
    assert!(html.contains("Fant ingen overskriftsrad"));
    let leder = app.user("leder").await;
    let (status, _) = upload(&app, &leder, "x.csv", b"Lokasjon\nA\n".to_vec()).await;
    assert_eq!(status, 403);
}
