package org.summittracker.mail;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import org.summittracker.account.Actor;
import org.summittracker.position.MailEvidence;
import org.summittracker.position.MailStatement;
import org.summittracker.position.Positions;
import org.summittracker.position.Stance;
import org.summittracker.session.Session;

/**
 * Where mail-given positions go: a stance on the session's main proposal (the first it
 * discusses). The one place that knows it: when an import names its proposal, only this
 * class changes.
 */
@Component
class SessionProposalPositions {

	private final Positions positions;

	private final JdbcTemplate jdbc;

	SessionProposalPositions(Positions positions, JdbcTemplate jdbc) {
		this.positions = positions;
		this.jdbc = jdbc;
	}

	/** Who may import mail for the session's proposal; refuses anyone else. */
	void requireMayImport(Actor actor, Session session) {
		this.positions.requireMayImportMail(actor, session);
	}

	boolean mayImport(Actor actor, Session session) {
		return this.positions.mayImportMail(actor, session);
	}

	/** Records one position; {@code false} when the same mail already stands for it. */
	boolean record(Actor actor, Session session, MailStatement statement) {
		return this.positions.recordByMail(actor, session, statement);
	}

	/** The current positions on the session's main proposal given by mail, by person. */
	List<MailGiven> mailGiven(Long sessionId) {
		return this.jdbc
			.query("""
					select pe.handle, pe.name, pe.email, p.stance, p.conditions, p.rationale, p.mail_trailer,
					       p.mail_message_id, p.mail_version, p.mail_first_given_on, p.mail_carried, p.mail_note
					from position p join person pe on pe.id = p.person_id
					where p.proposal_id = (select sp.proposal_id from session_proposal sp where sp.session_id = ? and sp.seq = 1)
					  and p.entry_method = 'BY_MAIL' and p.withdrawn_at is null
					order by pe.handle
					""",
					(rs, i) -> new MailGiven(rs.getString(1), rs.getString(2), rs.getString(3),
							Stance.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
							new MailEvidence(rs.getString(7), rs.getString(8), (Integer) rs.getObject(9),
									(Integer) rs.getObject(10), (Boolean) rs.getObject(11), rs.getString(12))),
					sessionId);
	}

}
