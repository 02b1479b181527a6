-- A concern's status change records the account that made it, by username, as resolution and follow-up changes
-- do (V4): an organizer's account need not belong to a person, and such a change was recorded as the raiser's.
-- The person stays for an account that has one. Earlier rows name their person's account, or its handle.
alter table concern_status_change alter column changed_by_id drop not null;
alter table concern_status_change add column changed_by varchar(64);
update concern_status_change h
   set changed_by = coalesce((select a.username from account a where a.person_id = h.changed_by_id order by a.id limit 1),
                             (select p.handle from person p where p.id = h.changed_by_id));
alter table concern_status_change alter column changed_by set not null;
