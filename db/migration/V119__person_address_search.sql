-- Search finds people by their further addresses too (person_address), the address also as its parts, as
-- person.search_vector holds the primary email; a GIN index over it, as every searched table has.
alter table person_address add column search_vector tsvector generated always as (
    to_tsvector('english'::regconfig, address || ' ' || replace(replace(address, '@', ' '), '.', ' '))) stored;
create index person_address_search_idx on person_address using gin (search_vector);
