//! The rådmann's dashboard (issue 14): every number equals the list its link opens and the
//! rows behind it, role-dependent parts stay hidden, and each person's committed hours are
//! spread over their planned periods against a capacity they or an admin set.

mod common;

use common::*;
use scraper::{Html, Selector};
use sqlx::PgPool;

/// (link, number) of every count in the dashboard's lists of counts.
fn counts(html: &str) -> Vec<(String, i64)> {
    let doc = Html::parse_document(html);
    let a = Selector::parse("ul.dash-counts a").unwrap();
    let n = Selector::parse(".dash-count").unwrap();
    doc.select(&a)
        .map(|a| {
            let href = a.value().attr("href").unwrap().to_string();
            let count = a.select(&n).next().unwrap().text().collect::<String>();
            (href, count.trim().parse().unwrap())
        })
        .collect()
}

fn count_of(counts: &[(String, i64)], href: &str) -> i64 {
    counts
        .iter()
        .find(|(h, _)| h == href)
        .unwrap_or_else(|| panic!("the dashboard links to {href}: {counts:?}"))
        .1
}

/// The number a list page says it shows, in words or digits («Én risiko», «3 fagsystemer»).
fn shown(html: &str, selector: &str) -> i64 {
    let doc = Html::parse_document(html);
    let s = Selector::parse(selector).unwrap();
    let text = doc
        .select(&s)
        .next()
        .unwrap_or_else(|| panic!("the list has {selector}"))
        .text()
        .collect::<String>();
    let first = text.split_whitespace().next().unwrap_or_default();
    match first {
        "Én" | "Ett" | "Éin" | "Eitt" | "Ein" | "En" => 1,
        "Ingen" => 0,
        w => w.parse().unwrap_or_else(|_| panic!("a number in «{text}»")),
    }
}

/// Where each list says how many it shows.
fn count_selector(href: &str) -> &'static str {
    if href.starts_with("/systems") || href.starts_with("/locations") {
        "main p[role=status]"
    } else if href.starts_with("/risks/register") {
        "#register-count"
    } else if href.starts_with("/acquisitions") {
        // An empty list says «Ingen saker passer» instead.
        "#acquisition-count, #no-acquisitions"
    } else if href.starts_with("/benefits") {
        "#benefit-count"
    } else {
        panic!("no count known for {href}")
    }
}

async fn one(db: &PgPool, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(db).await.unwrap()
}

/// A public assessment with an open high risk mitigated to low, an open high risk still high
/// after mitigation and overdue for review, an accepted risk and a closed one; and a restricted
/// assessment with one open high risk.
async fn risks(app: &TestApp) {
    let m = one(
        &app.db,
        "select municipality_id from municipality where name like 'Ringebu%'",
    )
    .await;
    let public: i64 = sqlx::query_scalar(
        "insert into risk_assessment (municipality_id, title) values ($1, 'ROS IKT-drift') returning risk_assessment_id",
    )
    .bind(m)
    .fetch_one(&app.db)
    .await
    .unwrap();
    let restricted: i64 = sqlx::query_scalar(
        "insert into risk_assessment (municipality_id, title, restricted) values ($1, 'ROS nettverk', true) returning risk_assessment_id",
    )
    .bind(m)
    .fetch_one(&app.db)
    .await
    .unwrap();
    for (a, desc, s, k, rs, rk, status, reason, review) in [
        (
            public,
            "Strømbrudd",
            5,
            5,
            Some(1),
            Some(1),
            "open",
            None,
            None,
        ),
        (
            public,
            "Ransomware",
            5,
            4,
            Some(4),
            Some(4),
            "treating",
            None,
            Some("2020-01-01"),
        ),
        (
            public,
            "Gammel server",
            4,
            4,
            None,
            None,
            "accepted",
            Some("Byttes i 2027"),
            None,
        ),
        (
            public,
            "Uten backup",
            5,
            5,
            None,
            None,
            "closed",
            None,
            Some("2020-01-01"),
        ),
        (
            restricted,
            "Åpen brannmur",
            5,
            5,
            None,
            None,
            "open",
            None,
            None,
        ),
    ] {
        sqlx::query(
            "insert into risk (municipality_id, risk_assessment_id, description, likelihood, consequence,
                               residual_likelihood, residual_consequence, status, accepted_reason, next_review)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::date)",
        )
        .bind(m)
        .bind(a)
        .bind(desc)
        .bind(s as i16)
        .bind(k as i16)
        .bind(rs.map(|v: i32| v as i16))
        .bind(rk.map(|v: i32| v as i16))
        .bind(status)
        .bind(reason)
        .bind(review)
        .execute(&app.db)
        .await
        .unwrap();
    }
}

#[sqlx::test]
async fn every_number_on_the_dashboard_is_the_length_of_the_list_its_link_opens(db: PgPool) {
    let app = spawn(db).await;
    risks(&app).await;
    for user in ["leder", "ikt", "superbruker", "rad"] {
        let c = app.user(user).await;
        let (status, html) = app.text(&c, "/dashboard").await;
        assert_eq!(status, 200, "{user}");
        let counts = counts(&html);
        assert!(counts.len() >= 13, "{user} sees the counts: {counts:?}");
        for (href, n) in &counts {
            let (status, list) = app.text(&c, href).await;
            assert_eq!(status, 200, "{user} opens {href}");
            assert_eq!(
                shown(&list, count_selector(href)),
                *n,
                "{user}: the dashboard says {n} for {href}"
            );
        }
    }
}

#[sqlx::test]
async fn the_dashboards_numbers_equal_the_rows_counted_in_the_database(db: PgPool) {
    let app = spawn(db).await;
    risks(&app).await;
    let leder = app.user("leder").await;
    let (_, html) = app.text(&leder, "/dashboard").await;
    let counts = counts(&html);
    let m = "(select municipality_id from municipality where name like 'Ringebu%')";
    let no_owner = one(&app.db, &format!("select count(*) from system where municipality_id = {m} and owner_unit_id is null and owner_text is null")).await;
    let no_superuser = one(&app.db, &format!("select count(*) from system s where municipality_id = {m} and not exists (select 1 from system_superuser su where su.system_id = s.system_id)")).await;
    let no_dpa = one(&app.db, &format!("select count(*) from system where municipality_id = {m} and personal_data and dpa is not true")).await;
    let slow = one(&app.db, &format!("select count(*) from line where municipality_id = {m} and line_type in ('adsl', 'radio')")).await;
    assert_eq!(count_of(&counts, "/systems?owner=none"), no_owner);
    assert_eq!(count_of(&counts, "/systems?no_superuser=1"), no_superuser);
    assert_eq!(count_of(&counts, "/systems?no_dpa=1"), no_dpa);
    assert_eq!(count_of(&counts, "/locations?slow=1"), slow);
    assert!(slow > 0, "Ringebu has ADSL and radio lines");
    // The rådmann may read the restricted assessment: two open high risks before mitigation
    // (one public, one restricted) beside the one mitigated to low, ...
    let high = "/risks/register?level=high&status=active";
    assert_eq!(count_of(&counts, high), 3);
    assert_eq!(
        count_of(
            &counts,
            "/risks/register?level=high&stage=after&status=active"
        ),
        1
    );
    assert_eq!(
        count_of(&counts, "/risks/register?overdue=1"),
        1,
        "a closed risk is not overdue"
    );
    assert_eq!(count_of(&counts, "/risks/register?status=accepted"), 1);
    // ... a superuser may not.
    let sb = app.user("superbruker").await;
    let (_, theirs) = app.text(&sb, "/dashboard").await;
    assert_eq!(count_of(&self::counts(&theirs), high), 2);

    // The plan's status counts, each a link to the measures with that status.
    let plan = plan_id(&app).await;
    let statuses: Vec<(String, i64)> = sqlx::query_as(
        "select status, count(*) from measure where action_plan_id = $1 group by status",
    )
    .bind(plan)
    .fetch_all(&app.db)
    .await
    .unwrap();
    let doc = Html::parse_document(&html);
    let row = Selector::parse("#dash-status-caption ~ tbody tr").unwrap();
    let link = Selector::parse("td a").unwrap();
    let mut seen = 0;
    for tr in doc.select(&row) {
        let a = tr.select(&link).next().unwrap();
        let href = a.value().attr("href").unwrap();
        let code = href.rsplit("status=").next().unwrap();
        let n: i64 = a.text().collect::<String>().trim().parse().unwrap();
        let expected = statuses.iter().find(|(s, _)| s == code).map(|r| r.1);
        assert_eq!(Some(n), expected, "status {code}");
        // The list behind the link has exactly those measures.
        let (_, list) = app.text(&leder, &format!("{href}&all=1")).await;
        let ldoc = Html::parse_document(&list);
        let measure = Selector::parse("table.progress a[href^='/measures/']").unwrap();
        let mut ids: Vec<&str> = ldoc
            .select(&measure)
            .filter_map(|a| a.value().attr("href"))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len() as i64, n, "{href} lists the {n} measures");
        seen += n;
    }
    let total = one(
        &app.db,
        &format!("select count(*) from measure where action_plan_id = {plan}"),
    )
    .await;
    assert_eq!(seen, total, "every measure is counted once");
}

#[sqlx::test]
async fn the_line_inventory_is_left_out_for_roles_that_may_not_read_it(db: PgPool) {
    let app = spawn(db).await;
    for (user, sees) in [
        ("leder", true),
        ("ikt", true),
        ("admin", true),
        ("superbruker", false),
        ("rad", false),
    ] {
        let c = app.user(user).await;
        let (_, html) = app.text(&c, "/dashboard").await;
        assert_eq!(html.contains("id=\"dash-lines-h\""), sees, "{user}");
        assert_eq!(html.contains("/locations?"), sees, "{user}");
    }
}

#[sqlx::test]
async fn the_radmann_starts_on_the_dashboard_and_others_on_the_start_page(db: PgPool) {
    let app = spawn(db).await;
    let leder = app.user("leder").await;
    let r = app.get(&leder, "/").await;
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(location(&r), "/dashboard");
    let ikt = app.user("ikt").await;
    assert_eq!(app.get(&ikt, "/").await.status().as_u16(), 200);
    let (_, html) = app.text(&ikt, "/dashboard").await;
    assert!(html.contains("Oversikt"), "ikt reaches it from the menu");
}

/// The hours one person is committed to in one quarter, as the dashboard's table prints them.
fn capacity_cell(html: &str, person: &str, column: usize) -> String {
    let doc = Html::parse_document(html);
    let row = Selector::parse(".dash-capacity-table tbody tr").unwrap();
    let cell = Selector::parse("th, td").unwrap();
    let tr = doc
        .select(&row)
        .find(|tr| tr.text().collect::<String>().contains(person))
        .unwrap_or_else(|| panic!("{person} has a row"));
    tr.select(&cell)
        .nth(column)
        .unwrap()
        .text()
        .collect::<String>()
        .trim()
        .to_string()
}

#[sqlx::test]
async fn a_persons_hours_are_spread_over_the_planned_periods_and_marked_over_their_capacity(
    db: PgPool,
) {
    let app = spawn(db).await;
    let plan = plan_id(&app).await;
    let (m, start): (i64, i32) = sqlx::query_as(
        "select municipality_id, start_year from action_plan where action_plan_id = $1",
    )
    .bind(plan)
    .fetch_one(&app.db)
    .await
    .unwrap();
    // A person with one measure of their own: 120 hours over January and February of the first
    // year (one part each, Q1) and the second year's third quarter (three parts): 48 + 72.
    let person: i64 = sqlx::query_scalar(
        "insert into person (municipality_id, name) values ($1, 'Kari Kapasitet') returning person_id",
    )
    .bind(m)
    .fetch_one(&app.db)
    .await
    .unwrap();
    let measure = one(
        &app.db,
        &format!("select min(measure_id) from measure where action_plan_id = {plan}"),
    )
    .await;
    sqlx::query("update measure set responsible_person_id = $1, responsible_unit_id = null, responsible_text = null, hours = 120, status = 'in_progress' where measure_id = $2")
        .bind(person)
        .bind(measure)
        .execute(&app.db)
        .await
        .unwrap();
    sqlx::query("delete from schedule_cell where measure_id = $1")
        .bind(measure)
        .execute(&app.db)
        .await
        .unwrap();
    for (y, p) in [(start, 1), (start, 2), (start + 1, 3)] {
        sqlx::query("insert into schedule_cell (municipality_id, measure_id, year, period) values ($1, $2, $3, $4)")
            .bind(m)
            .bind(measure)
            .bind(y)
            .bind(p)
            .execute(&app.db)
            .await
            .unwrap();
    }
    let leder = app.user("leder").await;
    let (_, html) = app.text(&leder, "/dashboard").await;
    // Columns: person, capacity, the quarters from the first year's Q1, unscheduled, total.
    let q = |year: i32, quarter: i32| 2 + ((year - start) * 4 + quarter - 1) as usize;
    assert_eq!(capacity_cell(&html, "Kari Kapasitet", 1), "ikke satt");
    assert_eq!(capacity_cell(&html, "Kari Kapasitet", q(start, 1)), "48");
    assert_eq!(
        capacity_cell(&html, "Kari Kapasitet", q(start + 1, 3)),
        "72"
    );
    assert_eq!(capacity_cell(&html, "Kari Kapasitet", q(start, 2)), "");
    // The total opens the measures behind it.
    assert!(html.contains(&format!(
        "href=\"/plan/{plan}?responsible=person:{person}\""
    )));

    // An admin sets 60 hours a quarter: the third quarter is over it, the first is not.
    let admin = app.user("admin").await;
    let r = app
        .post(
            &admin,
            &format!("/people/{person}/capacity"),
            &[("capacity", "60")],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);
    let (_, html) = app.text(&leder, "/dashboard").await;
    assert!(capacity_cell(&html, "Kari Kapasitet", 1).starts_with("60"));
    assert!(capacity_cell(&html, "Kari Kapasitet", q(start + 1, 3)).contains("over kapasitet"));
    assert!(!capacity_cell(&html, "Kari Kapasitet", q(start, 1)).contains("over kapasitet"));
    assert_eq!(
        app.audit_count("person", person).await,
        1,
        "the change is audited"
    );
}

#[sqlx::test]
async fn capacity_is_set_by_the_person_or_an_admin_and_bad_input_is_kept_with_a_message(
    db: PgPool,
) {
    let app = spawn(db).await;
    let me: i64 = one(
        &app.db,
        "select person_id from app_user where username = 'ikt'",
    )
    .await;
    let other: i64 = one(
        &app.db,
        "select person_id from app_user where username = 'superbruker'",
    )
    .await;
    let ikt = app.user("ikt").await;
    // Their own: allowed.
    let r = app
        .post(
            &ikt,
            &format!("/people/{me}/capacity"),
            &[("capacity", "300")],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);
    let (_, page) = app.text(&ikt, &format!("/people/{me}")).await;
    assert!(
        interface_text(&page).contains("300"),
        "the person page shows it"
    );
    // Someone else's: refused, even for IKT staff.
    let r = app
        .post(
            &ikt,
            &format!("/people/{other}/capacity"),
            &[("capacity", "300")],
        )
        .await;
    assert_eq!(r.status().as_u16(), 403);
    // Nonsense and too many hours: a message beside the field, the input kept, nothing saved.
    for bad in ["mange", "5000", "-3"] {
        let r = app
            .post(
                &ikt,
                &format!("/people/{me}/capacity"),
                &[("capacity", bad)],
            )
            .await;
        assert_eq!(r.status().as_u16(), 200, "{bad} gets the form again");
        let html = r.text().await.unwrap();
        assert!(html.contains(&format!("value=\"{bad}\"")), "{bad} is kept");
        assert!(html.contains("aria-invalid=\"true\""), "{bad} is marked");
    }
    let saved: Option<rust_decimal::Decimal> =
        sqlx::query_scalar("select capacity_hours from person where person_id = $1")
            .bind(me)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(saved, Some(rust_decimal::Decimal::from(300)));
    // Emptying it unsets it.
    let r = app
        .post(&ikt, &format!("/people/{me}/capacity"), &[("capacity", "")])
        .await;
    assert_eq!(r.status().as_u16(), 303);
    let saved: Option<rust_decimal::Decimal> =
        sqlx::query_scalar("select capacity_hours from person where person_id = $1")
            .bind(me)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(saved, None);
}

#[sqlx::test]
async fn the_dashboard_reads_in_nynorsk_for_a_nynorsk_reader(db: PgPool) {
    let app = spawn(db).await;
    choose_language(&app, "leder", Some("nn")).await;
    let leder = app.user("leder").await;
    let (_, html) = app.text(&leder, "/dashboard").await;
    let text = interface_text(&html);
    assert!(text.contains("Timar og kostnad per startår"), "{text}");
    assert!(text.contains("utan systemeigar"));
}
