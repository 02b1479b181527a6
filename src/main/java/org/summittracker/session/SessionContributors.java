package org.summittracker.session;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import org.summittracker.account.Actor;
import org.summittracker.account.NotAllowedException;

/**
 * Who documents a session besides the organizers: its lead (the session's own, or a
 * participant with the role lead), its speakers and its note-takers. One rule for the
 * features that let them (the session's material).
 */
@Component
public class SessionContributors {

	/** Why someone else is refused: the message code of the reason. */
	public static final String WHO = "session.contributors.only";

	/** Why a request without an account is refused: the message code of the reason. */
	public static final String SIGN_IN = "denied.sign-in";

	private final JdbcTemplate jdbc;

	SessionContributors(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Whether the actor is an organizer, or a maintainer who leads the session, speaks in
	 * it or takes its notes.
	 */
	public boolean mayContribute(Actor actor, Long sessionId) {
		if (actor == null) {
			return false;
		}
		if (actor.isOrganizer()) {
			return true;
		}
		if (!actor.isMaintainer() || actor.personId() == null) {
			return false;
		}
		return Boolean.TRUE.equals(this.jdbc.queryForObject("""
				select exists (select 1 from summit_session s where s.id = ? and s.lead_id = ?
				  union all select 1 from session_participant sp where sp.session_id = ? and sp.person_id = ?
				  and sp.role in ('LEAD', 'SPEAKER', 'NOTE_TAKER'))
				""", Boolean.class, sessionId, actor.personId(), sessionId, actor.personId()));
	}

	/** Refuses (403) an actor who {@link #mayContribute may not contribute}. */
	public void require(Actor actor, Long sessionId) {
		if (actor == null) {
			throw NotAllowedException.saying(SIGN_IN);
		}
		if (!mayContribute(actor, sessionId)) {
			throw NotAllowedException.saying(WHO);
		}
	}

}
