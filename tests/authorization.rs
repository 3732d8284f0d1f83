//! Every route, for every role and for a visitor who is not logged in: who may read it, who may
//! post to it. A new route gets its line here (issue 6: roles are stated by extractors in the
//! handler's signature; this is what proves them).

mod common;

use common::*;
use sqlx::PgPool;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Who {
    /// Every logged-in user.
    Everyone,
    /// IKT staff and administrators.
    Editors,
    Admins,
    /// Who may write a plan's status reports: IKT staff and administrators, and the people the
    /// plan names as responsible and helpers (the seed names Magnus Rønningen, `ikt`, and as
    /// helpers Jan Magne Langseth, `admin`, and Arild Kongsrud, `rad`).
    ReportWriters,
    /// The rådmann.
    Leder,
    /// IKT staff, and the superusers of that system (`superbruker` is Mona Mjøen).
    EditorsAndItsSuperuser,
    /// Only the superusers of that system.
    ItsSuperuser,
    /// No role as such: only a person the record names (none of the demo users).
    Nobody,
    /// IKT staff, administrators and superusers (the register's import: superusers for their
    /// fields of their own systems).
    EditorsAndSuperusers,
    /// IKT staff, the rådmann and administrators: restricted risk assessments and the line
    /// inventory.
    Confidential,
    /// Members of the IKT-råd with the `rad` role (the test seats `rad` as a member and `leder`
    /// as chair; Ringebu's documents name no council).
    CouncilMember,
}

impl Who {
    fn allows(self, role: &str) -> bool {
        match self {
            Who::Everyone => true,
            Who::Editors => matches!(role, "ikt" | "admin"),
            Who::Admins => role == "admin",
            Who::ReportWriters => matches!(role, "ikt" | "admin" | "rad"),
            Who::Leder => role == "leder",
            Who::EditorsAndItsSuperuser => matches!(role, "ikt" | "admin" | "superbruker"),
            Who::ItsSuperuser => role == "superbruker",
            Who::Nobody => false,
            Who::EditorsAndSuperusers => matches!(role, "ikt" | "admin" | "superbruker"),
            Who::Confidential => matches!(role, "ikt" | "leder" | "admin"),
            Who::CouncilMember => role == "rad",
        }
    }
}

const ROLES: [&str; 5] = ["admin", "ikt", "leder", "rad", "superbruker"];

struct Ids {
    plan: i64,
    measure: i64,
    doc: i64,
    goal_area: i64,
    strategy: i64,
    user: i64,
    round: i64,
    /// A system Mona Mjøen (`superbruker`) is superuser of, and one she is not.
    own_system: i64,
    system: i64,
    cooperation: i64,
    unit: i64,
    person: i64,
    milestone: i64,
    location: i64,
    /// A line of `location`, and a measure's link to a location.
    line: i64,
    link: i64,
    /// Risk assessments the test creates (the seed has none for Ringebu): one open, one
    /// restricted.
    assessment: i64,
    restricted_assessment: i64,
    /// A risk in each.
    risk: i64,
    restricted_risk: i64,
    /// A seeded Ringebu request (registered), one the test moves to «recommended», and a
    /// council meeting with the first on its agenda.
    acquisition: i64,
    recommended: i64,
    meeting: i64,
    /// A request the test approves, and a benefit of it.
    approved: i64,
    benefit: i64,
    /// A principle and a seat of Ringebu's council (the test makes them).
    principle: i64,
    seat: i64,
}

async fn ids(app: &TestApp) -> Ids {
    let one = |sql: &'static str| {
        let db = app.db.clone();
        async move {
            sqlx::query_scalar::<_, i64>(sql)
                .fetch_one(&db)
                .await
                .unwrap()
        }
    };
    Ids {
        plan: plan_id(app).await,
        measure: measure_id(app, "Innføre Feide i skole").await,
        doc: one("select strategy_document_id from strategy_document limit 1").await,
        goal_area: one("select goal_area_id from goal_area order by position limit 1").await,
        strategy: one("select strategy_id from strategy order by strategy_id limit 1").await,
        user: one("select app_user_id from app_user where username = 'rad'").await,
        round: one("select report_round_id from report_round order by due_date limit 1").await,
        own_system: one("select system_id from system where name = 'Physiotools'").await,
        system: one("select system_id from system where name = 'Gerica'").await,
        cooperation: one("select min(cooperation_id) from cooperation").await,
        unit: one("select min(unit_id) from unit").await,
        person: one("select min(person_id) from person").await,
        milestone: one(
            "insert into plan_milestone (municipality_id, action_plan_id, name, due)
             select municipality_id, action_plan_id, 'MP1 Testmilepæl', date '2014-03-01'
             from action_plan order by action_plan_id limit 1 returning plan_milestone_id",
        )
        .await,
        location: one("select location_id from location where name = 'Fåvang barnehage'").await,
        line: one("select min(line_id) from line join location using (location_id) where name = 'Fåvang barnehage'").await,
        link: one("select min(measure_location_id) from measure_location").await,
        assessment: one("insert into risk_assessment (municipality_id, title)
             select min(municipality_id), 'ROS for skole' from municipality
             returning risk_assessment_id")
        .await,
        restricted_assessment: one(
            "insert into risk_assessment (municipality_id, title, restricted)
             select min(municipality_id), 'ROS for nettverk', true from municipality
             returning risk_assessment_id",
        )
        .await,
        risk: one(
            "insert into risk (municipality_id, risk_assessment_id, number, description, likelihood, consequence)
             select municipality_id, risk_assessment_id, '1', 'For få ressurser', 4, 5
               from risk_assessment where title = 'ROS for skole'
             returning risk_id",
        )
        .await,
        restricted_risk: one(
            "insert into risk (municipality_id, risk_assessment_id, number, description, likelihood, consequence)
             select municipality_id, risk_assessment_id, '1', 'Brannmur uten støtte', 3, 4
               from risk_assessment where title = 'ROS for nettverk'
             returning risk_id",
        )
        .await,
        acquisition: one(
            "select min(acquisition_id) from acquisition where municipality_id = (select min(municipality_id) from municipality)",
        )
        .await,
        recommended: one(
            "update acquisition set state = 'recommended' where acquisition_id = (
                 select max(acquisition_id) from acquisition where municipality_id = (select min(municipality_id) from municipality))
             returning acquisition_id",
        )
        .await,
        meeting: one(
            "with m as (insert into council_meeting (municipality_id, held_on)
                        select min(municipality_id), date '2026-12-10' from municipality returning *),
                  seat as (insert into council_member (municipality_id, position, title, app_user_id, chair)
                           select municipality_id, position, title, app_user_id, chair from (
                               select u.municipality_id, 1 as position, 'Rådmann' as title, u.app_user_id, true as chair from app_user u where u.username = 'leder'
                               union all
                               select u.municipality_id, 2, 'Medlem', u.app_user_id, false from app_user u where u.username = 'rad') x
                           returning 1),
                  ag as (insert into council_agenda (council_meeting_id, acquisition_id, municipality_id, position)
                         select m.council_meeting_id, a.acquisition_id, m.municipality_id, 1 from m, acquisition a
                          where a.acquisition_id = (select min(acquisition_id) from acquisition where municipality_id = m.municipality_id)
                         returning 1)
             select council_meeting_id from m, (select count(*) from seat) s, (select count(*) from ag) g",
        )
        .await,
        approved: one(
            "update acquisition set state = 'approved', decided_financing = 'ict_funds', decided_amount = 100000,
                    decision_reason = 'Godkjent i testen', decided_on = date '2026-01-15'
              where acquisition_id = (select min(acquisition_id) + 1 from acquisition
                                       where municipality_id = (select min(municipality_id) from municipality))
             returning acquisition_id",
        )
        .await,
        benefit: one(
            "insert into benefit (municipality_id, acquisition_id, kind, indicator, baseline, target)
             select municipality_id, acquisition_id, 'time', 'Timer spart per måned', 40, 10 from acquisition
              where state = 'approved' and municipality_id = (select min(municipality_id) from municipality)
             returning benefit_id",
        )
        .await,
        principle: one(
            "insert into council_principle (municipality_id, position, text)
             select min(municipality_id), 1, 'Felles løsninger først' from municipality
             returning council_principle_id",
        )
        .await,
        seat: one("select min(council_member_id) from council_member where municipality_id = (select min(municipality_id) from municipality)").await,
    }
}

/// (path, who may GET it), with the seeded records' ids filled in.
fn pages(i: &Ids) -> Vec<(String, Who)> {
    vec![
        ("/".into(), Who::Everyone),
        ("/strategy".into(), Who::Everyone),
        ("/risks".into(), Who::Everyone),
        ("/risks/new".into(), Who::Editors),
        ("/risks/levels".into(), Who::Leder),
        (format!("/risks/{}", i.assessment), Who::Everyone),
        (format!("/risks/{}/items/new", i.assessment), Who::Editors),
        (format!("/risks/items/{}", i.risk), Who::Everyone),
        (format!("/risks/items/{}/edit", i.risk), Who::Editors),
        (format!("/risks/items/{}/accept", i.risk), Who::Leder),
        (format!("/risks/items/{}/delete", i.risk), Who::Editors),
        (format!("/risks/{}/edit", i.assessment), Who::Editors),
        (format!("/risks/{}/delete", i.assessment), Who::Editors),
        (
            format!("/risks/{}/export.xlsx", i.assessment),
            Who::Everyone,
        ),
        (format!("/risks/{}/export.csv", i.assessment), Who::Everyone),
        (format!("/risks/{}/import", i.assessment), Who::Editors),
        (
            format!("/risks/{}/export.csv", i.restricted_assessment),
            Who::Confidential,
        ),
        (
            format!("/risks/items/{}", i.restricted_risk),
            Who::Confidential,
        ),
        (
            format!("/risks/{}", i.restricted_assessment),
            Who::Confidential,
        ),
        (format!("/strategy/{}", i.doc), Who::Everyone),
        ("/strategy/new".into(), Who::Editors),
        (format!("/strategy/{}/edit", i.doc), Who::Editors),
        (format!("/strategy/{}/goal-areas/new", i.doc), Who::Editors),
        (
            format!("/strategy/{}/goal-areas/{}/edit", i.doc, i.goal_area),
            Who::Editors,
        ),
        (format!("/strategy/{}/strategies/new", i.doc), Who::Editors),
        (
            format!("/strategy/{}/strategies/{}/edit", i.doc, i.strategy),
            Who::Editors,
        ),
        (
            format!("/strategy/{}/strategies/{}/delete", i.doc, i.strategy),
            Who::Editors,
        ),
        ("/plan".into(), Who::Everyone),
        ("/plan/new".into(), Who::Editors),
        (format!("/plan/{}", i.plan), Who::Everyone),
        (format!("/plan/{}/roll", i.plan), Who::Editors),
        (format!("/plan/{}/export.xlsx", i.plan), Who::Everyone),
        (format!("/plan/{}/export.csv", i.plan), Who::Everyone),
        (format!("/plan/{}/import", i.plan), Who::Editors),
        (format!("/plan/{}/measures/new", i.plan), Who::Editors),
        (format!("/measures/{}", i.measure), Who::Everyone),
        (format!("/measures/{}/edit", i.measure), Who::Editors),
        (format!("/measures/{}/delete", i.measure), Who::Editors),
        (format!("/history/measure/{}", i.measure), Who::Everyone),
        (format!("/history/app_user/{}", i.user), Who::Admins),
        ("/admin/users".into(), Who::Admins),
        ("/admin/users/new".into(), Who::Admins),
        (format!("/admin/users/{}", i.user), Who::Admins),
        ("/admin/audit".into(), Who::Admins),
        ("/admin/settings".into(), Who::Admins),
        ("/profile".into(), Who::Everyone),
        (format!("/plan/{}/reports", i.plan), Who::Everyone),
        (format!("/reports/{}", i.round), Who::Everyone),
        (format!("/reports/{}/edit", i.round), Who::ReportWriters),
        (format!("/reports/{}/export.xlsx", i.round), Who::Everyone),
        ("/systems".into(), Who::Everyone),
        ("/systems/new".into(), Who::Editors),
        (format!("/systems/{}", i.system), Who::Everyone),
        (format!("/systems/{}/edit", i.system), Who::Editors),
        (
            format!("/systems/{}/edit", i.own_system),
            Who::EditorsAndItsSuperuser,
        ),
        ("/cooperations".into(), Who::Everyone),
        (format!("/cooperations/{}", i.cooperation), Who::Everyone),
        ("/units".into(), Who::Everyone),
        ("/units/new".into(), Who::Editors),
        (format!("/units/{}", i.unit), Who::Everyone),
        (format!("/units/{}/edit", i.unit), Who::Editors),
        ("/people".into(), Who::Everyone),
        ("/people/new".into(), Who::Editors),
        (format!("/people/{}", i.person), Who::Everyone),
        (format!("/people/{}/edit", i.person), Who::Editors),
        ("/systems/export.xlsx".into(), Who::Everyone),
        ("/systems/export.csv".into(), Who::Everyone),
        ("/systems/import".into(), Who::EditorsAndSuperusers),
        (format!("/plan/{}/milestones", i.plan), Who::Everyone),
        (format!("/milestones/{}/edit", i.milestone), Who::Editors),
        (format!("/milestones/{}/delete", i.milestone), Who::Editors),
        ("/locations".into(), Who::Confidential),
        (format!("/locations/{}", i.location), Who::Confidential),
        (
            format!("/history/location/{}", i.location),
            Who::Confidential,
        ),
        ("/locations/export.xlsx".into(), Who::Confidential),
        ("/locations/export.csv".into(), Who::Confidential),
        ("/locations/new".into(), Who::Editors),
        ("/locations/import".into(), Who::Editors),
        (format!("/locations/{}/edit", i.location), Who::Editors),
        (format!("/locations/{}/delete", i.location), Who::Editors),
        (format!("/locations/{}/lines/new", i.location), Who::Editors),
        (format!("/lines/{}/edit", i.line), Who::Editors),
        (format!("/lines/{}/delete", i.line), Who::Editors),
        (format!("/history/line/{}", i.line), Who::Confidential),
        (format!("/measures/{}/locations", i.measure), Who::Editors),
        ("/acquisitions".into(), Who::Everyone),
        ("/acquisitions/new".into(), Who::Everyone),
        (format!("/acquisitions/{}", i.acquisition), Who::Everyone),
        // No requester is seeded, so only IKT staff may change it.
        (
            format!("/acquisitions/{}/edit", i.acquisition),
            Who::Editors,
        ),
        (
            format!("/acquisitions/{}/decision", i.recommended),
            Who::Leder,
        ),
        (
            format!("/history/acquisition/{}", i.acquisition),
            Who::Everyone,
        ),
        ("/council".into(), Who::Everyone),
        ("/council/meetings".into(), Who::Everyone),
        (format!("/council/meetings/{}", i.meeting), Who::Everyone),
        (
            format!("/council/meetings/{}/minutes", i.meeting),
            Who::Everyone,
        ),
        (
            format!("/history/council_meeting/{}", i.meeting),
            Who::Everyone,
        ),
        ("/notifications".into(), Who::Everyone),
        (
            format!("/acquisitions/{}/benefits", i.approved),
            Who::Everyone,
        ),
        ("/benefits".into(), Who::Everyone),
        ("/benefits?show=behind".into(), Who::Everyone),
        ("/council/settings".into(), Who::Admins),
        ("/dashboard".into(), Who::Everyone),
        ("/risks/register".into(), Who::Everyone),
        ("/search?q=gerica".into(), Who::Everyone),
        (format!("/history/benefit/{}", i.benefit), Who::Everyone),
    ]
}

/// (path, who may POST to it). The forms are posted empty: an allowed role gets its
/// validation message, never a write, so the order of the checks does not matter.
fn forms(i: &Ids) -> Vec<(String, Who)> {
    vec![
        ("/risks".into(), Who::Editors),
        (format!("/risks/{}/items", i.assessment), Who::Editors),
        (format!("/risks/items/{}/edit", i.risk), Who::Editors),
        (format!("/risks/items/{}/accept", i.risk), Who::Leder),
        (format!("/risks/items/{}/measure", i.risk), Who::Editors),
        (format!("/risks/{}/edit", i.assessment), Who::Editors),
        ("/risks/levels".into(), Who::Leder),
        (format!("/risks/{}/import", i.assessment), Who::Editors),
        (
            format!("/risks/{}/import/confirm", i.assessment),
            Who::Editors,
        ),
        ("/strategy/new".into(), Who::Editors),
        (format!("/strategy/{}/edit", i.doc), Who::Editors),
        (format!("/strategy/{}/goal-areas/new", i.doc), Who::Editors),
        (
            format!("/strategy/{}/goal-areas/{}/edit", i.doc, i.goal_area),
            Who::Editors,
        ),
        (format!("/strategy/{}/strategies/new", i.doc), Who::Editors),
        (
            format!("/strategy/{}/strategies/{}/edit", i.doc, i.strategy),
            Who::Editors,
        ),
        ("/plan/new".into(), Who::Editors),
        (format!("/plan/{}/roll", i.plan), Who::Editors),
        (format!("/plan/{}/import/confirm", i.plan), Who::Editors),
        (format!("/plan/{}/measures", i.plan), Who::Editors),
        (format!("/measures/{}/edit", i.measure), Who::Editors),
        (format!("/measures/{}/status", i.measure), Who::Editors),
        ("/admin/users".into(), Who::Admins),
        (format!("/admin/users/{}", i.user), Who::Admins),
        (format!("/admin/users/{}/password", i.user), Who::Admins),
        ("/admin/settings".into(), Who::Admins),
        ("/profile".into(), Who::Everyone),
        ("/profile/password".into(), Who::Everyone),
        (format!("/plan/{}/reports/team", i.plan), Who::Editors),
        (format!("/plan/{}/reports/rounds", i.plan), Who::Editors),
        (format!("/reports/{}/schedule", i.round), Who::Editors),
        (format!("/reports/{}/edit", i.round), Who::ReportWriters),
        (format!("/reports/{}/acknowledge", i.round), Who::Leder),
        ("/systems".into(), Who::Editors),
        ("/locations/threshold".into(), Who::Editors),
        ("/locations".into(), Who::Editors),
        (format!("/locations/{}/edit", i.location), Who::Editors),
        (format!("/locations/{}/lines", i.location), Who::Editors),
        (format!("/lines/{}/edit", i.line), Who::Editors),
        (format!("/measures/{}/locations", i.measure), Who::Editors),
        ("/locations/import".into(), Who::Editors),
        ("/locations/import/confirm".into(), Who::Editors),
        (format!("/systems/{}/edit", i.system), Who::Editors),
        (
            format!("/systems/{}/edit", i.own_system),
            Who::EditorsAndItsSuperuser,
        ),
        (format!("/systems/{}/meetings", i.system), Who::Editors),
        (
            format!("/systems/{}/meetings", i.own_system),
            Who::EditorsAndItsSuperuser,
        ),
        ("/units".into(), Who::Editors),
        (format!("/units/{}/edit", i.unit), Who::Editors),
        ("/people".into(), Who::Editors),
        (format!("/people/{}/edit", i.person), Who::Editors),
        // Admins, or the person themself: this is Magnus Rønningen, `ikt`.
        (format!("/people/{}/capacity", i.person), Who::Editors),
        ("/systems/import".into(), Who::EditorsAndSuperusers),
        ("/systems/import/confirm".into(), Who::EditorsAndSuperusers),
        (format!("/plan/{}/milestones", i.plan), Who::Editors),
        (format!("/milestones/{}/edit", i.milestone), Who::Editors),
        ("/acquisitions".into(), Who::Everyone),
        (
            format!("/acquisitions/{}/edit", i.acquisition),
            Who::Editors,
        ),
        (
            format!("/acquisitions/{}/triage", i.acquisition),
            Who::Editors,
        ),
        (
            format!("/acquisitions/{}/decision", i.recommended),
            Who::Leder,
        ),
        (
            format!("/acquisitions/{}/measure", i.recommended),
            Who::Confidential,
        ),
        ("/council/meetings".into(), Who::Editors),
        (
            format!(
                "/council/meetings/{}/items/{}/assessment",
                i.meeting, i.acquisition
            ),
            Who::CouncilMember,
        ),
        (
            format!(
                "/council/meetings/{}/items/{}/recommendation",
                i.meeting, i.acquisition
            ),
            Who::Leder,
        ),
        // IKT staff and the request's requester (none is seeded); for a follow-up also the
        // benefit's responsible person (none is set).
        (
            format!("/acquisitions/{}/benefits", i.approved),
            Who::Editors,
        ),
        (format!("/benefits/{}/followups", i.benefit), Who::Editors),
        ("/council/settings/threshold".into(), Who::Admins),
        ("/council/settings/principles".into(), Who::Admins),
        ("/council/settings/members".into(), Who::Admins),
    ]
}

/// Posts that write without any field: only refused roles are sent, so nothing is deleted.
fn writes_without_fields(i: &Ids) -> Vec<(String, Who)> {
    vec![
        (
            format!("/strategy/{}/strategies/{}/delete", i.doc, i.strategy),
            Who::Editors,
        ),
        (format!("/measures/{}/delete", i.measure), Who::Editors),
        (format!("/milestones/{}/delete", i.milestone), Who::Editors),
        (format!("/risks/items/{}/delete", i.risk), Who::Editors),
        (format!("/risks/{}/delete", i.assessment), Who::Editors),
        (format!("/admin/users/{}/active", i.user), Who::Admins),
        // Confirming: the system's superusers and its administrator (none is set in the seed).
        (format!("/systems/{}/confirm", i.system), Who::Nobody),
        (
            format!("/systems/{}/confirm", i.own_system),
            Who::ItsSuperuser,
        ),
        (format!("/locations/{}/delete", i.location), Who::Editors),
        (format!("/lines/{}/delete", i.line), Who::Editors),
        (
            format!("/measures/{}/locations/{}/delete", i.measure, i.link),
            Who::Editors,
        ),
        // Makes a new calendar address for the user: every logged-in user, for themself.
        ("/profile/calendar".into(), Who::Everyone),
        (
            format!("/council/meetings/{}/attendance", i.meeting),
            Who::Editors,
        ),
        (
            format!("/council/meetings/{}/close", i.meeting),
            Who::Editors,
        ),
        // Takes a principle out of use, changes a seat: only refused roles are sent.
        (
            format!("/council/settings/principles/{}", i.principle),
            Who::Admins,
        ),
        (format!("/council/settings/members/{}", i.seat), Who::Admins),
        // Marks the user's own notifications read.
        ("/notifications/read".into(), Who::Everyone),
    ]
}

#[sqlx::test]
async fn the_calendar_feed_needs_no_login_but_its_secret_and_a_wrong_secret_is_not_found(
    db: PgPool,
) {
    let app = spawn(db).await;
    let visitor = client();
    let token = "a".repeat(43);
    for path in [
        "/calendar/nothing.ics".to_string(),
        format!("/calendar/{token}.ics"),
    ] {
        assert_eq!(app.get(&visitor, &path).await.status(), 404, "{path}");
    }
    sqlx::query("update app_user set calendar_token = $1 where username = 'leder'")
        .bind(&token)
        .execute(&app.db)
        .await
        .unwrap();
    let r = app.get(&visitor, &format!("/calendar/{token}.ics")).await;
    assert_eq!(r.status(), 200);
    assert!(r.text().await.unwrap().contains("BEGIN:VCALENDAR"));
}

#[sqlx::test]
async fn every_page_answers_each_role_with_the_page_or_the_403_and_a_visitor_with_the_login(
    db: PgPool,
) {
    let app = spawn(db).await;
    let i = ids(&app).await;
    let visitor = client();
    for (path, _) in pages(&i) {
        let r = app.get(&visitor, &path).await;
        assert_eq!(r.status(), 303, "a visitor at {path}");
        assert!(location(&r).starts_with("/login"), "{path}");
    }
    for role in ROLES {
        let c = app.user(role).await;
        for (path, who) in pages(&i) {
            let (status, html) = app.text(&c, &path).await;
            let expected = match (who.allows(role), path.as_str(), role) {
                // The rådmann's start page is the dashboard.
                (true, "/", "leder") => 303,
                (true, _, _) => 200,
                (false, _, _) => 403,
            };
            assert_eq!(status, expected, "{role} GET {path}");
            if expected == 403 {
                assert!(
                    html.contains("krever rollen"),
                    "the 403 page names the role"
                );
            }
        }
    }
}

#[sqlx::test]
async fn every_form_refuses_a_role_without_the_right_and_writes_nothing(db: PgPool) {
    let app = spawn(db).await;
    let i = ids(&app).await;
    let audits = || async {
        sqlx::query_scalar::<_, i64>("select count(*) from audit_log")
            .fetch_one(&app.db)
            .await
            .unwrap()
    };
    let before = audits().await;
    let all: Vec<(String, Who)> = forms(&i)
        .into_iter()
        .chain(writes_without_fields(&i))
        .collect();
    let visitor = client();
    for (path, _) in &all {
        let r = app.post(&visitor, path, &[]).await;
        assert_eq!(r.status(), 303, "a visitor posting to {path}");
        assert!(location(&r).starts_with("/login"), "{path}");
    }
    for role in ROLES {
        let c = app.user(role).await;
        for (path, who) in &all {
            if who.allows(role) {
                continue;
            }
            let r = app.post(&c, path, &[]).await;
            assert_eq!(r.status(), 403, "{role} POST {path}");
        }
    }
    assert_eq!(audits().await, before, "a refused post writes nothing");
    // An allowed role posting an empty form gets the form back, or a message: never a 403.
    for role in ["ikt", "admin"] {
        let c = app.user(role).await;
        for (path, who) in forms(&i) {
            if !who.allows(role) {
                continue;
            }
            let status = app.post(&c, &path, &[]).await.status().as_u16();
            assert!(
                matches!(status, 200 | 303 | 400),
                "{role} POST {path}: {status}"
            );
        }
    }
    assert_eq!(audits().await, before, "an empty form writes nothing");
}
