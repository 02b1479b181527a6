-- Rows inserted with ids of their own (a bulk load, a generated data set) while the application runs left a table's
-- identity sequence behind its largest id, and every row the application created next failed on the primary key
-- until the next start moved the sequence (afterMigrate__identity_sequences_past_their_data.sql). This function,
-- run once after each insert statement on every table with an identity column (the callback gives each such table
-- its trigger, so a table added later gets one too), moves the sequence past the largest id the statement wrote.
-- A row created by the application takes its id from the sequence, so its statement leaves the sequence alone.
-- tg_argv[0] names the sequence; the inserted rows are the statement's transition table.
create function identity_past_inserted_rows() returns trigger language plpgsql as $$
declare
    largest bigint;
begin
    select max(id) into largest from inserted;
    if largest is not null and largest > coalesce(pg_sequence_last_value(tg_argv[0]::regclass), 0) then
        perform setval(tg_argv[0], largest);
    end if;
    return null;
end $$;
