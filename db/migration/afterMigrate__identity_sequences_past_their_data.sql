-- Runs after every migrate, so at every start (Flyway's afterMigrate callback; no version, no history row).
-- Rows loaded with ids of their own (a bulk load, a data-only restore, a data set generated with
-- generate_series) leave a table's identity sequence behind its largest id, and the next row created
-- through the application would fail on the primary key. Each such sequence is moved past its table's
-- largest id; one already past it is left alone. Each max() reads the primary key's index from its end.
do $$
declare
    identity record;
    largest bigint;
begin
    for identity in
        select c.oid::regclass as tab, a.attname as col, pg_get_serial_sequence(c.oid::regclass::text, a.attname) as seq
        from pg_attribute a
        join pg_class c on c.oid = a.attrelid
        where a.attidentity <> '' and not a.attisdropped and c.relkind = 'r'
          and c.relnamespace = current_schema()::regnamespace
    loop
        execute format('select max(%I) from %s', identity.col, identity.tab) into largest;
        if largest is not null and largest > coalesce(pg_sequence_last_value(identity.seq::regclass), 0) then
            perform setval(identity.seq, largest);
        end if;
    end loop;
end $$;
