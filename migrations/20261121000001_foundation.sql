-- Foundation: tenants, their organisation, local accounts and the audit log.

create table municipality (
    municipality_id     bigint generated always as identity primary key,
    name                text not null,
    org_number          text not null unique check (org_number ~ '^[0-9]{9}$'),
    municipality_number text not null check (municipality_number ~ '^[0-9]{4}$'),
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now()
);

create table unit (
    unit_id         bigint generated always as identity primary key,
    municipality_id bigint not null references municipality,
    name            text not null,
    short_name      text,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    unique (municipality_id, name)
);

-- People named in the municipality's documents. Not every person has an account.
create table person (
    person_id       bigint generated always as identity primary key,
    municipality_id bigint not null references municipality,
    name            text not null,
    title           text,
    unit_id         bigint references unit,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    unique (municipality_id, name)
);

create table app_user (
    app_user_id      bigint generated always as identity primary key,
    municipality_id  bigint not null references municipality,
    username         text not null check (username = lower(username) and length(username) between 2 and 64),
    email            text not null check (email = lower(email)),
    display_name     text not null,
    person_id        bigint references person,
    password_hash    text not null,
    roles            text[] not null default '{}'
                     check (roles <@ array['admin', 'ikt', 'leder', 'rad', 'superbruker']),
    active           boolean not null default true,
    last_login_at    timestamptz,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);
-- Login is by username or e-mail across all municipalities, so both are unique globally.
create unique index app_user_username_key on app_user (username);
create unique index app_user_email_key on app_user (email);
create index app_user_municipality_idx on app_user (municipality_id);

-- Failed logins per typed identifier (username or e-mail, lowercased), whether or not an
-- account has it: unknown names are slowed and locked exactly like known ones.
create table login_throttle (
    identifier   text primary key,
    failures     integer not null default 0,
    locked_until timestamptz,
    updated_at   timestamptz not null default now()
);

create table audit_log (
    audit_log_id    bigint generated always as identity primary key,
    municipality_id bigint not null references municipality,
    app_user_id     bigint references app_user,
    occurred_at     timestamptz not null default now(),
    action          text not null check (action in ('create', 'update', 'delete')),
    table_name      text not null,
    record_id       bigint not null,
    before          jsonb,
    after           jsonb
);
create index audit_log_record_idx on audit_log (municipality_id, table_name, record_id, occurred_at desc);
create index audit_log_time_idx on audit_log (municipality_id, occurred_at desc);
