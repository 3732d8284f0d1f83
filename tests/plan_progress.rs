//! Issue 3: the progress plan, its totals and filters, status updates, the measure page.

mod common;

use common::*;
use rust_decimal::Decimal;
use sqlx::PgPool;

/// The row's status form fields for a measure on the progress page.
fn version_on_page(html: &str, measure: i64) -> String {
    let action = format!("action=\"/measures/{measure}/status\"");
    let at = html.find(&action).expect("status form for the measure");
    let rest = &html[at..];
    let marker = "name=\"version\" value=\"";
    let s = rest.find(marker).unwrap() + marker.len();
    rest[s..s + rest[s..].find('"').unwrap()].to_string()
}

#[sqlx::test]
async fn the_progress_plan_shows_every_measure_and_totals_matching_the_document(db: PgPool) {
    let app = spawn(db).await;
    let c = app.user("leder").await;
    let id = plan_id(&app).await;
    let (status, html) = app.text(&c, &format!("/plan/{id}")).await;
    assert_eq!(status, 200);
    let measures: i64 =
        sqlx::query_scalar("select count(*) from measure where action_plan_id = $1")
            .bind(id)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert!(html.contains(&format!("Viser {measures} av {measures} tiltak")));
    // The seeded Ringebu plan: hours and known cost summed once per measure.
    let (hours, cost): (Decimal, Decimal) = sqlx::query_as(
        "select (select sum(hours) from measure), (select sum(amount) from measure_cost)",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(hours, Decimal::from(1281));
    assert_eq!(cost, Decimal::from(1_438_784));
    assert!(
        html.contains("<strong>1 281 t</strong>"),
        "hours total as Norwegian number"
    );
    assert!(
        html.contains("<strong>kr 1 438 784</strong>"),
        "cost total as kroner"
    );
    assert!(
        html.contains("kr 34 984"),
        "Feide's cost as in the document"
    );
    assert!(html.contains("7,5"), "decimal hours keep their comma");
    for month in ["Jan", "Des", "Kv 1", "Kv 4"] {
        assert!(
            html.contains(&format!(">{month}</th>")),
            "period column {month}"
        );
    }
}

#[sqlx::test]
async fn a_measure_serving_two_strategies_is_listed_under_both_but_counted_once(db: PgPool) {
    let app = spawn(db).await;
    let c = app.user("ikt").await;
    let id = plan_id(&app).await;
    let shared = measure_id(&app, "Etablere IKT-styre i Midt-Gudbrandsdal").await;
    let strategies: i64 =
        sqlx::query_scalar("select count(*) from measure_strategy where measure_id = $1")
            .bind(shared)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(strategies, 2);
    let (_, html) = app.text(&c, &format!("/plan/{id}")).await;
    assert_eq!(
        html.matches(&format!("href=\"/measures/{shared}\""))
            .count(),
        2,
        "one row per strategy"
    );
    assert!(html.contains("telles én gang i totalene"));
    // Filter down to just that measure: 25 hours, once.
    let (_, html) = app
        .text(
            &c,
            &format!("/plan/{id}?responsible=text%3AR%C3%A5dmannen+%2F+SU"),
        )
        .await;
    assert!(
        html.contains("<strong>25 t</strong>"),
        "25 hours counted once, not 50"
    );
}

#[sqlx::test]
async fn filters_narrow_the_rows_and_the_totals(db: PgPool) {
    let app = spawn(db).await;
    let c = app.user("rad").await;
    let id = plan_id(&app).await;
    let (_, html) = app.text(&c, &format!("/plan/{id}?priority=1")).await;
    assert!(html.contains("Viser 5 av"), "the five priority measures");
    let (_, html) = app
        .text(&c, &format!("/plan/{id}?financing=requires_appropriation"))
        .await;
    assert!(html.contains("<strong>kr 1 020 000</strong>"));
    let (_, html) = app.text(&c, &format!("/plan/{id}?status=done")).await;
    let done: i64 = sqlx::query_scalar("select count(*) from measure where status = 'done'")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert!(html.contains(&format!("Viser {done} av")));
    let (_, html) = app
        .text(&c, &format!("/plan/{id}?year=2016&status=cancelled"))
        .await;
    assert!(html.contains("Ingen tiltak passer filteret"));
    // Nonsense filter values are ignored rather than failing.
    assert_eq!(
        app.text(&c, &format!("/plan/{id}?year=abc&strategy=x"))
            .await
            .0,
        200
    );
}

#[sqlx::test]
async fn ikt_staff_change_a_status_from_the_progress_plan_and_come_back_to_the_row(db: PgPool) {
    let app = spawn(db).await;
    let c = app.user("ikt").await;
    let id = plan_id(&app).await;
    let feide = measure_id(&app, "Utarbeide mini-ROS innen IKT").await;
    let (_, html) = app.text(&c, &format!("/plan/{id}?priority=1")).await;
    let version = version_on_page(&html, feide);
    let r = app
        .post(
            &c,
            &format!("/measures/{feide}/status"),
            &[
                ("status", "done"),
                ("status_date", "2014-06-15"),
                ("comment", "Mini-ROS vedtatt i RLT"),
                ("version", &version),
                ("strategy", "2"),
                ("filter", "priority=1"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), format!("/plan/{id}?priority=1#m-{feide}-s2"));
    let (_, html) = app.text(&c, &location(&r)).await;
    assert!(html.contains("Statusen er lagret."));
    assert!(html.contains("Utført 15.06.2014"));
    assert!(html.contains("Mini-ROS vedtatt i RLT"));
    let (status, changes): (String, i64) = sqlx::query_as(
        "select status, (select count(*) from measure_status_change where measure_id = $1) from measure where measure_id = $1",
    )
    .bind(feide)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(
        (status.as_str(), changes),
        ("done", 2),
        "status saved and added to the timeline"
    );
    let after: serde_json::Value = sqlx::query_scalar("select after from audit_log where table_name = 'measure' and record_id = $1 and action = 'update'")
        .bind(feide)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(after["status"], "Utført");
}

#[sqlx::test]
async fn with_htmx_the_status_update_answers_with_just_the_updated_row(db: PgPool) {
    let app = spawn(db).await;
    let c = app.user("ikt").await;
    let feide = measure_id(&app, "Utarbeide mini-ROS innen IKT").await;
    let r = c
        .post(app.url(&format!("/measures/{feide}/status")))
        .header("hx-request", "true")
        .form(&[
            ("status", "in_progress"),
            ("comment", "Pilot på Fåvang"),
            ("version", "1"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(
        html.trim_start().starts_with("<tr"),
        "a row fragment, not a page"
    );
    assert!(html.contains("Lagret: Pågår."));
    assert!(html.contains("Pilot på Fåvang"));
    assert!(
        html.contains("name=\"version\" value=\"2\""),
        "the row carries the new version"
    );
}

#[sqlx::test]
async fn a_stale_status_form_is_refused_and_says_who_changed_the_measure(db: PgPool) {
    let app = spawn(db).await;
    let first = app.user("ikt").await;
    let second = app.user("admin").await;
    let feide = measure_id(&app, "Utarbeide mini-ROS innen IKT").await;
    let r = app
        .post(
            &first,
            &format!("/measures/{feide}/status"),
            &[
                ("status", "in_progress"),
                ("comment", "Første"),
                ("version", "1"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let r = app
        .post(
            &second,
            &format!("/measures/{feide}/status"),
            &[
                ("status", "postponed"),
                ("comment", "Andre"),
                ("version", "1"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let (_, html) = app.text(&second, &location(&r)).await;
    assert!(
        html.contains("Tiltaket ble endret av Magnus Rønningen"),
        "names who saved first"
    );
    assert!(
        html.contains("«Utsatt», «Andre»"),
        "repeats what was not saved"
    );
    let comment: String =
        sqlx::query_scalar("select status_comment from measure where measure_id = $1")
            .bind(feide)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(comment, "Første", "nothing silently overwritten");
}

#[sqlx::test]
async fn a_bad_status_date_gets_a_message_and_changes_nothing(db: PgPool) {
    let app = spawn(db).await;
    let c = app.user("ikt").await;
    let feide = measure_id(&app, "Utarbeide mini-ROS innen IKT").await;
    let r = app
        .post(
            &c,
            &format!("/measures/{feide}/status"),
            &[
                ("status", "done"),
                ("status_date", "31.02.2014"),
                ("version", "1"),
            ],
        )
        .await;
    let (_, html) = app.text(&c, &location(&r)).await;
    assert!(html.contains("Statusdato: Skriv datoen som dd.mm.åååå."));
    let r = app
        .post(
            &c,
            &format!("/measures/{feide}/status"),
            &[("status", "ferdig-ish"), ("version", "1")],
        )
        .await;
    let (_, html) = app.text(&c, &location(&r)).await;
    assert!(html.contains("Velg en status fra listen."));
    let version: i32 = sqlx::query_scalar("select version from measure where measure_id = $1")
        .bind(feide)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(version, 1);
}

#[sqlx::test]
async fn marking_a_measure_done_without_a_date_keeps_it_without_one(db: PgPool) {
    // The rule changed on purpose (one rule for the form, the row and the import): a
    // completion date is optional; the form offers today's date, the server never guesses one.
    let app = spawn(db).await;
    let c = app.user("ikt").await;
    let feide = measure_id(&app, "Utarbeide mini-ROS innen IKT").await;
    app.post(
        &c,
        &format!("/measures/{feide}/status"),
        &[("status", "done"), ("version", "1")],
    )
    .await;
    let (status, date): (String, Option<chrono::NaiveDate>) =
        sqlx::query_as("select status, status_date from measure where measure_id = $1")
            .bind(feide)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!((status.as_str(), date), ("done", None));
}

#[sqlx::test]
async fn readers_see_no_status_forms_and_cannot_post_one(db: PgPool) {
    let app = spawn(db).await;
    let id = plan_id(&app).await;
    let feide = measure_id(&app, "Utarbeide mini-ROS innen IKT").await;
    for reader in ["leder", "rad", "superbruker"] {
        let c = app.user(reader).await;
        let (status, html) = app.text(&c, &format!("/plan/{id}")).await;
        assert_eq!(status, 200);
        assert!(!html.contains("/status\""), "{reader} sees no status form");
        assert!(!html.contains("Nytt tiltak"));
        let r = app
            .post(
                &c,
                &format!("/measures/{feide}/status"),
                &[("status", "done"), ("version", "1")],
            )
            .await;
        assert_eq!(r.status(), 403, "{reader} may not change status");
    }
    let status: String = sqlx::query_scalar("select status from measure where measure_id = $1")
        .bind(feide)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(status, "not_started");
}

#[sqlx::test]
async fn the_measure_page_shows_every_field_the_timeline_and_the_history(db: PgPool) {
    let app = spawn(db).await;
    let c = app.user("ikt").await;
    let feide = measure_id(&app, "Utarbeide mini-ROS innen IKT").await;
    app.post(
        &c,
        &format!("/measures/{feide}/status"),
        &[
            ("status", "in_progress"),
            ("comment", "Avtale signert"),
            ("version", "1"),
        ],
    )
    .await;
    let (status, html) = app.text(&c, &format!("/measures/{feide}")).await;
    assert_eq!(status, 200);
    for text in [
        "Utarbeide mini-ROS innen IKT",
        "80 timer",
        "Statusforløp",
        "Avtale signert",
        "Historikk",
        "Opprettet",
        "Endret",
        "Prioritert tiltak",
    ] {
        assert!(html.contains(text), "measure page shows {text}");
    }
}

#[sqlx::test]
async fn plans_of_another_municipality_are_not_found_by_guessing_ids(db: PgPool) {
    let app = spawn(db).await;
    let other = app.other_municipality().await;
    let id = plan_id(&app).await;
    let feide = measure_id(&app, "Utarbeide mini-ROS innen IKT").await;
    assert_eq!(app.text(&other, &format!("/plan/{id}")).await.0, 404);
    assert_eq!(app.text(&other, &format!("/measures/{feide}")).await.0, 404);
    assert_eq!(
        app.post(
            &other,
            &format!("/measures/{feide}/status"),
            &[("status", "done"), ("version", "1")]
        )
        .await
        .status(),
        404
    );
    let (_, list) = app.text(&other, "/plan").await;
    assert!(list.contains("Kommunen har ingen handlingsplan ennå."));
    assert!(!list.contains("2014–2016"));
}

#[sqlx::test]
async fn a_new_plan_needs_a_name_and_sensible_years(db: PgPool) {
    let app = spawn(db).await;
    let c = app.user("ikt").await;
    let r = app
        .post(
            &c,
            "/plan/new",
            &[
                ("name", ""),
                ("start_year", "2017"),
                ("end_year", "2015"),
                ("document", "1"),
            ],
        )
        .await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(html.contains("Skriv et navn på planen"));
    assert!(html.contains("Siste år kan ikke være før første år."));
    assert!(html.contains("value=\"2017\""), "input kept");
    let doc: i64 = sqlx::query_scalar("select strategy_document_id from strategy_document")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let r = app
        .post(
            &c,
            "/plan/new",
            &[
                ("name", "Handlingsplan IKT 2017–2019"),
                ("start_year", "2017"),
                ("end_year", "2019"),
                ("document", &doc.to_string()),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let (_, html) = app.text(&c, &location(&r)).await;
    assert!(html.contains("Handlingsplanen «Handlingsplan IKT 2017–2019» er opprettet."));
    assert!(html.contains("Ingen tiltak er lagt inn i planen ennå."));
    let n: i64 =
        sqlx::query_scalar("select count(*) from audit_log where table_name = 'action_plan'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(n, 1);
    let reader = app.user("leder").await;
    assert_eq!(app.text(&reader, "/plan/new").await.0, 403);
    assert_eq!(
        app.post(
            &reader,
            "/plan/new",
            &[("name", "X"), ("start_year", "2020"), ("end_year", "2021")]
        )
        .await
        .status(),
        403
    );
}

#[sqlx::test]
async fn every_plan_page_redirects_a_logged_out_visitor_to_login(db: PgPool) {
    let app = spawn(db).await;
    let c = client();
    let id = plan_id(&app).await;
    for path in [
        "/plan".to_string(),
        "/plan/new".into(),
        format!("/plan/{id}"),
        "/measures/1".into(),
    ] {
        let r = app.get(&c, &path).await;
        assert_eq!(r.status(), 303, "{path}");
        assert!(location(&r).starts_with("/login"), "{path}");
    }
}

#[sqlx::test]
async fn a_change_made_directly_in_the_database_shows_on_the_next_page_load(db: PgPool) {
    let app = spawn(db).await;
    let c = app.user("leder").await;
    let id = plan_id(&app).await;
    let (_, before) = app.text(&c, &format!("/plan/{id}")).await;
    assert!(before.contains("Magnus Rønningen"));
    sqlx::query("update person set name = 'Magnus R. (IKT-leder)' where name = 'Magnus Rønningen'")
        .execute(&app.db)
        .await
        .unwrap();
    let (_, after) = app.text(&c, &format!("/plan/{id}")).await;
    assert!(
        after.contains("Magnus R. (IKT-leder)"),
        "the cached plan was reloaded"
    );
}

#[sqlx::test]
async fn a_long_plan_is_split_into_pages_and_can_be_shown_whole_for_printing(db: PgPool) {
    let app = spawn(db).await;
    let c = app.user("leder").await;
    let id = plan_id(&app).await;
    sqlx::query(
        "insert into measure (municipality_id, action_plan_id, title, hours)
         select municipality_id, action_plan_id, 'Ekstra tiltak ' || n, 1 from action_plan, generate_series(1, 120) n where action_plan_id = $1",
    )
    .bind(id)
    .execute(&app.db)
    .await
    .unwrap();
    let (_, first) = app.text(&c, &format!("/plan/{id}")).await;
    let rows: i64 = sqlx::query_scalar(
        "select count(*) from measure me left join measure_strategy ms using (measure_id) where me.action_plan_id = $1",
    )
    .bind(id)
    .fetch_one(&app.db)
    .await
    .unwrap();
    let pages = (rows + 49) / 50;
    assert!(
        first.contains(&format!("Side 1 av {pages} ({rows} rader)")),
        "50 rows a page once a plan is long"
    );
    assert!(
        first.contains("<strong>1 401 t</strong>"),
        "totals cover every page"
    );
    let (_, last) = app.text(&c, &format!("/plan/{id}?page={pages}")).await;
    assert!(last.contains("Ekstra tiltak 120") && !first.contains("Ekstra tiltak 120"));
    let (_, all) = app.text(&c, &format!("/plan/{id}?all=1")).await;
    assert!(all.contains("Ekstra tiltak 1<") && all.contains("Ekstra tiltak 120"));
    assert_eq!(
        app.text(&c, &format!("/plan/{id}?page=99")).await.0,
        200,
        "a page past the end shows the last"
    );
}

#[sqlx::test]
async fn a_measure_cannot_depend_on_a_measure_in_another_plan(db: PgPool) {
    use ikt_styring::{
        audit::Actor,
        measures::{model, store},
    };
    let app = spawn(db).await;
    let id = plan_id(&app).await;
    let (m, doc): (i64, i64) = sqlx::query_as(
        "select municipality_id, strategy_document_id from action_plan where action_plan_id = $1",
    )
    .bind(id)
    .fetch_one(&app.db)
    .await
    .unwrap();
    let other_plan: i64 = sqlx::query_scalar(
        "insert into action_plan (municipality_id, strategy_document_id, name, start_year, end_year) values ($1, $2, 'Annen plan', 2020, 2021) returning action_plan_id",
    )
    .bind(m)
    .bind(doc)
    .fetch_one(&app.db)
    .await
    .unwrap();
    let mini_ros = measure_id(&app, "Utarbeide mini-ROS innen IKT").await;
    let same_plan = measure_id(&app, "Innføre Feide i skole").await;
    let input = model::MeasureInput {
        title: "Nytt tiltak".into(),
        description: None,
        strategy_ids: vec![],
        responsible: model::Responsible::Nobody,
        hours: None,
        costs: vec![],
        cells: vec![],
        priority: false,
        status: model::Status::NotStarted,
        status_date: None,
        status_comment: None,
        depends_on: vec![mini_ros],
        predecessor_measure_id: None,
    };
    let mut tx = app.db.begin().await.unwrap();
    let new_id = store::insert(&mut tx, Actor::system(m), other_plan, &input)
        .await
        .unwrap();
    let in_plan = store::insert(
        &mut tx,
        Actor::system(m),
        id,
        &model::MeasureInput {
            depends_on: vec![same_plan],
            ..input.clone()
        },
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let deps = |measure: i64| {
        let db = app.db.clone();
        async move {
            sqlx::query_scalar::<_, i64>(
                "select count(*) from measure_dependency where measure_id = $1",
            )
            .bind(measure)
            .fetch_one(&db)
            .await
            .unwrap()
        }
    };
    assert_eq!(deps(new_id).await, 0, "a link into another plan is dropped");
    assert_eq!(deps(in_plan).await, 1, "a link within the plan is kept");
}

/// The progress-plan row (or phone card: the same markup) of a measure, `<tr …>` to `</tr>`.
fn row_of(html: &str, measure: i64) -> &str {
    let at = html
        .find(&format!("<tr id=\"m-{measure}-s"))
        .expect("a row for the measure");
    let end = html[at..].find("</tr>").unwrap() + at + "</tr>".len();
    &html[at..end]
}

#[sqlx::test]
async fn an_unfinished_measure_whose_planned_periods_are_all_past_says_forsinket(db: PgPool) {
    // The seeded plan is 2014–2016, so by now every scheduled measure's periods are past.
    let app = spawn(db).await;
    let c = app.user("leder").await;
    let id = plan_id(&app).await;
    let (_, html) = app.text(&c, &format!("/plan/{id}")).await;
    let mini_ros = measure_id(&app, "Utarbeide mini-ROS innen IKT").await;
    assert!(
        row_of(&html, mini_ros).contains(">Forsinket</span>"),
        "not started, planned in 2014: late, in words"
    );
    // Cancelled or done is not late, nor is a measure without a schedule (nothing says when
    // it was due); the totals count the late ones.
    assert!(
        html.contains(" forsinket</strong>"),
        "the totals name the late measures"
    );
    let unscheduled: i64 = sqlx::query_scalar(
        "select measure_id from measure m
         where not exists (select 1 from schedule_cell c where c.measure_id = m.measure_id) limit 1",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    sqlx::query("update measure set status = 'not_started' where measure_id = $1")
        .bind(unscheduled)
        .execute(&app.db)
        .await
        .unwrap();
    let (_, html) = app.text(&c, &format!("/plan/{id}")).await;
    assert!(!row_of(&html, unscheduled).contains("Forsinket"));
    for status in ["cancelled", "done"] {
        sqlx::query("update measure set status = $2 where measure_id = $1")
            .bind(mini_ros)
            .bind(status)
            .execute(&app.db)
            .await
            .unwrap();
        let (_, html) = app.text(&c, &format!("/plan/{id}")).await;
        assert!(!row_of(&html, mini_ros).contains("Forsinket"), "{status}");
    }
    // The plan lies wholly in the past: no period is marked as today.
    assert!(!html.contains("aria-current=\"date\""));
}

#[sqlx::test]
async fn the_period_of_today_is_marked_and_a_measure_still_to_come_is_not_late(db: PgPool) {
    let app = spawn(db).await;
    let c = app.user("ikt").await;
    let id = plan_id(&app).await;
    // Move the seeded plan (and its schedule) so that its first year is this year.
    let this_year = chrono::Datelike::year(&chrono::Utc::now().date_naive());
    let shift = this_year - 2014;
    sqlx::query("update schedule_cell set year = year + $1")
        .bind(shift)
        .execute(&app.db)
        .await
        .unwrap();
    sqlx::query(
        "update action_plan set start_year = start_year + $1, end_year = end_year + $1 where action_plan_id = $2",
    )
    .bind(shift)
    .bind(id)
    .execute(&app.db)
    .await
    .unwrap();
    let (_, html) = app.text(&c, &format!("/plan/{id}")).await;
    assert_eq!(
        html.matches("aria-current=\"date\"").count(),
        1,
        "one period column is today's"
    );
    assert!(html.contains("<span class=\"today-mark\">i dag</span>"));
    // A measure planned into the plan's last year is still to come.
    let later: i64 = sqlx::query_scalar(
        "select c.measure_id from schedule_cell c join measure m using (measure_id)
         where m.status = 'not_started' group by c.measure_id having max(c.year) = $1 limit 1",
    )
    .bind(this_year + 2)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert!(!row_of(&html, later).contains("Forsinket"));
}

#[sqlx::test]
async fn a_date_given_with_pagar_is_kept_and_shown(db: PgPool) {
    let app = spawn(db).await;
    let c = app.user("ikt").await;
    let id = plan_id(&app).await;
    let mini_ros = measure_id(&app, "Utarbeide mini-ROS innen IKT").await;
    let r = app
        .post(
            &c,
            &format!("/measures/{mini_ros}/status"),
            &[
                ("status", "in_progress"),
                ("status_date", "03.02.2014"),
                ("version", "1"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let date: Option<chrono::NaiveDate> =
        sqlx::query_scalar("select status_date from measure where measure_id = $1")
            .bind(mini_ros)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(date, chrono::NaiveDate::from_ymd_opt(2014, 2, 3));
    let (_, html) = app.text(&c, &format!("/plan/{id}")).await;
    let row = row_of(&html, mini_ros);
    assert!(
        row.contains(">Pågår 03.02.2014</span>"),
        "the date shows with the status"
    );
    assert!(
        row.contains("name=\"status_date\" value=\"2014-02-03\""),
        "and stays in the form, so the next save keeps it"
    );
    let (_, page) = app.text(&c, &format!("/measures/{mini_ros}")).await;
    assert!(page.contains("Pågår 03.02.2014"));
}

#[sqlx::test]
async fn a_row_holds_one_line_of_form_with_a_labelled_date_and_a_card_label_for_the_phone(
    db: PgPool,
) {
    let app = spawn(db).await;
    let c = app.user("ikt").await;
    let id = plan_id(&app).await;
    let (_, html) = app.text(&c, &format!("/plan/{id}")).await;
    let row = row_of(
        &html,
        measure_id(&app, "Utarbeide mini-ROS innen IKT").await,
    );
    // Without JavaScript the date field is there with a visible label; with it, app.js shows it
    // for «Utført» (data-shown-with) and pre-fills today's date (data-today).
    assert!(row.contains("<label class=\"row-status__date\" data-shown-with=\"done\"><span class=\"row-status__date-text\">Dato</span>"));
    assert!(row.contains("data-today=\""));
    assert!(row.contains("<span class=\"card-label\">Ansvar: </span>"));
    let form = &row[row.find("<form").unwrap()..row.find("</form>").unwrap()];
    let order: Vec<usize> = [
        "name=\"status\"",
        "name=\"status_date\"",
        "name=\"comment\"",
        ">Lagre</button>",
    ]
    .iter()
    .map(|f| form.find(f).expect(f))
    .collect();
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "status, date, comment, save"
    );
    // On paper a cell label prints as its number in the legend.
    assert!(html.contains("Merknader i tidsplanen: <b>1</b>"));
    assert!(html.contains("<span class=\"cell-label\">Utredning/budsjettgrunnlag</span><span class=\"cell-code\" aria-hidden=\"true\">"));
    assert!(html.contains("Status per "));
}

#[sqlx::test]
async fn with_htmx_the_plans_totals_follow_the_row_out_of_band(db: PgPool) {
    let app = spawn(db).await;
    let c = app.user("ikt").await;
    let id = plan_id(&app).await;
    let (_, before) = app
        .text(&c, &format!("/plan/{id}?status=not_started"))
        .await;
    assert!(before.contains("Viser 55 av 63 tiltak"));
    let mini_ros = measure_id(&app, "Utarbeide mini-ROS innen IKT").await;
    let html = c
        .post(app.url(&format!("/measures/{mini_ros}/status")))
        .header("hx-request", "true")
        .form(&[
            ("status", "done"),
            ("version", "1"),
            ("filter", "status=not_started"),
        ])
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.trim_start().starts_with("<tr"), "the row first");
    let totals = &html[html
        .find("<template><section")
        .expect("the totals too, in a template")..];
    assert!(totals.contains("id=\"plan-totals\""));
    assert!(totals.contains("data-hx-swap-oob=\"true\""));
    assert!(
        totals.contains("Viser 54 av 63 tiltak"),
        "the same filter's totals, without the measure now done"
    );
    assert!(totals.contains("Sum for utvalget"));
}

#[sqlx::test]
async fn the_measure_page_has_the_quick_status_form_and_returns_to_the_measure(db: PgPool) {
    let app = spawn(db).await;
    let c = app.user("ikt").await;
    let mini_ros = measure_id(&app, "Utarbeide mini-ROS innen IKT").await;
    let (_, page) = app.text(&c, &format!("/measures/{mini_ros}")).await;
    assert!(page.contains(&format!(
        "<form method=\"post\" action=\"/measures/{mini_ros}/status\" class=\"quick-status"
    )));
    assert!(page.contains("<label class=\"ds-label\" for=\"qs-date\">Dato</label>"));
    assert!(page.contains("name=\"return_to\" value=\"measure\""));
    let r = app
        .post(
            &c,
            &format!("/measures/{mini_ros}/status"),
            &[
                ("status", "in_progress"),
                ("comment", "Arbeidsgruppe nedsatt"),
                ("version", "1"),
                ("return_to", "measure"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), format!("/measures/{mini_ros}"));
    let (_, page) = app.text(&c, &location(&r)).await;
    assert!(page.contains("Statusen er lagret."));
    assert!(page.contains("Arbeidsgruppe nedsatt"));
    assert!(page.contains("name=\"version\" value=\"2\""));
    let reader = app.user("leder").await;
    let (_, page) = app.text(&reader, &format!("/measures/{mini_ros}")).await;
    assert!(!page.contains("quick-status"), "readers get no status form");
}

#[sqlx::test]
async fn a_user_who_chose_nynorsk_reads_the_progress_plan_and_its_totals_in_nynorsk(db: PgPool) {
    let app = spawn(db).await;
    choose_language(&app, "ikt", Some("nn")).await;
    let c = app.user("ikt").await;
    let id = plan_id(&app).await;
    let (status, html) = app.text(&c, &format!("/plan/{id}")).await;
    assert_eq!(status, 200);
    assert!(html.contains("<html lang=\"nn\""));
    for nn in [
        "Viser 63 av 63 tiltak:",
        "eigeninnsats og",
        "i kjende kostnader",
        "Tiltak som tener fleire strategiar, blir talde éin gong.",
        "Berre prioriterte tiltak",
        ">Ansvarleg<",
        ">Timar<",
        "Merknader i tidsplanen:",
        "Per år tiltaket startar",
        "Forseinka",
        "Ny status for",
    ] {
        assert!(html.contains(nn), "nynorsk «{nn}»");
    }
    assert!(html.contains("id=\"status-counts\">Status: "));
    // Measure titles are users' text, marked as bokmål and left as written.
    assert!(html.contains("lang=\"nb\">Innføre"), "titles marked");
    let interface = interface_text(&html);
    for nb in [
        "egeninnsats",
        "kjente kostnader",
        "telles én gang",
        "Bare prioriterte",
        "Ansvarlig",
        "forsinket",
        "Forsinket",
        "Uten tidsplan",
        "Per år tiltaket starter",
    ] {
        assert!(!interface.contains(nb), "no bokmål «{nb}» in the interface");
    }

    let (_, list) = app.text(&c, "/plan").await;
    assert!(list.contains("<h1 class=\"ds-heading\" data-size=\"lg\">Handlingsplanar</h1>"));
    assert!(list.contains(">Ikkje ferdige<") && list.contains(">Eigeninnsats<"));
    assert!(!interface_text(&list).contains("Ikke ferdige"));

    // Another user of the same municipality still reads bokmål.
    let (_, html) = app
        .text(&app.user("leder").await, &format!("/plan/{id}"))
        .await;
    assert!(html.contains("egeninnsats og") && html.contains("Bare prioriterte tiltak"));
}

#[sqlx::test]
async fn a_new_plan_with_wrong_years_is_refused_in_nynorsk_for_a_nynorsk_reader(db: PgPool) {
    let app = spawn(db).await;
    choose_language(&app, "ikt", Some("nn")).await;
    let c = app.user("ikt").await;
    let (_, form) = app.text(&c, "/plan/new").await;
    assert!(form.contains("Ny handlingsplan") && form.contains(">Namn</label>"));
    let r = app
        .post(
            &c,
            "/plan/new",
            &[
                ("name", ""),
                ("start_year", "14"),
                ("end_year", "2016"),
                ("document", "0"),
            ],
        )
        .await;
    let html = r.text().await.unwrap();
    assert!(
        html.contains("Skjemaet har feil. Sjå meldingane ved felta."),
        "{html}"
    );
    assert!(html.contains("Skriv eit namn på planen, til dømes «Handlingsplan IKT 2014–2016»."));
    assert!(html.contains("Skriv første år med fire siffer, til dømes 2014."));
    assert!(
        html.contains("Vel strategien planen høyrer til, eller «Ingen strategi (prosjektplan)».")
    );
    assert!(!html.contains("for eksempel") && !html.contains("Velg strategien"));

    let r = app
        .post(
            &c,
            "/plan/new",
            &[
                ("name", "Plan"),
                ("start_year", "2014"),
                ("end_year", "2021"),
            ],
        )
        .await;
    let html = r.text().await.unwrap();
    assert!(
        html.contains("Ein handlingsplan kan vare i høgst seks år: siste år kan vere høgst 2019."),
        "{html}"
    );
}
