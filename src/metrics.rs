//! `/metrics` in the Prometheus text format: requests by matched route, method and status
//! (a counter and a latency histogram) and the database pool (size, idle).
//!
//! Each app has its own recorder (not the process-wide one of the `metrics` macros), so two
//! apps in one process (the tests) never mix their figures. The endpoint exists only when
//! `METRICS_TOKEN` is set, and answers only `Authorization: Bearer <token>`, compared in
//! constant time. The source address is not trusted: behind a reverse proxy every request
//! comes from loopback.

use std::{
    sync::{
        Arc,
        atomic::{AtomicU64, Ordering},
    },
    time::Instant,
};

use ::metrics::{Key, Label, Level, Metadata, Recorder};
use axum::{
    extract::{MatchedPath, Request, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle, PrometheusRecorder};
use subtle::ConstantTimeEq;

use crate::{AppState, error::AppError};

pub const REQUESTS: &str = "http_requests_total";
pub const LATENCY: &str = "http_request_duration_seconds";
pub const POOL_SIZE: &str = "db_pool_connections";
pub const POOL_IDLE: &str = "db_pool_idle_connections";
pub const POOL_MAX: &str = "db_pool_max_connections";

/// Latency buckets in seconds: a page should answer well under 100 ms.
const BUCKETS: &[f64] = &[
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

const METADATA: Metadata<'static> = Metadata::new(module_path!(), Level::INFO, None);

/// The recorder keeps each latency sample until it is folded into its buckets; without the
/// exporter's own background task that happens on a scrape, so a server nobody scrapes would
/// grow without end. Folding every `UPKEEP_EVERY` requests bounds it.
const UPKEEP_EVERY: u64 = 512;

pub struct Metrics {
    recorder: PrometheusRecorder,
    handle: PrometheusHandle,
    requests: AtomicU64,
    /// `None`: no endpoint.
    token: Option<String>,
}

impl Metrics {
    pub fn new(token: Option<String>) -> Arc<Self> {
        let recorder = PrometheusBuilder::new()
            .set_buckets(BUCKETS)
            .expect("the bucket list is not empty")
            .build_recorder();
        recorder.describe_counter(
            REQUESTS.into(),
            None,
            "HTTP requests by matched route, method and status".into(),
        );
        recorder.describe_histogram(
            LATENCY.into(),
            Some(::metrics::Unit::Seconds),
            "Time to answer an HTTP request, by matched route, method and status".into(),
        );
        recorder.describe_gauge(
            POOL_SIZE.into(),
            None,
            "Open connections in the database pool".into(),
        );
        recorder.describe_gauge(
            POOL_IDLE.into(),
            None,
            "Idle connections in the database pool".into(),
        );
        recorder.describe_gauge(
            POOL_MAX.into(),
            None,
            "Most connections the database pool opens".into(),
        );
        Arc::new(Self {
            handle: recorder.handle(),
            recorder,
            requests: AtomicU64::new(0),
            token: token.filter(|t| !t.is_empty()),
        })
    }

    fn observe(&self, route: String, method: String, status: u16, seconds: f64) {
        let labels = vec![
            Label::new("route", route),
            Label::new("method", method),
            Label::new("status", status.to_string()),
        ];
        self.recorder
            .register_counter(&Key::from_parts(REQUESTS, labels.clone()), &METADATA)
            .increment(1);
        self.recorder
            .register_histogram(&Key::from_parts(LATENCY, labels), &METADATA)
            .record(seconds);
        if self.requests.fetch_add(1, Ordering::Relaxed) % UPKEEP_EVERY == UPKEEP_EVERY - 1 {
            self.handle.run_upkeep();
        }
    }

    fn authorized(&self, headers: &HeaderMap) -> Option<bool> {
        let token = self.token.as_deref()?;
        let given = headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.as_bytes().strip_prefix(b"Bearer "))
            .unwrap_or_default();
        Some(bool::from(given.ct_eq(token.as_bytes())))
    }
}

/// The layer: counts every request under its route pattern (`/measures/{id}`), never the raw
/// path, and a method HTTP does not define as `other`, so the number of series stays bounded
/// whatever a client sends; a path no route matches is `(ingen rute)`.
///
/// Without a token nobody can read the figures, so none are kept.
pub async fn track(State(metrics): State<Arc<Metrics>>, req: Request, next: Next) -> Response {
    if metrics.token.is_none() {
        return next.run(req).await;
    }
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| {
            // The static files are a fallback service, which axum gives no matched path.
            if req.uri().path().starts_with("/static/") {
                "/static/{*file}".into()
            } else {
                "(ingen rute)".into()
            }
        });
    let method = match req.method().as_str() {
        m @ ("GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS" | "CONNECT"
        | "TRACE") => m,
        _ => "other",
    }
    .to_owned();
    let start = Instant::now();
    let res = next.run(req).await;
    metrics.observe(
        route,
        method,
        res.status().as_u16(),
        start.elapsed().as_secs_f64(),
    );
    res
}

/// `GET /metrics`: 404 without a configured token, 401 (no detail) without the right one.
pub async fn endpoint(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let metrics = &state.metrics;
    match metrics.authorized(&headers) {
        None => AppError::NotFound.into_response(),
        Some(false) => (
            StatusCode::UNAUTHORIZED,
            [(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"))],
        )
            .into_response(),
        Some(true) => {
            let gauge = |name: &'static str, value: usize| {
                metrics
                    .recorder
                    .register_gauge(&Key::from_name(name), &METADATA)
                    .set(value as f64);
            };
            gauge(POOL_SIZE, state.db.size() as usize);
            gauge(POOL_IDLE, state.db.num_idle());
            gauge(POOL_MAX, state.db.options().get_max_connections() as usize);
            (
                [
                    (
                        header::CONTENT_TYPE,
                        HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
                    ),
                    (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
                ],
                metrics.handle.render(),
            )
                .into_response()
        }
    }
}
