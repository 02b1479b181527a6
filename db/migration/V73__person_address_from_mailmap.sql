-- Addresses a .mailmap import gives a person are kept as such (issue 15), not as added by hand.
alter table person_address drop constraint person_address_source_ck;
alter table person_address add constraint person_address_source_ck
    check (source in ('MAINTAINERS', 'MAIL', 'MANUAL', 'MAILMAP'));
