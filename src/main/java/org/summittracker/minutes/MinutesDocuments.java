package org.summittracker.minutes;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.summittracker.minutes.SessionMinutes.BuyInEntry;
import org.summittracker.minutes.SessionMinutes.ReadinessEntry;
import org.summittracker.position.SessionBuyIn;

/**
 * The minutes of one session as data ({@link SessionMinutes}, the shape of the JSON
 * export), for the JSON API.
 */
@Service
@Transactional(readOnly = true)
public class MinutesDocuments {

	private final MinutesAssembler assembler;

	MinutesDocuments(MinutesAssembler assembler) {
		this.assembler = assembler;
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

	/** The readiness of a buy-in table as the minutes write it. */
	public ReadinessEntry readiness(SessionBuyIn buyIn) {
		return MinutesAssembler.readinessEntry(buyIn);
	}

}
