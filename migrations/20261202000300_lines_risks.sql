-- Issue 12: the line inventory, the risk register (mini-ROS), milestones in the action plan,
-- and what a second demo municipality needs (a project plan has no strategy document; Nordre
-- Land's organisation number is in no document).

-- An organisation number that no document gives is left empty rather than guessed.
alter table municipality alter column org_number drop not null;

alter table municipality
    -- Locations with fewer Mbps per user than this are marked in the line inventory.
    add column mbps_per_user_threshold numeric(10, 2) not null default 1
        check (mbps_per_user_threshold > 0 and mbps_per_user_threshold <= 10000),
    -- Risk levels by RF = S × K: low up to risk_low_max, medium up to risk_medium_max, high above.
    add column risk_low_max    smallint not null default 4,
    add column risk_medium_max smallint not null default 12,
    add constraint municipality_risk_levels_check
        check (risk_low_max >= 1 and risk_low_max < risk_medium_max and risk_medium_max < 25);

-- A project plan (Nordre Land's) is an action plan without a strategy document.
alter table action_plan alter column strategy_document_id drop not null;

-- A dated, named point in an action plan: a milestone (MP) or a decision point (BP).
create table plan_milestone (
    plan_milestone_id bigint generated always as identity primary key,
    municipality_id   bigint not null references municipality,
    action_plan_id    bigint not null references action_plan on delete cascade,
    kind              text not null default 'milestone' check (kind in ('milestone', 'decision_point')),
    -- As printed («MP1», «BP3»); not a key.
    code              text check (length(code) <= 20),
    name              text not null check (length(trim(name)) > 0 and length(name) <= 300),
    due               date not null,
    -- «Målbart resultat» of a milestone, «Beslutningsgrunnlag» of a decision point.
    criterion         text check (length(criterion) <= 2000),
    version           integer not null default 1,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now()
);
create index plan_milestone_plan_idx on plan_milestone (action_plan_id, due);

-- The ◆ is on the progress plan, so a milestone's change moves the plan's revision.
create trigger plan_milestone_bumps_plan after insert or update or delete on plan_milestone
    for each row execute function bump_plan_of_measure();

-- The line inventory: a location (name, users) with one or more lines.
create table location (
    location_id     bigint generated always as identity primary key,
    municipality_id bigint not null references municipality,
    name            text not null check (length(trim(name)) > 0 and length(name) <= 200),
    address         text check (length(address) <= 300),
    -- Number of users; null when unknown. «–» in the source (no users of its own) is
    -- users_none, which is not the same as unknown.
    users_count     integer check (users_count >= 0 and users_count <= 1000000),
    users_none      boolean not null default false,
    notes           text check (length(notes) <= 5000),
    version         integer not null default 1,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    unique (municipality_id, name),
    check (not (users_none and users_count is not null))
);

create table line (
    line_id           bigint generated always as identity primary key,
    municipality_id   bigint not null references municipality,
    location_id       bigint not null references location on delete cascade,
    position          integer not null default 0,
    -- «WAN-internett», «LAN-interkommunalt»
    purpose           text check (length(purpose) <= 200),
    down_mbps         numeric(10, 2) check (down_mbps > 0),
    -- Only where it differs from down.
    up_mbps           numeric(10, 2) check (up_mbps > 0),
    line_type         text not null check (line_type in ('fiber', 'adsl', 'radio', 'mobile', 'other')),
    ownership         text not null check (ownership in ('own', 'leased')),
    -- Whom a leased line is leased from (Eidsiva).
    provider          text check (length(provider) <= 200),
    theoretical_max   boolean not null default false,
    yearly_cost       numeric(14, 2) check (yearly_cost >= 0),
    contract_expires  date,
    notice_days       integer check (notice_days between 0 and 3650),
    notes             text check (length(notes) <= 5000),
    version           integer not null default 1,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    check (ownership = 'leased' or provider is null)
);
create index line_location_idx on line (location_id, position);
create index line_municipality_idx on line (municipality_id);

-- A measure that changes a location, or a place not yet in the inventory (a new stretch of
-- fiber).
create table measure_location (
    measure_location_id bigint generated always as identity primary key,
    measure_id          bigint not null references measure on delete cascade,
    location_id         bigint references location on delete cascade,
    place               text check (length(trim(place)) > 0 and length(place) <= 200),
    municipality_id     bigint not null references municipality,
    check (num_nonnulls(location_id, place) = 1),
    unique (measure_id, location_id),
    unique (measure_id, place)
);
create index measure_location_location_idx on measure_location (location_id);

-- The risk register: assessments (a mini-ROS) with their risks.
create table risk_assessment (
    risk_assessment_id    bigint generated always as identity primary key,
    municipality_id       bigint not null references municipality,
    title                 text not null check (length(trim(title)) > 0 and length(title) <= 300),
    assessed_on           date,
    scope                 text check (length(scope) <= 5000),
    responsible_person_id bigint references person,
    -- Exempt from public access (offentleglova § 24 third paragraph): ikt, leder, admin only.
    restricted            boolean not null default false,
    version               integer not null default 1,
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now(),
    unique (municipality_id, title)
);

create table risk (
    risk_id              bigint generated always as identity primary key,
    municipality_id      bigint not null references municipality,
    risk_assessment_id   bigint not null references risk_assessment on delete cascade,
    position             integer not null default 0,
    -- The number as printed; numbers repeat in sources, so never a key.
    number               text check (length(number) <= 20),
    description          text not null check (length(trim(description)) > 0 and length(description) <= 2000),
    category             text check (length(category) <= 200),
    likelihood           smallint not null check (likelihood between 1 and 5),
    consequence          smallint not null check (consequence between 1 and 5),
    -- RF is computed, never typed.
    score                smallint generated always as (likelihood * consequence) stored,
    mitigation           text check (length(mitigation) <= 5000),
    owner_person_id      bigint references person,
    residual_likelihood  smallint check (residual_likelihood between 1 and 5),
    residual_consequence smallint check (residual_consequence between 1 and 5),
    residual_score       smallint generated always as (residual_likelihood * residual_consequence) stored,
    status               text not null default 'open'
                         check (status in ('open', 'treating', 'accepted', 'closed')),
    accepted_reason      text check (length(accepted_reason) <= 2000),
    accepted_by          bigint references app_user,
    accepted_at          timestamptz,
    next_review          date,
    version              integer not null default 1,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    check (num_nonnulls(residual_likelihood, residual_consequence) in (0, 2)),
    check (status <> 'accepted' or (accepted_reason is not null and length(trim(accepted_reason)) > 0))
);
create index risk_assessment_idx on risk (risk_assessment_id, position);
create index risk_municipality_idx on risk (municipality_id, status);

-- Mitigation measures from the action plan.
create table risk_measure (
    risk_id         bigint not null references risk on delete cascade,
    measure_id      bigint not null references measure on delete cascade,
    municipality_id bigint not null references municipality,
    primary key (risk_id, measure_id)
);
create index risk_measure_measure_idx on risk_measure (measure_id);

create table risk_system (
    risk_id         bigint not null references risk on delete cascade,
    system_id       bigint not null references system on delete cascade,
    municipality_id bigint not null references municipality,
    primary key (risk_id, system_id)
);
create index risk_system_system_idx on risk_system (system_id);

create table risk_location (
    risk_id         bigint not null references risk on delete cascade,
    location_id     bigint not null references location on delete cascade,
    municipality_id bigint not null references municipality,
    primary key (risk_id, location_id)
);
create index risk_location_location_idx on risk_location (location_id);
