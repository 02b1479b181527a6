-- Buy-in from mail (issue 15), continued: an import names the proposal it is about (one the session discusses), and
-- a mail-given position says when a newer version of its series was posted since the one it was given on.

-- Imports before this one were about the session's main proposal.
alter table mail_import add column proposal_id bigint references proposal (id);
update mail_import m set proposal_id = (select sp.proposal_id from session_proposal sp
                                         where sp.session_id = m.session_id order by sp.seq limit 1);
create index mail_import_proposal_ix on mail_import (proposal_id, latest_version);

-- "Given on v3, v4 posted since": set when an import of the series holds a newer version than the one the position
-- rests on; cleared when the position is carried in that version or given again.
alter table position
    add column mail_posted_since integer,
    add constraint position_mail_posted_since_ck
        check (mail_posted_since is null or (mail_version is not null and mail_posted_since > mail_version));
