//! Issue 3: IKT staff create, edit and delete measures of the action plan in the browser.

mod common;

use common::*;
use rust_decimal::Decimal;
use sqlx::PgPool;

/// description, amount, amount note, financing, project
type CostRow = (
    Option<String>,
    Option<Decimal>,
    Option<String>,
    String,
    Option<String>,
);

async fn strategy_id(app: &TestApp, starts_with: &str) -> i64 {
    sqlx::query_scalar("select strategy_id from strategy where text like $1 || '%'")
        .bind(starts_with)
        .fetch_one(&app.db)
        .await
        .unwrap()
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&app.db).await.unwrap()
}

#[sqlx::test]
async fn ikt_staff_create_a_measure_with_decimal_hours_two_cost_lines_and_a_schedule_and_it_is_stored_exactly(
    db: PgPool,
) {
    let app = spawn(db).await;
    let plan = plan_id(&app).await;
    let ikt = app.user("ikt").await;
    let (status, html) = app.text(&ikt, &format!("/plan/{plan}/measures/new")).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("Nytt tiltak") && html.contains("Kv 2 2015") && html.contains("Jan 2014")
    );
    assert!(
        html.contains("<optgroup label=\"Personer\">")
            && html.contains("<optgroup label=\"Enheter\">")
    );
    assert!(
        html.contains("name=\"cost_description_1\""),
        "two empty cost rows"
    );
    let mut fields = form_fields(&html);
    let ros = strategy_id(&app, "Utarbeide en «mini-ROS»").await;
    let person: i64 =
        sqlx::query_scalar("select person_id from person where name = 'Magnus Rønningen'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    let mini_ros: i64 = sqlx::query_scalar(
        "select measure_id from measure where title ilike '%mini-ROS%' order by measure_id limit 1",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    for (k, v) in [
        ("title", "Innføre elektronisk kvalitetssystem"),
        ("description", "Anskaffe og ta i bruk."),
        ("responsible", &format!("person:{person}")),
        ("hours", "50,5"),
        ("cost_description_0", "lisens"),
        ("cost_amount_0", "34 984"),
        ("cost_financing_0", "current_budget"),
        ("cost_description_1", "kurs"),
        ("cost_amount_1", "12 500,50"),
        ("cost_note_1", "anslag"),
        ("cost_financing_1", "other_project"),
        ("cost_project_1", "TRUST-IKT"),
        ("cell_2014_3", "on"),
        ("label_2014_3", "Utredning"),
        ("cell_2014_4", "on"),
        ("label_2015_2", "innføring"),
        ("priority", "on"),
        ("status", "in_progress"),
        ("status_date", "15.03.2014"),
    ] {
        set(&mut fields, k, v);
    }
    fields.push(("strategy".into(), ros.to_string()));
    fields.push(("depends_on".into(), mini_ros.to_string()));
    let r = submit(&app, &ikt, &format!("/plan/{plan}/measures"), &fields).await;
    assert_eq!(r.status(), 303);
    let id = measure_id(&app, "Innføre elektronisk kvalitetssystem").await;
    assert_eq!(location(&r), format!("/measures/{id}"));

    let (hours, priority, status, person_id, date): (Option<Decimal>, bool, String, Option<i64>, Option<String>) = sqlx::query_as(
        "select hours, priority, status, responsible_person_id, status_date::text from measure where measure_id = $1",
    )
    .bind(id)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(hours, Some(Decimal::new(505, 1)));
    assert!(priority);
    assert_eq!(status, "in_progress");
    assert_eq!(person_id, Some(person));
    assert_eq!(date.as_deref(), Some("2014-03-15"));
    let costs: Vec<CostRow> = sqlx::query_as(
        "select description, amount, amount_note, financing, financing_project from measure_cost where measure_id = $1 order by position",
    )
    .bind(id)
    .fetch_all(&app.db)
    .await
    .unwrap();
    assert_eq!(
        costs,
        vec![
            (
                Some("lisens".into()),
                Some(Decimal::new(34984, 0)),
                None,
                "current_budget".into(),
                None
            ),
            (
                Some("kurs".into()),
                Some(Decimal::new(1250050, 2)),
                Some("anslag".into()),
                "other_project".into(),
                Some("TRUST-IKT".into())
            ),
        ]
    );
    let cells: Vec<(i32, i32, Option<String>)> = sqlx::query_as(
        "select year, period, label from schedule_cell where measure_id = $1 order by year, period",
    )
    .bind(id)
    .fetch_all(&app.db)
    .await
    .unwrap();
    assert_eq!(
        cells,
        vec![
            (2014, 3, Some("Utredning".into())),
            (2014, 4, None),
            (2015, 2, Some("innføring".into()))
        ]
    );
    let strategies: Vec<i64> =
        sqlx::query_scalar("select strategy_id from measure_strategy where measure_id = $1")
            .bind(id)
            .fetch_all(&app.db)
            .await
            .unwrap();
    assert_eq!(strategies, vec![ros]);
    let deps: Vec<i64> =
        sqlx::query_scalar("select depends_on_id from measure_dependency where measure_id = $1")
            .bind(id)
            .fetch_all(&app.db)
            .await
            .unwrap();
    assert_eq!(deps, vec![mini_ros]);
    let (who, after): (Option<i64>, serde_json::Value) =
        sqlx::query_as("select app_user_id, after from audit_log where table_name = 'measure' and record_id = $1 and action = 'create'")
            .bind(id)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(who, Some(app.user_id("ikt").await));
    assert_eq!(after["hours"], "50,5");
    assert!(after["costs"].as_str().unwrap().contains("kr 34 984"));
    assert!(
        after["schedule"]
            .as_str()
            .unwrap()
            .contains("Mar 2014: Utredning")
    );
    assert_eq!(
        count(
            &app,
            &format!("select count(*) from measure_status_change where measure_id = {id}")
        )
        .await,
        1
    );

    // The edit form shows it back as typed.
    let edit = edit_form(&app, &ikt, id).await;
    assert_eq!(get(&edit, "hours"), Some("50,5"));
    assert_eq!(get(&edit, "cost_amount_1"), Some("12 500,5"));
    assert_eq!(get(&edit, "label_2015_2"), Some("innføring"));
    assert_eq!(get(&edit, "cell_2014_4"), Some("on"));
    assert_eq!(get(&edit, "status_date"), Some("2014-03-15"));
    assert_eq!(
        get(&edit, "cost_description_3"),
        Some(""),
        "two empty rows after the two lines"
    );
    assert_eq!(get(&edit, "cost_description_4"), None);
}

#[sqlx::test]
async fn hours_like_12_5_0_and_a_negative_cost_give_messages_keep_the_input_and_write_nothing(
    db: PgPool,
) {
    let app = spawn(db).await;
    let plan = plan_id(&app).await;
    let ikt = app.user("ikt").await;
    let ros = strategy_id(&app, "Utarbeide en «mini-ROS»")
        .await
        .to_string();
    let measures = count(&app, "select count(*) from measure").await;
    let audits = count(&app, "select count(*) from audit_log").await;
    let r = app
        .post(
            &ikt,
            &format!("/plan/{plan}/measures"),
            &[
                ("title", "Nytt tiltak med feil"),
                ("strategy", &ros),
                ("hours", "12,5,0"),
                ("cost_description_0", "lisens"),
                ("cost_amount_0", "-500"),
                ("cost_financing_0", "current_budget"),
                ("cost_description_1", "kurs"),
                ("cost_amount_1", "700"),
                ("label_2014_5", "Utredning"),
                ("status", "not_started"),
            ],
        )
        .await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(
        html.contains("«12,5,0» er ikke et antall timer"),
        "hours message"
    );
    assert!(
        html.contains("Beløpet kan ikke være negativt."),
        "cost message"
    );
    assert!(html.contains("Kostnadslinje 1 har feil"));
    assert!(html.contains("aria-invalid=\"true\""));
    let kept = form_fields(&html);
    assert_eq!(get(&kept, "title"), Some("Nytt tiltak med feil"));
    assert_eq!(get(&kept, "hours"), Some("12,5,0"));
    assert_eq!(get(&kept, "cost_amount_0"), Some("-500"));
    assert_eq!(get(&kept, "cost_description_1"), Some("kurs"));
    assert_eq!(get(&kept, "label_2014_5"), Some("Utredning"));
    assert_eq!(
        get(&kept, "cell_2014_5"),
        Some("on"),
        "a label alone is shown as planned"
    );
    assert_eq!(get(&kept, "strategy"), Some(ros.as_str()));
    assert_eq!(count(&app, "select count(*) from measure").await, measures);
    assert_eq!(count(&app, "select count(*) from audit_log").await, audits);
}

#[sqlx::test]
async fn contradictory_or_unknown_choices_are_explained_at_their_fields(db: PgPool) {
    let app = spawn(db).await;
    let plan = plan_id(&app).await;
    let ikt = app.user("ikt").await;
    let person: i64 = sqlx::query_scalar("select person_id from person limit 1")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let r = app
        .post(
            &ikt,
            &format!("/plan/{plan}/measures"),
            &[
                ("title", "  "),
                ("strategy", "999999"),
                ("responsible", &format!("person:{person}")),
                ("responsible_text", "Systemeier"),
                ("cost_description_0", "prosjektmidler"),
                ("cost_financing_0", "other_project"),
                ("cell_2015_5", "on"),
                ("status", "done"),
                ("depends_on", "999999"),
            ],
        )
        .await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    for msg in [
        "Skriv en tittel på tiltaket.",
        "En av de valgte strategiene finnes ikke",
        "ikke begge",
        "Skriv hvilket prosjekt kostnaden inngår i",
        "Framdriftsplanen har perioder som ikke finnes i planen (2015 periode 5)",
        "finnes ikke i denne handlingsplanen",
    ] {
        assert!(html.contains(msg), "message: {msg}");
    }
    // Changed on purpose in issue 6: «Utført» without a date is allowed everywhere.
    assert!(!html.contains("id=\"status_date-error\""));
    let r = app
        .post(
            &ikt,
            &format!("/plan/{plan}/measures"),
            &[
                ("title", "T"),
                ("strategy", "1"),
                ("responsible", "unit:999999"),
                ("status", "done"),
                ("status_date", "31.02.2014"),
            ],
        )
        .await;
    let html = r.text().await.unwrap();
    assert!(html.contains("Den valgte personen eller enheten finnes ikke i kommunen."));
    assert!(html.contains("Skriv datoen som dd.mm.åååå."));
}

#[sqlx::test]
async fn every_edit_route_is_for_ikt_staff_and_admins_only(db: PgPool) {
    let app = spawn(db).await;
    let plan = plan_id(&app).await;
    let id = measure_id(&app, "Kartlegge superbrukere").await;
    let gets = [
        format!("/plan/{plan}/measures/new"),
        format!("/measures/{id}/edit"),
        format!("/measures/{id}/delete"),
    ];
    let posts = [
        format!("/plan/{plan}/measures"),
        format!("/measures/{id}/edit"),
        format!("/measures/{id}/delete"),
    ];
    for reader in ["leder", "rad", "superbruker"] {
        let c = app.user(reader).await;
        for path in &gets {
            assert_eq!(app.text(&c, path).await.0, 403, "{reader} GET {path}");
        }
        for path in &posts {
            let r = app
                .post(
                    &c,
                    path,
                    &[("title", "Overtatt"), ("status", "done"), ("version", "1")],
                )
                .await;
            assert_eq!(r.status(), 403, "{reader} POST {path}");
        }
    }
    for editor in ["ikt", "admin"] {
        let c = app.user(editor).await;
        for path in &gets {
            assert_eq!(app.text(&c, path).await.0, 200, "{editor} GET {path}");
        }
    }
    let anon = client();
    for path in &gets {
        let r = app.get(&anon, path).await;
        assert_eq!(r.status(), 303, "logged out GET {path}");
        assert!(location(&r).starts_with("/login"));
    }
    for path in &posts {
        let r = app.post(&anon, path, &[("title", "Overtatt")]).await;
        assert_eq!(r.status(), 303, "logged out POST {path}");
        assert!(location(&r).starts_with("/login"));
    }
    let title: String = sqlx::query_scalar("select title from measure where measure_id = $1")
        .bind(id)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(title, "Kartlegge superbrukere", "nothing changed");
}

#[sqlx::test]
async fn another_municipality_finds_none_of_ringebus_measures(db: PgPool) {
    let app = spawn(db).await;
    let plan = plan_id(&app).await;
    let id = measure_id(&app, "Kartlegge superbrukere").await;
    let other = app.other_municipality().await;
    for path in [
        format!("/plan/{plan}/measures/new"),
        format!("/measures/{id}/edit"),
        format!("/measures/{id}/delete"),
    ] {
        assert_eq!(app.text(&other, &path).await.0, 404, "GET {path}");
    }
    let r = app
        .post(
            &other,
            &format!("/plan/{plan}/measures"),
            &[("title", "Innbrudd"), ("status", "not_started")],
        )
        .await;
    assert_eq!(r.status(), 404);
    let r = app
        .post(
            &other,
            &format!("/measures/{id}/edit"),
            &[
                ("title", "Innbrudd"),
                ("status", "not_started"),
                ("version", "1"),
            ],
        )
        .await;
    assert_eq!(r.status(), 404);
    let r = app
        .post(&other, &format!("/measures/{id}/delete"), &[])
        .await;
    assert_eq!(r.status(), 404);
    assert_eq!(count(&app, &format!("select count(*) from measure where measure_id = {id} and title = 'Kartlegge superbrukere'")).await, 1);
    assert_eq!(
        count(
            &app,
            "select count(*) from measure where title = 'Innbrudd'"
        )
        .await,
        0
    );
}

#[sqlx::test]
async fn a_save_based_on_an_old_version_is_refused_with_what_changed_and_saves_when_sent_again(
    db: PgPool,
) {
    let app = spawn(db).await;
    let id = measure_id(&app, "Oversikt eksterne supportavtaler").await;
    let ikt = app.user("ikt").await;
    let admin = app.user("admin").await;
    // Both open the form at the same version.
    let mut first = edit_form(&app, &ikt, id).await;
    let mut second = edit_form(&app, &admin, id).await;
    assert_eq!(get(&first, "version"), get(&second, "version"));

    set(&mut first, "hours", "12,5");
    set(&mut first, "status_comment", "Mal er laget.");
    let r = submit(&app, &ikt, &format!("/measures/{id}/edit"), &first).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), format!("/measures/{id}"));

    set(&mut second, "title", "Oversikt over alle supportavtaler");
    set(&mut second, "hours", "40");
    let r = submit(&app, &admin, &format!("/measures/{id}/edit"), &second).await;
    assert_eq!(r.status(), 200, "refused, not saved");
    let html = r.text().await.unwrap();
    assert!(html.contains("data-color=\"warning\""));
    assert!(
        html.contains("Tiltaket ble ikke lagret: Magnus Rønningen lagret det"),
        "names who saved: {html}"
    );
    assert!(
        html.contains("Egeninnsats (timer): 10 → 12,5"),
        "what they changed"
    );
    assert!(html.contains("Statuskommentar: – → Mal er laget."));
    assert!(
        html.contains("Lagret av Magnus Rønningen"),
        "saved values at the fields"
    );
    let kept = form_fields(&html);
    assert_eq!(
        get(&kept, "title"),
        Some("Oversikt over alle supportavtaler"),
        "the second person's input is kept"
    );
    assert_eq!(get(&kept, "hours"), Some("40"));
    let (title, hours, comment, version): (String, Decimal, Option<String>, i32) = sqlx::query_as(
        "select title, hours, status_comment, version from measure where measure_id = $1",
    )
    .bind(id)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(
        (title.as_str(), hours, comment.as_deref()),
        (
            "Oversikt eksterne supportavtaler",
            Decimal::new(125, 1),
            Some("Mal er laget.")
        )
    );
    assert_eq!(
        get(&kept, "version"),
        Some(version.to_string().as_str()),
        "the form now carries the new version"
    );

    // Submitting again is deliberate and saves.
    let r = submit(&app, &admin, &format!("/measures/{id}/edit"), &kept).await;
    assert_eq!(r.status(), 303);
    let (title, hours, new_version): (String, Decimal, i32) =
        sqlx::query_as("select title, hours, version from measure where measure_id = $1")
            .bind(id)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(
        (title.as_str(), hours, new_version),
        (
            "Oversikt over alle supportavtaler",
            Decimal::new(40, 0),
            version + 1
        )
    );
    let (_, html) = app.text(&admin, "/").await;
    assert!(
        html.contains("Tiltaket er lagret."),
        "flash on the next page"
    );
    assert_eq!(count(&app, &format!("select count(*) from audit_log where table_name = 'measure' and record_id = {id} and action = 'update'")).await, 2);
    let (before, after): (serde_json::Value, serde_json::Value) = sqlx::query_as(
        "select before, after from audit_log where table_name = 'measure' and record_id = $1 and action = 'update' order by audit_log_id desc limit 1",
    )
    .bind(id)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(
        (before["hours"].as_str(), after["hours"].as_str()),
        (Some("12,5"), Some("40"))
    );
}

#[sqlx::test]
async fn a_status_change_is_recorded_in_the_timeline_and_an_unchanged_form_writes_nothing(
    db: PgPool,
) {
    let app = spawn(db).await;
    let id = measure_id(&app, "Oversikt eksterne supportavtaler").await;
    let ikt = app.user("ikt").await;
    let timeline = format!("select count(*) from measure_status_change where measure_id = {id}");
    let before = count(&app, &timeline).await;
    let audits = app.audit_count("measure", id).await;
    let form = edit_form(&app, &ikt, id).await;
    let r = submit(&app, &ikt, &format!("/measures/{id}/edit"), &form).await;
    assert_eq!(r.status(), 303);
    assert_eq!(
        app.audit_count("measure", id).await,
        audits,
        "nothing to audit"
    );
    let mut form = edit_form(&app, &ikt, id).await;
    set(&mut form, "status", "done");
    set(&mut form, "status_date", "2014-06-13");
    let r = submit(&app, &ikt, &format!("/measures/{id}/edit"), &form).await;
    assert_eq!(r.status(), 303);
    assert_eq!(count(&app, &timeline).await, before + 1);
    let (status, date): (String, Option<String>) =
        sqlx::query_as("select status, status_date::text from measure_status_change where measure_id = $1 order by measure_status_change_id desc limit 1")
            .bind(id)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(
        (status.as_str(), date.as_deref()),
        ("done", Some("2014-06-13"))
    );
    assert_eq!(app.audit_count("measure", id).await, audits + 1);
}

#[sqlx::test]
async fn delete_asks_for_confirmation_naming_the_dependents_then_deletes_with_an_audit_row(
    db: PgPool,
) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    let plan = plan_id(&app).await;
    // The seeded mini-ROS measure has measures that depend on it.
    let (id, title): (i64, String) = sqlx::query_as(
        "select m.measure_id, m.title from measure m where exists (select 1 from measure_dependency d where d.depends_on_id = m.measure_id) order by m.measure_id limit 1",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let dependents: Vec<(i64, String)> = sqlx::query_as(
        "select m.measure_id, m.title from measure_dependency d join measure m on m.measure_id = d.measure_id where d.depends_on_id = $1",
    )
    .bind(id)
    .fetch_all(&app.db)
    .await
    .unwrap();
    let (status, html) = app.text(&ikt, &format!("/measures/{id}/delete")).await;
    assert_eq!(status, 200);
    assert!(html.contains(&format!("Slette tiltaket «{title}»?")));
    for (_, d) in &dependents {
        assert!(html.contains(d.as_str()), "lists the dependent {d}");
    }
    assert!(
        html.contains(&format!("action=\"/measures/{id}/delete\""))
            && html.contains(&format!("href=\"/measures/{id}\""))
    );
    assert_eq!(
        count(
            &app,
            &format!("select count(*) from measure where measure_id = {id}")
        )
        .await,
        1,
        "a GET deletes nothing"
    );

    let r = app.post(&ikt, &format!("/measures/{id}/delete"), &[]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), format!("/plan/{plan}"));
    assert_eq!(
        count(
            &app,
            &format!("select count(*) from measure where measure_id = {id}")
        )
        .await,
        0
    );
    let (who, before, after): (Option<i64>, serde_json::Value, Option<serde_json::Value>) = sqlx::query_as(
        "select app_user_id, before, after from audit_log where table_name = 'measure' and record_id = $1 and action = 'delete'",
    )
    .bind(id)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(who, Some(app.user_id("ikt").await));
    assert_eq!(before["title"], title.as_str());
    assert!(after.is_none());
    // The dependents remain, without the dependency, and the change shows in their history.
    for (d, _) in &dependents {
        assert_eq!(
            count(
                &app,
                &format!("select count(*) from measure where measure_id = {d}")
            )
            .await,
            1
        );
        let (b, a): (serde_json::Value, serde_json::Value) = sqlx::query_as(
            "select before, after from audit_log where table_name = 'measure' and record_id = $1 and action = 'update' order by audit_log_id desc limit 1",
        )
        .bind(d)
        .fetch_one(&app.db)
        .await
        .unwrap();
        assert!(b["depends_on"].as_str().unwrap().contains(title.as_str()));
        assert!(!a["depends_on"].as_str().unwrap().contains(title.as_str()));
    }
    let (_, html) = app.text(&ikt, "/").await;
    assert!(
        html.contains(&format!("Tiltaket «{title}» er slettet.")),
        "flash on the next page"
    );
    assert_eq!(app.text(&ikt, &format!("/measures/{id}/edit")).await.0, 404);
}

#[sqlx::test]
async fn editing_a_measure_that_serves_two_strategies_keeps_it_one_row(db: PgPool) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    let id = measure_id(&app, "Etablere IKT-styre i Midt-Gudbrandsdal").await;
    let mut form = edit_form(&app, &ikt, id).await;
    assert_eq!(
        form.iter().filter(|(k, _)| k == "strategy").count(),
        2,
        "both strategies are checked"
    );
    assert_eq!(get(&form, "responsible_text"), Some("Rådmannen / SU"));
    assert_eq!(get(&form, "responsible"), Some(""));
    set(&mut form, "hours", "27,5");
    let r = submit(&app, &ikt, &format!("/measures/{id}/edit"), &form).await;
    assert_eq!(r.status(), 303);
    assert_eq!(
        count(
            &app,
            "select count(*) from measure where title = 'Etablere IKT-styre i Midt-Gudbrandsdal'"
        )
        .await,
        1
    );
    assert_eq!(
        count(
            &app,
            &format!("select count(*) from measure_strategy where measure_id = {id}")
        )
        .await,
        2
    );
    let hours: Decimal = sqlx::query_scalar("select hours from measure where measure_id = $1")
        .bind(id)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(hours, Decimal::new(275, 1));
    let responsible: Option<String> =
        sqlx::query_scalar("select responsible_text from measure where measure_id = $1")
            .bind(id)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(responsible.as_deref(), Some("Rådmannen / SU"));
}
