-- Two submitted status reports of the synthetic plan, for the report-page benchmark (issue 10).
-- Run after seed_synthetic.sql (which inserts the plan directly, so it has no rounds): gives the
-- plan its nine default rounds (June, October, January of 2024-2026, as the app does when a plan
-- is made) and a report team, then submits two of them as the app's submission would freeze
-- them: October 2025 (the plan's first report: nothing to compare with) and June 2026 (compared
-- with October 2025). Every frozen column is filled from the measures.
--
-- The comparison has real work: in June 2026 about one measure in nine that was not done or
-- cancelled is done, about one in thirteen has another status, measures 991-1000 are new (not in
-- October's report) and October's report has 15 rows of measures deleted since (removed). The
-- measures themselves are left as seed_synthetic.sql made them: a submitted report's page reads
-- only its frozen rows.
--
-- Prints «earlier round id|later round id».
\set ON_ERROR_STOP on
begin;

create temporary table bench_plan on commit drop as
select a.action_plan_id, a.municipality_id, a.start_year, a.end_year, a.name,
       (select app_user_id from app_user u where u.username = 'bench') as user_id,
       (select person_id from person p where p.municipality_id = a.municipality_id and p.name = 'Person 1') as responsible_id
from action_plan a where a.name = 'Handlingsplan 2024–2026 (benchmark)';

insert into report_team (action_plan_id, municipality_id, responsible_person_id)
select action_plan_id, municipality_id, responsible_id from bench_plan
on conflict (action_plan_id) do update set responsible_person_id = excluded.responsible_person_id;

-- The default rounds (model::default_rounds): June and October of each year, January of the next.
insert into report_round (municipality_id, action_plan_id, due_date, covers_year, kind)
select b.municipality_id, b.action_plan_id, make_date(y + r.year_offset, r.month, 15), y, r.kind
from bench_plan b, generate_series(b.start_year, b.end_year) y,
     (values (6, 0, 'june'), (10, 0, 'october'), (1, 1, 'january')) r(month, year_offset, kind)
on conflict (action_plan_id, due_date) do nothing;

-- Each measure's frozen row as submission writes it (form.rs: the document's lines): the first
-- strategy it serves in goal-area and strategy order, the responsible person's name, the cost
-- lines described, the known cost, whether a cost is unknown, and the schedule cells.
create temporary table bench_line on commit drop as
select me.measure_id, me.municipality_id, me.version as measure_version, me.position as plan_position,
       me.title, me.hours, me.priority, me.status, me.status_date, me.status_comment,
       place.goal_area, place.strategy, place.goal_position, place.strategy_position,
       coalesce(p.name, '') as responsible,
       coalesce(costs.cost_text, '') as cost_text, coalesce(costs.known_cost, 0) as known_cost,
       coalesce(costs.cost_unknown, false) as cost_unknown,
       coalesce(cells.cells, '[]'::jsonb) as cells
from measure me
join bench_plan b using (action_plan_id)
left join person p on p.person_id = me.responsible_person_id
left join lateral (
    select g.name as goal_area, st.text as strategy, g.position as goal_position, st.position as strategy_position
    from measure_strategy ms join strategy st using (strategy_id) join goal_area g using (goal_area_id)
    where ms.measure_id = me.measure_id
    order by g.position, st.position limit 1) place on true
left join lateral (
    select string_agg(
               coalesce('kr ' || replace(to_char(c.amount, 'FM999,999,999'), ',', ' '), c.amount_note, 'ukjent beløp')
               || ' – ' || c.description
               || case c.financing
                      when 'current_budget' then '; dekkes av gjeldende budsjett'
                      when 'approved_budget' then '; innenfor vedtatt budsjett'
                      when 'requires_appropriation' then '; krever budsjettbevilgning'
                      when 'other_project' then '; inngår i annet prosjekt'
                      else '' end,
               ' + ' order by c.position) as cost_text,
           coalesce(sum(c.amount), 0) as known_cost,
           bool_or(c.amount is null) as cost_unknown
    from measure_cost c where c.measure_id = me.measure_id) costs on true
left join lateral (
    select jsonb_agg(jsonb_build_object('year', sc.year, 'period', sc.period, 'label', sc.label)
                     order by sc.year, sc.period) as cells
    from schedule_cell sc where sc.measure_id = me.measure_id) cells on true;

-- October 2025: every measure but the ten added since, with its status as the plan has it,
-- and 15 rows of measures deleted since (measure_id has no foreign key for that reason).
insert into report_row (report_round_id, measure_id, municipality_id, measure_version, position, status,
                        status_date, comment, title, goal_area, strategy, responsible, hours, cost_text,
                        known_cost, cost_unknown, priority, cells)
select r.report_round_id, l.measure_id, l.municipality_id, l.measure_version,
       row_number() over (order by l.goal_position, l.strategy_position, l.plan_position)::int,
       l.status, case when l.status = 'done' then date '2025-09-01' + (l.plan_position % 30) end,
       l.status_comment, l.title, l.goal_area, l.strategy, l.responsible, l.hours, l.cost_text,
       l.known_cost, l.cost_unknown, l.priority, l.cells
from bench_line l join bench_plan b on true
join report_round r on r.action_plan_id = b.action_plan_id and r.due_date = date '2025-10-15'
where l.plan_position <= 990;

insert into report_row (report_round_id, measure_id, municipality_id, measure_version, position, status,
                        comment, title, goal_area, strategy, responsible, hours, cost_text,
                        known_cost, cost_unknown, priority, cells)
select r.report_round_id, (select max(measure_id) from measure) + n, b.municipality_id, 1, 1000 + n,
       (array['not_started', 'in_progress', 'postponed'])[n % 3 + 1],
       'Tiltaket ble slått sammen med et annet', 'Avviklet tiltak ' || n || ': erstattes av ny løsning',
       'Målområde 5', 'Strategi 5.5: utvikle tjenestene videre', 'Person ' || n, 10, 'kr 5 000 – Lisens',
       5000, false, false,
       jsonb_build_array(jsonb_build_object('year', 2025, 'period', n % 4 + 1, 'label', null))
from bench_plan b join report_round r on r.action_plan_id = b.action_plan_id and r.due_date = date '2025-10-15',
     generate_series(1, 15) n;

-- June 2026: every measure; some done, some with another status since October.
insert into report_row (report_round_id, measure_id, municipality_id, measure_version, position, status,
                        status_date, comment, title, goal_area, strategy, responsible, hours, cost_text,
                        known_cost, cost_unknown, priority, cells)
select r.report_round_id, l.measure_id, l.municipality_id, l.measure_version + 1,
       row_number() over (order by l.goal_position, l.strategy_position, l.plan_position)::int,
       s.status, case when s.status = 'done' then coalesce(l.status_date, date '2026-05-01' + (l.plan_position % 30)) end,
       case when s.status <> l.status then 'Endret siden oktober: ' || l.title else l.status_comment end,
       l.title, l.goal_area, l.strategy, l.responsible, l.hours, l.cost_text,
       l.known_cost, l.cost_unknown, l.priority, l.cells
from bench_line l join bench_plan b on true
join report_round r on r.action_plan_id = b.action_plan_id and r.due_date = date '2026-06-15'
cross join lateral (
    select case
        when l.status in ('done', 'cancelled') then l.status
        when l.plan_position % 9 = 0 then 'done'
        when l.plan_position % 13 = 0 then
            case l.status when 'not_started' then 'in_progress' when 'in_progress' then 'postponed' else 'in_progress' end
        else l.status end as status) s;

-- Submitted as form.rs does it: the head and the totals frozen from the rows.
update report_round r
set state = 'submitted', submitted_at = r.due_date + time '10:12', submitted_by = b.user_id,
    frozen_plan_name = b.name, frozen_start_year = b.start_year, frozen_end_year = b.end_year,
    frozen_responsible = (select name from person where person_id = b.responsible_id),
    total_hours = t.hours, total_cost = t.cost, cost_incomplete = t.incomplete,
    version = r.version + 2, saved_at = r.due_date + time '09:40', saved_by = b.user_id, updated_at = now(),
    summary = 'Sammendrag av rapporten for ' || to_char(r.due_date, 'DD.MM.YYYY') || ': arbeidet går etter planen.'
from bench_plan b,
     (select report_round_id, sum(hours) as hours, sum(known_cost) as cost, bool_or(cost_unknown) as incomplete
      from report_row group by report_round_id) t
where t.report_round_id = r.report_round_id and r.action_plan_id = b.action_plan_id and r.due_date in (date '2025-10-15', date '2026-06-15');

select string_agg(r.report_round_id::text, '|' order by r.due_date) as round_ids
from report_round r join bench_plan b using (action_plan_id)
where r.due_date in (date '2025-10-15', date '2026-06-15');

commit;
