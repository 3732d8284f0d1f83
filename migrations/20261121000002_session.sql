-- The session table of tower-sessions-sqlx-store, created here rather than by the store at
-- start-up so that every database (including each #[sqlx::test] database) has it.
create schema if not exists tower_sessions;
create table if not exists tower_sessions.session (
    id          text primary key not null,
    data        bytea not null,
    expiry_date timestamptz not null
);
create index session_expiry_idx on tower_sessions.session (expiry_date);
