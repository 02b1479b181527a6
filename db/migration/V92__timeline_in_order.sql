-- The proposal page reads a page of its timeline in the order it tells it: within each session that discussed the
-- proposal, the first notes, answers and concern status changes as they happened, a page's worth of each, from these
-- indexes alone (they carry what the timeline's narrow rows need), instead of reading and sorting all of them
-- (131,563 rows for a proposal of the skewed data set). The answers' and status changes' indexes on the session
-- alone are replaced: the new ones start with it.
create index discussion_note_session_time_idx on discussion_note (session_id, created_at, seq) include (speaker_id, kind, id);
create index concern_response_session_time_idx on concern_response (session_id, created_at, id)
  include (concern_id, author_id);
drop index concern_response_session_idx;
create index concern_status_change_session_time_idx on concern_status_change (session_id, changed_at, id)
  include (concern_id, changed_by_id, from_status, to_status);
drop index concern_status_change_session_idx;
