-- V121 told the subsystems imported before it by their F:/X: patterns, which only the import records; a subsystem
-- whose entry had none was left as of unknown origin (null), as one made by hand. The audit trail tells more: an
-- import makes its subsystems and people in one transaction, so they share its start as their created_at (the
-- column's default, now()), and its entry, logged at its end, counts them ("Imported N MAINTAINERS entries: X
-- subsystems, P people and M maintainerships added"). The subsystems made at one moment are an import's when the
-- first import logged since counts exactly as many subsystems and as many people made at that moment, and none of
-- them was made by hand (SUBSYSTEM_CREATED in the trail); they were named by that import then. A subsystem an import
-- matched (made before, by hand) without patterns left nothing of its own behind, and stays unknown.
with imports as (
    select a.occurred_at,
           substring(a.summary from ': ([0-9]+) subsystems, ')::int as subsystems,
           substring(a.summary from ' subsystems, ([0-9]+) people and ')::int as people
    from audit_entry a
    where a.action = 'MAINTAINERS_IMPORTED'
), made_together as (
    select s.created_at, count(*) as subsystems
    from subsystem s
    group by s.created_at
), made_by_an_import as (
    select m.created_at, i.occurred_at
    from made_together m
    join lateral (select * from imports x where x.occurred_at >= m.created_at order by x.occurred_at limit 1) i on true
    where i.subsystems = m.subsystems
      and i.people = (select count(*) from person p where p.created_at = m.created_at)
      and not exists (select 1 from subsystem s join audit_entry h on h.entity_id = s.id
                      where s.created_at = m.created_at and h.entity_type = 'Subsystem'
                        and h.action = 'SUBSYSTEM_CREATED')
)
update subsystem s
set imported_at = m.occurred_at
from made_by_an_import m
where s.created_at = m.created_at and s.imported_at is null;
