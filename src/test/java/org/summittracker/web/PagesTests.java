package org.summittracker.web;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Each page renders the demo summit; what is asserted is what a reader sees.
 */
// The demo summit loaded at start, in a database of its own.
@SummitIntegrationTest(properties = "summit.demo-data.enabled=true")
class PagesTests {

	static final String HTMX_VERSION = "2.0.10";

	static final String SESSION = "/events/maintainers-summit-2021/sessions/using-rust-for-kernel-development";

	@Autowired
	MockMvc mvc;

	@Test
	void homeListsRecentEvents() throws Exception {
		this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(content().string(
					allOf(containsString("Recent events"), containsString("href=\"/events/maintainers-summit-2021\""),
							containsString("Kernel Maintainers Summit 2021"))));
	}

	@Test
	void theStaticFilesThePagesLinkLoad() throws Exception {
		this.mvc.perform(get("/")).andExpect(content().string(containsString("href=\"/css/summit.css?v=")));
		this.mvc.perform(get("/css/summit.css")).andExpect(status().isOk());
		this.mvc.perform(get("/js/live-notes.js")).andExpect(status().isOk());
		this.mvc.perform(get("/webjars/htmx.org/" + HTMX_VERSION + "/dist/htmx.min.js")).andExpect(status().isOk());
	}

	@Test
	void browsersKeepTheStaticFilesUnderAnAddressNamingTheirContent() throws Exception {
		String home = this.mvc.perform(get("/")).andReturn().getResponse().getContentAsString();
		Matcher link = Pattern.compile("href=\"(/css/summit\\.css)\\?v=([0-9a-f]+)\"").matcher(home);
		assertThat(link.find()).as("the stylesheet's link carries a version").isTrue();
		byte[] css = this.mvc.perform(get(link.group(1)))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "max-age=31536000, public"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(css));
		assertThat(digest).as("the version names the content").startsWith(link.group(2));
		this.mvc.perform(get("/webjars/htmx.org/" + HTMX_VERSION + "/dist/htmx.min.js"))
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "max-age=31536000, public"));
	}

	@Test
	void eventsListsTheDemoEvent() throws Exception {
		this.mvc.perform(get("/events"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Kernel Maintainers Summit 2021"),
					containsString("2021-09-20 to 2021-09-24"))));
	}

	@Test
	void eventPageShowsSessionsWithCountsAndReadiness() throws Exception {
		this.mvc.perform(get("/events/maintainers-summit-2021"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Using Rust for kernel development"),
					containsString("Not ready"), containsString("2 of 5 affected subsystems acked"),
					containsString("6 open concerns"), containsString("10 positions recorded"),
					containsString("Bluetooth subsystem: no maintainer has acked"))));
	}

	@Test
	void sessionPageAnswersWhetherTheProposalIsReady() throws Exception {
		this.mvc.perform(get(SESSION))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("Merge Rust support into the mainline kernel as a first-class language"),
						containsString("Not ready"),
						containsString("Bluetooth subsystem: no maintainer has acked (hedberg: no record; "
								+ "vondentz: no record; holtmann: no record)"),
						containsString("Filesystems (VFS): no maintainer has acked (viro: concerned: bisection, "
								+ "toolchain-stability)"),
						containsString("Networking drivers (wireless): no maintainer has acked (kvalo: no record)"),
						containsString("GPIO subsystem: acked by walleij"),
						containsString("Driver core: acked by gregkh (conditions: Patches not ready yet)"))));
	}

	@Test
	void sessionPageShowsEveryPart() throws Exception {
		this.mvc.perform(get(SESSION))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(
					// participants and roles
					containsString("Miguel Ojeda"), containsString("Note-taker"),
					// discussion notes, in order
					containsString("the blank page where the memory"),
					// concerns with key, status and raiser
					containsString("toolchain-stability"), containsString("Requires the newest Rust compiler"),
					containsString("Al Viro"), containsString(">Open<"),
					// the buy-in table, with "no record" for absent maintainers
					containsString("Kalle Valo"), containsString("No record"), containsString("Acked-by"),
					containsString("Stated in session, entered by Demo Organizer"),
					// resolutions and follow-ups
					containsString("Experiment"), containsString("not a majority of all maintainers"),
					containsString("Post the Rust patch set every one to two weeks"),
					containsString("Paul McKenney"))));
	}

	@Test
	void sessionAndEventPagesLinkToTheirMinutes() throws Exception {
		this.mvc.perform(get(SESSION))
			.andExpect(content().string(allOf(containsString("href=\"" + SESSION + "/minutes.md\""),
					containsString("href=\"" + SESSION + "/minutes.pdf\""))));
		this.mvc.perform(get("/events/maintainers-summit-2021"))
			.andExpect(content().string(allOf(containsString("href=\"/events/maintainers-summit-2021/minutes.txt\""),
					containsString("href=\"/events/maintainers-summit-2021/minutes.json\""))));
	}

	@Test
	void discussionNotesAreInOrder() throws Exception {
		String page = this.mvc.perform(get(SESSION)).andReturn().getResponse().getContentAsString();
		int first = page.indexOf("Asked whether the community wants Rust");
		int viro = page.indexOf("needing the latest compiler breaks bisection");
		int closing = page.indexOf("Closing: this is an experiment");
		org.assertj.core.api.Assertions.assertThat(first).isPositive().isLessThan(viro);
		org.assertj.core.api.Assertions.assertThat(viro).isLessThan(closing);
	}

	@Test
	void concernPageShowsTheConcernAndItsThread() throws Exception {
		this.mvc.perform(get(SESSION + "/concerns/code-layout"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("A single top-level Rust directory"),
					containsString("Arnd Bergmann"), containsString("Code layout"),
					containsString("split much of the kernel crate into subsystem crates"),
					containsString("Split the central kernel crate into subsystem-specific crates"))));
	}

	@Test
	void personPageListsPositionsConcernsAndFollowUps() throws Exception {
		this.mvc.perform(get("/people/viro"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Al Viro"), containsString("viro@example.org"),
					containsString("Filesystems (VFS)"), containsString("Concerned"),
					containsString("Bisecting across years of history"),
					containsString(
							"<a href=\"/proposals/rust-for-linux\"><code>rust-for-linux</code> <span>Rust for Linux</span></a>"),
					// The concerns the position cites, each a link.
					containsString(
							"<a href=\"/events/maintainers-summit-2021/sessions/using-rust-for-kernel-development"
									+ "/concerns/bisection\"><code>bisection</code></a>"))));
		this.mvc.perform(get("/people/ojeda"))
			.andExpect(content().string(allOf(containsString("Move toward building with stable Rust features only"),
					containsString("Rust support"))));
	}

	@Test
	void subsystemPageListsMaintainersAndWaitingSessions() throws Exception {
		this.mvc.perform(get("/subsystems/bluetooth"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Marcel Holtmann"), containsString("Johan Hedberg"),
					containsString("Luiz Augusto von Dentz"), containsString("Using Rust for kernel development"),
					containsString("Waiting on this subsystem"), containsString("Proposals affecting it"),
					containsString(
							"<a href=\"/proposals/rust-for-linux\"><code>rust-for-linux</code> <span>Rust for Linux</span></a>"))));
		this.mvc.perform(get("/subsystems/gpio"))
			.andExpect(content().string(allOf(containsString("Linus Walleij"), containsString("acked by walleij"),
					not(containsString("Waiting on this subsystem")),
					containsString("href=\"/proposals/rust-for-linux\""))));
	}

	@Test
	void healthReportsTheDatabaseAndNothingElseIsExposed() throws Exception {
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components.db.status").value("UP"))
			.andExpect(jsonPath("$.components.length()").value(1));
		this.mvc.perform(get("/actuator/env")).andExpect(status().isNotFound());
		this.mvc.perform(get("/actuator/beans")).andExpect(status().isNotFound());
	}

}
