-- How many changes each position has had (its history's entries: stated, changed, confirmed, withdrawn). The
-- proposal page's timeline counts them for "Page 1 of 2,632": counted position by position through their index, that
-- took about 50 ms under load for a proposal of the skewed data set (5,000 positions); summing this column over the
-- proposal's positions reads 5,000 rows.
--
-- The database keeps it as it keeps concern.steps (V111), whoever writes: after each statement that inserts, updates
-- or deletes changes, one update adds to each position the changes the statement added and takes away those it
-- removed (the statement's transition tables). It moves with the changes in the same transaction, so it never differs
-- from count(*) (ProposalBuyInTests, ApiWritesTests, MailImportPagesTests). A backup leaves it out: its changes count
-- it again as they are loaded (BackupTests).
alter table position add column changes bigint not null default 0;

-- Position by position in the table's order, so that a proposal's positions stay on the pages they were on.
update position p set changes = (select count(*) from position_change c where c.position_id = p.id);

create function position_changes_follow() returns trigger language plpgsql as $$
declare
    moved text;
begin
    moved := case tg_op
        when 'INSERT' then 'select position_id, 1 as n from added'
        when 'DELETE' then 'select position_id, -1 as n from removed'
        else 'select position_id, 1 as n from added union all select position_id, -1 as n from removed'
    end;
    execute format('update position p set changes = p.changes + d.n '
                   'from (select position_id, sum(n) as n from (%s) u group by position_id having sum(n) <> 0) d '
                   'where p.id = d.position_id', moved);
    return null;
end $$;

-- After each statement inserting, updating (a change moved to another position) or deleting changes. An update that
-- keeps every change's position adds and takes away as much, and writes nothing.
create trigger position_changes_added after insert on position_change referencing new table as added
    for each statement execute function position_changes_follow();
create trigger position_changes_changed after update on position_change
    referencing old table as removed new table as added
    for each statement execute function position_changes_follow();
create trigger position_changes_removed after delete on position_change referencing old table as removed
    for each statement execute function position_changes_follow();
