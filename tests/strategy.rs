//! Issue 3 (part): the strategy document – reading it, editing it, who may.

mod common;

use common::*;
use sqlx::PgPool;

/// The page's visible text with whitespace collapsed, so texts can be compared as users read them.
fn visible_text(html: &str) -> String {
    let doc = scraper::Html::parse_document(html);
    let text: Vec<&str> = doc.root_element().text().collect();
    text.join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

async fn ringebu_document(db: &PgPool) -> i64 {
    sqlx::query_scalar(
        "select strategy_document_id from strategy_document order by strategy_document_id limit 1",
    )
    .fetch_one(db)
    .await
    .unwrap()
}

async fn first_goal_area(db: &PgPool, doc: i64) -> i64 {
    sqlx::query_scalar("select goal_area_id from goal_area where strategy_document_id = $1 order by position limit 1")
        .bind(doc)
        .fetch_one(db)
        .await
        .unwrap()
}

/// A strategy that at least one measure serves.
async fn strategy_in_use(db: &PgPool) -> i64 {
    sqlx::query_scalar("select strategy_id from measure_strategy group by strategy_id order by count(*) desc, strategy_id limit 1")
        .fetch_one(db)
        .await
        .unwrap()
}

async fn vision(db: &PgPool, doc: i64) -> String {
    sqlx::query_scalar("select vision from strategy_document where strategy_document_id = $1")
        .bind(doc)
        .fetch_one(db)
        .await
        .unwrap()
}

fn document_fields<'a>(vision: &'a str, version: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("title", "IKT-strategi 2013-2018"),
        ("period_start", "2013"),
        ("period_end", "2018"),
        (
            "adopted_note",
            "Vedtatt av kommunestyret 28.05.13, sak 038/13",
        ),
        ("vision", vision),
        ("main_goal", "BEST IKT"),
        (
            "main_goal_text",
            "IKT skal være et verktøy for å oppnå god tjenesteproduksjon.",
        ),
        ("version", version),
    ]
}

#[sqlx::test]
async fn reading_the_strategy_shows_the_vision_the_main_goal_the_three_goal_areas_and_all_nineteen_strategies(
    db: PgPool,
) {
    let app = spawn(db).await;
    let leder = app.user("leder").await;
    let (status, html) = app.text(&leder, "/strategy").await;
    assert_eq!(status, 200);
    let text = visible_text(&html);
    assert!(
        text.contains("IKT gir Ringebu muligheter til å lykkes"),
        "the vision"
    );
    assert!(text.contains("BEST IKT"), "the main goal");
    for area in [
        "Brukeropplevelse, tilgjengelighet og effektivitet",
        "Sikkerhet",
        "Kompetanse og utvikling",
    ] {
        assert!(text.contains(area), "goal area {area}");
    }
    assert!(
        text.contains("Målet er at brukerne skal"),
        "the goal statement's lead-in"
    );
    assert!(
        html.contains("<li>være sikre og stabile</li>"),
        "one bullet per line of the goal statement"
    );
    let strategies: Vec<String> = sqlx::query_scalar("select text from strategy")
        .fetch_all(&app.db)
        .await
        .unwrap();
    assert_eq!(strategies.len(), 19);
    for s in &strategies {
        assert!(text.contains(&squash(s)), "strategy «{s}» is shown");
    }
    let key: String =
        sqlx::query_scalar("select key_measures[1] from strategy order by strategy_id limit 1")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert!(text.contains(&squash(&key)), "key measures are shown");
    // A reader sees no edit buttons.
    assert!(!html.contains("/edit\""));
    assert!(!html.contains("Rediger strategien"));
}

#[sqlx::test]
async fn each_strategy_counts_the_measures_that_serve_it_and_links_to_the_filtered_progress_plan(
    db: PgPool,
) {
    let app = spawn(db).await;
    let rad = app.user("rad").await;
    let sid = strategy_in_use(&app.db).await;
    let (plan, n): (i64, i64) = sqlx::query_as(
        "select me.action_plan_id, count(*) from measure_strategy ms join measure me using (measure_id)
         where ms.strategy_id = $1 group by me.action_plan_id",
    )
    .bind(sid)
    .fetch_one(&app.db)
    .await
    .unwrap();
    let (_, html) = app.text(&rad, "/strategy").await;
    let link = format!("href=\"/plan/{plan}?strategy={sid}\">{n} tiltak");
    assert!(html.contains(&link), "expected {link}");
    // A strategy no measure serves says so.
    let unused: i64 = sqlx::query_scalar("select count(*) from strategy s where not exists (select 1 from measure_strategy ms where ms.strategy_id = s.strategy_id)")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(html.matches("Ingen tiltak").count() as i64, unused);
}

#[sqlx::test]
async fn the_newest_document_is_shown_first_and_all_documents_are_listed(db: PgPool) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    let old = ringebu_document(&app.db).await;
    let r = app
        .post(
            &ikt,
            "/strategy/new",
            &[
                ("title", "Digitaliseringsstrategi 2019-2023"),
                ("period_start", "2019"),
                ("period_end", "2023"),
                ("vision", "Digitalt først"),
                ("main_goal", "Enklere hverdag"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let new: i64 = sqlx::query_scalar("select max(strategy_document_id) from strategy_document")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(location(&r), format!("/strategy/{new}"));
    assert_eq!(app.audit_count("strategy_document", new).await, 1);
    let (_, html) = app.text(&ikt, "/strategy").await;
    assert!(html.contains("Digitalt først"), "the newest by period");
    assert!(html.contains("Strategien har ingen målområder ennå."));
    assert!(
        html.contains(&format!("href=\"/strategy/{old}\"")),
        "the older one is listed"
    );
    let (status, html) = app.text(&ikt, &format!("/strategy/{old}")).await;
    assert_eq!(status, 200);
    assert!(html.contains("IKT gir Ringebu muligheter til å lykkes"));
}

#[sqlx::test]
async fn an_ikt_user_edits_the_vision_and_the_change_is_saved_and_audited(db: PgPool) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    let doc = ringebu_document(&app.db).await;
    let (status, form) = app.text(&ikt, &format!("/strategy/{doc}/edit")).await;
    assert_eq!(status, 200);
    assert!(form.contains("value=\"IKT gir Ringebu muligheter til å lykkes\""));
    let r = app
        .post(
            &ikt,
            &format!("/strategy/{doc}/edit"),
            &document_fields("IKT gir Ringebu enda flere muligheter", "1"),
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), format!("/strategy/{doc}"));
    assert_eq!(
        vision(&app.db, doc).await,
        "IKT gir Ringebu enda flere muligheter"
    );
    let (who, before, after): (Option<i64>, serde_json::Value, serde_json::Value) = sqlx::query_as(
        "select app_user_id, before, after from audit_log where table_name = 'strategy_document' and record_id = $1 and action = 'update'",
    )
    .bind(doc)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(who, Some(app.user_id("ikt").await));
    assert_eq!(before["vision"], "IKT gir Ringebu muligheter til å lykkes");
    assert_eq!(after["vision"], "IKT gir Ringebu enda flere muligheter");
    let (_, page) = app.text(&ikt, "/strategy").await;
    assert!(page.contains("Endringene i strategien er lagret."));
    assert!(page.contains("IKT gir Ringebu enda flere muligheter"));
    let (_, history) = app
        .text(&ikt, &format!("/history/strategy_document/{doc}"))
        .await;
    assert!(history.contains("Visjon"));
}

#[sqlx::test]
async fn a_stale_save_is_refused_with_a_message_and_the_typed_input_is_kept(db: PgPool) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    let admin = app.user("admin").await;
    let doc = ringebu_document(&app.db).await;
    // Both open the form at version 1; the admin saves first.
    let r = app
        .post(
            &admin,
            &format!("/strategy/{doc}/edit"),
            &document_fields("Adminens visjon", "1"),
        )
        .await;
    assert_eq!(r.status(), 303);
    let r = app
        .post(
            &ikt,
            &format!("/strategy/{doc}/edit"),
            &document_fields("IKT-medarbeiderens visjon", "1"),
        )
        .await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(html.contains("Endringene dine er ikke lagret."));
    assert!(
        html.contains("value=\"IKT-medarbeiderens visjon\""),
        "input kept"
    );
    assert!(
        html.contains("Visjon: «Adminens visjon»"),
        "shows what is stored now"
    );
    assert_eq!(vision(&app.db, doc).await, "Adminens visjon");
    let updates: i64 = sqlx::query_scalar("select count(*) from audit_log where table_name = 'strategy_document' and action = 'update'")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(updates, 1, "only the admin's save is audited");
    // Saving again from the refreshed form is a deliberate overwrite.
    assert!(html.contains("name=\"version\" value=\"2\""));
    let r = app
        .post(
            &ikt,
            &format!("/strategy/{doc}/edit"),
            &document_fields("IKT-medarbeiderens visjon", "2"),
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(vision(&app.db, doc).await, "IKT-medarbeiderens visjon");
}

#[sqlx::test]
async fn empty_required_fields_give_norwegian_messages_by_the_fields_and_nothing_is_saved(
    db: PgPool,
) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    let doc = ringebu_document(&app.db).await;
    let audit_before: i64 = sqlx::query_scalar("select count(*) from audit_log")
        .fetch_one(&app.db)
        .await
        .unwrap();

    let r = app
        .post(
            &ikt,
            "/strategy/new",
            &[
                ("title", " "),
                ("period_start", "13"),
                ("period_end", "2012"),
                ("vision", ""),
                ("main_goal", ""),
                ("main_goal_text", "Beholdt tekst"),
            ],
        )
        .await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    for msg in [
        "Skriv tittelen på strategien.",
        "Skriv startåret med fire sifre",
        "Skriv visjonen.",
        "Skriv hovedmålet.",
    ] {
        assert!(html.contains(msg), "{msg}");
    }
    assert!(html.contains("aria-invalid=\"true\""));
    assert!(html.contains("Beholdt tekst"), "input kept");
    let r = app
        .post(
            &ikt,
            "/strategy/new",
            &[
                ("title", "T"),
                ("period_start", "2018"),
                ("period_end", "2013"),
                ("vision", "V"),
                ("main_goal", "M"),
            ],
        )
        .await;
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("Sluttåret kan ikke være før startåret.")
    );

    let r = app
        .post(
            &ikt,
            &format!("/strategy/{doc}/goal-areas/new"),
            &[("name", ""), ("goal_statement", "punkt"), ("position", "x")],
        )
        .await;
    let html = r.text().await.unwrap();
    assert!(html.contains("Skriv navnet på målområdet."));
    assert!(html.contains("Skriv plasseringen som et helt tall"));

    let r = app
        .post(
            &ikt,
            &format!("/strategy/{doc}/strategies/new"),
            &[
                ("goal_area_id", ""),
                ("text", ""),
                ("key_measures", "Et tiltak"),
                ("position", "1"),
            ],
        )
        .await;
    let html = r.text().await.unwrap();
    assert!(html.contains("Velg hvilket målområde strategien hører til."));
    assert!(html.contains("Skriv strategien."));
    assert!(html.contains("Et tiltak"), "input kept");

    let docs: i64 = sqlx::query_scalar("select count(*) from strategy_document")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(docs, 1);
    let audit_after: i64 = sqlx::query_scalar("select count(*) from audit_log")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(audit_before, audit_after);
}

#[sqlx::test]
async fn goal_areas_and_strategies_are_added_and_edited_in_order_with_audit(db: PgPool) {
    let app = spawn(db).await;
    let admin = app.user("admin").await;
    let doc = ringebu_document(&app.db).await;
    let r = app
        .post(
            &admin,
            &format!("/strategy/{doc}/goal-areas/new"),
            &[
                ("name", "Digital samhandling"),
                (
                    "goal_statement",
                    "Målet er at innbyggerne skal\nmøte én kommune\n\nfå svar raskt",
                ),
                ("position", "4"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let ga: i64 =
        sqlx::query_scalar("select goal_area_id from goal_area where name = 'Digital samhandling'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(app.audit_count("goal_area", ga).await, 1);
    let statement: String =
        sqlx::query_scalar("select goal_statement from goal_area where goal_area_id = $1")
            .bind(ga)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(
        statement,
        "Målet er at innbyggerne skal\nmøte én kommune\nfå svar raskt"
    );

    let (status, form) = app
        .text(
            &admin,
            &format!("/strategy/{doc}/strategies/new?goal_area={ga}"),
        )
        .await;
    assert_eq!(status, 200);
    assert!(form.contains(&format!("<option value=\"{ga}\" selected>")));
    let r = app
        .post(
            &admin,
            &format!("/strategy/{doc}/strategies/new"),
            &[
                ("goal_area_id", &ga.to_string()),
                ("text", "Ta i bruk digital postkasse."),
                (
                    "key_measures",
                    "Koble til KS SvarUt\n\n  Informere innbyggerne  ",
                ),
                ("position", "1"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let (sid, key): (i64, Vec<String>) = sqlx::query_as("select strategy_id, key_measures from strategy where text = 'Ta i bruk digital postkasse.'")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(key, vec!["Koble til KS SvarUt", "Informere innbyggerne"]);
    assert_eq!(app.audit_count("strategy", sid).await, 1);
    let (_, page) = app.text(&admin, "/strategy").await;
    let text = visible_text(&page);
    assert!(text.contains("Mål 4: Digital samhandling"));
    assert!(text.contains("4.1 Ta i bruk digital postkasse."));
    assert!(page.contains("<li>møte én kommune</li>"));

    // Edit both.
    let r = app
        .post(
            &admin,
            &format!("/strategy/{doc}/goal-areas/{ga}/edit"),
            &[
                ("name", "Digital samhandling med innbyggerne"),
                ("goal_statement", "møte én kommune"),
                ("position", "4"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let first = first_goal_area(&app.db, doc).await;
    let r = app
        .post(
            &admin,
            &format!("/strategy/{doc}/strategies/{sid}/edit"),
            &[
                ("goal_area_id", &first.to_string()),
                ("text", "Ta i bruk digital postkasse for alle brev."),
                ("key_measures", "Koble til KS SvarUt"),
                ("position", "10"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let (area, text): (i64, String) =
        sqlx::query_as("select goal_area_id, text from strategy where strategy_id = $1")
            .bind(sid)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(
        (area, text.as_str()),
        (first, "Ta i bruk digital postkasse for alle brev.")
    );
    assert_eq!(app.audit_count("goal_area", ga).await, 2);
    assert_eq!(app.audit_count("strategy", sid).await, 2);
    let after: serde_json::Value = sqlx::query_scalar("select after from audit_log where table_name = 'strategy' and record_id = $1 and action = 'update'")
        .bind(sid)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(
        after["goal_area"],
        "Brukeropplevelse, tilgjengelighet og effektivitet"
    );
    // A goal area of the document must be chosen: an id from nowhere is refused.
    let r = app
        .post(
            &admin,
            &format!("/strategy/{doc}/strategies/{sid}/edit"),
            &[("goal_area_id", "999999"), ("text", "X"), ("position", "1")],
        )
        .await;
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("Velg hvilket målområde strategien hører til.")
    );
}

#[sqlx::test]
async fn deleting_a_strategy_that_measures_serve_is_refused_and_lists_them(db: PgPool) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    let doc = ringebu_document(&app.db).await;
    let sid = strategy_in_use(&app.db).await;
    let titles: Vec<String> = sqlx::query_scalar("select me.title from measure_strategy ms join measure me using (measure_id) where ms.strategy_id = $1")
        .bind(sid)
        .fetch_all(&app.db)
        .await
        .unwrap();
    let path = format!("/strategy/{doc}/strategies/{sid}/delete");
    let (status, html) = app.text(&ikt, &path).await;
    assert_eq!(status, 200);
    assert!(html.contains("Strategien kan ikke slettes"));
    assert!(
        !html.contains("Slett strategien</button>"),
        "no delete button"
    );
    let text = visible_text(&html);
    for t in &titles {
        assert!(text.contains(&squash(t)), "lists «{t}»");
    }
    let r = app.post(&ikt, &path, &[]).await;
    assert_eq!(r.status(), 200);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("Strategien kan ikke slettes")
    );
    let still: i64 = sqlx::query_scalar("select count(*) from strategy where strategy_id = $1")
        .bind(sid)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(still, 1);
    assert_eq!(app.audit_count("strategy", sid).await, 0);
}

#[sqlx::test]
async fn an_unused_strategy_is_deleted_after_confirmation_and_the_deletion_is_audited(db: PgPool) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    let doc = ringebu_document(&app.db).await;
    let ga = first_goal_area(&app.db, doc).await;
    app.post(
        &ikt,
        &format!("/strategy/{doc}/strategies/new"),
        &[
            ("goal_area_id", &ga.to_string()),
            ("text", "Midlertidig strategi"),
            ("position", "99"),
        ],
    )
    .await;
    let sid: i64 =
        sqlx::query_scalar("select strategy_id from strategy where text = 'Midlertidig strategi'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    let path = format!("/strategy/{doc}/strategies/{sid}/delete");
    let (_, html) = app.text(&ikt, &path).await;
    assert!(html.contains("Slett strategien</button>"));
    let r = app.post(&ikt, &path, &[]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), format!("/strategy/{doc}"));
    let left: i64 = sqlx::query_scalar("select count(*) from strategy where strategy_id = $1")
        .bind(sid)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(left, 0);
    let before: serde_json::Value = sqlx::query_scalar("select before from audit_log where table_name = 'strategy' and record_id = $1 and action = 'delete'")
        .bind(sid)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(before["text"], "Midlertidig strategi");
    assert!(
        app.text(&ikt, "/strategy")
            .await
            .1
            .contains("Strategien er slettet.")
    );
}

#[sqlx::test]
async fn a_municipality_without_a_strategy_sees_an_empty_state_with_a_button_for_editors(
    db: PgPool,
) {
    let app = spawn(db).await;
    let other = app.other_municipality().await;
    let (status, html) = app.text(&other, "/strategy").await;
    assert_eq!(status, 200);
    assert!(html.contains("har ikke registrert noen IKT-strategi ennå"));
    assert!(html.contains("href=\"/strategy/new\">Ny strategi</a>"));
    assert!(!html.contains("Ringebu"));
}

/// Every route this module adds, with a form that would succeed for an editor.
fn routes(doc: i64, ga: i64, sid: i64) -> Vec<(String, Vec<(&'static str, String)>)> {
    let doc_fields = vec![
        ("title", "Ny tittel".to_string()),
        ("period_start", "2013".into()),
        ("period_end", "2018".into()),
        ("vision", "Ny visjon".into()),
        ("main_goal", "Nytt mål".into()),
        ("version", "1".into()),
    ];
    let ga_fields = vec![
        ("name", "Nytt målområde".to_string()),
        ("position", "1".into()),
    ];
    let s_fields = vec![
        ("goal_area_id", ga.to_string()),
        ("text", "Ny strategi".into()),
        ("position", "1".into()),
    ];
    vec![
        ("/strategy/new".to_string(), doc_fields.clone()),
        (format!("/strategy/{doc}/edit"), doc_fields),
        (format!("/strategy/{doc}/goal-areas/new"), ga_fields.clone()),
        (format!("/strategy/{doc}/goal-areas/{ga}/edit"), ga_fields),
        (format!("/strategy/{doc}/strategies/new"), s_fields.clone()),
        (format!("/strategy/{doc}/strategies/{sid}/edit"), s_fields),
        (format!("/strategy/{doc}/strategies/{sid}/delete"), vec![]),
    ]
}

#[sqlx::test]
async fn only_ikt_and_admin_may_edit_readers_get_403_and_visitors_are_sent_to_login(db: PgPool) {
    let app = spawn(db).await;
    let doc = ringebu_document(&app.db).await;
    let ga = first_goal_area(&app.db, doc).await;
    let sid: i64 = sqlx::query_scalar(
        "select strategy_id from strategy where goal_area_id = $1 order by position limit 1",
    )
    .bind(ga)
    .fetch_one(&app.db)
    .await
    .unwrap();
    let audit_before: i64 = sqlx::query_scalar("select count(*) from audit_log")
        .fetch_one(&app.db)
        .await
        .unwrap();

    for editor in ["ikt", "admin"] {
        let c = app.user(editor).await;
        for read in ["/strategy".to_string(), format!("/strategy/{doc}")] {
            let (status, html) = app.text(&c, &read).await;
            assert_eq!(status, 200, "{editor} reads {read}");
            assert!(
                html.contains(&format!("/strategy/{doc}/edit")),
                "{editor} sees the edit button"
            );
        }
        for (path, _) in routes(doc, ga, sid) {
            assert_eq!(app.text(&c, &path).await.0, 200, "{editor} GET {path}");
        }
    }
    for reader in ["leder", "rad", "superbruker"] {
        let c = app.user(reader).await;
        for read in ["/strategy".to_string(), format!("/strategy/{doc}")] {
            assert_eq!(app.text(&c, &read).await.0, 200, "{reader} reads {read}");
        }
        for (path, fields) in routes(doc, ga, sid) {
            assert_eq!(app.text(&c, &path).await.0, 403, "{reader} GET {path}");
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            assert_eq!(
                app.post(&c, &path, &fields).await.status(),
                403,
                "{reader} POST {path}"
            );
        }
    }
    let visitor = client();
    let mut all = vec![
        ("/strategy".to_string(), vec![]),
        (format!("/strategy/{doc}"), vec![]),
    ];
    all.extend(routes(doc, ga, sid));
    for (path, fields) in &all {
        let r = app.get(&visitor, path).await;
        assert_eq!(r.status(), 303, "visitor GET {path}");
        assert!(location(&r).starts_with("/login"));
        if path.starts_with("/strategy/") && path != &format!("/strategy/{doc}") {
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let r = app.post(&visitor, path, &fields).await;
            assert_eq!(r.status(), 303, "visitor POST {path}");
            assert!(location(&r).starts_with("/login"));
        }
    }
    let audit_after: i64 = sqlx::query_scalar("select count(*) from audit_log")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(
        audit_before, audit_after,
        "nobody without the role changed anything"
    );
    assert_eq!(
        vision(&app.db, doc).await,
        "IKT gir Ringebu muligheter til å lykkes"
    );
}

#[sqlx::test]
async fn another_municipality_gets_404_for_ringebus_strategy_on_every_route(db: PgPool) {
    let app = spawn(db).await;
    let doc = ringebu_document(&app.db).await;
    let ga = first_goal_area(&app.db, doc).await;
    let sid: i64 = sqlx::query_scalar(
        "select strategy_id from strategy where goal_area_id = $1 order by position limit 1",
    )
    .bind(ga)
    .fetch_one(&app.db)
    .await
    .unwrap();
    let other = app.other_municipality().await;
    assert_eq!(app.text(&other, &format!("/strategy/{doc}")).await.0, 404);
    for (path, fields) in routes(doc, ga, sid).into_iter().skip(1) {
        assert_eq!(app.text(&other, &path).await.0, 404, "GET {path}");
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        assert_eq!(
            app.post(&other, &path, &fields).await.status(),
            404,
            "POST {path}"
        );
    }
    // Their own new document cannot borrow a Ringebu goal area either.
    app.post(
        &other,
        "/strategy/new",
        &[
            ("title", "Sør-Fron IKT"),
            ("period_start", "2020"),
            ("period_end", "2024"),
            ("vision", "V"),
            ("main_goal", "M"),
        ],
    )
    .await;
    let theirs: i64 = sqlx::query_scalar("select max(strategy_document_id) from strategy_document")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_ne!(theirs, doc);
    let r = app
        .post(
            &other,
            &format!("/strategy/{theirs}/strategies/new"),
            &[
                ("goal_area_id", &ga.to_string()),
                ("text", "Lånt"),
                ("position", "1"),
            ],
        )
        .await;
    assert_eq!(r.status(), 200);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("Velg hvilket målområde strategien hører til.")
    );
    assert_eq!(
        vision(&app.db, doc).await,
        "IKT gir Ringebu muligheter til å lykkes"
    );
    let ringebu = app.user("leder").await;
    assert!(
        !app.text(&ringebu, "/strategy")
            .await
            .1
            .contains("Sør-Fron IKT")
    );
}

const BOKMAL_ONLY: [&str; 7] = [
    "ikke",
    "Hovedmål",
    "Strategier",
    "Handlinger",
    "ennå",
    "Velg",
    "Lagre endringer",
];

#[sqlx::test]
async fn an_editor_who_chose_nynorsk_reads_the_strategy_in_nynorsk_and_its_bokmal_text_is_marked(
    db: PgPool,
) {
    let app = spawn(db).await;
    choose_language(&app, "ikt", Some("nn")).await;
    let ikt = app.user("ikt").await;
    let (status, html) = app.text(&ikt, "/strategy").await;
    assert_eq!(status, 200);
    assert!(html.contains("<html lang=\"nn\""));
    let text = interface_text(&html);
    for nn in [
        "Visjon",
        "Hovudmål",
        "Strategiar for mål 1:",
        "Tiltak i handlingsplanen",
        "Handlingar",
        "Nytt målområde",
        "Endre målområdet",
    ] {
        assert!(text.contains(nn), "«{nn}» missing in: {text}");
    }
    for nb in BOKMAL_ONLY {
        assert!(!has_words(&text, nb), "bokmål «{nb}» in: {text}");
    }
    // Ringebu's own (bokmål) strategy text is shown as written, marked as bokmål.
    let all = visible_text(&html);
    assert!(all.contains("IKT gir Ringebu muligheter til å lykkes"));
    assert!(html.contains("lang=\"nb\""));

    // The document form in nynorsk.
    let doc = ringebu_document(&app.db).await;
    let (_, html) = app.text(&ikt, &format!("/strategy/{doc}/edit")).await;
    let text = interface_text(&html);
    for nn in ["Frå år", "Om hovudmålet (valfritt)", "Lagre endringar"] {
        assert!(text.contains(nn), "«{nn}» missing in: {text}");
    }
    for nb in BOKMAL_ONLY {
        assert!(!has_words(&text, nb), "bokmål «{nb}» in: {text}");
    }
}

#[sqlx::test]
async fn empty_required_fields_give_nynorsk_messages_by_the_fields_to_a_nynorsk_reader(db: PgPool) {
    let app = spawn(db).await;
    choose_language(&app, "ikt", Some("nn")).await;
    let ikt = app.user("ikt").await;
    let r = app
        .post(
            &ikt,
            "/strategy/new",
            &[
                ("title", " "),
                ("period_start", "13"),
                ("period_end", "2012"),
                ("vision", ""),
                ("main_goal", ""),
                ("main_goal_text", "Halden tekst"),
            ],
        )
        .await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    for msg in [
        "Skjemaet har feil. Sjå meldingane ved felta.",
        "Skriv tittelen på strategien.",
        "Skriv startåret med fire siffer, til dømes 2013.",
        "Skriv visjonen.",
        "Skriv hovudmålet.",
    ] {
        assert!(html.contains(msg), "{msg}");
    }
    assert!(!html.contains("Skriv hovedmålet.") && !html.contains("sifre"));
    assert!(html.contains("Halden tekst"), "input kept");

    // A goal area without a name, in nynorsk.
    let doc = ringebu_document(&app.db).await;
    let r = app
        .post(
            &ikt,
            &format!("/strategy/{doc}/goal-areas/new"),
            &[("name", ""), ("goal_statement", ""), ("position", "x")],
        )
        .await;
    let html = r.text().await.unwrap();
    assert!(html.contains("Skriv namnet på målområdet."), "{html}");
    assert!(html.contains("Skriv plasseringa som eit heilt tal frå 1, til dømes 1."));
}
