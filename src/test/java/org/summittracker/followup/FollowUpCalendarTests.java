package org.summittracker.followup;

import java.io.StringReader;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import org.summittracker.support.Fixture;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The calendar feed parses as iCalendar, one event per dated follow-up, as calendar
 * applications read it.
 */
@SummitIntegrationTest
class FollowUpCalendarTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aPersonsFollowUpsParseAsOneEventPerDueDate() throws Exception {
		this.fixture.session("calendar", 0, 2, 3);
		String handle = "calendar-session-p0";
		// Text that needs escaping and folding: commas, semicolons, a long title and
		// non-ASCII characters.
		this.jdbc.update(
				"update follow_up set title = ? where title = 'Follow-up 0' and owner_id ="
						+ " (select id from person where handle = ?)",
				"Split the kernel crate; per subsystem, café ünïcödé " + "x".repeat(120), handle);
		this.jdbc.update("update follow_up set due_on = null where title = 'Follow-up 3' and owner_id ="
				+ " (select id from person where handle = ?)", handle);
		MockHttpServletResponse response = this.mvc.perform(get("/people/{h}/follow-ups.ics", handle))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(response.getContentType()).startsWith("text/calendar");
		String body = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		for (String line : body.split("\r\n")) {
			assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
		}
		assertThat(body.replace("\r\n", "")).doesNotContain("\n");
		Calendar calendar = new CalendarBuilder().build(new StringReader(body));
		calendar.validate();
		List<VEvent> events = calendar.getComponents("VEVENT");
		assertThat(events).hasSize(1);
		VEvent event = events.get(0);
		assertThat(value(event, "SUMMARY")).startsWith("Split the kernel crate; per subsystem, café ünïcödé xxx");
		assertThat(value(event, "UID")).startsWith("follow-up-");
		assertThat(value(event, "DTSTAMP")).matches("\\d{8}T\\d{6}Z");
		assertThat(value(event, "DTSTART")).isEqualTo("20241001");
		assertThat(value(event, "URL")).startsWith("http://localhost:8080/follow-ups/");
	}

	private static String value(VEvent event, String name) {
		return event.<net.fortuna.ical4j.model.Property>getProperty(name).orElseThrow().getValue();
	}

	@Test
	void unknownPeopleHaveNoFeed() throws Exception {
		this.mvc.perform(get("/people/nobody-here/follow-ups.ics")).andExpect(status().isNotFound());
	}

}
