//! The catalogs (issue 8): a missing, unused or mismatched key is a failing test here, not a
//! surprise at run time; and a nynorsk user gets the interface in nynorsk.

mod common;

use std::{
    collections::{BTreeMap, BTreeSet},
    fs,
    path::{Path, PathBuf},
};

use common::*;
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use sqlx::PgPool;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Every message of one language: key → (file, its placeholders).
fn catalog(lang: &str) -> BTreeMap<String, (String, BTreeSet<String>)> {
    let mut out = BTreeMap::new();
    let dir = Path::new(ROOT).join("locales").join(lang);
    for file in files(&dir, "ftl") {
        let text = fs::read_to_string(&file).unwrap();
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        let resource = fluent_syntax::parser::parse(text.as_str())
            .unwrap_or_else(|(_, errors)| panic!("{lang}/{name} does not parse: {errors:?}"));
        for entry in resource.body {
            match entry {
                Entry::Message(m) => {
                    let mut vars = BTreeSet::new();
                    if let Some(p) = &m.value {
                        pattern_vars(p, &mut vars);
                    }
                    for a in &m.attributes {
                        pattern_vars(&a.value, &mut vars);
                    }
                    let key = m.id.name.to_string();
                    if let Some((other, _)) = out.insert(key.clone(), (name.clone(), vars)) {
                        panic!("{lang}: «{key}» is in both {other} and {name}");
                    }
                }
                Entry::Junk { content } => panic!("{lang}/{name}: cannot read «{content}»"),
                _ => {}
            }
        }
    }
    out
}

fn pattern_vars(p: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for e in &p.elements {
        if let PatternElement::Placeable { expression } = e {
            expression_vars(expression, out);
        }
    }
}

fn expression_vars(e: &Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        Expression::Select { selector, variants } => {
            inline_vars(selector, out);
            for v in variants {
                pattern_vars(&v.value, out);
            }
        }
        Expression::Inline(i) => inline_vars(i, out),
    }
}

fn inline_vars(i: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match i {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        InlineExpression::Placeable { expression } => expression_vars(expression, out),
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, out);
            }
        }
        _ => {}
    }
}

fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files(&path, ext));
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// The code and the templates, as (file, text).
fn sources() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (dir, ext) in [("src", "rs"), ("templates", "html")] {
        for f in files(&Path::new(ROOT).join(dir), ext) {
            let text = fs::read_to_string(&f).unwrap();
            out.push((f.strip_prefix(ROOT).unwrap().display().to_string(), text));
        }
    }
    out
}

fn is_key(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Keys the code looks up: the first string literal of `t(`, `tr(`, `t1(`, `t2(` (on `ctx`,
/// `lang` or a `Lang`), of `Msg::new(` and `Msg::with(`, and of `k(`, which marks a key kept in
/// a table or a `match` (ARCHITECTURE.md, «Språk»).
fn used_keys() -> BTreeMap<String, String> {
    const CALLS: [&str; 7] = [
        "t(\"",
        "tr(\"",
        "t1(\"",
        "t2(\"",
        "k(\"",
        "Msg::new(\"",
        "Msg::with(\"",
    ];
    let mut out = BTreeMap::new();
    for (file, text) in sources() {
        for call in CALLS {
            for (at, _) in text.match_indices(call) {
                let before = text[..at].chars().next_back();
                let name_start = call.starts_with("Msg::");
                if !name_start && before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let rest = &text[at + call.len()..];
                let Some(end) = rest.find('"') else { continue };
                let key = &rest[..end];
                if is_key(key) {
                    out.entry(key.to_string()).or_insert_with(|| file.clone());
                }
            }
        }
    }
    out
}

#[test]
fn both_catalogs_have_exactly_the_same_keys() {
    let nb = catalog("nb");
    let nn = catalog("nn");
    assert!(nb.len() > 50, "the catalogs are read ({} keys)", nb.len());
    let only_nb: Vec<_> = nb.keys().filter(|k| !nn.contains_key(*k)).collect();
    let only_nn: Vec<_> = nn.keys().filter(|k| !nb.contains_key(*k)).collect();
    assert!(
        only_nb.is_empty() && only_nn.is_empty(),
        "only in nb: {only_nb:?}; only in nn: {only_nn:?}"
    );
    for (key, (file, _)) in &nb {
        assert_eq!(
            &nn[key].0, file,
            "«{key}» is in nb/{file} but nn/{}",
            nn[key].0
        );
    }
}

#[test]
fn every_message_has_the_same_placeholders_in_bokmal_and_nynorsk() {
    let nb = catalog("nb");
    let nn = catalog("nn");
    let differ: Vec<String> = nb
        .iter()
        .filter_map(|(key, (_, vars))| {
            let other = &nn.get(key)?.1;
            (vars != other).then(|| format!("{key}: nb {vars:?}, nn {other:?}"))
        })
        .collect();
    assert!(
        differ.is_empty(),
        "placeholders differ:\n{}",
        differ.join("\n")
    );
}

#[test]
fn every_key_the_code_and_templates_use_exists() {
    let nb = catalog("nb");
    let missing: Vec<String> = used_keys()
        .into_iter()
        .filter(|(key, _)| !nb.contains_key(key))
        .map(|(key, file)| format!("{key} (in {file})"))
        .collect();
    assert!(
        missing.is_empty(),
        "keys missing from the catalogs:\n{}",
        missing.join("\n")
    );
}

#[test]
fn no_key_is_unused() {
    let text: String = sources().into_iter().map(|(_, t)| t).collect();
    let unused: Vec<String> = catalog("nb")
        .into_iter()
        .filter(|(key, _)| !text.contains(&format!("\"{key}\"")))
        .map(|(key, (file, _))| format!("{key} (in {file})"))
        .collect();
    assert!(
        unused.is_empty(),
        "keys no code uses:\n{}",
        unused.join("\n")
    );
}

#[test]
fn the_glossary_lists_the_issues_nynorsk_terms() {
    let glossary = fs::read_to_string(Path::new(ROOT).join("locales/GLOSSARY.md")).unwrap();
    for term in [
        "Logg inn",
        "Tiltak",
        "Handlingsplan",
        "Framdriftsplan",
        "Eigeninnsats",
        "Ansvarleg",
        "Ikkje starta",
        "Pågår",
        "Utført",
        "Utsett",
        "Avbrote",
    ] {
        assert!(glossary.contains(term), "GLOSSARY.md names «{term}»");
    }
}

#[sqlx::test]
async fn a_user_who_chose_nynorsk_gets_the_layout_in_nynorsk(db: PgPool) {
    let app = spawn(db).await;
    choose_language(&app, "admin", Some("nn")).await;
    let c = app.user("admin").await;
    let (status, html) = app.text(&c, "/").await;
    assert_eq!(status, 200);
    assert!(html.contains("<html lang=\"nn\""), "{html}");
    assert!(html.contains("Hovudmeny") && html.contains("Innlogga som admin"));
    assert!(html.contains(">Brukarar<") && html.contains(">Innstillingar<"));
    assert!(!html.contains("Innlogget som"));

    // Another user of the same (bokmål) municipality still sees bokmål.
    let c = app.user("ikt").await;
    let (_, html) = app.text(&c, "/").await;
    assert!(html.contains("<html lang=\"nb\"") && html.contains("Innlogget som ikt"));
}

#[sqlx::test]
async fn a_nynorsk_municipality_s_users_get_nynorsk_unless_they_chose_bokmal(db: PgPool) {
    let app = spawn(db).await;
    sqlx::query("update municipality set malform = 'nynorsk'")
        .execute(&app.db)
        .await
        .unwrap();
    choose_language(&app, "ikt", Some("nb")).await;
    let (_, html) = app.text(&app.user("leder").await, "/dashboard").await;
    assert!(html.contains("<html lang=\"nn\""));
    let (_, html) = app.text(&app.user("ikt").await, "/").await;
    assert!(html.contains("<html lang=\"nb\""));

    sqlx::query("update municipality set malform = 'noytral'")
        .execute(&app.db)
        .await
        .unwrap();
    let (_, html) = app.text(&app.user("leder").await, "/dashboard").await;
    assert!(html.contains("<html lang=\"nb\""), "nøytral shows bokmål");
}

#[sqlx::test]
async fn error_pages_speak_the_reader_s_language(db: PgPool) {
    let app = spawn(db).await;
    choose_language(&app, "rad", Some("nn")).await;
    let c = app.user("rad").await;
    let (status, html) = app.text(&c, "/admin/users").await;
    assert_eq!(status, 403);
    assert!(html.contains("<html lang=\"nn\""));
    assert!(
        html.contains("Inga tilgang") && html.contains("krev rolla «Administrator»"),
        "{html}"
    );
    let (status, html) = app.text(&c, "/finst-ikkje").await;
    assert_eq!(status, 404);
    assert!(html.contains("Fann ikkje sida"));

    // Not logged in: bokmål, unless the login page's switch chose nynorsk.
    let anon = client();
    let (_, html) = app.text(&anon, "/login").await;
    assert!(html.contains("<html lang=\"nb\"") && html.contains("Brukernavn eller e-post"));
    let (_, html) = app.text(&anon, "/login?lang=nn").await;
    assert!(html.contains("<html lang=\"nn\"") && html.contains("Brukarnamn eller e-post"));
    let (_, html) = app.text(&anon, "/login").await;
    assert!(
        html.contains("<html lang=\"nn\""),
        "the choice is remembered"
    );
}

#[sqlx::test]
async fn a_user_chooses_nynorsk_on_the_profile_page_and_the_change_is_audited(db: PgPool) {
    let app = spawn(db).await;
    let c = app.user("leder").await;
    let (status, html) = app.text(&c, "/profile").await;
    assert_eq!(status, 200);
    assert!(html.contains("Min profil") && html.contains("Som kommunen (Bokmål)"));
    let id = app.user_id("leder").await;
    let audits = app.audit_count("app_user", id).await;

    let r = app
        .post(
            &c,
            "/profile",
            &[
                ("display_name", "Liv Leder"),
                ("email", "liv.leder@ringebu.kommune.no"),
                ("language", "nn"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/profile");
    let (_, html) = app.text(&c, "/profile").await;
    assert!(html.contains("<html lang=\"nn\""));
    assert!(
        html.contains("Profilen er lagra."),
        "the flash is in the new language"
    );
    assert!(html.contains("value=\"Liv Leder\""));
    assert_eq!(app.audit_count("app_user", id).await, audits + 1);

    // Back to following the municipality.
    let r = app
        .post(
            &c,
            "/profile",
            &[
                ("display_name", "Liv Leder"),
                ("email", "liv.leder@ringebu.kommune.no"),
                ("language", ""),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let (_, html) = app.text(&c, "/dashboard").await;
    assert!(html.contains("<html lang=\"nb\""));
}

#[sqlx::test]
async fn the_profile_form_refuses_a_bad_e_mail_and_a_wrong_current_password_and_writes_nothing(
    db: PgPool,
) {
    let app = spawn(db).await;
    choose_language(&app, "rad", Some("nn")).await;
    let c = app.user("rad").await;
    let id = app.user_id("rad").await;
    let audits = app.audit_count("app_user", id).await;
    let r = app
        .post(
            &c,
            "/profile",
            &[
                ("display_name", ""),
                ("email", "ikkje-ei-adresse"),
                ("language", "nn"),
            ],
        )
        .await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(
        html.contains("Skriv ei gyldig e-postadresse")
            && html.contains("Skriv namnet til personen")
    );
    assert!(
        html.contains("value=\"ikkje-ei-adresse\""),
        "the input is kept"
    );

    let r = app
        .post(
            &c,
            "/profile/password",
            &[
                ("current_password", "feil-passord"),
                ("new_password", "kort"),
            ],
        )
        .await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(html.contains("Passordet stemmer ikkje") && html.contains("minst 10 teikn"));
    assert_eq!(app.audit_count("app_user", id).await, audits);

    let r = app
        .post(
            &c,
            "/profile/password",
            &[
                ("current_password", PASSWORD),
                ("new_password", "eit-nytt-langt-passord"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(app.audit_count("app_user", id).await, audits + 1);
    let fresh = client();
    let r = app.login_as(&fresh, "rad", "eit-nytt-langt-passord").await;
    assert_eq!(r.status(), 303, "the new password logs in");
}

#[sqlx::test]
async fn an_admin_sets_the_malform_and_users_without_a_choice_follow_it(db: PgPool) {
    let app = spawn(db).await;
    let admin = app.user("admin").await;
    let (status, html) = app.text(&admin, "/admin/settings").await;
    assert_eq!(status, 200);
    assert!(html.contains("Innstillinger") && html.contains("value=\"bokmal\" checked"));
    let m: i64 = sqlx::query_scalar("select municipality_id from municipality limit 1")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let audits = app.audit_count("municipality", m).await;

    let r = app
        .post(&admin, "/admin/settings", &[("malform", "latin")])
        .await;
    assert_eq!(r.status(), 200);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("Velg bokmål, nynorsk eller nøytral.")
    );
    assert_eq!(app.audit_count("municipality", m).await, audits);

    let r = app
        .post(&admin, "/admin/settings", &[("malform", "nynorsk")])
        .await;
    assert_eq!(r.status(), 303);
    let (_, html) = app.text(&admin, "/admin/settings").await;
    assert!(html.contains("<html lang=\"nn\"") && html.contains("Innstillingane er lagra."));
    assert!(html.contains("value=\"nynorsk\" checked"));
    assert_eq!(app.audit_count("municipality", m).await, audits + 1);
    let (_, html) = app.text(&app.user("ikt").await, "/").await;
    assert!(html.contains("<html lang=\"nn\""));

    // The log says what changed, by label.
    let (_, html) = app.text(&admin, "/admin/audit").await;
    assert!(html.contains("Målform"), "{html}");
}
