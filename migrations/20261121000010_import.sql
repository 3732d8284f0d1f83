-- A validated spreadsheet import waiting for the user's confirmation. The preview page shows
-- what this holds; the confirm step reads it back from here (never from re-posted form data)
-- and deletes it in the same transaction that creates the measures.
create table measure_import (
    token           text primary key,
    municipality_id bigint not null references municipality,
    app_user_id     bigint not null references app_user on delete cascade,
    action_plan_id  bigint not null references action_plan on delete cascade,
    file_name       text not null,
    measures        jsonb not null,
    created_at      timestamptz not null default now()
);
create index measure_import_created_idx on measure_import (created_at);
