//! Rolling the action plan (rullering): the 2014–2016 plan becomes 2015–2017 with the unfinished
//! measures carried over, and the old plan kept as it was.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::*;
use reqwest::{Client, Response};
use scraper::{Html, Selector};
use sqlx::PgPool;

const OPEN: &str = "('not_started', 'in_progress', 'postponed')";

async fn seeded_plan(db: &PgPool) -> i64 {
    sqlx::query_scalar("select action_plan_id from action_plan where start_year = 2014")
        .fetch_one(db)
        .await
        .unwrap()
}

async fn open_measures(db: &PgPool, plan: i64) -> Vec<i64> {
    sqlx::query_scalar(&format!("select measure_id from measure where action_plan_id = $1 and status in {OPEN} order by measure_id"))
        .bind(plan)
        .fetch_all(db)
        .await
        .unwrap()
}

async fn plan_count(db: &PgPool) -> i64 {
    // Ringebu's plans (the demo's other municipality has its own).
    sqlx::query_scalar(
        "select count(*) from action_plan where municipality_id = (select municipality_id from municipality where municipality_number = '3439')",
    )
        .fetch_one(db)
        .await
        .unwrap()
}

async fn roll(
    app: &TestApp,
    c: &Client,
    plan: i64,
    name: &str,
    start: &str,
    end: &str,
    carry: &[i64],
) -> Response {
    let ids: Vec<String> = carry.iter().map(i64::to_string).collect();
    let mut fields = vec![("name", name), ("start_year", start), ("end_year", end)];
    fields.extend(ids.iter().map(|id| ("carry", id.as_str())));
    app.post(c, &format!("/plan/{plan}/roll"), &fields).await
}

/// What a browser would send for the roll form as it stands (without the buttons).
fn roll_fields(html: &str) -> Vec<(String, String)> {
    let doc = Html::parse_document(html);
    let form = doc
        .select(&Selector::parse("form#roll-form").unwrap())
        .next()
        .expect("the page has the roll form");
    form.select(&Selector::parse("input").unwrap())
        .filter_map(|el| {
            let e = el.value();
            let name = e.attr("name")?.to_string();
            let value = e.attr("value").unwrap_or("").to_string();
            match e.attr("type").unwrap_or("text") {
                "checkbox" => e.attr("checked").map(|_| (name, value)),
                _ => Some((name, value)),
            }
        })
        .collect()
}

/// The ids ticked «Før videre» in a rendered roll form.
fn ticked(html: &str) -> BTreeSet<i64> {
    roll_fields(html)
        .into_iter()
        .filter(|(k, _)| k == "carry")
        .map(|(_, v)| v.parse().unwrap())
        .collect()
}

/// Rolls the seeded plan into 2015–2017 through the roll form as it comes (every unfinished
/// measure ticked, the next years suggested); returns the new plan's id.
async fn roll_all(app: &TestApp, c: &Client, plan: i64) -> i64 {
    let (status, html) = app.text(c, &format!("/plan/{plan}/roll")).await;
    assert_eq!(status, 200);
    let fields = roll_fields(&html);
    assert_eq!(
        ticked(&html),
        open_measures(&app.db, plan)
            .await
            .into_iter()
            .collect::<BTreeSet<_>>(),
        "the form ticks every unfinished measure"
    );
    let r = submit(app, c, &format!("/plan/{plan}/roll"), &fields).await;
    assert_eq!(r.status(), 303);
    let new: i64 =
        sqlx::query_scalar("select action_plan_id from action_plan where start_year = 2015")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(location(&r), format!("/plan/{new}"));
    new
}

/// Everything about a plan and its measures, as JSON text, to see that nothing changed (but the
/// cache revision, which a roll moves so the old plan shows it was rolled).
async fn plan_dump(db: &PgPool, plan: i64) -> String {
    sqlx::query_scalar(
        r#"
        select json_build_object(
          'plan', (select to_jsonb(a) - 'revision' from action_plan a where a.action_plan_id = $1),
          'measures', (select json_agg(x order by x.measure_id) from (
             select m.*,
               (select json_agg(c order by c.year, c.period) from schedule_cell c where c.measure_id = m.measure_id) as cells,
               (select json_agg(s order by s.strategy_id) from measure_strategy s where s.measure_id = m.measure_id) as strategies,
               (select json_agg(k order by k.measure_cost_id) from measure_cost k where k.measure_id = m.measure_id) as costs,
               (select json_agg(d order by d.depends_on_id) from measure_dependency d where d.measure_id = m.measure_id) as deps
             from measure m where m.action_plan_id = $1) x))::text
        "#,
    )
    .bind(plan)
    .fetch_one(db)
    .await
    .unwrap()
}

#[sqlx::test]
async fn the_form_suggests_the_next_years_and_separates_unfinished_from_finished_measures(
    db: PgPool,
) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    let plan = seeded_plan(&app.db).await;
    let (status, html) = app.text(&ikt, &format!("/plan/{plan}/roll")).await;
    assert_eq!(status, 200);
    assert!(html.contains("value=\"Handlingsplan IKT 2015–2017\""));
    assert!(html.contains("id=\"start_year\" name=\"start_year\" type=\"text\" inputmode=\"numeric\" maxlength=\"4\" value=\"2015\""));
    assert!(html.contains("value=\"2017\""));
    let open = open_measures(&app.db, plan).await;
    assert_eq!(html.matches("name=\"carry\"").count(), open.len());
    assert_eq!(
        html.matches(" checked>").count(),
        open.len(),
        "all ticked by default"
    );
    let done: Vec<String> = sqlx::query_scalar(&format!(
        "select title from measure where action_plan_id = $1 and status not in {OPEN}"
    ))
    .bind(plan)
    .fetch_all(&app.db)
    .await
    .unwrap();
    assert!(!done.is_empty());
    assert!(html.contains("Fullførte tiltak som blir stående i den gamle planen"));
    for t in &done {
        assert!(
            html.contains(&format!("<li>{t} – ")),
            "finished «{t}» listed as staying"
        );
    }
}

#[sqlx::test]
async fn rolling_carries_exactly_the_unfinished_measures_and_leaves_the_old_plan_untouched(
    db: PgPool,
) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    let plan = seeded_plan(&app.db).await;
    let before = plan_dump(&app.db, plan).await;
    let open: i64 = sqlx::query_scalar(&format!(
        "select count(*) from measure where action_plan_id = $1 and status in {OPEN}"
    ))
    .bind(plan)
    .fetch_one(&app.db)
    .await
    .unwrap();
    let new = roll_all(&app, &ikt, plan).await;

    let (name, start, end, predecessor, doc_same): (String, i32, i32, Option<i64>, bool) = sqlx::query_as(
        "select n.name, n.start_year, n.end_year, n.predecessor_id, n.strategy_document_id = o.strategy_document_id
         from action_plan n, action_plan o where n.action_plan_id = $1 and o.action_plan_id = $2",
    )
    .bind(new)
    .bind(plan)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(
        (name.as_str(), start, end, predecessor, doc_same),
        ("Handlingsplan IKT 2015–2017", 2015, 2017, Some(plan), true)
    );
    let carried: i64 = sqlx::query_scalar("select count(*) from measure where action_plan_id = $1")
        .bind(new)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(carried, open);
    // Done and cancelled measures have no copy.
    let finished_copied: i64 = sqlx::query_scalar(
        "select count(*) from measure n join measure o on o.measure_id = n.predecessor_measure_id
         where n.action_plan_id = $1 and o.status in ('done', 'cancelled')",
    )
    .bind(new)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(finished_copied, 0);
    assert_eq!(
        plan_dump(&app.db, plan).await,
        before,
        "the old plan and its measures are unchanged"
    );

    // Audited: the plan, and each carried measure.
    let after: serde_json::Value = sqlx::query_scalar("select after from audit_log where table_name = 'action_plan' and record_id = $1 and action = 'create'")
        .bind(new)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(after["rolled_from"], "Handlingsplan IKT 2014–2016");
    assert_eq!(after["carried"], open);
    let measure_audits: i64 = sqlx::query_scalar(
        "select count(*) from audit_log a join measure m on m.measure_id = a.record_id
         where a.table_name = 'measure' and a.action = 'create' and m.action_plan_id = $1 and a.app_user_id is not null",
    )
    .bind(new)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(measure_audits, open);
    let (_, start_page) = app.text(&ikt, "/").await;
    assert!(start_page.contains(&format!(
        "Ny handlingsplan er opprettet. {open} tiltak er ført videre."
    )));
}

#[sqlx::test]
async fn each_copy_points_to_its_predecessor_and_keeps_its_figures_strategies_and_status(
    db: PgPool,
) {
    let app = spawn(db).await;
    let admin = app.user("admin").await;
    let plan = seeded_plan(&app.db).await;
    let new = roll_all(&app, &admin, plan).await;
    let mismatches: Vec<String> = sqlx::query_scalar(
        r#"
        with pair as (
          select n.measure_id as n_id, o.measure_id as o_id, n.title
          from measure n join measure o on o.measure_id = n.predecessor_measure_id
          where n.action_plan_id = $1)
        select p.title from pair p join measure n on n.measure_id = p.n_id join measure o on o.measure_id = p.o_id
        where o.action_plan_id <> $2
           or (n.title, n.description, n.hours, n.priority, n.status, n.status_date, n.status_comment,
               n.responsible_person_id, n.responsible_unit_id, n.responsible_text)
              is distinct from
              (o.title, o.description, o.hours, o.priority, o.status, o.status_date, o.status_comment,
               o.responsible_person_id, o.responsible_unit_id, o.responsible_text)
           or (select array_agg(strategy_id order by strategy_id) from measure_strategy where measure_id = p.n_id)
              is distinct from (select array_agg(strategy_id order by strategy_id) from measure_strategy where measure_id = p.o_id)
           or (select json_agg(json_build_array(description, amount, amount_note, financing, financing_project) order by position)::text
               from measure_cost where measure_id = p.n_id)
              is distinct from
              (select json_agg(json_build_array(description, amount, amount_note, financing, financing_project) order by position)::text
               from measure_cost where measure_id = p.o_id)
        "#,
    )
    .bind(new)
    .bind(plan)
    .fetch_all(&app.db)
    .await
    .unwrap();
    assert!(
        mismatches.is_empty(),
        "copies differ from their predecessors: {mismatches:?}"
    );
    let without_predecessor: i64 = sqlx::query_scalar(
        "select count(*) from measure where action_plan_id = $1 and predecessor_measure_id is null",
    )
    .bind(new)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(without_predecessor, 0);
    // Sums agree too: hours and known costs of the unfinished measures.
    let sums = |filter: String| {
        let db = app.db.clone();
        async move {
            let hours: String = sqlx::query_scalar(&format!(
                "select coalesce(sum(hours), 0)::text from measure m where {filter}"
            ))
            .fetch_one(&db)
            .await
            .unwrap();
            let costs: String = sqlx::query_scalar(&format!(
                "select coalesce(sum(c.amount), 0)::text from measure_cost c join measure m using (measure_id) where {filter}"
            ))
            .fetch_one(&db)
            .await
            .unwrap();
            (hours, costs)
        }
    };
    let old_sums = sums(format!("m.action_plan_id = {plan} and m.status in {OPEN}")).await;
    let new_sums = sums(format!("m.action_plan_id = {new}")).await;
    assert_eq!(old_sums, new_sums);
}

#[sqlx::test]
async fn rolling_keeps_every_schedule_moving_late_cells_to_the_first_month_marked_with_their_year(
    db: PgPool,
) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    let plan = seeded_plan(&app.db).await;
    let new = roll_all(&app, &ikt, plan).await;
    type Cells = BTreeMap<(i32, i32), Option<String>>;
    let cells_of = |id: i64| {
        let db = app.db.clone();
        async move {
            sqlx::query_as::<_, (i32, i32, Option<String>)>(
                "select year, period, label from schedule_cell where measure_id = $1 order by year, period",
            )
            .bind(id)
            .fetch_all(&db)
            .await
            .unwrap()
            .into_iter()
            .map(|(y, p, l)| ((y, p), l))
            .collect::<Cells>()
        }
    };
    let pairs: Vec<(i64, i64)> = sqlx::query_as(
        "select measure_id, predecessor_measure_id from measure where action_plan_id = $1",
    )
    .bind(new)
    .fetch_all(&app.db)
    .await
    .unwrap();
    let (mut late, mut with_2015) = (0, 0);
    for (copy, old) in pairs {
        let old_cells = cells_of(old).await;
        let copied = cells_of(copy).await;
        assert_eq!(
            old_cells.is_empty(),
            copied.is_empty(),
            "measure {old} had a schedule and its copy {copy} must have one too"
        );
        // Where each old cell lands: 2014 (late) in January 2015, a 2015 quarter in its three
        // months, 2016 and 2017 where they were.
        let mut places = BTreeSet::new();
        for ((year, period), label) in &old_cells {
            match year {
                2014 => {
                    places.insert((2015, 1));
                }
                2015 => {
                    with_2015 += 1;
                    for month in 3 * period - 2..=3 * period {
                        places.insert((2015, month));
                        if month != 1 || !old_cells.keys().any(|(y, _)| *y == 2014) {
                            assert_eq!(&copied[&(2015, month)], label, "measure {copy}");
                        }
                    }
                }
                _ => {
                    places.insert((*year, *period));
                    assert_eq!(&copied[&(*year, *period)], label, "measure {copy}");
                }
            }
        }
        assert_eq!(
            copied.keys().copied().collect::<BTreeSet<_>>(),
            places,
            "cells of measure {old} carried into {copy}"
        );
        if let Some(((_, _), first_label)) = old_cells.iter().find(|((y, _), _)| *y == 2014) {
            late += 1;
            let expected = match first_label {
                Some(l) => format!("Fra 2014: {l}"),
                None => "Fra 2014".to_string(),
            };
            assert_eq!(copied[&(2015, 1)].as_deref(), Some(expected.as_str()));
        }
    }
    assert!(
        late > 0 && with_2015 > 0,
        "the seed exercises both late work and remapping"
    );
    // The mark is where people look: in the progress plan and in the export.
    let (_, page) = app.text(&ikt, &format!("/plan/{new}?all=1")).await;
    assert!(
        page.contains("Fra 2014"),
        "the progress plan shows the mark"
    );
    let (_, csv) = app.text(&ikt, &format!("/plan/{new}/export.csv")).await;
    assert!(csv.contains("Fra 2014"), "the export keeps the mark");
    // Every carried cell is a valid period of the new plan: months in 2015, quarters after.
    let invalid: i64 = sqlx::query_scalar(
        "select count(*) from schedule_cell c join measure m using (measure_id)
         where m.action_plan_id = $1 and not ((c.year = 2015 and c.period between 1 and 12) or (c.year in (2016, 2017) and c.period between 1 and 4))",
    )
    .bind(new)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(invalid, 0);
}

#[sqlx::test]
async fn dependencies_between_carried_measures_point_to_the_copies(db: PgPool) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    let plan = seeded_plan(&app.db).await;
    let new = roll_all(&app, &ikt, plan).await;
    let expected: BTreeSet<(i64, i64)> = sqlx::query_as(&format!(
        "select d.measure_id, d.depends_on_id from measure_dependency d
         join measure a on a.measure_id = d.measure_id join measure b on b.measure_id = d.depends_on_id
         where a.action_plan_id = $1 and a.status in {OPEN} and b.status in {OPEN}"
    ))
    .bind(plan)
    .fetch_all(&app.db)
    .await
    .unwrap()
    .into_iter()
    .collect();
    assert!(
        !expected.is_empty(),
        "the seed has dependencies between unfinished measures"
    );
    let copies: Vec<(i64, i64, i64, i64)> = sqlx::query_as(
        "select a.predecessor_measure_id, b.predecessor_measure_id, b.action_plan_id, a.measure_id from measure_dependency d
         join measure a on a.measure_id = d.measure_id join measure b on b.measure_id = d.depends_on_id
         where a.action_plan_id = $1",
    )
    .bind(new)
    .fetch_all(&app.db)
    .await
    .unwrap();
    assert!(
        copies.iter().all(|c| c.2 == new),
        "no copy depends on a measure of the old plan"
    );
    let got: BTreeSet<(i64, i64)> = copies.iter().map(|c| (c.0, c.1)).collect();
    assert_eq!(got, expected);
    // The audit snapshot of each copy names its dependencies.
    let with_deps: BTreeSet<i64> = copies.iter().map(|c| c.3).collect();
    for copy in &with_deps {
        let last: serde_json::Value =
            sqlx::query_scalar("select after from audit_log where table_name = 'measure' and record_id = $1 order by audit_log_id desc limit 1")
                .bind(copy)
                .fetch_one(&app.db)
                .await
                .unwrap();
        assert_ne!(last["depends_on"], "", "measure {copy}");
    }
}

#[sqlx::test]
async fn an_unticked_measure_stays_only_in_the_old_plan(db: PgPool) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    let plan = seeded_plan(&app.db).await;
    let open = open_measures(&app.db, plan).await;
    let (left, chosen) = open.split_first().unwrap();
    let r = roll(
        &app,
        &ikt,
        plan,
        "Handlingsplan IKT 2015–2017",
        "2015",
        "2017",
        chosen,
    )
    .await;
    assert_eq!(r.status(), 303);
    let copies: Vec<i64> = sqlx::query_scalar("select predecessor_measure_id from measure m join action_plan a using (action_plan_id) where a.start_year = 2015")
        .fetch_all(&app.db)
        .await
        .unwrap();
    assert_eq!(copies.len(), chosen.len());
    assert!(!copies.contains(left));
    // A finished measure named in the form is not carried either.
    let done: i64 =
        sqlx::query_scalar("select measure_id from measure where status = 'done' limit 1")
            .fetch_one(&app.db)
            .await
            .unwrap();
    let r = roll(
        &app,
        &ikt,
        plan,
        "Handlingsplan IKT 2016–2018",
        "2016",
        "2018",
        &[done],
    )
    .await;
    assert_eq!(r.status(), 303);
    let n: i64 = sqlx::query_scalar("select count(*) from measure m join action_plan a using (action_plan_id) where a.start_year = 2016")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(n, 0);
    assert!(
        app.text(&ikt, "/")
            .await
            .1
            .contains("Ny handlingsplan er opprettet. 0 tiltak er ført videre.")
    );
}

#[sqlx::test]
async fn bad_years_or_a_missing_name_give_messages_keep_the_input_and_write_nothing(db: PgPool) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    let plan = seeded_plan(&app.db).await;
    let open = open_measures(&app.db, plan).await;
    let plans = plan_count(&app.db).await;
    let measures: i64 = sqlx::query_scalar("select count(*) from measure")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let audits: i64 = sqlx::query_scalar("select count(*) from audit_log")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let cases: [(&str, &str, &str, &str); 6] = [
        (
            "",
            "2015",
            "2017",
            "Skriv navnet på den nye handlingsplanen.",
        ),
        ("Plan", "15", "2017", "Skriv startåret med fire sifre"),
        ("Plan", "2015", "år", "Skriv sluttåret med fire sifre"),
        (
            "Plan",
            "2017",
            "2015",
            "Sluttåret kan ikke være før startåret.",
        ),
        ("Plan", "2015", "2021", "sluttåret kan være høyst 2020"),
        (
            "Plan",
            "2014",
            "2016",
            "Den nye planen må starte etter 2014",
        ),
    ];
    for (name, start, end, message) in cases {
        let r = roll(&app, &ikt, plan, name, start, end, &open[1..]).await;
        assert_eq!(r.status(), 200, "{message}");
        let html = r.text().await.unwrap();
        assert!(html.contains(message), "expected «{message}»");
        assert!(html.contains("aria-invalid=\"true\""));
        assert!(html.contains(&format!("value=\"{start}\"")), "input kept");
        assert!(
            html.contains(&format!(
                "id=\"carry-{}\" name=\"carry\" value=\"{}\">",
                open[0], open[0]
            )),
            "the unticked box stays unticked"
        );
    }
    assert_eq!(plan_count(&app.db).await, plans);
    let measures_after: i64 = sqlx::query_scalar("select count(*) from measure")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(measures_after, measures);
    let audits_after: i64 = sqlx::query_scalar("select count(*) from audit_log")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(audits_after, audits);
}

#[sqlx::test]
async fn rolling_twice_into_the_same_start_year_is_refused(db: PgPool) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    let plan = seeded_plan(&app.db).await;
    roll_all(&app, &ikt, plan).await;
    let measures: i64 = sqlx::query_scalar("select count(*) from measure")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let (_, form) = app.text(&ikt, &format!("/plan/{plan}/roll")).await;
    assert!(
        form.contains("Det finnes allerede en handlingsplan som starter i 2015"),
        "warned before submitting"
    );
    let open = open_measures(&app.db, plan).await;
    let r = roll(
        &app,
        &ikt,
        plan,
        "Handlingsplan IKT 2015–2017 (ny)",
        "2015",
        "2017",
        &open,
    )
    .await;
    assert_eq!(r.status(), 200);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("Det finnes allerede en handlingsplan som starter i 2015.")
    );
    assert_eq!(plan_count(&app.db).await, 2);
    let after: i64 = sqlx::query_scalar("select count(*) from measure")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(after, measures);
    // The new plan can itself be rolled on a year.
    let new: i64 =
        sqlx::query_scalar("select action_plan_id from action_plan where start_year = 2015")
            .fetch_one(&app.db)
            .await
            .unwrap();
    let (_, form) = app.text(&ikt, &format!("/plan/{new}/roll")).await;
    assert!(form.contains("value=\"Handlingsplan IKT 2016–2018\""));
    let open_new = open_measures(&app.db, new).await;
    let r = roll(
        &app,
        &ikt,
        new,
        "Handlingsplan IKT 2016–2018",
        "2016",
        "2018",
        &open_new,
    )
    .await;
    assert_eq!(r.status(), 303);
    let chain: Option<i64> =
        sqlx::query_scalar("select predecessor_id from action_plan where start_year = 2016")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(chain, Some(new));
}

#[sqlx::test]
async fn only_ikt_and_admin_may_roll_a_plan(db: PgPool) {
    let app = spawn(db).await;
    let plan = seeded_plan(&app.db).await;
    let path = format!("/plan/{plan}/roll");
    let open = open_measures(&app.db, plan).await;
    for editor in ["ikt", "admin"] {
        let c = app.user(editor).await;
        assert_eq!(app.text(&c, &path).await.0, 200, "{editor} GET");
    }
    for reader in ["leder", "rad", "superbruker"] {
        let c = app.user(reader).await;
        assert_eq!(app.text(&c, &path).await.0, 403, "{reader} GET");
        assert_eq!(
            roll(&app, &c, plan, "Plan", "2015", "2017", &open)
                .await
                .status(),
            403,
            "{reader} POST"
        );
    }
    let visitor = client();
    let r = app.get(&visitor, &path).await;
    assert_eq!(r.status(), 303);
    assert!(location(&r).starts_with("/login"));
    let r = roll(&app, &visitor, plan, "Plan", "2015", "2017", &open).await;
    assert_eq!(r.status(), 303);
    assert!(location(&r).starts_with("/login"));
    let other = app.other_municipality().await;
    assert_eq!(app.text(&other, &path).await.0, 404);
    assert_eq!(
        roll(&app, &other, plan, "Plan", "2015", "2017", &open)
            .await
            .status(),
        404
    );
    assert_eq!(plan_count(&app.db).await, 1, "nothing was created");
    let n: i64 =
        sqlx::query_scalar("select count(*) from audit_log where table_name = 'action_plan'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(n, 0);
}

#[sqlx::test]
async fn the_roll_form_groups_measures_by_strategy_and_says_what_happens_to_each_ones_timing(
    db: PgPool,
) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    let plan = seeded_plan(&app.db).await;
    let (_, html) = app.text(&ikt, &format!("/plan/{plan}/roll")).await;
    let doc = Html::parse_document(&html);
    let groups: Vec<String> = doc
        .select(&Selector::parse("form#roll-form h3").unwrap())
        .map(|h| h.text().collect())
        .collect();
    assert!(groups.len() > 1, "one group per strategy: {groups:?}");
    // A measure planned in 2014 and not finished is late: the form says where its work goes.
    let late: String = sqlx::query_scalar(&format!(
        "select m.title from measure m where m.action_plan_id = $1 and m.status in {OPEN}
           and exists (select 1 from schedule_cell c where c.measure_id = m.measure_id and c.year = 2014)
         order by m.position, m.measure_id limit 1"
    ))
    .bind(plan)
    .fetch_one(&app.db)
    .await
    .unwrap();
    let row = doc
        .select(&Selector::parse("form#roll-form tbody tr").unwrap())
        .map(|r| r.text().collect::<String>())
        .find(|t| t.contains(&late))
        .expect("the late measure is listed");
    assert!(
        row.contains("i 2014 ") && row.contains("i januar 2015, merket «Fra 2014»"),
        "{row}"
    );
}

#[sqlx::test]
async fn velg_ingen_and_velg_alle_untick_and_tick_one_strategys_measures_without_javascript(
    db: PgPool,
) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    let plan = seeded_plan(&app.db).await;
    let path = format!("/plan/{plan}/roll");
    let (_, html) = app.text(&ikt, &path).await;
    let all = ticked(&html);
    let doc = Html::parse_document(&html);
    let group = doc
        .select(&Selector::parse("[data-roll-group]").unwrap())
        .next()
        .unwrap();
    let in_group: BTreeSet<i64> = group
        .select(&Selector::parse("input[name=carry]").unwrap())
        .map(|e| e.value().attr("value").unwrap().parse().unwrap())
        .collect();
    let none = group
        .select(&Selector::parse("button[value^='none:']").unwrap())
        .next()
        .expect("the group has «Velg ingen»")
        .value()
        .attr("value")
        .unwrap()
        .to_string();
    let before = plan_count(&app.db).await;
    let mut fields = roll_fields(&html);
    set(&mut fields, "name", "Min plan");
    fields.push(("select".into(), none.clone()));
    let r = submit(&app, &ikt, &path, &fields).await;
    assert_eq!(r.status(), 200, "the form comes back");
    let html = r.text().await.unwrap();
    assert_eq!(
        ticked(&html),
        all.difference(&in_group).copied().collect(),
        "only the group is unticked"
    );
    assert!(html.contains("value=\"Min plan\""), "the input is kept");
    assert_eq!(plan_count(&app.db).await, before, "nothing is rolled");

    let mut fields = roll_fields(&html);
    fields.push(("select".into(), none.replace("none:", "all:")));
    let html = submit(&app, &ikt, &path, &fields)
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(ticked(&html), all, "the group is ticked again");
}

#[sqlx::test]
async fn a_rolled_plan_says_at_its_top_that_it_was_rolled_into_the_new_one(db: PgPool) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    let plan = seeded_plan(&app.db).await;
    let (_, page) = app.text(&ikt, &format!("/plan/{plan}")).await;
    assert!(!page.contains("Planen ble rullert"), "not before rolling");
    let new = roll_all(&app, &ikt, plan).await;
    let (_, page) = app.text(&ikt, &format!("/plan/{plan}")).await;
    let today = chrono::Local::now().date_naive();
    let notice = Html::parse_document(&page)
        .select(&Selector::parse(".page-head .ds-alert").unwrap())
        .next()
        .map(|n| n.html())
        .expect("the old plan has a notice at its top");
    assert!(notice.contains("Planen ble rullert"), "{notice}");
    assert!(notice.contains("ikke lenger gjeldende"), "{notice}");
    assert!(
        notice.contains(&format!("href=\"/plan/{new}\"")),
        "{notice}"
    );
    assert!(notice.contains(&today.format("%Y").to_string()), "{notice}");
    let (_, list) = app.text(&ikt, "/plan").await;
    let rows: Vec<String> = Html::parse_document(&list)
        .select(&Selector::parse("tbody tr").unwrap())
        .map(|r| r.text().collect())
        .collect();
    assert!(
        rows.iter()
            .any(|r| r.contains("2014–2016") && r.contains("Rullert")),
        "{rows:?}"
    );
    assert!(
        rows.iter()
            .any(|r| r.contains("2015–2017") && !r.contains("Rullert")),
        "{rows:?}"
    );
}
