-- The mail a mail-given conditional ack's condition was given in, and the series version it was given on: the
-- reply stating it, or, for an ack the author carried forward unchanged, the earlier reply it kept the condition
-- of (a reply on v1 and the v2 patch carrying it, imported as one thread: the position rests on the patch, the
-- condition was given in the reply). An import of a later version carrying the ack again links that reply.
alter table position
    add column mail_condition_message_id varchar(500),
    add column mail_condition_given_on   integer,
    add constraint position_mail_condition_ck check ((mail_condition_message_id is null) = (mail_condition_given_on is null)),
    add constraint position_mail_condition_by_mail_ck check (mail_condition_message_id is null or mail_message_id is not null);

-- Positions imported before, where it can be told: a reply's condition was given in the reply itself; an ack
-- carried forward kept the condition of the oldest mail of its history since it last stood otherwise (not by
-- mail, not with this condition), first given on the version its mail says. An ack carried forward whose history
-- holds no earlier mail keeps null: its condition is read as given in the mail it rests on, as before.
update position p
set mail_condition_message_id = coalesce(e.earlier, p.mail_message_id),
    mail_condition_given_on   = case when e.earlier is not null then coalesce(p.mail_first_given_on, p.mail_version)
                                     else p.mail_version end
from (select x.id,
             (select o.mail_message_id from position_change o
              where o.position_id = x.id and x.mail_carried and o.mail_message_id <> x.mail_message_id
                and not exists (select 1 from position_change b
                  where b.position_id = x.id and (b.changed_at, b.id) >= (o.changed_at, o.id)
                    and (b.entry_method <> 'BY_MAIL' or b.new_stance is distinct from 'SUPPORTS_WITH_CONDITIONS'
                      or b.conditions is distinct from x.conditions or b.mail_message_id is null))
              order by o.changed_at, o.id limit 1) as earlier
      from position x
      where x.entry_method = 'BY_MAIL' and x.stance = 'SUPPORTS_WITH_CONDITIONS' and x.conditions is not null
        and x.mail_message_id is not null and x.mail_version is not null) e
where p.id = e.id and (p.mail_carried is not true or e.earlier is not null);
