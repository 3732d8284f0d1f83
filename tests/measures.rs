//! Issue 6: the measure rules are one rule wherever a measure is written (the edit form, the
//! progress plan's status row, the import), the form reader refuses what PostgreSQL cannot
//! store, and a cost line keeps what the plan document says beyond amount and financing.

mod common;

use common::*;
use reqwest::{
    Client,
    multipart::{Form, Part},
};
use sqlx::PgPool;

const HEADER: &str =
    "Mål;Strategi;Tiltak;Timer;Kostnad;Ansvar;Status;Statusdato;Statuskommentar;Prioritert";

async fn status_of(app: &TestApp, id: i64) -> (String, Option<chrono::NaiveDate>, Option<String>) {
    sqlx::query_as("select status, status_date, status_comment from measure where measure_id = $1")
        .bind(id)
        .fetch_one(&app.db)
        .await
        .unwrap()
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&app.db).await.unwrap()
}

/// Uploads a CSV to the import and returns the preview page.
async fn preview(app: &TestApp, c: &Client, plan: i64, csv: &str) -> String {
    let form = Form::new().part(
        "file",
        Part::bytes(csv.as_bytes().to_vec()).file_name("tiltak.csv"),
    );
    let r = c
        .post(app.url(&format!("/plan/{plan}/import")))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    r.text().await.unwrap()
}

fn import_token(html: &str) -> Option<String> {
    let marker = "name=\"token\" value=\"";
    let start = html.find(marker)? + marker.len();
    Some(html[start..start + 64].to_string())
}

const STRATEGY: &str = "Prioritere operativ og kompetent brukerstøtte med kort responstid på bruk av kommunale systemer.";

#[sqlx::test]
async fn a_finished_measure_needs_no_date_in_the_form_the_row_or_the_import(db: PgPool) {
    let app = spawn(db).await;
    let c = app.user("ikt").await;
    let plan = plan_id(&app).await;

    // The progress row.
    let row = measure_id(&app, "Utarbeide mini-ROS innen IKT").await;
    let r = app
        .post(
            &c,
            &format!("/measures/{row}/status"),
            &[("status", "done"), ("version", "1")],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(status_of(&app, row).await.0, "done");
    assert_eq!(status_of(&app, row).await.1, None);

    // The edit form: it offers today's date for the browser to fill in, and saves without one.
    let form = measure_id(&app, "Innføre Feide i skole").await;
    let (_, html) = app.text(&c, &format!("/measures/{form}/edit")).await;
    let today = chrono::Utc::now()
        .with_timezone(&chrono_tz::Europe::Oslo)
        .date_naive();
    assert!(html.contains(&format!("data-today=\"{}\"", today.format("%Y-%m-%d"))));
    let mut fields = form_fields(&html);
    set(&mut fields, "status", "done");
    set(&mut fields, "status_date", "");
    let r = submit(&app, &c, &format!("/measures/{form}/edit"), &fields).await;
    assert_eq!(r.status(), 303, "saved");
    assert_eq!(status_of(&app, form).await.0, "done");
    assert_eq!(status_of(&app, form).await.1, None);

    // The import.
    let csv = format!("{HEADER}\n;{STRATEGY};Ferdig uten dato;;;;Utført;;;\n");
    let html = preview(&app, &c, plan, &csv).await;
    let token = import_token(&html).expect("a clean preview: {html}");
    let r = app
        .post(
            &c,
            &format!("/plan/{plan}/import/confirm"),
            &[("token", token.as_str())],
        )
        .await;
    assert_eq!(r.status(), 303);
    let imported = measure_id(&app, "Ferdig uten dato").await;
    assert_eq!(status_of(&app, imported).await.0, "done");
    assert_eq!(status_of(&app, imported).await.1, None);
}

#[sqlx::test]
async fn a_status_comment_over_2000_characters_is_refused_by_the_form_the_row_the_import_and_the_database(
    db: PgPool,
) {
    let app = spawn(db).await;
    let c = app.user("ikt").await;
    let plan = plan_id(&app).await;
    let long = "k".repeat(2001);
    let id = measure_id(&app, "Innføre Feide i skole").await;
    let before = status_of(&app, id).await;

    let r = app
        .post(
            &c,
            &format!("/measures/{id}/status"),
            &[
                ("status", "in_progress"),
                ("comment", &long),
                ("version", "1"),
            ],
        )
        .await;
    let (_, html) = app.text(&c, &location(&r)).await;
    assert!(html.contains("Kommentaren kan ha høyst 2000 tegn."), "row");

    let mut fields = edit_form(&app, &c, id).await;
    set(&mut fields, "status_comment", &long);
    let r = submit(&app, &c, &format!("/measures/{id}/edit"), &fields).await;
    assert_eq!(r.status(), 200, "the form comes back");
    let html = r.text().await.unwrap();
    assert!(
        html.contains("id=\"status_comment-error\""),
        "beside the field"
    );
    assert!(html.contains("Kommentaren kan ha høyst 2000 tegn."));
    assert!(html.contains(&long), "the input is kept");
    assert_eq!(status_of(&app, id).await, before, "nothing written");

    let csv = format!("{HEADER}\n;{STRATEGY};Lang kommentar;;;;Pågår;;{long};\n");
    let html = preview(&app, &c, plan, &csv).await;
    assert!(
        html.contains("Kommentaren kan ha høyst 2000 tegn."),
        "import"
    );
    assert!(import_token(&html).is_none(), "nothing can be confirmed");

    let refused = sqlx::query("update measure set status_comment = $2 where measure_id = $1")
        .bind(id)
        .bind(&long)
        .execute(&app.db)
        .await;
    assert!(refused.is_err(), "the database holds the rule too");
}

#[sqlx::test]
async fn a_measure_without_a_strategy_is_saved_by_its_edit_form(db: PgPool) {
    let app = spawn(db).await;
    let c = app.user("ikt").await;
    let id = measure_id(
        &app,
        "Systematisk evaluering av eksisterende IKT-systemer hvert 4. år",
    )
    .await;
    let mut fields = edit_form(&app, &c, id).await;
    assert!(
        get(&fields, "strategy").is_none(),
        "the document gives none"
    );
    set(&mut fields, "status_comment", "Første evaluering planlagt");
    let r = submit(&app, &c, &format!("/measures/{id}/edit"), &fields).await;
    assert_eq!(r.status(), 303, "saved without choosing a strategy");
    assert_eq!(
        count(
            &app,
            &format!("select count(*) from measure_strategy where measure_id = {id}")
        )
        .await,
        0
    );
    let (_, html) = app
        .text(&c, &format!("/plan/{}", plan_id(&app).await))
        .await;
    assert!(html.contains("Tiltak uten strategi"));
}

#[sqlx::test]
async fn a_nul_byte_in_any_form_gets_a_clear_message_and_writes_nothing(db: PgPool) {
    let app = spawn(db).await;
    let c = app.user("ikt").await;
    let id = measure_id(&app, "Innføre Feide i skole").await;
    let before = status_of(&app, id).await;
    let audits = count(&app, "select count(*) from audit_log").await;

    let mut fields = edit_form(&app, &c, id).await;
    set(&mut fields, "title", "Innføre\0Feide");
    let r = submit(&app, &c, &format!("/measures/{id}/edit"), &fields).await;
    assert_eq!(r.status(), 400);
    let html = r.text().await.unwrap();
    assert!(html.contains("«title»") && html.contains("NUL"), "{html}");

    let r = app
        .post(
            &c,
            &format!("/measures/{id}/status"),
            &[("status", "done"), ("comment", "ok\0"), ("version", "1")],
        )
        .await;
    assert_eq!(r.status(), 400);
    assert_eq!(status_of(&app, id).await, before);
    assert_eq!(count(&app, "select count(*) from audit_log").await, audits);

    // Before logging in too: the login form goes through the same reader.
    let anon = client();
    let r = anon
        .post(app.url("/login"))
        .form(&[("username", "ikt\0"), ("password", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    assert!(r.text().await.unwrap().contains("NUL"));
    let r = anon
        .post(app.url("/login"))
        .form(&[("username", "u".repeat(10_000).as_str()), ("password", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200, "a very long name is just a failed login");
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("Feil brukernavn eller passord.")
    );
}

#[sqlx::test]
async fn tromsvangs_cost_remark_shows_on_the_measure_the_progress_plan_and_the_export(db: PgPool) {
    let app = spawn(db).await;
    let c = app.user("leder").await;
    let remark = "eller innarbeides som en del av sentrumsprosjektet";
    let id = measure_id(&app, "Egeneid fiber til Tromsvang").await;
    let (_, page) = app.text(&c, &format!("/measures/{id}")).await;
    assert!(page.contains(remark), "measure page");
    let plan = plan_id(&app).await;
    let (_, progress) = app.text(&c, &format!("/plan/{plan}")).await;
    assert!(progress.contains(remark), "progress plan");
    let (_, csv) = app.text(&c, &format!("/plan/{plan}/export.csv")).await;
    assert!(csv.contains(remark), "export");
}

const BOKMAL_ONLY: [&str; 12] = [
    "ikke",
    "Ansvarlig",
    "Egeninnsats",
    "Beskrivelse",
    "endringer",
    "Velg",
    "hvis",
    "Hvor",
    "måneder",
    "kvartaler",
    "Ikke startet",
    "eksempel",
];

#[sqlx::test]
async fn a_user_who_chose_nynorsk_edits_a_measure_in_nynorsk_and_its_bokmal_title_is_marked(
    db: PgPool,
) {
    let app = spawn(db).await;
    choose_language(&app, "ikt", Some("nn")).await;
    let c = app.user("ikt").await;
    let id = measure_id(&app, "Utarbeide mini-ROS innen IKT").await;
    let (status, html) = app.text(&c, &format!("/measures/{id}/edit")).await;
    assert_eq!(status, 200);
    assert!(html.contains("<html lang=\"nn\""));
    let text = interface_text(&html);
    for nn in [
        "Ansvarleg",
        "Eigeninnsats (timar)",
        "Framdriftsplan",
        "Kor langt tiltaket har kome",
        "Ikkje starta",
        "Avbrote",
        "Utsett",
        "Skildring",
        "Lagre endringar",
        "månader",
        "vedteke budsjett",
    ] {
        assert!(text.contains(nn), "«{nn}» missing in: {text}");
    }
    for nb in BOKMAL_ONLY {
        assert!(!has_words(&text, nb), "bokmål «{nb}» in: {text}");
    }
    assert!(html.contains("<optgroup label=\"Personar\">"));
    // The measure's own (bokmål) title is shown as written, marked as the municipality's.
    assert!(html.contains("Utarbeide mini-ROS innen IKT"));
    assert!(html.contains("lang=\"nb\""));

    // The delete page too. Its heading holds the title, so it is marked as a whole (its own
    // words are the same in both languages).
    let (_, html) = app.text(&c, &format!("/measures/{id}/delete")).await;
    let text = interface_text(&html);
    assert!(html.contains(
        "<h1 class=\"ds-heading\" data-size=\"lg\" lang=\"nb\">Slette tiltaket «Utarbeide mini-ROS innen IKT»?</h1>"
    ));
    assert!(text.contains("blir fjerna frå"), "{text}");
    for nb in BOKMAL_ONLY {
        assert!(!has_words(&text, nb), "bokmål «{nb}» in: {text}");
    }
}

#[sqlx::test]
async fn the_measure_form_says_what_is_wrong_in_nynorsk_beside_the_field_and_keeps_the_input(
    db: PgPool,
) {
    let app = spawn(db).await;
    choose_language(&app, "ikt", Some("nn")).await;
    let c = app.user("ikt").await;
    let id = measure_id(&app, "Utarbeide mini-ROS innen IKT").await;
    let mut fields = edit_form(&app, &c, id).await;
    set(&mut fields, "title", "  ");
    set(&mut fields, "hours", "mange");
    set(&mut fields, "description", "Ny skildring som skal stå att");
    let r = submit(&app, &c, &format!("/measures/{id}/edit"), &fields).await;
    assert_eq!(r.status(), 200, "the form is shown again, not saved");
    let html = r.text().await.unwrap();
    let doc = scraper::Html::parse_document(&html);
    let beside = |id: &str| {
        doc.select(&scraper::Selector::parse(&format!("#{id}")).unwrap())
            .next()
            .map(|e| e.text().collect::<String>())
            .unwrap_or_default()
    };
    assert_eq!(beside("title-error"), "Skriv ein tittel på tiltaket.");
    assert_eq!(
        beside("hours-error"),
        "«mange» er ikkje eit tal på timar. Skriv til dømes 50,5."
    );
    assert!(html.contains("Tiltaket vart ikkje lagra fordi skjemaet har feil:"));
    assert!(!html.contains("Skriv en tittel") && !html.contains("ikke et antall"));
    // What the user typed is still there.
    let kept = form_fields(&html);
    assert_eq!(get(&kept, "hours"), Some("mange"));
    assert_eq!(
        get(&kept, "description"),
        Some("Ny skildring som skal stå att")
    );
    // Nothing was saved.
    let title: String = sqlx::query_scalar("select title from measure where measure_id = $1")
        .bind(id)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(title, "Utarbeide mini-ROS innen IKT");

    // A bokmål reader gets the same messages in bokmål, as before.
    let c = app.user("admin").await;
    let r = submit(&app, &c, &format!("/measures/{id}/edit"), &fields).await;
    let html = r.text().await.unwrap();
    assert!(html.contains("Skriv en tittel på tiltaket."));
    assert!(html.contains("«mange» er ikke et antall timer."));
}

#[sqlx::test]
async fn a_nynorsk_reader_s_status_row_says_what_is_wrong_and_what_was_saved_in_nynorsk(
    db: PgPool,
) {
    let app = spawn(db).await;
    choose_language(&app, "ikt", Some("nn")).await;
    let c = app.user("ikt").await;
    let id = measure_id(&app, "Utarbeide mini-ROS innen IKT").await;
    let row = |fields: Vec<(&'static str, String)>| {
        c.post(app.url(&format!("/measures/{id}/status")))
            .header("hx-request", "true")
            .form(&fields)
            .send()
    };
    let r = row(vec![
        ("status", "done".into()),
        ("version", "1".into()),
        ("status_date", "32.13.2014".into()),
        ("comment", "x".repeat(2001)),
    ])
    .await
    .unwrap();
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(
        html.contains(
            "Statusdato: Skriv datoen som dd.mm.åååå. Kommentaren kan ha høgst 2000 teikn."
        ),
        "{html}"
    );
    assert_eq!(status_of(&app, id).await.0, "not_started", "nothing saved");

    let r = row(vec![
        ("status", "postponed".into()),
        ("version", "1".into()),
        ("status_date", "01.02.2015".into()),
    ])
    .await
    .unwrap();
    let html = r.text().await.unwrap();
    assert!(html.contains("Lagra: Utsett 01.02.2015."), "{html}");

    // A second save based on the old version names who saved and what the status is now.
    let r = row(vec![
        ("status", "cancelled".into()),
        ("version", "1".into()),
    ])
    .await
    .unwrap();
    let html = r.text().await.unwrap();
    assert!(html.contains("Status er no «Utsett"), "{html}");
    assert!(
        html.contains("Endringa di («Avbrote») er ikkje lagra"),
        "{html}"
    );
}
