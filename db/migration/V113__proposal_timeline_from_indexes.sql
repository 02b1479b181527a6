-- The proposal page's timeline on the skewed data set (5,000 concerns and 5,000 positions on one proposal, its
-- concerns' rows on 2,122 pages, rewritten as their steps came): the statement took 50 to 60 ms, 40 of them reading
-- those 2,122 pages wherever they were first read.
--
-- Its number of entries sums position.changes (V112) and concern.steps (V111) over the proposal's positions and
-- concerns: from these indexes a few dozen index pages (23 to 30 for 5,000 rows, about 1 ms) where the tables' pages
-- are all-visible (vacuumed), instead of every row's page. Its first concerns raised in a session (the proposal's and
-- the session's, in order, the first few) are read in order from the second, 50 rows, where concern_proposal_idx or
-- concern_session_idx gave all 5,000 to sort. With both, the statement took 4 to 11 ms.
create index position_proposal_changes_idx on position (proposal_id) include (changes);
create index concern_proposal_session_idx on concern (proposal_id, session_id, created_at, id) include (steps);
