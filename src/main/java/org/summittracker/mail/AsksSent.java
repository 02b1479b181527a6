package org.summittracker.mail;

import java.sql.Array;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.summittracker.account.Actor;
import org.summittracker.audit.AuditableChange;
import org.summittracker.mail.BuyInAsk.Recipient;
import org.summittracker.session.Session;
import org.summittracker.shared.RuleViolation;
import org.summittracker.shared.StaleVersionException;

/**
 * The asks for buy-in by mail that were sent: recorded when the one who asks says they
 * sent the mail (the same ask again is a reminder, a record of its own), shown where the
 * buy-in is, and found again by their Message-ID when an answer is imported.
 */
@Service
public class AsksSent {

	/** The Message-IDs of an imported thread looked up at most (a thread's own). */
	static final int IDS_AT_MOST = 5_000;

	/** A Message-ID's length at most, as the table keeps it. */
	static final int MESSAGE_ID_MAX = 500;

	private final BuyInAsks asks;

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	AsksSent(BuyInAsks asks, JdbcTemplate jdbc, ApplicationEventPublisher events) {
		this.asks = asks;
		this.jdbc = jdbc;
		this.events = events;
	}

	/**
	 * Records that the actor sent the ask about the proposal of that key (the session's
	 * main one when none is given), as the ask page showed it: the Message-ID the page
	 * showed must be the one of the mail as it would be written now (else someone took a
	 * position, or the maintainers changed, since: a {@link StaleVersionException}, and
	 * nothing is recorded). A 404 for a proposal the session does not discuss, a 403 for
	 * anyone who may not ask, a 422 without a Message-ID.
	 */
	@Transactional
	public BuyInAsk record(Actor actor, Session session, String key, String messageId) {
		BuyInAsks.Asked asked = this.asks.ask(actor, session, key);
		if (asked.proposal() == null) {
			throw new RuleViolation("proposal", "mail.ask.sent.no-proposal");
		}
		String shown = bare(messageId);
		if (shown == null) {
			throw new RuleViolation("messageId", "mail.ask.sent.no-message-id");
		}
		BuyInAsk mail = asked.mail();
		if (!mail.isOffered() || !shown.equals(bare(mail.messageId()))) {
			throw new StaleVersionException("BuyInAsk", asked.proposal().getKey());
		}
		Long id = this.jdbc.queryForObject("""
				insert into buy_in_ask (session_id, proposal_id, message_id, subject, sent_by, sent_by_id)
				values (?, ?, ?, ?, ?, ?) returning id
				""", Long.class, session.getId(), asked.proposal().getId(), shown, truncate(mail.subject(), 200),
				truncate(actor.username(), 64), actor.personId());
		List<String> handles = mail.to().stream().map(Recipient::handle).toList();
		Map<String, String> addresses = mail.to()
			.stream()
			.collect(Collectors.toMap(Recipient::handle, Recipient::address, (a, b) -> a));
		List<Object[]> rows = new ArrayList<>();
		this.jdbc.query("select id, handle from person where handle = any(?)", (rs) -> {
			rows.add(new Object[] { id, rs.getLong(1), truncate(addresses.get(rs.getString(2)), 254) });
		}, array("varchar", handles.toArray()));
		this.jdbc.batchUpdate("insert into buy_in_ask_recipient (ask_id, person_id, address) values (?, ?, ?)", rows);
		this.events.publishEvent(
				new AuditableChange(actor.username(), "BUY_IN_ASKED", "Session", session.getId(), session.getId(),
						truncate("Asked " + handles.size() + " maintainers by mail for their position on "
								+ asked.proposal().getKey() + " (" + String.join(", ", handles) + "; Message-ID "
								+ mail.messageId() + ")", 2000)));
		return mail;
	}

	/** The asks of the session recorded so far, newest first, as its page shows them. */
	@Transactional(readOnly = true)
	public List<AskSent> ofSession(Long sessionId) {
		return this.jdbc.query(AskSent.SHOWN_ROWS.replace("any(?)", "?"), (rs, i) -> new AskSent(rs.getLong(1),
				rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getLong(5), rs.getLong(6)),
				sessionId);
	}

	/**
	 * A recorded ask that mail of an imported thread answers (names in its
	 * {@code In-Reply-To} or {@code References}, or is).
	 *
	 * @param thisSession whether it is an ask of the session importing the thread
	 * @param sessionPath the page of the session it was sent from
	 */
	public record Answered(long id, boolean thisSession, String sessionPath, String sessionTitle, String proposal,
			String proposalTitle, Instant sentAt, String sentBy) {

		/** The day it was sent, {@code 2026-12-01} (UTC). */
		public String day() {
			return this.sentAt.atOffset(java.time.ZoneOffset.UTC).toLocalDate().toString();
		}

	}

	/**
	 * What the asks a thread answers mean for its import into the session.
	 *
	 * @param asks the recorded asks it answers, those of this session first, newest first
	 */
	public record Answers(List<Answered> asks) {

		/** The asks of other sessions it answers: its readings are not recorded here. */
		public List<Answered> elsewhere() {
			return this.asks.stream().filter((a) -> !a.thisSession()).toList();
		}

		/** The keys of the proposals this session's asks it answers were about. */
		public Set<String> proposals() {
			return this.asks.stream()
				.filter(Answered::thisSession)
				.map(Answered::proposal)
				.collect(Collectors.toCollection(LinkedHashSet::new));
		}

		/**
		 * The proposal the thread's readings are for: the one this session's asks it
		 * answers were about, else the one the importer chose ({@code chosen}).
		 */
		public String proposal(String chosen) {
			Set<String> keys = proposals();
			return (keys.size() == 1) ? keys.iterator().next() : chosen;
		}

		/** Those keys, joined: “a, b”. */
		public String proposalKeys() {
			return String.join(", ", proposals());
		}

		/** Whether what the thread holds may be recorded for this session. */
		public boolean recordable() {
			return elsewhere().isEmpty() && proposals().size() <= 1;
		}

		/** This session's asks it answers. */
		public List<Answered> here() {
			return this.asks.stream().filter(Answered::thisSession).toList();
		}

		/**
		 * Refuses to record what the thread holds when it answers an ask of another
		 * session (its positions belong there), or asks of this session about several
		 * proposals (which one each answer is for is not known).
		 */
		public void requireRecordable() {
			if (!elsewhere().isEmpty()) {
				Answered other = elsewhere().get(0);
				throw new RuleViolation("thread", "mail.answers.refused.elsewhere", other.sessionTitle(),
						other.proposal());
			}
			if (proposals().size() > 1) {
				throw new RuleViolation("thread", "mail.answers.refused.several", proposalKeys());
			}
		}

	}

	/**
	 * The recorded asks the thread's mail answers or holds (by the Message-IDs of its
	 * {@code In-Reply-To}, {@code References} and {@code Message-ID} headers): one query.
	 */
	@Transactional(readOnly = true)
	public Answers answeredBy(Session session, List<MailMessage> messages) {
		Set<String> ids = new LinkedHashSet<>();
		for (MailMessage message : messages) {
			add(ids, message.messageId());
			add(ids, message.inReplyTo());
			message.references().forEach((r) -> add(ids, r));
		}
		if (ids.isEmpty()) {
			return new Answers(List.of());
		}
		List<String> looked = ids.stream().limit(IDS_AT_MOST).toList();
		List<Answered> found = this.jdbc.query("""
				select a.id, a.session_id = ?, '/events/' || e.slug || '/sessions/' || s.slug, s.title, pr.key,
				       pr.title, a.sent_at, coalesce(b.name, a.sent_by)
				from buy_in_ask a join summit_session s on s.id = a.session_id join event e on e.id = s.event_id
				join proposal pr on pr.id = a.proposal_id left join person b on b.id = a.sent_by_id
				where a.message_id = any(?)
				order by a.session_id = ? desc, a.id desc
				limit 100
				""",
				(rs, i) -> new Answered(rs.getLong(1), rs.getBoolean(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8)),
				session.getId(), array("varchar", looked.toArray()), session.getId());
		return new Answers(found);
	}

	private static void add(Set<String> ids, String id) {
		String bare = bare(id);
		if (bare != null) {
			ids.add(bare);
		}
	}

	/**
	 * A Message-ID without its angle brackets and surrounding blanks, or {@code null}
	 * when blank or longer than a Message-ID may be.
	 */
	static String bare(String messageId) {
		if (messageId == null) {
			return null;
		}
		String id = messageId.strip();
		if (id.startsWith("<") && id.endsWith(">")) {
			id = id.substring(1, id.length() - 1).strip();
		}
		// PostgreSQL's text holds no NUL, and no Message-ID holds a control character.
		boolean control = id.chars().anyMatch((c) -> c < 0x20 || c == 0x7f);
		return (id.isEmpty() || id.length() > MESSAGE_ID_MAX || control) ? null : id;
	}

	private Array array(String type, Object[] values) {
		return this.jdbc.execute((ConnectionCallback<Array>) (connection) -> connection.createArrayOf(type, values));
	}

	private static String truncate(String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max);
	}

}
