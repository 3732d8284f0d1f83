-- The fagsystem register (issue 11): units and people get pages of their own (a leader, a
-- parent unit; e-mail and phone), the cooperations the municipality shares systems in, the
-- systems with owner, administrator and superusers, their administration meetings, and the
-- measures that concern them.

alter table unit
    add column leader_person_id bigint references person,
    add column parent_unit_id   bigint references unit check (parent_unit_id <> unit_id),
    add column version          integer not null default 1;

alter table person
    add column email   text check (email is null or (email = lower(email) and length(email) <= 254)),
    add column phone   text check (phone is null or length(phone) <= 40),
    add column version integer not null default 1;

-- An inter-municipal cooperation (2K, 3K, TRUST): its members and the board that governs it.
create table cooperation (
    cooperation_id  bigint generated always as identity primary key,
    municipality_id bigint not null references municipality,
    name            text not null check (length(trim(name)) > 0 and length(name) <= 200),
    -- The member municipalities, as names: they are not tenants of this app.
    members         text[] not null default '{}',
    board           text check (length(board) <= 500),
    note            text check (length(note) <= 5000),
    version         integer not null default 1,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    unique (municipality_id, name)
);

create table system (
    system_id             bigint generated always as identity primary key,
    municipality_id       bigint not null references municipality,
    name                  text not null check (length(trim(name)) > 0 and length(name) <= 200),
    description           text check (length(description) <= 5000),
    -- programleverandør
    vendor                text check (length(vendor) <= 200),
    -- driftsleverandør: own IKT department, another municipality, a company (Ikomm AS), a
    -- vendor's cloud; its name where it is not our own.
    operator_kind         text check (operator_kind in ('own', 'municipality', 'company', 'vendor_cloud')),
    operator_name         text check (length(operator_name) <= 200),
    -- The system owner is a unit, or (as TRUST IKT in Ringebu's list) a text.
    owner_unit_id         bigint references unit,
    owner_text            text check (length(owner_text) <= 200),
    administrator_id      bigint references person,
    users_count           integer check (users_count >= 0),
    cooperation_id        bigint references cooperation,
    -- Who hosts it: hosting belongs to the system, not to its cooperation.
    host                  text check (length(host) <= 200),
    server_location       text check (length(server_location) <= 200),
    database              text check (length(database) <= 200),
    lifecycle             text not null default 'in_use'
                          check (lifecycle in ('in_use', 'introducing', 'phasing_out', 'retired')),
    criticality           text check (criticality in ('low', 'medium', 'high', 'life_and_health')),
    personal_data         boolean,
    data_controller       text check (length(data_controller) <= 200),
    dpa                   boolean,
    dpa_date              date,
    dpia_date             date,
    processing_record_ref text check (length(processing_record_ref) <= 200),
    archive_records       boolean,
    archive_method        text check (archive_method in ('noark5', 'integration', 'none')),
    support_with          text check (length(support_with) <= 200),
    support_expires       date,
    support_notice_days   integer check (support_notice_days between 0 and 3650),
    last_evaluated        date,
    notes                 text check (length(notes) <= 10000),
    confirmed_at          timestamptz,
    confirmed_by          bigint references app_user,
    version               integer not null default 1,
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now(),
    unique (municipality_id, name),
    check (num_nonnulls(owner_unit_id, owner_text) <= 1)
);
create index system_municipality_idx on system (municipality_id, name);

create table system_superuser (
    system_id       bigint not null references system on delete cascade,
    person_id       bigint not null references person,
    municipality_id bigint not null references municipality,
    position        integer not null default 0,
    primary key (system_id, person_id)
);
create index system_superuser_person_idx on system_superuser (person_id);

-- A forvaltningsmøte and its seven topics (Hå's list), as short notes.
create table system_meeting (
    system_meeting_id bigint generated always as identity primary key,
    municipality_id   bigint not null references municipality,
    system_id         bigint not null references system on delete cascade,
    held_on           date not null,
    attendees         text check (length(attendees) <= 1000),
    operations        text check (length(operations) <= 2000),
    satisfaction      text check (length(satisfaction) <= 2000),
    training          text check (length(training) <= 2000),
    security          text check (length(security) <= 2000),
    contingency       text check (length(contingency) <= 2000),
    development       text check (length(development) <= 2000),
    changes           text check (length(changes) <= 2000),
    created_by        bigint references app_user,
    created_at        timestamptz not null default now()
);
create index system_meeting_system_idx on system_meeting (system_id, held_on desc);

-- A measure may concern systems («Integrasjon mellom Notus og Gerica» concerns both).
create table measure_system (
    measure_id      bigint not null references measure on delete cascade,
    system_id       bigint not null references system on delete cascade,
    municipality_id bigint not null references municipality,
    primary key (measure_id, system_id)
);
create index measure_system_system_idx on measure_system (system_id);
