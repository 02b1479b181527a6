-- What a session decides is read from its main proposal's statement from now on (issue 14: the session's own
-- free-text proposal is retired; the session form writes it into the main proposal). Nothing is lost on the way:
--  * a session that discusses no proposal yet gets its main one made from its text (as V30 did, and as the
--    application does on first need), affecting its subsystems;
--  * a main proposal whose statement is empty takes its session's text.
-- The session's column stays, in step with the form, for the sessions' search.

set constraints all immediate;

do $$
declare
    s   record;
    k   text;
    n   integer;
    pid bigint;
begin
    for s in select ss.id, ss.slug, ss.title, ss.proposal, ss.created_at, e.slug as event_slug
             from summit_session ss join event e on e.id = ss.event_id
             where not exists (select 1 from session_proposal sp where sp.session_id = ss.id)
             order by ss.id
    loop
        k := left(s.slug, 80);
        if exists (select 1 from proposal where key = k) then
            k := left(s.slug || '-' || s.event_slug, 80);
        end if;
        n := 2;
        while exists (select 1 from proposal where key = k) loop
            k := left(s.slug, 70) || '-' || n;
            n := n + 1;
        end loop;
        insert into proposal (key, title, statement, created_at, updated_at)
        values (k, s.title, coalesce(s.proposal, ''), s.created_at, s.created_at)
        returning id into pid;
        insert into session_proposal (session_id, proposal_id, seq, linked_at) values (s.id, pid, 1, s.created_at);
        insert into proposal_subsystem (proposal_id, subsystem_id)
        select pid, subsystem_id from session_subsystem where session_id = s.id;
        insert into proposal_change (proposal_id, changed_at, changed_by_username, summary)
        values (pid, now(), 'migration', 'made from the text of session ' || s.event_slug || '/' || s.slug);
    end loop;
end
$$;

with main as (
    select distinct on (sp.session_id) sp.session_id, sp.proposal_id
    from session_proposal sp
    order by sp.session_id, sp.seq
), filled as (
    update proposal p set statement = ss.proposal, updated_at = now()
    from main m join summit_session ss on ss.id = m.session_id
    where p.id = m.proposal_id and p.statement = '' and coalesce(ss.proposal, '') <> ''
    returning p.id, ss.event_id, ss.slug
)
insert into proposal_change (proposal_id, changed_at, changed_by_username, summary)
select f.id, now(), 'migration', 'statement taken from the text of session ' || e.slug || '/' || f.slug
from filled f join event e on e.id = f.event_id;
