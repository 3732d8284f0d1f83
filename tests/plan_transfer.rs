//! Issue 3: the progress plan exported to Excel and CSV like Vedlegg 1, and measures imported
//! from the same columns with a preview that writes nothing until the user confirms.

mod common;

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use common::*;
use reqwest::{
    Client,
    multipart::{Form, Part},
};
use rust_decimal::Decimal;
use sqlx::PgPool;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const HEADER: &str =
    "Mål;Strategi;Tiltak;Timer;Kostnad;Ansvar;Status;Statusdato;Statuskommentar;Prioritert";
/// What the CSV export writes before the periods: the key and every field the import reads.
const EXPORT_HEADER: &str = "Tiltaks-ID;Mål;Strategi;Tiltak;Beskrivelse;Timer;Kostnad;Ansvar;Status;Statusdato;Statuskommentar;Prioritert";

/// A second, empty plan for the same strategy document.
async fn empty_plan(app: &TestApp) -> i64 {
    sqlx::query_scalar(
        "insert into action_plan (municipality_id, strategy_document_id, name, start_year, end_year)
         select municipality_id, strategy_document_id, 'Kopi av handlingsplanen', start_year, end_year
         from action_plan order by action_plan_id limit 1 returning action_plan_id",
    )
    .fetch_one(&app.db)
    .await
    .unwrap()
}

async fn strategies(app: &TestApp) -> Vec<String> {
    sqlx::query_scalar("select text from strategy order by strategy_id")
        .fetch_all(&app.db)
        .await
        .unwrap()
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&app.db).await.unwrap()
}

/// Measures, audit rows and staged imports: what an import must not touch before confirmation.
async fn written(app: &TestApp) -> (i64, i64, i64) {
    (
        count(app, "select count(*) from measure").await,
        count(app, "select count(*) from audit_log").await,
        count(app, "select count(*) from measure_import").await,
    )
}

async fn download(app: &TestApp, c: &Client, path: &str) -> (u16, String, String, Vec<u8>) {
    let r = app.get(c, path).await;
    let header = |h: &str| {
        r.headers()
            .get(h)
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default()
    };
    let (ctype, disposition) = (header("content-type"), header("content-disposition"));
    (
        r.status().as_u16(),
        ctype,
        disposition,
        r.bytes().await.unwrap().to_vec(),
    )
}

async fn upload(app: &TestApp, c: &Client, plan: i64, name: &str, bytes: Vec<u8>) -> (u16, String) {
    let form = Form::new().part("file", Part::bytes(bytes).file_name(name.to_string()));
    let r = c
        .post(app.url(&format!("/plan/{plan}/import")))
        .multipart(form)
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    (status, r.text().await.unwrap())
}

fn import_token(html: &str) -> String {
    let marker = "name=\"token\" value=\"";
    let start = html.find(marker).expect("the preview has a confirm form") + marker.len();
    html[start..start + 64].to_string()
}

fn sheet(bytes: &[u8]) -> Vec<Vec<Data>> {
    let mut wb: Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("a valid workbook");
    assert_eq!(wb.sheet_names(), vec!["Framdriftsplan".to_string()]);
    let range = wb.worksheet_range("Framdriftsplan").unwrap();
    range.rows().map(|r| r.to_vec()).collect()
}

fn has_string(rows: &[Vec<Data>], pred: impl Fn(&str) -> bool) -> bool {
    rows.iter()
        .flatten()
        .any(|d| matches!(d, Data::String(s) if pred(s)))
}

#[sqlx::test]
async fn the_excel_export_is_a_workbook_laid_out_like_vedlegg_1(db: PgPool) {
    let app = spawn(db).await;
    let plan = plan_id(&app).await;
    let c = app.user("leder").await;
    let (status, ctype, disposition, bytes) =
        download(&app, &c, &format!("/plan/{plan}/export.xlsx")).await;
    assert_eq!(status, 200);
    assert_eq!(ctype, XLSX);
    assert_eq!(
        disposition,
        "attachment; filename=\"framdriftsplan-2014-2016.xlsx\""
    );

    let rows = sheet(&bytes);
    assert_eq!(
        rows[0][0],
        Data::String("Handlingsplan IKT 2014–2016".into()),
        "title row"
    );
    assert_eq!(
        rows[1][11],
        Data::String("2014".into()),
        "the year above its months"
    );
    let header: Vec<String> = rows[2].iter().map(|d| d.to_string()).collect();
    assert_eq!(
        &header[..11],
        [
            "Tiltaks-ID",
            "Handlingsplan",
            "Strategi",
            "Beskrivelse",
            "Timer",
            "Kostnad",
            "Ansvar",
            "Status",
            "Statusdato",
            "Statuskommentar",
            "Prioritert"
        ]
    );
    assert_eq!(header[11], "Jan");
    assert_eq!(header[22], "Des");
    assert_eq!(header[23], "Kv 1");
    assert_eq!(header.len(), 11 + 12 + 4 + 4);
    assert!(has_string(&rows, |s| s == "Sikkerhet"), "a goal-area row");
    assert!(has_string(&rows, |s| s == "Innføre Feide i skole"));
    assert!(has_string(&rows, |s| s.starts_with("kr 34 984")));
    assert!(
        has_string(&rows, |s| s == "Utredning"),
        "a labelled period cell keeps its label"
    );

    let risk = rows
        .iter()
        .find(|r| r[1] == Data::String("Ta i bruk Risk manager".into()))
        .expect("a measure row");
    let risk_id = measure_id(&app, "Ta i bruk Risk manager").await;
    assert_eq!(risk[0], Data::Float(risk_id as f64), "the key comes first");
    assert_eq!(risk[4], Data::Float(50.5), "hours are numbers");
    assert!(
        risk[11..].iter().any(|d| *d == Data::String("x".into())),
        "a planned period without a label is marked x"
    );
}

#[sqlx::test]
async fn the_csv_export_has_a_bom_semicolons_and_decimal_commas(db: PgPool) {
    let app = spawn(db).await;
    let plan = plan_id(&app).await;
    let c = app.user("rad").await;
    let (status, ctype, disposition, bytes) =
        download(&app, &c, &format!("/plan/{plan}/export.csv")).await;
    assert_eq!(status, 200);
    assert!(ctype.starts_with("text/csv"));
    assert_eq!(
        disposition,
        "attachment; filename=\"framdriftsplan-2014-2016.csv\""
    );
    assert!(
        bytes.starts_with(&[0xEF, 0xBB, 0xBF]),
        "UTF-8 with BOM for Excel"
    );
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let first = text.lines().next().unwrap();
    assert!(
        first.starts_with(&format!("{EXPORT_HEADER};2014 Jan;2014 Feb")),
        "{first}"
    );
    assert!(first.ends_with("2016 Kv 3;2016 Kv 4"));
    let line = |title: &str| {
        text.lines()
            .find(|l| l.contains(title))
            .unwrap_or_else(|| panic!("{title} is exported"))
            .to_string()
    };
    assert!(line("Avviksmeldinger for driftsavbrudd i QM+ kvalitetssystem").contains(";7,5;"));
    assert!(line("Ta i bruk Risk manager").contains(";50,5;"));
    assert!(line("Innføre Feide i skole").contains("kr 34 984"));
    assert_eq!(
        text.lines()
            .filter(|l| l.contains(";Etablere IKT-styre i Midt-Gudbrandsdal;"))
            .count(),
        2,
        "one line per strategy"
    );
}

#[sqlx::test]
async fn a_nynorsk_reader_sees_the_row_errors_of_a_bad_file_in_nynorsk_and_a_bokmal_reader_in_bokmal(
    db: PgPool,
) {
    let app = spawn(db).await;
    choose_language(&app, "ikt", Some("nn")).await;
    let nn = app.user("ikt").await;
    let nb = app.user("admin").await;
    let plan = plan_id(&app).await;
    let s = strategies(&app).await;
    let before = written(&app).await;
    let csv = format!(
        "{HEADER};2014 Jan;2014 Smarch\r\n\
         ;{s0};Godt tiltak;10;;;;;;;x;\r\n\
         ;{s0};Timer med to komma;12,5,0;;;;;;;;\r\n\
         ;{s0};Negativ kostnad;;kr -5 000;;;;;;;\r\n\
         ;Finnes ikke i strategien;Ukjent strategi;;;;;;;;;\r\n\
         ;{s0};;5;;;;;;;;\r\n\
         ;{s0};Rar status;;;;Ferdigish;;;;;\r\n\
         ;{s0};Rar finansiering;;kr 5 000 (dekkes av lotterimidler i budsjettet);;;;;;;\r\n\
         ;{s0};Rar prioritet;;;;;;;Kanskje;;\r\n\
         ;{s0};Dobbel;5;;;;;;;;\r\n\
         ;{s1};Dobbel;6;;;Pågår;;;;;\r\n",
        s0 = s[0],
        s1 = s[1]
    );
    let (status, html) = upload(&app, &nn, plan, "tiltak.csv", csv.clone().into_bytes()).await;
    assert_eq!(status, 200);
    for line in [
        "Ingenting er importert",
        "Fila har 9 feil.",
        "Rad 1: Ukjend periode i kolonnen «2014 Smarch». Bruk månadene Jan–Des for 2014 og Kv 1–Kv 4 for seinare år, til dømes «2014 Jan».",
        "Rad 3: Timar: «12,5,0» er ikkje eit tal på timar.",
        "Rad 4: Kostnad: Beløpet kan ikkje vere negativt.",
        "Rad 5: Ukjend strategi «Finnes ikke i strategien».",
        "Rad 6: Tiltaket manglar tittel (kolonnen «Tiltak» er tom).",
        "Rad 7: Ukjend status «Ferdigish». Bruk Ikkje starta, Pågår, Utført, Utsett eller Avbrote",
        "Rad 8: Kostnad: Ukjend finansiering «dekkes av lotterimidler i budsjettet».",
        "Rad 9: Prioritert må vere «Ja» eller tom, ikkje «Kanskje».",
        "Rad 11: Tiltaket «Dobbel» står også på rad 10, men med andre verdiar for timar, status.",
    ] {
        assert!(html.contains(line), "{line}\n{html}");
    }
    // The file's own words («Finnes ikke i strategien») are quoted as typed; none of ours is bokmål.
    for bokmal in ["Ukjent", "mangler", "Filen", "må være", "annen"] {
        assert!(!html.contains(bokmal), "{bokmal}\n{html}");
    }

    let (status, html) = upload(&app, &nb, plan, "tiltak.csv", csv.into_bytes()).await;
    assert_eq!(status, 200);
    for line in [
        "Filen har 9 feil.",
        "Rad 1: Ukjent periode i kolonnen «2014 Smarch». Bruk månedene Jan–Des for 2014 og Kv 1–Kv 4 for senere år, for eksempel «2014 Jan».",
        "Rad 3: Timer: «12,5,0» er ikke et antall timer.",
        "Rad 6: Tiltaket mangler tittel (kolonnen «Tiltak» er tom).",
        "Rad 9: Prioritert må være «Ja» eller tom, ikke «Kanskje».",
        "Rad 11: Tiltaket «Dobbel» står også på rad 10, men med annen timer, status.",
    ] {
        assert!(html.contains(line), "{line}\n{html}");
    }

    // A file the import cannot read at all: the upload page says why, in the reader's language.
    let (status, html) = upload(&app, &nn, plan, "tiltak.pdf", b"%PDF-1.4".to_vec()).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("Fila må vere ei Excel-arbeidsbok (.xlsx) eller ei CSV-fil (.csv)."),
        "{html}"
    );
    let (_, html) = upload(&app, &nb, plan, "tiltak.pdf", b"%PDF-1.4".to_vec()).await;
    assert!(html.contains("Filen må være en Excel-arbeidsbok (.xlsx) eller en CSV-fil (.csv)."));
    assert_eq!(written(&app).await, before);
}

#[sqlx::test]
async fn a_file_with_bad_rows_lists_every_error_by_row_and_writes_nothing(db: PgPool) {
    let app = spawn(db).await;
    let plan = plan_id(&app).await;
    let s = strategies(&app).await;
    let c = app.user("ikt").await;
    let before = written(&app).await;
    let csv = format!(
        "{HEADER};2014 Jan;2014 Smarch\r\n\
         ;{s0};Godt tiltak;10;;;;;;;x;\r\n\
         ;{s0};Timer med to komma;12,5,0;;;;;;;;\r\n\
         ;{s0};Negativ kostnad;;kr -5 000;;;;;;;\r\n\
         ;Finnes ikke i strategien;Ukjent strategi;;;;;;;;;\r\n\
         ;{s0};;5;;;;;;;;\r\n\
         ;{s0};Rar status;;;;Ferdigish;;;;;\r\n\
         ;{s0};Rar finansiering;;kr 5 000 (dekkes av lotterimidler i budsjettet);;;;;;;\r\n",
        s0 = s[0]
    );
    let (status, html) = upload(&app, &c, plan, "tiltak.csv", csv.into_bytes()).await;
    assert_eq!(status, 200);
    assert!(html.contains("Ingenting er importert"));
    assert!(
        html.contains("Rad 1: Ukjent periode i kolonnen «2014 Smarch»"),
        "{html}"
    );
    assert!(html.contains("Rad 3: Timer: «12,5,0» er ikke et antall timer"));
    assert!(html.contains("Rad 4: Kostnad: Beløpet kan ikke være negativt."));
    assert!(html.contains("Rad 5: Ukjent strategi «Finnes ikke i strategien»"));
    assert!(html.contains("Rad 6: Tiltaket mangler tittel"));
    assert!(html.contains("Rad 7: Ukjent status «Ferdigish»"));
    assert!(html.contains("Rad 8: Kostnad: Ukjent finansiering"));
    assert!(!html.contains("Rad 2:"), "the good row has no error");
    assert!(
        !html.contains("/import/confirm"),
        "no confirm button while there are errors"
    );
    assert_eq!(
        written(&app).await,
        before,
        "no measure, audit row or staged import"
    );
}

#[sqlx::test]
async fn a_clean_file_is_previewed_and_imported_only_after_confirmation(db: PgPool) {
    let app = spawn(db).await;
    let plan = empty_plan(&app).await;
    let s = strategies(&app).await;
    let c = app.user("ikt").await;
    let csv = format!(
        "{HEADER};2014 Mar;2014 Apr;2015 Kv 2\r\n\
         Sikkerhet;{s0};Nytt felles tiltak;12,5;kr 100 000 (krever budsjettbevilgning);magnus rønningen;Pågår;;Godt i gang;Ja;Utredning;x;x\r\n\
         Sikkerhet;{s1};Nytt felles tiltak;12,5;kr 100 000 (krever budsjettbevilgning);magnus rønningen;Pågår;;Godt i gang;Ja;Utredning;x;x\r\n\
         ;;Felles tiltak for hovedmålet;;må utredes;Rådmannen / SU;;;;;;;\r\n",
        s0 = s[0],
        s1 = s[3]
    );
    let before = written(&app).await;
    let (status, html) = upload(&app, &c, plan, "nye-tiltak.csv", csv.into_bytes()).await;
    assert_eq!(status, 200);
    assert!(html.contains("Filen har 2 tiltak: 2 nye."), "{html}");
    assert!(html.contains("Ingenting er lagret ennå"));
    assert!(html.contains("Magnus Rønningen"));
    assert!(html.contains("2014: Mar (Utredning), Apr; 2015: Kv 2"));
    let (measures, audits, staged) = written(&app).await;
    assert_eq!(
        (measures, audits),
        (before.0, before.1),
        "the preview writes no measure and no audit row"
    );
    assert_eq!(staged, before.2 + 1, "the preview is kept server-side");

    let token = import_token(&html);
    let r = app
        .post(
            &c,
            &format!("/plan/{plan}/import/confirm"),
            &[("token", &token)],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), format!("/plan/{plan}"));
    let (_, page) = app.text(&c, &format!("/plan/{plan}")).await;
    assert!(page.contains("Importert fra «nye-tiltak.csv»: 2 nye tiltak."));
    assert!(page.contains("Nytt felles tiltak"));

    let (measures, audits, staged) = written(&app).await;
    assert_eq!(measures, before.0 + 2);
    assert_eq!(staged, before.2, "the staged import is gone");
    let created: Vec<i64> = sqlx::query_scalar(
        "select measure_id from measure where action_plan_id = $1 order by measure_id",
    )
    .bind(plan)
    .fetch_all(&app.db)
    .await
    .unwrap();
    assert_eq!(audits, before.1 + 2);
    for id in &created {
        assert_eq!(
            app.audit_count("measure", *id).await,
            1,
            "each imported measure is audited"
        );
    }
    let shared = created[0];
    assert_eq!(
        count(
            &app,
            &format!("select count(*) from measure_strategy where measure_id = {shared}")
        )
        .await,
        2,
        "one measure, two strategies"
    );
    let (hours, person, priority, status): (Decimal, Option<String>, bool, String) = sqlx::query_as(
        "select me.hours, p.name, me.priority, me.status from measure me left join person p on p.person_id = me.responsible_person_id where me.measure_id = $1",
    )
    .bind(shared)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(hours, Decimal::new(125, 1));
    assert_eq!(
        person.as_deref(),
        Some("Magnus Rønningen"),
        "a person's name links to the person"
    );
    assert!(priority);
    assert_eq!(status, "in_progress");
    let (amount, financing): (Decimal, String) =
        sqlx::query_as("select amount, financing from measure_cost where measure_id = $1")
            .bind(shared)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(
        (amount, financing.as_str()),
        (Decimal::from(100_000), "requires_appropriation")
    );
    let label: Option<String> = sqlx::query_scalar(
        "select label from schedule_cell where measure_id = $1 and year = 2014 and period = 3",
    )
    .bind(shared)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(label.as_deref(), Some("Utredning"));
    let text: Option<String> =
        sqlx::query_scalar("select responsible_text from measure where measure_id = $1")
            .bind(created[1])
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(
        text.as_deref(),
        Some("Rådmannen / SU"),
        "an unknown name is kept as text"
    );

    // The same token again imports nothing.
    let r = app
        .post(
            &c,
            &format!("/plan/{plan}/import/confirm"),
            &[("token", &token)],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), format!("/plan/{plan}/import"));
    let (_, page) = app.text(&c, &format!("/plan/{plan}/import")).await;
    assert!(page.contains("Forhåndsvisningen finnes ikke lenger"));
    assert_eq!(written(&app).await.0, before.0 + 2);
}

async fn totals(app: &TestApp, plan: i64) -> (i64, Decimal, Decimal, i64, i64) {
    sqlx::query_as(
        "select (select count(*) from measure where action_plan_id = $1),
                (select coalesce(sum(hours), 0) from measure where action_plan_id = $1),
                (select coalesce(sum(c.amount), 0) from measure_cost c join measure m using (measure_id) where m.action_plan_id = $1),
                (select count(*) from measure_strategy s join measure m using (measure_id) where m.action_plan_id = $1),
                (select count(*) from schedule_cell s join measure m using (measure_id) where m.action_plan_id = $1)",
    )
    .bind(plan)
    .fetch_one(&app.db)
    .await
    .unwrap()
}

async fn round_trip(app: &TestApp, c: &Client, source: i64, ext: &str) {
    let target = empty_plan(app).await;
    let (_, _, _, bytes) = download(app, c, &format!("/plan/{source}/export.{ext}")).await;
    let (status, html) = upload(app, c, target, &format!("plan.{ext}"), bytes).await;
    assert_eq!(status, 200);
    assert!(
        !html.contains("Feil i filen"),
        "the export imports cleanly: {html}"
    );
    let token = import_token(&html);
    let r = app
        .post(
            c,
            &format!("/plan/{target}/import/confirm"),
            &[("token", &token)],
        )
        .await;
    assert_eq!(r.status(), 303);
    let original = totals(app, source).await;
    assert_eq!(original.0, 63);
    assert_eq!(
        totals(app, target).await,
        original,
        "same measures, hours, known cost, strategy links and schedule"
    );
}

#[sqlx::test]
async fn the_exported_csv_imports_into_an_empty_plan_with_the_same_totals(db: PgPool) {
    let app = spawn(db).await;
    let c = app.user("ikt").await;
    round_trip(&app, &c, plan_id(&app).await, "csv").await;
}

#[sqlx::test]
async fn the_exported_workbook_imports_into_an_empty_plan_with_the_same_totals(db: PgPool) {
    let app = spawn(db).await;
    let c = app.user("admin").await;
    round_trip(&app, &c, plan_id(&app).await, "xlsx").await;
}

#[sqlx::test]
async fn too_large_foreign_or_broken_files_get_a_norwegian_message_and_no_500(db: PgPool) {
    let app = spawn(db).await;
    let plan = plan_id(&app).await;
    let c = app.user("ikt").await;
    let before = written(&app).await;
    let big = format!(
        "{HEADER}\n{}",
        ";;Tiltak;;;;;;;\n".repeat(6 * 1024 * 1024 / 16)
    );
    let cases: [(&str, Vec<u8>, &str); 5] = [
        (
            "stor.csv",
            big.into_bytes(),
            "Filen er for stor. Den kan være høyst 5 MB.",
        ),
        (
            "notat.pdf",
            b"%PDF-1.4 binary".to_vec(),
            "Filen må være en Excel-arbeidsbok (.xlsx) eller en CSV-fil (.csv).",
        ),
        (
            "plan.xlsx",
            b"PK\x03\x04 not really a zip".to_vec(),
            "Excel-filen kunne ikke leses.",
        ),
        (
            "plan.xls",
            vec![0xD0, 0xCF, 0x11, 0xE0, 0, 0],
            "Det gamle Excel-formatet (.xls)",
        ),
        ("tom.csv", Vec::new(), "Filen er tom."),
    ];
    for (name, bytes, message) in cases {
        let (status, html) = upload(&app, &c, plan, name, bytes).await;
        assert_eq!(status, 200, "{name}");
        assert!(html.contains(message), "{name}: {html}");
        assert!(
            html.contains("aria-invalid=\"true\""),
            "{name}: the file field is marked"
        );
    }
    assert_eq!(written(&app).await, before);
}

#[sqlx::test]
async fn a_semicolon_free_windows_csv_with_commas_is_read_too(db: PgPool) {
    let app = spawn(db).await;
    let plan = empty_plan(&app).await;
    let s = strategies(&app).await;
    let c = app.user("ikt").await;
    // Windows-1252, comma-separated, as an older Excel saves «CSV».
    let text = format!(
        "Strategi,Tiltak,Timer,2014 Jan\r\n\"{}\",Kartlegge behov på Fåvang,\"7,5\",x\r\n",
        s[1]
    );
    let bytes: Vec<u8> = text
        .chars()
        .map(|ch| if ch as u32 <= 0xFF { ch as u8 } else { b'?' })
        .collect();
    let (status, html) = upload(&app, &c, plan, "tiltak.csv", bytes).await;
    assert_eq!(status, 200);
    assert!(html.contains("Filen har 1 tiltak: 1 nytt."), "{html}");
    assert!(html.contains("Kartlegge behov på Fåvang"));
    assert!(html.contains("7,5"));
}

#[sqlx::test]
async fn readers_export_but_only_ikt_and_admin_import(db: PgPool) {
    let app = spawn(db).await;
    let plan = plan_id(&app).await;
    let csv = format!("{HEADER}\n;;Tiltak;;;;;;;\n").into_bytes();
    for editor in ["ikt", "admin"] {
        let c = app.user(editor).await;
        assert_eq!(
            app.text(&c, &format!("/plan/{plan}/import")).await.0,
            200,
            "{editor}"
        );
    }
    for reader in ["leder", "rad", "superbruker"] {
        let c = app.user(reader).await;
        assert_eq!(
            download(&app, &c, &format!("/plan/{plan}/export.xlsx"))
                .await
                .0,
            200,
            "{reader}"
        );
        assert_eq!(
            download(&app, &c, &format!("/plan/{plan}/export.csv"))
                .await
                .0,
            200,
            "{reader}"
        );
        assert_eq!(
            app.text(&c, &format!("/plan/{plan}/import")).await.0,
            403,
            "{reader}"
        );
        assert_eq!(
            upload(&app, &c, plan, "t.csv", csv.clone()).await.0,
            403,
            "{reader}"
        );
        let r = app
            .post(
                &c,
                &format!("/plan/{plan}/import/confirm"),
                &[("token", "x")],
            )
            .await;
        assert_eq!(r.status(), 403, "{reader}");
    }
    assert_eq!(count(&app, "select count(*) from measure_import").await, 0);

    let anon = client();
    for path in ["export.xlsx", "export.csv", "import"] {
        let r = app.get(&anon, &format!("/plan/{plan}/{path}")).await;
        assert_eq!(r.status(), 303, "{path}");
        assert!(location(&r).starts_with("/login"));
    }
    let (status, _) = upload(&app, &anon, plan, "t.csv", csv.clone()).await;
    assert_eq!(status, 303);
    let r = app
        .post(
            &anon,
            &format!("/plan/{plan}/import/confirm"),
            &[("token", "x")],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert!(location(&r).starts_with("/login"));
}

#[sqlx::test]
async fn another_municipality_finds_none_of_the_transfer_routes(db: PgPool) {
    let app = spawn(db).await;
    let plan = plan_id(&app).await;
    let other = app.other_municipality().await;
    assert_eq!(
        download(&app, &other, &format!("/plan/{plan}/export.xlsx"))
            .await
            .0,
        404
    );
    assert_eq!(
        download(&app, &other, &format!("/plan/{plan}/export.csv"))
            .await
            .0,
        404
    );
    assert_eq!(
        app.text(&other, &format!("/plan/{plan}/import")).await.0,
        404
    );
    let csv = format!("{HEADER}\n;;Tiltak;;;;;;;\n").into_bytes();
    assert_eq!(upload(&app, &other, plan, "t.csv", csv).await.0, 404);

    // Not even with a token staged by Ringebu's own IKT user.
    let ikt = app.user("ikt").await;
    let (_, html) = upload(
        &app,
        &ikt,
        plan,
        "t.csv",
        format!("{HEADER}\n;;Nytt tiltak;;;;;;;\n").into_bytes(),
    )
    .await;
    let token = import_token(&html);
    let r = app
        .post(
            &other,
            &format!("/plan/{plan}/import/confirm"),
            &[("token", &token)],
        )
        .await;
    assert_eq!(r.status(), 404);
    assert_eq!(
        count(
            &app,
            "select count(*) from measure where title = 'Nytt tiltak'"
        )
        .await,
        0
    );
}

// Issue 7: the round trip updates instead of duplicating, and a municipality's own sheet reads.

/// Every stored fact of every measure of a plan, one line per measure, ordered: what a round
/// trip must keep (description, status and its comment, hours, responsible, costs with their
/// remarks, schedule cells with labels, strategies).
async fn fingerprint(app: &TestApp, plan: i64) -> Vec<String> {
    sqlx::query_scalar(
        "select format('%s|%s|%s|%s|%s|%s|%s|%s/%s/%s|%s|%s|%s', me.title, me.description, me.status,
                me.status_date, me.status_comment, me.hours, me.priority,
                me.responsible_person_id, me.responsible_unit_id, me.responsible_text,
                (select string_agg(format('%s~%s~%s~%s~%s~%s', c.description, c.amount, c.amount_note,
                        c.financing, c.financing_project, c.remark), ' + ' order by c.position)
                   from measure_cost c where c.measure_id = me.measure_id),
                (select string_agg(format('%s~%s~%s', s.year, s.period, s.label), ',' order by s.year, s.period)
                   from schedule_cell s where s.measure_id = me.measure_id),
                (select string_agg(ms.strategy_id::text, ',' order by ms.strategy_id)
                   from measure_strategy ms where ms.measure_id = me.measure_id))
         from measure me where me.action_plan_id = $1 order by 1",
    )
    .bind(plan)
    .fetch_all(&app.db)
    .await
    .unwrap()
}

async fn versions(app: &TestApp, plan: i64) -> Vec<(i64, i32)> {
    sqlx::query_as("select measure_id, version from measure where action_plan_id = $1 order by 1")
        .bind(plan)
        .fetch_all(&app.db)
        .await
        .unwrap()
}

/// The exported CSV with `change` applied to every line (as a map from column name to cell).
fn edit_csv(
    bytes: &[u8],
    mut change: impl FnMut(&mut Vec<String>, &dyn Fn(&str) -> usize),
) -> Vec<u8> {
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut records: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    let header = records[0].clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    for r in records.iter_mut().skip(1) {
        change(r, &col);
    }
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer("\u{feff}".as_bytes().to_vec());
    for r in &records {
        w.write_record(r).unwrap();
    }
    w.into_inner().unwrap()
}

async fn confirm_import(
    app: &TestApp,
    c: &Client,
    plan: i64,
    html: &str,
    extra: &[(&str, &str)],
) -> String {
    let token = import_token(html);
    let mut fields = vec![("token", token.as_str())];
    fields.extend_from_slice(extra);
    let r = app
        .post(c, &format!("/plan/{plan}/import/confirm"), &fields)
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), format!("/plan/{plan}"));
    app.text(c, &format!("/plan/{plan}")).await.1
}

#[sqlx::test]
async fn an_export_with_two_cells_changed_updates_exactly_those_two_measures_and_creates_none(
    db: PgPool,
) {
    let app = spawn(db).await;
    let plan = plan_id(&app).await;
    let c = app.user("ikt").await;
    let risk = measure_id(&app, "Ta i bruk Risk manager").await.to_string();
    let feide = measure_id(&app, "Innføre Feide i skole").await.to_string();
    let (_, _, _, bytes) = download(&app, &c, &format!("/plan/{plan}/export.csv")).await;
    let mut risk_status = String::new();
    let edited = edit_csv(&bytes, |r, col| {
        if r[col("Tiltaks-ID")] == risk {
            risk_status = r[col("Status")].clone();
            r[col("Status")] = if risk_status == "Utsatt" {
                "Pågår"
            } else {
                "Utsatt"
            }
            .into();
        }
        if r[col("Tiltaks-ID")] == feide {
            r[col("Statuskommentar")] = "Rådmannen ber om ny vurdering".into();
        }
    });
    let before = versions(&app, plan).await;
    let events = count(&app, "select count(*) from audit_event").await;

    let (status, html) = upload(&app, &c, plan, "framdriftsplan.csv", edited).await;
    assert_eq!(status, 200);
    assert!(!html.contains("Feil i filen"), "{html}");
    assert!(
        html.contains("Filen har 63 tiltak: 2 endret og 61 uendret."),
        "{html}"
    );
    let new_status = if risk_status == "Utsatt" {
        "Pågår"
    } else {
        "Utsatt"
    };
    assert!(
        html.contains(&format!(
            "<strong>Status:</strong> {risk_status} → {new_status}"
        )),
        "the change in words, before → after"
    );
    assert!(html.contains("<strong>Statuskommentar:</strong>"));
    assert!(html.contains("→ Rådmannen ber om ny vurdering"));
    assert_eq!(
        versions(&app, plan).await,
        before,
        "the preview writes nothing"
    );

    let page = confirm_import(&app, &c, plan, &html, &[]).await;
    assert!(
        page.contains("Importert fra «framdriftsplan.csv»: 2 endret, 61 uendret."),
        "{page}"
    );
    let after = versions(&app, plan).await;
    assert_eq!(after.len(), 63, "no measure created");
    let bumped: Vec<String> = before
        .iter()
        .zip(&after)
        .filter(|(b, a)| b != a)
        .map(|(b, _)| b.0.to_string())
        .collect();
    let mut expected = vec![risk.clone(), feide.clone()];
    expected.sort();
    let mut bumped_sorted = bumped.clone();
    bumped_sorted.sort();
    assert_eq!(bumped_sorted, expected, "exactly the two measures changed");
    let (status, comment): (String, Option<String>) = sqlx::query_as(
        "select (select status from measure where measure_id = $1), (select status_comment from measure where measure_id = $2)",
    )
    .bind(risk.parse::<i64>().unwrap())
    .bind(feide.parse::<i64>().unwrap())
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(
        status,
        if new_status == "Pågår" {
            "in_progress"
        } else {
            "postponed"
        }
    );
    assert_eq!(comment.as_deref(), Some("Rådmannen ber om ny vurdering"));

    assert_eq!(
        count(&app, "select count(*) from audit_event").await,
        events + 1,
        "one import event"
    );
    let (label, rows): (String, i64) = sqlx::query_as(
        "select e.label, (select count(*) from audit_log l where l.audit_event_id = e.audit_event_id)
         from audit_event e where e.kind = 'import' order by e.audit_event_id desc limit 1",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(label, "framdriftsplan.csv", "named by the file");
    assert_eq!(rows, 2, "the two updates belong to the event");
}

async fn unchanged_round_trip(app: &TestApp, c: &Client, ext: &str) {
    let plan = plan_id(app).await;
    let original = fingerprint(app, plan).await;
    assert!(
        original
            .iter()
            .any(|m| m.contains("eller innarbeides som en del av sentrumsprosjektet")),
        "Tromsvang's cost remark is part of what is compared"
    );
    let before = versions(app, plan).await;
    let audits = count(app, "select count(*) from audit_log").await;
    let (_, _, _, bytes) = download(app, c, &format!("/plan/{plan}/export.{ext}")).await;

    // Into the plan it came from: every measure is recognised and nothing differs.
    let (status, html) = upload(app, c, plan, &format!("plan.{ext}"), bytes.clone()).await;
    assert_eq!(status, 200);
    assert!(!html.contains("Feil i filen"), "{ext}: {html}");
    assert!(
        html.contains("Filen har 63 tiltak: 63 uendret."),
        "{ext}: {html}"
    );
    assert!(html.contains("Filen endrer ingenting i planen."), "{ext}");
    assert!(
        !html.contains("Bekreft importen"),
        "{ext}: nothing to confirm"
    );
    assert_eq!(versions(app, plan).await, before);
    assert_eq!(count(app, "select count(*) from audit_log").await, audits);

    // Into an empty plan: the copies hold everything the originals hold.
    let target = empty_plan(app).await;
    let (_, html) = upload(app, c, target, &format!("plan.{ext}"), bytes).await;
    assert!(
        html.contains("Filen har 63 tiltak: 63 nye."),
        "{ext}: {html}"
    );
    confirm_import(app, c, target, &html, &[]).await;
    assert_eq!(
        fingerprint(app, target).await,
        original,
        "{ext}: nothing lost"
    );
}

#[sqlx::test]
async fn an_unchanged_csv_round_trip_changes_nothing_and_loses_nothing(db: PgPool) {
    let app = spawn(db).await;
    let c = app.user("ikt").await;
    unchanged_round_trip(&app, &c, "csv").await;
}

#[sqlx::test]
async fn an_unchanged_workbook_round_trip_changes_nothing_and_loses_nothing(db: PgPool) {
    let app = spawn(db).await;
    let c = app.user("ikt").await;
    unchanged_round_trip(&app, &c, "xlsx").await;
}

#[sqlx::test]
async fn a_measure_saved_after_the_preview_is_refused_with_who_and_when_and_the_rest_is_applied(
    db: PgPool,
) {
    let app = spawn(db).await;
    let plan = plan_id(&app).await;
    let c = app.user("ikt").await;
    let risk_id = measure_id(&app, "Ta i bruk Risk manager").await;
    let feide_id = measure_id(&app, "Innføre Feide i skole").await;
    let (risk, feide) = (risk_id.to_string(), feide_id.to_string());
    let (_, _, _, bytes) = download(&app, &c, &format!("/plan/{plan}/export.csv")).await;
    let edited = edit_csv(&bytes, |r, col| {
        if r[col("Tiltaks-ID")] == risk || r[col("Tiltaks-ID")] == feide {
            r[col("Statuskommentar")] = "Fra regnearket".into();
        }
    });
    let (_, html) = upload(&app, &c, plan, "plan.csv", edited).await;
    assert!(html.contains("2 endret"), "{html}");

    // Meanwhile the administrator saves the Risk manager measure in its form.
    let admin = app.user("admin").await;
    let mut fields = edit_form(&app, &admin, risk_id).await;
    set(&mut fields, "status_comment", "Lagret i skjemaet");
    let r = submit(&app, &admin, &format!("/measures/{risk_id}/edit"), &fields).await;
    assert_eq!(r.status(), 303);

    let page = confirm_import(&app, &c, plan, &html, &[]).await;
    let admin_name: String =
        sqlx::query_scalar("select display_name from app_user where username = 'admin'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert!(
        page.contains("Importert fra «plan.csv»: 1 endret, 61 uendret."),
        "{page}"
    );
    assert!(
        page.contains(&format!(
            "«Ta i bruk Risk manager» (endret av {admin_name} "
        )),
        "who saved it meanwhile: {page}"
    );
    assert!(page.contains("Ingenting er overskrevet."));
    let comment = |id: i64| {
        let db = app.db.clone();
        async move {
            sqlx::query_scalar::<_, Option<String>>(
                "select status_comment from measure where measure_id = $1",
            )
            .bind(id)
            .fetch_one(&db)
            .await
            .unwrap()
        }
    };
    assert_eq!(
        comment(risk_id).await.as_deref(),
        Some("Lagret i skjemaet"),
        "not overwritten"
    );
    assert_eq!(comment(feide_id).await.as_deref(), Some("Fra regnearket"));
}

#[sqlx::test]
async fn a_row_without_a_key_updates_the_measure_with_its_title_only_when_the_user_ticks_the_box(
    db: PgPool,
) {
    let app = spawn(db).await;
    let plan = plan_id(&app).await;
    let c = app.user("ikt").await;
    let feide = measure_id(&app, "Innføre Feide i skole").await;
    let strategy: String = sqlx::query_scalar(
        "select s.text from measure_strategy ms join strategy s using (strategy_id) where ms.measure_id = $1 limit 1",
    )
    .bind(feide)
    .fetch_one(&app.db)
    .await
    .unwrap();
    let csv = format!(
        "Strategi;Tiltak;Kommentar\r\n{strategy};Innføre Feide i skole;Fra kommunens eget ark\r\n"
    );

    let (_, html) = upload(&app, &c, plan, "eget.csv", csv.clone().into_bytes()).await;
    assert!(html.contains("Samme tittel"), "{html}");
    assert!(html.contains("name=\"match_titles\""), "the box to tick");
    let page = confirm_import(&app, &c, plan, &html, &[]).await;
    assert!(page.contains("1 nytt tiltak"), "{page}");
    assert_eq!(
        count(
            &app,
            "select count(*) from measure where title = 'Innføre Feide i skole'"
        )
        .await,
        2,
        "without the box: a new measure beside the old"
    );
    sqlx::query("delete from measure where title = 'Innføre Feide i skole' and measure_id <> $1")
        .bind(feide)
        .execute(&app.db)
        .await
        .unwrap();

    let (_, html) = upload(&app, &c, plan, "eget.csv", csv.into_bytes()).await;
    assert!(
        html.contains("→ Fra kommunens eget ark"),
        "what the update would change"
    );
    let page = confirm_import(&app, &c, plan, &html, &[("match_titles", "on")]).await;
    assert!(page.contains("1 endret"), "{page}");
    assert_eq!(
        count(
            &app,
            "select count(*) from measure where title = 'Innføre Feide i skole'"
        )
        .await,
        1
    );
    let comment: Option<String> =
        sqlx::query_scalar("select status_comment from measure where measure_id = $1")
            .bind(feide)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(comment.as_deref(), Some("Fra kommunens eget ark"));
}

fn windows_1252(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

#[sqlx::test]
async fn a_municipal_sheet_with_its_own_headers_status_words_amounts_and_short_years_is_understood(
    db: PgPool,
) {
    let app = spawn(db).await;
    let plan = empty_plan(&app).await;
    let s = strategies(&app).await;
    let c = app.user("ikt").await;
    let csv = format!(
        "Nr;Strategi;Tiltak;Beskrivelse;Egeninnsats;Kostnader;Finansiering;Ansvarlig;Status;Statusdato;Kommentar;Start;Slutt\r\n\
         1;{s0};Ny skjermløsning;Skjermer til møterom;7,5;12.500 kr;dekkes av gjeldende budsjett;Jan Magne;Ferdig;30.04.14;Levert;2014;06.2015\r\n\
         2;{s0};Punktum som tusenskille;;;12.500;;;Fullført;;;;\r\n\
         3;{s0};Mellomrom som tusenskille;;;12 500;;;Startet;;;03.2014;\r\n\
         4;{s0};Kroner med strek;;;kr 12 500,-;;;I gang;;;;\r\n\
         5;{s0};Ikke begynt;;;;;;Ikke påbegynt;;;;\r\n",
        s0 = s[0]
    );
    let (status, html) = upload(&app, &c, plan, "eget-ark.csv", windows_1252(&csv)).await;
    assert_eq!(status, 200);
    assert!(!html.contains("Feil i filen"), "{html}");
    assert!(html.contains("Filen har 5 tiltak: 5 nye."), "{html}");
    assert!(
        html.contains("Jan Magne Langseth <span class=\"muted\">(person, fra «Jan Magne»)</span>"),
        "the match is shown: {html}"
    );
    assert!(html.contains("Utført 30.04.2014"), "«30.04.14» is 2014");
    assert!(html.contains("kr 12 500 – dekkes av gjeldende budsjett"));
    assert!(
        html.contains("2014: Jan–Des; 2015: Kv 1–Kv 2"),
        "Start 2014 to Slutt 06.2015"
    );
    confirm_import(&app, &c, plan, &html, &[]).await;

    let rows: Vec<(String, String, Option<String>, Option<String>)> = sqlx::query_as(
        "select me.title, me.status, me.status_date::text, p.name from measure me
         left join person p on p.person_id = me.responsible_person_id
         where me.action_plan_id = $1 order by me.measure_id",
    )
    .bind(plan)
    .fetch_all(&app.db)
    .await
    .unwrap();
    let statuses: Vec<&str> = rows.iter().map(|r| r.1.as_str()).collect();
    assert_eq!(
        statuses,
        ["done", "done", "in_progress", "in_progress", "not_started"]
    );
    assert_eq!(rows[0].2.as_deref(), Some("2014-04-30"));
    assert_eq!(rows[0].3.as_deref(), Some("Jan Magne Langseth"));
    let amounts: Vec<Decimal> = sqlx::query_scalar(
        "select c.amount from measure_cost c join measure me using (measure_id)
         where me.action_plan_id = $1 order by me.measure_id",
    )
    .bind(plan)
    .fetch_all(&app.db)
    .await
    .unwrap();
    assert_eq!(
        amounts,
        vec![Decimal::from(12_500); 4],
        "every way of writing 12 500"
    );
    let (description, comment, financing): (Option<String>, Option<String>, String) = sqlx::query_as(
        "select me.description, me.status_comment, c.financing from measure me join measure_cost c using (measure_id)
         where me.title = 'Ny skjermløsning' and me.action_plan_id = $1",
    )
    .bind(plan)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(
        (
            description.as_deref(),
            comment.as_deref(),
            financing.as_str()
        ),
        (
            Some("Skjermer til møterom"),
            Some("Levert"),
            "current_budget"
        )
    );
    assert_eq!(
        count(
            &app,
            &format!(
                "select count(*) from schedule_cell s join measure me using (measure_id) where me.action_plan_id = {plan} and me.title = 'Mellomrom som tusenskille'"
            )
        )
        .await,
        1,
        "Start alone is that one period"
    );
}

#[sqlx::test]
async fn an_unknown_column_or_strategy_gets_the_nearest_known_one_offered_and_far_off_dates_are_refused(
    db: PgPool,
) {
    let app = spawn(db).await;
    let plan = empty_plan(&app).await;
    let s = strategies(&app).await;
    let c = app.user("ikt").await;
    let before = written(&app).await;
    let typo: String = s[0].replacen("e", "", 1);
    let csv = format!(
        "Strategi;Tiltak;Finanisering;Statusdato\r\n\
         {typo};Skrivefeil i strategien;;\r\n\
         {s0};Gammel dato;;30.04.94\r\n\
         {s0};Umulig dato;;31.02.14\r\n",
        s0 = s[0]
    );
    let (_, html) = upload(&app, &c, plan, "ark.csv", csv.into_bytes()).await;
    assert!(
        html.contains("Rad 1: Ukjent kolonne «Finanisering». Mente du «Finansiering»?"),
        "{html}"
    );
    assert!(
        html.contains(&format!(
            "Rad 2: Ukjent strategi «{typo}». Mente du «{}»?",
            s[0]
        )),
        "{html}"
    );
    assert!(
        html.contains("Rad 3: Statusdato: Datoen «30.04.94» (år 1994) ligger langt utenfor planperioden 2014–2016."),
        "{html}"
    );
    assert!(
        html.contains("Rad 4: Statusdato: «31.02.14» er ikke en dato."),
        "{html}"
    );
    assert_eq!(written(&app).await, before);
}

#[sqlx::test]
async fn the_measure_form_reads_norwegian_thousands_separators_like_the_import(db: PgPool) {
    let app = spawn(db).await;
    let c = app.user("ikt").await;
    let id = measure_id(&app, "Innføre Feide i skole").await;
    let mut fields = edit_form(&app, &c, id).await;
    set(&mut fields, "cost_amount_0", "12.500 kr");
    let r = submit(&app, &c, &format!("/measures/{id}/edit"), &fields).await;
    assert_eq!(r.status(), 303);
    let amount: Decimal = sqlx::query_scalar(
        "select amount from measure_cost where measure_id = $1 order by position limit 1",
    )
    .bind(id)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(amount, Decimal::from(12_500));
}

/// Issue 9: a sheet is read cell by cell and refused at the first cell past the limits, so a
/// tiny file that declares a huge sheet neither exhausts memory nor takes long.
#[sqlx::test]
async fn a_tiny_workbook_with_a_cell_at_xfd1000_is_refused_at_once_with_a_message(db: PgPool) {
    let app = spawn(db).await;
    let plan = plan_id(&app).await;
    let c = app.user("ikt").await;
    let before = written(&app).await;
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "Mål").unwrap();
    ws.write_string(999, 16_383, "langt ute").unwrap();
    let bytes = wb.save_to_buffer().unwrap();
    assert!(bytes.len() < 10_000, "the file itself is small");
    let started = std::time::Instant::now();
    let (status, html) = upload(&app, &c, plan, "plan.xlsx", bytes).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("Regnearket har innhold i kolonne XFD (høyst 200 kolonner)."),
        "{html}"
    );
    assert!(
        started.elapsed() < std::time::Duration::from_secs(3),
        "answered in {:?}",
        started.elapsed()
    );

    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "Mål").unwrap();
    ws.write_string(1_000_000, 0, "langt nede").unwrap();
    let (status, html) = upload(&app, &c, plan, "plan.xlsx", wb.save_to_buffer().unwrap()).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("Filen har for mange rader (høyst 5000)."),
        "{html}"
    );
    assert_eq!(written(&app).await, before);
}

#[sqlx::test]
async fn a_workbook_with_its_table_far_down_and_to_the_right_is_still_read(db: PgPool) {
    let app = spawn(db).await;
    let plan = empty_plan(&app).await;
    let c = app.user("ikt").await;
    let strategy = strategies(&app).await.remove(0);
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    let (top, left) = (20_000, 100);
    for (i, h) in HEADER.split(';').enumerate() {
        ws.write_string(top, left + i as u16, h).unwrap();
    }
    ws.write_string(top + 1, left + 1, &strategy).unwrap();
    ws.write_string(top + 1, left + 2, "Tiltak langt nede")
        .unwrap();
    let (status, html) = upload(&app, &c, plan, "plan.xlsx", wb.save_to_buffer().unwrap()).await;
    assert_eq!(status, 200);
    assert!(html.contains("Tiltak langt nede"), "{html}");
    assert!(
        html.contains("name=\"token\""),
        "a preview to confirm: {html}"
    );
}

#[sqlx::test]
async fn a_csv_with_a_one_megabyte_line_or_a_hundred_thousand_lines_is_refused_with_a_message(
    db: PgPool,
) {
    let app = spawn(db).await;
    let plan = plan_id(&app).await;
    let c = app.user("ikt").await;
    let before = written(&app).await;
    let long = format!("{HEADER}\n;;{};;;;;;;\n", "x".repeat(1024 * 1024));
    let started = std::time::Instant::now();
    let (status, html) = upload(&app, &c, plan, "plan.csv", long.into_bytes()).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("Linje 2 i filen er for lang (høyst 100 000 tegn)."),
        "{html}"
    );
    let many = format!("{HEADER}\n{}", ";;Tiltak;;;;;;;\n".repeat(100_000));
    let (status, html) = upload(&app, &c, plan, "plan.csv", many.into_bytes()).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("Filen har for mange rader (høyst 5000)."),
        "{html}"
    );
    assert!(
        started.elapsed() < std::time::Duration::from_secs(5),
        "answered in {:?}",
        started.elapsed()
    );
    assert_eq!(written(&app).await, before);
}

#[sqlx::test]
async fn a_plan_exported_in_nynorsk_has_nynorsk_headers_and_imports_again_without_changes(
    db: PgPool,
) {
    let app = spawn(db).await;
    choose_language(&app, "ikt", Some("nn")).await;
    let nn = app.user("ikt").await;
    let nb = app.user("admin").await;
    let plan = plan_id(&app).await;
    let before = versions(&app, plan).await;

    let (_, _, _, csv) = download(&app, &nn, &format!("/plan/{plan}/export.csv")).await;
    let text = String::from_utf8(csv.clone()).unwrap();
    let header = text.lines().next().unwrap();
    assert!(
        header.starts_with(
            "\u{feff}Tiltaks-ID;Mål;Strategi;Tiltak;Skildring;Timar;Kostnad;Ansvar;Status;Statusdato;Statuskommentar;Prioritert;"
        ),
        "{header}"
    );
    assert!(!header.contains("Beskrivelse") && !header.contains("Timer;"));
    // Status words in the reader's language too: the import reads them back (below).
    assert!(text.contains(";Ikkje starta;") && !text.contains(";Ikke startet;"));

    let (_, _, _, xlsx) = download(&app, &nn, &format!("/plan/{plan}/export.xlsx")).await;
    let rows = sheet(&xlsx);
    let names: Vec<String> = rows[2].iter().take(11).map(|d| d.to_string()).collect();
    assert_eq!(
        names,
        [
            "Tiltaks-ID",
            "Handlingsplan",
            "Strategi",
            "Skildring",
            "Timar",
            "Kostnad",
            "Ansvar",
            "Status",
            "Statusdato",
            "Statuskommentar",
            "Prioritert"
        ]
    );
    assert!(has_string(&rows, |t| t == "Ikkje starta"));
    assert!(!has_string(&rows, |t| t == "Ikke startet"));

    // Read back by a reader in either language: every measure recognised, nothing differs.
    let unchanged_nb = "Ingenting er lagret ennå. Filen har 63 tiltak: 63 uendret.";
    let unchanged_nn = "Ingenting er lagra enno. Fila har 63 tiltak: 63 uendra.";
    for (c, ext, bytes, expected) in [
        (&nb, "csv", csv.clone(), unchanged_nb),
        (&nn, "xlsx", xlsx, unchanged_nn),
        (&nn, "csv", csv, unchanged_nn),
    ] {
        let (status, html) = upload(&app, c, plan, &format!("plan.{ext}"), bytes).await;
        assert_eq!(status, 200);
        assert!(!html.contains("Feil i fil"), "{ext}: {html}");
        assert!(html.contains(expected), "{ext}: {html}");
    }
    // A changed status is described in the reader's words, and a changed priority with ja/nei.
    let text = text.replacen(";Ikkje starta;", ";Utsett;", 1);
    let (_, html) = upload(&app, &nn, plan, "plan.csv", text.clone().into_bytes()).await;
    assert!(
        html.contains("Fila har 63 tiltak: 1 endra og 62 uendra."),
        "{html}"
    );
    assert!(
        html.contains("<strong>Status:</strong> Ikkje starta → Utsett"),
        "{html}"
    );
    let (_, html) = upload(&app, &nb, plan, "plan.csv", text.into_bytes()).await;
    assert!(
        html.contains("<strong>Status:</strong> Ikke startet → Utsatt"),
        "{html}"
    );
    // The nynorsk preview says so in nynorsk.
    let (_, html) = app.text(&nn, &format!("/plan/{plan}/import")).await;
    assert!(html.contains("Førehandsvis import") && html.contains("Kolonnane i fila"));
    assert!(!html.contains("Forhåndsvis") && !html.contains("Kolonnene i filen"));
    assert_eq!(versions(&app, plan).await, before);
}
