-- A session may discuss several proposals (issue 14): a resolution may say which one it decides, so the proposal's page
-- shows its own resolutions on its timeline, not those about another proposal of the same session. None (the
-- resolutions before this, and any not about one proposal) means the session's proposals as a whole.
alter table resolution add column proposal_id bigint references proposal (id);
create index resolution_proposal_idx on resolution (proposal_id);
