-- Readiness from bounded reads: the counts of a proposal's current positions (and its
-- opposers) from the index alone, and the first open blocking concerns of a proposal or
-- a session, with their number, without reading the closed or non-blocking ones.
create index position_proposal_current_idx on position (proposal_id, stance) include (person_id)
	where withdrawn_at is null;
create index concern_proposal_open_blocking_idx on concern (proposal_id, created_at, id)
	where status = 'OPEN' and blocking;
create index concern_session_open_blocking_idx on concern (session_id, created_at, id)
	where status = 'OPEN' and blocking;
