package org.summittracker.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
	 * The conditional acks by mail of a proposal ({@code ?}) for the people listed after
	 * it (the list left open): the person, the condition and the mail evidence, with the
	 * mail the condition was given in.
	 */
	private static final String CONDITIONS_GIVEN = """
			select p.person_id, p.conditions, %s
			from position p
			where p.proposal_id = ? and p.entry_method = 'BY_MAIL' and p.withdrawn_at is null
			  and p.stance = 'SUPPORTS_WITH_CONDITIONS' and p.conditions is not null and p.person_id in (
			""".formatted(Evidence.COLUMNS);

	/**
	 * The conditional acks by mail the people stand on for the proposal now, by person:
	 * the condition, the mail it rests on and the mail the condition was given in (for
	 * one the author carried, the reply it was given in before the carries that kept it).
	 * One query, however many people.
	 */
	Map<Long, KeptCondition> conditionsGiven(Proposal proposal, Collection<Long> personIds) {
		Map<Long, KeptCondition> given = new HashMap<>();
		if (personIds.isEmpty()) {
			return given;
		}
		String in = String.join(",", Collections.nCopies(personIds.size(), "?"));
		List<Object> args = new ArrayList<>();
		args.add(proposal.getId());
		args.addAll(personIds);
		this.jdbc.query(CONDITIONS_GIVEN + in + ")", (rs) -> {
			given.put(rs.getLong(1), new KeptCondition(rs.getString(2), Evidence.read(rs, 3)));
		}, args.toArray());
		return given;
	}

	/** The mail evidence of a position, as its columns are read. */
	private static final class Evidence {

		/** The columns, of position {@code p}, in the order {@link #read} reads them. */
		static final String COLUMNS = """
				p.mail_trailer, p.mail_message_id, p.mail_version, p.mail_first_given_on, p.mail_carried, p.mail_note,
				       p.mail_series, p.mail_address, p.mail_condition_message_id, p.mail_condition_given_on""";

		private Evidence() {
		}

		/**
		 * The mail evidence read from the ten columns of {@link #COLUMNS}, starting at
		 * {@code from}.
		 */
		static MailEvidence read(ResultSet rs, int from) throws SQLException {
			return new MailEvidence(rs.getString(from), rs.getString(from + 1), (Integer) rs.getObject(from + 2),
					(Integer) rs.getObject(from + 3), (Boolean) rs.getObject(from + 4), rs.getString(from + 5),
					rs.getString(from + 6), rs.getString(from + 7), rs.getString(from + 8),
					(Integer) rs.getObject(from + 9));
		}

	}

	/**
	 * A conditional ack by mail a person stands on: its condition and the mail it rests
	 * on, which tells the mail the condition was given in (a reply on v1, carried into v2
	 * and imported, carried into v3: the reply on v1).
	 */
	record KeptCondition(String condition, MailEvidence mail) {

		/**
		 * Whether a trailer of {@code kind} the author carried into {@code version} of
		 * {@code series} carries this ack forward: the same trailer, of the same series,
		 * given on that version or an earlier one.
		 */
		boolean carriedInto(Trailer.Kind kind, String series, int version) {
			return kind.name().equals(this.mail.trailer()) && this.mail.sameSeries(series)
					&& this.mail.version() != null && this.mail.version() <= version;
		}

		/** The version the ack was first given on, as far as its mail says. */
		int firstGivenOn() {
			return (Boolean.TRUE.equals(this.mail.carried()) && this.mail.firstGivenOn() != null)
					? this.mail.firstGivenOn() : this.mail.version();
		}

		/**
		 * The Message-ID of the mail the condition was given in; the mail it rests on
		 * when that is not known (a carried ack imported before it was kept).
		 */
		String conditionMessageId() {
			return (this.mail.conditionMessageId() != null) ? this.mail.conditionMessageId() : this.mail.messageId();
		}

		/** The version the condition was given on (as {@link #conditionMessageId()}). */
		int conditionGivenOn() {
			return (this.mail.conditionGivenOn() != null) ? this.mail.conditionGivenOn() : this.mail.version();
		}

	}

	/**
	 * The current positions on the session's proposals given by mail, by proposal and
	 * person.
	 */
	List<MailGiven> mailGiven(Long sessionId) {
		return this.jdbc.query("""
				select pr.key, pe.handle, pe.name, pe.email, p.stance, p.conditions, p.rationale, p.mail_posted_since,
				       %s
				from session_proposal sp join proposal pr on pr.id = sp.proposal_id
				join position p on p.proposal_id = sp.proposal_id join person pe on pe.id = p.person_id
				where sp.session_id = ? and p.entry_method = 'BY_MAIL' and p.withdrawn_at is null
				order by sp.seq, pe.handle
				""".formatted(Evidence.COLUMNS),
				(rs, i) -> new MailGiven(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						Stance.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), Evidence.read(rs, 9),
						(Integer) rs.getObject(8)),
				sessionId);
	}

}
