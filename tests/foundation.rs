//! Issue 2: login, sessions, roles, CSRF, tenancy, audit, error pages.

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

#[sqlx::test]
async fn logging_in_lands_on_a_start_page_that_names_the_municipality_and_the_role(db: PgPool) {
    let app = spawn(db).await;
    let c = client();
    let r = app.login_as(&c, "ikt", PASSWORD).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/");
    let (status, html) = app.text(&c, "/").await;
    assert_eq!(status, 200);
    assert!(html.contains("Ringebu kommune"));
    assert!(html.contains("IKT-medarbeider"));
}

#[sqlx::test]
async fn a_user_can_log_in_with_their_email_address_in_any_case(db: PgPool) {
    let app = spawn(db).await;
    let c = client();
    let r = app.login_as(&c, "IKT@Ringebu.Demo", PASSWORD).await;
    assert_eq!(r.status(), 303);
}

#[sqlx::test]
async fn a_wrong_password_shows_a_norwegian_error_and_keeps_the_username(db: PgPool) {
    let app = spawn(db).await;
    let c = client();
    let r = app.login_as(&c, "leder", "feil-passord").await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(html.contains("Feil brukernavn eller passord."));
    assert!(html.contains("value=\"leder\""));
    assert_eq!(app.text(&c, "/").await.0, 303, "still not logged in");
}

#[sqlx::test]
async fn an_unknown_user_gets_the_same_answer_as_a_wrong_password(db: PgPool) {
    let app = spawn(db).await;
    let known = app
        .login_as(&client(), "leder", "feil-passord")
        .await
        .text()
        .await
        .unwrap();
    let unknown = app
        .login_as(&client(), "finnes-ikke", "feil-passord")
        .await
        .text()
        .await
        .unwrap();
    let msg = |h: &str| h.contains("Feil brukernavn eller passord.");
    assert!(msg(&known) && msg(&unknown));
}

#[sqlx::test]
async fn repeated_failures_lock_the_login_even_for_the_right_password(db: PgPool) {
    let app = spawn_with(db, fast_lockout).await;
    let c = client();
    for _ in 0..2 {
        let html = app.login_as(&c, "rad", "feil").await.text().await.unwrap();
        assert!(html.contains("Feil brukernavn eller passord."));
    }
    let html = app.login_as(&c, "rad", "feil").await.text().await.unwrap();
    assert!(html.contains("Innloggingen er låst"), "third failure locks");
    let r = app.login_as(&c, "rad", PASSWORD).await;
    assert_eq!(r.status(), 200, "locked even with the right password");
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("prøv igjen om 10 minutter")
    );
    // Other accounts are unaffected.
    assert_eq!(
        app.login_as(&client(), "leder", PASSWORD).await.status(),
        303
    );
}

#[sqlx::test]
async fn unknown_names_are_locked_like_known_ones(db: PgPool) {
    let app = spawn_with(db, fast_lockout).await;
    let c = client();
    for _ in 0..2 {
        app.login_as(&c, "ingen-slik", "feil").await;
    }
    let html = app
        .login_as(&c, "ingen-slik", "feil")
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("Innloggingen er låst"));
}

#[sqlx::test]
async fn failures_after_the_free_ones_are_slowed_down(db: PgPool) {
    let app = spawn_with(db, |mut s| {
        s.login_policy = LoginPolicy {
            free_failures: 1,
            delay_step: Duration::from_millis(700),
            lock_after: 10,
            lock_for: Duration::from_secs(60),
        };
        s
    })
    .await;
    let c = client();
    let t0 = std::time::Instant::now();
    app.login_as(&c, "rad", "feil").await;
    let first = t0.elapsed();
    let t1 = std::time::Instant::now();
    app.login_as(&c, "rad", "feil").await;
    let second = t1.elapsed();
    assert!(
        second >= Duration::from_millis(700),
        "second failure waits the delay step ({second:?})"
    );
    assert!(first < second);
}

#[sqlx::test]
async fn logout_ends_the_session(db: PgPool) {
    let app = spawn(db).await;
    let c = app.user("ikt").await;
    assert_eq!(app.text(&c, "/").await.0, 200);
    let r = app.post(&c, "/logout", &[]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/login");
    let r = app.get(&c, "/").await;
    assert_eq!(r.status(), 303);
    assert!(location(&r).starts_with("/login"));
}

#[sqlx::test]
async fn logout_is_not_possible_with_a_get(db: PgPool) {
    let app = spawn(db).await;
    let c = app.user("ikt").await;
    assert_eq!(app.get(&c, "/logout").await.status(), 405);
    assert_eq!(app.text(&c, "/").await.0, 200, "still logged in");
}

fn session_cookie(r: &reqwest::Response) -> Option<String> {
    r.headers().get_all("set-cookie").iter().find_map(|v| {
        let v = v.to_str().ok()?;
        v.strip_prefix("ikt_styring_sid=")
            .map(|rest| rest.split(';').next().unwrap_or("").to_string())
    })
}

#[sqlx::test]
async fn login_renews_the_session_id_and_the_cookie_is_httponly_and_lax(db: PgPool) {
    let app = spawn(db).await;
    let c = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let log_in = |cookie: Option<String>| {
        let mut req = c.post(app.url("/login"));
        if let Some(id) = cookie {
            req = req.header("cookie", format!("ikt_styring_sid={id}"));
        }
        req.form(&[("username", "ikt"), ("password", PASSWORD)])
            .send()
    };
    let r = log_in(None).await.unwrap();
    assert_eq!(r.status(), 303);
    let raw = r
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    // SameSite=Lax is also the CSRF guard's fallback for a browser that sends no Origin.
    assert!(
        raw.contains("HttpOnly") && raw.contains("SameSite=Lax"),
        "{raw}"
    );
    let before = session_cookie(&r).expect("a session cookie at login");
    // Logging in again on a session someone else may know gives a new id.
    let r = log_in(Some(before.clone())).await.unwrap();
    assert_eq!(r.status(), 303);
    let after = session_cookie(&r).expect("a new session cookie at login");
    assert_ne!(before, after);
    // The old id no longer logs anyone in.
    let r = c
        .get(app.url("/"))
        .header("cookie", format!("ikt_styring_sid={before}"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
}

async fn users_named(app: &TestApp, name: &str) -> i64 {
    sqlx::query_scalar("select count(*) from app_user where username = $1")
        .bind(name)
        .fetch_one(&app.db)
        .await
        .unwrap()
}

#[sqlx::test]
async fn a_form_another_site_makes_the_browser_post_is_refused_and_writes_nothing(db: PgPool) {
    let app = spawn(db).await;
    let c = app.user("admin").await;
    let new_user = [
        ("username", "ny"),
        ("email", "ny@x.no"),
        ("display_name", "Ny"),
        ("password", "langt-passord"),
        ("role", "leder"),
    ];
    // A modern browser says where the form came from; an older one sends only Origin.
    for (header, value) in [
        ("sec-fetch-site", "cross-site"),
        ("sec-fetch-site", "same-site"),
        ("origin", "https://evil.example"),
        ("origin", "null"),
    ] {
        let r = c
            .post(app.url("/admin/users"))
            .header(header, value)
            .form(&new_user)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 403, "{header}: {value}");
        assert!(
            r.text()
                .await
                .unwrap()
                .contains("Skjemaet kunne ikke sendes")
        );
        assert_eq!(users_named(&app, "ny").await, 0, "{header}: {value}");
    }
    // The same form from the app's own page, as Chromium sends it, is saved.
    let r = c
        .post(app.url("/admin/users"))
        .header("sec-fetch-site", "same-origin")
        .header("origin", &app.addr)
        .form(&new_user)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    assert_eq!(users_named(&app, "ny").await, 1);
}

#[sqlx::test]
async fn a_logout_posted_from_another_site_leaves_the_user_logged_in(db: PgPool) {
    let app = spawn(db).await;
    let c = app.user("ikt").await;
    let r = c
        .post(app.url("/logout"))
        .header("sec-fetch-site", "cross-site")
        .header("origin", "https://evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    assert_eq!(app.text(&c, "/").await.0, 200, "still logged in");
}

#[sqlx::test]
async fn the_login_form_refuses_a_post_from_another_site(db: PgPool) {
    // Login CSRF: another site must not log the visitor into an account of its choosing.
    let app = spawn(db).await;
    let c = client();
    let r = c
        .post(app.url("/login"))
        .header("sec-fetch-site", "cross-site")
        .form(&[("username", "ikt"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    assert_eq!(app.text(&c, "/").await.0, 303, "not logged in");
}

#[sqlx::test]
async fn pages_carry_security_headers(db: PgPool) {
    let app = spawn(db).await;
    let r = app.get(&client(), "/login").await;
    let h = r.headers();
    let csp = h.get("content-security-policy").unwrap().to_str().unwrap();
    assert!(
        csp.contains("frame-ancestors 'none'")
            && csp.contains("script-src 'self'")
            && !csp.contains("unsafe-inline")
    );
    assert_eq!(h.get("x-content-type-options").unwrap(), "nosniff");
    assert_eq!(h.get("referrer-policy").unwrap(), "same-origin");
}

#[sqlx::test]
async fn health_answers_and_readiness_checks_the_database(db: PgPool) {
    let app = spawn(db).await;
    assert_eq!(app.text(&client(), "/healthz").await, (200, "ok".into()));
    assert_eq!(app.text(&client(), "/readyz").await, (200, "ok".into()));
}

#[sqlx::test]
async fn an_unknown_page_gets_a_norwegian_404(db: PgPool) {
    let app = spawn(db).await;
    let c = app.user("ikt").await;
    let (status, html) = app.text(&c, "/finnes/ikke").await;
    assert_eq!(status, 404);
    assert!(html.contains("Fant ikke siden"));
}

#[sqlx::test]
async fn a_forbidden_page_says_which_role_is_needed(db: PgPool) {
    let app = spawn(db).await;
    let c = app.user("leder").await;
    let (status, html) = app.text(&c, "/admin/users").await;
    assert_eq!(status, 403);
    assert!(html.contains("Ingen tilgang"));
    assert!(html.contains("«Administrator»"));
}

#[sqlx::test]
async fn a_logged_out_visitor_is_sent_to_login_and_back_afterwards(db: PgPool) {
    let app = spawn(db).await;
    let c = client();
    let r = app.get(&c, "/admin/audit?table=app_user").await;
    assert_eq!(r.status(), 303);
    assert_eq!(
        location(&r),
        "/login?next=%2Fadmin%2Faudit%3Ftable%3Dapp_user"
    );
    let html = app.get(&c, &location(&r)).await.text().await.unwrap();
    assert!(html.contains("value=\"/admin/audit?table=app_user\""));
    let r = c
        .post(app.url("/login"))
        .form(&[
            ("username", "admin"),
            ("password", PASSWORD),
            ("next", "/admin/audit?table=app_user"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(location(&r), "/admin/audit?table=app_user");
}

#[sqlx::test]
async fn an_admin_creates_a_user_who_can_then_log_in_and_the_creation_is_audited(db: PgPool) {
    let app = spawn(db).await;
    let admin = app.user("admin").await;
    let r = app
        .post(
            &admin,
            "/admin/users",
            &[
                ("username", "Kari"),
                ("email", "kari@ringebu.demo"),
                ("display_name", "Kari Nordmann"),
                ("password", "kari-sitt-passord"),
                ("role", "ikt"),
                ("role", "rad"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/admin/users");
    let (_, list) = app.text(&admin, "/admin/users").await;
    assert!(
        list.contains("Brukeren kari er opprettet."),
        "flash message"
    );
    assert!(list.contains("Kari Nordmann"));
    let kari = app.user_id("kari").await;
    let roles: Vec<String> =
        sqlx::query_scalar("select roles from app_user where app_user_id = $1")
            .bind(kari)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(roles, vec!["ikt", "rad"]);
    let (who, after): (Option<i64>, serde_json::Value) =
        sqlx::query_as("select app_user_id, after from audit_log where table_name = 'app_user' and record_id = $1 and action = 'create'")
            .bind(kari)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(who, Some(app.user_id("admin").await));
    assert_eq!(after["username"], "kari");
    assert!(after.get("password_hash").is_none(), "never audit the hash");
    assert_eq!(
        app.login_as(&client(), "kari", "kari-sitt-passord")
            .await
            .status(),
        303
    );
}

#[sqlx::test]
async fn a_bad_user_form_shows_messages_by_the_fields_and_keeps_the_input(db: PgPool) {
    let app = spawn(db).await;
    let admin = app.user("admin").await;
    let r = app
        .post(
            &admin,
            "/admin/users",
            &[
                ("username", "ikt"),
                ("email", "ikke-epost"),
                ("display_name", "Ola Testesen"),
                ("password", "kort"),
            ],
        )
        .await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(html.contains("Skriv en gyldig e-postadresse"));
    assert!(html.contains("Passordet må ha minst 10 tegn."));
    assert!(html.contains("value=\"Ola Testesen\""), "input kept");
    assert!(html.contains("aria-invalid=\"true\""));
    // A taken username is caught by the unique constraint and shown at the field.
    let r = app
        .post(
            &admin,
            "/admin/users",
            &[
                ("username", "ikt"),
                ("email", "ny@ringebu.demo"),
                ("display_name", "Ola"),
                ("password", "langt-nok-passord"),
                // A user needs a role (issue 7); without one the form stops before the database.
                ("role", "rad"),
            ],
        )
        .await;
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("Brukernavnet er allerede i bruk.")
    );
}

#[sqlx::test]
async fn changing_roles_deactivating_and_setting_a_password_are_each_audited(db: PgPool) {
    let app = spawn(db).await;
    let admin = app.user("admin").await;
    let rad = app.user_id("rad").await;
    let before = app.audit_count("app_user", rad).await;
    let r = app
        .post(
            &admin,
            &format!("/admin/users/{rad}"),
            &[
                ("username", "rad"),
                ("email", "rad@ringebu.demo"),
                ("display_name", "Rådsmedlem"),
                ("role", "rad"),
                ("role", "leder"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let r = app
        .post(
            &admin,
            &format!("/admin/users/{rad}/password"),
            &[("password", "helt-nytt-passord")],
        )
        .await;
    assert_eq!(r.status(), 303);
    let r = app
        .post(
            &admin,
            &format!("/admin/users/{rad}/active"),
            &[("active", "false")],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(app.audit_count("app_user", rad).await, before + 3);
    let (_, history) = app.text(&admin, &format!("/history/app_user/{rad}")).await;
    assert!(history.contains("Rådsmedlem") && history.contains("Endret"));
    // The deactivated user cannot log in even with the new password.
    let html = app
        .login_as(&client(), "rad", "helt-nytt-passord")
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("Kontoen er deaktivert"));
}

#[sqlx::test]
async fn a_deactivated_users_open_session_ends_at_once(db: PgPool) {
    let app = spawn(db).await;
    let leder = app.user("leder").await;
    let admin = app.user("admin").await;
    let id = app.user_id("leder").await;
    app.post(
        &admin,
        &format!("/admin/users/{id}/active"),
        &[("active", "false")],
    )
    .await;
    assert_eq!(app.get(&leder, "/").await.status(), 303);
}

#[sqlx::test]
async fn an_admin_cannot_lock_themselves_out(db: PgPool) {
    let app = spawn(db).await;
    let admin = app.user("admin").await;
    let id = app.user_id("admin").await;
    let r = app
        .post(
            &admin,
            &format!("/admin/users/{id}"),
            &[
                ("username", "admin"),
                ("email", "admin@ringebu.demo"),
                ("display_name", "Admin"),
                ("role", "ikt"),
            ],
        )
        .await;
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("Du kan ikke fjerne administratorrollen fra deg selv.")
    );
    app.post(
        &admin,
        &format!("/admin/users/{id}/active"),
        &[("active", "false")],
    )
    .await;
    assert_eq!(app.text(&admin, "/").await.0, 200, "still active");
}

#[sqlx::test]
async fn a_user_of_another_municipality_sees_none_of_ringebus_rows(db: PgPool) {
    let app = spawn(db).await;
    let other = app.other_municipality().await;
    let (_, start) = app.text(&other, "/").await;
    assert!(start.contains("Sør-Fron kommune") && !start.contains("Ringebu kommune"));
    let (_, users) = app.text(&other, "/admin/users").await;
    assert!(!users.contains("ringebu.demo"), "no Ringebu users listed");
    // Guessing Ringebu ids in URLs finds nothing.
    let ringebu_ikt = app.user_id("ikt").await;
    assert_eq!(
        app.text(&other, &format!("/admin/users/{ringebu_ikt}"))
            .await
            .0,
        404
    );
    assert_eq!(
        app.text(&other, &format!("/history/app_user/{ringebu_ikt}"))
            .await
            .0,
        404
    );
    let r = app
        .post(
            &other,
            &format!("/admin/users/{ringebu_ikt}/active"),
            &[("active", "false")],
        )
        .await;
    assert_eq!(r.status(), 404);
    let active: bool = sqlx::query_scalar("select active from app_user where app_user_id = $1")
        .bind(ringebu_ikt)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert!(active);
    let (_, log) = app.text(&other, "/admin/audit").await;
    assert!(!log.contains("Ringebu"));
}

#[sqlx::test]
async fn the_global_log_filters_by_type_and_rejects_a_bad_date_with_a_message(db: PgPool) {
    let app = spawn(db).await;
    let admin = app.user("admin").await;
    let rad = app.user_id("rad").await;
    app.post(
        &admin,
        &format!("/admin/users/{rad}/password"),
        &[("password", "helt-nytt-passord")],
    )
    .await;
    let (status, html) = app.text(&admin, "/admin/audit?table=app_user").await;
    assert_eq!(status, 200);
    assert!(html.contains(&format!("/history/app_user/{rad}")));
    let (status, html) = app.text(&admin, "/admin/audit?from=i+går").await;
    assert_eq!(status, 200);
    assert!(html.contains("Fra-dato må være en dato"));
}

#[sqlx::test]
async fn create_admin_refuses_an_org_number_with_a_wrong_check_digit(db: PgPool) {
    use ikt_styring::cli::{MunicipalityArg, create_first_admin};
    let bad = MunicipalityArg {
        name: Some("Testkommune".into()),
        org_number: Some("961381186".into()),
        municipality_number: Some("9999".into()),
    };
    let err = create_first_admin(
        &db,
        bad,
        "forste",
        "forste@test.no",
        "Første",
        "et-langt-passord",
    )
    .await
    .unwrap_err();
    assert!(err.to_string().contains("kontrollsifferet"));
    let good = MunicipalityArg {
        name: Some("Testkommune".into()),
        org_number: Some("961 381 185".into()),
        municipality_number: Some("3439".into()),
    };
    create_first_admin(
        &db,
        good,
        "forste",
        "forste@test.no",
        "Første",
        "et-langt-passord",
    )
    .await
    .unwrap();
    let roles: Vec<String> =
        sqlx::query_scalar("select roles from app_user where username = 'forste'")
            .fetch_one(&db)
            .await
            .unwrap();
    assert_eq!(roles, vec!["admin"]);
}

#[sqlx::test]
async fn a_record_without_changes_has_an_empty_history_not_a_404(db: PgPool) {
    let app = spawn(db).await;
    let admin = app.user("admin").await;
    let leder = app.user_id("leder").await;
    let (status, html) = app
        .text(&admin, &format!("/history/app_user/{leder}"))
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("Ingen endringer er registrert."));
    assert_eq!(app.text(&admin, "/history/app_user/999999").await.0, 404);
    assert_eq!(app.text(&admin, "/history/ukjent_tabell/1").await.0, 404);
    let reader = app.user("leder").await;
    assert_eq!(
        app.text(&reader, &format!("/history/app_user/{leder}"))
            .await
            .0,
        403,
        "user history is for admins"
    );
}

#[sqlx::test]
async fn every_admin_route_is_for_admins_only(db: PgPool) {
    let app = spawn(db).await;
    let target = app.user_id("rad").await;
    let gets = [
        "/admin/users".to_string(),
        "/admin/users/new".into(),
        format!("/admin/users/{target}"),
        "/admin/audit".into(),
        format!("/history/app_user/{target}"),
    ];
    let posts = [
        (
            "/admin/users".to_string(),
            vec![
                ("username", "x1"),
                ("email", "x1@x.no"),
                ("display_name", "X"),
                ("password", "langt-passord-1"),
            ],
        ),
        (
            format!("/admin/users/{target}"),
            vec![
                ("username", "rad"),
                ("email", "rad@ringebu.demo"),
                ("display_name", "Hacket"),
            ],
        ),
        (
            format!("/admin/users/{target}/password"),
            vec![("password", "hacket-passord")],
        ),
        (
            format!("/admin/users/{target}/active"),
            vec![("active", "false")],
        ),
    ];
    for role in ["ikt", "leder", "rad", "superbruker"] {
        let c = app.user(role).await;
        for path in &gets {
            assert_eq!(app.text(&c, path).await.0, 403, "{role} GET {path}");
        }
        for (path, fields) in &posts {
            assert_eq!(
                app.post(&c, path, fields).await.status(),
                403,
                "{role} POST {path}"
            );
        }
    }
    let admin = app.user("admin").await;
    for path in &gets {
        assert_eq!(app.text(&admin, path).await.0, 200, "admin GET {path}");
    }
    let anonymous = client();
    for path in &gets {
        let r = app.get(&anonymous, path).await;
        assert_eq!(
            (r.status().as_u16(), location(&r).starts_with("/login")),
            (303, true),
            "logged out GET {path}"
        );
    }
    for (path, _) in &posts {
        let r = anonymous
            .post(app.url(path))
            .form(&[("x", "y")])
            .send()
            .await
            .unwrap();
        assert_eq!(
            (r.status().as_u16(), location(&r).starts_with("/login")),
            (303, true),
            "logged out POST {path}"
        );
    }
    let unchanged: (String, bool) =
        sqlx::query_as("select display_name, active from app_user where app_user_id = $1")
            .bind(target)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert!(unchanged.1, "still active");
    assert_ne!(unchanged.0, "Hacket");
}

/// The admin's audit log as its lines' texts, one string per table row.
async fn log_rows(app: &TestApp, admin: &reqwest::Client, query: &str) -> Vec<String> {
    let (status, html) = app.text(admin, &format!("/admin/audit{query}")).await;
    assert_eq!(status, 200);
    let doc = scraper::Html::parse_document(&html);
    doc.select(&scraper::Selector::parse("tbody tr").unwrap())
        .map(|r| r.text().collect::<Vec<_>>().join(" "))
        .collect()
}

#[sqlx::test]
async fn a_users_history_is_titled_by_name_shows_roles_by_their_names_and_leads_back_to_the_user(
    db: PgPool,
) {
    let app = spawn(db).await;
    let admin = app.user("admin").await;
    let ikt = app.user_id("ikt").await;
    let r = app
        .post(
            &admin,
            &format!("/admin/users/{ikt}"),
            &[
                ("username", "ikt"),
                ("email", "ikt@ringebu.demo"),
                ("display_name", "Magnus Rønningen"),
                ("role", "ikt"),
                ("role", "superbruker"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let (status, html) = app.text(&admin, &format!("/history/app_user/{ikt}")).await;
    assert_eq!(status, 200);
    let doc = scraper::Html::parse_document(&html);
    let text = |sel: &str| -> String {
        doc.select(&scraper::Selector::parse(sel).unwrap())
            .next()
            .map(|e| e.text().collect::<String>())
            .unwrap_or_default()
    };
    assert!(
        text("title").contains("Magnus Rønningen"),
        "{}",
        text("title")
    );
    assert_eq!(text("h1").trim(), "Historikk: Magnus Rønningen");
    let change: Vec<String> = doc
        .select(&scraper::Selector::parse(".history__changes tbody tr").unwrap())
        .map(|r| {
            r.children()
                .filter_map(scraper::ElementRef::wrap)
                .map(|c| c.text().collect::<String>())
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .collect();
    assert!(
        change.contains(&"Roller | IKT-medarbeider | IKT-medarbeider, Superbruker".to_string()),
        "{change:?}"
    );
    assert!(
        !html.contains("[\"ikt\"") && !html.contains("display_name"),
        "no code in the history"
    );
    assert!(
        html.contains(&format!("href=\"/admin/users/{ikt}\"")),
        "a way back to the user"
    );
    let rows = log_rows(&app, &admin, "?table=app_user").await;
    assert!(
        rows.iter().any(|r| r.contains("Bruker: Magnus Rønningen")
            && r.contains("Roller: IKT-medarbeider → IKT-medarbeider, Superbruker")),
        "the log shows the values too: {rows:?}"
    );
}

#[sqlx::test]
async fn an_import_shows_in_the_log_as_one_event_with_a_link_and_its_rows_listed(db: PgPool) {
    use reqwest::multipart::{Form, Part};
    let app = spawn(db).await;
    let admin = app.user("admin").await;
    let ikt = app.user("ikt").await;
    let plan = plan_id(&app).await;
    let strategy: String =
        sqlx::query_scalar("select text from strategy order by strategy_id limit 1")
            .fetch_one(&app.db)
            .await
            .unwrap();
    let csv = format!(
        "Mål;Strategi;Tiltak;Timer\r\nSikkerhet;{strategy};Første importerte tiltak;5\r\nSikkerhet;{strategy};Andre importerte tiltak;7\r\nSikkerhet;{strategy};Tredje importerte tiltak;9\r\n"
    );
    let form = Form::new().part(
        "file",
        Part::bytes(csv.into_bytes()).file_name("tiltak-høsten.csv"),
    );
    let r = ikt
        .post(app.url(&format!("/plan/{plan}/import")))
        .multipart(form)
        .send()
        .await
        .unwrap();
    let html = r.text().await.unwrap();
    let marker = "name=\"token\" value=\"";
    let start = html.find(marker).expect("the preview has a confirm form") + marker.len();
    let token = html[start..start + 64].to_string();
    let r = app
        .post(
            &ikt,
            &format!("/plan/{plan}/import/confirm"),
            &[("token", &token)],
        )
        .await;
    assert_eq!(r.status(), 303);

    let rows = log_rows(&app, &admin, "").await;
    let imports: Vec<&String> = rows
        .iter()
        .filter(|r| r.contains("tiltak-høsten.csv"))
        .collect();
    assert_eq!(imports.len(), 1, "one line for the import: {rows:?}");
    assert!(
        imports[0].contains("Import av filen «tiltak-høsten.csv»"),
        "{}",
        imports[0]
    );
    assert!(
        imports[0].contains("3 endringer: 3 opprettet"),
        "{}",
        imports[0]
    );
    assert!(
        !rows
            .iter()
            .any(|r| !r.contains("tiltak-høsten.csv") && r.contains("Første importerte tiltak")),
        "the import's rows are not lines of their own"
    );
    let (_, html) = app.text(&admin, "/admin/audit").await;
    let doc = scraper::Html::parse_document(&html);
    let event = doc
        .select(&scraper::Selector::parse("tr.audit-event").unwrap())
        .next()
        .expect("the import's line");
    let links: Vec<&str> = event
        .select(&scraper::Selector::parse("a").unwrap())
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert!(
        links.contains(&format!("/plan/{plan}").as_str()),
        "{links:?}"
    );
    assert_eq!(
        event
            .select(&scraper::Selector::parse("details li").unwrap())
            .count(),
        3,
        "its rows, one by one, behind «details»"
    );
    // A measure's own history says which import made it, and links there.
    let id = measure_id(&app, "Andre importerte tiltak").await;
    let (_, history) = app.text(&ikt, &format!("/history/measure/{id}")).await;
    assert!(history.contains("Del av importen av filen «tiltak-høsten.csv» (3 endringer)"));
    assert!(history.contains("Historikk: Andre importerte tiltak"));
    assert!(history.contains(&format!("href=\"/measures/{id}\"")));
}

#[sqlx::test]
async fn a_roll_shows_in_the_log_as_one_event_linking_to_the_new_plan(db: PgPool) {
    let app = spawn(db).await;
    let admin = app.user("admin").await;
    let ikt = app.user("ikt").await;
    let plan = plan_id(&app).await;
    let open: Vec<i64> = sqlx::query_scalar(
        "select measure_id from measure where action_plan_id = $1 and status in ('not_started', 'in_progress', 'postponed')",
    )
    .bind(plan)
    .fetch_all(&app.db)
    .await
    .unwrap();
    let ids: Vec<String> = open.iter().map(i64::to_string).collect();
    let mut fields = vec![
        ("name", "Handlingsplan IKT 2015–2017"),
        ("start_year", "2015"),
        ("end_year", "2017"),
    ];
    fields.extend(ids.iter().map(|id| ("carry", id.as_str())));
    let r = app.post(&ikt, &format!("/plan/{plan}/roll"), &fields).await;
    assert_eq!(r.status(), 303);
    let new = location(&r);

    let by_ikt = format!("?user={}", app.user_id("ikt").await);
    let rows = log_rows(&app, &admin, &by_ikt).await;
    let rolls: Vec<&String> = rows.iter().filter(|r| r.contains("Rullering")).collect();
    assert_eq!(rolls.len(), 1, "one line for the roll: {rows:?}");
    assert!(rolls[0].contains("Rullering til «Handlingsplan IKT 2015–2017»"));
    assert!(
        // Every copy, the plan, and its nine reporting rounds (2015–2017).
        rolls[0].contains(&format!("{} opprettet", open.len() + 1 + 9)),
        "every copy, the plan and its rounds: {}",
        rolls[0]
    );
    assert!(
        rows.len() < 10,
        "not a line per copied measure: {}",
        rows.len()
    );
    let (_, html) = app.text(&admin, "/admin/audit").await;
    assert!(
        html.contains(&format!("href=\"{new}\"")),
        "the link to the new plan"
    );
}
