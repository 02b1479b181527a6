package org.summittracker.feed;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.WireFeedInput;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A fresh demo's feeds tell what the demo summit recorded, dated as its records are and
 * made by its note-taker, not nothing (and not 1970). Other tests of this context may add
 * changes of their own to the demo session, so only the demo's are looked for.
 */
@SummitIntegrationTest(properties = "summit.demo-data.enabled=true")
class DemoFeedsTests {

	private static final String SESSION = "/events/maintainers-summit-2021/sessions/using-rust-for-kernel-development";

	/** When its agenda was in place (DemoSummit.AGENDA_AT, the summit's first day). */
	private static final Instant AGENDA_AT = Instant.parse("2021-09-20T00:00:00Z");

	/** When the demo's records were made (DemoSummit.RECORDED_AT). */
	private static final Instant RECORDED_AT = Instant.parse("2021-09-27T00:00:00Z");

	@Autowired
	MockMvc mvc;

	@Test
	void theDemoSessionsFeedTellsWhatItRecordedWhenItRecordedItAndByWhom() throws Exception {
		Feed feed = feed(SESSION + "/feed.atom");
		List<Entry> demo = feed.getEntries()
			.stream()
			.filter((e) -> !e.getUpdated().toInstant().isAfter(RECORDED_AT))
			.toList();
		assertThat(demo).extracting((e) -> e.getSummary().getValue())
			.anySatisfy((s) -> assertThat(s).startsWith("Resolution 2 recorded: Agreed"))
			.anySatisfy((s) -> assertThat(s).startsWith("Follow-up assigned to paulmck"))
			.anySatisfy((s) -> assertThat(s).startsWith("Filed toolchain-stability"))
			.anySatisfy((s) -> assertThat(s).startsWith("Position of viro: none → Concerned"));
		assertThat(demo).allSatisfy((e) -> {
			assertThat(e.getUpdated().toInstant()).isIn(AGENDA_AT, RECORDED_AT);
			assertThat(e.getAuthors()).extracting(SyndPerson::getName).containsExactly("organizer");
		});
		assertThat(feed.getEntries())
			.allSatisfy((e) -> assertThat(e.getUpdated()).isBeforeOrEqualTo(new java.util.Date()));
	}

	@Test
	void everyFeedOfTheDemoHasTheDemosChangesAndIsDatedByThem() throws Exception {
		for (String path : List.of("/feed.atom", "/events/maintainers-summit-2021/feed.atom", SESSION + "/feed.atom",
				"/proposals/rust-for-linux/feed.atom", "/people/viro/feed.atom", "/subsystems/vfs/feed.atom")) {
			Feed feed = feed(path);
			assertThat(feed.getEntries()).as(path)
				.anySatisfy((e) -> assertThat(e.getUpdated().toInstant()).isEqualTo(RECORDED_AT));
			assertThat(feed.getUpdated().toInstant()).as(path).isAfterOrEqualTo(RECORDED_AT);
		}
		assertThat(feed("/people/viro/feed.atom").getEntries()).extracting((e) -> e.getSummary().getValue())
			.anySatisfy((s) -> assertThat(s).startsWith("Filed bisection"))
			.anySatisfy((s) -> assertThat(s).startsWith("Position of viro"));
	}

	@Test
	void theSessionHistoryListsTheDemosRecordsInWords() throws Exception {
		String history = fetch(SESSION + "/history?page=2").getContentAsString()
				+ fetch(SESSION + "/history").getContentAsString();
		assertThat(history).contains("Filed code-layout", "Responded to code-layout", "Note 17 taken: torvalds",
				"Added ojeda (lead)", "Created the session using-rust-for-kernel-development");
	}

	private Feed feed(String path) throws Exception {
		return (Feed) new WireFeedInput().build(new StringReader(fetch(path).getContentAsString()));
	}

	private MockHttpServletResponse fetch(String path) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(path)).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response;
	}

}
