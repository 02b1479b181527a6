package org.summittracker.search;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Records to search for, written straight into the tables, each set under a word of its
 * own ({@code <word>} below) so that tests sharing a database find only their own.
 */
final class SearchData {

	private static final AtomicInteger counter = new AtomicInteger();

	final String tag;

	final String event;

	final String session;

	final long sessionId;

	final long speakerId;

	final long proposalId;

	final String speaker;

	final String subsystem;

	private final JdbcTemplate jdbc;

	/** An event of the given year with one session, a person and a subsystem. */
	SearchData(JdbcTemplate jdbc, String word, int year) {
		this.jdbc = jdbc;
		this.tag = word + "-" + counter.incrementAndGet();
		this.event = "ev-" + this.tag;
		this.session = "se-" + this.tag;
		this.speaker = "pe-" + this.tag;
		this.subsystem = "sub-" + this.tag;
		long eventId = id("insert into event (slug, name, starts_on, ends_on) values (?, ?, ?, ?) returning id",
				this.event, "Summit " + this.tag, java.sql.Date.valueOf(year + "-09-01"),
				java.sql.Date.valueOf(year + "-09-02"));
		this.speakerId = id("insert into person (handle, name, email) values (?, ?, ?) returning id", this.speaker,
				"Speaker " + this.tag, this.speaker + "@example.org");
		this.sessionId = id(
				"insert into summit_session (event_id, slug, title, proposal, summary, lead_id) "
						+ "values (?, ?, ?, ?, ?, ?) returning id",
				eventId, this.session, "Session " + this.tag, "Proposal of " + this.tag, null, this.speakerId);
		this.proposalId = id("insert into proposal (key, title, statement) values (?, ?, ?) returning id",
				this.session + "-" + this.event, "Session " + this.tag, "Proposal of " + this.tag);
		jdbc.update("insert into session_proposal (session_id, proposal_id, seq) values (?, ?, 1)", this.sessionId,
				this.proposalId);
		long subsystemId = id("insert into subsystem (slug, name) values (?, ?) returning id", this.subsystem,
				"Subsystem " + this.tag);
		jdbc.update("insert into session_subsystem (session_id, subsystem_id) values (?, ?)", this.sessionId,
				subsystemId);
		jdbc.update("insert into maintainership (person_id, subsystem_id, role) values (?, ?, 'MAINTAINER')",
				this.speakerId, subsystemId);
	}

	/** A proposal discussed in the session (after its main one); answers its id. */
	long proposal(String key, String title, String statement) {
		long id = id("insert into proposal (key, title, statement) values (?, ?, ?) returning id", key, title,
				statement);
		this.jdbc.update("insert into session_proposal (session_id, proposal_id, seq) values (?, ?, 2)", this.sessionId,
				id);
		return id;
	}

	/** The speaker's position on the proposal. */
	void position(long proposalId) {
		this.jdbc.update(
				"insert into position (proposal_id, session_id, person_id, stance, entry_method, "
						+ "entered_by_id) values (?, ?, ?, 'SUPPORTS', 'BY_MAINTAINER', ?)",
				proposalId, this.sessionId, this.speakerId, this.speakerId);
	}

	long note(int seq, String body) {
		return id("insert into discussion_note (session_id, seq, speaker_id, kind, body) values (?, ?, ?, "
				+ "'OBJECTION', ?) returning id", this.sessionId, seq, this.speakerId, body);
	}

	long concern(String key, String title, String body) {
		return id("insert into concern (proposal_id, session_id, key, title, category_id, raised_by_id, body) "
				+ "values (?, ?, ?, ?, (select id from concern_category where slug = 'other'), ?, ?) returning id",
				this.proposalId, this.sessionId, key, title, this.speakerId, body);
	}

	long response(long concernId, String body) {
		return id("insert into concern_response (concern_id, author_id, body) values (?, ?, ?) returning id", concernId,
				this.speakerId, body);
	}

	long resolution(int seq, String statement) {
		return id("insert into resolution (session_id, seq, statement, outcome) values (?, ?, ?, 'AGREED') "
				+ "returning id", this.sessionId, seq, statement);
	}

	long followUp(String title) {
		return id("insert into follow_up (session_id, title, owner_id) values (?, ?, ?) returning id", this.sessionId,
				title, this.speakerId);
	}

	long person(String handle, String name) {
		return id("insert into person (handle, name) values (?, ?) returning id", handle, name);
	}

	private long id(String sql, Object... args) {
		Long id = this.jdbc.queryForObject(sql, Long.class, args);
		return (id != null) ? id : -1;
	}

}
