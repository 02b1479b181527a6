-- A concern's step (a status change, a response) written without its session, as older backups, data generators and
-- other direct writers do, is taken in the session the concern was raised in (what V67 gave the steps before it).
create function concern_step_session() returns trigger language plpgsql as $$
begin
    if new.session_id is null then
        new.session_id := (select c.session_id from concern c where c.id = new.concern_id);
    end if;
    return new;
end
$$;

create trigger concern_status_change_session before insert on concern_status_change
    for each row execute function concern_step_session();
create trigger concern_response_session before insert on concern_response
    for each row execute function concern_step_session();
