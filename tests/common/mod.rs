//! Test harness: the real router on a random port over a `#[sqlx::test]` database, and an HTTP
//! client that keeps cookies and does not follow redirects (so tests see the 303s).

#![allow(dead_code)]

use ikt_styring::{AppState, build_app, seed};
use reqwest::{Client, Response, redirect::Policy};
use scraper::{Html, Selector};
use sqlx::PgPool;

pub const PASSWORD: &str = seed::DEMO_PASSWORD;

pub struct TestApp {
    pub addr: String,
    pub db: PgPool,
}

pub async fn spawn(db: PgPool) -> TestApp {
    spawn_with(db, |s| s).await
}

pub async fn spawn_with(db: PgPool, adjust: impl FnOnce(AppState) -> AppState) -> TestApp {
    seed::seed_demo_if_empty(&db).await.expect("seed demo");
    let state = adjust(AppState::new(db.clone()));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, build_app(state)).await.unwrap() });
    TestApp { addr, db }
}

pub fn client() -> Client {
    Client::builder()
        .cookie_store(true)
        .redirect(Policy::none())
        .build()
        .unwrap()
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.addr, path)
    }

    pub async fn get(&self, c: &Client, path: &str) -> Response {
        c.get(self.url(path)).send().await.unwrap()
    }

    pub async fn text(&self, c: &Client, path: &str) -> (u16, String) {
        let r = self.get(c, path).await;
        let status = r.status().as_u16();
        (status, r.text().await.unwrap())
    }

    /// Logs in and returns the response to the login POST.
    pub async fn login_as(&self, c: &Client, username: &str, password: &str) -> Response {
        c.post(self.url("/login"))
            .form(&[
                ("username", username),
                ("password", password),
                ("next", "/"),
            ])
            .send()
            .await
            .unwrap()
    }

    /// A fresh client logged in as one of the demo users.
    pub async fn user(&self, username: &str) -> Client {
        let c = client();
        let r = self.login_as(&c, username, PASSWORD).await;
        assert_eq!(
            r.status().as_u16(),
            303,
            "login as {username} should redirect"
        );
        c
    }

    /// POSTs a form, as a script would (no Origin; a browser's headers are the CSRF tests' part).
    pub async fn post(&self, c: &Client, path: &str, fields: &[(&str, &str)]) -> Response {
        c.post(self.url(path)).form(fields).send().await.unwrap()
    }

    pub async fn user_id(&self, username: &str) -> i64 {
        sqlx::query_scalar("select app_user_id from app_user where username = $1")
            .bind(username)
            .fetch_one(&self.db)
            .await
            .unwrap()
    }

    pub async fn audit_count(&self, table: &str, record_id: i64) -> i64 {
        sqlx::query_scalar(
            "select count(*) from audit_log where table_name = $1 and record_id = $2",
        )
        .bind(table)
        .bind(record_id)
        .fetch_one(&self.db)
        .await
        .unwrap()
    }

    /// A second municipality with one admin, for tenant-isolation tests.
    pub async fn other_municipality(&self) -> Client {
        let hash = ikt_styring::auth::password::hash(PASSWORD.into())
            .await
            .unwrap();
        let m: i64 = sqlx::query_scalar(
            "insert into municipality (name, org_number, municipality_number) values ('Sør-Fron kommune', '961381274', '3438') returning municipality_id",
        )
        .fetch_one(&self.db)
        .await
        .unwrap();
        sqlx::query(
            "insert into app_user (municipality_id, username, email, display_name, password_hash, roles)
             values ($1, 'sorfron', 'admin@sor-fron.demo', 'Sør-Fron admin', $2, array['admin','ikt'])",
        )
        .bind(m)
        .bind(hash)
        .execute(&self.db)
        .await
        .unwrap();
        self.user("sorfron").await
    }
}

/// The seeded Ringebu action plan (the first plan created).
pub async fn plan_id(app: &TestApp) -> i64 {
    sqlx::query_scalar("select action_plan_id from action_plan order by action_plan_id limit 1")
        .fetch_one(&app.db)
        .await
        .unwrap()
}

pub async fn measure_id(app: &TestApp, title: &str) -> i64 {
    sqlx::query_scalar("select measure_id from measure where title = $1")
        .bind(title)
        .fetch_one(&app.db)
        .await
        .unwrap()
}

pub fn location(r: &Response) -> String {
    r.headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default()
}

/// What a browser would send for the page's measure form, as it stands.
pub fn form_fields(html: &str) -> Vec<(String, String)> {
    fields_of(html, "form#measure-form")
}

/// What a browser would send for the page's form matching `selector`, as it stands (no button).
pub fn fields_of(html: &str, selector: &str) -> Vec<(String, String)> {
    let doc = Html::parse_document(html);
    let form = doc
        .select(&Selector::parse(selector).unwrap())
        .next()
        .unwrap_or_else(|| panic!("the page has {selector}"));
    let mut out = Vec::new();
    for el in form.select(&Selector::parse("input, select, textarea").unwrap()) {
        let e = el.value();
        let Some(name) = e.attr("name") else { continue };
        match e.name() {
            "input" => match e.attr("type").unwrap_or("text") {
                "checkbox" | "radio" => {
                    if e.attr("checked").is_some() {
                        out.push((
                            name.to_string(),
                            e.attr("value").unwrap_or("on").to_string(),
                        ));
                    }
                }
                "submit" | "button" => {}
                _ => out.push((name.to_string(), e.attr("value").unwrap_or("").to_string())),
            },
            "select" => {
                let options: Vec<_> = el.select(&Selector::parse("option").unwrap()).collect();
                let chosen = options
                    .iter()
                    .find(|o| o.value().attr("selected").is_some())
                    .or(options.first());
                if let Some(o) = chosen {
                    out.push((
                        name.to_string(),
                        o.value().attr("value").unwrap_or("").to_string(),
                    ));
                }
            }
            _ => out.push((name.to_string(), el.text().collect())),
        }
    }
    out
}

pub fn set(fields: &mut Vec<(String, String)>, name: &str, value: &str) {
    match fields.iter_mut().find(|(k, _)| k == name) {
        Some(f) => f.1 = value.to_string(),
        None => fields.push((name.to_string(), value.to_string())),
    }
}

pub fn get<'a>(fields: &'a [(String, String)], name: &str) -> Option<&'a str> {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

pub async fn submit(
    app: &TestApp,
    c: &Client,
    path: &str,
    fields: &[(String, String)],
) -> reqwest::Response {
    c.post(app.url(path)).form(fields).send().await.unwrap()
}

pub async fn edit_form(app: &TestApp, c: &Client, id: i64) -> Vec<(String, String)> {
    let (status, html) = app.text(c, &format!("/measures/{id}/edit")).await;
    assert_eq!(status, 200);
    form_fields(&html)
}

/// Sets a user's interface language as «Min profil» does (`None` follows the municipality).
pub async fn choose_language(app: &TestApp, username: &str, lang: Option<&str>) {
    sqlx::query("update app_user set language = $2 where username = $1")
        .bind(username)
        .bind(lang)
        .execute(&app.db)
        .await
        .unwrap();
}

/// The page's text that is the interface's own: everything but what sits in an element marked
/// with a `lang` of its own (users' text, marked with the municipality's language), scripts and
/// styles; whitespace squashed.
pub fn interface_text(html: &str) -> String {
    let doc = Html::parse_document(html);
    let mut out = Vec::new();
    for node in doc.root_element().descendants() {
        let Some(text) = node.value().as_text() else {
            continue;
        };
        let marked_or_code = node
            .ancestors()
            .filter_map(|a| a.value().as_element())
            .any(|e| {
                matches!(e.name(), "script" | "style")
                    || (e.name() != "html" && e.attr("lang").is_some())
            });
        if !marked_or_code {
            out.push(text.to_string());
        }
    }
    out.join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `phrase` occurs in `text` as whole words («ikke» is not in «Sikkerhet»).
pub fn has_words(text: &str, phrase: &str) -> bool {
    let words = |s: &str| {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    format!(" {} ", words(text)).contains(&format!(" {} ", words(phrase)))
}
