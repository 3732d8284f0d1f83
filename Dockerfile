# syntax=docker/dockerfile:1
# Production image for ikt-styring.
#   docker build -t ikt-styring .
#   docker run -p 3000:3000 -e DATABASE_URL=postgres://user:pass@db-host/ikt_styring ikt-styring
# DATABASE_URL is required at run time: the container has no PostgreSQL of its own (without
# DATABASE_URL the app would try to start a private cluster, which this image cannot do).
# The app runs its migrations on start. SEED_DEMO is off here (the demo users share a
# known password); create the first administrator with `ikt-styring create-admin ...`, or
# pass -e SEED_DEMO=true for a demo installation.

FROM rust:1.95-bookworm AS builder
WORKDIR /src
# Queries are checked against the committed .sqlx/ metadata: no database needed to build.
ENV SQLX_OFFLINE=true
COPY . .
RUN cargo build --release --locked \
    && cp target/release/ikt-styring /usr/local/bin/ikt-styring

FROM debian:bookworm-slim AS runtime
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --home-dir /app --shell /usr/sbin/nologin app
WORKDIR /app
COPY --from=builder /usr/local/bin/ikt-styring /usr/local/bin/ikt-styring
COPY --chown=root:root static /app/static
ENV BIND_ADDR=0.0.0.0:3000 \
    LOG_FORMAT=json \
    RUST_LOG=info \
    DATA_DIR=/app/data \
    SEED_DEMO=false
USER app
EXPOSE 3000
CMD ["ikt-styring"]
