-- The strategy document and the action plan with its measures (tiltak).

create table strategy_document (
    strategy_document_id bigint generated always as identity primary key,
    municipality_id      bigint not null references municipality,
    title                text not null,
    period_start         integer not null,
    period_end           integer not null check (period_end >= period_start),
    adopted_note         text,
    vision               text not null default '',
    main_goal            text not null default '',
    main_goal_text       text not null default '',
    version              integer not null default 1,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now()
);
create index strategy_document_municipality_idx on strategy_document (municipality_id);

create table goal_area (
    goal_area_id         bigint generated always as identity primary key,
    municipality_id      bigint not null references municipality,
    strategy_document_id bigint not null references strategy_document on delete cascade,
    position             integer not null,
    name                 text not null,
    goal_statement       text not null default '',
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now()
);
create index goal_area_document_idx on goal_area (strategy_document_id, position);

create table strategy (
    strategy_id     bigint generated always as identity primary key,
    municipality_id bigint not null references municipality,
    goal_area_id    bigint not null references goal_area on delete cascade,
    position        integer not null,
    text            text not null,
    -- The strategy document's "sentrale tiltak", one line each.
    key_measures    text[] not null default '{}',
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);
create index strategy_goal_area_idx on strategy (goal_area_id, position);

create table action_plan (
    action_plan_id       bigint generated always as identity primary key,
    municipality_id      bigint not null references municipality,
    strategy_document_id bigint not null references strategy_document,
    name                 text not null,
    start_year           integer not null check (start_year between 2000 and 2100),
    end_year             integer not null check (end_year >= start_year and end_year - start_year < 6),
    -- The plan this one was rolled from (rullering).
    predecessor_id       bigint references action_plan,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now()
);
create index action_plan_municipality_idx on action_plan (municipality_id, start_year desc);

create table measure (
    measure_id             bigint generated always as identity primary key,
    municipality_id        bigint not null references municipality,
    action_plan_id         bigint not null references action_plan on delete cascade,
    position               integer not null default 0,
    title                  text not null check (length(trim(title)) > 0),
    description            text,
    -- Responsible: a person, a unit, or a free-text role ("Rådmannen / SU"); at most one.
    responsible_person_id  bigint references person,
    responsible_unit_id    bigint references unit,
    responsible_text       text,
    -- Own-effort hours; null when unknown.
    hours                  numeric(10, 2) check (hours >= 0),
    priority               boolean not null default false,
    status                 text not null default 'not_started'
                           check (status in ('not_started', 'in_progress', 'done', 'postponed', 'cancelled')),
    status_date            date,
    status_comment         text,
    -- The measure in the previous plan that this one carries on (rullering).
    predecessor_measure_id bigint references measure on delete set null,
    -- Optimistic locking: every save must name the version it was based on.
    version                integer not null default 1,
    created_at             timestamptz not null default now(),
    updated_at             timestamptz not null default now(),
    check (num_nonnulls(responsible_person_id, responsible_unit_id, responsible_text) <= 1)
);
create index measure_plan_idx on measure (action_plan_id, position);
create index measure_municipality_idx on measure (municipality_id);

-- A measure may serve several strategies; its hours and cost still count once.
create table measure_strategy (
    measure_id      bigint not null references measure on delete cascade,
    strategy_id     bigint not null references strategy on delete cascade,
    municipality_id bigint not null references municipality,
    primary key (measure_id, strategy_id)
);
create index measure_strategy_strategy_idx on measure_strategy (strategy_id);

create table measure_cost (
    measure_cost_id   bigint generated always as identity primary key,
    municipality_id   bigint not null references municipality,
    measure_id        bigint not null references measure on delete cascade,
    position          integer not null default 0,
    description       text,
    -- Null when unknown; amount_note then says why ("må utredes", "ukjent").
    amount            numeric(14, 2) check (amount >= 0),
    amount_note       text,
    financing         text not null default 'unknown'
                      check (financing in ('current_budget', 'approved_budget', 'requires_appropriation', 'other_project', 'unknown')),
    financing_project text,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now()
);
create index measure_cost_measure_idx on measure_cost (measure_id, position);

-- Year one of a plan is planned by month (period 1-12), later years by quarter (1-4).
create table schedule_cell (
    measure_id      bigint not null references measure on delete cascade,
    municipality_id bigint not null references municipality,
    year            integer not null,
    period          integer not null check (period between 1 and 12),
    label           text,
    primary key (measure_id, year, period)
);

create table measure_dependency (
    measure_id      bigint not null references measure on delete cascade,
    depends_on_id   bigint not null references measure on delete cascade,
    municipality_id bigint not null references municipality,
    primary key (measure_id, depends_on_id),
    check (measure_id <> depends_on_id)
);

-- The status timeline of a measure.
create table measure_status_change (
    measure_status_change_id bigint generated always as identity primary key,
    municipality_id          bigint not null references municipality,
    measure_id               bigint not null references measure on delete cascade,
    status                   text not null,
    status_date              date,
    comment                  text,
    app_user_id              bigint references app_user,
    changed_at               timestamptz not null default now()
);
create index measure_status_change_measure_idx on measure_status_change (measure_id, changed_at);
