-- A change stamp for each table: the value the change stamp (V5) took at the last committed write to the table.
-- The change stamp says whether anything changed; a table's stamp says whether that table did. A read kept by the
-- stamps of the tables it names (README "Reads kept by the tables they read") is read again only when one of them
-- was written: a note taken in a session leaves the session's concerns, buy-in and follow-ups as they were read.
--
-- Kept by the same trigger function as the change stamp, so whoever writes moves it, once per table and
-- transaction, at the commit (TRUNCATE too, and writes as a replica: V115). A table added later has no row here
-- until it is first written (the trigger adds it), so its reads are not kept until then.

create table table_stamp (
    table_name text   primary key,
    stamp      bigint not null
);

insert into table_stamp (table_name, stamp)
select c.relname::text, (select stamp from change_stamp)
from pg_trigger g
join pg_class c on c.oid = g.tgrelid
where g.tgname = 'change_stamp' and c.relnamespace = current_schema()::regnamespace;

create or replace function change_stamp_move() returns trigger language plpgsql as $$
begin
    if current_setting('summit.change_stamp_moved', true) is distinct from 'yes' then
        update change_stamp
        set stamp = stamp + 1,
            changed_at = greatest(date_trunc('second', clock_timestamp()), changed_at + interval '1 second');
        perform set_config('summit.change_stamp_moved', 'yes', true);
    end if;
    if current_setting('summit_table_moved.' || tg_table_name, true) is distinct from 'yes' then
        insert into table_stamp (table_name, stamp)
        values (tg_table_name, (select stamp from change_stamp))
        on conflict (table_name) do update set stamp = excluded.stamp;
        perform set_config('summit_table_moved.' || tg_table_name, 'yes', true);
    end if;
    return null;
end
$$;
