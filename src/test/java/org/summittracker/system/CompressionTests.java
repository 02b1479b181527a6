package org.summittracker.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import org.summittracker.support.Fixture;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers read for the first time are not sent from the page cache (which keeps them
 * gzipped) but streamed as they are written: Tomcat compresses those, for every type of
 * answer that compresses, over real HTTP.
 */
@SummitIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CompressionTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	private final HttpClient http = HttpClient.newHttpClient();

	private Fixture.Built session;

	/** A session with enough in it, and in its feeds, to be worth compressing. */
	@BeforeEach
	void session() {
		this.session = this.fixture.newSession("compressed", 3, 3, 3);
		Long id = this.jdbc.queryForObject("select id from summit_session where slug = ?", Long.class,
				this.session.slug());
		for (int i = 0; i < 12; i++) {
			this.jdbc.update(
					"insert into audit_entry (actor, action, entity_type, entity_id, session_id, summary) "
							+ "values ('organizer', 'SESSION_EDITED', 'Session', ?, ?, ?)",
					id, id, "Edited the session's summary, change " + i + " of twelve, in " + this.session.slug());
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/feed.atom", "{session}/feed.atom", "{session}", "{session}/minutes.md",
			"{session}/minutes.json" })
	void answersReadForTheFirstTimeAreGzipped(String answer) throws Exception {
		String path = answer.replace("{session}", this.session.url());
		// A query string of its own: an address never asked for, so nothing kept answers.
		String address = path + "?first=" + System.nanoTime();
		HttpResponse<byte[]> plain = get(address, "identity");
		assertThat(plain.statusCode()).isEqualTo(200);
		assertThat(plain.body().length).as("large enough to be compressed").isGreaterThan(2048);
		HttpResponse<byte[]> gzipped = get(path + "?first=" + System.nanoTime(), "gzip");
		assertThat(gzipped.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
		assertThat(gzipped.body().length).isLessThan(plain.body().length);
	}

	@Test
	void anEventsCalendarIsGzipped() throws Exception {
		this.fixture.moreSessionsIn(this.session.eventSlug(), 5);
		this.jdbc.update(
				"update summit_session set day = date '2024-09-01', scheduled_at = timestamptz"
						+ " '2024-09-01 09:00Z' + schedule_order * interval '1 hour', duration_minutes = 45,"
						+ " room = 'Room ' || schedule_order where event_id = (select id from event where slug = ?)",
				this.session.eventSlug());
		answersReadForTheFirstTimeAreGzipped("/events/" + this.session.eventSlug() + "/timetable.ics");
	}

	private HttpResponse<byte[]> get(String path, String encoding) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept-Encoding", encoding)
			.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

}
