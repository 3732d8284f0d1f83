//! The search across the registers (issue 14): what it finds, how it shows it, and that it shows
//! only what the user may read.

mod common;

use common::*;
use scraper::{Html, Selector};
use sqlx::PgPool;

/// The page of `/search?q=…` (the text encoded as a browser would), asserted to be 200.
async fn search(app: &TestApp, c: &reqwest::Client, q: &str) -> String {
    let url = format!(
        "/search?{}",
        serde_urlencoded::to_string([("q", q)]).unwrap()
    );
    let (status, html) = app.text(c, &url).await;
    assert_eq!(status, 200, "{url}");
    html
}

/// The links of the results, as (href, text).
fn hits(html: &str) -> Vec<(String, String)> {
    let doc = Html::parse_document(html);
    doc.select(&Selector::parse(".search-hits a").unwrap())
        .map(|a| {
            (
                a.value().attr("href").unwrap_or_default().to_string(),
                a.text().collect::<String>(),
            )
        })
        .collect()
}

fn has_link(html: &str, href: &str) -> bool {
    hits(html).iter().any(|(h, _)| h == href)
}

/// The group headings' texts.
fn headings(html: &str) -> Vec<String> {
    let doc = Html::parse_document(html);
    doc.select(&Selector::parse("main h2").unwrap())
        .map(|h| h.text().collect::<String>().trim().to_string())
        .collect()
}

async fn ringebu(app: &TestApp) -> i64 {
    sqlx::query_scalar("select municipality_id from app_user where username = 'ikt'")
        .fetch_one(&app.db)
        .await
        .unwrap()
}

/// The id of Ringebu's row named `name`: `sql` takes the name as $1 and the municipality as $2.
async fn id_of(app: &TestApp, sql: &str, name: &str) -> i64 {
    let m = ringebu(app).await;
    sqlx::query_scalar(sql)
        .bind(name)
        .bind(m)
        .fetch_one(&app.db)
        .await
        .unwrap()
}

async fn add_system(app: &TestApp, m: i64, name: &str, description: &str) -> i64 {
    sqlx::query_scalar(
        "insert into system (municipality_id, name, description) values ($1, $2, $3) returning system_id",
    )
    .bind(m)
    .bind(name)
    .bind(description)
    .fetch_one(&app.db)
    .await
    .unwrap()
}

/// An assessment with one risk; returns (assessment, risk).
async fn add_risk(app: &TestApp, title: &str, restricted: bool, description: &str) -> (i64, i64) {
    let m = ringebu(app).await;
    let a: i64 = sqlx::query_scalar(
        "insert into risk_assessment (municipality_id, title, restricted) values ($1, $2, $3) returning risk_assessment_id",
    )
    .bind(m)
    .bind(title)
    .bind(restricted)
    .fetch_one(&app.db)
    .await
    .unwrap();
    let r: i64 = sqlx::query_scalar(
        "insert into risk (municipality_id, risk_assessment_id, description, likelihood, consequence)
         values ($1, $2, $3, 3, 4) returning risk_id",
    )
    .bind(m)
    .bind(a)
    .bind(description)
    .fetch_one(&app.db)
    .await
    .unwrap();
    (a, r)
}

#[sqlx::test]
async fn a_misspelt_system_name_finds_the_system(db: PgPool) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    let gerica = id_of(
        &app,
        "select system_id from system where name = $1 and municipality_id = $2",
        "Gerica",
    )
    .await;
    let html = search(&app, &ikt, "gerika").await;
    assert!(
        has_link(&html, &format!("/systems/{gerica}")),
        "«gerika» finds Gerica: {:?}",
        hits(&html)
    );
}

#[sqlx::test]
async fn the_matched_words_are_marked_in_the_name_and_the_description(db: PgPool) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    let m = ringebu(&app).await;
    let id = add_system(
        &app,
        m,
        "Turnusplanlegger",
        "Planlegger vakter i hjemmetjenesten og på sykehjemmet.",
    )
    .await;
    // Another inflection of the word («hjemmetjeneste» for «hjemmetjenesten»): the stemmer.
    let html = search(&app, &ikt, "hjemmetjeneste").await;
    assert!(
        has_link(&html, &format!("/systems/{id}")),
        "{:?}",
        hits(&html)
    );
    assert!(
        html.contains("<mark>hjemmetjenesten</mark>"),
        "the matched word is marked in the description"
    );
    let html = search(&app, &ikt, "turnusplanlegger").await;
    assert!(
        html.contains(&format!(
            r#"<a class="ds-link" href="/systems/{id}"><mark>Turnusplanlegger</mark></a>"#
        )),
        "the matched word is marked in the name"
    );
}

#[sqlx::test]
async fn results_are_grouped_by_kind_under_a_heading_with_their_count_and_more_is_said(db: PgPool) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    let m = ringebu(&app).await;
    for i in 1..=25 {
        add_system(&app, m, &format!("Zebrafisk {i}"), "").await;
    }
    let html = search(&app, &ikt, "zebrafisk").await;
    assert_eq!(headings(&html), vec!["Fagsystemer (25)".to_string()]);
    assert_eq!(hits(&html).len(), 20, "twenty shown of a kind");
    assert!(
        has_words(&interface_text(&html), "Viser de 20 første av 25"),
        "the page says there are more"
    );
    assert_eq!(
        Html::parse_document(&html)
            .select(&Selector::parse("h1").unwrap())
            .count(),
        1,
        "one h1"
    );
}

#[sqlx::test]
async fn people_units_measures_strategies_and_requests_are_found_and_link_to_their_pages(
    db: PgPool,
) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    let m = ringebu(&app).await;

    let magnus = id_of(
        &app,
        "select person_id from person where name = $1 and municipality_id = $2",
        "Magnus Rønningen",
    )
    .await;
    let html = search(&app, &ikt, "Rønningen").await;
    assert!(
        has_link(&html, &format!("/people/{magnus}")),
        "{:?}",
        hits(&html)
    );

    let unit = id_of(
        &app,
        "select unit_id from unit where name = $1 and municipality_id = $2",
        "Fellestjenesten",
    )
    .await;
    let html = search(&app, &ikt, "fellestjenesten").await;
    assert!(
        has_link(&html, &format!("/units/{unit}")),
        "{:?}",
        hits(&html)
    );

    let measure = id_of(
        &app,
        "select measure_id from measure where title = $1 and municipality_id = $2",
        "Ta i bruk Risk manager",
    )
    .await;
    let html = search(&app, &ikt, "risk manager").await;
    assert!(
        has_link(&html, &format!("/measures/{measure}")),
        "{:?}",
        hits(&html)
    );

    let (doc, goal): (i64, i64) = sqlx::query_as(
        "select strategy_document_id, goal_area_id from goal_area
          where name = 'Brukeropplevelse, tilgjengelighet og effektivitet' and municipality_id = $1",
    )
    .bind(m)
    .fetch_one(&app.db)
    .await
    .unwrap();
    // A word of a strategy's key measures.
    let html = search(&app, &ikt, "superbrukerforum").await;
    assert!(
        headings(&html).iter().any(|h| h.starts_with("Strategier")),
        "{:?}",
        headings(&html)
    );
    assert!(
        has_link(&html, &format!("/strategy/{doc}#goal-{goal}")),
        "{:?}",
        hits(&html)
    );
    let html = search(&app, &ikt, "brukeropplevelse").await;
    assert!(
        headings(&html).iter().any(|h| h.starts_with("Målområder")),
        "{:?}",
        headings(&html)
    );

    let request: i64 = sqlx::query_scalar(
        "insert into acquisition (municipality_id, title, need) values ($1, 'Nytt kvalitetssystem', 'Avvik meldes i dag på papir.') returning acquisition_id",
    )
    .bind(m)
    .fetch_one(&app.db)
    .await
    .unwrap();
    // Every role reads the council's list, so every role finds the request.
    let rad = app.user("rad").await;
    let html = search(&app, &rad, "papir").await;
    assert!(
        has_link(&html, &format!("/acquisitions/{request}")),
        "{:?}",
        hits(&html)
    );
}

#[sqlx::test]
async fn another_municipalitys_rows_never_appear(db: PgPool) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    let sorfron = app.other_municipality().await;
    let other: i64 = sqlx::query_scalar(
        "select municipality_id from municipality where municipality_number = '3438'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let theirs = add_system(&app, other, "Gerica Sør-Fron", "Pleie og omsorg i Sør-Fron").await;
    let gerica = id_of(
        &app,
        "select system_id from system where name = $1 and municipality_id = $2",
        "Gerica",
    )
    .await;

    let html = search(&app, &ikt, "gerica").await;
    assert!(has_link(&html, &format!("/systems/{gerica}")));
    assert!(
        !has_link(&html, &format!("/systems/{theirs}")),
        "Ringebu does not find Sør-Fron's"
    );

    let html = search(&app, &sorfron, "gerica").await;
    assert_eq!(
        hits(&html),
        vec![(format!("/systems/{theirs}"), "Gerica Sør-Fron".to_string())]
    );
    // Nor Ringebu's people, units, measures or strategy.
    for q in [
        "Rønningen",
        "fellestjenesten",
        "risk manager",
        "superbrukerforum",
    ] {
        let html = search(&app, &sorfron, q).await;
        assert!(hits(&html).is_empty(), "{q}: {:?}", hits(&html));
    }
}

#[sqlx::test]
async fn a_role_without_line_access_sees_no_locations(db: PgPool) {
    let app = spawn(db).await;
    let location = id_of(
        &app,
        "select location_id from location where name = $1 and municipality_id = $2",
        "Frya renseanlegg",
    )
    .await;
    for who in ["ikt", "leder", "admin"] {
        let c = app.user(who).await;
        let html = search(&app, &c, "renseanlegg").await;
        assert!(
            has_link(&html, &format!("/locations/{location}")),
            "{who} reads the line inventory: {:?}",
            hits(&html)
        );
    }
    for who in ["rad", "superbruker"] {
        let c = app.user(who).await;
        let html = search(&app, &c, "renseanlegg").await;
        assert!(
            !hits(&html)
                .iter()
                .any(|(h, _)| h.starts_with("/locations/")),
            "{who} does not read the line inventory: {:?}",
            hits(&html)
        );
        assert!(
            !headings(&html).iter().any(|h| h.starts_with("Lokasjoner")),
            "{who} sees no locations group"
        );
    }
}

#[sqlx::test]
async fn a_restricted_risk_assessment_and_its_risks_are_found_only_by_roles_that_may_read_them(
    db: PgPool,
) {
    let app = spawn(db).await;
    let (open_a, open_r) = add_risk(
        &app,
        "ROS skoleportal",
        false,
        "Skoleportalen lekker elevdata",
    )
    .await;
    let (secret_a, secret_r) = add_risk(
        &app,
        "ROS sikkerhetssone",
        true,
        "Sikkerhetssonen har svak brannmur",
    )
    .await;

    let ikt = app.user("ikt").await;
    let html = search(&app, &ikt, "ROS").await;
    for href in [format!("/risks/{open_a}"), format!("/risks/{secret_a}")] {
        assert!(
            has_link(&html, &href),
            "ikt finds {href}: {:?}",
            hits(&html)
        );
    }
    let html = search(&app, &ikt, "brannmur").await;
    assert!(has_link(&html, &format!("/risks/items/{secret_r}")));

    let superbruker = app.user("superbruker").await;
    let html = search(&app, &superbruker, "ROS").await;
    assert!(has_link(&html, &format!("/risks/{open_a}")));
    assert!(
        !has_link(&html, &format!("/risks/{secret_a}")),
        "{:?}",
        hits(&html)
    );
    let html = search(&app, &superbruker, "elevdata").await;
    assert!(has_link(&html, &format!("/risks/items/{open_r}")));
    let html = search(&app, &superbruker, "brannmur sikkerhetssone").await;
    assert!(hits(&html).is_empty(), "{:?}", hits(&html));
    assert!(
        !html.contains("brannmur</"),
        "the restricted risk's text is not shown"
    );
}

#[sqlx::test]
async fn html_in_the_data_is_shown_as_text(db: PgPool) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    let m = ringebu(&app).await;
    let id = add_system(
        &app,
        m,
        "<script>alert(1)</script> Xylofon",
        "Xylofon <img src=x onerror=alert(2)> & <mark>falsk</mark>",
    )
    .await;
    let html = search(&app, &ikt, "xylofon").await;
    assert!(has_link(&html, &format!("/systems/{id}")));
    assert!(!html.contains("<script>alert(1)"), "the name is escaped");
    assert!(!html.contains("<img src=x"), "the description is escaped");
    assert!(
        !html.contains("<mark>falsk"),
        "a mark in the data is never a mark"
    );
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; <mark>Xylofon</mark>"));
}

#[sqlx::test]
async fn odd_input_gives_a_page_not_an_error(db: PgPool) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    let long = "gerica ".repeat(5_000);
    let inputs = [
        long.as_str(),
        "\"gerica",
        "\"\"\"",
        "'",
        "& | ! : * ( ) <-> <2>",
        "gerica:* & !visma | (",
        "!!!",
        "...,,,;;;",
        "-",
        "or",
        "og i på",
        "a\0b",
        "\0",
        "\u{E000}gerica\u{E001}",
        "<mark>",
        "' or 1=1 --",
        "\\",
        "👍🏽 🇳🇴",
        "e\u{301}\u{301}\u{301}",
    ];
    for q in inputs {
        search(&app, &ikt, q).await;
    }
    for raw in ["q=%FF%FE", "q=%", "q=a%00b", "q=gerica&q=visma", "x=1", ""] {
        let (status, _) = app.text(&ikt, &format!("/search?{raw}")).await;
        assert_eq!(status, 200, "{raw}");
    }
    // The highlighter's sentinels typed in are dropped: the rest is searched, never a mark.
    let html = search(&app, &ikt, "\u{E000}gerica\u{E001}").await;
    assert!(!html.contains('\u{E000}') && !html.contains('\u{E001}'));
    assert!(html.contains("<mark>Gerica</mark>"));
}

#[sqlx::test]
async fn an_empty_search_shows_the_form_alone_and_no_results_say_so(db: PgPool) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    for q in ["", "   "] {
        let html = search(&app, &ikt, q).await;
        let doc = Html::parse_document(&html);
        assert_eq!(
            doc.select(&Selector::parse("main label[for=search-q]").unwrap())
                .count(),
            1,
            "a labelled search field on the page"
        );
        assert!(headings(&html).is_empty());
        assert!(!html.contains("search-none"));
    }
    let html = search(&app, &ikt, "qqzzxxyyvv").await;
    assert!(html.contains(r#"id="search-none""#), "a clear empty state");
    assert!(has_words(&interface_text(&html), "Ingen treff"));
    assert!(hits(&html).is_empty());
    // The field keeps what was searched for.
    assert!(html.contains(r#"value="qqzzxxyyvv""#));
}

#[sqlx::test]
async fn a_nynorsk_reader_gets_the_search_in_nynorsk(db: PgPool) {
    let app = spawn(db).await;
    choose_language(&app, "ikt", Some("nn")).await;
    let ikt = app.user("ikt").await;
    let html = search(&app, &ikt, "gerika").await;
    assert!(
        headings(&html).contains(&"Fagsystem (1)".to_string()),
        "{:?}",
        headings(&html)
    );
    let html = search(&app, &ikt, "qqzzxxyyvv").await;
    assert!(has_words(&interface_text(&html), "Ingen treff"));
    assert!(has_words(&interface_text(&html), "ein annan skrivemåte"));
}
