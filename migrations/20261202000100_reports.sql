-- Status reports to the rådmann (issue 10): each plan's reporting rounds, who writes them, the
-- report as a draft and, once submitted, frozen; the reminders sent; each user's calendar feed.

-- Who is responsible for a plan's reports, and who may help write them. Its own table (not a
-- column of action_plan) because the reports module owns it.
create table report_team (
    action_plan_id        bigint primary key references action_plan on delete cascade,
    municipality_id       bigint not null references municipality,
    responsible_person_id bigint references person,
    version               integer not null default 1,
    updated_at            timestamptz not null default now()
);

create table report_helper (
    action_plan_id  bigint not null references report_team on delete cascade,
    person_id       bigint not null references person,
    municipality_id bigint not null references municipality,
    primary key (action_plan_id, person_id)
);

create table report_round (
    report_round_id         bigint generated always as identity primary key,
    municipality_id         bigint not null references municipality,
    action_plan_id          bigint not null references action_plan on delete cascade,
    due_date                date not null,
    -- The year the report is on: a January round reports on the year before.
    covers_year             integer not null check (covers_year between 1900 and 2100),
    -- Which of the three yearly rounds, or one the municipality added.
    kind                    text not null check (kind in ('june', 'october', 'january', 'extra')),
    state                   text not null default 'not_started'
                            check (state in ('not_started', 'draft', 'submitted', 'acknowledged')),
    cancelled               boolean not null default false,
    summary                 text check (length(summary) <= 10000),
    -- Optimistic locking, as for measures: every save names the version it was based on.
    version                 integer not null default 1,
    saved_at                timestamptz,
    saved_by                bigint references app_user,
    submitted_at            timestamptz,
    submitted_by            bigint references app_user,
    acknowledged_at         timestamptz,
    acknowledged_by         bigint references app_user,
    acknowledgement_comment text check (length(acknowledgement_comment) <= 2000),
    -- Frozen when submitted, so later edits of the plan never change the report.
    frozen_plan_name        text,
    frozen_start_year       integer,
    frozen_end_year         integer,
    frozen_responsible      text,
    total_hours             numeric(12, 2),
    total_cost              numeric(16, 2),
    cost_incomplete         boolean,
    created_at              timestamptz not null default now(),
    updated_at              timestamptz not null default now(),
    unique (action_plan_id, due_date),
    check ((state in ('submitted', 'acknowledged')) = (submitted_at is not null)),
    check ((state = 'acknowledged') = (acknowledged_at is not null)),
    check (not (cancelled and state in ('submitted', 'acknowledged'))),
    check (state not in ('submitted', 'acknowledged') or frozen_plan_name is not null)
);
create index report_round_plan_idx on report_round (action_plan_id, due_date);
create index report_round_due_idx on report_round (municipality_id, due_date) where not cancelled;

-- One row per measure. In a draft it holds the writer's status and comment; on submission the
-- measure's title, responsible, hours, cost and schedule are copied in. measure_id has no
-- foreign key: a submitted report keeps the rows of measures deleted since.
create table report_row (
    report_round_id  bigint not null references report_round on delete cascade,
    measure_id       bigint not null,
    municipality_id  bigint not null references municipality,
    -- The measure's version when the report took its row: submitting compares with it.
    measure_version  integer not null,
    position         integer not null,
    status           text not null
                     check (status in ('not_started', 'in_progress', 'done', 'postponed', 'cancelled')),
    status_date      date,
    comment          text check (length(comment) <= 2000),
    title            text,
    goal_area        text,
    strategy         text,
    responsible      text,
    hours            numeric(10, 2),
    cost_text        text,
    known_cost       numeric(14, 2),
    cost_unknown     boolean,
    priority         boolean,
    -- [{"year": 2014, "period": 3, "label": "Utredning"}, …]
    cells            jsonb,
    primary key (report_round_id, measure_id)
);

-- Each reminder sent, claimed in the sending transaction: the unique key means two app
-- instances (or a restart) can never send the same reminder twice.
create table report_reminder (
    report_reminder_id bigint generated always as identity primary key,
    municipality_id    bigint not null references municipality,
    report_round_id    bigint not null references report_round on delete cascade,
    kind               text not null check (kind in ('before_14', 'before_3', 'after_1', 'submitted')),
    app_user_id        bigint not null references app_user,
    email              text not null,
    sent_at            timestamptz not null default now(),
    unique (report_round_id, kind, app_user_id)
);

-- The secret part of a user's calendar feed URL (/calendar/{token}.ics); null until asked for.
alter table app_user add column calendar_token text unique
    check (calendar_token is null or length(calendar_token) >= 32);

-- Submitting a report is one act in the audit log, with the statuses it writes back.
alter table audit_event drop constraint audit_event_kind_check;
alter table audit_event add constraint audit_event_kind_check check (kind in ('import', 'roll', 'report'));

-- Plans made before this migration get their rounds as a new plan does (the rule in
-- reports::model::default_rounds: June and October of each year, January after it on the year
-- before) and an empty report team, to be set on the plan's rounds page.
insert into report_team (action_plan_id, municipality_id)
select action_plan_id, municipality_id from action_plan;
insert into report_round (municipality_id, action_plan_id, due_date, covers_year, kind)
select p.municipality_id, p.action_plan_id, make_date(y + k.later, k.month, 15), y, k.kind
from action_plan p
cross join lateral generate_series(p.start_year, p.end_year) as y
cross join (values (6, 'june', 0), (10, 'october', 0), (1, 'january', 1)) as k(month, kind, later)
on conflict (action_plan_id, due_date) do nothing;
