//! Milestones and decision points in an action plan, and Nordre Land's project plan: a plan
//! without a strategy document (issue 12).

mod common;

use common::*;
use sqlx::PgPool;

/// The text of the element matched by `selector`, all of them joined.
fn texts(html: &str, selector: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse(selector).unwrap();
    doc.select(&sel)
        .map(|e| e.text().collect::<String>().trim().to_string())
        .collect()
}

async fn nordre_land_plan(app: &TestApp) -> i64 {
    sqlx::query_scalar(
        "select p.action_plan_id from action_plan p join municipality m using (municipality_id)
         where m.name = 'Nordre Land kommune'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap()
}

#[sqlx::test]
async fn nordre_land_is_a_second_demo_municipality_whose_project_plan_has_no_strategy_and_no_guessed_schedule(
    db: PgPool,
) {
    let app = spawn(db).await;
    let (org, number): (Option<String>, String) = sqlx::query_as(
        "select org_number, municipality_number from municipality where name = 'Nordre Land kommune'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(org, None, "its organisation number is in no document");
    assert_eq!(number, "3448");

    let plan = nordre_land_plan(&app).await;
    let c = app.user("nl-ikt").await;
    let (status, html) = app.text(&c, &format!("/plan/{plan}")).await;
    assert_eq!(status, 200);
    assert!(html.contains("Digitalisering i Nordre Land Kommune"));
    let titles = texts(&html, "tr.measure-row .measure-title a");
    assert_eq!(titles.len(), 17, "HA01–HA17");
    assert_eq!(titles[0], "HA01 Planlegging av planarbeidet");
    assert_eq!(titles[16], "HA17 Revidere prosjektplan");
    assert!(
        texts(&html, "td.planned").is_empty(),
        "the timeline lost its bars: no schedule cells rather than guessed ones"
    );
    assert!(html.contains("Tiltak i planen (planen hører ikke til en strategi)"));
    assert!(!html.contains("Knyttet til hovedmålet"));

    // Nine points; BP1 (20.12.2016) is before the plan's first year and has no column.
    let rows = texts(&html, "tr.milestone-row th");
    assert_eq!(rows.len(), 9);
    assert!(
        rows.iter()
            .any(|r| r.contains("MP3 Tatt i bruk nytt skoleadm. system og Feide"))
    );
    assert_eq!(texts(&html, "td.milestone-cell").len(), 8);
    assert!(html.contains("Beslutningspunkt, 20.12.2016 (utenfor planperioden)"));

    // The description keeps the document's three columns.
    let ha02: i64 = sqlx::query_scalar("select measure_id from measure where title like 'HA02 %'")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let (_, page) = app.text(&c, &format!("/measures/{ha02}")).await;
    assert!(page.contains("inngå avtale om bruk av KS SvarUT, ID-porten"));
    assert!(page.contains(
        "Nytt sak- og arkivsystem tatt i bruk 01.01.18 og integrasjoner fungerer innen 01.07.18"
    ));
}

#[sqlx::test]
async fn the_municipalities_see_only_their_own_plans_and_milestones(db: PgPool) {
    let app = spawn(db).await;
    let ringebu = plan_id(&app).await;
    let nordre_land = nordre_land_plan(&app).await;
    let nl = app.user("nl-ikt").await;
    let ikt = app.user("ikt").await;
    assert_eq!(
        app.get(&nl, &format!("/plan/{ringebu}")).await.status(),
        404
    );
    assert_eq!(
        app.get(&nl, &format!("/plan/{ringebu}/milestones"))
            .await
            .status(),
        404
    );
    assert_eq!(
        app.get(&ikt, &format!("/plan/{nordre_land}"))
            .await
            .status(),
        404
    );
    let nl_milestone: i64 = sqlx::query_scalar(
        "select plan_milestone_id from plan_milestone where action_plan_id = $1 and code = 'MP1'",
    )
    .bind(nordre_land)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(
        app.get(&ikt, &format!("/milestones/{nl_milestone}/edit"))
            .await
            .status(),
        404
    );
    let r = app
        .post(
            &ikt,
            &format!("/plan/{nordre_land}/milestones"),
            &[
                ("kind", "milestone"),
                ("name", "Inntrenger"),
                ("due", "2017-05-01"),
            ],
        )
        .await;
    assert_eq!(r.status(), 404);
    let r = app
        .post(&ikt, &format!("/milestones/{nl_milestone}/delete"), &[])
        .await;
    assert_eq!(r.status(), 404);
    let left: i64 =
        sqlx::query_scalar("select count(*) from plan_milestone where action_plan_id = $1")
            .bind(nordre_land)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(left, 9);
    let (_, list) = app.text(&nl, "/plan").await;
    assert!(!list.contains("Handlingsplan IKT 2014"));
}

#[sqlx::test]
async fn ikt_adds_a_milestone_that_shows_as_a_diamond_in_its_month_then_edits_and_deletes_it_with_history(
    db: PgPool,
) {
    let app = spawn(db).await;
    let plan = plan_id(&app).await;
    let ikt = app.user("ikt").await;
    let r = app
        .post(
            &ikt,
            &format!("/plan/{plan}/milestones"),
            &[
                ("kind", "milestone"),
                ("code", "MP1"),
                ("name", "Feide i alle skoler"),
                ("due", "10.03.2014"),
                ("criterion", "Feide tatt i bruk"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let (_, html) = app.text(&ikt, &format!("/plan/{plan}")).await;
    let doc = scraper::Html::parse_document(&html);
    let row_sel = scraper::Selector::parse("tr.milestone-row").unwrap();
    let row = doc.select(&row_sel).next().expect("a milestone row");
    let cells: Vec<_> = row
        .select(&scraper::Selector::parse("td").unwrap())
        .collect();
    // After the «when» cell (colspan 4) come the period columns: Jan, Feb, Mar…
    let diamond = cells
        .iter()
        .skip(1)
        .position(|c| {
            c.value()
                .attr("class")
                .unwrap_or("")
                .contains("milestone-cell")
        })
        .expect("a ◆ cell");
    assert_eq!(diamond, 2, "March is the third month of 2014");
    assert!(
        row.text()
            .collect::<String>()
            .contains("MP1 Feide i alle skoler")
    );

    let id: i64 = sqlx::query_scalar(
        "select plan_milestone_id from plan_milestone where name = 'Feide i alle skoler'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    // Saved by someone else meanwhile: refused with the input kept.
    let r = app
        .post(
            &ikt,
            &format!("/milestones/{id}/edit"),
            &[
                ("kind", "milestone"),
                ("name", "Feide overalt"),
                ("due", "2014-04-01"),
                ("version", "0"),
            ],
        )
        .await;
    assert_eq!(r.status(), 200);
    let body = r.text().await.unwrap();
    assert!(body.contains("Noen andre lagret denne milepælen"));
    assert!(body.contains("value=\"Feide overalt\""));
    let r = app
        .post(
            &ikt,
            &format!("/milestones/{id}/edit"),
            &[
                ("kind", "decision_point"),
                ("name", "Feide overalt"),
                ("due", "2014-04-01"),
                ("version", "1"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let (_, list) = app.text(&ikt, &format!("/plan/{plan}/milestones")).await;
    assert!(list.contains("Feide overalt") && list.contains("Beslutningspunkt"));
    let (_, history) = app
        .text(&ikt, &format!("/history/plan_milestone/{id}"))
        .await;
    assert!(history.contains("Feide i alle skoler") && history.contains("Feide overalt"));

    let (status, confirm) = app.text(&ikt, &format!("/milestones/{id}/delete")).await;
    assert_eq!(status, 200);
    assert!(confirm.contains("Slett milepælen"));
    let r = app
        .post(&ikt, &format!("/milestones/{id}/delete"), &[])
        .await;
    assert_eq!(r.status(), 303);
    let (_, html) = app.text(&ikt, &format!("/plan/{plan}")).await;
    assert!(!html.contains("milestone-row"));
    assert_eq!(app.audit_count("plan_milestone", id).await, 3);
}

#[sqlx::test]
async fn a_milestone_without_a_name_or_with_an_impossible_date_is_refused_beside_the_field_with_the_input_kept(
    db: PgPool,
) {
    let app = spawn(db).await;
    let plan = plan_id(&app).await;
    let ikt = app.user("ikt").await;
    let r = app
        .post(
            &ikt,
            &format!("/plan/{plan}/milestones"),
            &[
                ("kind", "milestone"),
                ("code", "MP7"),
                ("name", " "),
                ("due", "31.02.2014"),
            ],
        )
        .await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert_eq!(texts(&html, "#name-error"), ["Skriv hva milepælen heter."]);
    assert_eq!(texts(&html, "#due-error").len(), 1);
    assert!(html.contains("value=\"MP7\"") && html.contains("value=\"31.02.2014\""));
    let r = app
        .post(
            &ikt,
            &format!("/plan/{plan}/milestones"),
            &[("kind", "meteor"), ("name", "X"), ("due", "")],
        )
        .await;
    let html = r.text().await.unwrap();
    assert_eq!(
        texts(&html, "#kind-error"),
        ["Velg om det er en milepæl eller et beslutningspunkt."]
    );
    assert_eq!(
        texts(&html, "#due-error"),
        ["Skriv datoen, for eksempel 15.03.2017."]
    );
    let n: i64 =
        sqlx::query_scalar("select count(*) from plan_milestone where action_plan_id = $1")
            .bind(plan)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(n, 0);
}

#[sqlx::test]
async fn a_new_plan_may_stand_without_a_strategy_document(db: PgPool) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    let r = app
        .post(
            &ikt,
            "/plan/new",
            &[
                ("name", "Prosjekt fiber 2027"),
                ("start_year", "2027"),
                ("end_year", "2028"),
                ("document", "none"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let id: (i64, Option<i64>) = sqlx::query_as(
        "select action_plan_id, strategy_document_id from action_plan where name = 'Prosjekt fiber 2027'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(id.1, None);
    let (status, _) = app.text(&ikt, &format!("/plan/{}", id.0)).await;
    assert_eq!(status, 200);
    let (status, form) = app
        .text(&ikt, &format!("/plan/{}/measures/new", id.0))
        .await;
    assert_eq!(status, 200, "a measure can be added to it");
    assert!(form.contains("name=\"title\""));
    // A document that is not the municipality's is still refused.
    let r = app
        .post(
            &ikt,
            "/plan/new",
            &[
                ("name", "X"),
                ("start_year", "2027"),
                ("end_year", "2028"),
                ("document", "999999"),
            ],
        )
        .await;
    assert_eq!(r.status(), 200);
}
