//! Issue 9, operations: `/metrics` behind a bearer token, and backups that restore.

mod common;

use common::*;
use ikt_styring::metrics::Metrics;
use sqlx::PgPool;

const TOKEN: &str = "prøve-token-9f2c";

async fn spawn_with_token(db: PgPool) -> TestApp {
    spawn_with(db, |mut s| {
        s.metrics = Metrics::new(Some(TOKEN.into()));
        s
    })
    .await
}

async fn scrape(app: &TestApp, authorization: Option<&str>) -> (u16, String) {
    let mut req = client().get(app.url("/metrics"));
    if let Some(a) = authorization {
        req = req.header("authorization", a);
    }
    let r = req.send().await.unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

/// The value of the first sample of `name` whose labels contain every one of `labels`.
fn sample(body: &str, name: &str, labels: &[&str]) -> Option<f64> {
    body.lines()
        .filter(|l| !l.starts_with('#'))
        .filter(|l| {
            l.strip_prefix(name)
                .is_some_and(|rest| rest.starts_with('{') || rest.starts_with(' '))
        })
        .find(|l| labels.iter().all(|want| l.contains(want)))
        .and_then(|l| l.rsplit(' ').next()?.parse().ok())
}

#[sqlx::test]
async fn without_a_configured_token_there_is_no_metrics_page(db: PgPool) {
    let app = spawn(db).await;
    let (status, body) = scrape(&app, None).await;
    assert_eq!(status, 404);
    assert!(!body.contains("http_requests_total"));
    let (status, body) = scrape(&app, Some("Bearer ")).await;
    assert_eq!(status, 404);
    assert!(!body.contains("http_requests_total"));
}

#[sqlx::test]
async fn a_wrong_or_missing_token_is_refused_without_saying_why(db: PgPool) {
    let app = spawn_with_token(db).await;
    for auth in [
        None,
        Some("Bearer feil-token"),
        Some("Bearer "),
        Some(&format!("Bearer {TOKEN}x")[..]),
        Some(&format!("Basic {TOKEN}")[..]),
        Some(TOKEN),
    ] {
        let (status, body) = scrape(&app, auth).await;
        assert_eq!(status, 401, "{auth:?}");
        assert!(body.is_empty(), "{auth:?} gave a body: {body}");
    }
}

#[sqlx::test]
async fn the_right_token_shows_requests_by_route_and_status_and_the_database_pool(db: PgPool) {
    let app = spawn_with_token(db).await;
    let c = client();
    for _ in 0..3 {
        assert_eq!(app.get(&c, "/login").await.status(), 200);
    }
    let id = 999_999;
    assert_eq!(
        app.get(&c, &format!("/measures/{id}")).await.status(),
        303,
        "a measure asks an anonymous visitor to log in"
    );
    let (status, body) = scrape(&app, Some(&format!("Bearer {TOKEN}"))).await;
    assert_eq!(status, 200, "{body}");

    let login = [r#"route="/login""#, r#"method="GET""#, r#"status="200""#];
    assert_eq!(
        sample(&body, "http_requests_total", &login),
        Some(3.0),
        "{body}"
    );
    assert_eq!(
        sample(&body, "http_request_duration_seconds_count", &login),
        Some(3.0),
        "{body}"
    );
    // The route's pattern, never the raw path: series stay bounded.
    assert!(
        sample(
            &body,
            "http_requests_total",
            &[r#"route="/measures/{id}""#, r#"status="303""#]
        )
        .is_some(),
        "{body}"
    );
    assert!(!body.contains("999999"), "{body}");

    let size = sample(&body, "db_pool_connections", &[]).expect("a pool size gauge");
    assert!(size >= 1.0, "{body}");
    assert!(
        sample(&body, "db_pool_idle_connections", &[]).is_some(),
        "{body}"
    );
    assert!(
        sample(&body, "db_pool_max_connections", &[]).is_some(),
        "{body}"
    );
}
