-- Login throttle rows are now keyed `user:<id>` (an account, typed by username or e-mail) or
-- `name:<typed name>` (no account has it), and rows untouched for a lock period are deleted at
-- login time; the index keeps that delete cheap however many names a scan has tried.
delete from login_throttle where identifier not like 'user:%' and identifier not like 'name:%';
create index login_throttle_updated_at_idx on login_throttle (updated_at);
