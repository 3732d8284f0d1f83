//! Status reports to the rådmann (issue 10): rounds, writing, freezing, priority comments,
//! concurrent drafts, the comparison with the previous round, acknowledgement and who may write.

mod common;

use chrono::Datelike;
use common::*;
use reqwest::Client;
use sqlx::PgPool;

/// The round of the seeded plan due on `due` (YYYY-MM-DD).
async fn round_id(app: &TestApp, due: &str) -> i64 {
    sqlx::query_scalar("select report_round_id from report_round where due_date = $1::date")
        .bind(due)
        .fetch_one(&app.db)
        .await
        .unwrap()
}

async fn report_form(app: &TestApp, c: &Client, id: i64) -> Vec<(String, String)> {
    let (status, html) = app.text(c, &format!("/reports/{id}/edit")).await;
    assert_eq!(status, 200, "the report form opens");
    fields_of(&html, "form#report-form")
}

async fn priority_ids(app: &TestApp) -> Vec<i64> {
    sqlx::query_scalar("select measure_id from measure where priority order by measure_id")
        .fetch_all(&app.db)
        .await
        .unwrap()
}

/// The writer's form filled in: every priority measure commented, `action` save or submit.
async fn filled(app: &TestApp, c: &Client, id: i64, action: &str) -> Vec<(String, String)> {
    let mut f = report_form(app, c, id).await;
    for p in priority_ids(app).await {
        set(
            &mut f,
            &format!("comment_{p}"),
            &format!("Kommentar til {p}"),
        );
    }
    set(&mut f, "summary", "Framdriften er god.");
    set(&mut f, "action", action);
    f
}

async fn submit_round(app: &TestApp, c: &Client, id: i64, f: &[(String, String)]) -> (u16, String) {
    let r = submit(app, c, &format!("/reports/{id}/edit"), f).await;
    let status = r.status().as_u16();
    let to = location(&r);
    (
        status,
        if status == 303 {
            to
        } else {
            r.text().await.unwrap()
        },
    )
}

async fn summary_of(app: &TestApp, id: i64) -> Option<String> {
    sqlx::query_scalar("select summary from report_round where report_round_id = $1")
        .bind(id)
        .fetch_one(&app.db)
        .await
        .unwrap()
}

async fn state_of(app: &TestApp, id: i64) -> String {
    sqlx::query_scalar("select state from report_round where report_round_id = $1")
        .bind(id)
        .fetch_one(&app.db)
        .await
        .unwrap()
}

#[sqlx::test]
async fn ringebus_plan_gets_nine_rounds_from_june_2014_to_january_2017_with_its_team(db: PgPool) {
    let app = spawn(db).await;
    let rounds: Vec<(String, i32, String)> = sqlx::query_as(
        "select to_char(due_date, 'YYYY-MM-DD'), covers_year, state from report_round where action_plan_id = (select min(action_plan_id) from action_plan) order by due_date",
    )
    .fetch_all(&app.db)
    .await
    .unwrap();
    let dues: Vec<&str> = rounds.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(
        dues,
        [
            "2014-06-15",
            "2014-10-15",
            "2015-01-15",
            "2015-06-15",
            "2015-10-15",
            "2016-01-15",
            "2016-06-15",
            "2016-10-15",
            "2017-01-15"
        ]
    );
    assert_eq!(
        rounds.last().unwrap().1,
        2016,
        "January 2017 reports on 2016"
    );
    assert!(
        rounds.iter().all(|r| r.2 == "not_started"),
        "the demo has no report written"
    );

    let c = app.user("leder").await;
    let (_, html) = app
        .text(&c, &format!("/plan/{}/reports", plan_id(&app).await))
        .await;
    let text = interface_text(&html);
    assert!(
        html.contains("Magnus Rønningen"),
        "the responsible person is shown"
    );
    for helper in ["Jan Magne Langseth", "Ola Morset", "Arild Kongsrud"] {
        assert!(html.contains(helper), "{helper} is a helper");
    }
    // 2014–2016 ended long ago: the rounds are not delivered rather than late.
    assert!(text.contains("Ikke levert"));
    assert!(
        !text.contains("For sent"),
        "a closed plan's rounds are never «late»"
    );
    assert!(text.contains("Planperioden er over: 0 av 9 rapporter ble levert."));
    let (_, home) = app.text(&c, "/").await;
    assert!(
        !interface_text(&home).contains("For sent"),
        "nor on the start page"
    );
}

#[sqlx::test]
async fn a_new_running_plan_gets_its_rounds_and_the_start_page_says_which_is_next_and_that_it_is_late(
    db: PgPool,
) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    let year = chrono::Utc::now().year();
    let doc: i64 = sqlx::query_scalar("select strategy_document_id from strategy_document")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let r = app
        .post(
            &ikt,
            "/plan/new",
            &[
                ("name", "Handlingsplan løpende"),
                ("start_year", &(year - 1).to_string()),
                ("end_year", &(year + 1).to_string()),
                ("document", &doc.to_string()),
            ],
        )
        .await;
    assert_eq!(r.status(), 303, "the plan is made");
    let plan: i64 = sqlx::query_scalar(
        "select action_plan_id from action_plan where name = 'Handlingsplan løpende'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let count: i64 =
        sqlx::query_scalar("select count(*) from report_round where action_plan_id = $1")
            .bind(plan)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(count, 9, "three years, three rounds each");
    // June of last year is the earliest not submitted, and long past.
    let (_, home) = app.text(&ikt, "/").await;
    let text = interface_text(&home);
    assert!(text.contains(&format!("Juni {}", year - 1)), "{text}");
    assert!(
        text.contains("For sent: ikke levert"),
        "late is said in words: {text}"
    );
    // The writers get the reminder in the app too (without SMTP it is the only one).
    assert!(
        text.contains(&format!(
            "Påminnelse: statusrapporten for Juni {}",
            year - 1
        )),
        "{text}"
    );
    let leder = app.user("leder").await;
    // The rådmann's start page is the dashboard.
    let (_, theirs) = app.text(&leder, "/dashboard").await;
    assert!(
        interface_text(&theirs).contains("For sent"),
        "the rådmann sees it is late"
    );
    assert!(
        !interface_text(&theirs).contains("Påminnelse"),
        "but is not the one reminded"
    );
    let (_, page) = app.text(&ikt, &format!("/plan/{plan}")).await;
    assert!(interface_text(&page).contains("Neste statusrapport:"));
}

#[sqlx::test]
async fn submitting_without_a_comment_on_every_priority_measure_is_refused_naming_them_and_the_draft_is_kept(
    db: PgPool,
) {
    let app = spawn(db).await;
    let c = app.user("ikt").await;
    let id = round_id(&app, "2014-06-15").await;
    let mut f = report_form(&app, &c, id).await;
    set(&mut f, "summary", "Mye er gjort.");
    for p in priority_ids(&app).await {
        set(&mut f, &format!("comment_{p}"), "");
    }
    set(&mut f, "action", "submit");
    let (status, html) = submit_round(&app, &c, id, &f).await;
    assert_eq!(status, 200);
    let text = interface_text(&html);
    assert!(text.contains("Rapporten ble ikke levert"), "{text}");
    assert!(
        html.contains("«Utarbeide mini-ROS innen IKT»"),
        "the message names the measures"
    );
    assert!(text.contains("Utkastet er lagret."));
    assert!(html.contains("Mye er gjort."), "the input is kept");
    assert_eq!(state_of(&app, id).await, "draft");
    assert_eq!(summary_of(&app, id).await.as_deref(), Some("Mye er gjort."));
}

#[sqlx::test]
async fn a_submitted_report_is_frozen_so_later_edits_of_a_measure_change_neither_its_rows_nor_its_totals(
    db: PgPool,
) {
    let app = spawn(db).await;
    let c = app.user("ikt").await;
    let id = round_id(&app, "2014-06-15").await;
    let f = filled(&app, &c, id, "submit").await;
    let (status, to) = submit_round(&app, &c, id, &f).await;
    assert_eq!(
        (status, to.as_str()),
        (303, format!("/reports/{id}").as_str())
    );
    assert_eq!(state_of(&app, id).await, "submitted");
    let (_, before) = app.text(&c, &format!("/reports/{id}")).await;
    assert!(before.contains("1 281 t"), "the report's total hours");

    // Someone renames a measure and changes its hours afterwards.
    let feide = measure_id(&app, "Innføre Feide i skole").await;
    let mut e = edit_form(&app, &c, feide).await;
    set(&mut e, "title", "Feide i skolen, utvidet");
    set(&mut e, "hours", "999");
    let r = submit(&app, &c, &format!("/measures/{feide}/edit"), &e).await;
    assert_eq!(r.status(), 303, "the measure is saved");
    let (_, after) = app.text(&c, &format!("/reports/{id}")).await;
    assert!(
        after.contains("Innføre Feide i skole"),
        "the report keeps the old title"
    );
    assert!(!after.contains("Feide i skolen, utvidet"));
    assert!(after.contains("1 281 t"), "and its totals");
    assert!(!after.contains("2 2"), "no new total crept in");
    // The plan itself moved on.
    let (_, plan) = app
        .text(&c, &format!("/plan/{}", plan_id(&app).await))
        .await;
    assert!(plan.contains("Feide i skolen, utvidet"));
}

#[sqlx::test]
async fn submitting_writes_the_reported_statuses_back_to_the_measures_in_one_audited_act(
    db: PgPool,
) {
    let app = spawn(db).await;
    let c = app.user("ikt").await;
    let id = round_id(&app, "2014-06-15").await;
    let ros = measure_id(&app, "Utarbeide mini-ROS innen IKT").await;
    let mut f = filled(&app, &c, id, "submit").await;
    set(&mut f, &format!("status_{ros}"), "in_progress");
    set(&mut f, &format!("comment_{ros}"), "Arbeidsgruppe nedsatt");
    let (status, _) = submit_round(&app, &c, id, &f).await;
    assert_eq!(status, 303);
    let (s, comment): (String, Option<String>) =
        sqlx::query_as("select status, status_comment from measure where measure_id = $1")
            .bind(ros)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(
        (s.as_str(), comment.as_deref()),
        ("in_progress", Some("Arbeidsgruppe nedsatt"))
    );
    let events: i64 = sqlx::query_scalar("select count(*) from audit_event where kind = 'report'")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(events, 1, "one act in the log");
    let in_event: i64 = sqlx::query_scalar(
        "select count(*) from audit_log where table_name = 'measure' and record_id = $1 and audit_event_id is not null",
    )
    .bind(ros)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(in_event, 1, "the measure's change belongs to it");
}

#[sqlx::test]
async fn two_writers_at_once_never_overwrite_each_other_silently(db: PgPool) {
    let app = spawn(db).await;
    let a = app.user("ikt").await;
    let b = app.user("rad").await;
    let id = round_id(&app, "2014-10-15").await;
    let mut fa = report_form(&app, &a, id).await;
    let mut fb = report_form(&app, &b, id).await;
    set(&mut fa, "summary", "Skrevet av Magnus");
    set(&mut fa, "action", "save");
    assert_eq!(submit_round(&app, &a, id, &fa).await.0, 303);
    set(&mut fb, "summary", "Skrevet av Arild");
    set(&mut fb, "action", "save");
    let (status, html) = submit_round(&app, &b, id, &fb).await;
    assert_eq!(status, 200, "the second save is refused");
    assert!(
        interface_text(&html).contains("Magnus Rønningen lagret rapporten"),
        "names who saved"
    );
    assert!(html.contains("Skrevet av Arild"), "the input is kept");
    assert_eq!(
        summary_of(&app, id).await.as_deref(),
        Some("Skrevet av Magnus")
    );
    // Saving again from the refused form is deliberate and wins.
    let again = fields_of(&html, "form#report-form");
    let mut again = again;
    set(&mut again, "action", "save");
    assert_eq!(submit_round(&app, &b, id, &again).await.0, 303);
    assert_eq!(
        summary_of(&app, id).await.as_deref(),
        Some("Skrevet av Arild")
    );
}

#[sqlx::test]
async fn a_measure_changed_after_the_report_took_its_row_makes_the_writer_choose(db: PgPool) {
    let app = spawn(db).await;
    let c = app.user("ikt").await;
    let id = round_id(&app, "2014-06-15").await;
    let ros = measure_id(&app, "Utarbeide mini-ROS innen IKT").await;
    let mut f = filled(&app, &c, id, "submit").await;
    set(&mut f, &format!("status_{ros}"), "postponed");
    // Meanwhile someone sets the measure in progress on the progress plan.
    let (_, page) = app.text(&c, &format!("/measures/{ros}")).await;
    let version = page
        .split("name=\"version\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap()
        .to_string();
    let r = app
        .post(
            &c,
            &format!("/measures/{ros}/status"),
            &[
                ("status", "in_progress"),
                ("version", &version),
                ("comment", "Startet"),
                ("return_to", "measure"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let (status, html) = submit_round(&app, &c, id, &f).await;
    assert_eq!(status, 200, "not submitted: the writer must choose");
    let text = interface_text(&html);
    assert!(
        text.contains("Noen tiltak er endret siden rapporten hentet dem"),
        "{text}"
    );
    assert!(text.contains("Tiltakets nå: Pågår"));
    assert!(text.contains("Rapportens: Utsatt"));
    assert_eq!(state_of(&app, id).await, "draft");
    // The writer keeps the measure's status.
    let mut again = fields_of(&html, "form#report-form");
    set(&mut again, &format!("choice_{ros}"), "measure");
    set(&mut again, "action", "submit");
    let (status, _) = submit_round(&app, &c, id, &again).await;
    assert_eq!(status, 303);
    let (row_status, measure_status): (String, String) = sqlx::query_as(
        "select rr.status, me.status from report_row rr join measure me using (measure_id) where rr.report_round_id = $1 and rr.measure_id = $2",
    )
    .bind(id)
    .bind(ros)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(
        (row_status.as_str(), measure_status.as_str()),
        ("in_progress", "in_progress")
    );
}

#[sqlx::test]
async fn the_next_report_shows_what_changed_since_the_previous_round_and_each_measures_trail(
    db: PgPool,
) {
    let app = spawn(db).await;
    let c = app.user("ikt").await;
    let june = round_id(&app, "2014-06-15").await;
    let october = round_id(&app, "2014-10-15").await;
    let ros = measure_id(&app, "Utarbeide mini-ROS innen IKT").await;
    let mut f = filled(&app, &c, june, "submit").await;
    set(&mut f, &format!("status_{ros}"), "in_progress");
    assert_eq!(submit_round(&app, &c, june, &f).await.0, 303);
    // A measure is added to the plan between the rounds, and mini-ROS is finished.
    let plan = plan_id(&app).await;
    let (_, new) = app.text(&c, &format!("/plan/{plan}/measures/new")).await;
    let mut m = form_fields(&new);
    set(&mut m, "title", "Nytt tiltak etter juni");
    let r = submit(&app, &c, &format!("/plan/{plan}/measures"), &m).await;
    assert_eq!(r.status(), 303, "the new measure is saved");
    let mut f = filled(&app, &c, october, "submit").await;
    set(&mut f, &format!("status_{ros}"), "done");
    set(&mut f, &format!("date_{ros}"), "2014-09-30");
    assert_eq!(submit_round(&app, &c, october, &f).await.0, 303);
    let (_, html) = app.text(&c, &format!("/reports/{october}")).await;
    let text = interface_text(&html);
    assert!(
        text.contains("Sammenlignet med den leverte rapporten for Juni 2014."),
        "{text}"
    );
    assert!(text.contains("Utført siden sist (1 tiltak)"), "{text}");
    assert!(text.contains("Pågår → Utført"));
    assert!(text.contains("Nye tiltak (1)"));
    assert!(html.contains("Nytt tiltak etter juni"));
    assert!(text.contains("Forsinket: planlagte perioder er passert"));
    // The trail has both rounds as columns.
    assert!(text.contains("Status per tiltak gjennom rundene"));
    let trail = html.split("class=\"ds-table trail\"").nth(1).unwrap();
    assert!(trail.contains("Juni 2014") && trail.contains("Oktober 2014"));
}

#[sqlx::test]
async fn only_the_radmann_takes_a_report_til_orientering_and_the_responsible_person_sees_it(
    db: PgPool,
) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    let id = round_id(&app, "2014-06-15").await;
    let f = filled(&app, &ikt, id, "submit").await;
    assert_eq!(submit_round(&app, &ikt, id, &f).await.0, 303);
    for role in ["ikt", "admin", "rad", "superbruker"] {
        let c = app.user(role).await;
        let r = app
            .post(
                &c,
                &format!("/reports/{id}/acknowledge"),
                &[("comment", "x")],
            )
            .await;
        assert_eq!(r.status(), 403, "{role} may not acknowledge");
    }
    assert_eq!(state_of(&app, id).await, "submitted");
    let leder = app.user("leder").await;
    let (_, page) = app.text(&leder, &format!("/reports/{id}")).await;
    assert!(interface_text(&page).contains("Ta rapporten til orientering"));
    let r = app
        .post(
            &leder,
            &format!("/reports/{id}/acknowledge"),
            &[("comment", "Bra arbeid")],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(state_of(&app, id).await, "acknowledged");
    let (_, home) = app.text(&ikt, "/").await;
    let text = interface_text(&home);
    assert!(
        text.contains("Rapporten for Juni 2014 er tatt til orientering"),
        "{text}"
    );
    assert!(home.contains("Bra arbeid"));
    // Twice is refused with a message, not an error.
    let r = app
        .post(&leder, &format!("/reports/{id}/acknowledge"), &[])
        .await;
    assert_eq!(r.status(), 303);
    // A draft cannot be acknowledged.
    let other = round_id(&app, "2014-10-15").await;
    app.post(&leder, &format!("/reports/{other}/acknowledge"), &[])
        .await;
    assert_eq!(state_of(&app, other).await, "not_started");
}

#[sqlx::test]
async fn the_responsible_person_helpers_and_ikt_write_while_others_only_read(db: PgPool) {
    let app = spawn(db).await;
    let id = round_id(&app, "2014-06-15").await;
    for (role, expected) in [
        ("ikt", 200),
        ("admin", 200),
        ("rad", 200),
        ("leder", 403),
        ("superbruker", 403),
    ] {
        let c = app.user(role).await;
        let (status, _) = app.text(&c, &format!("/reports/{id}/edit")).await;
        assert_eq!(status, expected, "{role}");
        let (status, _) = app.text(&c, &format!("/reports/{id}")).await;
        assert_eq!(status, 200, "{role} reads the report");
    }
    // Arild Kongsrud (rad) writes only as a helper: taken off the team, he may not.
    let ikt = app.user("ikt").await;
    let plan = plan_id(&app).await;
    let (_, page) = app.text(&ikt, &format!("/plan/{plan}/reports")).await;
    let mut team = fields_of(&page, "form[action$=\"/reports/team\"]");
    let arild: i64 =
        sqlx::query_scalar("select person_id from person where name = 'Arild Kongsrud'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    team.retain(|(k, v)| !(k == "helpers" && *v == arild.to_string()));
    let r = submit(&app, &ikt, &format!("/plan/{plan}/reports/team"), &team).await;
    assert_eq!(r.status(), 303);
    let rad = app.user("rad").await;
    let (status, _) = app.text(&rad, &format!("/reports/{id}/edit")).await;
    assert_eq!(status, 403);
    assert!(
        app.audit_count("report_team", plan).await >= 2,
        "the team change is audited"
    );
    // Another municipality sees none of it.
    let other = app.other_municipality().await;
    assert_eq!(app.text(&other, &format!("/reports/{id}")).await.0, 404);
}

#[sqlx::test]
async fn ikt_staff_add_move_and_cancel_rounds_and_a_taken_date_is_refused_beside_the_field(
    db: PgPool,
) {
    let app = spawn(db).await;
    let c = app.user("ikt").await;
    let plan = plan_id(&app).await;
    let r = app
        .post(
            &c,
            &format!("/plan/{plan}/reports/rounds"),
            &[("due", "2015-03-01")],
        )
        .await;
    assert_eq!(r.status(), 303);
    let extra = round_id(&app, "2015-03-01").await;
    let r = app
        .post(
            &c,
            &format!("/plan/{plan}/reports/rounds"),
            &[("due", "2015-03-01")],
        )
        .await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(html.contains("En annen runde i planen har allerede den fristen."));
    assert!(html.contains("value=\"2015-03-01\""), "the input is kept");
    let r = app
        .post(
            &c,
            &format!("/plan/{plan}/reports/rounds"),
            &[("due", "31.02.2015")],
        )
        .await;
    assert_eq!(r.status(), 200, "a date that does not exist gets a message");
    // Move the extra round, then cancel it.
    let version = |app: &TestApp| {
        let db = app.db.clone();
        async move {
            sqlx::query_scalar::<_, i32>(
                "select version from report_round where report_round_id = $1",
            )
            .bind(extra)
            .fetch_one(&db)
            .await
            .unwrap()
            .to_string()
        }
    };
    let v = version(&app).await;
    let r = app
        .post(
            &c,
            &format!("/reports/{extra}/schedule"),
            &[("due", "2015-03-10"), ("version", &v), ("action", "move")],
        )
        .await;
    assert_eq!(r.status(), 303);
    let v = version(&app).await;
    app.post(
        &c,
        &format!("/reports/{extra}/schedule"),
        &[("due", ""), ("version", &v), ("action", "cancel")],
    )
    .await;
    let (due, cancelled): (String, bool) = sqlx::query_as(
        "select to_char(due_date, 'YYYY-MM-DD'), cancelled from report_round where report_round_id = $1",
    )
    .bind(extra)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!((due.as_str(), cancelled), ("2015-03-10", true));
    let (_, list) = app.text(&c, &format!("/plan/{plan}/reports")).await;
    assert!(interface_text(&list).contains("Avlyst"));
    assert!(app.audit_count("report_round", extra).await >= 3);
}

#[sqlx::test]
async fn the_report_exports_to_a_workbook_laid_out_like_the_printed_one(db: PgPool) {
    let app = spawn(db).await;
    let c = app.user("ikt").await;
    let id = round_id(&app, "2014-06-15").await;
    let f = filled(&app, &c, id, "submit").await;
    assert_eq!(submit_round(&app, &c, id, &f).await.0, 303);
    let r = app.get(&c, &format!("/reports/{id}/export.xlsx")).await;
    assert_eq!(r.status(), 200);
    assert!(location(&r).is_empty());
    let bytes = r.bytes().await.unwrap();
    use calamine::{Reader, Xlsx};
    let mut wb: Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let sheet = wb.worksheet_range("Statusrapport").unwrap();
    let cells: Vec<String> = sheet
        .rows()
        .flat_map(|r| r.iter().map(|c| c.to_string()))
        .collect();
    assert!(
        cells
            .iter()
            .any(|c| c.contains("Ringebu") && c.contains("Statusrapport til rådmannen"))
    );
    assert!(
        cells.iter().any(|c| c == "Framdriften er god."),
        "the summary"
    );
    assert!(
        cells
            .iter()
            .any(|c| c == "Kommentarer til de prioriterte tiltakene")
    );
    assert!(cells.iter().any(|c| c == "Utarbeide mini-ROS innen IKT"));
    assert!(cells.iter().any(|c| c == "1281"), "the total hours");
}

#[sqlx::test]
async fn a_nynorsk_reader_gets_the_report_pages_in_nynorsk(db: PgPool) {
    let app = spawn(db).await;
    choose_language(&app, "leder", Some("nn")).await;
    let c = app.user("leder").await;
    let plan = plan_id(&app).await;
    let (_, html) = app.text(&c, &format!("/plan/{plan}/reports")).await;
    let text = interface_text(&html);
    assert!(text.contains("Statusrapportar til rådmannen"), "{text}");
    assert!(text.contains("Ikkje levert"));
    let id = round_id(&app, "2014-06-15").await;
    let (_, html) = app.text(&c, &format!("/reports/{id}")).await;
    let text = interface_text(&html);
    assert!(text.contains("Endringar sidan førre runde"));
    for word in ["ikke", "Endringer", "Ansvarlig"] {
        assert!(!has_words(&text, word), "bokmål «{word}» on a nynorsk page");
    }
}
