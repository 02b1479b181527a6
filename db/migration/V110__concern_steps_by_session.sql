-- The proposal page shows the last few steps of each concern it lists, in the order the sessions they were taken in
-- were held: through these indexes it counts a concern's steps session by session without reading the rows, then
-- reads each kind's last few in its latest sessions backwards, instead of sorting all of them (11,385 answers to one
-- concern of the skewed data set). They carry what those narrow rows need; status changes that opened a concern
-- (no from_status) are not steps.
create index concern_response_concern_session_idx on concern_response (concern_id, session_id, created_at, id)
  include (author_id);
create index concern_status_change_concern_session_idx on concern_status_change (concern_id, session_id, changed_at, id)
  include (changed_by_id, to_status) where from_status is not null;
