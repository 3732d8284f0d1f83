-- EXPLAIN (ANALYZE, BUFFERS) of the dashboard's queries (issue 14) for the large municipality of
-- bench/seed_national.sql, as the app sends them: each statement is the SQL text of the read
-- function named above it (copied from src/ as of 2026-12-04: keep in step when they change),
-- prepared with the parameter types sqlx binds (i64 int8, &str text, bool, NaiveDate date,
-- Option<i16> int2, &[i64] int8[]) and executed with the values the dashboard passes.
--
-- The first five executions of a prepared statement get a custom plan (the values folded in);
-- after that PostgreSQL may switch to the generic plan, which sees `$5 or …` and `$2 = ''`
-- without the values. Run with -v generic=1 to see the generic plans (plan_cache_mode).
--
--   psql -X -v m=<municipality id> -v plan=<plan id> -v generic=0 -f bench/national_explain.sql
\set ON_ERROR_STOP on
\pset pager off
\if :generic
set plan_cache_mode = force_generic_plan;
\echo '#### generic plans (plan_cache_mode = force_generic_plan)'
\else
\echo '#### custom plans (the first five executions of each prepared statement)'
\endif

select (now() at time zone 'Europe/Oslo')::date as today,
       ((now() at time zone 'Europe/Oslo')::date - interval '48 months')::date as evaluation_limit,
       ((now() at time zone 'Europe/Oslo')::date - interval '12 months')::date as confirmed_limit,
       u.app_user_id as uid, u.person_id as person, mu.risk_medium_max + 1 as high_low
from app_user u join municipality mu using (municipality_id)
where u.username = 'storby' and u.municipality_id = :m \gset
select array_agg(measure_id order by position, measure_id)::text as measure_ids
from measure where action_plan_id = :plan and municipality_id = :m \gset

-- plan::read::summaries: which plan is current
prepare summaries(int8) as
        select a.action_plan_id, a.name, a.start_year, a.end_year, p.name as "predecessor?",
               exists (select 1 from action_plan n where n.predecessor_id = a.action_plan_id) as "rolled!",
               count(me.measure_id) as "measures!",
               count(me.measure_id) filter (where me.status in ('not_started', 'in_progress', 'postponed')) as "open!",
               coalesce(sum(me.hours), 0) as "hours!"
        from action_plan a
        left join action_plan p on p.action_plan_id = a.predecessor_id
        left join measure me on me.action_plan_id = a.action_plan_id
        where a.municipality_id = $1
        group by a.action_plan_id, p.name
        order by a.start_year desc, a.action_plan_id desc;
\echo '== plan::read::summaries'
explain (analyze, buffers) execute summaries(:m);

-- plan::read::PlanCache::get: the revision, every request; the plan is loaded only when it moved
prepare revision(int8, int8) as
select revision from action_plan where action_plan_id = $1 and municipality_id = $2;
\echo '== plan::read::PlanCache::get (revision)'
explain (analyze, buffers) execute revision(:plan, :m);

-- plan::read::load (on a cache miss): head, strategy headings, measures, measures::read::inputs
prepare load_head(int8, int8) as
        select action_plan_id as id, name, start_year, end_year, strategy_document_id as "strategy_document_id?", predecessor_id
        from action_plan where action_plan_id = $1 and municipality_id = $2;
\echo '== plan::read::load_head'
explain (analyze, buffers) execute load_head(:plan, :m);

prepare load_strategies(int8, int8) as
        select g.goal_area_id, g.name, s.strategy_id as "strategy_id?", s.text as "text?"
        from goal_area g
        left join strategy s on s.goal_area_id = g.goal_area_id
        where g.strategy_document_id = $1 and g.municipality_id = $2
        order by g.position, g.goal_area_id, s.position, s.strategy_id;
select strategy_document_id as doc from action_plan where action_plan_id = :plan \gset
\echo '== plan::read::load (strategy headings)'
explain (analyze, buffers) execute load_strategies(:doc, :m);

prepare load_measures(int8, int8) as
        select me.measure_id, p.name as "person_name?", u.name as "unit_name?", me.version
        from measure me
        left join person p on p.person_id = me.responsible_person_id
        left join unit u on u.unit_id = me.responsible_unit_id
        where me.action_plan_id = $1 and me.municipality_id = $2
        order by me.position, me.measure_id;
\echo '== plan::read::load (measures)'
explain (analyze, buffers) execute load_measures(:plan, :m);

prepare inputs_measure(int8[], int8) as
        select measure_id, title, description, responsible_person_id, responsible_unit_id, responsible_text,
               hours, priority, status, status_date as "status_date: NaiveDate", status_comment,
               predecessor_measure_id
        from measure where measure_id = any($1) and municipality_id = $2;
\echo '== measures::read::inputs (measure)'
explain (analyze, buffers) execute inputs_measure(:'measure_ids', :m);

prepare inputs_strategy(int8[]) as
select measure_id, strategy_id from measure_strategy where measure_id = any($1) order by strategy_id;
\echo '== measures::read::inputs (measure_strategy)'
explain (analyze, buffers) execute inputs_strategy(:'measure_ids');

prepare inputs_cost(int8[]) as
        select measure_id, description, amount, amount_note, financing, financing_project, remark
        from measure_cost where measure_id = any($1) order by measure_id, position, measure_cost_id;
\echo '== measures::read::inputs (measure_cost)'
explain (analyze, buffers) execute inputs_cost(:'measure_ids');

prepare inputs_cells(int8[]) as
select measure_id, year, period, label from schedule_cell where measure_id = any($1) order by measure_id, year, period;
\echo '== measures::read::inputs (schedule_cell)'
explain (analyze, buffers) execute inputs_cells(:'measure_ids');

prepare inputs_dependency(int8[]) as
select measure_id, depends_on_id from measure_dependency where measure_id = any($1) order by depends_on_id;
\echo '== measures::read::inputs (measure_dependency)'
explain (analyze, buffers) execute inputs_dependency(:'measure_ids');

prepare rolled_into(int8, int8) as
        select action_plan_id, name, created_at as "created_at: chrono::DateTime<chrono::Utc>"
        from action_plan where predecessor_id = $1 and municipality_id = $2
        order by action_plan_id limit 1;
\echo '== plan::read::load (rolled into)'
explain (analyze, buffers) execute rolled_into(:plan, :m);

prepare milestones(int8, int8) as
        select plan_milestone_id, action_plan_id, kind, code, name, due as "due: NaiveDate", criterion, version
        from plan_milestone where action_plan_id = $1 and municipality_id = $2
        order by due, plan_milestone_id;
\echo '== plan::read::milestones'
explain (analyze, buffers) execute milestones(:plan, :m);

-- reports::read::fetch: municipality_next (every plan's rounds) and rounds_of_plan
prepare rounds(int8, int8, int8) as
        select r.report_round_id, r.action_plan_id, p.name as plan_name, p.start_year, p.end_year,
               (select max(o.due_date) from report_round o
                where o.action_plan_id = r.action_plan_id and not o.cancelled) as "last_due: NaiveDate",
               r.due_date as "due_date: NaiveDate", r.covers_year, r.kind, r.state, r.cancelled, r.version, r.summary,
               su.display_name as "saved_by?", r.saved_at as "saved_at: DateTime<Utc>",
               bu.display_name as "submitted_by?", r.submitted_at as "submitted_at: DateTime<Utc>",
               au.display_name as "acknowledged_by?", r.acknowledged_at as "acknowledged_at: DateTime<Utc>",
               r.acknowledgement_comment, r.frozen_plan_name, r.frozen_start_year, r.frozen_end_year,
               r.frozen_responsible, r.total_hours, r.total_cost, r.cost_incomplete
        from report_round r
        join action_plan p using (action_plan_id)
        left join app_user su on su.app_user_id = r.saved_by
        left join app_user bu on bu.app_user_id = r.submitted_by
        left join app_user au on au.app_user_id = r.acknowledged_by
        where r.municipality_id = $1
          and ($2::bigint is null or r.action_plan_id = $2)
          and ($3::bigint is null or r.report_round_id = $3)
        order by r.due_date desc, r.report_round_id desc;
\echo '== reports::read::municipality_next (fetch, all plans)'
explain (analyze, buffers) execute rounds(:m, null, null);
\echo '== reports::read::rounds_of_plan (fetch, the current plan)'
explain (analyze, buffers) execute rounds(:m, :plan, null);

-- systems::read::list: six counts (limit 1), then the /systems page (limit 50)
prepare systems_list(int8, text, int8, int8, bool, int8, text, text, text, text, bool, date, bool, date, bool, date,
                     bool, bool, text, bool, int8, int8, bool) as
        with s as (
            select s.system_id, s.name, coalesce(u.name, s.owner_text) as owner, s.owner_unit_id, s.owner_text,
                   s.vendor, s.operator_kind, s.operator_name, c.name as cooperation, s.cooperation_id,
                   s.lifecycle, s.criticality, s.last_evaluated, s.support_expires, s.support_notice_days,
                   (s.confirmed_at at time zone 'Europe/Oslo')::date as confirmed_on,
                   exists (select 1 from system_superuser su where su.system_id = s.system_id) as has_superuser,
                   (coalesce(s.personal_data, false) and s.dpa is not true) as dpa_missing,
                   ($4::bigint is not null and (s.administrator_id = $4 or exists (
                       select 1 from system_superuser su where su.system_id = s.system_id and su.person_id = $4))) as mine
            from system s
            left join unit u on u.unit_id = s.owner_unit_id
            left join cooperation c on c.cooperation_id = s.cooperation_id
            where s.municipality_id = $1
        )
        select system_id as "system_id!", name as "name!", owner as "owner?", vendor as "vendor?",
               operator_kind as "operator_kind?", operator_name as "operator_name?",
               cooperation as "cooperation?", lifecycle as "lifecycle!", criticality as "criticality?",
               coalesce((select string_agg(p.name, ', ' order by su.position, p.name) from system_superuser su
                         join person p using (person_id) where su.system_id = s.system_id), '') as "superusers!",
               confirmed_on as "confirmed_on?: NaiveDate",
               last_evaluated as "last_evaluated?: NaiveDate",
               support_expires as "support_expires?: NaiveDate", support_notice_days as "support_notice_days?",
               count(*) over () as "total!"
        from s s
        where ($2 = '' or name ilike '%' || $2 || '%' or coalesce(owner, '') ilike '%' || $2 || '%'
               or coalesce(vendor, '') ilike '%' || $2 || '%'
               or exists (select 1 from system_superuser su join person p using (person_id)
                          where su.system_id = s.system_id and p.name ilike '%' || $2 || '%'))
          and ($3::bigint is null or owner_unit_id = $3)
          and (not $5 or (owner_unit_id is null and owner_text is null))
          and ($6::bigint is null or cooperation_id = $6)
          and ($7 = '' or vendor = $7)
          and ($8 = '' or operator_kind = $8)
          and ($9 = '' or lifecycle = $9)
          and ($10 = '' or criticality = $10)
          and (not $11 or last_evaluated is null or last_evaluated < $12)
          and (not $13 or (support_expires is not null
                           and support_expires - coalesce(support_notice_days, 90) <= $14))
          and (not $15 or confirmed_on is null or confirmed_on < $16)
          and (not $17 or not has_superuser)
          and (not $18 or mine)
          and (not $23 or dpa_missing)
        order by
          case when $19 = 'owner' and not $20 then lower(owner) end asc nulls last,
          case when $19 = 'owner' and $20 then lower(owner) end desc nulls last,
          case when $19 = 'vendor' and not $20 then lower(vendor) end asc nulls last,
          case when $19 = 'vendor' and $20 then lower(vendor) end desc nulls last,
          case when $19 = 'lifecycle' and not $20 then lifecycle end asc,
          case when $19 = 'lifecycle' and $20 then lifecycle end desc,
          case when $19 = 'confirmed' and not $20 then confirmed_on end asc nulls first,
          case when $19 = 'confirmed' and $20 then confirmed_on end desc nulls last,
          case when $19 = 'evaluation' and not $20 then last_evaluated end asc nulls first,
          case when $19 = 'evaluation' and $20 then last_evaluated end desc nulls last,
          case when $19 = 'name' and $20 then lower(name) end desc,
          lower(name), system_id
        limit $21 offset $22;
--                                   m   q  owner person none coop vendor op life crit  overdue evaluation  expiring today  unconf confirmed  nosup mine sort desc lim off nodpa
\echo '== systems::read::list (dash-systems-no-owner)'
explain (analyze, buffers) execute systems_list(:m, '', null, :person, true, null, '', '', '', '', false, :'evaluation_limit', false, :'today', false, :'confirmed_limit', false, false, 'name', false, 1, 0, false);
\echo '== systems::read::list (dash-systems-no-superuser)'
explain (analyze, buffers) execute systems_list(:m, '', null, :person, false, null, '', '', '', '', false, :'evaluation_limit', false, :'today', false, :'confirmed_limit', true, false, 'name', false, 1, 0, false);
\echo '== systems::read::list (dash-systems-evaluation)'
explain (analyze, buffers) execute systems_list(:m, '', null, :person, false, null, '', '', '', '', true, :'evaluation_limit', false, :'today', false, :'confirmed_limit', false, false, 'name', false, 1, 0, false);
\echo '== systems::read::list (dash-systems-notice)'
explain (analyze, buffers) execute systems_list(:m, '', null, :person, false, null, '', '', '', '', false, :'evaluation_limit', true, :'today', false, :'confirmed_limit', false, false, 'name', false, 1, 0, false);
\echo '== systems::read::list (dash-systems-unconfirmed)'
explain (analyze, buffers) execute systems_list(:m, '', null, :person, false, null, '', '', '', '', false, :'evaluation_limit', false, :'today', true, :'confirmed_limit', false, false, 'name', false, 1, 0, false);
\echo '== systems::read::list (dash-systems-no-dpa)'
explain (analyze, buffers) execute systems_list(:m, '', null, :person, false, null, '', '', '', '', false, :'evaluation_limit', false, :'today', false, :'confirmed_limit', false, false, 'name', false, 1, 0, true);
\echo '== systems::read::list (/systems, first page of 50)'
explain (analyze, buffers) execute systems_list(:m, '', null, :person, false, null, '', '', '', '', false, :'evaluation_limit', false, :'today', false, :'confirmed_limit', false, false, 'name', false, 50, 0, false);

-- lines::read::list: the threshold, then slow lines and under-threshold locations (limit 1)
prepare lines_threshold(int8) as
select mbps_per_user_threshold from municipality where municipality_id = $1;
\echo '== lines::read::list (threshold)'
explain (analyze, buffers) execute lines_threshold(:m);

prepare lines_list(int8, date, text, text, text, bool, text, bool, int8, int8, int8, bool, bool) as
        with totals as (
            select location_id, sum(down_mbps) as down from line
            where municipality_id = $1 group by location_id
        ), rows as (
            select n.line_id, l.location_id, l.name, l.users_count, l.users_none, n.position,
                   n.purpose, n.down_mbps, n.up_mbps, n.line_type, n.ownership, n.provider,
                   n.theoretical_max, n.yearly_cost, n.contract_expires, n.notice_days,
                   n.notes, l.address, l.notes as location_notes,
                   case when l.users_count > 0 then t.down / l.users_count end as per_user,
                   n.line_type in ('adsl', 'radio') as slow_type,
                   n.ownership = 'leased' as leased,
                   coalesce(l.users_count > 0 and t.down / l.users_count < m.mbps_per_user_threshold, false) as under_threshold,
                   coalesce($2::date >= n.contract_expires - coalesce(n.notice_days, 0), false) as in_notice,
                   coalesce($2::date > n.contract_expires, false) as expired
            from line n
            join location l on l.location_id = n.location_id and l.municipality_id = $1
            join municipality m on m.municipality_id = l.municipality_id
            left join totals t on t.location_id = l.location_id
            where n.municipality_id = $1
              and ($3 = '' or n.line_type = $3)
              and ($4 = '' or n.ownership = $4)
              and ($5 = '' or strpos(lower(l.name), lower($5)) > 0)
              and ($11::bigint is null or l.location_id = $11)
        )
        select line_id as "line_id!", location_id as "location_id!", name as "name!",
               users_count, users_none as "users_none!", purpose, down_mbps, up_mbps,
               line_type as "line_type!", ownership as "ownership!", provider,
               theoretical_max as "theoretical_max!", yearly_cost,
               contract_expires as "contract_expires: NaiveDate", notice_days, notes,
               address, location_notes, per_user,
               slow_type as "slow_type!", leased as "leased!",
               under_threshold as "under_threshold!", in_notice as "in_notice!",
               expired as "expired!", count(*) over () as "total!"
        from rows
        where (not $6 or slow_type or leased or under_threshold or in_notice)
          and (not $12 or slow_type)
          and (not $13 or under_threshold)
        order by
            case when $7 = 'users' and not $8 then users_count end asc nulls last,
            case when $7 = 'users' and $8 then users_count end desc nulls last,
            case when $7 = 'per_user' and not $8 then per_user end asc nulls last,
            case when $7 = 'per_user' and $8 then per_user end desc nulls last,
            case when $7 = 'expires' and not $8 then contract_expires end asc nulls last,
            case when $7 = 'expires' and $8 then contract_expires end desc nulls last,
            case when $8 and $7 = 'name' then lower(name) end desc,
            lower(name), position, line_id
        offset $9 limit $10;
\echo '== lines::read::list (dash-lines-slow)'
explain (analyze, buffers) execute lines_list(:m, :'today', '', '', '', false, 'name', false, 0, 1, null, true, false);
\echo '== lines::read::list (dash-lines-under)'
explain (analyze, buffers) execute lines_list(:m, :'today', '', '', '', false, 'name', false, 0, 1, null, false, true);

-- risks::read::levels and register: four counts (the register's length)
prepare risk_levels(int8) as
select risk_low_max, risk_medium_max from municipality where municipality_id = $1;
\echo '== risks::read::levels'
explain (analyze, buffers) execute risk_levels(:m);

prepare risk_register(int8, bool, int2, bool, int2, text, bool, date) as
        select r.risk_id as id, r.risk_assessment_id as assessment_id, a.title as assessment,
               a.restricted, r.number, r.description, r.score as "score!", r.residual_score,
               r.status, p.name as "owner?", r.next_review as "next_review: chrono::NaiveDate"
          from risk r
          join risk_assessment a on a.risk_assessment_id = r.risk_assessment_id
          left join person p on p.person_id = r.owner_person_id
         where r.municipality_id = $1 and ($2 or not a.restricted)
           and ($3::smallint is null
                or coalesce(case when $4 then r.residual_score else r.score end, -1) between $3 and $5)
           and ($6 = '' or r.status = $6 or ($6 = 'active' and r.status in ('open', 'treating')))
           and (not $7 or (r.next_review < $8 and r.status <> 'closed'))
         order by case when $4 then r.residual_score else r.score end desc nulls last,
                  a.title, r.position, r.risk_id;
\echo '== risks::read::register (dash-risks-high-before)'
explain (analyze, buffers) execute risk_register(:m, true, :high_low, false, 25, 'active', false, :'today');
\echo '== risks::read::register (dash-risks-high-after)'
explain (analyze, buffers) execute risk_register(:m, true, :high_low, true, 25, 'active', false, :'today');
\echo '== risks::read::register (dash-risks-overdue)'
explain (analyze, buffers) execute risk_register(:m, true, null, false, null, '', true, :'today');
\echo '== risks::read::register (dash-risks-accepted)'
explain (analyze, buffers) execute risk_register(:m, true, null, false, null, 'accepted', false, :'today');

-- council::read::list (tab rlt) and benefits (with their follow-ups)
prepare council_list(int8, text, int8, text, text, int8, int8, int8, int8) as
        select a.acquisition_id as id, a.title, u.name as "unit?", a.state, a.investment,
               a.financing, r.display_name as "requested_by?",
               a.created_at as "created_at: DateTime<Utc>", count(*) over () as "total!"
          from acquisition a
          left join unit u on u.unit_id = a.unit_id
          left join app_user r on r.app_user_id = a.requested_by
         where a.municipality_id = $1
           and ($2::text is null or a.state = $2)
           and ($3::bigint is null or a.unit_id = $3)
           and ($4::text is null or a.financing = $4)
           and case $5
                 when 'mine' then a.requested_by = $6
                 when 'rlt' then a.state in ('recommended', 'not_recommended')
                 when 'assess' then exists (
                     select 1 from council_agenda ca
                       join council_meeting cm using (council_meeting_id)
                      where ca.acquisition_id = a.acquisition_id and cm.closed_at is null
                        and not exists (select 1 from council_assessment s
                                         where s.council_meeting_id = ca.council_meeting_id
                                           and s.acquisition_id = ca.acquisition_id
                                           and s.council_member_id = $7))
                 else true
               end
         order by a.created_at desc, a.acquisition_id desc
         limit $8 offset $9;
\echo '== council::read::list (dash-council-rlt)'
explain (analyze, buffers) execute council_list(:m, null, null, null, 'rlt', :uid, -1, 50, 0);

prepare council_benefits(int8, int8) as
        select b.benefit_id, b.acquisition_id, a.title, a.decided_on as "decided_on: NaiveDate",
               b.kind, b.indicator, b.baseline, b.target, b.target_date as "target_date: NaiveDate",
               b.responsible_person_id, p.name as "responsible?"
          from benefit b
          join acquisition a using (acquisition_id)
          left join person p on p.person_id = b.responsible_person_id
         where b.municipality_id = $1 and ($2::bigint is null or b.acquisition_id = $2)
           and a.state = 'approved'
         order by a.decided_on desc nulls last, a.acquisition_id, b.benefit_id;
\echo '== council::read::benefits'
explain (analyze, buffers) execute council_benefits(:m, null);

select coalesce(array_agg(b.benefit_id)::text, '{}') as benefit_ids from benefit b
join acquisition a using (acquisition_id) where b.municipality_id = :m and a.state = 'approved' \gset
prepare council_followups(int8, int8[]) as
        select benefit_id, measured_on as "measured_on: NaiveDate", value, note
          from benefit_followup where municipality_id = $1 and benefit_id = any($2)
         order by measured_on, benefit_followup_id;
\echo '== council::read::benefits (follow-ups)'
explain (analyze, buffers) execute council_followups(:m, :'benefit_ids');

-- org::read::capacities: every person's capacity, for the capacity table
prepare capacities(int8) as
select person_id, name, capacity_hours from person where municipality_id = $1;
\echo '== org::read::capacities'
explain (analyze, buffers) execute capacities(:m);

deallocate all;
