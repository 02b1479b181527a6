-- Runs after every migrate, so at every start (Flyway's afterMigrate callback; no version, no history row).
-- 1. Every table with an identity column gets the statement trigger of V98 (identity_past_inserted_rows), which
--    moves its sequence past ids inserted while the application runs; a table added by a later migration gets it
--    here without having to remember it (once V98 is applied: a migration stopped at an earlier target has no
--    such function yet).
-- 2. Rows loaded with ids of their own while that trigger could not fire (a data-only restore with triggers
--    disabled, `session_replication_role = replica`, a load from before V98) leave a table's identity sequence
--    behind its largest id, and the next row created through the application would fail on the primary key.
--    Each such sequence is moved past its table's largest id; one already past it is left alone. Each max() reads
--    the primary key's index from its end.
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
        if identity.col = 'id' and to_regprocedure('identity_past_inserted_rows()') is not null
                and not exists (select 1 from pg_trigger t
                where t.tgrelid = identity.tab and t.tgname = 'identity_past_inserted_rows') then
            execute format('create trigger identity_past_inserted_rows after insert on %s '
                    || 'referencing new table as inserted for each statement '
                    || 'execute function identity_past_inserted_rows(%L)', identity.tab, identity.seq);
        end if;
        execute format('select max(%I) from %s', identity.col, identity.tab) into largest;
        if largest is not null and largest > coalesce(pg_sequence_last_value(identity.seq::regclass), 0) then
            perform setval(identity.seq, largest);
        end if;
    end loop;
end $$;
