//! The database goes away under load and comes back. The test runs its own PostgreSQL cluster
//! (never the shared server: it stops it), puts the app under load of reads and writes, stops
//! the cluster, and checks what users would notice: a clear 503 page while it is down, never a
//! 500 or a hang, normal service once it is back, and no saved write lost.

mod common;

use std::{
    sync::{
        Arc, Mutex,
        atomic::{AtomicBool, Ordering},
    },
    time::{Duration, Instant},
};

use common::TestApp;
use ikt_styring::{db, pg_cluster::PrivateCluster};
use reqwest::Client;

/// The words of the 503 page.
const DOWN_MESSAGE: &str = "Databasen svarer ikke akkurat nå. Prøv igjen om litt.";
/// Writers and readers running at once.
const WRITERS: usize = 4;
const READERS: usize = 3;
/// No request may take longer: the app answers, it does not hang while the database is away.
const ANSWER_BOUND: Duration = Duration::from_secs(10);
/// Generous, so a slow machine cannot fail it; the recovery time itself is measured by
/// `bench/recovery.sh`.
const RECOVERY_BOUND: Duration = Duration::from_secs(60);

/// Shown (through `Debug`) when an assertion about the answers fails.
#[derive(Debug)]
#[allow(dead_code)]
struct Answer {
    what: String,
    /// `None`: no answer at all (connection error or no answer within `ANSWER_BOUND`).
    status: Option<u16>,
    took: Duration,
}

#[derive(Default)]
struct Log {
    answers: Mutex<Vec<Answer>>,
    /// The comments of status updates the app answered «Lagret» to.
    saved: Mutex<Vec<String>>,
    stop: AtomicBool,
}

impl Log {
    fn note(&self, what: String, status: Option<u16>, took: Duration) {
        self.answers
            .lock()
            .unwrap()
            .push(Answer { what, status, took });
    }
    fn saved(&self) -> usize {
        self.saved.lock().unwrap().len()
    }
}

fn temp_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("ikt-fault-{}", uuid::Uuid::new_v4().simple()));
    // Left at the default mode (0755 under the usual umask): when we are root the cluster runs
    // as `postgres`, which must reach its folders inside.
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A client logged in as `ikt` (an editor), like `common`'s but with a deadline per request.
async fn ikt(app: &TestApp) -> Client {
    let c = Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .timeout(ANSWER_BOUND)
        .build()
        .unwrap();
    let r = app.login_as(&c, "ikt", common::PASSWORD).await;
    assert_eq!(r.status().as_u16(), 303, "login as ikt");
    c
}

async fn get(log: &Log, app: &TestApp, c: &Client, path: &str) -> Option<u16> {
    let start = Instant::now();
    let status = match c.get(app.url(path)).send().await {
        Ok(r) => {
            let s = r.status().as_u16();
            // Read the whole body: a page cut off midway is no answer.
            r.bytes().await.ok().map(|_| s)
        }
        Err(_) => None,
    };
    log.note(format!("GET {path}"), status, start.elapsed());
    status
}

/// One writer: status updates of its own measure, as the progress plan's row posts them
/// (htmx), each with a comment of its own so the database can be checked for every one.
async fn writer(
    log: Arc<Log>,
    app: Arc<TestApp>,
    c: Client,
    n: usize,
    measure: i64,
    strategy: i64,
) {
    let mut version: Option<i32> = None;
    let mut i = 0;
    while !log.stop.load(Ordering::Relaxed) {
        // After anything but a clean save the version is unknown (the save may have committed
        // before the answer was lost): read it again, once the database answers.
        let v = match version {
            Some(v) => v,
            None => match sqlx::query_scalar::<_, i32>(
                "select version from measure where measure_id = $1",
            )
            .bind(measure)
            .fetch_one(&app.db)
            .await
            {
                Ok(v) => v,
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
        };
        i += 1;
        let comment = format!("feiltest-{n}-{i}");
        let path = format!("/measures/{measure}/status");
        let start = Instant::now();
        let sent = c
            .post(app.url(&path))
            .header("hx-request", "true")
            .form(&[
                ("status", "in_progress"),
                ("comment", comment.as_str()),
                ("version", &v.to_string()),
                ("strategy", &strategy.to_string()),
            ])
            .send()
            .await;
        let (status, body) = match sent {
            Ok(r) => {
                let s = r.status().as_u16();
                match r.text().await {
                    Ok(b) => (Some(s), b),
                    Err(_) => (None, String::new()),
                }
            }
            Err(_) => (None, String::new()),
        };
        log.note(format!("POST {path}"), status, start.elapsed());
        if status == Some(200) && body.contains("Lagret:") {
            log.saved.lock().unwrap().push(comment);
            version = Some(v + 1);
        } else {
            version = None;
            if status != Some(200) {
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
    }
}

/// One reader: the start page, the progress plan and a measure's page, in turn.
async fn reader(log: Arc<Log>, app: Arc<TestApp>, c: Client, plan: i64, measure: i64) {
    let pages = [
        "/".to_string(),
        format!("/plan/{plan}"),
        format!("/measures/{measure}"),
    ];
    let mut i = 0;
    while !log.stop.load(Ordering::Relaxed) {
        if get(&log, &app, &c, &pages[i % pages.len()]).await != Some(200) {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        i += 1;
    }
}

/// Polls `probe` until it gives true, for at most `bound`; returns how long it took.
async fn within<F: AsyncFnMut() -> bool>(bound: Duration, mut probe: F) -> Option<Duration> {
    let start = Instant::now();
    while start.elapsed() < bound {
        if probe().await {
            return Some(start.elapsed());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    None
}

/// Stops the test's cluster and removes its folder however the test ends (also when an
/// assertion fails), with the app's own `dev-db --stop`.
struct Cleanup(std::path::PathBuf);

impl Drop for Cleanup {
    fn drop(&mut self) {
        let _ = std::process::Command::new(env!("CARGO_BIN_EXE_ikt-styring"))
            .args(["dev-db", "--stop", "--data-dir"])
            .arg(&self.0)
            .env_remove("DATABASE_URL")
            .output();
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn when_the_database_stops_under_load_the_app_answers_503_then_recovers_and_loses_no_saved_write()
 {
    let dir = temp_dir();
    let _cleanup = Cleanup(dir.clone());
    let cluster = PrivateCluster::locate(&dir).expect("PostgreSQL's initdb and pg_ctl");
    let url = cluster
        .ensure_running()
        .await
        .expect("start the test's own cluster");
    scenario(&cluster, url).await;
}

async fn scenario(cluster: &PrivateCluster, url: String) {
    // As the app does at start: connect, migrate, seed the demo (common::spawn seeds).
    let pool = db::connect(&url).await.unwrap();
    db::migrate(&pool).await.unwrap();
    let app = Arc::new(common::spawn(pool).await);
    let plan: i64 = sqlx::query_scalar(
        "select action_plan_id from action_plan order by action_plan_id limit 1",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let measures: Vec<(i64, i64)> = sqlx::query_as(
        "select m.measure_id, min(ms.strategy_id) from measure m
           join measure_strategy ms using (measure_id)
          where m.action_plan_id = $1
          group by m.measure_id order by m.measure_id limit $2",
    )
    .bind(plan)
    .bind(WRITERS as i64)
    .fetch_all(&app.db)
    .await
    .unwrap();
    assert_eq!(measures.len(), WRITERS, "the demo plan has enough measures");

    let count = async || -> i64 {
        sqlx::query_scalar("select count(*) from measure_status_change")
            .fetch_one(&app.db)
            .await
            .unwrap()
    };
    let rows_before = count().await;

    let log = Arc::new(Log::default());
    let mut tasks = Vec::new();
    for (n, &(measure, strategy)) in measures.iter().enumerate() {
        let c = ikt(&app).await;
        tasks.push(tokio::spawn(writer(
            log.clone(),
            app.clone(),
            c,
            n,
            measure,
            strategy,
        )));
    }
    for n in 0..READERS {
        let c = ikt(&app).await;
        tasks.push(tokio::spawn(reader(
            log.clone(),
            app.clone(),
            c,
            plan,
            measures[n % WRITERS].0,
        )));
    }
    let probe = ikt(&app).await;

    // Up: the load runs and writes are saved.
    let saved_up = within(Duration::from_secs(30), async || log.saved() >= 10).await;
    assert!(
        saved_up.is_some(),
        "writes are saved before the database stops"
    );

    // Down.
    cluster.stop().await.expect("pg_ctl stop -m fast");
    let saved_before_down = log.saved();

    let start = Instant::now();
    let r = probe
        .get(app.url("/readyz"))
        .send()
        .await
        .expect("/readyz answers");
    assert_eq!(
        r.status().as_u16(),
        503,
        "/readyz while the database is down"
    );
    assert!(
        start.elapsed() < Duration::from_secs(3),
        "/readyz took {:?}",
        start.elapsed()
    );

    let start = Instant::now();
    let r = probe
        .get(app.url("/"))
        .send()
        .await
        .expect("the start page answers");
    let took = start.elapsed();
    assert_eq!(
        r.status().as_u16(),
        503,
        "a page while the database is down"
    );
    assert!(
        r.headers().contains_key("retry-after"),
        "the 503 says when to retry"
    );
    let body = r.text().await.unwrap();
    assert!(
        body.contains(DOWN_MESSAGE),
        "the page says what is wrong: {body}"
    );
    assert!(
        took < db::ACQUIRE_TIMEOUT + Duration::from_secs(2),
        "the page took {took:?}"
    );

    let r = probe
        .get(app.url("/healthz"))
        .send()
        .await
        .expect("the app still serves");
    assert_eq!(
        r.status().as_u16(),
        200,
        "the process is alive while the database is down"
    );
    // Let the load run against the stopped database for a while.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let during_down = log.answers.lock().unwrap().len();

    // Back.
    cluster.ensure_running().await.expect("pg_ctl start");
    let back = Instant::now();
    let ready = within(
        RECOVERY_BOUND,
        async || matches!(probe.get(app.url("/readyz")).send().await, Ok(r) if r.status() == 200),
    )
    .await;
    assert!(
        ready.is_some(),
        "/readyz is 200 within {RECOVERY_BOUND:?} of the restart"
    );
    let page = within(
        RECOVERY_BOUND,
        async || matches!(probe.get(app.url("/")).send().await, Ok(r) if r.status() == 200),
    )
    .await
    .map(|_| back.elapsed());
    assert!(
        page.is_some(),
        "pages are served again within {RECOVERY_BOUND:?}"
    );
    let writes = within(RECOVERY_BOUND, async || {
        log.saved() >= saved_before_down + 10
    })
    .await
    .map(|_| back.elapsed());
    assert!(
        writes.is_some(),
        "writes are saved again within {RECOVERY_BOUND:?}"
    );
    eprintln!(
        "after pg_ctl start: /readyz 200 after {:?}, the start page after {:?}, 10 more saved writes after {:?}",
        ready.unwrap(),
        page.unwrap(),
        writes.unwrap()
    );

    log.stop.store(true, Ordering::Relaxed);
    for t in tasks {
        t.await.expect("a load task panicked");
    }

    // No saved write lost: as many new rows as saves at least (more when a save committed but
    // its answer was lost), and each comment the app answered «Lagret» to among them.
    let rows_after = count().await;
    let stored: Vec<String> = sqlx::query_scalar(
        "select comment from measure_status_change where comment like 'feiltest-%'",
    )
    .fetch_all(&app.db)
    .await
    .unwrap();

    let answers = std::mem::take(&mut *log.answers.lock().unwrap());
    let saved = std::mem::take(&mut *log.saved.lock().unwrap());
    let unavailable = answers.iter().filter(|a| a.status == Some(503)).count();
    eprintln!(
        "{} requests ({} by the time the database had been down 2 s), {} answered 503, {} writes saved",
        answers.len(),
        during_down,
        unavailable,
        saved.len()
    );
    let wrong: Vec<&Answer> = answers
        .iter()
        .filter(|a| !matches!(a.status, Some(200 | 503)) || a.took >= ANSWER_BOUND)
        .collect();
    assert!(
        wrong.is_empty(),
        "every request answered 200 or 503 in time; these did not: {wrong:#?}"
    );
    assert!(unavailable > 0, "the load met the stopped database");

    let lost: Vec<&String> = saved.iter().filter(|c| !stored.contains(c)).collect();
    assert!(
        lost.is_empty(),
        "saved writes missing after the restart: {lost:?}"
    );
    assert!(
        rows_after - rows_before >= saved.len() as i64,
        "{} new rows for {} saved writes",
        rows_after - rows_before,
        saved.len()
    );
}
