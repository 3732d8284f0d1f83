-- The search across the registers (issue 14, `src/search/`): full-text search in the names and
-- descriptions with the Norwegian configuration, and trigram similarity on the names, so that
-- «gerika» finds «Gerica». Every query is scoped by municipality; these indexes find the rows
-- that match and the municipality filters them.
-- Written to apply again over a database where it was run by hand (`or replace`, `if not exists`).
create extension if not exists pg_trgm;

-- The searched text of a row: its parts (nulls left out) as one Norwegian tsvector. One function,
-- so the expression in each index and in `search::read` is the same, and the index is used.
create or replace function search_tsv(variadic parts text[]) returns tsvector
    language sql immutable parallel safe
    return to_tsvector('norwegian'::regconfig, array_to_string(parts, ' '));

-- The matched words of `body` between U+E000 and U+E001 (private-use code points, removed from
-- the text first so a user cannot write one): the whole text when `whole`, else up to two
-- fragments. `search::read::marked` escapes the rest and turns the two into <mark></mark>.
create or replace function search_headline(body text, q tsquery, whole boolean) returns text
    language sql immutable parallel safe
    return ts_headline('norwegian'::regconfig,
                       translate(coalesce(body, ''), chr(57344) || chr(57345), ''),
                       q,
                       'StartSel=' || chr(57344) || ', StopSel=' || chr(57345) ||
                       case when whole then ', HighlightAll=true'
                            else ', MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "'
                       end);

create index if not exists measure_search_idx on measure using gin (search_tsv(title, description));
create index if not exists measure_title_trgm on measure using gin (title gin_trgm_ops);

create index if not exists goal_area_search_idx on goal_area using gin (search_tsv(name, goal_statement));
create index if not exists goal_area_name_trgm on goal_area using gin (name gin_trgm_ops);

create index if not exists strategy_search_idx on strategy using gin (search_tsv(variadic array[text] || key_measures));
create index if not exists strategy_text_trgm on strategy using gin (text gin_trgm_ops);

create index if not exists system_search_idx on system using gin (search_tsv(name, description));
create index if not exists system_name_trgm on system using gin (name gin_trgm_ops);

create index if not exists person_search_idx on person using gin (search_tsv(name, title));
create index if not exists person_name_trgm on person using gin (name gin_trgm_ops);

create index if not exists unit_search_idx on unit using gin (search_tsv(name, short_name));
create index if not exists unit_name_trgm on unit using gin (name gin_trgm_ops);

create index if not exists location_search_idx on location using gin (search_tsv(name, address, notes));
create index if not exists location_name_trgm on location using gin (name gin_trgm_ops);

create index if not exists risk_assessment_search_idx on risk_assessment using gin (search_tsv(title, scope));
create index if not exists risk_assessment_title_trgm on risk_assessment using gin (title gin_trgm_ops);

-- A risk has no name: its description is what the register shows as one.
create index if not exists risk_search_idx on risk using gin (search_tsv(description, mitigation, category));
create index if not exists risk_description_trgm on risk using gin (description gin_trgm_ops);

create index if not exists acquisition_search_idx on acquisition using gin (search_tsv(title, need, benefits));
create index if not exists acquisition_title_trgm on acquisition using gin (title gin_trgm_ops);
