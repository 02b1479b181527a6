-- How many steps each concern has taken since it was raised: its status changes (not the one that opened it), its
-- re-raises and its answers. The proposal page's timeline says "Page 1 of 2,632": counting those steps concern by
-- concern through their indexes took about 40 ms for a proposal of the skewed data set (130,000 answers to 5,000
-- concerns); summing this column over the proposal's concerns reads 5,000 rows.
--
-- The database keeps it, whoever writes (the application, a script, psql, a backup being loaded): after each
-- statement that inserts, updates or deletes steps, one update adds to each concern the steps the statement added
-- and takes away those it removed (the statement's transition tables). It moves with the steps in the same
-- transaction, so it never differs from count(*) (ConcernStepsCountTests). A backup leaves it out: its steps count
-- it again as they are loaded.
alter table concern add column steps bigint not null default 0;

-- Concern by concern in the table's order, so that a proposal's concerns stay on as few pages as they were on (an
-- update joined to the counts wrote them in the join's order: 3,385 pages for a proposal's 5,000 concerns, not 309).
update concern k
set steps = (select count(*) from concern_status_change h where h.concern_id = k.id and h.from_status is not null)
    + (select count(*) from concern_reraise x where x.concern_id = k.id)
    + (select count(*) from concern_response a where a.concern_id = k.id);

-- tg_argv[0]: which of the table's rows are steps (a condition on them).
create function concern_steps_follow() returns trigger language plpgsql as $$
declare
    moved text;
begin
    moved := case tg_op
        when 'INSERT' then format('select concern_id, 1 as n from added where %s', tg_argv[0])
        when 'DELETE' then format('select concern_id, -1 as n from removed where %s', tg_argv[0])
        else format('select concern_id, 1 as n from added where %1$s '
                    'union all select concern_id, -1 as n from removed where %1$s', tg_argv[0])
    end;
    execute format('update concern k set steps = k.steps + d.n '
                   'from (select concern_id, sum(n) as n from (%s) u group by concern_id having sum(n) <> 0) d '
                   'where k.id = d.concern_id', moved);
    return null;
end $$;

-- Each table of steps: after each statement inserting, updating or deleting its rows.
do $$
declare
    t text;
    steps text;
begin
    foreach t in array array['concern_status_change', 'concern_reraise', 'concern_response'] loop
        steps := case t when 'concern_status_change' then 'from_status is not null' else 'true' end;
        execute format('create trigger concern_steps_added after insert on %I referencing new table as added '
                       'for each statement execute function concern_steps_follow(%L)', t, steps);
        execute format('create trigger concern_steps_changed after update on %I '
                       'referencing old table as removed new table as added '
                       'for each statement execute function concern_steps_follow(%L)', t, steps);
        execute format('create trigger concern_steps_removed after delete on %I referencing old table as removed '
                       'for each statement execute function concern_steps_follow(%L)', t, steps);
    end loop;
end
$$;
