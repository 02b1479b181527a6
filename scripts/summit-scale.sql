-- Summit-scale data for the benchmark (scripts/benchmark, BENCHMARKS.md): at scale 1, 100 events of 100 sessions
-- (10,000 sessions, each with 5 participants, 10 discussion notes, 3 affected subsystems and a proposal), 5,000 people,
-- 1,000 subsystems with 2 maintainers and a reviewer each, 100,000 concerns (10 a session) with 300,000
-- responses and their status histories, 300,000 positions (30 a session) with 400,000 history entries,
-- 10,000 resolutions, 50,000 follow-ups with their histories and 160,000 audit entries.
--
-- Run it on a database the application has migrated (it adds to what is there; slugs and handles are its own):
--   psql -v ON_ERROR_STOP=1 -d summit_bench -c 'set summit.scale = 1' -f scripts/summit-scale.sql
-- or use scripts/generate-summit-scale, which makes the database first. The scale (summit.scale, default 1)
-- multiplies every count; the smoke test (SummitScaleDataTests) runs this file at scale 0.01.
-- Plain SQL without psql commands, so that a JDBC connection can run it whole.

create temp table bench_scale as
select coalesce(nullif(current_setting('summit.scale', true), ''), '1')::numeric as s;

create temp table bench_n as
select greatest(1, round(100 * s))::int as events,
       greatest(1, round(100 * s))::int * 100 as sessions,
       -- at least 40 people, so that a session's 30 positions are 30 different people; never a multiple of 167
       -- (the stride that spreads positions over people)
       case when greatest(40, round(5000 * s))::int % 167 = 0 then greatest(40, round(5000 * s))::int + 1
            else greatest(40, round(5000 * s))::int end as people,
       greatest(10, round(1000 * s))::int as subsystems
from bench_scale;

-- Explicit ids after whatever is there, so the rows can refer to each other without lookups.
create temp table bench_o as
select (select coalesce(max(id), 0) from person) as person,
       (select coalesce(max(id), 0) from subsystem) as subsystem,
       (select coalesce(max(id), 0) from event) as event,
       (select coalesce(max(id), 0) from summit_session) as session,
       (select coalesce(max(id), 0) from concern) as concern,
       (select coalesce(max(id), 0) from position) as position,
       (select coalesce(max(id), 0) from proposal) as proposal,
       (select coalesce(max(id), 0) from resolution) as resolution,
       (select coalesce(max(id), 0) from follow_up) as follow_up,
       (select array_agg(id order by id) from concern_category) as categories;

-- People: handles dev-1 ... dev-5000, names from a list that includes accented ones.
insert into person (id, handle, name, email, affiliation, created_at)
select o.person + i, 'dev-' || i,
       (array['Ada', 'Linus', 'Greg', 'Jérôme', 'Łukasz', 'Miguel', 'Kees', 'Sasha', 'Olivia', 'Chen', 'Ingo',
              'Zoë', 'Thomas', 'Björn', 'Priya', 'Dan', 'Mathieu', 'Joël', 'Yuki', 'Sebastian'])[1 + i % 20]
       || ' ' ||
       (array['Lovelace', 'Torvalds', 'Hartman', 'Glisse', 'Bartosiewicz', 'Ojeda', 'Cook', 'Levin', 'Müller',
              'Zhang', 'Molnar', 'Nørgaard', 'Gleixner', 'Töpel', 'Ramanathan', 'Williams', 'Desnoyers',
              'Fernandes', 'Tanaka', 'Andrzej'])[1 + (i / 20) % 20]
       || ' ' || i,
       'dev-' || i || '@example.org', (array['Example Corp', 'Kernel Org', 'Independent', null])[1 + i % 4],
       timestamptz '2000-01-01 00:00Z' + i * interval '1 hour'
from bench_n n, bench_o o, generate_series(1, n.people) i;

insert into subsystem (id, slug, name, status, mailing_list, created_at)
select o.subsystem + i, 'area-' || i,
       (array['Networking', 'Filesystems', 'Memory management', 'Scheduler', 'GPU drivers', 'Sound', 'USB',
              'Bluetooth', 'Power management', 'Security modules'])[1 + i % 10] || ' ' || i,
       (array['MAINTAINED', 'SUPPORTED', 'ODD_FIXES', 'MAINTAINED'])[1 + i % 4], 'area-' || i || '@lists.example.org',
       timestamptz '2000-01-01 00:00Z'
from bench_n n, bench_o o, generate_series(1, n.subsystems) i;

-- Two maintainers and a reviewer per subsystem.
insert into maintainership (person_id, subsystem_id, role)
select o.person + 1 + (i * 31 + j * 211) % n.people, o.subsystem + i,
       case when j = 2 then 'REVIEWER' else 'MAINTAINER' end
from bench_n n, bench_o o, generate_series(1, n.subsystems) i, generate_series(0, 2) j;

insert into event (id, slug, name, starts_on, ends_on, location, description, created_at)
select o.event + i, 'summit-' || i, 'Maintainers Summit ' || i, date '2001-09-17' + i * 91,
       date '2001-09-17' + i * 91 + 2, (array['Dublin', 'Lisbon', 'Vancouver', 'Tokyo', 'Prague'])[1 + i % 5],
       'The maintainers meet for the ' || i || 'th time.', timestamptz '2001-01-01 00:00Z' + i * interval '91 days'
from bench_n n, bench_o o, generate_series(1, n.events) i;

-- Sessions: session i (1-based over all) is session k = 1..100 of event (i - 1) / 100 + 1.
create temp table bench_session as
select o.session + i as id, o.event + (i - 1) / 100 + 1 as event_id, 1 + (i - 1) % 100 as k, i
from bench_n n, bench_o o, generate_series(1, n.sessions) i;

-- Each on its day, at its time, for 30 minutes, in one of three rooms (so the event's timetable lists them).
insert into summit_session (id, event_id, slug, title, scheduled_at, schedule_order, status, proposal, summary,
                            lead_id, minutes_final_at, day, duration_minutes, room, created_at)
select s.id, s.event_id, 'session-' || s.k,
       (array['Rust for drivers', 'Stable API promises', 'Reviewer burnout', 'Testing in CI', 'Memory safety',
              'Toolchain minimums', 'Bisection at scale', 'Documentation debt', 'Security embargoes',
              'Maintainer succession'])[1 + s.k % 10] || ' (' || s.k || ')',
       e.starts_on + interval '9 hours' + (s.k - 1) * interval '40 minutes', s.k,
       (array['PLANNED', 'HELD', 'MINUTES_DRAFT', 'MINUTES_FINAL'])[1 + s.i % 4],
       'Adopt proposal ' || s.i || ': maintainers agree to change how subsystems handle this topic, starting '
       || 'with an experiment in two subsystems and a review at the next summit.',
       '## Summary' || chr(10) || chr(10) || 'The session discussed proposal ' || s.i || ' at length. Several '
       || 'maintainers asked for *evidence* from the experiment before agreeing; others wanted `documentation` '
       || 'first. See the [archive](https://lore.example.org/s/' || s.i || ') for the thread.',
       o.person + 1 + (s.i * 53) % n.people,
       case when s.i % 4 = 3 then e.starts_on + interval '10 days' end,
       (e.starts_on + interval '9 hours' + (s.k - 1) * interval '40 minutes')::date, 30,
       (array['Main hall', 'Room B', 'Room C'])[1 + s.k % 3], e.created_at
from bench_session s join event e on e.id = s.event_id, bench_n n, bench_o o;

-- Five participants: lead, two speakers, a participant and a note-taker.
insert into session_participant (session_id, person_id, role)
select s.id, o.person + 1 + (s.i * 53 + j * 97) % n.people,
       (array['LEAD', 'SPEAKER', 'SPEAKER', 'PARTICIPANT', 'NOTE_TAKER'])[j + 1]
from bench_session s, bench_n n, bench_o o, generate_series(0, 4) j;

-- Three affected subsystems.
insert into session_subsystem (session_id, subsystem_id)
select s.id, o.subsystem + 1 + (s.i * 7 + j * 13) % n.subsystems
from bench_session s, bench_n n, bench_o o, generate_series(0, 2) j;

-- Each session discusses one proposal of its own (proposal o.proposal + i), affecting the session's subsystems.
insert into proposal (id, key, title, statement, created_at, updated_at)
select o.proposal + s.i, 'bench-proposal-' || (o.proposal + s.i), ss.title, ss.proposal, ss.created_at,
       ss.created_at
from bench_session s join summit_session ss on ss.id = s.id, bench_o o;
insert into session_proposal (session_id, proposal_id, seq, linked_at)
select s.id, o.proposal + s.i, 1, timestamptz '2001-01-01 00:00Z'
from bench_session s, bench_o o;
insert into proposal_subsystem (proposal_id, subsystem_id)
select distinct o.proposal + s.i, x.subsystem_id
from bench_session s join session_subsystem x on x.session_id = s.id, bench_o o;

insert into discussion_note (session_id, seq, speaker_id, kind, body, created_at)
select s.id, j, o.person + 1 + (s.i * 53 + (j % 5) * 97) % n.people,
       (array['REMARK', 'QUESTION', 'ANSWER', 'PROPOSAL', 'OBJECTION'])[1 + j % 5],
       'Note ' || j || ' of session ' || s.i || ': the speaker explained what the change would mean for their '
       || 'subsystem, how long the transition might take and which tests would show that nothing regressed.',
       timestamptz '2001-01-01 00:00Z' + s.i * interval '1 hour' + j * interval '1 minute'
from bench_session s, bench_n n, bench_o o, generate_series(1, 10) j;

-- Concerns: concern c (1-based over all) is concern j = 0..9 of session (c - 1) / 10 + 1.
create temp table bench_concern as
select o.concern + (s.i - 1) * 10 + j + 1 as id, s.id as session_id, s.i, j,
       (array['OPEN', 'OPEN', 'OPEN', 'OPEN', 'OPEN', 'RESOLVED', 'RESOLVED', 'DEFERRED', 'WITHDRAWN',
              'OVERRULED'])[1 + (s.i + j) % 10] as status,
       timestamptz '2001-01-01 00:00Z' + s.i * interval '1 hour' + j * interval '2 minutes' as created_at
from bench_session s, bench_o o, generate_series(0, 9) j;

insert into concern (id, session_id, key, title, category_id, raised_by_id, entered_by_id, body, blocking,
                     blocking_reason, status, status_note, revisit_on, created_at, updated_at, proposal_id)
select c.id, c.session_id, 'concern-' || c.j,
       (array['Toolchain stability', 'Memory ordering', 'Bisection breaks', 'Cross-tree churn', 'Directory layout',
              'Review capacity', 'Licensing', 'Build time', 'Documentation', 'Testing'])[1 + c.j] || ' for proposal '
       || c.i,
       o.categories[1 + (c.i + c.j) % array_length(o.categories, 1)],
       o.person + 1 + (c.i * 53 + c.j * 167) % n.people, null,
       'The concern, in *Markdown*: the change as proposed would ' || (array['require', 'break', 'slow down',
       'complicate', 'hide'])[1 + c.j % 5] || ' existing workflows. A longer explanation follows, with a '
       || '[link](https://lore.example.org/c/' || c.id || ') to the thread and `code` in it.',
       c.j % 5 = 0, case when c.j % 5 = 0 then 'Cannot merge before this is settled.' end,
       c.status,
       case when c.status in ('RESOLVED', 'WITHDRAWN', 'OVERRULED', 'DEFERRED') then 'Settled at the summit.' end,
       case when c.status = 'DEFERRED' then date '2030-01-01' + c.i % 365 end,
       c.created_at, c.created_at + interval '1 day', o.proposal + c.i
from bench_concern c, bench_n n, bench_o o;

insert into concern_subsystem (concern_id, subsystem_id)
select c.id, o.subsystem + 1 + (c.i * 7 + (c.j % 3) * 13) % n.subsystems
from bench_concern c, bench_n n, bench_o o;

insert into concern_response (concern_id, author_id, body, created_at)
select c.id, o.person + 1 + (c.i * 53 + r * 97) % n.people,
       'Response ' || r || ': I looked at this and ' || (array['agree', 'disagree', 'need more data'])[r]
       || '. The numbers from the last cycle suggest the cost is real but manageable.',
       c.created_at + r * interval '3 hours'
from bench_concern c, bench_n n, bench_o o, generate_series(1, 3) r;

-- Every concern was filed open; the settled ones moved once.
insert into concern_status_change (concern_id, from_status, to_status, note, revisit_on, changed_by_id, changed_by,
                                   changed_at)
select c.id, null, 'OPEN', null, null, o.person + 1 + (c.i * 53 + c.j * 167) % n.people, 'organizer', c.created_at
from bench_concern c, bench_n n, bench_o o;
insert into concern_status_change (concern_id, from_status, to_status, note, revisit_on, changed_by_id, changed_by,
                                   changed_at)
select c.id, 'OPEN', c.status, 'Settled at the summit.',
       case when c.status = 'DEFERRED' then date '2030-01-01' + c.i % 365 end,
       o.person + 1 + (c.i * 53) % n.people, 'organizer', c.created_at + interval '1 day'
from bench_concern c, bench_n n, bench_o o
where c.status <> 'OPEN';

-- Positions: 30 different people a session (stride 167 over the people), every stance.
create temp table bench_position as
select o.position + (s.i - 1) * 30 + q + 1 as id, s.id as session_id, s.i, q as k,
       o.person + 1 + (s.i * 31 + q * 167) % n.people as person_id,
       (array['SUPPORTS', 'SUPPORTS_WITH_CONDITIONS', 'NO_OBJECTION', 'UNDECIDED', 'CONCERNED', 'OPPOSES'])[1 + q % 6]
           as stance,
       timestamptz '2001-01-01 00:00Z' + s.i * interval '1 hour' + q * interval '1 minute' as at
from bench_session s, bench_n n, bench_o o, generate_series(0, 29) q;

insert into position (id, session_id, person_id, stance, conditions, rationale, speaks_for_id, entry_method,
                      entered_by_id, confirmed_at, updated_at, proposal_id)
select p.id, p.session_id, p.person_id, p.stance,
       case when p.stance = 'SUPPORTS_WITH_CONDITIONS' then 'Only once the tests run in CI.' end,
       case when p.stance = 'OPPOSES' then 'The cost outweighs the benefit for now.' end,
       null, case when p.k % 2 = 0 then 'BY_MAINTAINER' else 'STATED_IN_SESSION' end,
       case when p.k % 2 = 0 then p.person_id else o.person + 1 + (p.i * 53 + 4 * 97) % n.people end,
       case when p.k % 2 = 0 then p.at end, p.at + case when p.k % 3 = 0 then interval '1 day' else interval '0' end,
       o.proposal + p.i
from bench_position p, bench_n n, bench_o o;

insert into position_concern (position_id, concern_id)
select p.id, o.concern + (p.i - 1) * 10 + p.k % 10 + 1
from bench_position p, bench_o o
where p.stance = 'CONCERNED';

-- Every position was stated; a third changed once (from undecided).
insert into position_change (position_id, session_id, kind, old_stance, new_stance, conditions, rationale,
                             cited_concerns, entry_method, entered_by_id, changed_at)
select p.id, p.session_id, 'STATED', null, case when p.k % 3 = 0 then 'UNDECIDED' else p.stance end, null, null,
       null, 'STATED_IN_SESSION', o.person + 1 + (p.i * 53 + 4 * 97) % n.people, p.at
from bench_position p, bench_n n, bench_o o;
insert into position_change (position_id, session_id, kind, old_stance, new_stance, conditions, rationale,
                             cited_concerns, entry_method, entered_by_id, changed_at)
select p.id, p.session_id, 'CHANGED', 'UNDECIDED', p.stance,
       case when p.stance = 'SUPPORTS_WITH_CONDITIONS' then 'Only once the tests run in CI.' end,
       case when p.stance = 'OPPOSES' then 'The cost outweighs the benefit for now.' end,
       case when p.stance = 'CONCERNED' then 'concern-' || p.k % 10 end, 'BY_MAINTAINER', p.person_id,
       p.at + interval '1 day'
from bench_position p
where p.k % 3 = 0;

insert into resolution (id, session_id, seq, statement, outcome, decided_on, revisit_on, created_at, updated_at)
select o.resolution + s.i, s.id, 1, 'Resolved for proposal ' || s.i || ': try it in two subsystems for a cycle.',
       (array['AGREED', 'EXPERIMENT', 'REJECTED', 'DEFERRED', 'NO_CONSENSUS'])[1 + s.i % 5], date '2001-09-20',
       case when s.i % 5 = 3 then date '2002-09-20' end, timestamptz '2001-09-20 12:00Z',
       timestamptz '2001-09-20 12:00Z'
from bench_session s, bench_o o;

insert into resolution_concern (resolution_id, concern_id)
select o.resolution + s.i, o.concern + (s.i - 1) * 10 + 1
from bench_session s, bench_o o;

insert into resolution_change (resolution_id, kind, statement, outcome, decided_on, revisit_on, addressed_keys,
                               summary, changed_by, changed_at)
select r.id, 'RECORDED', r.statement, r.outcome, r.decided_on, r.revisit_on, 'concern-0', 'Recorded.', 'organizer',
       r.created_at
from resolution r, bench_o o
where r.id > o.resolution;

insert into follow_up (id, session_id, title, owner_id, due_on, status, drop_reason, concern_id, resolution_id,
                       created_at, updated_at)
select o.follow_up + (s.i - 1) * 5 + j + 1, s.id,
       (array['Post the patch set', 'Write the documentation', 'Measure the build time', 'Ask the toolchain folks',
              'Report back to the list'])[1 + j] || ' (' || s.i || ')',
       o.person + 1 + (s.i * 53 + j * 97) % n.people, date '2001-10-01' + (s.i + j) % 9000,
       (array['OPEN', 'IN_PROGRESS', 'DONE', 'DROPPED', 'OPEN'])[1 + (s.i + j) % 5],
       case when (s.i + j) % 5 = 3 then 'Overtaken by events.' end,
       case when j < 3 then o.concern + (s.i - 1) * 10 + j + 1 end,
       case when j = 0 then o.resolution + s.i end,
       timestamptz '2001-09-20 12:00Z', timestamptz '2001-09-20 12:00Z'
from bench_session s, bench_n n, bench_o o, generate_series(0, 4) j;

insert into follow_up_change (follow_up_id, from_status, to_status, note, changed_by_id, changed_by, summary,
                              changed_at)
select f.id, null, 'OPEN', null, null, 'organizer', 'Assigned.', f.created_at
from follow_up f, bench_o o
where f.id > o.follow_up;

-- The audit trail: an entry per concern filed, per follow-up assigned and per resolution recorded.
insert into audit_entry (occurred_at, actor, action, entity_type, entity_id, session_id, summary)
select c.created_at, 'dev-' || (1 + (c.i * 53 + c.j * 167) % n.people), 'CONCERN_FILED', 'Concern', c.id,
       c.session_id, 'Filed concern-' || c.j
from bench_concern c, bench_n n
union all
select f.created_at, 'organizer', 'FOLLOW_UP_ASSIGNED', 'FollowUp', f.id, f.session_id, 'Assigned ' || f.title
from follow_up f, bench_o o
where f.id > o.follow_up
union all
select r.created_at, 'organizer', 'RESOLUTION_RECORDED', 'Resolution', r.id, r.session_id, 'Recorded resolution 1'
from resolution r, bench_o o
where r.id > o.resolution;

-- Identity columns continue after the explicit ids.
select setval(pg_get_serial_sequence('person', 'id'), (select max(id) from person));
select setval(pg_get_serial_sequence('subsystem', 'id'), (select max(id) from subsystem));
select setval(pg_get_serial_sequence('event', 'id'), (select max(id) from event));
select setval(pg_get_serial_sequence('summit_session', 'id'), (select max(id) from summit_session));
select setval(pg_get_serial_sequence('concern', 'id'), (select max(id) from concern));
select setval(pg_get_serial_sequence('position', 'id'), (select max(id) from position));
select setval(pg_get_serial_sequence('proposal', 'id'), (select max(id) from proposal));
select setval(pg_get_serial_sequence('resolution', 'id'), (select max(id) from resolution));
select setval(pg_get_serial_sequence('follow_up', 'id'), (select max(id) from follow_up));

drop table bench_scale, bench_n, bench_o, bench_session, bench_concern, bench_position;

analyze;
