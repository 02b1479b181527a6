-- The person page's latest concerns raised and first follow-ups owned, read from the end (or the start) of an
-- index in the order the page shows them: for someone who raised 20,000 concerns or owns 10,000 follow-ups, the
-- page reads 20 rows instead of all of them.
create index concern_raised_by_created_idx on concern (raised_by_id, created_at desc, id desc);
create index follow_up_owner_due_idx on follow_up (owner_id, due_on nulls last, id);
