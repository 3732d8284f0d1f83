//! Cross-site request forgery guard: a per-session synchronizer token that every unsafe request
//! must carry, as the form field `csrf_token` (urlencoded or multipart) or the `X-CSRF-Token`
//! header (htmx), plus a same-origin check of `Origin` / `Sec-Fetch-Site` when the browser sends
//! them. Same origin means the same scheme, host and port as the app's own origin: `PUBLIC_URL`
//! when configured, else the request's `Host` on the scheme the app is served on.

use axum::{
    body::{Body, Bytes},
    extract::{Request, State},
    http::{Method, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use tower_sessions::Session;

use super::form::{MAX_FORM_BYTES, MAX_UPLOAD_BODY};
use crate::{AppState, error::AppError};

const KEY: &str = "csrf";
pub const FIELD: &str = "csrf_token";

/// The session's token, created on first use.
pub async fn token(session: &Session) -> Result<String, AppError> {
    if let Some(t) = session.get::<String>(KEY).await? {
        return Ok(t);
    }
    rotate(session).await
}

/// A fresh token, e.g. at login.
pub async fn rotate(session: &Session) -> Result<String, AppError> {
    let t = super::random_token();
    session.insert(KEY, &t).await?;
    Ok(t)
}

pub async fn guard(
    State(state): State<AppState>,
    session: Session,
    req: Request,
    next: Next,
) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    if cross_origin(&state, &req) {
        tracing::info!(path = %req.uri().path(), "avviste forespørsel fra annet opphav");
        return AppError::Csrf.into_response();
    }
    let expected = match session.get::<String>(KEY).await {
        Ok(Some(t)) => t,
        _ => return AppError::Csrf.into_response(),
    };
    if let Some(h) = req.headers().get("x-csrf-token") {
        if h.as_bytes() == expected.as_bytes() {
            return next.run(req).await;
        }
        return AppError::Csrf.into_response();
    }

    let (parts, body) = req.into_parts();
    let content_type = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    // The token sits in the body, so the body is read here; only an upload may be large.
    let limit = if content_type.starts_with("multipart/form-data") {
        MAX_UPLOAD_BODY
    } else {
        MAX_FORM_BYTES
    };
    let bytes = match axum::body::to_bytes(body, limit).await {
        Ok(b) => b,
        Err(_) => {
            return AppError::BadRequest(crate::i18n::Msg::with(
                "error-request-too-large",
                [("mb", (limit / (1024 * 1024)).into())],
            ))
            .into_response();
        }
    };
    let sent = if content_type.starts_with("application/x-www-form-urlencoded") {
        form_field(&bytes)
    } else if content_type.starts_with("multipart/form-data") {
        multipart_field(&content_type, bytes.clone()).await
    } else {
        None
    };
    if sent.as_deref().map(str::as_bytes) != Some(expected.as_bytes()) {
        tracing::info!(path = %parts.uri.path(), "avviste skjema uten gyldig CSRF-token");
        return AppError::Csrf.into_response();
    }
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

fn cross_origin(state: &AppState, req: &Request) -> bool {
    if req
        .headers()
        .get("sec-fetch-site")
        .is_some_and(|v| v.as_bytes() == b"cross-site")
    {
        return true;
    }
    let Some(origin) = req.headers().get(header::ORIGIN) else {
        return false;
    };
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok());
    let scheme = if state.cookie_secure { "https" } else { "http" };
    let Some(own) = own_origin(state.public_url.as_deref(), scheme, host) else {
        return true;
    };
    !origin
        .to_str()
        .ok()
        .and_then(|o| url::Url::parse(o).ok())
        .is_some_and(|o| o.origin() == own)
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

fn form_field(bytes: &Bytes) -> Option<String> {
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(bytes)
        .ok()?
        .into_iter()
        .find(|(k, _)| k == FIELD)
        .map(|(_, v)| v)
}

async fn multipart_field(content_type: &str, bytes: Bytes) -> Option<String> {
    let boundary = multer::parse_boundary(content_type).ok()?;
    let stream = futures_util::stream::once(async move { Ok::<_, std::io::Error>(bytes) });
    let mut multipart = multer::Multipart::new(stream, boundary);
    while let Ok(Some(field)) = multipart.next_field().await {
        if field.name() == Some(FIELD) {
            return field.text().await.ok();
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::own_origin;

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
