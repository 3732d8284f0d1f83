//! ikt-styring: ICT governance for Norwegian municipalities.
//!
//! `build_app` gives the whole router, so integration tests drive exactly what users get.

#[macro_use]
mod macros;

pub mod accounts;
pub mod audit;
pub mod auth;
pub mod backup;
pub mod cli;
pub mod config;
pub mod council;
pub mod dashboard;
pub mod db;
pub mod domain;
pub mod error;
pub mod home;
pub mod i18n;
pub mod lines;
pub mod mail;
pub mod measures;
pub mod metrics;
pub mod org;
pub mod pg_cluster;
pub mod plan;
pub mod reports;
pub mod risks;
pub mod search;
pub mod seed;
pub mod strategy;
pub mod systems;
pub mod transfer;
pub mod web;

use std::{path::PathBuf, time::Duration};

use axum::{
    Router,
    extract::{MatchedPath, Request, State},
    http::{HeaderName, HeaderValue, StatusCode, header},
    middleware,
    response::IntoResponse,
    routing::get,
};
use sqlx::PgPool;
use tower_http::{services::ServeDir, set_header::SetResponseHeaderLayer, trace::TraceLayer};
use tower_sessions::{Expiry, SessionManagerLayer, cookie::SameSite};
use tower_sessions_sqlx_store::PostgresStore;
use tracing::Span;

pub use accounts::LoginPolicy;

#[derive(Clone)]
pub struct AppState {
    pub db: PgPool,
    pub plans: std::sync::Arc<plan::read::PlanCache>,
    pub login_policy: LoginPolicy,
    pub cookie_secure: bool,
    /// Where users reach the app (`PUBLIC_URL`); the CSRF guard's Origin check compares with it.
    /// Without it the app's origin is the request's Host on https when cookies are `Secure`,
    /// else on http.
    pub public_url: Option<String>,
    pub session_idle_minutes: i64,
    /// Request and pool figures for `/metrics` (which exists only with a token).
    pub metrics: std::sync::Arc<metrics::Metrics>,
}

impl AppState {
    pub fn new(db: PgPool) -> Self {
        AppState {
            db,
            plans: Default::default(),
            login_policy: LoginPolicy::default(),
            cookie_secure: false,
            public_url: None,
            session_idle_minutes: 60,
            metrics: metrics::Metrics::new(None),
        }
    }
}

/// Content-Security-Policy: no inline script or style, nothing from other origins, no framing.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; \
                   base-uri 'self'; object-src 'none'";

pub fn build_app(state: AppState) -> Router {
    let sessions = SessionManagerLayer::new(PostgresStore::new(state.db.clone()))
        .with_name("ikt_styring_sid")
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(state.cookie_secure)
        .with_expiry(Expiry::OnInactivity(time::Duration::minutes(
            state.session_idle_minutes,
        )));

    let static_files = Router::new()
        .fallback_service(ServeDir::new(static_dir()))
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=3600"),
        ));

    Router::new()
        .merge(home::router())
        .merge(accounts::router())
        .merge(audit::router())
        .merge(plan::router())
        .merge(measures::router())
        .merge(strategy::router())
        .merge(reports::router())
        .merge(systems::router())
        .merge(org::router())
        .merge(lines::router())
        .merge(risks::router())
        .merge(council::router())
        .merge(dashboard::router())
        .merge(search::router())
        .fallback(error::not_found)
        .layer(middleware::from_fn_with_state(
            state.clone(),
            web::csrf::guard,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            error::i18n_error_pages,
        ))
        .layer(sessions)
        .layer(middleware::from_fn(error::session_fault))
        // Every page but the static files may show a user's data: no browser or proxy keeps a
        // copy. A handler that knows better may say so.
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics::endpoint))
        .nest("/static", static_files)
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("cross-origin-opener-policy"),
            HeaderValue::from_static("same-origin"),
        ))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|req: &Request| {
                    let path = req
                        .extensions()
                        .get::<MatchedPath>()
                        .map(|p| p.as_str().to_owned())
                        .unwrap_or_else(|| "(ingen rute)".into());
                    tracing::info_span!("request", method = %req.method(), path = %path, status = tracing::field::Empty)
                })
                .on_request(())
                .on_response(|res: &axum::response::Response, latency: Duration, span: &Span| {
                    span.record("status", res.status().as_u16());
                    tracing::info!(status = res.status().as_u16(), latency_ms = latency.as_secs_f64() * 1000.0, "svar");
                })
                // Our own error paths log a 500 with its reference and a 503 with its cause;
                // tower-http's extra ERROR line per 5xx only tripled the log while the
                // database was away.
                .on_failure(()),
        )
        .layer(middleware::from_fn_with_state(
            state.metrics.clone(),
            metrics::track,
        ))
        .with_state(state)
}

/// `STATIC_DIR`, else `static/` in the working directory, else the one beside the sources.
fn static_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("STATIC_DIR") {
        return dir.into();
    }
    let local = PathBuf::from("static");
    if local.is_dir() {
        local
    } else {
        PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/static"))
    }
}

async fn healthz() -> &'static str {
    "ok"
}

/// 200 when the database answers, else 503 within `READY_TIMEOUT`, so a load balancer's probe
/// does not wait the pool's whole acquire timeout while the database is down.
async fn readyz(State(state): State<AppState>) -> impl IntoResponse {
    const READY_TIMEOUT: Duration = Duration::from_secs(2);
    let ping = sqlx::query_scalar!("select 1 as \"one!\"").fetch_one(&state.db);
    match tokio::time::timeout(READY_TIMEOUT, ping).await {
        Ok(Ok(_)) => (StatusCode::OK, "ok"),
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "databasen svarer ikke");
            (StatusCode::SERVICE_UNAVAILABLE, "databasen svarer ikke")
        }
        Err(_) => {
            tracing::warn!("databasen svarte ikke innen {READY_TIMEOUT:?}");
            (StatusCode::SERVICE_UNAVAILABLE, "databasen svarer ikke")
        }
    }
}
