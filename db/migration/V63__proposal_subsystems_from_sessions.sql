-- A proposal's readiness rests on the subsystems it affects itself (issue 14): until now every proposal held a copy
-- of its session's subsystems, made when proposals were introduced (V30), which the session's affected-subsystems
-- page did not update, while readiness was read from the session's set. From now on that page keeps its main
-- proposal's set in step, and a proposal that names no subsystem is read against its session's.
--
-- So that no readiness moves on upgrade, each proposal takes the set of the latest session that discusses it (the one
-- its page read its readiness from), where that session names any and the two differ; the change is kept in the
-- proposal's history, in words.

create temporary table latest_session on commit drop as
select distinct on (sp.proposal_id) sp.proposal_id, sp.session_id
from session_proposal sp
join summit_session ss on ss.id = sp.session_id
join event e on e.id = ss.event_id
order by sp.proposal_id, e.starts_on desc, ss.schedule_order desc, ss.id desc;

create temporary table drifted on commit drop as
select l.proposal_id, l.session_id,
       coalesce((select string_agg(s.slug, ', ' order by s.slug) from proposal_subsystem ps
                 join subsystem s on s.id = ps.subsystem_id where ps.proposal_id = l.proposal_id), 'none') as before,
       (select string_agg(s.slug, ', ' order by s.slug) from session_subsystem ss
        join subsystem s on s.id = ss.subsystem_id where ss.session_id = l.session_id) as after
from latest_session l
where exists (select 1 from session_subsystem ss where ss.session_id = l.session_id);

delete from drifted where before = after;

delete from proposal_subsystem ps using drifted d where ps.proposal_id = d.proposal_id;
insert into proposal_subsystem (proposal_id, subsystem_id)
select d.proposal_id, ss.subsystem_id from drifted d join session_subsystem ss on ss.session_id = d.session_id;

insert into proposal_change (proposal_id, changed_at, changed_by_username, summary)
select d.proposal_id, now(), 'migration',
       'subsystems: ' || d.before || ' → ' || d.after || ' (taken from the latest session that discusses it)'
from drifted d;
