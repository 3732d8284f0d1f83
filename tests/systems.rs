//! The fagsystem register (issue 11): the seeded register, superusers keeping their own systems
//! current and refused everything else, confirmation, evaluation, filters, meetings, measures
//! and tenancy.

mod common;

use common::*;
use reqwest::Client;
use sqlx::PgPool;

async fn system_id(app: &TestApp, name: &str) -> i64 {
    sqlx::query_scalar("select system_id from system where name = $1")
        .bind(name)
        .fetch_one(&app.db)
        .await
        .unwrap()
}

async fn system_form(app: &TestApp, c: &Client, id: i64) -> Vec<(String, String)> {
    let (status, html) = app.text(c, &format!("/systems/{id}/edit")).await;
    assert_eq!(status, 200, "the edit form opens");
    fields_of(&html, "form#system-form")
}

async fn column(app: &TestApp, id: i64, sql: &str) -> Option<String> {
    sqlx::query_scalar(sql)
        .bind(id)
        .fetch_one(&app.db)
        .await
        .unwrap()
}

#[sqlx::test]
async fn the_seeded_register_has_vedlegg_2s_systems_with_their_owners_and_superusers(db: PgPool) {
    let app = spawn(db).await;
    let count: i64 = sqlx::query_scalar("select count(*) from system")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(count, 35, "26 from Vedlegg 2 and 9 only in Vedlegg 4");
    let with_superusers: i64 =
        sqlx::query_scalar("select count(distinct system_id) from system_superuser")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(with_superusers, 26);
    let gerica = system_id(&app, "Gerica").await;
    assert_eq!(
        column(
            &app,
            gerica,
            "select owner_text from system where system_id = $1"
        )
        .await
        .as_deref(),
        Some("TRUST IKT"),
        "an owner that is not a unit is kept as printed"
    );
    assert_eq!(
        column(
            &app,
            gerica,
            "select criticality from system where system_id = $1"
        )
        .await,
        None,
        "no document names Gerica «liv og helse»: the field is empty, not guessed"
    );
    let mona: Vec<String> = sqlx::query_scalar(
        "select s.name from system s join system_superuser su using (system_id) join person p using (person_id)
         where p.name = 'Mona Mjøen' order by s.name",
    )
    .fetch_all(&app.db)
    .await
    .unwrap();
    assert_eq!(
        mona,
        ["Physiotools", "Promed"],
        "the demo superuser has two systems"
    );
    let c = app.user("leder").await;
    let (_, html) = app.text(&c, &format!("/systems/{gerica}")).await;
    assert!(
        html.contains("Integrasjon mellom Notus og Gerica") || html.contains("Gerica"),
        "the page"
    );
    let linked: i64 =
        sqlx::query_scalar("select count(*) from measure_system where system_id = $1")
            .bind(gerica)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(linked, 3, "the measures that name Gerica are linked to it");
    let skolering = measure_id(
        &app,
        "Skolering i teknisk support av mobile enheter for Gerica.",
    )
    .await;
    let (_, measure) = app.text(&c, &format!("/measures/{skolering}")).await;
    assert!(
        measure.contains(&format!("href=\"/systems/{gerica}\"")),
        "the measure links to its system"
    );
    let (_, list) = app.text(&c, "/systems").await;
    assert!(interface_text(&list).contains("35 fagsystemer"));
}

#[sqlx::test]
async fn a_superuser_changes_their_own_system_and_nothing_else(db: PgPool) {
    let app = spawn(db).await;
    let su = app.user("superbruker").await;
    let own = system_id(&app, "Physiotools").await;
    let other = system_id(&app, "Gerica").await;

    // Their own system: the restricted form, the save.
    let (_, page) = app.text(&su, &format!("/systems/{own}/edit")).await;
    assert!(interface_text(&page).contains("Som superbruker for systemet kan du endre"));
    assert!(
        !page.contains("name=\"vendor\""),
        "the vendor is not an input for them"
    );
    let mut f = system_form(&app, &su, own).await;
    set(&mut f, "notes", "Ny versjon installert i mars.");
    set(&mut f, "users_count", "14");
    let r = submit(&app, &su, &format!("/systems/{own}/edit"), &f).await;
    assert_eq!(r.status(), 303, "saved");
    assert_eq!(
        column(&app, own, "select notes from system where system_id = $1")
            .await
            .as_deref(),
        Some("Ny versjon installert i mars.")
    );
    assert!(
        app.audit_count("system", own).await >= 2,
        "created and changed"
    );

    // Another system, by URL.
    let before = app.audit_count("system", other).await;
    assert_eq!(
        app.text(&su, &format!("/systems/{other}/edit")).await.0,
        403
    );
    let r = app
        .post(
            &su,
            &format!("/systems/{other}/edit"),
            &[("notes", "x"), ("version", "1")],
        )
        .await;
    assert_eq!(r.status(), 403);
    assert_eq!(
        app.audit_count("system", other).await,
        before,
        "nothing written"
    );

    // Their own system with a field that is not theirs added to the form.
    let before = app.audit_count("system", own).await;
    let vendor_before = column(&app, own, "select vendor from system where system_id = $1").await;
    let mut tampered = system_form(&app, &su, own).await;
    set(&mut tampered, "vendor", "Mitt eget firma");
    let r = submit(&app, &su, &format!("/systems/{own}/edit"), &tampered).await;
    assert_eq!(r.status(), 403, "a tampered form is refused");
    assert_eq!(
        column(&app, own, "select vendor from system where system_id = $1").await,
        vendor_before
    );
    assert_eq!(app.audit_count("system", own).await, before);

    // Other roles without the system: refused; IKT staff edit everything.
    for role in ["leder", "rad"] {
        let c = app.user(role).await;
        assert_eq!(
            app.text(&c, &format!("/systems/{own}/edit")).await.0,
            403,
            "{role}"
        );
    }
    let ikt = app.user("ikt").await;
    let mut f = system_form(&app, &ikt, own).await;
    set(&mut f, "vendor", "Physiotools AS");
    assert_eq!(
        submit(&app, &ikt, &format!("/systems/{own}/edit"), &f)
            .await
            .status(),
        303
    );
}

#[sqlx::test]
async fn a_superuser_keeps_their_superusers_contact_details_current_and_no_one_elses(db: PgPool) {
    let app = spawn(db).await;
    let su = app.user("superbruker").await;
    let own = system_id(&app, "Physiotools").await;
    let mona: i64 = sqlx::query_scalar("select person_id from person where name = 'Mona Mjøen'")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let mut f = system_form(&app, &su, own).await;
    set(&mut f, &format!("contact_email_{mona}"), "mona");
    let r = submit(&app, &su, &format!("/systems/{own}/edit"), &f).await;
    assert_eq!(r.status(), 200, "a bad e-mail is refused beside the block");
    assert!(
        r.text().await.unwrap().contains("value=\"mona\""),
        "the input is kept"
    );
    set(
        &mut f,
        &format!("contact_email_{mona}"),
        "Mona.Mjoen@Ringebu.kommune.no",
    );
    set(&mut f, &format!("contact_phone_{mona}"), "+47 612 00 000");
    assert_eq!(
        submit(&app, &su, &format!("/systems/{own}/edit"), &f)
            .await
            .status(),
        303
    );
    let (email, phone): (Option<String>, Option<String>) =
        sqlx::query_as("select email, phone from person where person_id = $1")
            .bind(mona)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(email.as_deref(), Some("mona.mjoen@ringebu.kommune.no"));
    assert_eq!(phone.as_deref(), Some("+47 612 00 000"));
    assert!(
        app.audit_count("person", mona).await >= 1,
        "the person's change is audited"
    );
    let (_, page) = app.text(&su, &format!("/systems/{own}")).await;
    assert!(
        page.contains("mailto:mona.mjoen@ringebu.kommune.no"),
        "whom to call"
    );
    // Someone who is not a superuser of this system: the field is not theirs.
    let magnus: i64 =
        sqlx::query_scalar("select person_id from person where name = 'Magnus Rønningen'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    let mut f = system_form(&app, &su, own).await;
    set(&mut f, &format!("contact_phone_{magnus}"), "999");
    assert_eq!(
        submit(&app, &su, &format!("/systems/{own}/edit"), &f)
            .await
            .status(),
        403
    );
}

#[sqlx::test]
async fn a_confirmation_is_stamped_and_one_older_than_twelve_months_is_marked(db: PgPool) {
    let app = spawn(db).await;
    let su = app.user("superbruker").await;
    let own = system_id(&app, "Promed").await;
    let (_, page) = app.text(&su, &format!("/systems/{own}")).await;
    assert!(interface_text(&page).contains("Opplysningene er aldri bekreftet."));
    let r = app.post(&su, &format!("/systems/{own}/confirm"), &[]).await;
    assert_eq!(r.status(), 303);
    let (_, page) = app.text(&su, &format!("/systems/{own}")).await;
    assert!(interface_text(&page).contains("Sist bekreftet"));
    assert!(page.contains("Mona Mjøen"));
    // Someone who is neither superuser nor administrator may not confirm.
    let other = system_id(&app, "Gerica").await;
    assert_eq!(
        app.post(&su, &format!("/systems/{other}/confirm"), &[])
            .await
            .status(),
        403
    );
    let rad = app.user("rad").await;
    assert_eq!(
        app.post(&rad, &format!("/systems/{own}/confirm"), &[])
            .await
            .status(),
        403
    );

    let (_, list) = app.text(&su, "/systems?unconfirmed=1").await;
    assert!(
        !list.contains(">Promed<"),
        "just confirmed: not in the unconfirmed list"
    );
    sqlx::query(
        "update system set confirmed_at = now() - interval '13 months' where system_id = $1",
    )
    .bind(own)
    .execute(&app.db)
    .await
    .unwrap();
    let (_, list) = app.text(&su, "/systems?unconfirmed=1").await;
    assert!(list.contains(">Promed<"), "thirteen months ago: marked");
    assert!(interface_text(&list).contains("Ikke bekreftet på over 12 måneder"));
}

#[sqlx::test]
async fn an_evaluation_is_due_four_years_after_the_last_and_the_filters_narrow_the_list(
    db: PgPool,
) {
    let app = spawn(db).await;
    let c = app.user("ikt").await;
    let promed = system_id(&app, "Promed").await;
    let gerica = system_id(&app, "Gerica").await;
    sqlx::query(
        "update system set last_evaluated = current_date - interval '1 year' where system_id <> $1",
    )
    .bind(promed)
    .execute(&app.db)
    .await
    .unwrap();
    sqlx::query(
        "update system set last_evaluated = current_date - interval '5 years' where system_id = $1",
    )
    .bind(promed)
    .execute(&app.db)
    .await
    .unwrap();
    let (_, list) = app.text(&c, "/systems?overdue=1").await;
    assert!(
        interface_text(&list).contains("1 fagsystem"),
        "{}",
        interface_text(&list)
    );
    assert!(list.contains(">Promed<"));
    let (_, page) = app.text(&c, &format!("/systems/{promed}")).await;
    assert!(interface_text(&page).contains("Evaluering forfalt"));

    // Support agreement expiring within its notice period.
    sqlx::query("update system set support_expires = current_date + 30, support_notice_days = 60 where system_id = $1")
        .bind(gerica)
        .execute(&app.db)
        .await
        .unwrap();
    let (_, list) = app.text(&c, "/systems?expiring=1").await;
    assert!(list.contains(">Gerica<") && interface_text(&list).contains("1 fagsystem"));

    // By cooperation, by vendor, without superusers, and sorted.
    let trust: i64 =
        sqlx::query_scalar("select cooperation_id from cooperation where name ilike '%TRUST%'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    let (_, list) = app.text(&c, &format!("/systems?cooperation={trust}")).await;
    assert!(list.contains(">Gerica<"));
    let (_, list) = app.text(&c, "/systems?vendor=Tieto").await;
    assert!(list.contains(">Gerica<"));
    let (_, list) = app.text(&c, "/systems?no_superuser=1").await;
    assert!(
        interface_text(&list).contains("9 fagsystemer"),
        "the nine from Vedlegg 4 only"
    );
    let (_, list) = app.text(&c, "/systems?sort=name&dir=desc").await;
    assert!(
        list.contains("aria-sort=\"descending\""),
        "the sorted column says so"
    );
    // Filters survive in the links (pager and sort).
    let (_, list) = app.text(&c, "/systems?vendor=Tieto&sort=vendor").await;
    assert!(
        list.contains("?vendor=Tieto&#38;sort=owner"),
        "the sort links keep the filter"
    );
}

#[sqlx::test]
async fn mine_shows_a_superusers_systems_and_they_record_an_administration_meeting(db: PgPool) {
    let app = spawn(db).await;
    let su = app.user("superbruker").await;
    let (_, list) = app.text(&su, "/systems?mine=1").await;
    assert!(interface_text(&list).contains("2 fagsystemer"));
    assert!(list.contains(">Physiotools<") && list.contains(">Promed<"));
    let own = system_id(&app, "Physiotools").await;
    let r = app
        .post(
            &su,
            &format!("/systems/{own}/meetings"),
            &[("held_on", ""), ("security", "Tilganger gjennomgått")],
        )
        .await;
    assert_eq!(r.status(), 200, "a meeting needs its date");
    let html = r.text().await.unwrap();
    assert!(html.contains("Skriv inn datoen for møtet."));
    assert!(html.contains("Tilganger gjennomgått"), "the input is kept");
    let r = app
        .post(
            &su,
            &format!("/systems/{own}/meetings"),
            &[
                ("held_on", "2026-11-20"),
                ("attendees", "Mona Mjøen, leverandør"),
                ("security", "Tilganger gjennomgått"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let (_, page) = app.text(&su, &format!("/systems/{own}")).await;
    assert!(interface_text(&page).contains("Forvaltningsmøte 20.11.2026"));
    assert!(page.contains("Tilganger gjennomgått"));
    let other = system_id(&app, "Gerica").await;
    let r = app
        .post(
            &su,
            &format!("/systems/{other}/meetings"),
            &[("held_on", "2026-11-20")],
        )
        .await;
    assert_eq!(r.status(), 403, "not their system");
}

#[sqlx::test]
async fn ikt_staff_create_a_system_with_clear_messages_and_link_measures_to_it(db: PgPool) {
    let app = spawn(db).await;
    let c = app.user("ikt").await;
    let (_, page) = app.text(&c, "/systems/new").await;
    let mut f = fields_of(&page, "form#system-form");
    set(&mut f, "name", "Gerica");
    set(&mut f, "users_count", "mange");
    set(&mut f, "dpa_date", "31.02.2020");
    let r = submit(&app, &c, "/systems", &f).await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(html.contains("Skriv antall brukere som et helt tall."));
    assert!(html.contains("value=\"mange\""), "the input is kept");
    set(&mut f, "users_count", "12");
    set(&mut f, "dpa_date", "");
    let r = submit(&app, &c, "/systems", &f).await;
    assert_eq!(r.status(), 200);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("Kommunen har allerede et fagsystem med dette navnet.")
    );
    set(&mut f, "name", "Nytt kartverktøy");
    let feide = measure_id(&app, "Innføre Feide i skole").await;
    f.push(("measures".into(), feide.to_string()));
    let r = submit(&app, &c, "/systems", &f).await;
    assert_eq!(r.status(), 303);
    let id = system_id(&app, "Nytt kartverktøy").await;
    let (_, page) = app.text(&c, &format!("/systems/{id}")).await;
    assert!(
        page.contains("Innføre Feide i skole"),
        "the linked measure shows"
    );
}

#[sqlx::test]
async fn a_stale_edit_is_refused_naming_who_saved_and_keeps_the_input(db: PgPool) {
    let app = spawn(db).await;
    let ikt = app.user("ikt").await;
    let admin = app.user("admin").await;
    let id = system_id(&app, "Gerica").await;
    let mut a = system_form(&app, &ikt, id).await;
    let mut b = system_form(&app, &admin, id).await;
    set(&mut a, "notes", "Fra Magnus");
    assert_eq!(
        submit(&app, &ikt, &format!("/systems/{id}/edit"), &a)
            .await
            .status(),
        303
    );
    set(&mut b, "notes", "Fra Jan Magne");
    let r = submit(&app, &admin, &format!("/systems/{id}/edit"), &b).await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(interface_text(&html).contains("Magnus Rønningen lagret systemet"));
    assert!(html.contains("Fra Jan Magne"));
    assert_eq!(
        column(&app, id, "select notes from system where system_id = $1")
            .await
            .as_deref(),
        Some("Fra Magnus")
    );
}

#[sqlx::test]
async fn another_municipality_sees_none_of_the_register(db: PgPool) {
    let app = spawn(db).await;
    let other = app.other_municipality().await;
    let id = system_id(&app, "Gerica").await;
    assert_eq!(app.text(&other, &format!("/systems/{id}")).await.0, 404);
    let (_, list) = app.text(&other, "/systems").await;
    assert!(!list.contains("Gerica"));
    let coop: i64 = sqlx::query_scalar("select min(cooperation_id) from cooperation")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(
        app.text(&other, &format!("/cooperations/{coop}")).await.0,
        404
    );
}

#[sqlx::test]
async fn a_cooperation_page_lists_its_members_board_and_shared_systems_with_their_host(db: PgPool) {
    let app = spawn(db).await;
    let c = app.user("rad").await;
    let (_, list) = app.text(&c, "/cooperations").await;
    assert!(list.contains("TRUST"));
    let trust: i64 =
        sqlx::query_scalar("select cooperation_id from cooperation where name ilike '%TRUST%'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    let (_, page) = app.text(&c, &format!("/cooperations/{trust}")).await;
    assert!(page.contains("IKT-styre i Sør-Gudbrandsdal"));
    assert!(page.contains(">Gerica<"));
}

#[sqlx::test]
async fn a_nynorsk_reader_gets_the_register_in_nynorsk(db: PgPool) {
    let app = spawn(db).await;
    choose_language(&app, "rad", Some("nn")).await;
    let c = app.user("rad").await;
    let (_, html) = app.text(&c, "/systems").await;
    let text = interface_text(&html);
    assert!(
        text.contains("Utan superbrukar") && text.contains("35 fagsystem"),
        "{text}"
    );
    let id = system_id(&app, "Gerica").await;
    let (_, html) = app.text(&c, &format!("/systems/{id}")).await;
    let text = interface_text(&html);
    assert!(text.contains("Eigar, ansvarleg og superbrukarar"));
    for word in ["ikke", "Ansvarlig", "brukere"] {
        assert!(!has_words(&text, word), "bokmål «{word}»");
    }
}

#[test]
fn the_systems_snapshot_has_a_label_for_every_key() {
    use ikt_styring::{audit::unlabelled_keys, systems::model::*};
    assert!(unlabelled_keys(&SystemSnapshot::default()).is_empty());
    assert!(unlabelled_keys(&MeetingSnapshot::default()).is_empty());
    assert!(unlabelled_keys(&CooperationSnapshot::default()).is_empty());
}
