-- The register benchmark (issue 11): 10,000 systems in one municipality, run after
-- seed_synthetic.sql (which makes «Benchmark kommune», its 10 units, 50 people and the `bench`
-- user). Owners, vendors, cooperations, lifecycles, superusers, evaluations, agreements and
-- confirmations spread so that every filter has rows to find.
\set ON_ERROR_STOP on
begin;

insert into cooperation (municipality_id, name, members)
select municipality_id, 'Samarbeid ' || n, array['Benchmark', 'Nabo ' || n]
from municipality, generate_series(1, 5) n where org_number = '923456783';

with m as (select municipality_id as id from municipality where org_number = '923456783'),
     u as (select array_agg(unit_id order by unit_id) a from unit, m where municipality_id = m.id),
     c as (select array_agg(cooperation_id order by cooperation_id) a from cooperation, m where municipality_id = m.id)
insert into system (municipality_id, name, vendor, operator_kind, owner_unit_id, users_count, cooperation_id,
                    lifecycle, criticality, personal_data, dpa, last_evaluated, support_with, support_expires,
                    support_notice_days, confirmed_at, server_location)
select m.id, 'System ' || lpad(n::text, 5, '0'), 'Leverandør ' || (n % 40),
       (array['own', 'municipality', 'company', 'vendor_cloud'])[n % 4 + 1],
       case when n % 17 = 0 then null else u.a[n % 10 + 1] end, n % 300,
       case when n % 3 = 0 then c.a[n % 5 + 1] end,
       (array['in_use', 'in_use', 'in_use', 'introducing', 'phasing_out', 'retired'])[n % 6 + 1],
       (array['low', 'medium', 'high', 'life_and_health'])[n % 4 + 1],
       n % 2 = 0, n % 4 = 0,
       current_date - (n % 2000),
       'Leverandør ' || (n % 40), current_date + (n % 700) - 100, (array[30, 60, 90, 180])[n % 4 + 1],
       case when n % 5 = 0 then null else now() - make_interval(days => n % 500) end,
       'Serverrom ' || (n % 3)
from m, u, c, generate_series(1, 10000) n;

insert into system_superuser (system_id, person_id, municipality_id, position)
select s.system_id, p.person_id, s.municipality_id, k
from system s
join municipality m on m.municipality_id = s.municipality_id and m.org_number = '923456783'
cross join generate_series(0, 1) k
join lateral (select person_id from person where municipality_id = s.municipality_id
              order by person_id offset ((s.system_id + k * 7) % 50) limit 1) p on true
where s.system_id % 11 <> 0
on conflict do nothing;

commit;
