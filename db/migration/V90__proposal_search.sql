-- Proposals in the full-text search, as the other records (V26): a stored generated tsvector, kept current by the
-- database itself, and a GIN index over it. Weights: A for the key and title, B for the statement.

alter table proposal add column search_vector tsvector generated always as (
    setweight(to_tsvector('english'::regconfig, title || ' ' || key || ' ' || replace(key, '-', ' ')), 'A')
    || setweight(to_tsvector('english'::regconfig, coalesce(statement, '')), 'B')) stored;
create index proposal_search_idx on proposal using gin (search_vector);
