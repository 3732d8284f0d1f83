-- A revision per action plan, bumped by triggers whenever anything shown on its progress plan
-- changes. The app caches a loaded plan and reloads it only when the revision has moved, so
-- every write path (forms, import, rolling, SQL by hand) invalidates the cache.

alter table action_plan add column revision bigint not null default 0;

create function bump_plan_of_measure() returns trigger language plpgsql as $$
begin
    if tg_op <> 'DELETE' then
        update action_plan set revision = revision + 1 where action_plan_id = new.action_plan_id;
    end if;
    if tg_op <> 'INSERT' and (tg_op = 'DELETE' or old.action_plan_id <> new.action_plan_id) then
        update action_plan set revision = revision + 1 where action_plan_id = old.action_plan_id;
    end if;
    return null;
end $$;

create trigger measure_bumps_plan after insert or update or delete on measure
    for each row execute function bump_plan_of_measure();

-- Children of a measure: costs, schedule cells, strategy links, dependencies.
create function bump_plan_of_measure_child() returns trigger language plpgsql as $$
declare
    m bigint := case when tg_op = 'DELETE' then old.measure_id else new.measure_id end;
begin
    update action_plan set revision = revision + 1
    where action_plan_id = (select action_plan_id from measure where measure_id = m);
    return null;
end $$;

create trigger measure_cost_bumps_plan after insert or update or delete on measure_cost
    for each row execute function bump_plan_of_measure_child();
create trigger schedule_cell_bumps_plan after insert or update or delete on schedule_cell
    for each row execute function bump_plan_of_measure_child();
create trigger measure_strategy_bumps_plan after insert or update or delete on measure_strategy
    for each row execute function bump_plan_of_measure_child();
create trigger measure_dependency_bumps_plan after insert or update or delete on measure_dependency
    for each row execute function bump_plan_of_measure_child();

-- Strategy texts and goal areas are shown as the plan's headings.
create function bump_plans_of_document() returns trigger language plpgsql as $$
declare
    doc bigint;
begin
    if tg_table_name = 'goal_area' then
        doc := case when tg_op = 'DELETE' then old.strategy_document_id else new.strategy_document_id end;
    else
        select g.strategy_document_id into doc from goal_area g
        where g.goal_area_id = case when tg_op = 'DELETE' then old.goal_area_id else new.goal_area_id end;
    end if;
    update action_plan set revision = revision + 1 where strategy_document_id = doc;
    return null;
end $$;

create trigger goal_area_bumps_plans after insert or update or delete on goal_area
    for each row execute function bump_plans_of_document();
create trigger strategy_bumps_plans after insert or update or delete on strategy
    for each row execute function bump_plans_of_document();

-- Names of people and units are shown as the responsible.
create function bump_plans_of_municipality() returns trigger language plpgsql as $$
begin
    update action_plan set revision = revision + 1 where municipality_id = new.municipality_id;
    return null;
end $$;

create trigger person_bumps_plans after update on person
    for each row execute function bump_plans_of_municipality();
create trigger unit_bumps_plans after update on unit
    for each row execute function bump_plans_of_municipality();
