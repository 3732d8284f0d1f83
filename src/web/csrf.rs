//! Cross-site request forgery guard, on the browser's word: an unsafe request must come from
//! this app's own origin. `Sec-Fetch-Site`, when sent, must say `same-origin` (or `none`, a
//! request the user made themself); `Origin`, when sent, must be the app's origin in scheme, host
//! and port: `PUBLIC_URL` when configured, else the request's `Host` on the scheme the app is
//! served on. A request with neither header is not from a browser that could be tricked into
//! sending it, and the session cookie is `SameSite=Lax` for a browser too old to send either.
//! No token: ARCHITECTURE.md, «CSRF», says why.

use axum::{
    extract::{Request, State},
    http::{HeaderMap, Method, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

use crate::{AppState, error::AppError};

pub async fn guard(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    let scheme = if state.cookie_secure { "https" } else { "http" };
    match verdict(req.headers(), state.public_url.as_deref(), scheme) {
        Ok(()) => next.run(req).await,
        Err(why) => {
            tracing::info!(path = %req.uri().path(), why, "avviste forespørsel fra annet opphav");
            AppError::Csrf.into_response()
        }
    }
}

/// Whether an unsafe request with these headers may go on; the error names the header that
/// refused it, for the log.
fn verdict(
    headers: &HeaderMap,
    public_url: Option<&str>,
    scheme: &str,
) -> Result<(), &'static str> {
    if let Some(site) = headers.get("sec-fetch-site") {
        // `same-site` is refused too: another application under the municipality's domain is
        // not this one.
        if !matches!(site.as_bytes(), b"same-origin" | b"none") {
            return Err("sec-fetch-site");
        }
    }
    let Some(origin) = headers.get(header::ORIGIN) else {
        return Ok(());
    };
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    let own = own_origin(public_url, scheme, host).ok_or("origin")?;
    let same = origin
        .to_str()
        .ok()
        .and_then(|o| url::Url::parse(o).ok())
        .is_some_and(|o| o.origin() == own);
    if same { Ok(()) } else { Err("origin") }
}

/// The app's origin: `public_url`'s when given, else `host` on `scheme`. A parsed origin holds
/// scheme, host and port, with a scheme's default port made explicit, so comparing two compares
/// all three. «null» and anything unparsable match nothing.
fn own_origin(public_url: Option<&str>, scheme: &str, host: Option<&str>) -> Option<url::Origin> {
    let url = match public_url {
        Some(u) => url::Url::parse(u).ok()?,
        None => url::Url::parse(&format!("{scheme}://{}", host?)).ok()?,
    };
    Some(url.origin()).filter(url::Origin::is_tuple)
}

#[cfg(test)]
mod tests {
    use super::{own_origin, verdict};
    use axum::http::HeaderMap;

    fn allowed(pairs: &[(&'static str, &'static str)]) -> bool {
        let mut h = HeaderMap::new();
        h.insert("host", "app.kommune.no".parse().unwrap());
        for (k, v) in pairs {
            h.insert(*k, v.parse().unwrap());
        }
        verdict(&h, None, "https").is_ok()
    }

    #[test]
    fn only_a_same_origin_request_passes_when_the_browser_says_where_it_comes_from() {
        assert!(allowed(&[("sec-fetch-site", "same-origin")]));
        assert!(allowed(&[("sec-fetch-site", "none")]));
        assert!(!allowed(&[("sec-fetch-site", "cross-site")]));
        assert!(!allowed(&[("sec-fetch-site", "same-site")]));
        assert!(!allowed(&[("sec-fetch-site", "")]));
        // Both are checked when both are sent.
        assert!(allowed(&[
            ("sec-fetch-site", "same-origin"),
            ("origin", "https://app.kommune.no")
        ]));
        assert!(!allowed(&[
            ("sec-fetch-site", "same-origin"),
            ("origin", "https://evil.example")
        ]));
        // An older browser sends Origin only.
        assert!(allowed(&[("origin", "https://app.kommune.no")]));
        assert!(!allowed(&[("origin", "http://app.kommune.no")]));
        assert!(!allowed(&[("origin", "null")]));
        // Neither: not a browser (the session cookie's SameSite=Lax covers ancient ones).
        assert!(allowed(&[]));
    }

    fn same(origin: &str, public_url: Option<&str>, scheme: &str, host: &str) -> bool {
        let own = own_origin(public_url, scheme, Some(host)).unwrap();
        url::Url::parse(origin).is_ok_and(|o| o.origin() == own)
    }

    #[test]
    fn the_origin_must_match_in_scheme_host_and_port() {
        assert!(same(
            "http://app.kommune.no",
            None,
            "http",
            "app.kommune.no"
        ));
        assert!(same(
            "https://app.kommune.no:443",
            None,
            "https",
            "app.kommune.no"
        ));
        // Issue 9, item 6: the old check compared the host only.
        assert!(!same(
            "https://app.kommune.no",
            None,
            "http",
            "app.kommune.no"
        ));
        assert!(!same(
            "http://app.kommune.no:8080",
            None,
            "http",
            "app.kommune.no"
        ));
        assert!(!same("http://evil.example", None, "http", "app.kommune.no"));
        assert!(!same("null", None, "http", "app.kommune.no"));
        let public = Some("https://ikt.kommune.no/");
        assert!(same(
            "https://ikt.kommune.no",
            public,
            "http",
            "127.0.0.1:3000"
        ));
        assert!(!same(
            "http://ikt.kommune.no",
            public,
            "http",
            "127.0.0.1:3000"
        ));
        assert!(!same(
            "http://127.0.0.1:3000",
            public,
            "http",
            "127.0.0.1:3000"
        ));
    }
}
