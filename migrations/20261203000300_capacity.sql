-- The own-effort hours a person can give the action plan per quarter, set by the person or an
-- admin; null until set. The dashboard sets the hours of the measures a person is responsible
-- for, spread over their planned periods, against it.
alter table person add column capacity_hours numeric(7, 2)
    check (capacity_hours >= 0 and capacity_hours <= 1000);
