-- Buy-in timeline: every position change belongs to its session (for the per-session timeline) and says what
-- kind of change it was; a withdrawal is a change without a new stance, never a delete.

alter table position_change add column session_id bigint references summit_session (id);
update position_change c set session_id = p.session_id from position p where p.id = c.position_id;
alter table position_change alter column session_id set not null;

alter table position_change add column kind varchar(20);
update position_change set kind = case when old_stance is null then 'STATED' else 'CHANGED' end;
alter table position_change alter column kind set not null;

alter table position_change
    add constraint position_change_kind_ck check (kind in ('STATED', 'CHANGED', 'CONFIRMED', 'WITHDRAWN')),
    add constraint position_change_old_stance_ck check (old_stance in ('SUPPORTS', 'SUPPORTS_WITH_CONDITIONS', 'NO_OBJECTION', 'UNDECIDED', 'CONCERNED', 'OPPOSES')),
    add constraint position_change_new_stance_ck check (new_stance in ('SUPPORTS', 'SUPPORTS_WITH_CONDITIONS', 'NO_OBJECTION', 'UNDECIDED', 'CONCERNED', 'OPPOSES')),
    add constraint position_change_withdrawn_ck check ((kind = 'WITHDRAWN') = (new_stance is null));

-- The session's timeline, newest first, and one person's entries.
create index position_change_session_idx on position_change (session_id, changed_at desc, id desc);
-- A position's timeline newest first is served by position_change_position_idx read backwards.

create index position_session_idx on position (session_id, updated_at desc);
