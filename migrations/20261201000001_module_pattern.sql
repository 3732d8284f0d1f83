-- The audit log names each record when it is written (the record type's own rule), instead of
-- guessing a name from the snapshot's keys when it is read. Older rows get the name their
-- snapshot gives, by the keys the snapshots used until now.
alter table audit_log add column record_name text;
update audit_log
   set record_name = left(coalesce(
         nullif(coalesce(after, before) ->> 'tittel', ''),
         nullif(coalesce(after, before) ->> 'navn', ''),
         nullif(coalesce(after, before) ->> 'tekst', ''),
         nullif(coalesce(after, before) ->> 'title', ''),
         nullif(coalesce(after, before) ->> 'name', ''),
         nullif(coalesce(after, before) ->> 'display_name', ''),
         nullif(coalesce(after, before) ->> 'username', '')), 200);

-- The rules that hold for every stored measure are the database's too, so no write path
-- (form, progress row, import, roll, seed, hand-written SQL) can drift from them.
alter table measure
    add constraint measure_title_length check (char_length(title) <= 500),
    add constraint measure_status_comment_length check (char_length(status_comment) <= 2000);
alter table measure_status_change
    add constraint measure_status_change_comment_length check (char_length(comment) <= 2000);

-- A cost line's own remark, where the plan document says more than amount and financing hold
-- (Tromsvang: "… eller innarbeides som en del av sentrumsprosjektet").
alter table measure_cost
    add column remark text check (char_length(remark) <= 500);

-- One event for what a person did as one act (an import of a file, a roll into the next plan):
-- the audit rows it wrote point to it, so the log can show the act once and link to its rows.
create table audit_event (
    audit_event_id  bigint generated always as identity primary key,
    municipality_id bigint not null references municipality,
    app_user_id     bigint references app_user,
    occurred_at     timestamptz not null default now(),
    kind            text not null check (kind in ('import', 'roll')),
    -- The file's name, or the new plan's name.
    label           text not null check (char_length(label) <= 300),
    -- Where the result is: the plan the import went into, the plan the roll made.
    link            text check (char_length(link) <= 300)
);
create index audit_event_time_idx on audit_event (municipality_id, occurred_at desc);
alter table audit_log add column audit_event_id bigint references audit_event;
create index audit_log_event_idx on audit_log (audit_event_id) where audit_event_id is not null;
