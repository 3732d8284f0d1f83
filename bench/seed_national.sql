-- The national-scale synthetic data set (issue 14, Performance): 357 municipalities in all (the
-- demo ones that are there plus synthetic ones), about 300,000 measures, 10,000 systems, 10,000
-- lines, 30,000 risks, 20,000 acquisition requests and five years of report rounds, spread by a
-- size weight so that municipalities differ. One of them, «Storby kommune», is large: a current
-- plan of 1,000 measures, 300 systems, 300 lines, 900 risks, 600 requests, and the login
-- `storby` (roles leder and ikt, the demo password) for the dashboard benchmark.
--
-- Run after the app's migrations, with or without the demo seed (the totals count what is
-- there): bench/national.sh starts the app once (migrated, demo seeded) and then loads this.
-- The `storby` user copies the password hash of an existing (demo) account; without one it
-- gets a hash no password matches, and a notice says so.
--
-- Everything is set-based, in one transaction. The plan-revision triggers (bump_plan_of_* and
-- bump_plans_of_*) would update an action_plan row once per inserted row, ~2 million updates
-- of a few hundred rows inside one transaction; they are disabled for the load (only they: the
-- foreign keys and every other trigger stay on), and each synthetic plan's revision is bumped
-- once at the end, which is what they would have achieved.
--
-- Prints «municipality id|current plan id|user» of Storby as its last line.
\set ON_ERROR_STOP on
begin;
set local synchronous_commit = off;
set local work_mem = '64MB';

do $$
begin
    if exists (select 1 from municipality where name = 'Storby kommune') then
        raise exception 'seed_national.sql is loaded already (Storby kommune exists)';
    end if;
    if (select count(*) from municipality) >= 357 then
        raise exception 'there are 357 municipalities already';
    end if;
end $$;

-- The revision triggers, disabled until the end (see above).
create temporary table nat_trigger on commit drop as
select t.tgrelid::regclass as tbl, t.tgname as name
from pg_trigger t join pg_proc f on f.oid = t.tgfoid
where not t.tgisinternal and t.tgenabled <> 'D'
  and f.proname in ('bump_plan_of_measure', 'bump_plan_of_measure_child', 'bump_plans_of_document',
                    'bump_plans_of_municipality');
do $$
declare r record;
begin
    for r in select * from nat_trigger loop
        execute format('alter table %s disable trigger %I', r.tbl, r.name);
    end loop;
end $$;

-- What is there already (the demo seed, if loaded), so the totals come out right.
create temporary table nat_before on commit drop as
select 357 - (select count(*) from municipality)::int as n_new,
       (select count(*) from measure)::int as measures, (select count(*) from system)::int as systems,
       (select count(*) from line)::int as lines, (select count(*) from risk)::int as risks,
       (select count(*) from acquisition)::int as acquisitions,
       (select password_hash from app_user where password_hash like '$argon2%'
        order by (username = 'admin') desc, app_user_id limit 1) as password_hash;

-- Municipality numbers 6000-9998 not in use (no real one starts with 6-9), and organisation
-- numbers 940000000-… with a valid mod-11 check digit (OrgNumber::parse), not in use.
create temporary table nat_new on commit drop as
with nums as (
    select row_number() over (order by x) - 1 as k, lpad(x::text, 4, '0') as num
    from generate_series(6000, 9998) x
    where lpad(x::text, 4, '0') not in (select municipality_number from municipality)
), orgs as (
    select row_number() over (order by b) - 1 as k, b::text || c.digit as org
    from generate_series(94000000, 94002000) b
    cross join lateral (
        select 11 - sum(substr(b::text, i, 1)::int * (array[3, 2, 7, 6, 5, 4, 3, 2])[i]) % 11 as c
        from generate_series(1, 8) i) s
    cross join lateral (select case when s.c = 11 then '0' when s.c = 10 then null else s.c::text end as digit) c
    where c.digit is not null
      and b::text || c.digit not in (select org_number from municipality where org_number is not null)
), stems as (
    select array['Aust', 'Vest', 'Nord', 'Sør', 'Fjell', 'Elve', 'Skog', 'Mo', 'Bjørk', 'Furu',
                 'Lyng', 'Stein', 'Sol', 'Vind', 'Snø', 'Is', 'Lia', 'Berg', 'Haug', 'Ner'] as a,
           array['dal', 'vik', 'fjord', 'nes', 'land', 'strand', 'sund', 'bø', 'set', 'rud',
                 'stad', 'heim', 'vang', 'li', 'øy', 'ås', 'moen', 'bu'] as b
)
select n.k::int as k, n.num, o.org,
       case when n.k = 0 then 'Storby kommune'
            else st.a[(n.k - 1) % 20 + 1] || st.b[((n.k - 1) / 20) % 18 + 1] || ' kommune' end as name
from nums n join orgs o using (k), stems st, nat_before b
where n.k < b.n_new;

-- The synthetic municipalities with their sizes. k = 0 is Storby; the others get a weight
-- between 0.4 and 1.6 (mean about 1) and their share of what is left of each total.
create temporary table nat_m (
    k int primary key, municipality_id bigint not null, large boolean not null, slug text not null,
    n_units int, n_people int, n_goal_areas int, n_strategies int, n_cur int, n_old int,
    n_systems int, n_lines int, n_locations int, n_assessments int, n_risks int, n_acq int
) on commit drop;

with ins as (
    insert into municipality (name, org_number, municipality_number, malform, council_clear_threshold)
    select name, org, num, case when k % 7 = 3 then 'nynorsk' else 'bokmal' end, case when k % 3 = 0 then 50000 end
    from nat_new order by k
    returning municipality_id, municipality_number
)
insert into nat_m (k, municipality_id, large, slug)
select n.k, i.municipality_id, n.k = 0, 'k' || n.num
from ins i join nat_new n on n.num = i.municipality_number;

with w as (
    select k, 0.4 + 1.2 * ((k * 37) % greatest(count(*) over () - 1, 1))::numeric
                          / greatest(count(*) over () - 1, 1) as w
    from nat_m where not large
), c as (
    -- Each regular municipality's share of a total T is floor(T * cum / W) - floor(T * prev / W):
    -- the shares add up to T exactly.
    select k, sum(w) over (order by k) / sum(w) over () as cum, (sum(w) over (order by k) - w) / sum(w) over () as prev
    from w
), left_over as (
    select 300000 - measures - 1600 as measures, 10000 - systems - 300 as systems, 10000 - lines - 300 as lines,
           30000 - risks - 900 as risks, 20000 - acquisitions - 600 as acquisitions
    from nat_before
)
update nat_m m set
    n_cur         = floor(l.measures * c.cum) - floor(l.measures * c.prev)
                    - (floor(l.measures * 0.4 * c.cum) - floor(l.measures * 0.4 * c.prev)),
    n_old         = floor(l.measures * 0.4 * c.cum) - floor(l.measures * 0.4 * c.prev),
    n_systems     = floor(l.systems * c.cum) - floor(l.systems * c.prev),
    n_lines       = floor(l.lines * c.cum) - floor(l.lines * c.prev),
    n_risks       = floor(l.risks * c.cum) - floor(l.risks * c.prev),
    n_acq         = floor(l.acquisitions * c.cum) - floor(l.acquisitions * c.prev),
    n_assessments = greatest(2, round(6 * (c.cum - c.prev) * (select count(*) from w)))
from c, left_over l
where c.k = m.k;
update nat_m set n_cur = 1000, n_old = 600, n_systems = 300, n_lines = 300, n_risks = 900, n_acq = 600,
                 n_assessments = 30
where large;
update nat_m set n_units = case when large then 40 else 12 end, n_people = case when large then 200 else 30 end,
                 n_goal_areas = case when large then 5 else 4 end, n_strategies = case when large then 5 else 4 end;
update nat_m set n_locations = case when large then 150 else greatest(1, (n_lines + 1) / 2) end;

-- Organisation: units, people (with a quarter's capacity for two in three), two cooperations.
insert into unit (municipality_id, name, short_name)
select m.municipality_id,
       coalesce(u.names[n], 'Skole ' || (n - cardinality(u.names))),
       case when n <= cardinality(u.names) and n % 3 = 0 then upper(left(u.names[n], 3)) end
from nat_m m cross join generate_series(1, m.n_units) n,
     (select array['Rådmannens stab', 'Økonomi', 'Personal og organisasjon', 'IKT', 'Servicetorget',
                   'Oppvekst', 'Helse og omsorg', 'Teknisk drift', 'Plan og byggesak', 'Kultur',
                   'NAV kommune', 'Barnevern', 'Hjemmetjenesten', 'Sjukeheimen', 'Legetjenesten',
                   'Helsestasjonen', 'PPT', 'Voksenopplæringa', 'Eiendom', 'Vann og avløp',
                   'Brann og redning', 'Bibliotek', 'Kulturskolen', 'Landbruk', 'Arkiv', 'Innkjøp',
                   'Kommunikasjon', 'Psykisk helse og rus'] as names) u;

create temporary table nat_unit on commit drop as
select municipality_id, array_agg(unit_id order by unit_id) as ids from unit
where municipality_id in (select municipality_id from nat_m) group by municipality_id;

insert into person (municipality_id, name, title, unit_id, email, capacity_hours)
select m.municipality_id,
       f.first[(n - 1) % 20 + 1] || ' ' || f.last[((n - 1) / 20) % 20 + 1],
       (array['Rådmann', 'Kommunalsjef', 'Enhetsleder', 'IKT-leder', 'Rådgiver', 'Konsulent',
              'Systemansvarlig', 'Fagleder', 'Prosjektleder', 'Arkivleder'])[(n - 1) % 10 + 1],
       u.ids[(n - 1) % m.n_units + 1],
       case when n % 4 <> 0 then 'person' || n || '@' || m.slug || '.kommune.no' end,
       case when n % 3 <> 0 then 100 + (n * 37) % 300 end
from nat_m m join nat_unit u using (municipality_id) cross join generate_series(1, m.n_people) n,
     (select array['Kari', 'Ola', 'Ingrid', 'Per', 'Anne', 'Lars', 'Marit', 'Jon', 'Silje', 'Arne',
                   'Hilde', 'Knut', 'Tone', 'Erik', 'Randi', 'Nils', 'Liv', 'Geir', 'Berit', 'Tor'] as first,
             array['Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen',
                   'Jensen', 'Karlsen', 'Haugen', 'Bakken', 'Lie', 'Berg', 'Dahl', 'Moen', 'Lunde',
                   'Solberg', 'Strand', 'Brekke'] as last) f;

create temporary table nat_person on commit drop as
select municipality_id, array_agg(person_id order by person_id) as ids from person
where municipality_id in (select municipality_id from nat_m) group by municipality_id;

insert into cooperation (municipality_id, name, members, board)
select m.municipality_id, (array['IKT-samarbeidet', 'Regionrådet'])[c], array['Nabo ' || m.k, 'Grannekommune ' || m.k],
       'Styret i ' || (array['IKT-samarbeidet', 'Regionrådet'])[c]
from nat_m m cross join generate_series(1, 2) c;

-- The login of the benchmark: leder and ikt in Storby, the demo password (copied).
insert into app_user (municipality_id, username, email, display_name, person_id, password_hash, roles)
select m.municipality_id, 'storby', 'storby@storby.kommune.no', 'Storby leder og IKT', p.ids[1],
       coalesce(b.password_hash, '$argon2id$v=19$m=19456,t=2,p=1$bm90LWEtcmVhbC1zYWx0$bm8tcGFzc3dvcmQtbWF0Y2hlcy10aGlzLWhhc2gAAA'),
       array['leder', 'ikt']
from nat_m m join nat_person p using (municipality_id), nat_before b where m.large;
do $$
begin
    if (select password_hash from nat_before) is null then
        raise notice 'no demo account to copy a password hash from: the user storby cannot log in';
    end if;
end $$;

-- Strategy: one document 2022-2030 with goal areas and strategies.
insert into strategy_document (municipality_id, title, period_start, period_end, vision, main_goal)
select municipality_id, 'IKT-strategi 2022–2030', 2022, 2030, 'Digitale tjenester for alle innbyggere',
       'Kommunen skal bruke digitalisering til å gi bedre tjenester'
from nat_m;

insert into goal_area (municipality_id, strategy_document_id, position, name, goal_statement)
select d.municipality_id, d.strategy_document_id, g,
       (array['Digitale innbyggertjenester', 'Effektiv drift', 'Informasjonssikkerhet og personvern',
              'Digital kompetanse', 'Infrastruktur'])[g],
       'Målet for ' || lower((array['Digitale innbyggertjenester', 'Effektiv drift',
              'Informasjonssikkerhet og personvern', 'Digital kompetanse', 'Infrastruktur'])[g])
from strategy_document d join nat_m m using (municipality_id) cross join generate_series(1, m.n_goal_areas) g;

insert into strategy (municipality_id, goal_area_id, position, text, key_measures)
select g.municipality_id, g.goal_area_id, s,
       'Strategi ' || g.position || '.' || s || ': ' ||
       (array['samordne innkjøp av fagsystemer', 'ta i bruk felles komponenter', 'styrke tilgangsstyringen',
              'heve kompetansen hos de ansatte', 'bygge ut fiber til alle tjenestesteder'])[s],
       array['Sentralt tiltak ' || g.position || '.' || s]
from goal_area g join nat_m m using (municipality_id) cross join generate_series(1, m.n_strategies) s;

-- Two plans each: the old one (2022-2024) and the current one (2025-2028), rolled from it.
insert into action_plan (municipality_id, strategy_document_id, name, start_year, end_year)
select d.municipality_id, d.strategy_document_id, 'Handlingsplan 2022–2024', 2022, 2024
from strategy_document d join nat_m using (municipality_id);
insert into action_plan (municipality_id, strategy_document_id, name, start_year, end_year, predecessor_id)
select a.municipality_id, a.strategy_document_id, 'Handlingsplan 2025–2028', 2025, 2028, a.action_plan_id
from action_plan a join nat_m using (municipality_id);

create temporary table nat_plan on commit drop as
select a.action_plan_id, a.municipality_id, a.name, a.start_year, a.end_year, a.predecessor_id is null as old,
       case when a.predecessor_id is null then m.n_old else m.n_cur end as n_measures, m.large,
       (select array_agg(s.strategy_id order by g.position, s.position) from strategy s
        join goal_area g using (goal_area_id) where g.strategy_document_id = a.strategy_document_id) as strategies,
       a.predecessor_id
from action_plan a join nat_m m using (municipality_id);
alter table nat_plan add primary key (action_plan_id);

-- The year (offset from the plan's first) a measure starts in: the current plan front-loaded.
create function pg_temp.nat_offset(old boolean, n int) returns int language sql immutable
return case when old then case when (n * 7) % 10 < 5 then 0 when (n * 7) % 10 < 8 then 1 else 2 end
            else case when (n * 7) % 10 < 4 then 0 when (n * 7) % 10 < 7 then 1 when (n * 7) % 10 < 9 then 2 else 3 end end;

-- Measures: the old plan's first (the current plan's carry some of them on), statuses by when
-- they were planned, responsible a person (most), a unit, a role in text, or nobody.
insert into measure (municipality_id, action_plan_id, position, title, description, responsible_person_id,
                     responsible_unit_id, responsible_text, hours, priority, status, status_date, status_comment)
select p.municipality_id, p.action_plan_id, n,
       t.verbs[n % 10 + 1] || ' ' || t.objects[(n / 10) % 16 + 1] || ' (' || n || ')',
       'Tiltaket skal ' || lower(t.verbs[n % 10 + 1]) || ' ' || t.objects[(n / 10) % 16 + 1]
           || ' for ' || lower((array['innbyggerne', 'de ansatte', 'skolene', 'helse og omsorg', 'hele kommunen'])[n % 5 + 1]) || '.',
       case when n % 100 < 80 then pe.ids[(n * 13) % cardinality(pe.ids) + 1] end,
       case when n % 100 between 80 and 87 then un.ids[n % cardinality(un.ids) + 1] end,
       case when n % 100 between 88 and 92 then (array['Rådmannen / SU', 'IKT-leder', 'Alle enhetsledere'])[n % 3 + 1] end,
       case when n % 15 = 0 then null else (n * 37) % 120 + 5 + case when n % 4 = 0 then 0.5 else 0 end end,
       n % 12 = 0, st.status,
       case when st.status = 'done' then least(make_date(p.start_year + s.off, (n % 12) + 1, (n % 27) + 1), current_date) end,
       case when n % 3 = 0 then 'Statuskommentar for tiltak ' || n || ': ' ||
            (array['følger planen', 'venter på leverandør', 'ressursmangel i enheten', 'ferdig testet'])[n % 4 + 1] end
from nat_plan p join nat_person pe using (municipality_id) join nat_unit un using (municipality_id)
cross join lateral generate_series(1, p.n_measures) n
cross join lateral (select pg_temp.nat_offset(p.old, n) as off) s
cross join lateral (select case
        when p.old then (array['done', 'done', 'done', 'done', 'done', 'done', 'done', 'cancelled', 'postponed', 'in_progress'])[(n + n / 10) % 10 + 1]
        when s.off = 0 then (array['done', 'done', 'done', 'done', 'done', 'done', 'in_progress', 'in_progress', 'not_started', 'postponed'])[(n + n / 10) % 10 + 1]
        when s.off = 1 then (array['done', 'done', 'done', 'in_progress', 'in_progress', 'in_progress', 'in_progress', 'not_started', 'not_started', 'postponed'])[(n + n / 10) % 10 + 1]
        else (array['not_started', 'not_started', 'not_started', 'not_started', 'not_started', 'not_started', 'not_started', 'not_started', 'in_progress', 'cancelled'])[(n + n / 10) % 10 + 1]
    end as status) st,
     (select array['Innføre', 'Oppgradere', 'Utrede', 'Videreutvikle', 'Avvikle', 'Integrere', 'Kartlegge',
                   'Anskaffe', 'Sikre', 'Digitalisere'] as verbs,
             array['Gerica', 'sak/arkiv', 'velferdsteknologi', 'trådløst nett', 'Microsoft 365', 'elev-PC-er',
                   'digital postkasse', 'e-byggesak', 'kvalitetssystemet', 'innbyggerportalen', 'fiberutbygging',
                   'backup-løsningen', 'tofaktorpålogging', 'skytjenester', 'personvernrutinene', 'IP-telefoni'] as objects) t
order by p.old desc, p.action_plan_id, n;

-- Every fifth measure of a current plan carries on the old plan's measure at its position.
update measure c set predecessor_measure_id = o.measure_id
from nat_plan p, measure o
where c.action_plan_id = p.action_plan_id and not p.old and c.position % 5 = 0
  and o.action_plan_id = p.predecessor_id and o.position = c.position;

create temporary table nat_measure on commit drop as
select p.action_plan_id, p.municipality_id, p.old, array_agg(me.measure_id order by me.position) as ids
from nat_plan p join measure me using (action_plan_id) group by p.action_plan_id, p.municipality_id, p.old;

-- Each serves one strategy, every seventh a second.
insert into measure_strategy (measure_id, strategy_id, municipality_id)
select me.measure_id, p.strategies[me.position % cardinality(p.strategies) + 1], me.municipality_id
from measure me join nat_plan p using (action_plan_id);
insert into measure_strategy (measure_id, strategy_id, municipality_id)
select me.measure_id, p.strategies[(me.position + 5) % cardinality(p.strategies) + 1], me.municipality_id
from measure me join nat_plan p using (action_plan_id) where me.position % 7 = 0
on conflict do nothing;

-- A cost line each (one in eight unknown), a second for every third.
insert into measure_cost (municipality_id, measure_id, position, description, amount, amount_note, financing)
select me.municipality_id, me.measure_id, 0,
       (array['Lisens', 'Konsulentbistand', 'Maskinvare', 'Kurs', 'Drift'])[me.position % 5 + 1],
       case when me.position % 8 <> 0 then ((me.position * 7919) % 400 + 1) * 1000 end,
       case when me.position % 8 = 0 then 'må utredes' end,
       (array['current_budget', 'approved_budget', 'requires_appropriation', 'other_project', 'unknown'])[(me.position / 3) % 5 + 1]
from measure me join nat_plan p using (action_plan_id);
insert into measure_cost (municipality_id, measure_id, position, description, amount, financing)
select me.municipality_id, me.measure_id, 1, 'Årlig drift', ((me.position * 31) % 50 + 1) * 1000,
       (array['current_budget', 'requires_appropriation'])[me.position % 2 + 1]
from measure me join nat_plan p using (action_plan_id) where me.position % 3 = 0;

-- The schedule: three months of the first year, or a quarter or two of a later one; one in 25
-- unscheduled.
insert into schedule_cell (measure_id, municipality_id, year, period, label)
select me.measure_id, me.municipality_id, c.year, c.period, c.label
from measure me join nat_plan p using (action_plan_id)
cross join lateral (select p.start_year + pg_temp.nat_offset(p.old, me.position) as sy) s
cross join lateral (
    select s.sy, me.position % 10 + 1 + k,
           case when k = 0 then (array['Utredning', 'Anskaffelse', 'Innføring'])[me.position % 3 + 1] end
    from generate_series(0, 2) k where s.sy = p.start_year
    union all
    select s.sy + 1, me.position % 4 + 1, 'Drift'
    where s.sy = p.start_year and me.position % 4 = 0
    union all
    select s.sy, me.position % 4 + 1 + k, case when k = 0 then 'Innføring' end
    from generate_series(0, 1) k
    where s.sy > p.start_year and me.position % 4 + 1 + k <= 4 and (k = 0 or me.position % 3 = 0)
) c(year, period, label)
where me.position % 25 <> 0;

-- Dependencies: every 20th measure of a current plan waits for the one before it.
insert into measure_dependency (measure_id, depends_on_id, municipality_id)
select ms.ids[i], ms.ids[i - 1], ms.municipality_id
from nat_measure ms cross join generate_series(20, cardinality(ms.ids), 20) i where not ms.old;

insert into plan_milestone (municipality_id, action_plan_id, kind, code, name, due, criterion)
select p.municipality_id, p.action_plan_id, case when i % 2 = 0 then 'decision_point' else 'milestone' end,
       case when i % 2 = 0 then 'BP' else 'MP' end || ((i + 1) / 2),
       (array['Kravspesifikasjon klar', 'Kontrakt signert', 'Pilot i drift', 'Alle enheter over'])[i],
       make_date(p.start_year + i - 1, 6, 1), 'Kriterium for punkt ' || i
from nat_plan p cross join generate_series(1, 4) i where make_date(p.start_year + i - 1, 6, 1) <= make_date(p.end_year, 12, 31);

-- Systems: real names (numbered past the 40 in Storby), owners, superusers, personal data with
-- a data processing agreement for most, evaluations, support agreements and confirmations spread.
insert into system (municipality_id, name, description, vendor, operator_kind, operator_name, owner_unit_id,
                    owner_text, administrator_id, users_count, cooperation_id, host, server_location, lifecycle,
                    criticality, personal_data, data_controller, dpa, dpa_date, last_evaluated, support_with,
                    support_expires, support_notice_days, confirmed_at, archive_records)
select m.municipality_id,
       v.names[(n - 1) % 40 + 1] || case when n > 40 then ' ' || ((n - 1) / 40 + 1) else '' end,
       'Fagsystem for ' || lower((array['helse og omsorg', 'skole', 'barnehage', 'økonomi', 'sak og arkiv',
                                       'teknisk', 'plan og bygg', 'NAV'])[n % 8 + 1]),
       v.vendors[(n - 1) % 15 + 1],
       (array['own', 'municipality', 'company', 'vendor_cloud'])[n % 4 + 1],
       case when n % 4 in (1, 2) then 'Driftspartner ' || (n % 3 + 1) end,
       case when n % 15 not in (0, 7) then un.ids[n % cardinality(un.ids) + 1] end,
       case when n % 15 = 7 then 'TRUST IKT' end,
       case when n % 4 <> 0 then pe.ids[(n * 7) % cardinality(pe.ids) + 1] end,
       (n * 37) % 400 + 1,
       case when n % 3 = 0 then co.ids[n % 2 + 1] end,
       case when n % 4 = 3 then 'Leverandørens sky' else 'Eget serverrom' end,
       'Serverrom ' || (n % 3 + 1),
       (array['in_use', 'in_use', 'in_use', 'in_use', 'in_use', 'in_use', 'introducing', 'phasing_out', 'retired'])[n % 9 + 1],
       (array['low', 'medium', 'high', 'life_and_health'])[n % 4 + 1],
       case when n % 29 = 0 then null else n % 5 < 3 end,
       case when n % 5 < 3 then 'Kommunen' end,
       case when n % 29 <> 0 and n % 5 < 3 then n % 7 <> 0 end,
       case when n % 29 <> 0 and n % 5 < 3 and n % 7 <> 0 then current_date - (n * 11) % 1500 end,
       case when n % 10 <> 0 then current_date - (n * 97) % 2200 end,
       v.vendors[(n - 1) % 15 + 1],
       current_date + (n * 53) % 900 - 200,
       (array[30, 60, 90, 180])[n % 4 + 1],
       case when n % 6 <> 0 then now() - make_interval(days => (n * 31) % 600) end,
       n % 2 = 0
from nat_m m join nat_unit un using (municipality_id) join nat_person pe using (municipality_id)
cross join lateral (select array_agg(cooperation_id order by cooperation_id) as ids from cooperation c
                    where c.municipality_id = m.municipality_id) co
cross join lateral generate_series(1, m.n_systems) n,
     (select array['Gerica', 'Visma Flyt Skole', 'Visma Flyt Barnehage', 'Acos WebSak', 'Elements',
                   'Public 360', 'Visma Enterprise', 'Unit4 ERP', 'Familia', 'Socio', 'Profil', 'CosDoc',
                   'DIPS Front', 'Infodoc Plenario', 'WinMed', 'SvarUt', 'Komtek', 'ISY Tjenester', 'ISY Eiendom',
                   'Infoland', 'Compilo', 'Framsikt', 'Microsoft 365', 'Teams', 'Visma Lønn', 'Agresso',
                   'Tieto Oppvekst', 'IST Everyday', 'Vigilo', 'Transponder', 'Arkivplan', 'Gemini Portal',
                   'Matrikkelen', 'Landbruksregisteret', 'Digitalt tilsyn', 'Nøkkelsystem',
                   'Velferdsteknologiplattform', 'Helseplattformen', 'Medicus', 'Kommunekart'] as names,
             array['Tieto', 'Visma', 'Acos', 'Sikri', 'Unit4', 'Norsk Helsenett', 'Microsoft', 'Norkart',
                   'Kommuneforlaget', 'Compilo', 'Framsikt', 'IST', 'Vigilo', 'Geomatikk', 'DIPS'] as vendors) v;

create temporary table nat_system on commit drop as
select municipality_id, array_agg(system_id order by system_id) as ids from system
where municipality_id in (select municipality_id from nat_m) group by municipality_id;

insert into system_superuser (system_id, person_id, municipality_id, position)
select s.system_id, pe.ids[(s.system_id * 3 + k * 11) % cardinality(pe.ids) + 1], s.municipality_id, k
from system s join nat_person pe using (municipality_id) cross join generate_series(0, 1) k
where s.system_id % 8 <> 0 and (k = 0 or s.system_id % 3 = 0)
on conflict do nothing;

-- Every sixth measure of a current plan concerns a system.
insert into measure_system (measure_id, system_id, municipality_id)
select ms.ids[i], sy.ids[i % cardinality(sy.ids) + 1], ms.municipality_id
from nat_measure ms join nat_system sy using (municipality_id)
cross join generate_series(6, cardinality(ms.ids), 6) i where not ms.old;

-- Locations and their lines: fiber mostly, some ADSL, radio and mobile; some locations under
-- the threshold of 1 Mbps per user.
insert into location (municipality_id, name, address, users_count, users_none, notes)
select m.municipality_id,
       l.names[(n - 1) % 16 + 1] || case when n > 16 then ' ' || ((n - 1) / 16 + 1) else '' end,
       (array['Storgata', 'Skolevegen', 'Kyrkjevegen', 'Industrivegen'])[n % 4 + 1] || ' ' || n,
       case when n % 11 = 0 or n % 13 = 0 then null else (n * 37) % 120 + 2 end,
       n % 11 = 0,
       case when n % 5 = 0 then 'Tilknyttet via nabobygget' end
from nat_m m cross join lateral generate_series(1, m.n_locations) n,
     (select array['Rådhuset', 'Helsesenteret', 'Sjukeheimen', 'Barneskolen', 'Ungdomsskolen', 'Barnehagen',
                   'Brannstasjonen', 'Kulturhuset', 'Biblioteket', 'Driftsstasjonen', 'Omsorgsboligene',
                   'Legekontoret', 'Renseanlegget', 'Idrettshallen', 'Teknisk bygg', 'Svømmehallen'] as names) l;

create temporary table nat_location on commit drop as
select municipality_id, array_agg(location_id order by location_id) as ids from location
where municipality_id in (select municipality_id from nat_m) group by municipality_id;

insert into line (municipality_id, location_id, position, purpose, down_mbps, up_mbps, line_type, ownership,
                  provider, theoretical_max, yearly_cost, contract_expires, notice_days)
select m.municipality_id, lo.ids[(i - 1) % cardinality(lo.ids) + 1], (i - 1) / cardinality(lo.ids),
       (array['WAN-internett', 'LAN-interkommunalt', 'Reserve'])[(i - 1) / cardinality(lo.ids) % 3 + 1],
       case t.type when 'fiber' then (array[100, 200, 500, 1000])[i % 4 + 1] when 'adsl' then 8 + i % 12
                   when 'radio' then 50 when 'mobile' then 100 else 20 end,
       case t.type when 'adsl' then 1 when 'fiber' then case when i % 5 = 0 then 100 end end,
       t.type, case when i % 3 = 0 then 'own' else 'leased' end,
       case when i % 3 <> 0 then (array['Telenor', 'Telia', 'Eidsiva', 'Global Connect'])[i % 4 + 1] end,
       t.type = 'adsl' and i % 2 = 0,
       case when i % 9 <> 0 then ((i * 17) % 60 + 5) * 1000 end,
       case when i % 3 <> 0 then current_date + (i * 41) % 1200 - 300 end,
       case when i % 3 <> 0 then (array[30, 90, 180])[i % 3 + 1] end
from nat_m m join nat_location lo using (municipality_id) cross join lateral generate_series(1, m.n_lines) i
cross join lateral (select (array['fiber', 'fiber', 'fiber', 'fiber', 'fiber', 'fiber', 'adsl', 'radio', 'mobile', 'other'])[(i * 7) % 10 + 1] as type) t;

insert into measure_location (measure_id, location_id, municipality_id)
select ms.ids[i], lo.ids[i % cardinality(lo.ids) + 1], ms.municipality_id
from nat_measure ms join nat_location lo using (municipality_id)
cross join generate_series(11, cardinality(ms.ids), 11) i where not ms.old;

-- Risk assessments (one in four restricted) and their risks, statuses and reviews spread.
insert into risk_assessment (municipality_id, title, assessed_on, scope, responsible_person_id, restricted)
select m.municipality_id, t.topics[n] || ' ' || (2021 + n % 6), make_date(2021 + n % 6, n % 12 + 1, 10),
       'Risiko- og sårbarhetsanalyse av ' || lower(t.topics[n]), pe.ids[n % cardinality(pe.ids) + 1], n % 4 = 0
from nat_m m join nat_person pe using (municipality_id) cross join lateral generate_series(1, least(m.n_assessments, 30)) n,
     (select array['ROS Gerica', 'ROS sak/arkiv', 'ROS skolenettverket', 'ROS velferdsteknologi', 'ROS Microsoft 365',
                   'ROS fiberlinjer', 'ROS strømbrudd', 'ROS løsepengevirus', 'ROS personvern i skolen',
                   'ROS sikkerhetskopi', 'ROS innbyggerportalen', 'ROS e-post', 'ROS trådløst nett',
                   'ROS pasientjournal', 'ROS lønn og personal', 'ROS økonomisystem', 'ROS byggesak',
                   'ROS beredskap IKT', 'ROS tilgangsstyring', 'ROS leverandørbytte', 'ROS skytjenester',
                   'ROS mobile enheter', 'ROS videomøter', 'ROS kartdata', 'ROS vann og avløp styring',
                   'ROS trygghetsalarmer', 'ROS elev-PC-er', 'ROS telefoni', 'ROS arkivdepot', 'ROS nettsider'] as topics) t;

create temporary table nat_assessment on commit drop as
select municipality_id, array_agg(risk_assessment_id order by risk_assessment_id) as ids from risk_assessment
where municipality_id in (select municipality_id from nat_m) group by municipality_id;

insert into risk (municipality_id, risk_assessment_id, position, number, description, category, likelihood,
                  consequence, mitigation, owner_person_id, residual_likelihood, residual_consequence, status,
                  accepted_reason, accepted_at, next_review)
select m.municipality_id, a.ids[(i - 1) % cardinality(a.ids) + 1], (i - 1) / cardinality(a.ids),
       ((i - 1) / cardinality(a.ids) + 1)::text,
       t.texts[i % 12 + 1],
       (array['Tilgjengelighet', 'Konfidensialitet', 'Integritet', 'Personvern'])[i % 4 + 1],
       lc.l, lc.c,
       case when i % 3 <> 0 then 'Tiltak: ' || lower(t.mitigations[i % 6 + 1]) end,
       pe.ids[(i * 5) % cardinality(pe.ids) + 1],
       case when i % 5 < 3 then greatest(1, lc.l - 1 - i % 2) end,
       case when i % 5 < 3 then greatest(1, lc.c - i % 3 % 2) end,
       s.status,
       case when s.status = 'accepted' then 'Akseptert av rådmannen: kostnaden står ikke i forhold til risikoen' end,
       case when s.status = 'accepted' then now() - make_interval(days => i % 400) end,
       case when s.status <> 'closed' or i % 2 = 0 then current_date + (i * 37) % 500 - 150 end
from nat_m m join nat_assessment a using (municipality_id) join nat_person pe using (municipality_id)
cross join lateral generate_series(1, m.n_risks) i
cross join lateral (select (i * 7 + i / 5) % 5 + 1 as l, (i * 3 + i / 25) % 5 + 1 as c) lc
cross join lateral (select (array['open', 'open', 'open', 'open', 'open', 'treating', 'treating', 'accepted', 'closed', 'closed'])[(i * 3) % 10 + 1] as status) s,
     (select array['Fagsystemet er utilgjengelig i mer enn ett døgn', 'Uautorisert tilgang til personopplysninger',
                   'Løsepengevirus krypterer filserveren', 'Linjebrudd til sjukeheimen', 'Sikkerhetskopi kan ikke gjenopprettes',
                   'Leverandøren går konkurs', 'Feil i integrasjonen gir feil data', 'Manglende databehandleravtale',
                   'Strømbrudd i serverrommet', 'Phishing mot ansatte', 'Tap av nøkkelkompetanse',
                   'Utdatert programvare uten sikkerhetsoppdateringer'] as texts,
             array['Redundant linje', 'Opplæring av ansatte', 'Tofaktorpålogging', 'Test av gjenoppretting',
                   'Avtale om exit', 'Overvåking og varsling'] as mitigations) t;

-- Links of risks to measures, systems and locations.
insert into risk_measure (risk_id, measure_id, municipality_id)
select r.risk_id, ms.ids[r.risk_id % cardinality(ms.ids) + 1], r.municipality_id
from risk r join nat_measure ms on ms.municipality_id = r.municipality_id and not ms.old
where r.risk_id % 10 = 0;
insert into risk_system (risk_id, system_id, municipality_id)
select r.risk_id, sy.ids[r.risk_id % cardinality(sy.ids) + 1], r.municipality_id
from risk r join nat_system sy using (municipality_id) where r.risk_id % 7 = 0;
insert into risk_location (risk_id, location_id, municipality_id)
select r.risk_id, lo.ids[r.risk_id % cardinality(lo.ids) + 1], r.municipality_id
from risk r join nat_location lo using (municipality_id) where r.risk_id % 13 = 0;

-- The IKT-råd: principles, members (Storby's IKT leader has the login), five years of meetings
-- four times a year (closed) and one upcoming (open).
insert into council_principle (municipality_id, position, text)
select m.municipality_id, n,
       (array['Løsningen skal bygge på nasjonale felleskomponenter', 'Data skal registreres én gang',
              'Løsningen skal oppfylle krav til universell utforming', 'Personvern skal være innebygd',
              'Løsningen skal kunne integreres med sak/arkiv'])[n]
from nat_m m cross join generate_series(1, 5) n;

insert into council_member (municipality_id, position, title, app_user_id, chair)
select m.municipality_id, n,
       (array['Kommunalsjef (leder)', 'IKT-leder', 'Økonomisjef', 'Personalsjef', 'Tillitsvalgt'])[n],
       case when m.large and n = 2 then (select app_user_id from app_user where username = 'storby') end, n = 1
from nat_m m cross join generate_series(1, 5) n;

insert into council_meeting (municipality_id, held_on, place, closed_at)
select m.municipality_id, d.held_on, 'Formannskapssalen',
       case when d.held_on < current_date then d.held_on + time '15:00' end
from nat_m m cross join lateral (
    select (date '2022-01-20' + j * 91) as held_on from generate_series(0, 30) j
    where date '2022-01-20' + j * 91 < current_date
    union all select current_date + 14) d;

-- Requests: the open ones recent, the decided ones spread over five years; approved ones with
-- financing, amount and (for some) the measure they made.
insert into acquisition (municipality_id, title, need, unit_id, system_owner_person_id, system_id, investment,
                         running_cost, financing, urgency, benefits, measure_id, requested_by, state, triage_comment,
                         decided_financing, decided_amount, decided_priority, archive_ref, decision_reason,
                         decided_on, created_at, updated_at)
select m.municipality_id,
       (array['Ny løsning for', 'Utvidelse av', 'Erstatning for', 'Integrasjon mot', 'Flere lisenser til'])[i % 5 + 1]
           || ' ' || (array['Gerica', 'timebestilling', 'elevvurdering', 'digitale skjema', 'velferdsteknologi',
                            'byggesak', 'turnusplanlegging', 'møtebooking'])[(i / 5) % 8 + 1] || ' (' || i || ')',
       'Enheten trenger ' || (array['en enklere arbeidsflyt', 'bedre oversikt', 'færre manuelle rutiner'])[i % 3 + 1] || '.',
       un.ids[i % cardinality(un.ids) + 1], pe.ids[(i * 3) % cardinality(pe.ids) + 1],
       case when i % 2 = 0 then sy.ids[i % cardinality(sy.ids) + 1] end,
       ((i * 13) % 90 + 1) * 5000, ((i * 7) % 30 + 1) * 1000,
       (array['unit_budget', 'ict_funds', 'separate_item'])[i % 3 + 1],
       (array['low', 'normal', 'normal', 'high'])[i % 4 + 1],
       'Sparer tid i saksbehandlingen og gir bedre kvalitet',
       case when s.state = 'approved' and i % 4 = 0 and i <= cardinality(ms.ids) then ms.ids[i] end,
       case when m.large and i % 3 = 0 then (select app_user_id from app_user where username = 'storby') end,
       s.state,
       case when s.state in ('needs_info', 'cleared') then 'Sekretariatet: ' ||
            case s.state when 'needs_info' then 'trenger kostnadsoverslag' else 'innenfor rammen, klarert' end end,
       case when s.state = 'approved' then (array['unit_budget', 'ict_funds', 'separate_item'])[i % 3 + 1] end,
       case when s.state = 'approved' then ((i * 13) % 90 + 1) * 5000 end,
       case when s.state = 'approved' then i % 20 + 1 end,
       case when s.decided then (2021 + (d.created::date - date '2021-01-01') / 365) || '/' || (1000 + i) end,
       case when s.decided then 'Vedtatt i rådmannens ledergruppe' end,
       case when s.decided then least(d.created::date + 60, current_date - 1) end,
       d.created, d.created
from nat_m m join nat_unit un using (municipality_id) join nat_person pe using (municipality_id)
join nat_system sy using (municipality_id)
join nat_measure ms on ms.municipality_id = m.municipality_id and not ms.old
cross join lateral generate_series(1, m.n_acq) i
cross join lateral (select (array['registered', 'registered', 'registered', 'needs_info', 'cleared', 'cleared',
                                  'on_agenda', 'on_agenda', 'recommended', 'recommended', 'not_recommended',
                                  'approved', 'approved', 'approved', 'approved', 'approved', 'approved',
                                  'rejected', 'rejected', 'postponed'])[(i * 7) % 20 + 1] as state) s0
cross join lateral (select s0.state, s0.state in ('approved', 'rejected', 'postponed') as decided) s
cross join lateral (select case when s.decided then now() - make_interval(days => 200 + (i * 41) % 1600)
                                else now() - make_interval(days => (i * 13) % 120) end as created) d;

-- On the agenda: the open ones at the upcoming meeting; the recommended and decided ones at the
-- last meeting before their decision (or before today).
insert into council_agenda (council_meeting_id, acquisition_id, municipality_id, position, recommended, priority, reason)
select cm.council_meeting_id, a.acquisition_id, a.municipality_id,
       row_number() over (partition by cm.council_meeting_id order by a.acquisition_id)::int,
       case when a.state in ('recommended', 'approved', 'postponed') then true
            when a.state in ('not_recommended', 'rejected') then false end,
       case when a.state in ('recommended', 'approved') then a.acquisition_id % 20 + 1 end,
       case when a.state <> 'on_agenda' then 'Rådet vurderte behovet opp mot prinsippene' end
from acquisition a
join nat_m m using (municipality_id)
cross join lateral (
    select c.council_meeting_id from council_meeting c
    where c.municipality_id = a.municipality_id
      and case when a.state = 'on_agenda' then c.closed_at is null
               else c.closed_at is not null and c.held_on <= coalesce(a.decided_on, current_date) end
    order by c.held_on desc limit 1) cm
where a.state in ('on_agenda', 'recommended', 'not_recommended', 'approved', 'rejected', 'postponed');

insert into council_attendance (council_meeting_id, council_member_id, municipality_id)
select c.council_meeting_id, mb.council_member_id, c.municipality_id
from council_meeting c join nat_m using (municipality_id)
join council_member mb on mb.municipality_id = c.municipality_id and mb.position <= 4
where c.closed_at is not null;

-- Storby's members assess what was on the agenda.
insert into council_assessment (council_meeting_id, acquisition_id, council_member_id, municipality_id, stance, reason)
select ca.council_meeting_id, ca.acquisition_id, mb.council_member_id, ca.municipality_id,
       (array['support', 'support', 'abstain', 'object'])[(ca.acquisition_id + mb.position) % 4 + 1],
       'Vurdert mot prinsippene'
from council_agenda ca join nat_m m on m.municipality_id = ca.municipality_id and m.large
join council_member mb on mb.municipality_id = ca.municipality_id and mb.position <= 3;

insert into acquisition_answer (acquisition_id, council_principle_id, municipality_id, answer)
select a.acquisition_id, p.council_principle_id, a.municipality_id, 'Ja, løsningen oppfyller dette'
from acquisition a join nat_m m on m.municipality_id = a.municipality_id and m.large
join council_principle p on p.municipality_id = a.municipality_id
where a.state <> 'registered';

-- Benefits of the approved ones, and follow-ups at 6 and 12 months for some: some achieved,
-- some behind, some follow-ups overdue.
insert into benefit (municipality_id, acquisition_id, kind, indicator, baseline, target, target_date, responsible_person_id)
select a.municipality_id, a.acquisition_id, (array['time', 'money', 'quality', 'vulnerability'])[(a.acquisition_id + j) % 4 + 1],
       (array['Timer saksbehandling per måned', 'Kroner spart per år', 'Andel fornøyde brukere', 'Antall avvik per år'])[(a.acquisition_id + j) % 4 + 1],
       100, case when (a.acquisition_id + j) % 4 = 3 then 40 else 160 end, a.decided_on + 365,
       a.system_owner_person_id
from acquisition a join nat_m using (municipality_id) cross join generate_series(0, 1) j
where a.state = 'approved' and (j = 0 or a.acquisition_id % 2 = 0);

insert into benefit_followup (municipality_id, benefit_id, measured_on, value, note)
select b.municipality_id, b.benefit_id, (b.target_date - 365) + make_interval(months => mo)::interval,
       b.baseline + (b.target - b.baseline) * case when b.benefit_id % 3 = 0 then 1.1 else 0.4 end * mo / 12,
       case when mo = 12 then 'Målt av systemeier' end
from benefit b join nat_m using (municipality_id) cross join (values (6), (12)) f(mo)
where (b.target_date - 365) + make_interval(months => mo) <= current_date
  and b.benefit_id % 5 <> 0 and (mo = 6 or b.benefit_id % 4 <> 1);

-- Report rounds: each plan's default rounds (June and October, January after), the past ones
-- submitted (most acknowledged), a few cancelled or missing, the next one a draft for some.
insert into report_team (action_plan_id, municipality_id, responsible_person_id)
select p.action_plan_id, p.municipality_id, pe.ids[2] from nat_plan p join nat_person pe using (municipality_id)
on conflict (action_plan_id) do nothing;

create temporary table nat_total on commit drop as
select me.action_plan_id, sum(me.hours) as hours, coalesce(sum(c.known), 0) as cost, bool_or(c.unknown) as incomplete
from measure me join nat_plan using (action_plan_id)
left join (select measure_id, sum(amount) as known, bool_or(amount is null) as unknown
           from measure_cost group by measure_id) c using (measure_id)
group by me.action_plan_id;

insert into report_round (municipality_id, action_plan_id, due_date, covers_year, kind, state, cancelled, summary,
                          version, saved_at, saved_by, submitted_at, submitted_by, acknowledged_at, acknowledged_by,
                          acknowledgement_comment, frozen_plan_name, frozen_start_year, frozen_end_year,
                          frozen_responsible, total_hours, total_cost, cost_incomplete)
select p.municipality_id, p.action_plan_id, r.due, r.y, r.kind, s.state, s.cancelled,
       case when s.state <> 'not_started' then 'Sammendrag for ' || to_char(r.due, 'DD.MM.YYYY') || ': arbeidet går stort sett etter planen.' end,
       case when s.state = 'not_started' then 1 else 3 end,
       case when s.state = 'draft' then now() - interval '1 day'
            when s.state <> 'not_started' then r.due - 2 + time '09:40' end,
       case when s.state <> 'not_started' then u.app_user_id end,
       case when s.submitted then r.due - (h % 10) + time '10:12' end,
       case when s.submitted then u.app_user_id end,
       case when s.state = 'acknowledged' then r.due - (h % 10) + 14 + time '13:00' end,
       case when s.state = 'acknowledged' then u.app_user_id end,
       case when s.state = 'acknowledged' and h % 3 = 0 then 'Tatt til orientering' end,
       case when s.submitted then p.name end,
       case when s.submitted then p.start_year end,
       case when s.submitted then p.end_year end,
       case when s.submitted then (select name from person where person_id = pe.ids[2]) end,
       case when s.submitted then t.hours end,
       case when s.submitted then t.cost end,
       case when s.submitted then t.incomplete end
from nat_plan p join nat_person pe using (municipality_id) join nat_total t using (action_plan_id)
left join app_user u on u.municipality_id = p.municipality_id and u.username = 'storby'
cross join lateral (
    select make_date(y + k.later, k.month, 15) as due, y, k.kind
    from generate_series(p.start_year, p.end_year) y,
         (values (6, 'june', 0), (10, 'october', 0), (1, 'january', 1)) k(month, kind, later)) r
cross join lateral (select ((p.action_plan_id * 31 + extract(doy from r.due)::int) % 20)::int as h) hh(h)
cross join lateral (select case
        when r.due >= current_date then case when r.due < current_date + 120 and h % 2 = 0 then 'draft' else 'not_started' end
        when h = 1 and r.due < current_date - 90 then 'not_started'
        when r.due > current_date - 60 and h % 4 = 0 then 'not_started'
        when r.due < current_date - 45 and h % 5 <> 0 then 'acknowledged'
        else 'submitted' end as state, h = 1 and r.due < current_date - 90 as cancelled) s0
cross join lateral (select s0.state, s0.cancelled, s0.state in ('submitted', 'acknowledged') as submitted) s;

-- Frozen rows: every submitted round of Storby's plans, and the latest submitted round of each
-- other current plan (what the dashboard's «last submitted» opens).
create temporary table nat_rows_of on commit drop as
select r.report_round_id, r.action_plan_id, r.municipality_id
from report_round r join nat_plan p using (action_plan_id)
where r.state in ('submitted', 'acknowledged')
  and (p.large or (not p.old and r.due_date = (select max(o.due_date) from report_round o
                                               where o.action_plan_id = r.action_plan_id
                                                 and o.state in ('submitted', 'acknowledged'))));

-- Set-based (grouped, not a lateral per measure): the tables are not analyzed yet inside this
-- transaction, and per-row lookups planned without statistics took minutes.
create temporary table nat_line on commit drop as
with ms as (
    select me.* from measure me join (select distinct action_plan_id from nat_rows_of) rp using (action_plan_id)
), place as (
    select distinct on (x.measure_id) x.measure_id, g.name as goal_area, st.text as strategy,
           g.position as goal_position, st.position as strategy_position
    from measure_strategy x join ms using (measure_id) join strategy st using (strategy_id) join goal_area g using (goal_area_id)
    order by x.measure_id, g.position, st.position
), costs as (
    select c.measure_id,
           string_agg(coalesce('kr ' || replace(to_char(c.amount, 'FM999,999,999'), ',', ' '), c.amount_note, 'ukjent beløp')
                      || ' – ' || c.description, ' + ' order by c.position) as cost_text,
           coalesce(sum(c.amount), 0) as known_cost, bool_or(c.amount is null) as cost_unknown
    from measure_cost c join ms using (measure_id) group by c.measure_id
), cells as (
    select sc.measure_id,
           jsonb_agg(jsonb_build_object('year', sc.year, 'period', sc.period, 'label', sc.label) order by sc.year, sc.period) as cells
    from schedule_cell sc join ms using (measure_id) group by sc.measure_id
)
select me.measure_id, me.municipality_id, me.action_plan_id, me.version, me.position, me.title, me.hours,
       me.priority, me.status, me.status_date, me.status_comment,
       place.goal_area, place.strategy, place.goal_position, place.strategy_position,
       coalesce(pe.name, un.name, me.responsible_text, '') as responsible,
       coalesce(costs.cost_text, '') as cost_text, coalesce(costs.known_cost, 0) as known_cost,
       coalesce(costs.cost_unknown, false) as cost_unknown, coalesce(cells.cells, '[]'::jsonb) as cells
from ms me
left join person pe on pe.person_id = me.responsible_person_id
left join unit un on un.unit_id = me.responsible_unit_id
left join place using (measure_id)
left join costs using (measure_id)
left join cells using (measure_id);

insert into report_row (report_round_id, measure_id, municipality_id, measure_version, position, status, status_date,
                        comment, title, goal_area, strategy, responsible, hours, cost_text, known_cost, cost_unknown,
                        priority, cells)
select r.report_round_id, l.measure_id, l.municipality_id, l.version,
       row_number() over (partition by r.report_round_id order by l.goal_position, l.strategy_position, l.position)::int,
       l.status, l.status_date, l.status_comment, l.title, l.goal_area, l.strategy, l.responsible, l.hours,
       l.cost_text, l.known_cost, l.cost_unknown, l.priority, l.cells
from nat_rows_of r join nat_line l using (action_plan_id);

-- The revision triggers back on, and every synthetic plan's revision moved once.
do $$
declare r record;
begin
    for r in select * from nat_trigger loop
        execute format('alter table %s enable trigger %I', r.tbl, r.name);
    end loop;
end $$;
update action_plan set revision = revision + 1 where municipality_id in (select municipality_id from nat_m);

commit;
analyze;

select m.municipality_id || '|' || a.action_plan_id || '|storby'
from municipality m join action_plan a using (municipality_id)
where m.name = 'Storby kommune' and a.start_year = 2025;
