package org.summittracker.account;

import org.springframework.jdbc.core.JdbcTemplate;

import org.summittracker.account.Probe.Target;

/**
 * Discussion notes for the authorization matrix: the target's person is the note-taker of
 * the target's session (so a maintainer may write its notes there, and nowhere else), and
 * notes to act on.
 */
final class NoteProbes {

	private NoteProbes() {
	}

	/**
	 * Makes the target's person the session's note-taker; answers the live view's path.
	 */
	static String noteTakerOf(Target target) {
		jdbc(target).update("""
				insert into session_participant (session_id, person_id, role)
				values (?, ?, 'NOTE_TAKER') on conflict do nothing
				""", sessionId(target), target.personId());
		return target.sessionPath() + "/notes";
	}

	/**
	 * Makes the target's person the note-taker and adds a note they spoke (struck, if
	 * asked); answers its path.
	 */
	static String note(Target target, boolean struck) {
		String notes = noteTakerOf(target);
		Long sessionId = sessionId(target);
		Long id = jdbc(target).queryForObject("""
				insert into discussion_note (session_id, seq, speaker_id, kind, body, struck_at, strike_reason)
				select ?, next.seq, ?, 'REMARK', 'Probe note ' || next.seq, case when ? then now() end,
				       case when ? then 'Probe' end
				from (select coalesce(max(seq), 0) + 1 as seq from discussion_note where session_id = ?) next
				returning id
				""", Long.class, sessionId, target.personId(), struck, struck, sessionId);
		return notes + "/" + id;
	}

	private static Long sessionId(Target target) {
		return jdbc(target).queryForObject("""
				select s.id from summit_session s join event e on e.id = s.event_id where e.slug = ? and s.slug = ?
				""", Long.class, target.eventSlug(), target.sessionSlug());
	}

	private static JdbcTemplate jdbc(Target target) {
		return target.beans().bean(JdbcTemplate.class);
	}

}
