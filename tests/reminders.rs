//! Issue 10: the reminders by e-mail, sent once each to a real SMTP server the test starts
//! (aiosmtpd, installed by scripts/test; `SMTP_TEST_PYTHON` names its Python), and the calendar
//! feed of the municipality's due dates behind each user's secret address.

mod common;

use std::{
    net::TcpStream,
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use chrono::NaiveDate;
use common::*;
use ikt_styring::{mail::Mailer, reports::remind::run_once};
use sqlx::PgPool;

const BASE: &str = "https://ikt.ringebu.example";

/// The Python that has aiosmtpd: `SMTP_TEST_PYTHON`, else `python3`.
fn python() -> String {
    std::env::var("SMTP_TEST_PYTHON").unwrap_or_else(|_| "python3".into())
}

/// A real SMTP server (aiosmtpd) that keeps every message it accepts in a Maildir.
struct SmtpServer {
    child: Child,
    port: u16,
    dir: PathBuf,
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl SmtpServer {
    fn start() -> Self {
        Self::start_on(free_port())
    }

    fn start_on(port: u16) -> Self {
        let python = python();
        let check = Command::new(&python)
            .args(["-c", "import aiosmtpd"])
            .output();
        match check {
            Ok(o) if o.status.success() => {}
            other => panic!(
                "these tests need aiosmtpd: `{python} -c 'import aiosmtpd'` failed ({other:?}). \
                 Run scripts/test (it installs it under data/tools/smtp-venv), or set \
                 SMTP_TEST_PYTHON to a Python that has `pip install aiosmtpd==1.4.6`."
            ),
        }
        let dir = std::env::temp_dir().join(format!("ikt-smtp-{}-{port}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        // Mailbox makes the Maildir only if the folder does not exist yet.
        let child = Command::new(&python)
            .args(["-m", "aiosmtpd", "-n", "-l"])
            .arg(format!("127.0.0.1:{port}"))
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(dir.join("maildir"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("could not start {python} -m aiosmtpd: {e}"));
        let mut server = SmtpServer { child, port, dir };
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if let Ok(Some(status)) = server.child.try_wait() {
                panic!("aiosmtpd exited at start ({status})");
            }
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "aiosmtpd did not answer on port {port} within 30 s"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        server
    }

    fn url(&self) -> String {
        smtp_url(self.port)
    }

    /// Every message delivered so far, read with Python's own e-mail parser (so encoded
    /// headers and quoted-printable bodies are decoded as a mail program would).
    fn messages(&self) -> Vec<Mail> {
        read_maildir(&self.dir.join("maildir"))
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn smtp_url(port: u16) -> String {
    format!("smtp://127.0.0.1:{port}")
}

#[derive(Debug, serde::Deserialize)]
struct Mail {
    /// The envelope's recipients, as the server got them.
    rcpt: String,
    to: String,
    from: String,
    message_id: String,
    subject: String,
    content_type: String,
    body: String,
}

const READ_MAILDIR: &str = r#"
import email, json, os, sys
from email import policy
out = []
for sub in ("new", "cur"):
    folder = os.path.join(sys.argv[1], sub)
    if not os.path.isdir(folder):
        continue
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), "rb") as f:
            m = email.message_from_binary_file(f, policy=policy.default)
        out.append({
            "rcpt": m["X-RcptTo"] or "",
            "to": str(m["To"] or ""),
            "from": str(m["From"] or ""),
            "message_id": str(m["Message-ID"] or ""),
            "subject": str(m["Subject"] or ""),
            "content_type": m.get("Content-Type", ""),
            "body": m.get_content(),
        })
print(json.dumps(out))
"#;

fn read_maildir(dir: &Path) -> Vec<Mail> {
    let out = Command::new(python())
        .args(["-c", READ_MAILDIR])
        .arg(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "reading the Maildir: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn mailer(url: &str) -> Mailer {
    Mailer::new(url, "IKT-styring <noreply@ringebu.demo>").unwrap()
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// The demo with Magnus Rønningen (user `ikt`) responsible for the plan's reports, as the seed
/// has it, and none of its rounds: each test makes the rounds it needs.
async fn setup(db: PgPool) -> (TestApp, i64) {
    let app = spawn(db).await;
    let plan = plan_id(&app).await;
    sqlx::query("delete from report_round where action_plan_id = $1")
        .bind(plan)
        .execute(&app.db)
        .await
        .unwrap();
    sqlx::query(
        "insert into report_team (action_plan_id, municipality_id, responsible_person_id)
         select p.action_plan_id, p.municipality_id, u.person_id
         from action_plan p join app_user u on u.municipality_id = p.municipality_id and u.username = 'ikt'
         where p.action_plan_id = $1
         on conflict (action_plan_id) do update set responsible_person_id = excluded.responsible_person_id",
    )
    .bind(plan)
    .execute(&app.db)
    .await
    .unwrap();
    (app, plan)
}

/// A round of the plan due `due`, in `state` (submitted ones `submitted_at`, by `ikt`).
async fn round(
    app: &TestApp,
    plan: i64,
    due: &str,
    state: &str,
    submitted_at: Option<&str>,
) -> i64 {
    let due = day(due);
    let kind = match chrono::Datelike::month(&due) {
        6 => "june",
        10 => "october",
        1 => "january",
        _ => "extra",
    };
    sqlx::query_scalar(
        "insert into report_round (municipality_id, action_plan_id, due_date, covers_year, kind, state,
                                   acknowledged_at, submitted_at, submitted_by, frozen_plan_name)
         select p.municipality_id, p.action_plan_id, $2, $3, $4, $5,
                case when $5 = 'acknowledged' then now() end, $6::timestamptz,
                case when $6 is null then null else (select app_user_id from app_user where username = 'ikt') end,
                case when $6 is null then null else p.name end
         from action_plan p where p.action_plan_id = $1
         returning report_round_id",
    )
    .bind(plan)
    .bind(due)
    .bind(ikt_styring::reports::model::covers_year_of(due))
    .bind(kind)
    .bind(state)
    .bind(submitted_at)
    .fetch_one(&app.db)
    .await
    .unwrap()
}

async fn plan_name(app: &TestApp, plan: i64) -> String {
    sqlx::query_scalar("select name from action_plan where action_plan_id = $1")
        .bind(plan)
        .fetch_one(&app.db)
        .await
        .unwrap()
}

async fn recorded(app: &TestApp) -> i64 {
    sqlx::query_scalar("select count(*) from report_reminder")
        .fetch_one(&app.db)
        .await
        .unwrap()
}

async fn send(app: &TestApp, m: &Mailer, today: &str) -> usize {
    run_once(&app.db, m, BASE, day(today)).await.unwrap()
}

#[sqlx::test]
async fn each_reminder_goes_once_to_the_responsible_person_on_its_day_with_the_plan_the_due_date_and_a_link(
    db: PgPool,
) {
    let (app, plan) = setup(db).await;
    let id = round(&app, plan, "2015-06-15", "draft", None).await;
    let smtp = SmtpServer::start();
    let m = mailer(&smtp.url());
    let plan = plan_name(&app, plan).await;

    // The day before each reminder day, the day itself, and the days after.
    for (today, expected) in [
        ("2015-05-31", 0),
        ("2015-06-01", 1), // 14 days before
        ("2015-06-02", 0),
        ("2015-06-11", 0),
        ("2015-06-12", 1), // 3 days before
        ("2015-06-13", 0),
        ("2015-06-15", 0),
        ("2015-06-16", 1), // the day after
        ("2015-06-17", 0),
        ("2015-06-18", 0),
    ] {
        assert_eq!(send(&app, &m, today).await, expected, "sent on {today}");
    }
    let mails = smtp.messages();
    assert_eq!(mails.len(), 3, "{mails:#?}");
    for mail in &mails {
        assert_eq!(mail.rcpt, "ikt@ringebu.demo");
        assert!(
            mail.to.contains("Magnus Rønningen") && mail.to.contains("<ikt@ringebu.demo>"),
            "{}",
            mail.to
        );
        assert!(mail.from.contains("noreply@ringebu.demo"), "{}", mail.from);
        assert!(
            mail.message_id.ends_with("@ringebu.demo>"),
            "{}",
            mail.message_id
        );
        assert!(
            mail.content_type.starts_with("text/plain") && mail.content_type.contains("utf-8"),
            "{}",
            mail.content_type
        );
        assert!(
            mail.subject.contains(&plan) && mail.subject.contains("15.06.2015"),
            "{}",
            mail.subject
        );
        assert!(
            mail.body.contains(&format!("{BASE}/reports/{id}")),
            "{}",
            mail.body
        );
        assert!(
            mail.body.contains("Rapporten gjelder 2015"),
            "{}",
            mail.body
        );
    }
    // Maildir file names order mails delivered within one second arbitrarily: find each by
    // what it says.
    let said = |text: &str| {
        mails
            .iter()
            .find(|m| m.body.contains(text))
            .unwrap_or_else(|| panic!("no mail says «{text}»"))
    };
    assert!(
        said("om 14 dager")
            .subject
            .starts_with("Statusrapport til rådmannen"),
        "{}",
        said("om 14 dager").subject
    );
    assert!(
        said("om 3 dager")
            .subject
            .starts_with("Statusrapport til rådmannen")
    );
    let late = said("1 dag over fristen");
    assert!(late.subject.contains("er ikke levert"), "{}", late.subject);
    assert_eq!(recorded(&app).await, 3);
}

#[sqlx::test]
async fn a_reminder_is_written_in_the_recipients_language(db: PgPool) {
    let (app, plan) = setup(db).await;
    round(&app, plan, "2015-06-15", "not_started", None).await;
    choose_language(&app, "ikt", Some("nn")).await;
    let smtp = SmtpServer::start();
    let m = mailer(&smtp.url());
    assert_eq!(send(&app, &m, "2015-06-16").await, 1);
    let mail = &smtp.messages()[0];
    assert!(mail.subject.contains("er ikkje levert"), "{}", mail.subject);
    assert!(
        mail.body.contains("1 dag over fristen") && mail.body.contains("Rapporten gjeld 2015"),
        "{}",
        mail.body
    );
    assert!(mail.body.contains("Opne rapporten"), "{}", mail.body);
}

#[sqlx::test]
async fn a_reminder_whose_day_passed_more_than_two_days_ago_is_not_sent(db: PgPool) {
    let (app, plan) = setup(db).await;
    round(&app, plan, "2015-06-15", "not_started", None).await;
    round(&app, plan, "2015-10-15", "not_started", None).await;
    let smtp = SmtpServer::start();
    let m = mailer(&smtp.url());
    // A first start three days after the June round's 14-day reminder and three days after the
    // day after its due date: no backlog.
    assert_eq!(send(&app, &m, "2015-06-04").await, 0);
    assert_eq!(send(&app, &m, "2015-06-19").await, 0);
    // Two days late is still in time.
    assert_eq!(send(&app, &m, "2015-10-03").await, 1);
    assert_eq!(smtp.messages().len(), 1);
    assert_eq!(recorded(&app).await, 1);
}

#[sqlx::test]
async fn a_closed_plans_rounds_send_nothing(db: PgPool) {
    let (app, plan) = setup(db).await;
    // The 2014–2016 plan's last round is January 2017, on 2016.
    round(&app, plan, "2016-10-15", "not_started", None).await;
    round(&app, plan, "2017-01-15", "draft", None).await;
    let smtp = SmtpServer::start();
    let m = mailer(&smtp.url());
    assert_eq!(
        send(&app, &m, "2017-01-12").await,
        1,
        "3 days before, the plan still runs"
    );
    // From the day after the last round the plan is closed: no «day after» reminder.
    assert_eq!(send(&app, &m, "2017-01-16").await, 0);
    assert_eq!(send(&app, &m, "2017-01-17").await, 0);
    assert_eq!(smtp.messages().len(), 1);
}

#[sqlx::test]
async fn a_cancelled_or_submitted_round_sends_the_responsible_person_nothing(db: PgPool) {
    let (app, plan) = setup(db).await;
    let cancelled = round(&app, plan, "2015-06-15", "not_started", None).await;
    sqlx::query("update report_round set cancelled = true where report_round_id = $1")
        .bind(cancelled)
        .execute(&app.db)
        .await
        .unwrap();
    round(
        &app,
        plan,
        "2015-10-15",
        "submitted",
        Some("2015-09-01 12:00+02"),
    )
    .await;
    let smtp = SmtpServer::start();
    let m = mailer(&smtp.url());
    for today in [
        "2015-06-01",
        "2015-06-12",
        "2015-06-16",
        "2015-10-01",
        "2015-10-12",
        "2015-10-16",
    ] {
        assert_eq!(send(&app, &m, today).await, 0, "sent on {today}");
    }
    assert!(smtp.messages().is_empty());
    assert_eq!(recorded(&app).await, 0);
}

#[sqlx::test]
async fn the_radmann_gets_one_mail_when_a_report_is_submitted(db: PgPool) {
    let (app, plan) = setup(db).await;
    // A second rådmann account that is deactivated gets nothing.
    sqlx::query(
        "insert into app_user (municipality_id, username, email, display_name, password_hash, roles, active)
         select municipality_id, 'gammel-leder', 'gammel@ringebu.demo', 'Tidligere rådmann', password_hash, array['leder'], false
         from app_user where username = 'leder'",
    )
    .execute(&app.db)
    .await
    .unwrap();
    // Late in the evening of 10 June in Norway (still the 10th there, the same in UTC).
    let id = round(
        &app,
        plan,
        "2015-06-15",
        "submitted",
        Some("2015-06-10 23:30+02"),
    )
    .await;
    let smtp = SmtpServer::start();
    let m = mailer(&smtp.url());
    assert_eq!(send(&app, &m, "2015-06-09").await, 0);
    assert_eq!(send(&app, &m, "2015-06-10").await, 1);
    assert_eq!(send(&app, &m, "2015-06-11").await, 0);
    assert_eq!(
        send(&app, &m, "2015-06-16").await,
        0,
        "no «day after» for a submitted report"
    );
    let mails = smtp.messages();
    assert_eq!(mails.len(), 1, "{mails:#?}");
    let mail = &mails[0];
    assert_eq!(mail.rcpt, "leder@ringebu.demo");
    assert!(
        mail.subject.starts_with("Statusrapport levert"),
        "{}",
        mail.subject
    );
    assert!(
        mail.body.contains("Magnus Rønningen har levert"),
        "{}",
        mail.body
    );
    assert!(
        mail.body.contains(&format!("{BASE}/reports/{id}")),
        "{}",
        mail.body
    );
    assert!(
        mail.body.contains("ta den til orientering"),
        "{}",
        mail.body
    );
}

#[sqlx::test]
async fn across_a_restart_of_the_sender_nothing_is_sent_twice(db: PgPool) {
    let (app, plan) = setup(db).await;
    round(&app, plan, "2015-06-15", "not_started", None).await;
    round(
        &app,
        plan,
        "2015-06-01",
        "submitted",
        Some("2015-06-01 09:00+02"),
    )
    .await;
    let smtp = SmtpServer::start();
    assert_eq!(send(&app, &mailer(&smtp.url()), "2015-06-01").await, 2);
    // A new process: a new mailer, the same day, and the next.
    let again = mailer(&smtp.url());
    assert_eq!(send(&app, &again, "2015-06-01").await, 0);
    assert_eq!(send(&app, &again, "2015-06-02").await, 0);
    assert_eq!(smtp.messages().len(), 2);
}

#[sqlx::test]
async fn two_senders_running_at_once_send_each_reminder_once(db: PgPool) {
    let (app, plan) = setup(db).await;
    round(&app, plan, "2015-06-15", "not_started", None).await; // 14 days before
    round(&app, plan, "2015-06-04", "draft", None).await; // 3 days before
    round(&app, plan, "2015-05-31", "not_started", None).await; // the day after
    round(
        &app,
        plan,
        "2015-05-15",
        "acknowledged",
        Some("2015-06-01 08:00+02"),
    )
    .await;
    let smtp = SmtpServer::start();
    let (a, b) = (mailer(&smtp.url()), mailer(&smtp.url()));
    let today = day("2015-06-01");
    let (x, y) = tokio::join!(
        run_once(&app.db, &a, BASE, today),
        run_once(&app.db, &b, BASE, today)
    );
    let (x, y) = (x.unwrap(), y.unwrap());
    assert_eq!(x + y, 4, "{x} + {y}");
    let mails = smtp.messages();
    assert_eq!(mails.len(), 4, "{mails:#?}");
    assert_eq!(
        mails
            .iter()
            .filter(|m| m.rcpt == "leder@ringebu.demo")
            .count(),
        1
    );
    assert_eq!(recorded(&app).await, 4);
}

#[sqlx::test]
async fn when_the_smtp_server_is_down_the_reminder_is_not_recorded_and_goes_out_once_it_is_up(
    db: PgPool,
) {
    let (app, plan) = setup(db).await;
    round(&app, plan, "2015-06-15", "not_started", None).await;
    let port = free_port();
    let m = mailer(&smtp_url(port));
    assert_eq!(send(&app, &m, "2015-06-01").await, 0);
    assert_eq!(
        recorded(&app).await,
        0,
        "a reminder not sent is not recorded"
    );

    let smtp = SmtpServer::start_on(port);
    assert_eq!(send(&app, &m, "2015-06-02").await, 1);
    assert_eq!(send(&app, &m, "2015-06-02").await, 0);
    assert_eq!(smtp.messages().len(), 1);
    assert_eq!(recorded(&app).await, 1);
}

// ---- The calendar feed ----------------------------------------------------------------------

async fn calendar_token(app: &TestApp, username: &str) -> Option<String> {
    sqlx::query_scalar("select calendar_token from app_user where username = $1")
        .bind(username)
        .fetch_one(&app.db)
        .await
        .unwrap()
}

/// The feed as a calendar program reads it: folded lines joined.
async fn feed(app: &TestApp, token: &str) -> (u16, String, String) {
    let r = client()
        .get(app.url(&format!("/calendar/{token}.ics")))
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    let ct = r
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    let text = r.text().await.unwrap().replace("\r\n ", "");
    (status, ct, text)
}

/// A plan with one round in another municipality.
async fn other_round(app: &TestApp) -> i64 {
    app.other_municipality().await;
    sqlx::query_scalar(
        "with m as (select municipality_id from municipality where org_number = '961381274'),
         d as (insert into strategy_document (municipality_id, title, period_start, period_end)
               select municipality_id, 'Sør-Fron IKT-strategi', 2014, 2016 from m returning strategy_document_id, municipality_id),
         p as (insert into action_plan (municipality_id, strategy_document_id, name, start_year, end_year)
               select municipality_id, strategy_document_id, 'Sør-Fron handlingsplan', 2014, 2016 from d
               returning action_plan_id, municipality_id)
         insert into report_round (municipality_id, action_plan_id, due_date, covers_year, kind)
         select municipality_id, action_plan_id, date '2015-06-15', 2015, 'june' from p
         returning report_round_id",
    )
    .fetch_one(&app.db)
    .await
    .unwrap()
}

#[sqlx::test]
async fn the_calendar_feed_lists_the_municipalitys_rounds_as_all_day_events(db: PgPool) {
    let (app, plan) = setup(db).await;
    let june = round(&app, plan, "2015-06-15", "not_started", None).await;
    let january = round(
        &app,
        plan,
        "2016-01-15",
        "submitted",
        Some("2016-01-10 10:00+01"),
    )
    .await;
    let cancelled = round(&app, plan, "2015-10-15", "not_started", None).await;
    sqlx::query("update report_round set cancelled = true where report_round_id = $1")
        .bind(cancelled)
        .execute(&app.db)
        .await
        .unwrap();
    let elsewhere = other_round(&app).await;
    let name = plan_name(&app, plan).await;

    let c = app.user("ikt").await;
    let (_, html) = app.text(&c, "/profile").await;
    assert!(html.contains("Lag kalenderadresse") && html.contains("ingen kalenderadresse"));
    let r = app.post(&c, "/profile/calendar", &[]).await;
    assert_eq!(
        (r.status().as_u16(), location(&r)),
        (303, "/profile".into())
    );
    let token = calendar_token(&app, "ikt").await.expect("a token was made");
    assert!(
        token.len() >= 32 && token.bytes().all(|b| b.is_ascii_alphanumeric()),
        "{token}"
    );
    let (_, html) = app.text(&c, "/profile").await;
    assert!(
        html.contains("Kalenderadressen er laget"),
        "the flash says so"
    );
    assert!(
        html.contains(&format!("/calendar/{token}.ics")),
        "the page shows the address"
    );
    assert!(
        html.contains("Fra Internett")
            && html.contains("Lag ny adresse (den gamle slutter å virke)")
    );

    // No login: the token is the key.
    let (status, content_type, ics) = feed(&app, &token).await;
    assert_eq!(status, 200, "{ics}");
    assert_eq!(content_type, "text/calendar; charset=utf-8");
    assert!(
        ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.trim_end().ends_with("END:VCALENDAR"),
        "{ics}"
    );
    assert!(ics.contains("VERSION:2.0\r\n"), "{ics}");
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 2, "{ics}");
    assert_eq!(ics.matches("END:VEVENT").count(), 2, "{ics}");
    assert!(ics.contains("DTSTART;VALUE=DATE:20150615\r\n"), "{ics}");
    assert!(ics.contains("DTSTART;VALUE=DATE:20160115\r\n"), "{ics}");
    assert!(
        ics.contains(&format!("UID:report-round-{june}@ikt-styring\r\n")),
        "{ics}"
    );
    assert!(
        ics.contains(&format!("UID:report-round-{january}@ikt-styring\r\n")),
        "{ics}"
    );
    assert!(
        !ics.contains(&format!("report-round-{cancelled}@")),
        "a cancelled round is not listed"
    );
    assert!(
        !ics.contains(&format!("report-round-{elsewhere}@")) && !ics.contains("Sør-Fron"),
        "another municipality's round is not listed"
    );
    assert!(
        ics.contains(&format!(
            "SUMMARY:Statusrapport til rådmannen: {name}\\, frist\r\n"
        )),
        "{ics}"
    );
    assert!(
        ics.contains("Statusrapporten gjelder 2015") && ics.contains("Status: Levert"),
        "{ics}"
    );
    assert!(ics.contains(&format!("/reports/{june}\r\n")), "{ics}");
    // Every line ends in CRLF, and every component that begins ends.
    assert!(
        !ics.replace("\r\n", "").contains('\n'),
        "bare line feeds: {ics}"
    );
    assert_eq!(
        ics.matches("BEGIN:").count(),
        ics.matches("END:").count(),
        "{ics}"
    );
}

#[sqlx::test]
async fn the_feed_is_in_its_owners_language(db: PgPool) {
    let (app, plan) = setup(db).await;
    round(&app, plan, "2015-06-15", "not_started", None).await;
    choose_language(&app, "ikt", Some("nn")).await;
    let c = app.user("ikt").await;
    app.post(&c, "/profile/calendar", &[]).await;
    let (_, _, ics) = feed(&app, &calendar_token(&app, "ikt").await.unwrap()).await;
    assert!(
        ics.contains("Statusrapporten gjeld 2015") && ics.contains("Ikkje påbyrja"),
        "{ics}"
    );
}

#[sqlx::test]
async fn an_unknown_or_malformed_calendar_token_is_not_found(db: PgPool) {
    let app = spawn(db).await;
    let c = client();
    for path in [
        format!("/calendar/{}.ics", "A".repeat(43)),
        "/calendar/short.ics".into(),
        format!("/calendar/{}", "A".repeat(43)),
        format!("/calendar/{}%27%20or%201=1.ics", "A".repeat(40)),
    ] {
        let (status, _) = app.text(&c, &path).await;
        assert_eq!(status, 404, "{path}");
    }
}

#[sqlx::test]
async fn renewing_the_calendar_address_stops_the_old_one_and_is_logged_without_the_token(
    db: PgPool,
) {
    let (app, plan) = setup(db).await;
    round(&app, plan, "2015-06-15", "not_started", None).await;
    let c = app.user("ikt").await;
    let id = app.user_id("ikt").await;
    let logged_before = app.audit_count("app_user", id).await;
    app.post(&c, "/profile/calendar", &[]).await;
    let old = calendar_token(&app, "ikt").await.unwrap();
    assert_eq!(feed(&app, &old).await.0, 200);

    let r = app.post(&c, "/profile/calendar", &[]).await;
    assert_eq!(r.status().as_u16(), 303);
    let (_, html) = app.text(&c, "/profile").await;
    assert!(
        html.contains("Du har fått en ny kalenderadresse"),
        "the flash says so"
    );
    let new = calendar_token(&app, "ikt").await.unwrap();
    assert_ne!(old, new);
    assert_eq!(
        feed(&app, &old).await.0,
        404,
        "the old address stops working"
    );
    assert_eq!(feed(&app, &new).await.0, 200);

    assert_eq!(app.audit_count("app_user", id).await, logged_before + 2);
    let after: Vec<String> = sqlx::query_scalar(
        "select after::text from audit_log where table_name = 'app_user' and record_id = $1
         order by audit_log_id desc limit 2",
    )
    .bind(id)
    .fetch_all(&app.db)
    .await
    .unwrap();
    for a in &after {
        assert!(
            a.contains("calendar_feed") && a.contains("ny adresse laget"),
            "{a}"
        );
        assert!(
            !a.contains(&old) && !a.contains(&new),
            "the log never holds the token: {a}"
        );
    }
    let anywhere: i64 = sqlx::query_scalar(
        "select count(*) from audit_log where before::text like '%' || $1 || '%' or after::text like '%' || $1 || '%'
                                          or before::text like '%' || $2 || '%' or after::text like '%' || $2 || '%'",
    )
    .bind(&old)
    .bind(&new)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(anywhere, 0);

    // The admin's log reads it in words.
    let admin = app.user("admin").await;
    let (_, html) = app.text(&admin, &format!("/history/app_user/{id}")).await;
    assert!(html.contains("Kalenderadresse"), "{html}");
}

/// Runs the IKT-råd's sender (notifications and benefits follow-ups) for `today`.
async fn send_council(app: &TestApp, m: &Mailer, today: &str) -> usize {
    ikt_styring::council::remind::run_once(&app.db, m, BASE, day(today))
        .await
        .unwrap()
}

#[sqlx::test]
async fn a_requests_notifications_go_by_email_once_each_to_the_requester_in_their_language(
    db: PgPool,
) {
    let app = spawn(db).await;
    let enhet = app.user("gj-enhet").await;
    let ikt = app.user("gj-ikt").await;
    let unit: i64 = sqlx::query_scalar(
        "select unit_id from unit where name = 'Barnehage' and municipality_id = (select municipality_id from municipality where municipality_number = '1122')",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let r = app
        .post(
            &enhet,
            "/acquisitions",
            &[
                ("title", "Digitalt søknadsskjema"),
                ("need", "Papirsøknader"),
                ("unit", &unit.to_string()),
            ],
        )
        .await;
    let id: i64 = location(&r).rsplit('/').next().unwrap().parse().unwrap();
    let r = app
        .post(&ikt, "/council/meetings", &[("held_on", "10.12.2026")])
        .await;
    let meeting = location(&r).rsplit('/').next().unwrap().to_string();
    let r = app
        .post(
            &ikt,
            &format!("/acquisitions/{id}/triage"),
            &[
                ("action", "agenda"),
                ("meeting", &meeting),
                ("version", "1"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let r = app
        .post(
            &ikt,
            &format!("/acquisitions/{id}/triage"),
            &[("action", "send_back"), ("comment", "?"), ("version", "2")],
        )
        .await;
    assert_eq!(
        r.status(),
        303,
        "refused: it is on an agenda, not with the secretariat"
    );

    let smtp = SmtpServer::start();
    let m = mailer(&smtp.url());
    assert_eq!(send_council(&app, &m, "2026-12-03").await, 1);
    assert_eq!(send_council(&app, &m, "2026-12-03").await, 0, "never twice");
    let mails = smtp.messages();
    assert_eq!(mails.len(), 1);
    let mail = &mails[0];
    assert!(mail.to.contains("enhet@gjesdal.demo"), "{}", mail.to);
    assert!(
        mail.subject.contains("Digitalt søknadsskjema"),
        "{}",
        mail.subject
    );
    assert!(
        mail.body
            .contains("Saken er satt på sakslisten til IKT-rådet."),
        "{}",
        mail.body
    );
    assert!(
        mail.body.contains(&format!("{BASE}/acquisitions/{id}")),
        "{}",
        mail.body
    );

    // In nynorsk for a user who chose it.
    choose_language(&app, "gj-enhet", Some("nn")).await;
    sqlx::query("insert into notification (municipality_id, app_user_id, acquisition_id, kind)
                 select a.municipality_id, a.requested_by, a.acquisition_id, 'returned' from acquisition a where a.acquisition_id = $1")
        .bind(id)
        .execute(&app.db)
        .await
        .unwrap();
    assert_eq!(send_council(&app, &m, "2026-12-03").await, 1);
    let mails = smtp.messages();
    assert!(
        mails
            .iter()
            .any(|m| m.body.contains("Møtet vart lukka utan tilråding")),
        "{mails:?}"
    );
}

#[sqlx::test]
async fn a_benefits_follow_up_is_reminded_once_at_6_and_once_at_12_months_after_approval(
    db: PgPool,
) {
    let app = spawn(db).await;
    let id: i64 = sqlx::query_scalar(
        "insert into acquisition (municipality_id, title, requested_by, state, decided_financing,
                                  decided_amount, decision_reason, decided_on)
         select municipality_id, 'Nettbrett', app_user_id, 'approved', 'ict_funds', 100000, 'Ja', date '2026-01-15'
           from app_user where username = 'gj-enhet'
         returning acquisition_id",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let smtp = SmtpServer::start();
    let m = mailer(&smtp.url());
    assert_eq!(
        send_council(&app, &m, "2026-07-14").await,
        0,
        "not before its day"
    );
    assert_eq!(send_council(&app, &m, "2026-07-15").await, 1);
    assert_eq!(send_council(&app, &m, "2026-07-15").await, 0);
    assert_eq!(send_council(&app, &m, "2026-07-16").await, 0);
    assert_eq!(send_council(&app, &m, "2027-01-15").await, 1);
    assert_eq!(send_council(&app, &m, "2027-03-01").await, 0);
    let mails = smtp.messages();
    assert_eq!(mails.len(), 2);
    // The Maildir keeps no order: one of each.
    for months in ["6 måneder", "12 måneder"] {
        assert_eq!(
            mails.iter().filter(|m| m.body.contains(months)).count(),
            1,
            "{months}: {mails:?}"
        );
    }
    assert!(mails.iter().all(|m| {
        m.body
            .contains(&format!("{BASE}/acquisitions/{id}/benefits"))
    }));
    let kinds: i64 = sqlx::query_scalar(
        "select count(*) from notification where acquisition_id = $1 and kind = 'followup_due'",
    )
    .bind(id)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(kinds, 2, "and in the app, once each");
}
