-- What a session decides is read from its main proposal's statement from now on (issue 14: the session's own
-- free-text proposal is retired as a source; the session form's text goes into the main proposal's statement). So
-- that nothing is lost, a main proposal whose statement is empty takes its session's text. The session's column
-- stays: it is the text of a session that discusses no proposal yet (its main one is made from it on first need), and
-- the sessions' search reads it.

set constraints all immediate;

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
