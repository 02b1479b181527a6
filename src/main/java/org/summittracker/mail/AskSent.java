package org.summittracker.mail;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.summittracker.shared.Dates;

/**
 * An ask for buy-in by mail that was sent, as the session page and the ask page show it:
 * which proposal it was about, when and by whom it was sent, how many maintainers it went
 * To, and how many of those still have no position on the proposal.
 *
 * @param proposal the key of the proposal asked about
 * @param sentBy the sender's name (their account's name when it belongs to no person)
 * @param asked how many maintainers it went To
 * @param unanswered how many of them have no position on the proposal now
 */
public record AskSent(long id, String proposal, Instant sentAt, String sentBy, long asked, long unanswered) {

	/** The asks a session page shows at most, newest first. */
	public static final int SHOWN = 10;

	/**
	 * The newest asks of the session {@code ?} ({@code bigint[]} of one id), as
	 * {@link #of} reads them: each with its number of recipients and of those without a
	 * position on its proposal (withdrawn ones count as none), read by the ask's
	 * recipients (a few each).
	 */
	public static final String SHOWN_ROWS = """
			select a.id, pr.key, a.sent_at, coalesce(b.name, a.sent_by),
			       (select count(*) from buy_in_ask_recipient r where r.ask_id = a.id),
			       (select count(*) from buy_in_ask_recipient r where r.ask_id = a.id and not exists (
			           select 1 from position po
			           where po.proposal_id = a.proposal_id and po.person_id = r.person_id
			             and po.withdrawn_at is null))
			from buy_in_ask a join proposal pr on pr.id = a.proposal_id left join person b on b.id = a.sent_by_id
			where a.session_id = any(?)
			order by a.session_id, a.id desc
			limit\s""" + SHOWN;

	/** An ask from a row as {@link #SHOWN_ROWS} lists it. */
	public static AskSent of(Object[] row) {
		return new AskSent(((Number) row[0]).longValue(), (String) row[1], (Instant) row[2], (String) row[3],
				((Number) row[4]).longValue(), ((Number) row[5]).longValue());
	}

	/** The asks from rows as {@link #SHOWN_ROWS} lists them. */
	public static List<AskSent> of(List<Object[]> rows) {
		return rows.stream().map(AskSent::of).toList();
	}

	/** The day it was sent, {@code 2026-12-01} (UTC). */
	public String day() {
		return this.sentAt.atOffset(ZoneOffset.UTC).toLocalDate().toString();
	}

	/**
	 * When it was sent, for {@code <time datetime>} (whole seconds, as HTML allows at
	 * most three digits of a fraction).
	 */
	public String sentIso() {
		return Dates.isoText(this.sentAt);
	}

	/** The asks of these about the proposal of that key, in their order. */
	public static List<AskSent> about(List<AskSent> asks, String key) {
		return asks.stream().filter((a) -> a.proposal().equals(key)).toList();
	}

}
