-- Issue 8: the interface in bokmål or nynorsk. The municipality's målform decides; a user may
-- choose the other in their profile (NULL follows the municipality). Nøytral shows bokmål.
alter table municipality
    add column malform text not null default 'bokmal'
        check (malform in ('bokmal', 'nynorsk', 'noytral'));

alter table app_user
    add column language text check (language in ('nb', 'nn'));
