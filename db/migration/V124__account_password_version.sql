-- How many times an account's password was set since it was created: the own-password
-- form is stale only when the password changed since it was opened, not when anything
-- else of the account did (its roles, its state, its person), which moves
-- account.version.
alter table account add column password_version bigint not null default 0;
