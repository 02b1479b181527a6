package org.summittracker.account;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.JdbcTemplate;

import org.summittracker.support.Fixture;

/**
 * What the authoring routes' probes act on: versions to send, a session placed on a day,
 * a second session to reorder, a participant to remove, subsystems to add and remove, a
 * duplicate to merge.
 */
final class AuthoringProbes {

	private static final AtomicInteger counter = new AtomicInteger();

	private AuthoringProbes() {
	}

	static String eventVersion(Probe.Target t) {
		return Long
			.toString(jdbc(t).queryForObject("select version from event where slug = ?", Long.class, t.eventSlug()));
	}

	static String eventStartsOn(Probe.Target t) {
		return jdbc(t).queryForObject("select starts_on::text from event where slug = ?", String.class, t.eventSlug());
	}

	/**
	 * The target session placed on the event's last day at 09:00 UTC for 45 minutes (so
	 * that the event's calendar carries it); answers its address.
	 */
	static String placedSession(Probe.Target t) {
		jdbc(t).update("""
				update summit_session s set day = e.ends_on, scheduled_at = e.ends_on + time '09:00' at time zone 'UTC',
					duration_minutes = 45
				from event e where e.id = s.event_id and e.slug = ? and s.slug = ?
				""", t.eventSlug(), t.sessionSlug());
		return t.sessionPath();
	}

	static String eventEndsOn(Probe.Target t) {
		return jdbc(t).queryForObject("select ends_on::text from event where slug = ?", String.class, t.eventSlug());
	}

	static long sessionId(Probe.Target t) {
		return jdbc(t).queryForObject("select s.id from summit_session s join event e on e.id = s.event_id"
				+ " where e.slug = ? and s.slug = ?", Long.class, t.eventSlug(), t.sessionSlug());
	}

	static String sessionVersion(Probe.Target t) {
		return Long.toString(
				jdbc(t).queryForObject("select version from summit_session where id = ?", Long.class, sessionId(t)));
	}

	static String personVersion(Probe.Target t) {
		return Long
			.toString(jdbc(t).queryForObject("select version from person where id = ?", Long.class, t.personId()));
	}

	/** A second session after the target's, on the same (no) day; answers its path. */
	/**
	 * A second session after the target session, on the same day, both placed (the target
	 * at 09:00, the second at 10:00 UTC): moving it up swaps their start times.
	 */
	static String secondSession(Probe.Target t) {
		placedSession(t);
		String slug = "second-" + counter.incrementAndGet();
		jdbc(t).update("""
				insert into summit_session (event_id, slug, title, proposal, schedule_order, day, scheduled_at,
					duration_minutes)
				select e.id, ?, 'Second session ' || ?, 'Something', 2, e.ends_on,
					e.ends_on + time '10:00' at time zone 'UTC', 45
				from event e where e.slug = ?
				""", slug, slug, t.eventSlug());
		return "/events/" + t.eventSlug() + "/sessions/" + slug;
	}

	/**
	 * The target person as a speaker of the target session; answers the participant's id.
	 */
	static long participant(Probe.Target t) {
		return jdbc(t).queryForObject(
				"insert into session_participant (session_id, person_id, role) values (?, ?, 'SPEAKER') returning id",
				Long.class, sessionId(t), t.personId());
	}

	/** A new subsystem; answers its slug. */
	static String subsystem(Probe.Target t) {
		String slug = "probe-subsystem-" + counter.incrementAndGet();
		jdbc(t).update("insert into subsystem (slug, name) values (?, ?)", slug, "Probe subsystem " + slug);
		return slug;
	}

	/**
	 * A new subsystem the target session affects, and so its main proposal (as the
	 * session's subsystems page keeps them); answers its slug.
	 */
	static String affected(Probe.Target t) {
		String slug = subsystem(t);
		jdbc(t).update("insert into session_subsystem (session_id, subsystem_id) select ?, id from subsystem"
				+ " where slug = ?", sessionId(t), slug);
		jdbc(t).update("""
				insert into proposal_subsystem (proposal_id, subsystem_id)
				select sp.proposal_id, s.id from session_proposal sp, subsystem s
				where sp.session_id = ? and s.slug = ?
				  and sp.seq = (select min(x.seq) from session_proposal x where x.session_id = sp.session_id)""",
				sessionId(t), slug);
		return slug;
	}

	static String subsystemVersion(Probe.Target t, String slug) {
		return Long.toString(jdbc(t).queryForObject("select version from subsystem where slug = ?", Long.class, slug));
	}

	/**
	 * A duplicate of nobody in particular, maintaining a subsystem; answers its handle.
	 */
	static String duplicate(Probe.Target t) {
		String handle = t.beans().bean(Fixture.class).person("duplicate");
		jdbc(t).update("""
				insert into maintainership (person_id, subsystem_id, role)
				select p.id, s.id, 'MAINTAINER' from person p, subsystem s where p.handle = ? and s.slug = ?
				""", handle, subsystem(t));
		return handle;
	}

	static String unique(String prefix) {
		return prefix + "-" + counter.incrementAndGet();
	}

	private static JdbcTemplate jdbc(Probe.Target t) {
		return t.beans().bean(JdbcTemplate.class);
	}

}
