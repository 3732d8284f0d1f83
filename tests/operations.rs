//! Issue 9, operations: `/metrics` behind a bearer token, and backups that restore.

mod common;

use common::*;
use ikt_styring::{metrics::Metrics, seed};
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
    assert_eq!(app.get(&c, "/static/app.css").await.status(), 200);
    assert_eq!(app.get(&c, "/no/such/page").await.status(), 404);
    let odd = reqwest::Method::from_bytes(b"BREW").unwrap();
    c.request(odd, app.url("/login")).send().await.unwrap();
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
    assert!(!body.contains(&format!("/measures/{id}\"")), "{body}");
    assert!(
        !body.contains("BREW"),
        "a made-up method is no series of its own: {body}"
    );
    assert!(
        sample(&body, "http_requests_total", &[r#"method="other""#]).is_some(),
        "{body}"
    );
    for (route, status) in [("/static/{*file}", 200), ("(ingen rute)", 404)] {
        let labels = [
            &format!("route=\"{route}\"")[..],
            &format!("status=\"{status}\""),
        ];
        assert_eq!(
            sample(&body, "http_requests_total", &labels),
            Some(1.0),
            "{body}"
        );
    }

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

/// The tables a municipality's work lives in.
const TABLES: &[&str] = &[
    "municipality",
    "app_user",
    "person",
    "unit",
    "strategy_document",
    "goal_area",
    "strategy",
    "action_plan",
    "measure",
    "measure_strategy",
    "measure_dependency",
    "measure_cost",
    "schedule_cell",
    "measure_status_change",
    "audit_log",
];

#[derive(Debug, PartialEq)]
struct Snapshot {
    counts: Vec<(String, i64)>,
    measure: (String, String, Option<String>),
    ikt_roles: Vec<String>,
}

async fn snapshot(db: &PgPool, measure_id: i64) -> Snapshot {
    let mut counts = Vec::new();
    for t in TABLES {
        let n: i64 = sqlx::query_scalar(&format!("select count(*) from {t}"))
            .fetch_one(db)
            .await
            .unwrap();
        counts.push((t.to_string(), n));
    }
    let measure =
        sqlx::query_as("select title, status, status_comment from measure where measure_id = $1")
            .bind(measure_id)
            .fetch_one(db)
            .await
            .unwrap();
    let ikt_roles = sqlx::query_scalar("select roles from app_user where username = 'ikt'")
        .fetch_one(db)
        .await
        .unwrap();
    Snapshot {
        counts,
        measure,
        ikt_roles,
    }
}

/// The URL of the test's own database (`#[sqlx::test]` makes one per test on DATABASE_URL's
/// server).
async fn url_of(db: &PgPool) -> String {
    let name: String = sqlx::query_scalar("select current_database()")
        .fetch_one(db)
        .await
        .unwrap();
    let mut url = url::Url::parse(&std::env::var("DATABASE_URL").unwrap()).unwrap();
    url.set_path(&name);
    url.to_string()
}

/// Runs the real binary, as a cron job would: no terminal on stdin.
async fn ikt_styring(db_url: &str, data_dir: &std::path::Path, args: &[&str]) -> (bool, String) {
    let out = tokio::process::Command::new(env!("CARGO_BIN_EXE_ikt-styring"))
        .args(args)
        .env("DATABASE_URL", db_url)
        .env("DATA_DIR", data_dir)
        .env("SEED_DEMO", "false")
        .env_remove("BACKUP_KEEP")
        .stdin(std::process::Stdio::null())
        .output()
        .await
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

fn temp_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("ikt-styring-test-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[sqlx::test]
async fn a_backup_restores_the_rows_and_records_as_they_were_when_it_was_taken(db: PgPool) {
    let app = spawn(db.clone()).await;
    let url = url_of(&db).await;
    let data_dir = temp_dir();
    let measure = sqlx::query_scalar::<_, i64>(
        "select measure_id from measure where exists
           (select 1 from schedule_cell c where c.measure_id = measure.measure_id)
         order by measure_id limit 1",
    )
    .fetch_one(&db)
    .await
    .unwrap();
    let before = snapshot(&db, measure).await;
    assert!(
        before
            .counts
            .iter()
            .all(|(t, n)| *n > 0 || t == "measure_dependency" || t == "measure_cost"),
        "{before:?}"
    );

    let (ok, out) = ikt_styring(&url, &data_dir, &["backup"]).await;
    assert!(ok, "{out}");
    let files = ikt_styring::backup::list(&data_dir.join("backups")).unwrap();
    assert_eq!(files.len(), 1, "{out}");
    assert!(out.contains(&files[0].display().to_string()), "{out}");

    // A bad day: a measure renamed and its schedule gone, a user's roles changed, a log wiped.
    sqlx::query("update measure set title = 'Feil tittel', status = 'cancelled', status_comment = 'ved en feil' where measure_id = $1")
        .bind(measure)
        .execute(&db)
        .await
        .unwrap();
    sqlx::query("delete from schedule_cell where measure_id = $1")
        .bind(measure)
        .execute(&db)
        .await
        .unwrap();
    sqlx::query("delete from measure_status_change")
        .execute(&db)
        .await
        .unwrap();
    sqlx::query("update app_user set roles = array['leder'] where username = 'ikt'")
        .execute(&db)
        .await
        .unwrap();
    let damaged = snapshot(&db, measure).await;
    assert_ne!(damaged, before);

    // Without a terminal to ask on, restoring needs --yes; refused, nothing changes.
    let file = files[0].to_str().unwrap();
    let (ok, out) = ikt_styring(&url, &data_dir, &["restore", file]).await;
    assert!(!ok, "{out}");
    assert!(out.contains("--yes"), "{out}");
    assert_eq!(snapshot(&db, measure).await, damaged);

    let (ok, out) = ikt_styring(&url, &data_dir, &["restore", file, "--yes"]).await;
    assert!(ok, "{out}");
    assert_eq!(snapshot(&db, measure).await, before);

    // The app works on the restored data: ikt edits again, and new rows get fresh ids.
    let ikt = app.user("ikt").await;
    let (status, html) = app.text(&ikt, &format!("/measures/{measure}")).await;
    assert_eq!(status, 200);
    assert!(html.contains(&before.measure.0), "{html}");
    sqlx::query("insert into unit (municipality_id, name) select municipality_id, 'Ny enhet' from municipality limit 1")
        .execute(&db)
        .await
        .unwrap();
    std::fs::remove_dir_all(&data_dir).unwrap();
}

#[sqlx::test]
async fn backups_keep_only_the_newest_and_leave_other_files_alone(db: PgPool) {
    seed::seed_demo_if_empty(&db).await.unwrap();
    let url = url_of(&db).await;
    let data_dir = temp_dir();
    let backups = data_dir.join("backups");
    std::fs::create_dir_all(&backups).unwrap();
    std::fs::write(backups.join("notater.txt"), "mine").unwrap();

    let mut made = Vec::new();
    for _ in 0..3 {
        let (ok, out) = ikt_styring(&url, &data_dir, &["backup", "--keep", "2"]).await;
        assert!(ok, "{out}");
        made.push(ikt_styring::backup::list(&backups).unwrap().pop().unwrap());
    }
    assert_eq!(ikt_styring::backup::list(&backups).unwrap(), made[1..]);
    assert!(backups.join("notater.txt").exists());
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&made[2]), 0o600, "a dump holds password hashes");
    assert_eq!(mode(&backups), 0o700);

    let (ok, out) = ikt_styring(&url, &data_dir, &["backup", "--keep", "0"]).await;
    assert!(!ok, "{out}");
    let (ok, out) = ikt_styring(
        &url,
        &data_dir,
        &[
            "restore",
            backups.join("notater.txt").to_str().unwrap(),
            "--yes",
        ],
    )
    .await;
    assert!(!ok, "{out}");
    assert!(out.contains("ikke en sikkerhetskopi"), "{out}");
    std::fs::remove_dir_all(&data_dir).unwrap();
}
