-- Where a subsystem came from: when a MAINTAINERS import first named it (added it, or matched one already here);
-- null when none did as far as is known (made by hand, or by the demo). The import page counts the subsystems a new
-- file no longer names among those only: a subsystem made by hand was never in a MAINTAINERS file to be dropped from.
alter table subsystem add column imported_at timestamptz;

-- Subsystems imported before, where it can be told: only the import records a subsystem's files (F: and X:
-- patterns), so one with patterns was named by an import, the first one logged since it was made (the import's
-- audit entry is written in the transaction that made it, at the same time), else when it was made.
update subsystem s
set imported_at = coalesce((select min(a.occurred_at) from audit_entry a
                            where a.action = 'MAINTAINERS_IMPORTED' and a.occurred_at >= s.created_at), s.created_at)
where exists (select 1 from subsystem_file_pattern f where f.subsystem_id = s.id);
