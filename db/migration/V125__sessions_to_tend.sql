-- The sessions an organizer still has to tend ("Waiting on me", /me): planned, held, or with minutes in draft.
-- They are few next to the sessions whose minutes are final or that were cancelled, so the index holds them alone.
create index summit_session_to_tend_idx on summit_session (event_id, schedule_order, id)
  where status in ('PLANNED', 'HELD', 'MINUTES_DRAFT');
