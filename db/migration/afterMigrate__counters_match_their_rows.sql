-- Runs after every migrate, so at every start (Flyway's afterMigrate callback; no version, no history row), after
-- afterMigrate__identity_sequences_past_their_data.sql (the callbacks run in their names' order).
-- A concern's number of steps (concern.steps, V111) and a position's number of changes (position.changes, V112) are
-- kept by statement triggers, whoever writes. Rows loaded while triggers could not fire (a data-only restore with
-- triggers disabled, `session_replication_role = replica`) leave them behind their rows, and the proposal page's
-- timeline would count pages that are not there, or miss some. Each counter that differs from its rows' count is set
-- to it; the others are not written (normally none is: two index-only counts, about a second at summit scale).
-- A migration stopped at an earlier target (MigrationTests) has no such column yet.
do $$
begin
    if exists (select 1 from pg_attribute where attrelid = to_regclass('concern') and attname = 'steps'
               and not attisdropped) then
        with counted as (
            select k.id, coalesce(s.n, 0) as n
            from concern k
            left join (select concern_id, sum(n) as n
                       from (select concern_id, count(*) as n from concern_status_change
                             where from_status is not null group by concern_id
                             union all
                             select concern_id, count(*) from concern_reraise group by concern_id
                             union all
                             select concern_id, count(*) from concern_response group by concern_id) u
                       group by concern_id) s on s.concern_id = k.id
            where k.steps <> coalesce(s.n, 0))
        update concern k set steps = counted.n from counted where k.id = counted.id;
    end if;
    if exists (select 1 from pg_attribute where attrelid = to_regclass('position') and attname = 'changes'
               and not attisdropped) then
        with counted as (
            select p.id, coalesce(c.n, 0) as n
            from position p
            left join (select position_id, count(*) as n from position_change group by position_id) c
                   on c.position_id = p.id
            where p.changes <> coalesce(c.n, 0))
        update position p set changes = counted.n from counted where p.id = counted.id;
    end if;
end $$;
