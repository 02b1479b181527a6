-- A summit-scale data set with skew (issue 18, "generated independently"): the same totals as
-- scripts/summit-scale.sql (100 events, 10,000 sessions, 5,000 people, 1,000 subsystems, 100,000 concerns,
-- 300,000 responses, 300,000 positions with history, 50,000 follow-ups) but shaped the way a real summit's data
-- would be, written from the schema (db/migration), not from the uniform generator:
--   * event skew-1 holds 1,000 sessions, the other 99 events share 9,000 unevenly (1 to ~500 sessions);
--   * sessions skew-1/s-1..s-3 each hold 5,000 concerns and 4,999 positions (every person but one), s-1 also
--     2,000 discussion notes, 500 resolutions and 10,000 follow-ups; the other concerns and positions fall on
--     sessions by a power law (the 4th session gets ~1% of them, thousands get none);
--   * person "hub" (id 1 of this data) maintains 300 subsystems, speaks in 3,000 sessions, raised 20,000
--     concerns, wrote 30,000 responses, owns 10,000 follow-ups; subsystem "crowded" has 400 maintainers and is
--     affected by 2,000 sessions; concern 1 has 5,000 responses; position 1 has 500 changes;
--   * titles at the schema's limit (200 characters), bodies and notes of 10 KB, unicode (accents, CJK, RTL,
--     emoji, combining marks), markup-looking text (script tags, ampersands, quotes) and Markdown;
--   * NULL in every nullable column somewhere (emails, affiliations, locations, descriptions, schedules, leads,
--     summaries, due dates, mailing lists);
--   * dates from 1970 to 2099; 45,000 follow-ups due the same day, 5,000 without a due date; audit entries by the
--     thousand at the same instant.
--
-- Run it on an empty database the application has migrated:
--   scripts/generate-summit-scale --skewed <database>
-- or psql -v ON_ERROR_STOP=1 -d <database> -f scripts/summit-scale-skewed.sql. Plain SQL, deterministic
-- (hashes of row numbers, no random()).

-- u(i, salt): a uniform number in [0, 1) from a hash, the same on every run.
create function pg_temp.u(bigint, int) returns float8 language sql immutable
as $$ select (hashint8($1 * 1000003 + $2) & 2147483647)::float8 / 2147483648 $$;

-- Long texts: a 200-character title, a 10 KB body with Markdown, markup-looking text and unicode.
create function pg_temp.title(text, bigint) returns text language sql immutable as $$
  select left($1 || ' ' || $2 || ' — <script>alert("x")</script> & “quotes” ‘single’ Ünïcødé 日本語のタイトル '
      || 'עברית مرحبا 🚀🔥 e' || chr(769) || ' **bold** `code` [link](javascript:alert(1)) '
      || repeat('très long titre ', 12), 200) $$;
create function pg_temp.big(text, bigint) returns text language sql immutable as $$
  select $1 || ' ' || $2 || E'\n\n# Heading <h1>not html</h1>\n\n' || repeat(
      E'A paragraph with *emphasis*, __strong__, `inline code`, a [link](https://example.org/?a=1&b=<2>) and '
      || E'<script>document.title="owned"</script> plus &amp; &lt; entities, Ελληνικά, 中文, emoji 🧪.\n\n'
      || E'- item one\n- item <b>two</b>\n\n```\ncode block { }\n```\n\n> quote\n\n', 30) $$;

create temp table sk_n as
select 5000 as people, 1000 as subsystems, 100 as events, 10000 as sessions;

-- People: person 1 is the hub; every fifth without an email, every third without an affiliation.
insert into person (id, handle, name, email, affiliation, created_at)
select i, case when i = 1 then 'hub' else 'p' || i end,
       case when i = 1 then 'Hub Ŧhe Busiest Maintainer'
            when i % 97 = 0 then pg_temp.title('Person', i)
            else (array['Ødegård', '李', 'Ñúñez', 'O''Brien', 'Smith <script>', 'Dvořák', 'محمد', 'Zoë & Co'])[1 + i % 8]
                 || ' ' || i end,
       case when i % 5 <> 0 then 'p' || i || '@example.net' end,
       case when i % 3 <> 0 then (array['ACME & Sons', '<b>Bold Inc</b>', 'Universität'])[1 + i % 3] end,
       timestamptz '1970-01-01 00:00Z' + i * interval '1 day'
from sk_n n, generate_series(1, n.people) i;

-- Subsystems: 1 is "crowded"; every seventh without a mailing list; every status.
insert into subsystem (id, slug, name, status, mailing_list, created_at)
select i, case when i = 1 then 'crowded' else 'sub-' || i end,
       case when i % 50 = 0 then pg_temp.title('Subsystem', i) else 'Subsystem ' || i || ' — Ärea' end,
       (array['SUPPORTED', 'MAINTAINED', 'ODD_FIXES', 'ORPHAN', 'OBSOLETE', 'UNKNOWN'])[1 + i % 6],
       case when i % 7 <> 0 then 'sub-' || i || '@lists.example.net' end, timestamptz '1999-12-31 23:59Z'
from sk_n n, generate_series(1, n.subsystems) i;

-- Maintainers: 400 on "crowded", the hub on 300 subsystems, 0 to 3 others elsewhere.
insert into maintainership (person_id, subsystem_id, role)
select p, 1, case when p % 4 = 0 then 'REVIEWER' else 'MAINTAINER' end from generate_series(2, 401) p
union all
select 1, s, 'MAINTAINER' from generate_series(1, 300) s
union all
select distinct 2 + floor(pg_temp.u(s * 4 + k, 1) * 4999)::int, s,
       case when k = 3 then 'REVIEWER' else 'MAINTAINER' end
from generate_series(2, 1000) s, generate_series(0, 3) k
where k < floor(pg_temp.u(s, 2) * 4) and s > 300
on conflict do nothing;

-- Events: 1 holds 1,000 sessions; dates from 1970 to 2099; every fourth without location or description.
insert into event (id, slug, name, starts_on, ends_on, location, description, status, created_at)
select i, 'skew-' || i, case when i % 10 = 0 then pg_temp.title('Event', i) else 'Skewed Summit ' || i || ' ☃' end,
       date '1970-01-01' + (i - 1) * 475, date '1970-01-01' + (i - 1) * 475 + (i % 5) * 30,
       case when i % 4 <> 0 then (array['Zürich', 'São Paulo', '東京', '<Montréal>'])[1 + i % 4] end,
       case when i % 4 = 1 then pg_temp.big('Event description', i) when i % 4 = 2 then '' end,
       case when i < 90 then 'HELD' when i = 100 then 'ARCHIVED' else 'UPCOMING' end,
       timestamptz '1970-01-01 00:00Z' + (i - 1) * interval '475 days'
from generate_series(1, 100) i;

-- Sessions 1..1,000 in event 1; the rest in events 2..100 by a power law (event 2 gets the most).
create temp table sk_session as
select i as id,
       case when i <= 1000 then 1 else 2 + floor(99 * power(pg_temp.u(i, 3), 2))::int end as event_id, i
from generate_series(1, 10000) i;
alter table sk_session add column k int;
update sk_session s set k = r.k
from (select id, row_number() over (partition by event_id order by id) as k from sk_session) r where r.id = s.id;

insert into summit_session (id, event_id, slug, title, scheduled_at, schedule_order, status, proposal, summary,
                            lead_id, minutes_final_at, day, duration_minutes, room, created_at)
select s.id, s.event_id, 's-' || s.k,
       case when s.id % 3 = 0 or s.id <= 3 then pg_temp.title('Session', s.id) else 'Session ' || s.id end,
       case when s.id % 5 <> 0 then e.starts_on + (s.k % 7) * interval '1 day' + interval '8 hours'
                                     + (s.k / 7 % 20) * interval '30 minutes' end,
       case when s.id % 11 = 0 then 0 else s.k end,
       (array['PLANNED', 'HELD', 'CANCELLED', 'MINUTES_DRAFT', 'MINUTES_FINAL'])[1 + s.id % 5],
       case when s.id % 10 = 0 or s.id <= 3 then pg_temp.big('Proposal', s.id) else 'Proposal of ' || s.id end,
       case when s.id % 4 = 0 then null when s.id % 4 = 1 then pg_temp.big('Summary', s.id)
            else '## Summary' || chr(10) || '<iframe src=x></iframe> *ok*' end,
       case when s.id % 6 = 0 then null when s.id <= 3000 then 1 else 1 + floor(pg_temp.u(s.id, 4) * 5000)::int end,
       case when s.id % 5 = 4 then e.starts_on + interval '30 days' end,
       case when s.id % 5 <> 0 then e.starts_on + s.k % 7 end,
       case when s.id % 3 = 0 then 1 + s.id % 1440 end,
       case when s.id % 2 = 0 then 'Room ' || s.id % 9 || ' «Ω»' end,
       timestamptz '1970-01-01 00:00Z' + s.id * interval '1 hour'
from sk_session s join event e on e.id = s.event_id;

-- Participants: the hub speaks in sessions 1..3,000; 0 to 7 others elsewhere.
insert into session_participant (session_id, person_id, role)
select s, 1, 'SPEAKER' from generate_series(1, 3000) s
union all
select s.id, 2 + floor(pg_temp.u(s.id * 8 + m, 5) * 4999)::int,
       (array['LEAD', 'SPEAKER', 'PARTICIPANT', 'NOTE_TAKER'])[1 + m % 4]
from sk_session s, generate_series(0, 7) m
where m < floor(pg_temp.u(s.id, 6) * 8)
on conflict do nothing;

-- Affected subsystems: "crowded" in 2,000 sessions, 0 to 4 others.
insert into session_subsystem (session_id, subsystem_id)
select s, 1 from generate_series(1, 2000) s
union
select s.id, 2 + floor(pg_temp.u(s.id * 5 + m, 7) * 999)::int
from sk_session s, generate_series(0, 4) m
where m < floor(pg_temp.u(s.id, 8) * 5);

-- One proposal a session (concerns and positions need one).
insert into proposal (id, key, title, statement, status, created_at, updated_at)
select s.id, 'skew-proposal-' || s.id, ss.title, ss.proposal,
       (array['OPEN', 'ACCEPTED', 'REJECTED', 'WITHDRAWN'])[1 + s.id % 4], ss.created_at, ss.created_at
from sk_session s join summit_session ss on ss.id = s.id;
insert into session_proposal (session_id, proposal_id, seq, linked_at)
select id, id, 1, timestamptz '1970-01-01 00:00Z' from sk_session;
insert into proposal_subsystem (proposal_id, subsystem_id)
select session_id, subsystem_id from session_subsystem;

-- Discussion notes: 2,000 in session 1 (every tenth of 10 KB), 0 to 12 elsewhere, the hub speaking often.
insert into discussion_note (session_id, seq, speaker_id, kind, body, created_at, updated_at, struck_at, struck_by,
                             strike_reason)
select x.session_id, x.seq, x.speaker, (array['REMARK', 'QUESTION', 'ANSWER', 'PROPOSAL', 'OBJECTION'])[1 + x.seq % 5],
       case when x.seq % 10 = 0 then pg_temp.big('Note', x.seq) else 'Note ' || x.seq || ' <em>said</em> → ✓' end,
       x.at, x.at, case when x.seq % 50 = 7 then x.at end, case when x.seq % 50 = 7 then 'organizer' end,
       case when x.seq % 50 = 7 then 'Off the record <script>' end
from (select 1 as session_id, j as seq, case when j % 3 = 0 then 1 else 2 + j % 4999 end as speaker,
             timestamptz '1970-01-01 09:00Z' + j * interval '10 seconds' as at
      from generate_series(1, 2000) j
      union all
      select s.id, j, case when s.id <= 3000 and j % 2 = 0 then 1
                           else 2 + floor(pg_temp.u(s.id * 13 + j, 9) * 4999)::int end,
             timestamptz '1970-01-01 09:00Z' + s.id * interval '1 hour' + j * interval '1 minute'
      from sk_session s, generate_series(1, 12) j
      where s.id > 1 and j <= floor(pg_temp.u(s.id, 10) * 13)) x;

-- Concerns: 5,000 in each of sessions 1..3, 85,000 over the others by a power law; the hub raised every fifth.
create temp table sk_concern as
select c as id,
       case when c <= 15000 then 1 + (c - 1) / 5000
            else 4 + floor(9996 * power(pg_temp.u(c, 11), 2))::int end as session_id
from generate_series(1, 100000) c;

insert into concern (id, session_id, key, title, category_id, raised_by_id, entered_by_id, body, blocking,
                     blocking_reason, status, status_note, revisit_on, created_at, updated_at, proposal_id)
select c.id, c.session_id, 'c-' || c.id,
       case when c.id % 4 = 0 then pg_temp.title('Concern', c.id) else 'Concern ' || c.id end,
       (select min(id) from concern_category) + c.id % 3,
       case when c.id % 5 = 0 then 1 else 1 + floor(pg_temp.u(c.id, 12) * 5000)::int end,
       case when c.id % 2 = 0 then 1 + floor(pg_temp.u(c.id, 13) * 5000)::int end,
       case when c.id % 100 = 0 then pg_temp.big('Concern body', c.id) when c.id % 7 = 0 then ''
            else 'Body of ' || c.id || ': <img src=x onerror=alert(1)> *md*' end,
       c.id % 9 = 0, case when c.id % 9 = 0 then 'Blocks <b>everything</b>' end,
       (array['OPEN', 'RESOLVED', 'WITHDRAWN', 'DEFERRED', 'OVERRULED', 'OPEN'])[1 + c.id % 6],
       case when c.id % 6 in (1, 2, 4) then 'Settled → ✓' end,
       case when c.id % 6 = 3 then date '2099-12-31' - (c.id % 3) end,
       -- 1970 to 2099, with thousands at the same instant
       case when c.id % 10 = 0 then timestamptz '2030-06-01 12:00Z'
            else timestamptz '1970-01-01 00:00Z' + c.id * interval '11 hours' end,
       timestamptz '2030-06-01 12:00Z', c.session_id
from sk_concern c;

insert into concern_subsystem (concern_id, subsystem_id)
select c.id, case when c.id % 3 = 0 then 1 else 2 + c.id % 999 end from sk_concern c where c.id % 4 <> 3;

insert into concern_status_change (concern_id, session_id, from_status, to_status, note, revisit_on, changed_by_id,
                                   changed_by, changed_at)
select c.id, c.session_id, null, 'OPEN', null, null, null, 'import', c.created_at
from concern c
union all
select c.id, c.session_id, 'OPEN', c.status, c.status_note, c.revisit_on, c.raised_by_id, 'organizer',
       c.created_at + interval '1 day'
from concern c where c.status <> 'OPEN';

-- Responses: 5,000 on concern 1, the rest by a power law over the concerns; the hub wrote every tenth.
insert into concern_response (concern_id, session_id, author_id, body, created_at)
select x.cid, c.session_id, case when x.r % 10 = 0 then 1 else 1 + floor(pg_temp.u(x.r, 14) * 5000)::int end,
       case when x.r % 500 = 0 then pg_temp.big('Response', x.r) else 'Response ' || x.r || ' — I “agree” <3' end,
       c.created_at + x.r * interval '1 second'
from (select r, case when r <= 5000 then 1 else 1 + floor(100000 * power(pg_temp.u(r, 15), 3))::int end as cid
      from generate_series(1, 300000) r) x
join concern c on c.id = x.cid;

-- Positions: 4,999 people in each of sessions 1..3 (all but the hub), the rest by a power law over sessions, each
-- session's people distinct (a consecutive run from a per-session start).
create temp table sk_position as
select row_number() over (order by session_id, j) as id, session_id, j,
       1 + (session_id * 7919 + j) % 5000 as person_id
from (select s as session_id, j from generate_series(1, 3) s, generate_series(1, 4999) j
      union all
      select x.session_id, row_number() over (partition by x.session_id order by x.q) as j
      from (select q, 4 + floor(9996 * power(pg_temp.u(q, 16), 2))::int as session_id
            from generate_series(1, 300000 - 3 * 4999) q) x) y;
-- Sessions 1..3 leave the hub out (it takes the one person the run skipped); elsewhere a session holds at most
-- ~2,900 positions, so its run of people never wraps onto itself.
update sk_position set person_id = 1 + (session_id * 7919) % 5000
where session_id <= 3 and person_id = 1;

insert into position (id, session_id, person_id, stance, conditions, rationale, speaks_for_id, entry_method,
                      entered_by_id, confirmed_at, withdrawn_at, updated_at, proposal_id, mail_trailer,
                      mail_message_id, mail_version, mail_note)
select p.id, p.session_id, p.person_id,
       (array['SUPPORTS', 'SUPPORTS_WITH_CONDITIONS', 'NO_OBJECTION', 'UNDECIDED', 'CONCERNED', 'OPPOSES'])[1 + p.id % 6],
       case when p.id % 6 = 1 then case when p.id % 60 = 1 then pg_temp.big('Conditions', p.id) else 'If <x> & y' end end,
       case when p.id % 6 = 5 then 'Because “reasons” 🙃' end,
       case when p.id % 13 = 0 then case when p.id % 2 = 0 then 1 else 1 + p.id % 1000 end end,
       (array['STATED_IN_SESSION', 'BY_MAINTAINER', 'BY_MAIL'])[1 + p.id % 3],
       p.person_id, case when p.id % 2 = 0 then timestamptz '2030-06-01 12:00Z' end,
       case when p.id % 17 = 0 then timestamptz '2031-01-01 00:00Z' end,
       timestamptz '1970-01-01 00:00Z' + p.id * interval '3 hours', p.session_id,
       case when p.id % 3 = 2 then (array['ACKED', 'REVIEWED', 'TESTED', 'NACKED'])[1 + p.id % 4] end,
       case when p.id % 3 = 2 then '<' || p.id || '@mail.example.net>' end,
       case when p.id % 3 = 2 then 1 + p.id % 9 end,
       case when p.id % 3 = 2 and p.id % 30 = 2 then 'Tested-by: <script>x</script>' end
from sk_position p;

insert into position_concern (position_id, concern_id)
select p.id, (select min(c.id) from concern c where c.session_id = p.session_id)
from sk_position p where p.id % 6 = 4 and p.session_id <= 3
union all
select p.id, c.id from sk_position p join lateral (select id from concern where session_id = p.session_id limit 1) c
on true where p.id % 6 = 4 and p.session_id > 3;

-- History: every position stated, a quarter changed, position 1 changed 500 times.
insert into position_change (position_id, session_id, kind, old_stance, new_stance, conditions, rationale,
                             cited_concerns, speaks_for_id, entry_method, entered_by_id, changed_at, mail_message_id)
select p.id, p.session_id, 'STATED', null, 'UNDECIDED', null, null, null, null, 'STATED_IN_SESSION', p.person_id,
       p.updated_at - interval '1 day', null
from position p
union all
select p.id, p.session_id, case when p.withdrawn_at is null then 'CHANGED' else 'WITHDRAWN' end, 'UNDECIDED',
       case when p.withdrawn_at is null then p.stance end, p.conditions, p.rationale,
       case when p.stance = 'CONCERNED' then 'c-' || p.id end, p.speaks_for_id, p.entry_method, p.entered_by_id,
       p.updated_at, p.mail_message_id
from position p where p.id % 4 = 0 or p.withdrawn_at is not null
union all
select 1, p.session_id, 'CHANGED', case when k % 2 = 0 then 'SUPPORTS' else 'OPPOSES' end,
       case when k % 2 = 0 then 'OPPOSES' else 'SUPPORTS' end, null, 'Flip ' || k || ' <i>again</i>', null, null,
       'BY_MAINTAINER', p.person_id, p.updated_at + k * interval '1 minute', null
from position p, generate_series(1, 500) k where p.id = 1;

-- Resolutions: 500 in session 1, one in every third session elsewhere.
insert into resolution (session_id, seq, statement, outcome, decided_on, revisit_on, created_at, updated_at,
                        proposal_id)
select x.session_id, x.seq, case when x.seq % 50 = 0 then pg_temp.big('Resolution', x.seq)
                                 else 'Resolved ' || x.seq || ' <u>x</u>' end,
       (array['AGREED', 'EXPERIMENT', 'REJECTED', 'DEFERRED', 'NO_CONSENSUS'])[1 + x.seq % 5],
       case when x.seq % 4 <> 0 then date '1971-01-01' + x.session_id end,
       case when x.seq % 5 = 3 then date '2099-01-01' end, timestamptz '2000-01-01 00:00Z',
       timestamptz '2000-01-01 00:00Z', case when x.seq % 2 = 0 then x.session_id end
from (select 1 as session_id, j as seq from generate_series(1, 500) j
      union all
      select s, 1 from generate_series(4, 10000, 3) s) x;

insert into resolution_concern (resolution_id, concern_id)
select r.id, (select min(c.id) from concern c where c.session_id = r.session_id) from resolution r
where exists (select 1 from concern c where c.session_id = r.session_id);

insert into resolution_change (resolution_id, kind, statement, outcome, decided_on, revisit_on, addressed_keys,
                               summary, changed_by, changed_at)
select id, 'RECORDED', statement, outcome, decided_on, revisit_on, '', 'Recorded <b>.</b>', 'organizer', created_at
from resolution;

-- Follow-ups: 10,000 in session 1, the rest by a power law; 45,000 due on 2027-03-01, 5,000 without a date; the
-- hub owns 10,000.
insert into follow_up (id, session_id, title, owner_id, due_on, status, drop_reason, concern_id, resolution_id,
                       created_at, updated_at)
select f, x.session_id, case when f % 5 = 0 then pg_temp.title('Follow-up', f) else 'Follow-up ' || f || ' ✔' end,
       case when f % 5 = 1 then 1 else 1 + floor(pg_temp.u(f, 17) * 5000)::int end,
       case when f % 10 <> 0 then date '2027-03-01' end,
       (array['OPEN', 'IN_PROGRESS', 'DONE', 'DROPPED'])[1 + f % 4],
       case when f % 4 = 3 then 'Dropped: <script>x</script>' end,
       case when f % 3 = 0 then (select min(c.id) from concern c where c.session_id = x.session_id) end,
       case when f % 7 = 0 then (select min(r.id) from resolution r where r.session_id = x.session_id) end,
       timestamptz '2026-01-01 00:00Z', timestamptz '2026-01-01 00:00Z'
from (select f, case when f <= 10000 then 1 else 4 + floor(9996 * power(pg_temp.u(f, 18), 2))::int end as session_id
      from generate_series(1, 50000) f) x;

insert into follow_up_change (follow_up_id, from_status, to_status, note, changed_by_id, changed_by, summary,
                              changed_at)
select id, null, 'OPEN', null, null, 'organizer', 'Assigned.', created_at from follow_up
union all
select id, 'OPEN', status, drop_reason, owner_id, 'organizer', 'Moved <b>on</b>.', updated_at + interval '1 hour'
from follow_up where status <> 'OPEN';

-- Audit: 100,000 entries, a tenth of them at the same instant, the hub acting in a fifth.
insert into audit_entry (occurred_at, actor, action, entity_type, entity_id, session_id, summary)
select case when c.id % 10 = 0 then timestamptz '2030-06-01 12:00Z' else c.created_at end,
       case when c.id % 5 = 0 then 'hub' else 'p' || (1 + c.id % 4999) end, 'CONCERN_FILED', 'Concern', c.id,
       case when c.id % 20 <> 0 then c.session_id end, 'Filed ' || left(c.title, 120)
from concern c;

-- Identity columns continue after the explicit ids.
do $$
declare t text;
begin
  foreach t in array array['person', 'subsystem', 'event', 'summit_session', 'concern', 'position', 'proposal',
                           'follow_up'] loop
    execute format('select setval(pg_get_serial_sequence(%L, ''id''), (select max(id) from %I))', t, t);
  end loop;
end $$;

drop table sk_n, sk_session, sk_concern, sk_position;

analyze;
