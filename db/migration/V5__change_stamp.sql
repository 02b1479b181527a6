-- The change stamp: one number that every committed write to the application's tables moves on, kept by the
-- database itself (whoever writes: any application instance, a script, psql). Pages and exports derive their ETag
-- and Last-Modified from it, and the cache of rendered pages is keyed by it, so no instance ever serves a page
-- older than the last write it shows.
--
-- The stamp moves once per transaction, at its commit (a deferred constraint trigger): the row is locked only for
-- the moment of the commit, so writers never deadlock on it, and a reader that reads the stamp before the data sees
-- data at least as new as the stamp. changed_at moves forward by at least a second each time, so that
-- Last-Modified (whole seconds) changes with every stamp.

create table change_stamp (
    id         boolean     primary key default true,
    stamp      bigint      not null,
    changed_at timestamptz not null,
    constraint change_stamp_one_row check (id)
);
insert into change_stamp (id, stamp, changed_at) values (true, 1, date_trunc('second', clock_timestamp()));

create function change_stamp_move() returns trigger language plpgsql as $$
begin
    if current_setting('summit.change_stamp_moved', true) is distinct from 'yes' then
        update change_stamp
        set stamp = stamp + 1,
            changed_at = greatest(date_trunc('second', clock_timestamp()), changed_at + interval '1 second');
        perform set_config('summit.change_stamp_moved', 'yes', true);
    end if;
    return null;
end
$$;

-- Every table of the application but the stamp itself, Flyway's history and HTTP sessions (spring_session*:
-- written on every signed-in request, and shown on no page). A table added later gets the same trigger in its own
-- migration (ChangeStampTests fails for a table without it):
--   create constraint trigger change_stamp after insert or update or delete on <table>
--       deferrable initially deferred for each row execute function change_stamp_move();
do $$
declare
    t text;
begin
    for t in select tablename from pg_tables
             where schemaname = current_schema() and tablename not in ('change_stamp', 'flyway_schema_history')
               and tablename not like 'spring\_session%'
    loop
        execute format('create constraint trigger change_stamp after insert or update or delete on %I '
                       'deferrable initially deferred for each row execute function change_stamp_move()', t);
    end loop;
end
$$;
