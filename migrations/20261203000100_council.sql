-- The IKT-råd (issue 13): acquisition requests from the units, the secretariat's triage, the
-- council's meetings, assessments and recommendation, RLT's decision, and the benefits an
-- approved acquisition must then show.

-- The amount up to which the secretariat may clear a request itself (null: it may not).
alter table municipality
    add column council_clear_threshold numeric(14, 2) check (council_clear_threshold >= 0);

-- The principles every request is checked against (Gjesdal's §3.1); the municipality keeps its
-- own list. An inactive principle keeps the answers given to it.
create table council_principle (
    council_principle_id bigint generated always as identity primary key,
    municipality_id      bigint not null references municipality,
    position             integer not null,
    text                 text not null check (length(trim(text)) > 0 and length(text) <= 2000),
    active               boolean not null default true,
    unique (municipality_id, position)
);

-- Who sits in the council, by title (the document names roles, not people); a member with a
-- login can assess. One chair at a time.
create table council_member (
    council_member_id bigint generated always as identity primary key,
    municipality_id   bigint not null references municipality,
    position          integer not null,
    title             text not null check (length(trim(title)) > 0 and length(title) <= 300),
    app_user_id       bigint references app_user,
    chair             boolean not null default false,
    unique (municipality_id, position),
    unique (municipality_id, app_user_id)
);
create unique index council_member_one_chair on council_member (municipality_id) where chair;

-- The decision matrix as the document has it (rows, columns, cells, uncertain cells): shown,
-- never computed on, so it is kept as one document.
create table council_matrix (
    municipality_id bigint primary key references municipality,
    content         jsonb not null
);

create table acquisition (
    acquisition_id         bigint generated always as identity primary key,
    municipality_id        bigint not null references municipality,
    title                  text not null check (length(trim(title)) > 0 and length(title) <= 300),
    need                   text check (length(need) <= 10000),
    unit_id                bigint references unit,
    system_owner_person_id bigint references person,
    -- The system it concerns; null is a new system.
    system_id              bigint references system on delete set null,
    investment             numeric(14, 2) check (investment >= 0),
    running_cost           numeric(14, 2) check (running_cost >= 0),
    financing              text check (financing in ('unit_budget', 'ict_funds', 'separate_item')),
    urgency                text not null default 'normal' check (urgency in ('low', 'normal', 'high')),
    benefits               text check (length(benefits) <= 10000),
    -- The measure it came from, or the one its approval made.
    measure_id             bigint references measure on delete set null,
    requested_by           bigint references app_user,
    state                  text not null default 'registered' check (state in (
        'registered', 'needs_info', 'cleared', 'on_agenda', 'recommended', 'not_recommended',
        'approved', 'rejected', 'postponed')),
    -- The secretariat's last word: what more it needs, or why it cleared the request.
    triage_comment         text check (length(triage_comment) <= 5000),
    decided_financing      text check (decided_financing in ('unit_budget', 'ict_funds', 'separate_item')),
    decided_amount         numeric(14, 2) check (decided_amount >= 0),
    decided_priority       integer check (decided_priority between 1 and 999),
    archive_ref            text check (length(archive_ref) <= 100),
    decision_reason        text check (length(decision_reason) <= 5000),
    decided_by             bigint references app_user,
    decided_on             date,
    version                integer not null default 1,
    created_at             timestamptz not null default now(),
    updated_at             timestamptz not null default now(),
    -- A decision has its reason and its date; an approval its financing and amount.
    check (state not in ('approved', 'rejected', 'postponed')
           or (decision_reason is not null and decided_on is not null)),
    check (state <> 'approved' or (decided_financing is not null and decided_amount is not null))
);
create index acquisition_municipality_state on acquisition (municipality_id, state);
-- A measure is the origin of at most one request: never a duplicate.
create unique index acquisition_one_per_measure on acquisition (measure_id) where measure_id is not null;

create table acquisition_answer (
    acquisition_id       bigint not null references acquisition on delete cascade,
    council_principle_id bigint not null references council_principle,
    municipality_id      bigint not null references municipality,
    answer               text not null check (length(trim(answer)) > 0 and length(answer) <= 2000),
    primary key (acquisition_id, council_principle_id)
);

create table council_meeting (
    council_meeting_id bigint generated always as identity primary key,
    municipality_id    bigint not null references municipality,
    held_on            date not null,
    place              text check (length(place) <= 300),
    -- Closed: the assessments and recommendations are frozen, the minutes final.
    closed_at          timestamptz,
    version            integer not null default 1,
    created_at         timestamptz not null default now()
);
create index council_meeting_municipality on council_meeting (municipality_id, held_on desc);

create table council_agenda (
    council_meeting_id bigint not null references council_meeting on delete cascade,
    acquisition_id     bigint not null references acquisition,
    municipality_id    bigint not null references municipality,
    position           integer not null,
    -- The chair's recommendation for the council: null until given.
    recommended        boolean,
    priority           integer check (priority between 1 and 999),
    reason             text check (length(reason) <= 5000),
    recommended_by     bigint references app_user,
    primary key (council_meeting_id, acquisition_id),
    check (recommended is null or reason is not null)
);
create index council_agenda_acquisition on council_agenda (acquisition_id);

create table council_attendance (
    council_meeting_id bigint not null references council_meeting on delete cascade,
    council_member_id  bigint not null references council_member,
    municipality_id    bigint not null references municipality,
    primary key (council_meeting_id, council_member_id)
);

-- Each member's own assessment of an item; changed until the meeting closes.
create table council_assessment (
    council_meeting_id bigint not null,
    acquisition_id     bigint not null,
    council_member_id  bigint not null references council_member,
    municipality_id    bigint not null references municipality,
    stance             text not null check (stance in ('support', 'abstain', 'object')),
    reason             text not null check (length(trim(reason)) > 0 and length(reason) <= 5000),
    updated_at         timestamptz not null default now(),
    primary key (council_meeting_id, acquisition_id, council_member_id),
    foreign key (council_meeting_id, acquisition_id)
        references council_agenda (council_meeting_id, acquisition_id) on delete cascade
);

-- What a requester is told, in the app, and by e-mail through the reminder loop's mailer.
create table notification (
    notification_id bigint generated always as identity primary key,
    municipality_id bigint not null references municipality,
    app_user_id     bigint not null references app_user,
    acquisition_id  bigint not null references acquisition on delete cascade,
    kind            text not null check (kind in (
        'needs_info', 'cleared', 'on_agenda', 'recommended', 'not_recommended', 'approved',
        'rejected', 'postponed', 'returned', 'followup_due')),
    created_at      timestamptz not null default now(),
    read_at         timestamptz,
    -- Sent by the reminder loop's mailer; the row is locked while it is being sent.
    emailed_at      timestamptz,
    -- A benefits follow-up reminder: 6 or 12 months after approval, once per person.
    months          integer check (months in (6, 12)),
    check ((kind = 'followup_due') = (months is not null))
);
create unique index notification_followup_once on notification (acquisition_id, app_user_id, months)
    where kind = 'followup_due';
create index notification_user on notification (app_user_id, created_at desc);
create index notification_unsent on notification (created_at) where emailed_at is null;

create table benefit (
    benefit_id            bigint generated always as identity primary key,
    municipality_id       bigint not null references municipality,
    acquisition_id        bigint not null references acquisition on delete cascade,
    kind                  text not null check (kind in ('time', 'money', 'quality', 'vulnerability')),
    indicator             text not null check (length(trim(indicator)) > 0 and length(indicator) <= 500),
    baseline              numeric(14, 2),
    target                numeric(14, 2),
    target_date           date,
    responsible_person_id bigint references person,
    created_at            timestamptz not null default now()
);
create index benefit_acquisition on benefit (acquisition_id);

create table benefit_followup (
    benefit_followup_id bigint generated always as identity primary key,
    municipality_id     bigint not null references municipality,
    benefit_id          bigint not null references benefit on delete cascade,
    measured_on         date not null,
    value               numeric(14, 2) not null,
    note                text check (length(note) <= 2000),
    created_at          timestamptz not null default now()
);
create index benefit_followup_benefit on benefit_followup (benefit_id, measured_on);
