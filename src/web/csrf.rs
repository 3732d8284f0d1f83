//! Cross-site request forgery guard: a per-session synchronizer token that every unsafe request
//! must carry, as the form field `csrf_token` (urlencoded or multipart) or the `X-CSRF-Token`
//! header (htmx), plus a same-origin check of `Origin` / `Sec-Fetch-Site` when the browser sends
//! them.

use axum::{
    body::{Body, Bytes},
    extract::Request,
    http::{Method, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use tower_sessions::Session;

use super::form::{MAX_FORM_BYTES, MAX_UPLOAD_BODY};
use crate::error::AppError;

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

pub async fn guard(session: Session, req: Request, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    if cross_origin(&req) {
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
            return AppError::BadRequest(format!(
                "Forespørselen er for stor (over {} MB).",
                limit / (1024 * 1024)
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

fn cross_origin(req: &Request) -> bool {
    if req
        .headers()
        .get("sec-fetch-site")
        .is_some_and(|v| v.as_bytes() == b"cross-site")
    {
        return true;
    }
    let (Some(origin), Some(host)) = (
        req.headers().get(header::ORIGIN),
        req.headers().get(header::HOST),
    ) else {
        return false;
    };
    let origin = origin.to_str().unwrap_or("");
    let origin_host = origin.split_once("://").map(|(_, h)| h).unwrap_or("");
    origin == "null" || origin_host.as_bytes() != host.as_bytes()
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
