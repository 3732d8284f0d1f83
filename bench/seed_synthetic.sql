-- A synthetic municipality for the progress-plan benchmark: 1,000 measures over 25
-- strategies in a 2024-2026 plan, with costs, schedule cells and shared measures.
-- Run against a database where the app has started once (migrated, Ringebu seeded):
-- the user `bench` gets the demo password by copying the demo admin's hash.
\set ON_ERROR_STOP on
begin;

insert into municipality (name, org_number, municipality_number)
values ('Benchmark kommune', '923456783', '9999');

with m as (select municipality_id from municipality where org_number = '923456783')
insert into unit (municipality_id, name)
select m.municipality_id, 'Enhet ' || n from m, generate_series(1, 10) n;

with m as (select municipality_id from municipality where org_number = '923456783')
insert into person (municipality_id, name, unit_id)
select m.municipality_id, 'Person ' || n,
       (select unit_id from unit u where u.municipality_id = m.municipality_id and u.name = 'Enhet ' || (n % 10 + 1))
from m, generate_series(1, 50) n;

-- IKT staff see a status form in every row: the heaviest version of the page.
insert into app_user (municipality_id, username, email, display_name, password_hash, roles)
select municipality_id, 'bench', 'bench@benchmark.demo', 'Benchmark IKT', (select password_hash from app_user where username = 'admin'), array['ikt']
from municipality where org_number = '923456783';

insert into strategy_document (municipality_id, title, period_start, period_end, vision, main_goal)
select municipality_id, 'IKT-strategi 2024-2028', 2024, 2028, 'Syntetisk visjon', 'Syntetisk hovedmål'
from municipality where org_number = '923456783';

insert into goal_area (municipality_id, strategy_document_id, position, name, goal_statement)
select d.municipality_id, d.strategy_document_id, g, 'Målområde ' || g, 'Mål ' || g
from strategy_document d, generate_series(1, 5) g where d.title = 'IKT-strategi 2024-2028';

insert into strategy (municipality_id, goal_area_id, position, text, key_measures)
select g.municipality_id, g.goal_area_id, s, 'Strategi ' || g.position || '.' || s || ': utvikle tjenestene videre', array['Sentralt tiltak']
from goal_area g join strategy_document d using (strategy_document_id), generate_series(1, 5) s
where d.title = 'IKT-strategi 2024-2028';

insert into action_plan (municipality_id, strategy_document_id, name, start_year, end_year)
select municipality_id, strategy_document_id, 'Handlingsplan 2024–2026 (benchmark)', 2024, 2026
from strategy_document where title = 'IKT-strategi 2024-2028';

insert into measure (municipality_id, action_plan_id, position, title, description, responsible_person_id, hours, priority, status, status_comment)
select a.municipality_id, a.action_plan_id, n, 'Tiltak ' || n || ': innføre og følge opp løsning', 'Beskrivelse av tiltak ' || n,
       (select person_id from person p where p.municipality_id = a.municipality_id and p.name = 'Person ' || (n % 50 + 1)),
       (n % 97) + 0.5, n % 50 = 0,
       (array['not_started', 'in_progress', 'done', 'postponed', 'cancelled'])[n % 5 + 1],
       case when n % 3 = 0 then 'Statuskommentar for tiltak ' || n end
from action_plan a, generate_series(1, 1000) n
where a.name = 'Handlingsplan 2024–2026 (benchmark)';

-- Every measure serves one strategy; every tenth serves a second one too.
insert into measure_strategy (measure_id, strategy_id, municipality_id)
select me.measure_id, s.strategy_id, me.municipality_id
from measure me join action_plan a using (action_plan_id)
join lateral (select strategy_id from strategy st join goal_area g using (goal_area_id)
              where g.strategy_document_id = a.strategy_document_id
              order by g.position, st.position offset (me.position % 25) limit 1) s on true
where a.name = 'Handlingsplan 2024–2026 (benchmark)';
insert into measure_strategy (measure_id, strategy_id, municipality_id)
select me.measure_id, s.strategy_id, me.municipality_id
from measure me join action_plan a using (action_plan_id)
join lateral (select strategy_id from strategy st join goal_area g using (goal_area_id)
              where g.strategy_document_id = a.strategy_document_id
              order by g.position, st.position offset ((me.position + 7) % 25) limit 1) s on true
where a.name = 'Handlingsplan 2024–2026 (benchmark)' and me.position % 10 = 0
on conflict do nothing;

insert into measure_cost (municipality_id, measure_id, position, description, amount, financing)
select me.municipality_id, me.measure_id, 0, 'Lisens', (me.position * 137) % 200000,
       (array['current_budget', 'approved_budget', 'requires_appropriation', 'other_project', 'unknown'])[me.position % 5 + 1]
from measure me join action_plan a using (action_plan_id) where a.name = 'Handlingsplan 2024–2026 (benchmark)';
insert into measure_cost (municipality_id, measure_id, position, description, amount_note, financing)
select me.municipality_id, me.measure_id, 1, 'Kurs', 'må utredes', 'unknown'
from measure me join action_plan a using (action_plan_id)
where a.name = 'Handlingsplan 2024–2026 (benchmark)' and me.position % 3 = 0;

-- Three months of 2024 and one quarter of 2025 per measure.
insert into schedule_cell (measure_id, municipality_id, year, period, label)
select me.measure_id, me.municipality_id, 2024, (me.position + k) % 12 + 1, case when k = 0 then 'Utredning' end
from measure me join action_plan a using (action_plan_id), generate_series(0, 2) k
where a.name = 'Handlingsplan 2024–2026 (benchmark)';
insert into schedule_cell (measure_id, municipality_id, year, period, label)
select me.measure_id, me.municipality_id, 2025, me.position % 4 + 1, 'Drift'
from measure me join action_plan a using (action_plan_id) where a.name = 'Handlingsplan 2024–2026 (benchmark)';

commit;
select action_plan_id as bench_plan_id from action_plan where name = 'Handlingsplan 2024–2026 (benchmark)';
