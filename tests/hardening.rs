//! Issue 9: the edges where input made 500s or slipped through. Each test reproduces one defect
//! found by probing the app (the item of issue 9 is named in its comment); on the code before the
//! fix it fails.
//!
//! Items fixed earlier by the module-pattern work have their tests elsewhere: the NUL byte and a
//! 10,000-character username in `tests/measures.rs`
//! (`a_nul_byte_in_any_form_gets_a_clear_message_and_writes_nothing`), the status filter's CR/LF
//! in `src/measures/status.rs`
//! (`the_way_back_keeps_the_filter_but_never_a_line_break_or_another_path`).

mod common;

use std::time::Duration;

use common::*;
use ikt_styring::LoginPolicy;
use sqlx::PgPool;

fn fast_lockout(mut s: ikt_styring::AppState) -> ikt_styring::AppState {
    s.login_policy = LoginPolicy {
        free_failures: 1,
        delay_step: Duration::from_millis(10),
        lock_after: 3,
        lock_for: Duration::from_secs(600),
    };
    s
}

/// Posts the login form with `next` as the hidden field carries it.
async fn login_with_next(app: &TestApp, c: &reqwest::Client, next: &str) -> reqwest::Response {
    let html = app.get(c, "/login").await.text().await.unwrap();
    c.post(app.url("/login"))
        .form(&[
            ("csrf_token", csrf_in(&html).as_str()),
            ("username", "ikt"),
            ("password", PASSWORD),
            ("next", next),
        ])
        .send()
        .await
        .unwrap()
}

// Item 1: `next=/%09/evil.example` sent the user to `/\t/evil.example`, which a browser reads as
// `//evil.example`, another host.
#[sqlx::test]
async fn a_next_with_a_tab_or_backslash_after_login_stays_on_this_site(db: PgPool) {
    let app = spawn(db).await;
    let (status, html) = app.text(&client(), "/login?next=/%09/evil.example").await;
    assert_eq!(status, 200);
    assert!(!html.contains("evil.example"), "the login page drops it");

    for next in ["/\t/evil.example", "/\\evil.example", "/\n/evil.example"] {
        let r = login_with_next(&app, &client(), next).await;
        assert_eq!(r.status(), 303, "{next:?}");
        assert_eq!(location(&r), "/", "{next:?}");
    }
    let r = login_with_next(&app, &client(), "/plan?filter=open").await;
    assert_eq!(location(&r), "/plan?filter=open", "a local path is kept");
}

// Item 1 (and 3): `next=/%0D%0A` with the right password answered 500.
#[sqlx::test]
async fn a_next_with_a_line_break_logs_in_and_lands_on_the_start_page(db: PgPool) {
    let app = spawn(db).await;
    let c = client();
    let r = login_with_next(&app, &c, "/\r\n").await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/");
    assert_eq!(app.text(&c, "/").await.0, 200, "logged in");
}

// Item 4: the lock counted per typed name, so a locked account still logged in by its e-mail.
#[sqlx::test]
async fn a_locked_account_is_locked_whichever_of_its_names_is_typed(db: PgPool) {
    let app = spawn_with(db, fast_lockout).await;
    let email: String = sqlx::query_scalar("select email from app_user where username = 'rad'")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let c = client();
    app.login_as(&c, "rad", "feil").await;
    app.login_as(&c, &email, "feil").await;
    let html = app.login_as(&c, "RAD", "feil").await.text().await.unwrap();
    assert!(
        html.contains("Innloggingen er låst"),
        "three failures by either name lock"
    );
    for name in [email.as_str(), &email.to_uppercase(), "rad"] {
        let r = app.login_as(&client(), name, PASSWORD).await;
        assert_eq!(r.status(), 200, "{name} is locked too");
        assert!(r.text().await.unwrap().contains("Innloggingen er låst"));
    }
    // An unknown name is still counted and locked by itself, with the same messages.
    let c = client();
    for _ in 0..2 {
        let html = app.login_as(&c, "finnes.ikke@x.no", "feil").await;
        assert!(
            html.text()
                .await
                .unwrap()
                .contains("Feil brukernavn eller passord.")
        );
    }
    let html = app.login_as(&c, "finnes.ikke@x.no", "feil").await;
    assert!(html.text().await.unwrap().contains("Innloggingen er låst"));
    assert_eq!(
        app.login_as(&client(), "leder", PASSWORD).await.status(),
        303,
        "other accounts are unaffected"
    );
}

// Item 5: throttle rows for unknown names were never removed (a scan left 499 of them).
#[sqlx::test]
async fn throttle_rows_untouched_for_a_lock_period_are_removed(db: PgPool) {
    let app = spawn_with(db, fast_lockout).await;
    sqlx::query(
        "insert into login_throttle (identifier, failures, locked_until, updated_at) values
         ('name:skannet-1', 1, null, now() - interval '1 day'),
         ('name:skannet-2', 3, now() - interval '23 hours', now() - interval '1 day'),
         ('name:nylig', 1, null, now() - interval '1 minute')",
    )
    .execute(&app.db)
    .await
    .unwrap();
    app.login_as(&client(), "noen-andre", "feil").await;
    let left: Vec<String> =
        sqlx::query_scalar("select identifier from login_throttle order by identifier")
            .fetch_all(&app.db)
            .await
            .unwrap();
    assert_eq!(left, vec!["name:noen-andre", "name:nylig"]);
}
