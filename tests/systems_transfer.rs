//! Issue 11: the fagsystem register exported to Excel and CSV and imported again, with the plan
//! import's preview (new, changed field by field, unchanged, row errors) that writes nothing
//! until the user confirms; a superuser only their fields of their own systems.

mod common;

use common::*;
use reqwest::{
    Client,
    multipart::{Form, Part},
};
use sqlx::PgPool;

async fn download(app: &TestApp, c: &Client, path: &str) -> Vec<u8> {
    let r = app.get(c, path).await;
    assert_eq!(r.status(), 200, "{path}");
    r.bytes().await.unwrap().to_vec()
}

/// The CSV export as rows of cells, the header first.
async fn export_csv(app: &TestApp, c: &Client) -> Vec<Vec<String>> {
    let bytes = download(app, c, "/systems/export.csv").await;
    assert!(
        bytes.starts_with("\u{feff}".as_bytes()),
        "the CSV starts with a BOM"
    );
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn to_csv(rows: &[Vec<String>]) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer("\u{feff}".as_bytes().to_vec());
    for r in rows {
        w.write_record(r).unwrap();
    }
    w.into_inner().unwrap()
}

fn column(rows: &[Vec<String>], header: &str) -> usize {
    rows[0]
        .iter()
        .position(|h| h == header)
        .unwrap_or_else(|| panic!("the export has the column {header}: {:?}", rows[0]))
}

/// Sets the cell under `header` in the row of the system called `name`.
fn edit(rows: &mut [Vec<String>], name: &str, header: &str, value: &str) {
    let (n, c) = (column(rows, "Navn"), column(rows, header));
    let row = rows
        .iter_mut()
        .find(|r| r[n] == name)
        .unwrap_or_else(|| panic!("the export has {name}"));
    row[c] = value.to_string();
}

async fn upload(app: &TestApp, c: &Client, name: &str, bytes: Vec<u8>) -> (u16, String) {
    let form = Form::new().part("file", Part::bytes(bytes).file_name(name.to_string()));
    let r = c
        .post(app.url("/systems/import"))
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

/// How many rows of the preview have the fate (its tag's colour).
fn fates(html: &str, color: &str) -> usize {
    html.matches(&format!("class=\"ds-tag\" data-color=\"{color}\""))
        .count()
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&app.db).await.unwrap()
}

async fn vendor(app: &TestApp, name: &str) -> Option<String> {
    sqlx::query_scalar("select vendor from system where name = $1")
        .bind(name)
        .fetch_one(&app.db)
        .await
        .unwrap()
}

async fn notes(app: &TestApp, name: &str) -> Option<String> {
    sqlx::query_scalar("select notes from system where name = $1")
        .bind(name)
        .fetch_one(&app.db)
        .await
        .unwrap()
}

#[sqlx::test]
async fn the_register_exported_and_imported_again_as_csv_or_excel_changes_nothing(db: PgPool) {
    let app = spawn(db).await;
    sqlx::query("update system set notes = '=HYPERLINK(\"x\")' where name = 'Promed'")
        .execute(&app.db)
        .await
        .unwrap();
    let ikt = app.user("ikt").await;
    let rows = export_csv(&app, &ikt).await;
    assert_eq!(rows.len(), 36, "a header and the 35 seeded systems");
    let notes = column(&rows, "Notater");
    assert!(
        rows.iter().any(|r| r[notes] == "'=HYPERLINK(\"x\")"),
        "a cell Excel would run as a formula is written as text"
    );
    assert_eq!(rows[0][0], "System-ID");
    let (status, html) = upload(&app, &ikt, "fagsystemer.csv", to_csv(&rows)).await;
    assert_eq!(status, 200);
    assert_eq!(fates(&html, "neutral"), 35, "every row unchanged");
    assert_eq!(
        fates(&html, "warning") + fates(&html, "success") + fates(&html, "danger"),
        0
    );
    assert!(html.contains("Filen endrer ingenting i registeret."));

    let xlsx = download(&app, &ikt, "/systems/export.xlsx").await;
    let (status, html) = upload(&app, &ikt, "fagsystemer.xlsx", xlsx).await;
    assert_eq!(status, 200);
    assert_eq!(
        fates(&html, "neutral"),
        35,
        "every row of the workbook unchanged: {html}"
    );
}

#[sqlx::test]
async fn a_file_exported_in_nynorsk_is_read_by_a_bokmal_user_as_the_same_register(db: PgPool) {
    let app = spawn(db).await;
    choose_language(&app, "admin", Some("nn")).await;
    let admin = app.user("admin").await;
    let rows = export_csv(&app, &admin).await;
    assert!(rows[0].contains(&"Namn".to_string()), "{:?}", rows[0]);
    let ikt = app.user("ikt").await;
    let (status, html) = upload(&app, &ikt, "nynorsk.csv", to_csv(&rows)).await;
    assert_eq!(status, 200);
    assert_eq!(fates(&html, "neutral"), 35, "every row unchanged");
    let (_, html) = upload(&app, &admin, "nynorsk.csv", to_csv(&rows)).await;
    assert!(html.contains("Fila endrar ingenting i registeret."));
}

#[sqlx::test]
async fn a_vendor_changed_in_the_csv_is_previewed_then_saved_on_confirm_as_one_audited_import(
    db: PgPool,
) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    let mut rows = export_csv(&app, &ikt).await;
    let before = vendor(&app, "Physiotools").await;
    edit(
        &mut rows,
        "Physiotools",
        "Programleverandør",
        "Nytt Firma AS",
    );
    let (status, html) = upload(&app, &ikt, "leverandor.csv", to_csv(&rows)).await;
    assert_eq!(status, 200);
    assert_eq!(fates(&html, "warning"), 1, "one row changed");
    assert_eq!(fates(&html, "neutral"), 34);
    assert!(html.contains("<strong>Programleverandør:</strong>"));
    assert!(html.contains("Nytt Firma AS"));
    assert_eq!(
        vendor(&app, "Physiotools").await,
        before,
        "the preview writes nothing"
    );

    let events = count(&app, "select count(*) from audit_event").await;
    let r = app
        .post(
            &ikt,
            "/systems/import/confirm",
            &[("token", &token(&html).unwrap())],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/systems");
    assert_eq!(
        vendor(&app, "Physiotools").await.as_deref(),
        Some("Nytt Firma AS")
    );
    assert_eq!(
        count(&app, "select count(*) from audit_event").await,
        events + 1
    );
    let (label, logged): (String, i64) = sqlx::query_as(
        "select e.label, (select count(*) from audit_log l where l.audit_event_id = e.audit_event_id)
         from audit_event e where e.kind = 'import' order by e.audit_event_id desc limit 1",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!((label.as_str(), logged), ("leverandor.csv", 1));

    let (_, list) = app.text(&ikt, "/systems").await;
    assert!(list.contains("Importert fra «leverandor.csv»: 0 nye, 1 endret, 34 uendret."));

    // The same preview confirmed twice writes nothing more.
    let again = app
        .post(
            &ikt,
            "/systems/import/confirm",
            &[("token", &token(&html).unwrap())],
        )
        .await;
    assert_eq!(location(&again), "/systems/import");
    assert_eq!(
        count(&app, "select count(*) from audit_event").await,
        events + 1
    );
}

#[sqlx::test]
async fn a_system_saved_by_someone_after_the_preview_is_reported_not_overwritten(db: PgPool) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    let mut rows = export_csv(&app, &ikt).await;
    edit(
        &mut rows,
        "Physiotools",
        "Programleverandør",
        "Nytt Firma AS",
    );
    let (_, html) = upload(&app, &ikt, "sent.csv", to_csv(&rows)).await;
    sqlx::query(
        "update system set vendor = 'Annen AS', version = version + 1 where name = 'Physiotools'",
    )
    .execute(&app.db)
    .await
    .unwrap();
    let r = app
        .post(
            &ikt,
            "/systems/import/confirm",
            &[("token", &token(&html).unwrap())],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(
        vendor(&app, "Physiotools").await.as_deref(),
        Some("Annen AS")
    );
    let (_, list) = app.text(&ikt, &location(&r)).await;
    assert!(list.contains("«Physiotools» ble ikke endret"), "{list}");
}

#[sqlx::test]
async fn an_unknown_unit_is_a_row_error_naming_it_and_nothing_is_written(db: PgPool) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    let mut rows = export_csv(&app, &ikt).await;
    edit(
        &mut rows,
        "Physiotools",
        "Systemeier",
        "Enheten som ikke finnes",
    );
    edit(&mut rows, "Promed", "Programleverandør", "Nytt Firma AS");
    let events = count(&app, "select count(*) from audit_event").await;
    let (status, html) = upload(&app, &ikt, "feil.csv", to_csv(&rows)).await;
    assert_eq!(status, 200);
    assert!(html.contains("Systemeier: «Enheten som ikke finnes» finnes ikke i registeret."));
    assert_eq!(fates(&html, "danger"), 1);
    assert!(html.contains("Ingenting er importert"));
    assert_eq!(token(&html), None, "no confirm while a row has an error");
    let r = app
        .post(&ikt, "/systems/import/confirm", &[("token", "x")])
        .await;
    assert_eq!(location(&r), "/systems/import");
    assert_ne!(
        vendor(&app, "Promed").await.as_deref(),
        Some("Nytt Firma AS")
    );
    assert_eq!(
        count(&app, "select count(*) from audit_event").await,
        events
    );
}

#[sqlx::test]
async fn a_superuser_imports_notes_of_their_own_system_but_no_other_field_or_system(db: PgPool) {
    let app = spawn(db).await;
    let mona = app.user("superbruker").await;
    let (status, _) = app.text(&mona, "/systems/import").await;
    assert_eq!(status, 200);
    let exported = export_csv(&app, &mona).await;

    let mut rows = exported.clone();
    edit(
        &mut rows,
        "Physiotools",
        "Notater",
        "Ny versjon installert i mai.",
    );
    let (status, html) = upload(&app, &mona, "mine.csv", to_csv(&rows)).await;
    assert_eq!(status, 200);
    assert_eq!(fates(&html, "danger"), 0, "{html}");
    assert_eq!(fates(&html, "warning"), 1);
    let r = app
        .post(
            &mona,
            "/systems/import/confirm",
            &[("token", &token(&html).unwrap())],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(
        notes(&app, "Physiotools").await.as_deref(),
        Some("Ny versjon installert i mai.")
    );

    let events = count(&app, "select count(*) from audit_event").await;
    let mut rows = export_csv(&app, &mona).await;
    edit(&mut rows, "Promed", "Programleverandør", "Nytt Firma AS");
    edit(
        &mut rows,
        "Promed",
        "Notater",
        "Notat som ikke skal lagres.",
    );
    let (_, html) = upload(&app, &mona, "leverandor.csv", to_csv(&rows)).await;
    assert!(html.contains("Du kan bare endre"), "{html}");
    assert!(html.contains("Raden endrer Programleverandør."));
    assert_eq!(token(&html), None);

    let mut rows = export_csv(&app, &mona).await;
    let other = rows
        .iter()
        .skip(1)
        .map(|r| r[column(&rows, "Navn")].clone())
        .find(|n| n != "Physiotools" && n != "Promed")
        .unwrap();
    edit(&mut rows, &other, "Notater", "Ikke mitt system.");
    let (_, html) = upload(&app, &mona, "annet.csv", to_csv(&rows)).await;
    assert!(
        html.contains(&format!("Du er ikke superbruker for «{other}»")),
        "{html}"
    );
    assert_eq!(token(&html), None);

    let mut rows = export_csv(&app, &mona).await;
    let mut new = vec![String::new(); rows[0].len()];
    new[column(&rows, "Navn")] = "Helt nytt system".into();
    rows.push(new);
    let (_, html) = upload(&app, &mona, "nytt.csv", to_csv(&rows)).await;
    assert!(html.contains("ikke legge til nye"));
    assert_eq!(token(&html), None);

    assert_ne!(
        vendor(&app, "Promed").await.as_deref(),
        Some("Nytt Firma AS")
    );
    assert_ne!(
        notes(&app, "Promed").await.as_deref(),
        Some("Notat som ikke skal lagres.")
    );
    assert_ne!(
        notes(&app, &other).await.as_deref(),
        Some("Ikke mitt system.")
    );
    assert_eq!(
        count(&app, "select count(*) from audit_event").await,
        events
    );
}

#[sqlx::test]
async fn the_leder_may_export_the_register_but_not_import_it(db: PgPool) {
    let app = spawn(db).await;
    let leder = app.user("leder").await;
    assert_eq!(export_csv(&app, &leder).await.len(), 36);
    assert_eq!(app.get(&leder, "/systems/import").await.status(), 403);
    let ikt = app.user("ikt").await;
    let rows = export_csv(&app, &ikt).await;
    let (status, _) = upload(&app, &leder, "fagsystemer.csv", to_csv(&rows)).await;
    assert_eq!(status, 403);
    let r = app
        .post(&leder, "/systems/import/confirm", &[("token", "x")])
        .await;
    assert_eq!(r.status(), 403);
}
