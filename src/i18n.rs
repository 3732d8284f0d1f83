//! The interface in bokmål and nynorsk (issue 8), with Project Fluent.
//!
//! Catalogs are `locales/<nb|nn>/<module>.ftl`, embedded at compile time. Every page knows its
//! reader's language (`Ctx::lang`, from the user's choice or else the municipality's målform;
//! `Lang::public` on pages without a login) and looks text up by key: `ctx.t("nav-plan")`,
//! `ctx.tr("pager-page-count", &[("count", n.into())])`. Text made before the language is known (form
//! errors, flash messages, error pages) is a [`Msg`]: a key and its arguments, rendered when
//! shown. `tests/i18n.rs` checks that both catalogs have the same keys and placeholders and that
//! every key the code uses exists and every key that exists is used. ARCHITECTURE.md says how a
//! module converts its strings.

use std::{borrow::Cow, collections::HashMap, fmt};

use fluent_templates::{
    Loader, fluent_bundle::FluentValue, loader::LanguageIdentifier, static_loader,
};
use serde::{Deserialize, Serialize};

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "nb",
        // Unicode isolation marks around placeholders would end up in the HTML (and in tests'
        // text comparisons); every argument here is plain text in a Norwegian sentence.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The cookie that remembers the language chosen on the login page.
pub const LANG_COOKIE: &str = "lang";

/// The language of the interface for one request.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Nb,
    Nn,
}

/// The municipality's official written language (målform).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Malform {
    Bokmal,
    Nynorsk,
    Noytral,
}

impl Malform {
    pub const ALL: [Malform; 3] = [Malform::Bokmal, Malform::Nynorsk, Malform::Noytral];

    /// The database code (`municipality.malform`).
    pub fn code(self) -> &'static str {
        match self {
            Malform::Bokmal => "bokmal",
            Malform::Nynorsk => "nynorsk",
            Malform::Noytral => "noytral",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.code() == code)
    }

    /// The catalog key of its name.
    pub fn label_key(self) -> &'static str {
        match self {
            Malform::Bokmal => k("malform-bokmal"),
            Malform::Nynorsk => k("malform-nynorsk"),
            Malform::Noytral => k("malform-noytral"),
        }
    }

    /// The interface language it gives: nøytral municipalities see bokmål.
    pub fn lang(self) -> Lang {
        match self {
            Malform::Nynorsk => Lang::Nn,
            Malform::Bokmal | Malform::Noytral => Lang::Nb,
        }
    }
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Nb, Lang::Nn];

    /// The BCP 47 code, for `<html lang>` and `lang` attributes, and the database code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::Nn => "nn",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "nb" => Some(Lang::Nb),
            "nn" => Some(Lang::Nn),
            _ => None,
        }
    }

    /// The user's own choice, else the municipality's målform (unknown codes count as none).
    pub fn resolve(user_choice: Option<&str>, malform: &str) -> Self {
        user_choice
            .and_then(Lang::from_code)
            .or_else(|| Malform::from_code(malform).map(Malform::lang))
            .unwrap_or_default()
    }

    /// The language of a page without a login (the login page, an error before login):
    /// `?lang=nn` or `?lang=nb` in the address, else the `lang` cookie the login page sets when
    /// one picks a language there, else bokmål. No Accept-Language: browsers in Norway say
    /// `nb` or `no` whatever their user writes, so it would decide nothing.
    pub fn public(headers: &axum::http::HeaderMap, query: Option<&str>) -> Self {
        let from_query = query.and_then(|q| {
            url::form_urlencoded::parse(q.as_bytes())
                .find(|(k, _)| k == "lang")
                .and_then(|(_, v)| Lang::from_code(&v))
        });
        from_query
            .or_else(|| {
                headers
                    .get_all(axum::http::header::COOKIE)
                    .iter()
                    .filter_map(|v| v.to_str().ok())
                    .flat_map(|v| v.split(';'))
                    .filter_map(|c| c.trim().split_once('='))
                    .find(|(name, _)| *name == LANG_COOKIE)
                    .and_then(|(_, v)| Lang::from_code(v))
            })
            .unwrap_or_default()
    }

    /// The catalog key of the language's name ("Bokmål", "Nynorsk").
    pub fn label_key(self) -> &'static str {
        match self {
            Lang::Nb => k("lang-nb"),
            Lang::Nn => k("lang-nn"),
        }
    }

    fn id(self) -> &'static LanguageIdentifier {
        static NB: std::sync::LazyLock<LanguageIdentifier> =
            std::sync::LazyLock::new(|| "nb".parse().expect("nb"));
        static NN: std::sync::LazyLock<LanguageIdentifier> =
            std::sync::LazyLock::new(|| "nn".parse().expect("nn"));
        match self {
            Lang::Nb => &NB,
            Lang::Nn => &NN,
        }
    }

    /// The message `key` in this language.
    pub fn t(&self, key: &str) -> String {
        self.lookup(key, None)
    }

    /// The message `key` with its arguments.
    pub fn tr(&self, key: &str, args: &[(&str, Arg)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue<'_>> = args
            .iter()
            .map(|(name, value)| (Cow::Owned(name.to_string()), value.fluent(*self)))
            .collect();
        self.lookup(key, Some(&map))
    }

    /// `tr` with one argument, for templates (askama has no slice-of-tuples literal that infers
    /// `Arg`): `{{ ctx.t1("pager-page-count", "count", n) }}`.
    pub fn t1(&self, key: &str, name: &str, value: impl Into<Arg>) -> String {
        self.tr(key, &[(name, value.into())])
    }

    /// `tr` with two arguments, for templates.
    pub fn t2(
        &self,
        key: &str,
        name1: &str,
        value1: impl Into<Arg>,
        name2: &str,
        value2: impl Into<Arg>,
    ) -> String {
        self.tr(key, &[(name1, value1.into()), (name2, value2.into())])
    }

    /// A [`Msg`] in this language.
    pub fn msg(&self, msg: &Msg) -> String {
        match msg {
            Msg::Text(text) => text.clone(),
            Msg::Key { key, args } => {
                let args: Vec<(&str, Arg)> =
                    args.iter().map(|(n, v)| (n.as_ref(), v.clone())).collect();
                self.tr(key, &args)
            }
        }
    }

    fn lookup(
        &self,
        key: &str,
        args: Option<&HashMap<Cow<'static, str>, FluentValue<'_>>>,
    ) -> String {
        match LOCALES.try_lookup_complete(self.id(), key, args) {
            Some(text) => text,
            None => {
                // tests/i18n.rs makes this unreachable for keys written in the code; a key built
                // at run time that is missing shows itself rather than an empty label.
                tracing::warn!(key, lang = self.code(), "ukjent tekstnøkkel");
                key.to_string()
            }
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Marks a string literal as a catalog key where it is stored rather than looked up at once (a
/// label in a table, a `match` arm), so that `tests/i18n.rs` finds it. Returns it unchanged.
pub const fn k(key: &'static str) -> &'static str {
    key
}

/// A Fluent argument. Numbers select plural forms (`{ $count -> [one] … *[other] … }`) and print
/// without grouping; amounts, hours and dates are passed as text already formatted the
/// Norwegian way (`domain::nok_text`, …), identical in both languages.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Arg {
    Text(String),
    Int(i64),
    /// A message inside a message («Passordet ble ikke endret: …»), rendered in the same
    /// language.
    Msg(Box<Msg>),
}

impl Arg {
    fn fluent(&self, lang: Lang) -> FluentValue<'_> {
        match self {
            Arg::Text(s) => FluentValue::from(s.as_str()),
            Arg::Int(n) => FluentValue::from(*n),
            Arg::Msg(m) => FluentValue::from(lang.msg(m)),
        }
    }
}

impl From<Msg> for Arg {
    fn from(m: Msg) -> Self {
        Arg::Msg(Box::new(m))
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}
impl From<&&str> for Arg {
    fn from(s: &&str) -> Self {
        Arg::Text(s.to_string())
    }
}
macro_rules! int_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Int(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
        impl From<&$t> for Arg {
            fn from(n: &$t) -> Self {
                Arg::Int(i64::try_from(*n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
int_arg!(i16, i32, i64, u16, u32, u64, usize);

/// Text made before the reader's language is known: a validation message, a flash message, an
/// error page's message, an import row's error. Rendered with `Lang::msg` / `Ctx::msg` when
/// shown. Serializable, since a flash waits in the session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Msg {
    /// A catalog key and its arguments.
    Key {
        key: Cow<'static, str>,
        args: Vec<(Cow<'static, str>, Arg)>,
    },
    /// Text already in the reader's language (a row message joined from several), shown as it
    /// is. There is deliberately no `From<&str>`: interface text goes through the catalogs.
    Text(String),
}

impl Msg {
    /// The message `key`.
    pub const fn new(key: &'static str) -> Self {
        Msg::Key {
            key: Cow::Borrowed(key),
            args: Vec::new(),
        }
    }

    /// The message `key` with arguments: `Msg::with("form-field-too-long", [("field", name.into()), ("max", 200.into())])`.
    pub fn with<const N: usize>(key: &'static str, args: [(&'static str, Arg); N]) -> Self {
        Msg::Key {
            key: Cow::Borrowed(key),
            args: args
                .into_iter()
                .map(|(n, v)| (Cow::Borrowed(n), v))
                .collect(),
        }
    }

    /// The catalog key, if it is one (for tests and logs).
    pub fn key(&self) -> Option<&str> {
        match self {
            Msg::Key { key, .. } => Some(key),
            Msg::Text(_) => None,
        }
    }

    /// The message in bokmål: for logs, and for tests that check what a bokmål reader sees.
    pub fn nb(&self) -> String {
        Lang::Nb.msg(self)
    }

    /// Whether its bokmål text contains `needle` (tests).
    pub fn contains(&self, needle: &str) -> bool {
        self.nb().contains(needle)
    }
}

/// Bokmål, for logs and `AppError`'s own `Display`. Pages write `{{ ctx.msg(e) }}`.
impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.nb())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_user_s_choice_wins_over_the_malform_and_noytral_is_bokmal() {
        assert_eq!(Lang::resolve(None, "nynorsk"), Lang::Nn);
        assert_eq!(Lang::resolve(None, "noytral"), Lang::Nb);
        assert_eq!(Lang::resolve(None, "bokmal"), Lang::Nb);
        assert_eq!(Lang::resolve(Some("nb"), "nynorsk"), Lang::Nb);
        assert_eq!(Lang::resolve(Some("nn"), "bokmal"), Lang::Nn);
    }

    #[test]
    fn plural_forms_follow_the_count_in_both_languages() {
        assert_eq!(Lang::Nb.t1("pager-page-count", "count", 1), "1 side");
        assert_eq!(Lang::Nb.t1("pager-page-count", "count", 3), "3 sider");
        assert_eq!(Lang::Nn.t1("pager-page-count", "count", 1), "1 side");
        assert_eq!(Lang::Nn.t1("pager-page-count", "count", 3), "3 sider");
    }

    #[test]
    fn arguments_are_inserted_without_isolation_marks() {
        let m = Msg::with(
            "form-field-too-long",
            [("field", "tittel".into()), ("max", 20.into())],
        );
        let nb = m.nb();
        assert!(nb.contains("«tittel»"), "{nb}");
        assert!(!nb.contains('\u{2068}') && !nb.contains('\u{2069}'));
    }
}

/// `text` as escaped HTML with each occurrence of one of `data` (text in the municipality's
/// language inside an interface sentence, such as a stored label quoted in an explanation)
/// wrapped in `<span lang="…">`, so screen readers and the nynorsk check know it for what it is.
pub fn mark_data(text: &str, data: &[String], lang: &str) -> String {
    fn escape(s: &str) -> String {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
            .replace('\'', "&#39;")
    }
    let mut out = String::new();
    let mut rest = text;
    while let Some((at, found)) = data
        .iter()
        .filter(|d| !d.is_empty())
        .filter_map(|d| rest.find(d.as_str()).map(|at| (at, d)))
        .min_by_key(|(at, d)| (*at, usize::MAX - d.len()))
    {
        out.push_str(&escape(&rest[..at]));
        out.push_str(&format!(
            "<span lang=\"{}\">{}</span>",
            escape(lang),
            escape(found)
        ));
        rest = &rest[at + found.len()..];
    }
    out.push_str(&escape(rest));
    out
}

#[cfg(test)]
mod mark_data_tests {
    #[test]
    fn data_inside_a_sentence_is_marked_and_the_rest_escaped() {
        let labels = vec!["Fra 2014".to_string(), "Fra 2015".to_string()];
        assert_eq!(
            super::mark_data("merkt «Fra 2014» & <b>", &labels, "nb"),
            "merkt «<span lang=\"nb\">Fra 2014</span>» &amp; &lt;b&gt;"
        );
        assert_eq!(super::mark_data("ingen", &labels, "nb"), "ingen");
    }
}
