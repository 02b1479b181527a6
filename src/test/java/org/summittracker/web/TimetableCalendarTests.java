package org.summittracker.web;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import org.summittracker.support.Fixture;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An event's timetable as an iCalendar feed, parsed back with ical4j as calendar
 * applications read it: every session placed on a day at a start time, at its times, in
 * its room, with its page's address; a cancelled one CANCELLED; one not placed absent.
 */
@SummitIntegrationTest
class TimetableCalendarTests {

	/** Text that needs escaping, a line break and characters beyond ASCII. */
	static final String ODD_TITLE = "Rust, C; and \\back\\slashes\nNew line: café ünïcödé 日本語 🦀";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void everyPlacedSessionIsAnEventAtItsTimesInItsRoomWithItsAddress() throws Exception {
		String event = event("timetable-ics");
		MockHttpServletResponse response = this.mvc.perform(get("/events/{e}/timetable.ics", event))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(response.getContentType()).startsWith("text/calendar");
		assertThat(response.getHeader(HttpHeaders.CONTENT_DISPOSITION))
			.isEqualTo("inline; filename=\"" + event + ".ics\"");
		String body = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).endsWith("END:VCALENDAR\r\n");
		for (String line : body.split("\r\n")) {
			assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
		}
		assertThat(body.replace("\r\n", "")).as("lines end in CRLF").doesNotContain("\n").doesNotContain("\r");
		assertThat(body).as("long lines are folded").contains("\r\n ");
		Calendar calendar = new CalendarBuilder().build(new StringReader(body));
		assertThat(calendar.validate().hasErrors()).as("%s", calendar.validate()).isFalse();
		Map<String, VEvent> bySummary = calendar.<VEvent>getComponents("VEVENT")
			.stream()
			.collect(Collectors.toMap((e) -> value(e, "SUMMARY"), (e) -> e));
		List<Map<String, Object>> placed = this.jdbc.queryForList("select s.id, s.slug, s.title, s.scheduled_at,"
				+ " s.duration_minutes, s.room, s.status, s.version from summit_session s join event e"
				+ " on e.id = s.event_id where e.slug = ? and s.scheduled_at is not null", event);
		assertThat(placed).hasSize(4);
		assertThat(bySummary).as("one event per placed session, the unplaced one left out")
			.containsOnlyKeys(placed.stream().map((s) -> (String) s.get("title")).toList());
		for (Map<String, Object> s : placed) {
			VEvent e = bySummary.get((String) s.get("title"));
			Instant start = ((java.sql.Timestamp) s.get("scheduled_at")).toInstant();
			assertThat(Instant.from(e.getDateTimeStart().getDate())).isEqualTo(start);
			assertThat(value(e, "DTSTART")).endsWith("Z");
			assertThat(value(e, "DTEND")).endsWith("Z");
			assertThat(Instant.from(e.getDateTimeEnd().getDate()))
				.isEqualTo(start.plusSeconds(60L * (Integer) s.get("duration_minutes")));
			assertThat(value(e, "LOCATION")).isEqualTo(s.get("room"));
			assertThat(value(e, "URL"))
				.isEqualTo("http://localhost:8080/events/" + event + "/sessions/" + s.get("slug"));
			assertThat(value(e, "UID")).isEqualTo("session-" + s.get("id") + "@localhost");
			assertThat(value(e, "SEQUENCE")).isEqualTo(String.valueOf(s.get("version")));
			assertThat(value(e, "DTSTAMP")).matches("\\d{8}T\\d{6}Z");
			assertThat(value(e, "LAST-MODIFIED")).matches("\\d{8}T\\d{6}Z");
			assertThat(value(e, "STATUS")).isEqualTo("CANCELLED".equals(s.get("status")) ? "CANCELLED" : "CONFIRMED");
			assertThat(value(e, "DESCRIPTION")).doesNotContain("\n")
				.matches("Led by Person 0 of .* · Proposal [a-z0-9-]+: Proposal .* · (Ready|Not ready): \\d+ of 5"
						+ " affected subsystems acked");
		}
		assertThat(bySummary).containsKey(ODD_TITLE);
		assertThat(value(bySummary.get(ODD_TITLE), "STATUS")).isEqualTo("CANCELLED");
	}

	@Test
	void aSessionChangedMovesItsSequenceAndLastModified() throws Exception {
		String event = event("timetable-ics-changed");
		String slug = event + "-session";
		VEvent before = eventOf(event, slug);
		this.jdbc.update("update summit_session set title = 'Renamed', version = version + 1 where slug = ?", slug);
		this.jdbc.update("insert into audit_entry (actor, action, entity_type, entity_id, session_id, summary,"
				+ " occurred_at) select 'organizer', 'SESSION_EDITED', 'Session', id, id, 'Renamed', now() + interval"
				+ " '1 second' from summit_session where slug = ?", slug);
		VEvent after = eventOf(event, slug);
		assertThat(value(after, "UID")).isEqualTo(value(before, "UID"));
		assertThat(value(after, "SUMMARY")).isEqualTo("Renamed");
		assertThat(Integer.parseInt(value(after, "SEQUENCE")))
			.isGreaterThan(Integer.parseInt(value(before, "SEQUENCE")));
		assertThat(value(after, "LAST-MODIFIED")).isGreaterThan(value(before, "LAST-MODIFIED"));
	}

	@Test
	void aReaderWhoHasItIsToldItIsUnchanged() throws Exception {
		String event = event("timetable-ics-kept");
		MockHttpServletResponse first = this.mvc.perform(get("/events/{e}/timetable.ics", event))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(first.getHeader(HttpHeaders.ETAG)).isNotNull();
		assertThat(first.getHeader(HttpHeaders.LAST_MODIFIED)).isNotNull();
		this.mvc
			.perform(get("/events/{e}/timetable.ics", event).header(HttpHeaders.IF_NONE_MATCH,
					first.getHeader(HttpHeaders.ETAG)))
			.andExpect(status().isNotModified());
	}

	@Test
	void unknownAndOddEventsHaveNoTimetable() throws Exception {
		this.mvc.perform(get("/events/no-such-event/timetable.ics")).andExpect(status().isNotFound());
		for (String odd : List.of("Ünïcödé", "a;b,c", "..", "%00", "x'--", "<script>")) {
			assertThat(this.mvc.perform(get("/events/{e}/timetable.ics", odd)).andReturn().getResponse().getStatus())
				.as(odd)
				.isBetween(400, 404);
		}
	}

	@Test
	void theEventPageLinksItsTimetableForCalendars() throws Exception {
		String event = event("timetable-ics-linked");
		String page = this.mvc.perform(get("/events/{e}", event))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page)
			.contains("<link rel=\"alternate\" type=\"text/calendar\" href=\"/events/" + event + "/timetable.ics\"")
			.contains("<a href=\"/events/" + event + "/timetable.ics\" type=\"text/calendar\"")
			.contains("Add to calendar");
	}

	private VEvent eventOf(String event, String slug) throws Exception {
		String body = this.mvc.perform(get("/events/{e}/timetable.ics", event))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return new CalendarBuilder().build(new StringReader(body))
			.<VEvent>getComponents("VEVENT")
			.stream()
			.filter((e) -> value(e, "URL").endsWith("/sessions/" + slug))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * An event of five sessions: four placed on a day at a start time (one cancelled,
	 * titled with text that needs escaping), one not placed.
	 */
	private String event(String name) {
		String url = this.fixture.session(name, 1, 1, 1);
		String event = url.substring("/events/".length(), url.indexOf("/sessions/"));
		this.fixture.moreSessionsIn(event, 4);
		this.jdbc.update("update summit_session set day = date '2024-09-01' + (schedule_order % 2),"
				+ " scheduled_at = timestamptz '2024-09-01 09:00Z' + (schedule_order % 2) * interval '1 day'"
				+ " + schedule_order * interval '1 hour', duration_minutes = 30 + schedule_order,"
				+ " room = 'Room ' || schedule_order || ', first floor; east'"
				+ " where event_id = (select id from event where slug = ?) and schedule_order < 5", event);
		this.jdbc.update("update summit_session set status = 'CANCELLED', title = ? where slug = ?", ODD_TITLE,
				event + "-extra-0");
		return event;
	}

	private static String value(VEvent event, String name) {
		return event.<Property>getProperty(name).orElseThrow().getValue();
	}

}
