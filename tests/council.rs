//! The IKT-råd (issue 13) through its URLs, as Gjesdal's demo users: each step of a request is
//! taken only by the role whose step it is; assessments freeze when the meeting closes; an
//! approval makes exactly one measure; the requester is told; another municipality sees none of
//! it. The seed: Ringebu's requests from its plan, Gjesdal's council.

mod common;

use common::*;
use ikt_styring::audit::unlabelled_keys;
use ikt_styring::council::model::{AcquisitionSnapshot, MeetingSnapshot};
use reqwest::Client;
use sqlx::PgPool;

async fn gjesdal(app: &TestApp) -> i64 {
    sqlx::query_scalar(
        "select municipality_id from municipality where municipality_number = '1122'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap()
}

async fn unit(app: &TestApp, name: &str) -> String {
    let id: i64 = sqlx::query_scalar(
        "select unit_id from unit where name = $1 and municipality_id = (select municipality_id from municipality where municipality_number = '1122')",
    )
    .bind(name)
    .fetch_one(&app.db)
    .await
    .unwrap();
    id.to_string()
}

async fn state(app: &TestApp, id: i64) -> String {
    sqlx::query_scalar("select state from acquisition where acquisition_id = $1")
        .bind(id)
        .fetch_one(&app.db)
        .await
        .unwrap()
}

async fn version(app: &TestApp, id: i64) -> String {
    let v: i32 = sqlx::query_scalar("select version from acquisition where acquisition_id = $1")
        .bind(id)
        .fetch_one(&app.db)
        .await
        .unwrap();
    v.to_string()
}

fn id_from(location: &str) -> i64 {
    location
        .trim_start_matches('/')
        .split(['/', '#'])
        .nth(if location.starts_with("/council") {
            2
        } else {
            1
        })
        .unwrap()
        .parse()
        .unwrap()
}

/// A need registered by `c` for Barnehage with `investment`; its id.
async fn register(app: &TestApp, c: &Client, title: &str, investment: &str) -> i64 {
    let unit = unit(app, "Barnehage").await;
    let r = app
        .post(
            c,
            "/acquisitions",
            &[
                ("title", title),
                ("need", "Foreldre søker på papir."),
                ("unit", &unit),
                ("investment", investment),
                ("financing", "ict_funds"),
                ("urgency", "normal"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303, "registering {title}");
    id_from(&location(&r))
}

async fn meeting(app: &TestApp, ikt: &Client) -> i64 {
    let r = app
        .post(
            ikt,
            "/council/meetings",
            &[("held_on", "10.12.2026"), ("place", "Rådhuset")],
        )
        .await;
    assert_eq!(r.status(), 303);
    id_from(&location(&r))
}

async fn to_agenda(app: &TestApp, ikt: &Client, id: i64, meeting: i64) -> reqwest::Response {
    let v = version(app, id).await;
    app.post(
        ikt,
        &format!("/acquisitions/{id}/triage"),
        &[
            ("action", "agenda"),
            ("meeting", &meeting.to_string()),
            ("version", &v),
        ],
    )
    .await
}

async fn assess(app: &TestApp, c: &Client, meeting: i64, id: i64, stance: &str) -> u16 {
    app.post(
        c,
        &format!("/council/meetings/{meeting}/items/{id}/assessment"),
        &[("stance", stance), ("reason", "Vurdert mot prinsippene.")],
    )
    .await
    .status()
    .as_u16()
}

async fn recommend(app: &TestApp, c: &Client, meeting: i64, id: i64) -> u16 {
    app.post(
        c,
        &format!("/council/meetings/{meeting}/items/{id}/recommendation"),
        &[
            ("recommended", "yes"),
            ("priority", "1"),
            ("reason", "Nasjonal felleskomponent."),
        ],
    )
    .await
    .status()
    .as_u16()
}

async fn decide(app: &TestApp, c: &Client, id: i64, plan: Option<i64>) -> reqwest::Response {
    let v = version(app, id).await;
    let plan = plan.map(|p| p.to_string()).unwrap_or_default();
    app.post(
        c,
        &format!("/acquisitions/{id}/decision"),
        &[
            ("decision", "approved"),
            ("financing", "ict_funds"),
            ("amount", "240 000"),
            ("priority", "2"),
            ("archive_ref", "2026/1234"),
            ("reason", "Prioritert av RLT."),
            ("plan", &plan),
            ("version", &v),
        ],
    )
    .await
}

/// A request registered by gj-enhet, on a new meeting's agenda, assessed by gj-okonomi and
/// recommended by the chair: (request, meeting).
async fn recommended_request(app: &TestApp, title: &str, investment: &str) -> (i64, i64) {
    let enhet = app.user("gj-enhet").await;
    let ikt = app.user("gj-ikt").await;
    let okonomi = app.user("gj-okonomi").await;
    let leder = app.user("gj-leder").await;
    let id = register(app, &enhet, title, investment).await;
    let m = meeting(app, &ikt).await;
    assert_eq!(to_agenda(app, &ikt, id, m).await.status(), 303);
    assert_eq!(assess(app, &okonomi, m, id, "support").await, 303);
    assert_eq!(recommend(app, &leder, m, id).await, 303);
    (id, m)
}

async fn gjesdal_plan(app: &TestApp) -> i64 {
    let m = gjesdal(app).await;
    sqlx::query_scalar(
        "insert into action_plan (municipality_id, name, start_year, end_year) values ($1, 'Handlingsplan IKT 2026–2029', 2026, 2029) returning action_plan_id",
    )
    .bind(m)
    .fetch_one(&app.db)
    .await
    .unwrap()
}

#[sqlx::test]
async fn each_step_of_a_request_is_taken_only_by_the_role_whose_step_it_is(db: PgPool) {
    let app = spawn(db).await;
    let enhet = app.user("gj-enhet").await;
    let ikt = app.user("gj-ikt").await;
    let okonomi = app.user("gj-okonomi").await;
    let leder = app.user("gj-leder").await;
    let id = register(&app, &enhet, "Digitalt søknadsskjema", "250 000").await;
    assert_eq!(state(&app, id).await, "registered");
    let m = meeting(&app, &ikt).await;

    // The secretariat's step: IKT staff only.
    for c in [&enhet, &okonomi, &leder] {
        assert_eq!(to_agenda(&app, c, id, m).await.status(), 403);
    }
    assert_eq!(state(&app, id).await, "registered");
    assert_eq!(to_agenda(&app, &ikt, id, m).await.status(), 303);
    assert_eq!(state(&app, id).await, "on_agenda");

    // An assessment: a `rad` user on the council's member list. The chair (leder only) and the
    // requester have no `rad` role; a `rad` user outside the council is not a member.
    assert_eq!(assess(&app, &enhet, m, id, "support").await, 403);
    assert_eq!(assess(&app, &leder, m, id, "support").await, 403);
    sqlx::query(
        "insert into app_user (municipality_id, username, email, display_name, password_hash, roles)
         select municipality_id, 'gj-utenfor', 'utenfor@gjesdal.demo', 'Utenfor rådet', password_hash, array['rad']
           from app_user where username = 'gj-okonomi'",
    )
    .execute(&app.db)
    .await
    .unwrap();
    let outsider = app.user("gj-utenfor").await;
    assert_eq!(assess(&app, &outsider, m, id, "support").await, 403);
    assert_eq!(assess(&app, &okonomi, m, id, "support").await, 303);
    assert_eq!(assess(&app, &ikt, m, id, "abstain").await, 303);

    // RLT cannot decide what the council has not recommended.
    assert_eq!(decide(&app, &leder, id, None).await.status(), 400);

    // The recommendation: the chair only (a member who is not chair, IKT staff, the requester).
    for c in [&okonomi, &ikt, &enhet] {
        assert_eq!(recommend(&app, c, m, id).await, 403);
    }
    assert_eq!(recommend(&app, &leder, m, id).await, 303);
    assert_eq!(state(&app, id).await, "recommended");

    // The decision: the leder only.
    for c in [&ikt, &okonomi, &enhet] {
        assert_eq!(
            app.get(c, &format!("/acquisitions/{id}/decision"))
                .await
                .status(),
            403
        );
        assert_eq!(decide(&app, c, id, None).await.status(), 403);
    }
    assert_eq!(state(&app, id).await, "recommended");
    let r = decide(&app, &leder, id, None).await;
    assert_eq!(r.status(), 303);
    assert_eq!(state(&app, id).await, "approved");

    // The page shows the whole path, from the audit.
    let (_, html) = app.text(&enhet, &format!("/acquisitions/{id}")).await;
    for step in [
        "registrerte saken",
        "Til behandling i IKT-rådet",
        "Tilrådd",
        "Godkjent",
    ] {
        assert!(html.contains(step), "the timeline shows {step}");
    }
    assert!(html.contains("aria-current=\"step\"") || html.contains("data-step=\"done\""));
}

#[sqlx::test]
async fn a_request_sent_back_for_more_is_changed_by_its_requester_and_returns_to_the_secretariat(
    db: PgPool,
) {
    let app = spawn(db).await;
    let enhet = app.user("gj-enhet").await;
    let ikt = app.user("gj-ikt").await;
    let okonomi = app.user("gj-okonomi").await;
    let id = register(&app, &enhet, "Nytt fagsystem for barnehage", "400 000").await;

    // A question needs its words.
    let v = version(&app, id).await;
    let r = app
        .post(
            &ikt,
            &format!("/acquisitions/{id}/triage"),
            &[("action", "send_back"), ("version", &v)],
        )
        .await;
    assert_eq!(r.status(), 200);
    assert!(r.text().await.unwrap().contains("Skriv hva som mangler."));
    let r = app
        .post(
            &ikt,
            &format!("/acquisitions/{id}/triage"),
            &[
                ("action", "send_back"),
                ("comment", "Hvilke system berøres?"),
                ("version", &v),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(state(&app, id).await, "needs_info");

    // Someone else who is neither the requester nor IKT staff may not change it.
    assert_eq!(
        app.get(&okonomi, &format!("/acquisitions/{id}/edit"))
            .await
            .status(),
        403
    );
    let (status, html) = app.text(&enhet, &format!("/acquisitions/{id}/edit")).await;
    assert_eq!(status, 200);
    let mut fields = fields_of(&html, "form#acquisition-form");
    set(
        &mut fields,
        "need",
        "Foreldre søker på papir. Berører Visma Flyt Barnehage.",
    );
    let r = submit(&app, &enhet, &format!("/acquisitions/{id}/edit"), &fields).await;
    assert_eq!(r.status(), 303);
    assert_eq!(state(&app, id).await, "registered");

    // The old form, saved again, is refused as stale and keeps what was typed.
    set(&mut fields, "need", "Et annet svar");
    let r = submit(&app, &ikt, &format!("/acquisitions/{id}/edit"), &fields).await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(html.contains("id=\"conflict\""));
    assert!(html.contains("Et annet svar"));
}

#[sqlx::test]
async fn bad_input_comes_back_beside_its_field_with_everything_kept(db: PgPool) {
    let app = spawn(db).await;
    let enhet = app.user("gj-enhet").await;
    let unit = unit(&app, "Opplæring").await;
    let r = app
        .post(
            &enhet,
            "/acquisitions",
            &[
                ("title", "Læringsbrett"),
                ("need", ""),
                ("unit", &unit),
                ("investment", "mange penger"),
                ("financing", "lottery"),
            ],
        )
        .await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(html.contains("id=\"need-error\""));
    assert!(html.contains("id=\"investment-error\""));
    assert!(html.contains("id=\"financing-error\""));
    assert!(html.contains("value=\"Læringsbrett\""));
    assert!(html.contains("value=\"mange penger\""));
    let n: i64 =
        sqlx::query_scalar("select count(*) from acquisition where title = 'Læringsbrett'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(n, 0);

    // The decision's archive case number is year/number.
    let leder = app.user("gj-leder").await;
    let (id, _) = recommended_request(&app, "Skjermer", "50 000").await;
    let v = version(&app, id).await;
    let r = app
        .post(
            &leder,
            &format!("/acquisitions/{id}/decision"),
            &[
                ("decision", "approved"),
                ("archive_ref", "1234"),
                ("reason", "Ja"),
                ("version", &v),
            ],
        )
        .await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(html.contains("id=\"archive_ref-error\""));
    assert!(html.contains("id=\"financing-error\""));
    assert!(html.contains("value=\"1234\""));
    assert_eq!(state(&app, id).await, "recommended");
}

#[sqlx::test]
async fn an_assessment_can_be_changed_until_the_meeting_closes_and_is_then_frozen(db: PgPool) {
    let app = spawn(db).await;
    let enhet = app.user("gj-enhet").await;
    let ikt = app.user("gj-ikt").await;
    let okonomi = app.user("gj-okonomi").await;
    let leder = app.user("gj-leder").await;
    let id = register(&app, &enhet, "Videomøteutstyr", "120 000").await;
    let m = meeting(&app, &ikt).await;
    to_agenda(&app, &ikt, id, m).await;
    let stance = || async {
        sqlx::query_scalar::<_, String>(
            "select s.stance from council_assessment s join council_member mb using (council_member_id)
              join app_user u using (app_user_id) where u.username = 'gj-okonomi' and s.acquisition_id = $1",
        )
        .bind(id)
        .fetch_all(&app.db)
        .await
        .unwrap()
    };
    assert_eq!(assess(&app, &okonomi, m, id, "support").await, 303);
    assert_eq!(assess(&app, &okonomi, m, id, "object").await, 303);
    assert_eq!(
        stance().await,
        vec!["object".to_string()],
        "changed, not added"
    );
    assert_eq!(recommend(&app, &leder, m, id).await, 303);

    assert_eq!(
        app.post(&ikt, &format!("/council/meetings/{m}/close"), &[])
            .await
            .status(),
        303
    );
    let r = app
        .post(
            &okonomi,
            &format!("/council/meetings/{m}/items/{id}/assessment"),
            &[("stance", "support"), ("reason", "Ombestemt meg.")],
        )
        .await;
    assert_eq!(r.status(), 303);
    let r = app.get(&okonomi, &location(&r)).await;
    assert!(r.text().await.unwrap().contains("Møtet er lukket"));
    assert_eq!(stance().await, vec!["object".to_string()], "frozen");
    assert_eq!(recommend(&app, &leder, m, id).await, 303);
    let rec: Option<String> = sqlx::query_scalar(
        "select reason from council_agenda where council_meeting_id = $1 and acquisition_id = $2",
    )
    .bind(m)
    .bind(id)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(rec.as_deref(), Some("Nasjonal felleskomponent."));

    // The closed meeting's page offers no form to assess, recommend or close.
    let (_, html) = app.text(&okonomi, &format!("/council/meetings/{m}")).await;
    assert!(!html.contains(&format!("id=\"assess-{id}\"")));
    let (_, html) = app.text(&ikt, &format!("/council/meetings/{m}")).await;
    assert!(!html.contains("id=\"close-form\""));
    let (status, html) = app
        .text(&okonomi, &format!("/council/meetings/{m}/minutes"))
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("Går imot"));
    assert!(html.contains("Nasjonal felleskomponent."));
}

#[sqlx::test]
async fn closing_a_meeting_sends_an_item_without_a_recommendation_back_to_the_secretariat(
    db: PgPool,
) {
    let app = spawn(db).await;
    let enhet = app.user("gj-enhet").await;
    let ikt = app.user("gj-ikt").await;
    let id = register(&app, &enhet, "Nettbrett til hjemmetjenesten", "80 000").await;
    let m = meeting(&app, &ikt).await;
    to_agenda(&app, &ikt, id, m).await;
    app.post(&ikt, &format!("/council/meetings/{m}/close"), &[])
        .await;
    assert_eq!(state(&app, id).await, "registered");
    // It can go on a later meeting's agenda; not on the closed one.
    assert_eq!(
        to_agenda(&app, &ikt, id, m).await.status(),
        200,
        "the closed meeting is no choice"
    );
    let later = meeting(&app, &ikt).await;
    assert_eq!(to_agenda(&app, &ikt, id, later).await.status(), 303);
    assert_eq!(state(&app, id).await, "on_agenda");
}

#[sqlx::test]
async fn an_approval_makes_exactly_one_measure_with_the_decided_amount_and_financing(db: PgPool) {
    let app = spawn(db).await;
    let enhet = app.user("gj-enhet").await;
    let ikt = app.user("gj-ikt").await;
    let okonomi = app.user("gj-okonomi").await;
    let leder = app.user("gj-leder").await;
    let plan = gjesdal_plan(&app).await;
    let id = register(
        &app,
        &enhet,
        "Digitalt søknadsskjema for barnehageplass",
        "250 000",
    )
    .await;
    let m = meeting(&app, &ikt).await;
    to_agenda(&app, &ikt, id, m).await;
    assess(&app, &okonomi, m, id, "support").await;
    recommend(&app, &leder, m, id).await;
    let r = decide(&app, &leder, id, Some(plan)).await;
    assert_eq!(r.status(), 303);
    // Posted twice (a double click, a back button): still one measure.
    decide(&app, &leder, id, Some(plan)).await;
    let rows: Vec<(i64, String, Option<rust_decimal::Decimal>, String)> = sqlx::query_as(
        "select me.measure_id, me.title, c.amount, c.financing from measure me
           join measure_cost c using (measure_id) where me.action_plan_id = $1",
    )
    .bind(plan)
    .fetch_all(&app.db)
    .await
    .unwrap();
    assert_eq!(rows.len(), 1, "{rows:?}");
    let (measure, title, amount, financing) = &rows[0];
    assert_eq!(title, "Digitalt søknadsskjema for barnehageplass");
    assert_eq!(*amount, Some(rust_decimal::Decimal::from(240_000)));
    assert_eq!(
        financing, "approved_budget",
        "ICT funds set aside are the approved budget"
    );
    let linked: Option<i64> =
        sqlx::query_scalar("select measure_id from acquisition where acquisition_id = $1")
            .bind(id)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(linked, Some(*measure));
    let (_, html) = app.text(&leder, &format!("/plan/{plan}")).await;
    assert!(html.contains("Digitalt søknadsskjema for barnehageplass"));
}

#[sqlx::test]
async fn an_approval_without_a_plan_stands_and_is_linked_to_a_new_measure_later(db: PgPool) {
    let app = spawn(db).await;
    let enhet = app.user("gj-enhet").await;
    let ikt = app.user("gj-ikt").await;
    let leder = app.user("gj-leder").await;
    let (id, _) = recommended_request(&app, "Sak uten plan", "90 000").await;
    assert_eq!(decide(&app, &leder, id, None).await.status(), 303);
    assert_eq!(state(&app, id).await, "approved");
    let plan = gjesdal_plan(&app).await;
    assert_eq!(
        app.post(
            &enhet,
            &format!("/acquisitions/{id}/measure"),
            &[("plan", &plan.to_string())]
        )
        .await
        .status(),
        403
    );
    let r = app
        .post(
            &ikt,
            &format!("/acquisitions/{id}/measure"),
            &[("plan", &plan.to_string())],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert!(location(&r).starts_with("/measures/"));
    let again = app
        .post(
            &ikt,
            &format!("/acquisitions/{id}/measure"),
            &[("plan", &plan.to_string())],
        )
        .await;
    assert_eq!(again.status(), 303);
    let n: i64 = sqlx::query_scalar("select count(*) from measure where action_plan_id = $1")
        .bind(plan)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(n, 1);
}

#[sqlx::test]
async fn a_request_registered_from_a_measure_keeps_that_measure_when_approved(db: PgPool) {
    let app = spawn(db).await;
    // Ringebu has no council in its documents; the test seats its leder as chair and its rad.
    sqlx::query(
        "insert into council_member (municipality_id, position, title, app_user_id, chair)
         select municipality_id, 1, 'Rådmann', app_user_id, true from app_user where username = 'leder'",
    )
    .execute(&app.db)
    .await
    .unwrap();
    let ikt = app.user("ikt").await;
    let leder = app.user("leder").await;
    let (id, measure): (i64, i64) = sqlx::query_as(
        "select a.acquisition_id, a.measure_id from acquisition a join measure me using (measure_id)
          where me.title = 'Backup med redundante løsninger'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let measures = || async {
        sqlx::query_scalar::<_, i64>(
            "select count(*) from measure where municipality_id = (select min(municipality_id) from municipality)",
        )
        .fetch_one(&app.db)
        .await
        .unwrap()
    };
    let before = measures().await;
    let m = meeting(&app, &ikt).await;
    assert_eq!(to_agenda(&app, &ikt, id, m).await.status(), 303);
    assert_eq!(recommend(&app, &leder, m, id).await, 303);
    let plan = plan_id(&app).await;
    assert_eq!(decide(&app, &leder, id, Some(plan)).await.status(), 303);
    assert_eq!(measures().await, before, "never a duplicate");
    let linked: Option<i64> =
        sqlx::query_scalar("select measure_id from acquisition where acquisition_id = $1")
            .bind(id)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(linked, Some(measure));

    // A second request from the same measure is refused beside its title.
    let unit: i64 = sqlx::query_scalar("select min(unit_id) from unit where municipality_id = (select min(municipality_id) from municipality)")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let r = app
        .post(
            &ikt,
            "/acquisitions",
            &[
                ("title", "Backup igjen"),
                ("need", "Samme behov"),
                ("unit", &unit.to_string()),
                ("measure", &measure.to_string()),
            ],
        )
        .await;
    assert_eq!(r.status(), 200);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("Tiltaket har allerede en anskaffelsessak.")
    );
}

#[sqlx::test]
async fn the_secretariat_clears_directly_only_within_the_municipalitys_threshold(db: PgPool) {
    let app = spawn(db).await;
    let enhet = app.user("gj-enhet").await;
    let ikt = app.user("gj-ikt").await;
    let id = register(&app, &enhet, "Tastatur", "30 000").await;
    let clear = |id: i64| {
        let app = &app;
        let ikt = &ikt;
        async move {
            let v = version(app, id).await;
            app.post(
                ikt,
                &format!("/acquisitions/{id}/triage"),
                &[
                    ("action", "clear"),
                    ("comment", "Liten sak"),
                    ("version", &v),
                ],
            )
            .await
        }
    };
    // Gjesdal's document sets no threshold: nothing is cleared directly.
    let r = clear(id).await;
    assert_eq!(r.status(), 200);
    assert!(r.text().await.unwrap().contains("ingen grense"));
    sqlx::query("update municipality set council_clear_threshold = 50000 where municipality_number = '1122'")
        .execute(&app.db)
        .await
        .unwrap();
    let big = register(&app, &enhet, "Server", "60 000").await;
    let r = clear(big).await;
    assert_eq!(r.status(), 200);
    assert!(r.text().await.unwrap().contains("over grensen"));
    assert_eq!(clear(id).await.status(), 303);
    assert_eq!(state(&app, id).await, "cleared");
    let comment: Option<String> =
        sqlx::query_scalar("select triage_comment from acquisition where acquisition_id = $1")
            .bind(id)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(comment.as_deref(), Some("Liten sak"));
}

#[sqlx::test]
async fn the_requester_is_told_of_every_step_and_no_one_else_is(db: PgPool) {
    let app = spawn(db).await;
    let enhet = app.user("gj-enhet").await;
    let okonomi = app.user("gj-okonomi").await;
    let leder = app.user("gj-leder").await;
    let (id, _) = recommended_request(&app, "Fagsystem for helse", "300 000").await;
    decide(&app, &leder, id, None).await;
    let kinds: Vec<(String, String)> = sqlx::query_as(
        "select u.username, n.kind from notification n join app_user u using (app_user_id)
          where n.acquisition_id = $1 order by n.notification_id",
    )
    .bind(id)
    .fetch_all(&app.db)
    .await
    .unwrap();
    let want: Vec<(String, String)> = ["on_agenda", "recommended", "approved"]
        .iter()
        .map(|k| ("gj-enhet".to_string(), k.to_string()))
        .collect();
    assert_eq!(kinds, want);
    let (_, html) = app.text(&enhet, "/notifications").await;
    assert!(html.contains("RLT har godkjent saken."));
    assert!(html.contains("class=\"unread\""));
    assert_eq!(
        app.post(&enhet, "/notifications/read", &[]).await.status(),
        303
    );
    let (_, html) = app.text(&enhet, "/notifications").await;
    assert!(!html.contains("class=\"unread\""));
    let (_, html) = app.text(&okonomi, "/notifications").await;
    assert!(!html.contains("Fagsystem for helse"));
}

#[sqlx::test]
async fn the_lists_show_each_role_what_waits_for_them(db: PgPool) {
    let app = spawn(db).await;
    let enhet = app.user("gj-enhet").await;
    let ikt = app.user("gj-ikt").await;
    let okonomi = app.user("gj-okonomi").await;
    let leder = app.user("gj-leder").await;
    let waiting = register(&app, &enhet, "Venter på vurdering", "10 000").await;
    let decided = register(&app, &ikt, "Sak til RLT", "20 000").await;
    let m = meeting(&app, &ikt).await;
    to_agenda(&app, &ikt, waiting, m).await;
    to_agenda(&app, &ikt, decided, m).await;
    assess(&app, &okonomi, m, decided, "support").await;
    recommend(&app, &leder, m, decided).await;

    let (_, html) = app.text(&okonomi, "/acquisitions?tab=assess").await;
    assert!(html.contains("Venter på vurdering"));
    assert!(!html.contains(">Sak til RLT<"), "already assessed");
    let (_, html) = app.text(&leder, "/acquisitions?tab=rlt").await;
    assert!(html.contains(">Sak til RLT<"));
    assert!(!html.contains("Venter på vurdering"));
    let (_, html) = app.text(&enhet, "/acquisitions?tab=mine").await;
    assert!(html.contains("Venter på vurdering"));
    assert!(!html.contains(">Sak til RLT<"));
    // Filters survive in the query string and narrow the list.
    let (_, html) = app
        .text(&enhet, "/acquisitions?tab=all&state=recommended")
        .await;
    assert!(html.contains(">Sak til RLT<"));
    assert!(!html.contains("Venter på vurdering"));
    let barnehage = unit(&app, "Barnehage").await;
    let (_, html) = app
        .text(
            &enhet,
            &format!("/acquisitions?unit={barnehage}&financing=separate_item"),
        )
        .await;
    assert!(html.contains("id=\"no-acquisitions\""));
    assert!(html.contains(&format!("<option value=\"{barnehage}\" selected>")));
}

#[sqlx::test]
async fn another_municipality_sees_none_of_the_requests_meetings_or_notifications(db: PgPool) {
    let app = spawn(db).await;
    let enhet = app.user("gj-enhet").await;
    let ikt = app.user("gj-ikt").await;
    let id = register(&app, &enhet, "Gjesdals egen sak", "10 000").await;
    let m = meeting(&app, &ikt).await;
    to_agenda(&app, &ikt, id, m).await;
    let other = app.other_municipality().await;
    for path in [
        format!("/acquisitions/{id}"),
        format!("/acquisitions/{id}/edit"),
        format!("/council/meetings/{m}"),
        format!("/council/meetings/{m}/minutes"),
        format!("/history/acquisition/{id}"),
    ] {
        assert_eq!(app.get(&other, &path).await.status(), 404, "{path}");
    }
    let r = app
        .post(
            &other,
            &format!("/acquisitions/{id}/triage"),
            &[("action", "send_back"), ("comment", "x")],
        )
        .await;
    assert_eq!(r.status(), 404);
    let r = app
        .post(&other, &format!("/council/meetings/{m}/close"), &[])
        .await;
    assert_eq!(r.status(), 404);
    let (_, html) = app.text(&other, "/acquisitions").await;
    assert!(!html.contains("Gjesdals egen sak"));
    let (_, html) = app.text(&other, "/council/meetings").await;
    assert!(html.contains("id=\"no-meetings\""));
    let (_, html) = app.text(&other, "/council").await;
    assert!(html.contains("id=\"no-members\"") && html.contains("id=\"no-matrix\""));
    assert_eq!(state(&app, id).await, "on_agenda");
}

/// title, investment, state, financing, linked to a measure
type SeededRequest = (
    String,
    Option<rust_decimal::Decimal>,
    String,
    Option<String>,
    bool,
);

#[sqlx::test]
async fn ringebus_measures_that_need_an_appropriation_are_its_registered_requests(db: PgPool) {
    let app = spawn(db).await;
    let rows: Vec<SeededRequest> =
        sqlx::query_as(
            "select a.title, a.investment, a.state, a.financing, a.measure_id is not null
               from acquisition a where a.municipality_id = (select min(municipality_id) from municipality)
              order by a.acquisition_id",
        )
        .fetch_all(&app.db)
        .await
        .unwrap();
    let titles: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Egeneid fiber til Drop in kontor fra Ringebu Rådhus",
            "Egeneid fiber til Tromsvang",
            "Backup med redundante løsninger",
            "Gratis trådløst nettverk (evt. 4G) i Fåvang tettsted",
            "Anskaffe video- og telefonkonferanseutstyr med førsteprioritet på Drop In kontoret.",
        ]
    );
    let total: rust_decimal::Decimal = rows.iter().filter_map(|r| r.1).sum();
    assert_eq!(total, rust_decimal::Decimal::from(1_020_000));
    assert!(
        rows.iter()
            .all(|r| r.2 == "registered" && r.3.is_none() && r.4)
    );
    let decided: i64 =
        sqlx::query_scalar("select count(*) from acquisition where decided_on is not null")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(decided, 0, "no invented decisions");
}

#[sqlx::test]
async fn gjesdals_council_is_its_chair_and_seven_roles_with_its_principles_and_matrix(db: PgPool) {
    let app = spawn(db).await;
    let m = gjesdal(&app).await;
    let members: Vec<(String, bool, Option<String>)> = sqlx::query_as(
        "select mb.title, mb.chair, u.username from council_member mb left join app_user u using (app_user_id)
          where mb.municipality_id = $1 order by mb.position",
    )
    .bind(m)
    .fetch_all(&app.db)
    .await
    .unwrap();
    assert_eq!(members.len(), 8);
    assert_eq!(
        members[0],
        ("Assisterende rådmann".into(), true, Some("gj-leder".into()))
    );
    assert_eq!(members.iter().filter(|m| m.1).count(), 1);
    let principles: i64 =
        sqlx::query_scalar("select count(*) from council_principle where municipality_id = $1")
            .bind(m)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(principles, 8);
    let org: Option<String> =
        sqlx::query_scalar("select org_number from municipality where municipality_id = $1")
            .bind(m)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(org, None, "not in the document, so not guessed");
    let enhet = app.user("gj-enhet").await;
    let (status, html) = app.text(&enhet, "/council").await;
    assert_eq!(status, 200);
    assert!(html.contains("Kolonnen er usikker"));
    assert!(html.contains("Avsatte IKT-midler i økonomiplanen"));
    assert!(html.contains("ID-porten"));
    assert_eq!(html.matches("class=\"uncertain\"").count(), 8);
}

#[test]
fn every_key_of_a_request_and_a_meeting_has_a_label_in_the_log() {
    assert!(unlabelled_keys(&AcquisitionSnapshot::default()).is_empty());
    assert!(unlabelled_keys(&MeetingSnapshot::default()).is_empty());
}

#[sqlx::test]
async fn an_approved_request_gets_benefits_and_follow_ups_and_the_realisation_page_shows_what_is_behind(
    db: PgPool,
) {
    let app = spawn(db).await;
    let enhet = app.user("gj-enhet").await;
    let ikt = app.user("gj-ikt").await;
    let okonomi = app.user("gj-okonomi").await;
    let leder = app.user("gj-leder").await;
    let id = register(&app, &enhet, "Digital innbyggerdialog", "150 000").await;
    // Not approved yet: no benefits page.
    assert_eq!(
        app.get(&enhet, &format!("/acquisitions/{id}/benefits"))
            .await
            .status(),
        404
    );
    let m = meeting(&app, &ikt).await;
    to_agenda(&app, &ikt, id, m).await;
    assess(&app, &okonomi, m, id, "support").await;
    recommend(&app, &leder, m, id).await;
    decide(&app, &leder, id, None).await;
    // Approved long enough ago that the 6-month follow-up is due.
    sqlx::query("update acquisition set decided_on = current_date - 200 where acquisition_id = $1")
        .bind(id)
        .execute(&app.db)
        .await
        .unwrap();

    let benefit = [
        ("kind", "time"),
        ("indicator", "Timer per uke på telefon"),
        ("baseline", "20"),
        ("target", "5"),
        ("target_date", "2020-01-01"),
    ];
    // A member who is neither the requester nor IKT staff may not add one.
    let r = app
        .post(&okonomi, &format!("/acquisitions/{id}/benefits"), &benefit)
        .await;
    assert_eq!(r.status(), 403);
    let r = app
        .post(
            &enhet,
            &format!("/acquisitions/{id}/benefits"),
            &[("kind", "luck"), ("baseline", "mye")],
        )
        .await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(html.contains("id=\"kind-error\"") && html.contains("id=\"indicator-error\""));
    assert!(html.contains("id=\"baseline-error\"") && html.contains("value=\"mye\""));
    let r = app
        .post(&enhet, &format!("/acquisitions/{id}/benefits"), &benefit)
        .await;
    assert_eq!(r.status(), 303);
    let bid: i64 = sqlx::query_scalar("select benefit_id from benefit where acquisition_id = $1")
        .bind(id)
        .fetch_one(&app.db)
        .await
        .unwrap();

    // Its target date has passed with no value: behind, and the 6-month follow-up is missing.
    let (_, html) = app.text(&leder, "/benefits").await;
    assert!(html.contains("Bak målet"), "behind its target");
    assert!(html.contains("6-månedersoppfølging mangler"));
    assert!(html.contains("1 gevinst mangler en oppfølging."));

    let tomorrow = (chrono::Local::now().date_naive() + chrono::Duration::days(1))
        .format("%Y-%m-%d")
        .to_string();
    let r = app
        .post(
            &enhet,
            &format!("/benefits/{bid}/followups"),
            &[("measured_on", &tomorrow), ("value", "4")],
        )
        .await;
    assert_eq!(r.status(), 200, "a value measured in the future is refused");
    assert!(r.text().await.unwrap().contains("fram i tid"));
    let today = chrono::Local::now()
        .date_naive()
        .format("%Y-%m-%d")
        .to_string();
    let r = app
        .post(
            &enhet,
            &format!("/benefits/{bid}/followups"),
            &[
                ("measured_on", &today),
                ("value", "4"),
                ("note", "Chatbot i drift"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let (_, html) = app.text(&leder, "/benefits").await;
    assert!(
        html.contains("Nådd"),
        "4 is below the target 5, from a baseline of 20"
    );
    assert!(html.contains("0 gevinster mangler en oppfølging."));
    // The follow-up is in the benefit's history.
    assert_eq!(app.audit_count("benefit", bid).await, 2);
    let (_, html) = app.text(&leder, &format!("/history/benefit/{bid}")).await;
    assert!(html.contains("Chatbot i drift"));
}

#[sqlx::test]
async fn an_administrator_keeps_the_threshold_the_principles_and_the_seats_and_each_change_is_audited(
    db: PgPool,
) {
    let app = spawn(db).await;
    let admin = app.user("gj-admin").await;
    let ikt = app.user("gj-ikt").await;
    let enhet = app.user("gj-enhet").await;
    let m = gjesdal(&app).await;
    assert_eq!(app.get(&ikt, "/council/settings").await.status(), 403);
    assert_eq!(
        app.post(&ikt, "/council/settings/threshold", &[("threshold", "1")])
            .await
            .status(),
        403
    );
    let (status, _) = app.text(&admin, "/council/settings").await;
    assert_eq!(status, 200);

    let r = app
        .post(
            &admin,
            "/council/settings/threshold",
            &[("threshold", "femti")],
        )
        .await;
    assert_eq!(r.status(), 200);
    assert!(r.text().await.unwrap().contains("id=\"threshold-error\""));
    let audits = || async {
        sqlx::query_scalar::<_, i64>(
            "select count(*) from audit_log where table_name = 'municipality' and record_id = $1",
        )
        .bind(m)
        .fetch_one(&app.db)
        .await
        .unwrap()
    };
    let before = audits().await;
    assert_eq!(
        app.post(
            &admin,
            "/council/settings/threshold",
            &[("threshold", "50 000")]
        )
        .await
        .status(),
        303
    );
    assert_eq!(audits().await, before + 1);
    let (_, html) = app.text(&enhet, "/council").await;
    assert!(html.contains("til og med kr 50 000"));

    // A municipality adds its own principle; one taken out of use leaves the form, not the
    // answers already given to it.
    let id = register(&app, &enhet, "Sak med svar", "10 000").await;
    let eighth: i64 = sqlx::query_scalar(
        "select council_principle_id from council_principle where municipality_id = $1 and position = 8",
    )
    .bind(m)
    .fetch_one(&app.db)
    .await
    .unwrap();
    sqlx::query("insert into acquisition_answer (acquisition_id, council_principle_id, municipality_id, answer) values ($1, $2, $3, 'Egne ansatte drifter')")
        .bind(id)
        .bind(eighth)
        .bind(m)
        .execute(&app.db)
        .await
        .unwrap();
    assert_eq!(
        app.post(
            &admin,
            "/council/settings/principles",
            &[(
                "text",
                "Personopplysninger behandles etter personvernforordningen."
            )]
        )
        .await
        .status(),
        303
    );
    assert_eq!(
        app.post(
            &admin,
            &format!("/council/settings/principles/{eighth}"),
            &[("active", "")]
        )
        .await
        .status(),
        303
    );
    let (_, html) = app.text(&enhet, "/acquisitions/new").await;
    assert!(html.contains("personvernforordningen"));
    assert!(!html.contains(&format!("name=\"answer_{eighth}\"")));
    let (_, html) = app.text(&enhet, &format!("/acquisitions/{id}")).await;
    assert!(html.contains("Egne ansatte drifter"));

    // One chair: a new chair takes the flag; a login holds one seat.
    let seat: i64 = sqlx::query_scalar(
        "select council_member_id from council_member mb join app_user u using (app_user_id) where u.username = 'gj-okonomi'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let okonomi = app.user_id("gj-okonomi").await.to_string();
    let r = app
        .post(
            &admin,
            &format!("/council/settings/members/{seat}"),
            &[
                ("title", "Økonomisjef"),
                ("user", &okonomi),
                ("chair", "on"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let chairs: Vec<String> = sqlx::query_scalar(
        "select u.username from council_member mb join app_user u using (app_user_id) where mb.chair and mb.municipality_id = $1",
    )
    .bind(m)
    .fetch_all(&app.db)
    .await
    .unwrap();
    assert_eq!(chairs, vec!["gj-okonomi".to_string()]);
    let r = app
        .post(
            &admin,
            "/council/settings/members",
            &[("title", "Arkivleder"), ("user", &okonomi)],
        )
        .await;
    assert_eq!(r.status(), 200);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("Brukeren har allerede et sete i rådet.")
    );
    let (_, html) = app
        .text(&admin, &format!("/history/municipality/{m}"))
        .await;
    assert!(
        html.contains("personvernforordningen"),
        "the municipality's history shows the change"
    );
}
