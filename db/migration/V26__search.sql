-- Full-text search: every searchable record keeps its own tsvector, computed by the database itself (a stored
-- generated column, so no trigger, no code path can leave it stale), and a GIN index over it. Weights: A for
-- what names a thing (titles, names, handles, keys), B for its main text, C for the rest. The configuration is
-- always 'english', written out, so the expression is immutable and queries use the same one.

alter table summit_session add column search_vector tsvector generated always as (
    setweight(to_tsvector('english'::regconfig, coalesce(title, '') || ' ' || slug || ' ' || replace(slug, '-', ' ')), 'A')
    || setweight(to_tsvector('english'::regconfig, coalesce(proposal, '')), 'B')
    || setweight(to_tsvector('english'::regconfig, coalesce(summary, '')), 'C')) stored;
create index summit_session_search_idx on summit_session using gin (search_vector);

alter table discussion_note add column search_vector tsvector generated always as (
    to_tsvector('english'::regconfig, coalesce(body, ''))) stored;
create index discussion_note_search_idx on discussion_note using gin (search_vector);

alter table concern add column search_vector tsvector generated always as (
    setweight(to_tsvector('english'::regconfig, coalesce(title, '') || ' ' || key || ' ' || replace(key, '-', ' ')), 'A')
    || setweight(to_tsvector('english'::regconfig, coalesce(body, '')), 'B')
    || setweight(to_tsvector('english'::regconfig, coalesce(blocking_reason, '') || ' '
                 || coalesce(status_note, '')), 'C')) stored;
create index concern_search_idx on concern using gin (search_vector);

alter table concern_response add column search_vector tsvector generated always as (
    to_tsvector('english'::regconfig, coalesce(body, ''))) stored;
create index concern_response_search_idx on concern_response using gin (search_vector);

alter table resolution add column search_vector tsvector generated always as (
    to_tsvector('english'::regconfig, coalesce(statement, ''))) stored;
create index resolution_search_idx on resolution using gin (search_vector);

alter table follow_up add column search_vector tsvector generated always as (
    setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
    || setweight(to_tsvector('english'::regconfig, coalesce(drop_reason, '')), 'C')) stored;
create index follow_up_search_idx on follow_up using gin (search_vector);

-- People by name, handle and email (the address also as its parts: 'viro', 'zeniv.linux.org.uk').
alter table person add column search_vector tsvector generated always as (
    setweight(to_tsvector('english'::regconfig, coalesce(name, '') || ' ' || handle), 'A')
    || setweight(to_tsvector('english'::regconfig, coalesce(email, '') || ' '
                 || replace(replace(coalesce(email, ''), '@', ' '), '.', ' ')), 'B')
    || setweight(to_tsvector('english'::regconfig, coalesce(affiliation, '')), 'C')) stored;
create index person_search_idx on person using gin (search_vector);

alter table subsystem add column search_vector tsvector generated always as (
    setweight(to_tsvector('english'::regconfig, name || ' ' || slug || ' ' || replace(slug, '-', ' ')), 'A')
    || setweight(to_tsvector('english'::regconfig, coalesce(mailing_list, '')), 'C')) stored;
create index subsystem_search_idx on subsystem using gin (search_vector);

-- A person's feed: what their account did.
create index audit_entry_actor_idx on audit_entry (actor, occurred_at desc, id desc);
