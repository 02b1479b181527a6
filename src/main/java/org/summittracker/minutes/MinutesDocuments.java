package org.summittracker.minutes;

import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.summittracker.minutes.SessionMinutes.BuyInEntry;
import org.summittracker.minutes.SessionMinutes.PositionChange;
import org.summittracker.minutes.SessionMinutes.ReadinessEntry;
import org.summittracker.position.PositionView;
import org.summittracker.position.SessionBuyIn;
import org.summittracker.shared.RoundTrip;

/**
 * The minutes of one session as data ({@link SessionMinutes}, the shape of the JSON
 * export), for the JSON API.
 */
@Service
@Transactional(readOnly = true)
public class MinutesDocuments {

	/**
	 * What {@link #buyInEntry} reads: the changes of the positions in the array (of one),
	 * oldest first.
	 */
	public static final String POSITION_CHANGES = MinutesQueries.PositionChanges.OF_POSITIONS;

	private static final String POSITION_CHANGES_READ = RoundTrip.sql(List.of(POSITION_CHANGES));

	private final MinutesAssembler assembler;

	private final EntityManager entityManager;

	MinutesDocuments(MinutesAssembler assembler, EntityManager entityManager) {
		this.assembler = assembler;
		this.entityManager = entityManager;
	}

	public SessionMinutes of(Long sessionId) {
		return this.assembler.assemble(List.of(sessionId)).get(0);
	}

	/**
	 * A buy-in table (of a session, or of one proposal it discusses) as the minutes write
	 * it, without the positions' histories.
	 */
	public List<BuyInEntry> buyIn(SessionBuyIn buyIn) {
		return buyIn(buyIn, buyIn.rows());
	}

	/**
	 * Rows of a buy-in table (a page of them, or one) as {@link #buyIn(SessionBuyIn)}
	 * writes them.
	 */
	public List<BuyInEntry> buyIn(SessionBuyIn buyIn, List<SessionBuyIn.Row> rows) {
		Map<String, String> emails = MinutesAssembler.maintainerEmails(buyIn);
		return rows.stream().map((row) -> MinutesAssembler.buyInEntry(emails, row, List.of(), null)).toList();
	}

	/**
	 * One row of a buy-in table as the minutes write it, with its position's history and
	 * the mail it was given in: read for that position alone (the session's minutes read
	 * every position's).
	 */
	public BuyInEntry buyInEntry(SessionBuyIn buyIn, SessionBuyIn.Row row) {
		PositionView position = row.position();
		List<PositionChange> history = (position == null) ? List.of() : MinutesAssembler
			.history(RoundTrip.read(this.entityManager, POSITION_CHANGES_READ, List.of(position.id())).get(0));
		return MinutesAssembler.buyInEntry(MinutesAssembler.maintainerEmails(buyIn), row, history,
				(position != null) ? MinutesAssembler.mailEntry(position) : null);
	}

	/** The readiness of a buy-in table as the minutes write it. */
	public ReadinessEntry readiness(SessionBuyIn buyIn) {
		return MinutesAssembler.readinessEntry(buyIn);
	}

}
