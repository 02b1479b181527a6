-- A proposal followed across summits (issue 14): a concern raised in 2021 may be answered in 2024 and resolved in 2025.
-- Each step of a concern's life (a status change, a response) records the session it was taken in, so the proposal
-- page says when (at which summit) each concern was answered and resolved, not only when it was typed in. Steps taken
-- before this were taken at the concern's own page: the session it was raised in.
-- The change stamp's deferred triggers fire at each statement's end here, so a table updated below can be altered.
set constraints all immediate;

alter table concern_status_change add column session_id bigint references summit_session (id);
update concern_status_change h set session_id = (select c.session_id from concern c where c.id = h.concern_id);
alter table concern_status_change alter column session_id set not null;
create index concern_status_change_session_idx on concern_status_change (session_id);

alter table concern_response add column session_id bigint references summit_session (id);
update concern_response r set session_id = (select c.session_id from concern c where c.id = r.concern_id);
alter table concern_response alter column session_id set not null;
create index concern_response_session_idx on concern_response (session_id);

-- A change to a proposal (its status above all: accepted at the 2025 summit) may say the session that decided it.
alter table proposal_change add column session_id bigint references summit_session (id);
create index proposal_change_session_idx on proposal_change (session_id);
