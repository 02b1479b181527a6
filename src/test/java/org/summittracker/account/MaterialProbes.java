package org.summittracker.account;

import org.springframework.jdbc.core.JdbcTemplate;

import org.summittracker.account.Probe.Target;

/**
 * A session's material for the authorization matrix: the target's person speaks in the
 * target's session (so a maintainer may change its material there, and nowhere else), and
 * an item to act on.
 */
final class MaterialProbes {

	private MaterialProbes() {
	}

	/**
	 * Makes the target's person a speaker of the session; answers the material page's
	 * path.
	 */
	static String speakerOf(Target target) {
		jdbc(target).update("""
				insert into session_participant (session_id, person_id, role)
				select s.id, ?, 'SPEAKER' from summit_session s join event e on e.id = s.event_id
				where e.slug = ? and s.slug = ?
				on conflict do nothing
				""", target.personId(), target.eventSlug(), target.sessionSlug());
		return target.sessionPath() + "/material";
	}

	/**
	 * Makes the target's person a speaker and adds an item to the session's material;
	 * answers its path.
	 */
	static String item(Target target) {
		String material = speakerOf(target);
		Long id = jdbc(target).queryForObject("""
				insert into session_material (session_id, kind, title, url)
				select s.id, 'SLIDES', 'Probe slides', 'https://example.org/probe.pdf'
				from summit_session s join event e on e.id = s.event_id where e.slug = ? and s.slug = ?
				returning id
				""", Long.class, target.eventSlug(), target.sessionSlug());
		return material + "/" + id;
	}

	private static JdbcTemplate jdbc(Target target) {
		return target.beans().bean(JdbcTemplate.class);
	}

}
