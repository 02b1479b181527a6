-- The change stamp moves on every write, whoever writes (V5), also on two kinds of write its row triggers miss:
--
-- * TRUNCATE fires no row trigger. A statement trigger on each table moves the stamp too, so emptying a table
--   with psql cannot leave a reader with a cached page of the rows it removed.
-- * With session_replication_role = replica (a logical replica applying changes, or a bulk load run that way to
--   skip foreign keys), triggers enabled the ordinary way do not fire. The stamp's triggers are enabled ALWAYS,
--   so they fire then too. (The counters' triggers of V111 and V112 are not: such a load brings the counters
--   with it, and afterMigrate__counters_match_their_rows.sql counts them again at the next start.)
--
-- A table added later gets both in its own migration (ChangeStampTests fails for a table without them):
--   create trigger change_stamp_truncate after truncate on <table> for each statement execute function change_stamp_move();
--   alter table <table> enable always trigger change_stamp;
--   alter table <table> enable always trigger change_stamp_truncate;
do $$
declare
    t regclass;
begin
    for t in select g.tgrelid::regclass from pg_trigger g
             join pg_class c on c.oid = g.tgrelid
             where g.tgname = 'change_stamp' and c.relnamespace = current_schema()::regnamespace
    loop
        execute format('create trigger change_stamp_truncate after truncate on %s '
                       'for each statement execute function change_stamp_move()', t);
        execute format('alter table %s enable always trigger change_stamp', t);
        execute format('alter table %s enable always trigger change_stamp_truncate', t);
    end loop;
end
$$;
