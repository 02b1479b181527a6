package org.summittracker.mail;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import org.summittracker.account.Actor;
import org.summittracker.position.MailEvidence;
import org.summittracker.position.MailStatement;
import org.summittracker.position.Positions;
import org.summittracker.position.Stance;
import org.summittracker.proposal.Proposal;
import org.summittracker.proposal.Proposals;
import org.summittracker.session.Session;

/**
 * Where mail-given positions go: a stance on the proposal the import names, one the
 * session discusses (its main one, the first, when none is named).
 */
@Component
class SessionProposalPositions {

	private final Positions positions;

	private final JdbcTemplate jdbc;

	private final Proposals proposals;

	SessionProposalPositions(Positions positions, Proposals proposals, JdbcTemplate jdbc) {
		this.positions = positions;
		this.proposals = proposals;
		this.jdbc = jdbc;
	}

	/**
	 * The proposal the import names: one the session discusses, its main one when none is
	 * named; a 422 on the {@code proposal} field otherwise.
	 */
	Proposal proposal(Session session, String key) {
		return this.proposals.discussedIn(session, key);
	}

	/** The proposals the session discusses, main one first. */
	List<Proposal> discussed(Session session) {
		return this.proposals.discussedIn(session.getId());
	}

	/** Who may import mail for the proposal; refuses anyone else. */
	void requireMayImport(Actor actor, Session session, Proposal proposal) {
		this.positions.requireMayImportMail(actor, session, proposal);
	}

	boolean mayImport(Actor actor, Session session, Proposal proposal) {
		return this.positions.mayImportMail(actor, session, proposal);
	}

	/** Records one position; {@code false} when the same mail already stands for it. */
	boolean record(Actor actor, Session session, MailStatement statement) {
		return this.positions.recordByMail(actor, session, statement);
	}

	/**
	 * Marks the proposal's mail-given positions on versions of the series older than
	 * {@code latest}; answers how many changed.
	 */
	int newerVersionPosted(Actor actor, Session session, Proposal proposal, String series, int latest) {
		return this.positions.newerVersionPosted(actor, session, proposal.getKey(), series, latest);
	}

	/**
	 * The current positions on the session's proposals given by mail, by proposal and
	 * person.
	 */
	List<MailGiven> mailGiven(Long sessionId) {
		return this.jdbc.query("""
				select pr.key, pe.handle, pe.name, pe.email, p.stance, p.conditions, p.rationale, p.mail_trailer,
				       p.mail_message_id, p.mail_version, p.mail_first_given_on, p.mail_carried, p.mail_note,
				       p.mail_posted_since, p.mail_series, p.mail_address
				from session_proposal sp join proposal pr on pr.id = sp.proposal_id
				join position p on p.proposal_id = sp.proposal_id join person pe on pe.id = p.person_id
				where sp.session_id = ? and p.entry_method = 'BY_MAIL' and p.withdrawn_at is null
				order by sp.seq, pe.handle
				""",
				(rs, i) -> new MailGiven(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						Stance.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7),
						new MailEvidence(rs.getString(8), rs.getString(9), (Integer) rs.getObject(10),
								(Integer) rs.getObject(11), (Boolean) rs.getObject(12), rs.getString(13),
								rs.getString(15), rs.getString(16)),
						(Integer) rs.getObject(14)),
				sessionId);
	}

}
