-- The address the trailer a mail-given position rests on gave (Acked-by: Name <address>), as written: the
-- exports print it, as kernel practice keeps the address the person used. Positions imported before keep null:
-- their person's primary email stands in.
alter table position add column mail_address varchar(254);
