package org.summittracker.minutes;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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
		return this.assembler.assemble(java.util.List.of(sessionId)).get(0);
	}

}
