//! Issue 9: every form and every query string the app reads, sent random and nasty values. No
//! answer may be a 500, and a refused request (anything but a 303) may write nothing.
//!
//! The forms are found on the real pages, as `ikt`, as `admin` and logged out. `FUZZ_SAMPLES`
//! sets the requests per form and per query parameter (default 100; `bench/fuzz.sh` runs 1000),
//! `FUZZ_SEED` replays a run: the seed is printed at the start.

mod common;

use common::*;
use rand::{Rng, SeedableRng, rngs::StdRng, seq::IndexedRandom};
use reqwest::Client;
use scraper::{Html, Selector};
use sqlx::PgPool;

/// A value as it goes on the wire: text to percent-encode, or bytes already escaped (so invalid
/// UTF-8 such as `%FF%FE` reaches the server as such).
#[derive(Clone, Debug)]
enum Value {
    Text(String),
    Raw(String),
}

impl Value {
    fn encoded(&self) -> String {
        match self {
            Value::Text(s) => encode(s),
            Value::Raw(s) => s.clone(),
        }
    }
}

fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'*' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn nasty() -> Vec<Value> {
    let t = |s: &str| Value::Text(s.to_string());
    let r = |s: &str| Value::Raw(s.to_string());
    vec![
        t(""),
        t(" "),
        t(" \t \n "),
        t("\0"),
        t("a\0b"),
        r("%FF%FE"),
        r("%C0%AF"),
        r("%ED%A0%80"),
        r("%"),
        r("%zz"),
        r("a%00b"),
        t(&"x".repeat(100_000)),
        t(&"å".repeat(20_001)),
        t(&"9".repeat(400)),
        t("99999999999999999999"),
        t("9223372036854775807"),
        t("9223372036854775808"),
        t("-9223372036854775809"),
        t("2147483648"),
        t("-2147483649"),
        t("-1"),
        t("0"),
        t("1"),
        t("-0"),
        t("1e309"),
        t("-1e309"),
        t("1e-400"),
        t("NaN"),
        t("inf"),
        t("0x10"),
        t("1,5"),
        t("1.000.000,99"),
        t("1 000 000"),
        t("79228162514264337593543950336"),
        t("0000-01-01"),
        t("+10000-01-01"),
        t("-0001-01-01"),
        t("262144-01-01"),
        t("31.02.2014"),
        t("2014-02-30"),
        t("29.02.2015"),
        t("99.99.9999"),
        t("01.01.0"),
        t("1.1.99999999999"),
        t("2014"),
        t("99999"),
        t("\r\n"),
        t("linje\r\nX-Injected: ja"),
        t("\u{202E}tnemelpmi\u{202C}"),
        t("\u{200F}\u{200E}\u{FEFF}"),
        t("👍🏽👨‍👩‍👧 🇳🇴"),
        t("e\u{301}\u{301}\u{301}\u{301}\u{301}"),
        t("\u{FFFD}\u{10FFFF}"),
        t("' or 1=1 --"),
        t("'; drop table measure; --"),
        t("\\"),
        t("<script>alert(1)</script>"),
        t("\"><img src=x onerror=alert(1)>"),
        t("{{7*7}}{% raw %}"),
        t("../../etc/passwd"),
        t("//evil.example/"),
        t("https://evil.example/"),
        t("/\\evil.example"),
        t("javascript:alert(1)"),
        t("true"),
        t("on"),
        t("null"),
        t("ikt,admin,leder"),
    ]
}

/// A random value: from the nasty list, random code points or a random number.
fn random_value(rng: &mut StdRng, list: &[Value]) -> Value {
    match rng.random_range(0..10) {
        0..=6 => list.choose(rng).unwrap().clone(),
        7 => {
            let n = rng.random_range(0..40);
            Value::Text(
                (0..n)
                    .map(|_| char::from_u32(rng.random_range(0..0x3_0000)).unwrap_or('\u{FFFD}'))
                    .collect(),
            )
        }
        8 => Value::Raw(
            (0..rng.random_range(1..12))
                .map(|_| format!("%{:02X}", rng.random::<u8>()))
                .collect(),
        ),
        _ => Value::Text(match rng.random_range(0..3) {
            0 => rng.random::<i64>().to_string(),
            1 => format!(
                "{}",
                rng.random::<f64>() * 10f64.powi(rng.random_range(-5..30))
            ),
            _ => format!(
                "{}.{}.{}",
                rng.random_range(0..40),
                rng.random_range(0..15),
                rng.random_range(-10..100_000)
            ),
        }),
    }
}

/// A `<form method=post>` as a browser would send it.
#[derive(Clone, Debug)]
struct PostForm {
    page: String,
    action: String,
    fields: Vec<(String, String)>,
    /// Other values a select or radio group offers, by field name.
    options: Vec<(String, Vec<String>)>,
}

fn post_forms(page: &str, html: &str) -> Vec<PostForm> {
    let doc = Html::parse_document(html);
    let sel = |s: &str| Selector::parse(s).unwrap();
    let mut out = Vec::new();
    for form in doc.select(&sel("form")) {
        let f = form.value();
        if !f
            .attr("method")
            .unwrap_or("get")
            .eq_ignore_ascii_case("post")
        {
            continue;
        }
        let action = f
            .attr("action")
            .filter(|a| !a.is_empty())
            .unwrap_or(page)
            .to_string();
        let (mut fields, mut options) = (Vec::new(), Vec::<(String, Vec<String>)>::new());
        for el in form.select(&sel("input, select, textarea, button")) {
            let e = el.value();
            let Some(name) = e.attr("name") else { continue };
            let value = e.attr("value").unwrap_or("").to_string();
            match e.name() {
                "input" => match e.attr("type").unwrap_or("text") {
                    "checkbox" | "radio" => {
                        match options.iter_mut().find(|(n, _)| n == name) {
                            Some((_, v)) => v.push(value.clone()),
                            None => options.push((name.to_string(), vec![value.clone()])),
                        }
                        if e.attr("checked").is_some() {
                            fields.push((name.to_string(), value));
                        }
                    }
                    "submit" | "button" | "file" => {}
                    _ => fields.push((name.to_string(), value)),
                },
                "button" => {}
                "select" => {
                    let opts: Vec<_> = el.select(&sel("option")).collect();
                    let values: Vec<String> = opts
                        .iter()
                        .map(|o| {
                            o.value()
                                .attr("value")
                                .map(str::to_string)
                                .unwrap_or_else(|| o.text().collect())
                        })
                        .collect();
                    let chosen = opts
                        .iter()
                        .position(|o| o.value().attr("selected").is_some())
                        .unwrap_or(0);
                    if let Some(v) = values.get(chosen) {
                        fields.push((name.to_string(), v.clone()));
                    }
                    options.push((name.to_string(), values));
                }
                _ => fields.push((name.to_string(), el.text().collect())),
            }
        }
        out.push(PostForm {
            page: page.to_string(),
            action,
            fields,
            options,
        });
    }
    out
}

/// Each table's row count and newest row version (`xmin`), so an insert, an update or a delete
/// shows.
async fn fingerprint(db: &PgPool) -> Vec<(String, i64, i64)> {
    const TABLES: [&str; 17] = [
        "audit_log",
        "audit_event",
        "municipality",
        "unit",
        "person",
        "app_user",
        "strategy_document",
        "goal_area",
        "strategy",
        "action_plan",
        "measure",
        "measure_strategy",
        "measure_cost",
        "schedule_cell",
        "measure_dependency",
        "measure_status_change",
        "measure_import",
    ];
    let sql = TABLES
        .iter()
        .map(|t| {
            format!(
                "select '{t}'::text, count(*)::bigint, coalesce(max(xmin::text::bigint), 0) from {t}"
            )
        })
        .collect::<Vec<_>>()
        .join(" union all ");
    sqlx::query_as(&sql).fetch_all(db).await.unwrap()
}

fn samples() -> usize {
    std::env::var("FUZZ_SAMPLES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100)
}

fn seeded_rng() -> StdRng {
    let seed = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(rand::random::<u64>);
    eprintln!("fuzz: FUZZ_SEED={seed} FUZZ_SAMPLES={}", samples());
    StdRng::seed_from_u64(seed)
}

/// What went wrong, collected so one run reports every failing request.
#[derive(Default)]
struct Findings(Vec<String>);

impl Findings {
    fn check(&mut self, what: &str, status: u16, wrote: bool, body: &str) {
        // The audit log's dates out of range (year 0, +10000) were the one 500 this test found;
        // they are refused beside the filter now (tests/hardening.rs), so no 500 is let through.
        if status >= 500 {
            self.0.push(format!(
                "{status} for {}\n  {}",
                short(what),
                body.chars().take(300).collect::<String>()
            ));
        } else if wrote && status != 303 {
            self.0.push(format!(
                "{status} but wrote to the database for {}",
                short(what)
            ));
        }
    }

    fn assert_none(&self) {
        assert!(
            self.0.is_empty(),
            "{} failing requests (replay with the FUZZ_SEED printed above):\n{}",
            self.0.len(),
            self.0
                .iter()
                .take(30)
                .cloned()
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

fn short(v: &str) -> String {
    if v.len() > 200 {
        format!("{}… ({} bytes)", &v[..200], v.len())
    } else {
        v.to_string()
    }
}

async fn fuzz_form(
    app: &TestApp,
    c: &Client,
    form: &PostForm,
    rng: &mut StdRng,
    list: &[Value],
    findings: &mut Findings,
) {
    let mut form = form.clone();
    let n = samples();
    for i in 0..n {
        // Each field in turn gets the nasty value; every fifth request, all of them.
        let all = rng.random_range(0..5) == 0 || form.fields.is_empty();
        let target = if form.fields.is_empty() {
            0
        } else {
            i % form.fields.len()
        };
        let mut parts: Vec<(String, Value)> = Vec::new();
        for (k, (name, value)) in form.fields.iter().enumerate() {
            let mut v = Value::Text(value.clone());
            if let Some((_, opts)) = form.options.iter().find(|(n, _)| n == name)
                && rng.random_range(0..4) == 0
            {
                v = Value::Text(opts.choose(rng).cloned().unwrap_or_default());
            }
            if all || k == target {
                match rng.random_range(0..12) {
                    0 => continue,                                            // the field left out
                    1 => parts.push((name.clone(), random_value(rng, list))), // and repeated
                    _ => {}
                }
                v = random_value(rng, list);
            }
            parts.push((name.clone(), v));
        }
        if rng.random_range(0..20) == 0 {
            parts.push((encode("ukjent felt"), random_value(rng, list)));
        }
        let body = parts
            .iter()
            .map(|(k, v)| format!("{}={}", encode(k), v.encoded()))
            .collect::<Vec<_>>()
            .join("&");
        let before = fingerprint(&app.db).await;
        let r = c
            .post(app.url(&form.action))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body.clone())
            .send()
            .await
            .unwrap();
        let status = r.status().as_u16();
        let text = r.text().await.unwrap_or_default();
        let after = fingerprint(&app.db).await;
        let what = format!("POST {} {body}", form.action);
        findings.check(&what, status, before != after, &text);
        if before != after {
            // It was accepted: refresh the form so versions and tokens are current again.
            let (s, html) = app.text(c, &form.page).await;
            if s == 200
                && let Some(f) = post_forms(&form.page, &html)
                    .into_iter()
                    .find(|f| f.action == form.action)
            {
                form = f;
            }
        }
    }
}

async fn fuzz_query(
    app: &TestApp,
    c: &Client,
    path: &str,
    params: &[&str],
    rng: &mut StdRng,
    list: &[Value],
    findings: &mut Findings,
) {
    for i in 0..samples() {
        let all = rng.random_range(0..4) == 0;
        let query = params
            .iter()
            .enumerate()
            .filter(|(k, _)| all || *k == i % params.len())
            .map(|(_, p)| format!("{p}={}", random_value(rng, list).encoded()))
            .collect::<Vec<_>>()
            .join("&");
        let url = format!("{path}?{query}");
        if url.len() > 65_000 {
            // Past what a URI can hold in the HTTP stack (and any browser): not sendable.
            continue;
        }
        let before = fingerprint(&app.db).await;
        let r = c.get(app.url(&url)).send().await.unwrap();
        let status = r.status().as_u16();
        let text = r.text().await.unwrap_or_default();
        let wrote = before != fingerprint(&app.db).await;
        findings.check(&format!("GET {url}"), status, wrote, &text);
        if wrote {
            findings
                .0
                .push(format!("a GET wrote to the database: {}", short(&url)));
        }
    }
}

/// Path ids: `{}` in each template gets a nasty value (encoded so it stays one segment).
async fn fuzz_paths(
    app: &TestApp,
    c: &Client,
    templates: &[String],
    rng: &mut StdRng,
    list: &[Value],
    findings: &mut Findings,
) {
    for template in templates {
        for _ in 0..samples().div_ceil(5) {
            let value = random_value(rng, list).encoded().replace('+', "%20");
            let url = template.replace("{}", &value);
            if url.len() > 65_000 || value.is_empty() {
                continue;
            }
            let before = fingerprint(&app.db).await;
            let r = c.get(app.url(&url)).send().await.unwrap();
            let status = r.status().as_u16();
            let text = r.text().await.unwrap_or_default();
            let wrote = before != fingerprint(&app.db).await;
            findings.check(&format!("GET {url}"), status, wrote, &text);
        }
    }
}

async fn id(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&app.db).await.unwrap()
}

#[sqlx::test]
async fn no_form_field_or_query_value_makes_a_500_and_a_refused_request_writes_nothing(db: PgPool) {
    let app = spawn(db).await;
    let mut rng = seeded_rng();
    let list = nasty();
    let mut findings = Findings::default();
    let plan = plan_id(&app).await;
    let measure = id(&app, "select min(measure_id) from measure").await;
    let doc = id(
        &app,
        "select min(strategy_document_id) from strategy_document",
    )
    .await;
    let goal = id(
        &app,
        "select min(goal_area_id) from goal_area where strategy_document_id = (select min(strategy_document_id) from strategy_document)",
    )
    .await;
    let strategy = id(
        &app,
        "select min(strategy_id) from strategy s join goal_area g using (goal_area_id) where g.strategy_document_id = (select min(strategy_document_id) from strategy_document)",
    )
    .await;
    let unused = id(
        &app,
        "select min(strategy_id) from strategy s join goal_area g using (goal_area_id) where g.strategy_document_id = (select min(strategy_document_id) from strategy_document) and not exists (select 1 from measure_strategy ms where ms.strategy_id = s.strategy_id)",
    )
    .await;
    let other = app.user_id("leder").await;
    let round = id(&app, "select min(report_round_id) from report_round").await;
    // The rounds page lists the newest first: its first «move / cancel» form is the last round's.
    let newest = id(
        &app,
        "select max(report_round_id) from report_round where action_plan_id = (select min(action_plan_id) from action_plan)",
    )
    .await;
    let system = id(&app, "select min(system_id) from system").await;
    let unit = id(&app, "select min(unit_id) from unit").await;
    let person = id(&app, "select min(person_id) from person").await;
    let milestone = id(
        &app,
        "insert into plan_milestone (municipality_id, action_plan_id, name, due)
         select municipality_id, action_plan_id, 'MP1 Fuzz', date '2014-03-01'
         from action_plan order by action_plan_id limit 1 returning plan_milestone_id",
    )
    .await;
    let location = id(
        &app,
        "select location_id from location where name = 'Fåvang barnehage'",
    )
    .await;
    let line = id(
        &app,
        &format!("select min(line_id) from line where location_id = {location}"),
    )
    .await;
    // The seed has no risk assessment for Ringebu.
    let assessment = id(
        &app,
        "insert into risk_assessment (municipality_id, title) select min(municipality_id), 'ROS for skole' from municipality returning risk_assessment_id",
    )
    .await;
    let risk = id(
        &app,
        "insert into risk (municipality_id, risk_assessment_id, description, likelihood, consequence, mitigation) select municipality_id, risk_assessment_id, 'For få ressurser', 4, 5, 'Prioritere oppgaver' from risk_assessment where title = 'ROS for skole' returning risk_id",
    )
    .await;

    let ikt = app.user("ikt").await;
    let admin = app.user("admin").await;
    let leder = app.user("leder").await;
    let rad = app.user("rad").await;
    let anonymous = client();
    // The IKT-råd: Ringebu's documents name no council, so the test seats its leder as chair
    // and its rad as a member, calls a meeting with the first request on its agenda, and moves
    // the last request to «recommended» for RLT's decision form.
    sqlx::query(
        "insert into council_member (municipality_id, position, title, app_user_id, chair)
         select municipality_id, row_number() over (order by username desc), username, app_user_id, username = 'leder'
           from app_user where username in ('leder', 'rad')",
    )
    .execute(&app.db)
    .await
    .unwrap();
    let acquisition = id(&app, "update acquisition set state = 'on_agenda' where acquisition_id = (select min(acquisition_id) from acquisition where municipality_id = (select min(municipality_id) from municipality)) returning acquisition_id").await;
    let registered = id(&app, "select min(acquisition_id) from acquisition where state = 'registered' and municipality_id = (select min(municipality_id) from municipality)").await;
    let recommended = id(&app, "update acquisition set state = 'recommended' where acquisition_id = (select max(acquisition_id) from acquisition where municipality_id = (select min(municipality_id) from municipality)) returning acquisition_id").await;
    let approved = id(&app, "update acquisition set state = 'approved', decided_financing = 'ict_funds', decided_amount = 100000, decision_reason = 'Godkjent', decided_on = date '2026-01-15' where acquisition_id = (select max(acquisition_id) - 1 from acquisition where municipality_id = (select min(municipality_id) from municipality)) returning acquisition_id").await;
    let benefit = id(&app, &format!("insert into benefit (municipality_id, acquisition_id, kind, indicator) select municipality_id, acquisition_id, 'money', 'Kroner spart' from acquisition where acquisition_id = {approved} returning benefit_id")).await;
    let meeting = id(&app, "insert into council_meeting (municipality_id, held_on) select min(municipality_id), date '2026-12-10' from municipality returning council_meeting_id").await;
    sqlx::query(
        "insert into council_agenda (council_meeting_id, acquisition_id, municipality_id, position)
         select $1, $2, municipality_id, 1 from council_meeting where council_meeting_id = $1",
    )
    .bind(meeting)
    .bind(acquisition)
    .execute(&app.db)
    .await
    .unwrap();

    // A preview to confirm: the plan's own export uploaded again.
    let csv = ikt
        .get(app.url(&format!("/plan/{plan}/export.csv")))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap()
        .to_vec();
    let preview = ikt
        .post(app.url(&format!("/plan/{plan}/import")))
        .multipart(reqwest::multipart::Form::new().part(
            "file",
            reqwest::multipart::Part::bytes(csv).file_name("plan.csv"),
        ))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();

    // And the assessment's risks, exported and uploaded again.
    let risks_csv = ikt
        .get(app.url(&format!("/risks/{assessment}/export.csv")))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap()
        .to_vec();
    let risks_preview = ikt
        .post(app.url(&format!("/risks/{assessment}/import")))
        .multipart(reqwest::multipart::Form::new().part(
            "file",
            reqwest::multipart::Part::bytes(risks_csv).file_name("ros.csv"),
        ))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();

    let pages: Vec<(&Client, String)> = vec![
        (&anonymous, "/login".into()),
        (&ikt, format!("/plan/{plan}/measures/new")),
        (&ikt, format!("/measures/{measure}/edit")),
        (&ikt, format!("/plan/{plan}")),
        (&ikt, format!("/measures/{measure}")),
        (&ikt, "/strategy/new".into()),
        (&ikt, format!("/strategy/{doc}/edit")),
        (&ikt, format!("/strategy/{doc}/goal-areas/new")),
        (&ikt, format!("/strategy/{doc}/goal-areas/{goal}/edit")),
        (&ikt, format!("/strategy/{doc}/strategies/new")),
        (&ikt, format!("/strategy/{doc}/strategies/{strategy}/edit")),
        (&ikt, "/plan/new".into()),
        (&ikt, format!("/plan/{plan}/roll")),
        (&ikt, format!("/plan/{plan}/import")),
        (&ikt, "/systems/import".into()),
        (&ikt, "/locations".into()),
        (&admin, "/admin/users/new".into()),
        (&admin, format!("/admin/users/{other}")),
        (&admin, "/admin/settings".into()),
        (&ikt, "/profile".into()),
        (&ikt, format!("/plan/{plan}/reports")),
        (&ikt, format!("/reports/{round}/edit")),
        (&ikt, "/systems/new".into()),
        (&ikt, format!("/systems/{system}/edit")),
        (&ikt, format!("/systems/{system}")),
        (&ikt, "/units/new".into()),
        (&ikt, format!("/units/{unit}/edit")),
        (&ikt, "/people/new".into()),
        (&ikt, format!("/people/{person}/edit")),
        (&ikt, format!("/plan/{plan}/milestones")),
        (&ikt, format!("/milestones/{milestone}/edit")),
        (&ikt, "/risks/new".into()),
        (&ikt, format!("/risks/{assessment}/items/new")),
        (&ikt, format!("/risks/items/{risk}/edit")),
        (&leder, format!("/risks/items/{risk}/accept")),
        (&ikt, format!("/risks/items/{risk}")),
        (&ikt, format!("/risks/{assessment}/edit")),
        (&leder, "/risks/levels".into()),
        (&ikt, format!("/risks/{assessment}/import")),
        (&ikt, "/locations/new".into()),
        (&ikt, "/locations/import".into()),
        (&ikt, format!("/locations/{location}/edit")),
        (&ikt, format!("/locations/{location}/lines/new")),
        (&ikt, format!("/lines/{line}/edit")),
        (&ikt, format!("/measures/{measure}/locations")),
        (&ikt, "/acquisitions/new".into()),
        (&ikt, format!("/acquisitions/{registered}/edit")),
        (&leder, format!("/acquisitions/{recommended}/decision")),
        (&ikt, "/council/meetings".into()),
        (&rad, format!("/council/meetings/{meeting}")),
        (&leder, format!("/council/meetings/{meeting}")),
        (&ikt, format!("/acquisitions/{registered}")),
        (&ikt, format!("/acquisitions/{approved}/benefits")),
        (&admin, "/council/settings".into()),
        // Closing the meeting freezes it: after its assessment and recommendation forms.
        (&ikt, format!("/council/meetings/{meeting}")),
        // Deleting last: once a delete is accepted, the pages above would be gone.
        (&ikt, format!("/risks/items/{risk}/delete")),
        (&ikt, format!("/risks/{assessment}/delete")),
        (&ikt, format!("/lines/{line}/delete")),
        (&ikt, format!("/locations/{location}/delete")),
        (&ikt, format!("/strategy/{doc}/strategies/{unused}/delete")),
        (&ikt, format!("/milestones/{milestone}/delete")),
        (&ikt, format!("/measures/{measure}/delete")),
    ];
    let mut forms: Vec<(&Client, PostForm)> = Vec::new();
    for (c, page) in &pages {
        let (status, html) = app.text(c, page).await;
        assert_eq!(status, 200, "{page}");
        for f in post_forms(page, &html) {
            // Logging out would end the session the rest of the run needs; of the status row
            // form on every measure, one is enough.
            let kind = |a: &str| a.replace(|c: char| c.is_ascii_digit(), "");
            if f.action != "/logout"
                && !forms
                    .iter()
                    .any(|(_, g)| kind(&g.action) == kind(&f.action))
            {
                forms.push((c, f));
            }
        }
    }
    let previews = post_forms(&format!("/plan/{plan}/import"), &preview)
        .into_iter()
        .chain(post_forms(
            &format!("/risks/{assessment}/import"),
            &risks_preview,
        ));
    for f in previews {
        if f.action.ends_with("/import/confirm") {
            // Before the deletes, which come last.
            let deletes = forms
                .iter()
                .position(|(_, g)| g.action.ends_with("/delete"))
                .unwrap_or(forms.len());
            forms.insert(deletes, (&ikt, f));
        }
    }
    let actions: Vec<&str> = forms.iter().map(|(_, f)| f.action.as_str()).collect();
    eprintln!("fuzz: {} forms: {actions:?}", forms.len());
    for expected in [
        "/login".to_string(),
        format!("/plan/{plan}/measures"),
        format!("/measures/{measure}/edit"),
        format!("/measures/{measure}/status"),
        "/strategy/new".into(),
        format!("/strategy/{doc}/goal-areas/new"),
        format!("/strategy/{doc}/strategies/new"),
        "/plan/new".into(),
        format!("/plan/{plan}/roll"),
        format!("/plan/{plan}/import/confirm"),
        "/systems/import".into(),
        format!("/plan/{plan}/milestones"),
        format!("/milestones/{milestone}/edit"),
        format!("/milestones/{milestone}/delete"),
        "/locations/threshold".into(),
        "/admin/users".into(),
        format!("/admin/users/{other}"),
        format!("/admin/users/{other}/password"),
        format!("/admin/users/{other}/active"),
        "/admin/settings".into(),
        "/profile".into(),
        "/profile/password".into(),
        format!("/plan/{plan}/reports/team"),
        format!("/plan/{plan}/reports/rounds"),
        format!("/reports/{newest}/schedule"),
        format!("/reports/{round}/edit"),
        "/systems".into(),
        format!("/systems/{system}/edit"),
        format!("/systems/{system}/meetings"),
        "/units".into(),
        format!("/units/{unit}/edit"),
        "/people".into(),
        format!("/people/{person}/edit"),
        "/risks".into(),
        format!("/risks/{assessment}/items"),
        format!("/risks/items/{risk}/edit"),
        format!("/risks/items/{risk}/accept"),
        format!("/risks/items/{risk}/measure"),
        format!("/risks/{assessment}/edit"),
        "/risks/levels".into(),
        format!("/risks/{assessment}/import"),
        format!("/risks/{assessment}/import/confirm"),
        format!("/risks/items/{risk}/delete"),
        format!("/risks/{assessment}/delete"),
        "/locations".into(),
        "/locations/import".into(),
        format!("/locations/{location}/edit"),
        format!("/locations/{location}/lines"),
        format!("/lines/{line}/edit"),
        format!("/measures/{measure}/locations"),
        "/acquisitions".into(),
        format!("/acquisitions/{registered}/edit"),
        format!("/acquisitions/{registered}/triage"),
        format!("/acquisitions/{recommended}/decision"),
        "/council/meetings".into(),
        format!("/council/meetings/{meeting}/items/{acquisition}/assessment"),
        format!("/council/meetings/{meeting}/items/{acquisition}/recommendation"),
        format!("/council/meetings/{meeting}/close"),
        format!("/acquisitions/{approved}/benefits"),
        format!("/benefits/{benefit}/followups"),
        "/council/settings/threshold".into(),
        "/council/settings/principles".into(),
        "/council/settings/members".into(),
        format!("/lines/{line}/delete"),
        format!("/locations/{location}/delete"),
        format!("/strategy/{doc}/strategies/{unused}/delete"),
        format!("/measures/{measure}/delete"),
    ] {
        assert!(
            actions.contains(&expected.as_str()),
            "the pages have a form posting to {expected}: {actions:?}"
        );
    }

    let queries: Vec<(&Client, String, Vec<&str>)> = vec![
        (
            &ikt,
            format!("/plan/{plan}"),
            vec![
                "responsible",
                "status",
                "priority",
                "financing",
                "year",
                "strategy",
                "start",
                "late",
                "page",
                "all",
            ],
        ),
        (
            &ikt,
            "/risks/register".into(),
            vec!["level", "stage", "status", "overdue"],
        ),
        (&ikt, "/benefits".into(), vec!["show"]),
        (
            &ikt,
            "/locations".into(),
            vec![
                "q",
                "line_type",
                "ownership",
                "attention",
                "slow",
                "under",
                "sort",
                "dir",
                "page",
            ],
        ),
        (&ikt, "/search".into(), vec!["q"]),
        (
            &admin,
            "/admin/audit".into(),
            vec!["table", "user", "from", "to", "page"],
        ),
        (
            &ikt,
            format!("/strategy/{doc}/strategies/new"),
            vec!["goal_area"],
        ),
        (&ikt, "/people".into(), vec!["q", "page"]),
        (
            &ikt,
            "/acquisitions".into(),
            vec!["tab", "state", "unit", "financing", "page"],
        ),
        (&ikt, "/acquisitions/new".into(), vec!["measure"]),
        (&ikt, "/units".into(), vec!["q"]),
        (&anonymous, "/login".into(), vec!["next"]),
        (
            &ikt,
            "/systems".into(),
            vec![
                "q",
                "owner",
                "cooperation",
                "vendor",
                "operator",
                "lifecycle",
                "criticality",
                "overdue",
                "expiring",
                "unconfirmed",
                "no_superuser",
                "no_dpa",
                "mine",
                "sort",
                "dir",
                "page",
            ],
        ),
    ];
    for (c, path, params) in &queries {
        fuzz_query(&app, c, path, params, &mut rng, &list, &mut findings).await;
    }
    let paths: Vec<String> = [
        "/measures/{}",
        "/measures/{}/edit",
        "/measures/{}/delete",
        "/plan/{}",
        "/plan/{}/measures/new",
        "/plan/{}/roll",
        "/plan/{}/export.csv",
        "/plan/{}/export.xlsx",
        "/plan/{}/import",
        "/strategy/{}",
        "/strategy/{}/edit",
        "/history/{}/1",
        "/history/measure/{}",
        "/acquisitions/{}",
        "/acquisitions/{}/edit",
        "/acquisitions/{}/decision",
        "/council/meetings/{}",
        "/council/meetings/{}/minutes",
        "/acquisitions/{}/benefits",
    ]
    .iter()
    .map(|p| p.to_string())
    .chain([
        format!("/strategy/{doc}/goal-areas/{{}}/edit"),
        format!("/strategy/{doc}/strategies/{{}}/edit"),
    ])
    .collect();
    fuzz_paths(&app, &ikt, &paths, &mut rng, &list, &mut findings).await;
    let admin_paths = ["/admin/users/{}".to_string()];
    fuzz_paths(&app, &admin, &admin_paths, &mut rng, &list, &mut findings).await;
    for (c, form) in &forms {
        let started = std::time::Instant::now();
        fuzz_form(&app, c, form, &mut rng, &list, &mut findings).await;
        eprintln!("fuzz: {} in {:?}", form.action, started.elapsed());
    }
    findings.assert_none();
}
