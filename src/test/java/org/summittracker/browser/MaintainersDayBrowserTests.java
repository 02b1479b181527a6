package org.summittracker.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Bluetooth maintainer who was at the 2021 summit (no record on the Rust session in the
 * demo) walks their day through the pages: finds what waits on them ("Waiting on me" in
 * the header), reads the Rust session's readiness, records a position with a condition (a
 * first try without the condition is refused, what was chosen kept) and changes it,
 * answers a concern and files one, takes the follow-up an organizer assigned them and
 * marks it done, finds their subsystem's feed, their positions across summits, the
 * concern they filed by part of a word, makes an API token and records a position with
 * it, and downloads the session's minutes. They withdraw the position at the end, which
 * leaves the session's readiness as before (the other journeys read it so).
 */
@BrowserTest
class MaintainersDayBrowserTests {

	static final String SESSION_URL = "/events/maintainers-summit-2021/sessions/using-rust-for-kernel-development";

	static final String BLUETOOTH_PENDING = "Bluetooth subsystem: no maintainer has acked (hedberg: no record; "
			+ "vondentz: no record; holtmann: no record)";

	@Test
	void aMaintainerWalksTheirDayFromWhatWaitsOnThemToTheMinutes(Reader reader) throws Exception {
		long tag = System.nanoTime();
		String task = "Port btusb to the Rust driver API " + tag;
		String word = "Snarfloader" + tag;
		String concernTitle = word + " support for Rust Bluetooth drivers";

		// An organizer assigns them a follow-up after the session.
		reader.signsInAs("organizer");
		Page assign = reader.visits(SESSION_URL, SessionPage::new).followsLink("Assign a follow-up");
		assign.fillsIn("What is to be done", task);
		assign.fillsIn("Owner (handle, such as ojeda)", "vondentz");
		assertThat(assign.pressesButton("Assign the follow-up", FollowUpPage::new).flash())
			.isEqualTo("Follow-up assigned to vondentz.");
		reader.signsOut();

		// What waits on me: the home page, and all of it under "Waiting on me".
		HomePage home = reader.signsInAs("vondentz");
		assertThat(home.section("Waiting on me")).contains("Rust for Linux", "affects Bluetooth subsystem", task);
		Page waiting = home.followsHeaderLink("Waiting on me", Page::new);
		assertThat(waiting.heading()).isEqualTo("Waiting on me");
		assertThat(waiting.itemsOf("Proposals waiting on my position")).singleElement()
			.asString()
			.contains("rust-for-linux Rust for Linux", "affects Bluetooth subsystem",
					"Record my position in “Using Rust for kernel development”");
		assertThat(waiting.itemsOf("My follow-ups")).anySatisfy((item) -> assertThat(item).contains(task, "Open"));

		// Is the Rust session ready? It says what is missing, Bluetooth among it.
		SessionPage session = waiting.followsLink("Record my position in", SessionPage::new);
		assertThat(session.path()).isEqualTo(SESSION_URL);
		assertThat(session.readiness()).contains("NOT READY");
		assertThat(session.missing()).contains(BLUETOOTH_PENDING);

		// An ack with a condition; without the condition it is refused, the stance kept.
		session.ticks("Supports with conditions (Acked-by, conditions required)");
		session = session.pressesButton("Save the position", SessionPage::new);
		assertThat(session.text()).contains("Say what the conditions are: an ack with conditions needs them.");
		assertThat(reader.find(By.id("stance-SUPPORTS_WITH_CONDITIONS")).isSelected()).isTrue();
		session.fillsIn("Conditions (required for an ack with conditions)", "New drivers only, no rewrites");
		session = session.pressesButton("Save the position", SessionPage::new);
		assertThat(session.flash()).isEqualTo("Your position is saved.");
		assertThat(session.readiness())
			.contains("Bluetooth subsystem: acked by vondentz (conditions: New drivers only, no rewrites)");

		// ... and changed: undecided after all.
		session.ticks("Undecided");
		session.fillsIn("Rationale (required for a Nacked-by)", "Waiting for the toolchain answer");
		session = session.pressesButton("Save the position", SessionPage::new);
		assertThat(session.flash()).isEqualTo("Your position is saved.");
		assertThat(session.missing()).anySatisfy((line) -> assertThat(line).startsWith("Bluetooth subsystem")
			.contains("vondentz: undecided: Waiting for the toolchain answer"));
		assertThat(session.followsHeaderLink("Waiting on me", Page::new).section("Proposals waiting on my position"))
			.contains("No open proposal affecting a subsystem you maintain is waiting on your position.");

		// Answer a concern, then file one.
		session = reader.visits(SESSION_URL, SessionPage::new);
		ConcernPage concern = session.opensConcern("toolchain-stability");
		concern.fillsIn("Your response (Markdown)", "Bluetooth can live with one compiler per release " + tag);
		concern = concern.pressesButton("Respond", ConcernPage::new);
		assertThat(concern.flash()).isEqualTo("Your response was added.");
		assertThat(concern.section("Responses")).contains("Luiz Augusto von Dentz",
				"Bluetooth can live with one compiler per release " + tag);
		Page file = concern.opensSession().followsLink("File a concern");
		file.fillsIn("Title", concernTitle);
		file.chooses("Category", "Other");
		file.fillsIn("Description (Markdown)", "The firmware loader has no Rust abstraction yet.");
		ConcernPage filed = file.pressesButton("File the concern", ConcernPage::new);
		assertThat(filed.flash()).startsWith("Filed the concern ");
		assertThat(filed.text()).contains(concernTitle, "Luiz Augusto von Dentz");
		String filedPath = filed.path();

		// Take the follow-up and mark it done.
		waiting = filed.followsHeaderLink("Waiting on me", Page::new);
		assertThat(waiting.section("Concerns I raised that are still open")).contains(concernTitle);
		FollowUpPage followUp = waiting.followsLink(task, FollowUpPage::new);
		followUp = followUp.marks("In progress");
		assertThat(followUp.status()).isEqualTo("In progress");
		followUp = followUp.marks("Done");
		assertThat(followUp.flash()).isEqualTo("Follow-up marked done.");
		assertThat(followUp.history()).contains("in progress → done", "open → in progress");
		waiting = followUp.followsHeaderLink("Waiting on me", Page::new);
		assertThat(waiting.section("My follow-ups")).doesNotContain(task);

		// My page: my positions across summits, and my subsystem's feed.
		PersonPage me = waiting.followsHeaderLink("My page", PersonPage::new);
		assertThat(me.heading()).isEqualTo("Luiz Augusto von Dentz");
		assertThat(me.positions()).singleElement()
			.asString()
			.contains("rust-for-linux Rust for Linux", "Using Rust for kernel development", "Undecided");
		SubsystemPage bluetooth = me.opensSubsystem("Bluetooth subsystem");
		String feed = bluetooth.footerLink("Changes affecting bluetooth (Atom)");
		assertThat(feed).endsWith("/subsystems/bluetooth/feed.atom");
		assertThat(get(feed, null).body()).contains(concernTitle);

		// The concern I filed, found again by the part of a word I remember.
		bluetooth.fillsIn("Search every summit", word.substring(0, 8).toLowerCase());
		Page search = bluetooth.pressesButton("Search", Page::new);
		assertThat(search.text()).contains("No results");
		search = search.followsLink(word.substring(0, 8).toLowerCase() + "*");
		assertThat(search.text()).contains("Concerns (1)", concernTitle);

		// A token for a script, which records the position as the maintainer.
		Page tokens = search.followsHeaderLink("API tokens", Page::new);
		tokens.fillsIn("Name", "laptop-" + tag);
		tokens.ticks("Read and write");
		tokens = tokens.pressesButton("Make the token", Page::new);
		String token = reader.find(By.id("issued-secret")).getText();
		assertThat(token).startsWith("st_");
		String api = reader.baseUrl() + "/api/v1" + SESSION_URL + "/positions/vondentz";
		Matcher version = Pattern.compile("\"version\":(\\d+)").matcher(get(api, token).body());
		assertThat(version.find()).isTrue();
		HttpResponse<String> put = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(api))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.header("If-Match", "\"" + version.group(1) + "\"")
				.PUT(HttpRequest.BodyPublishers.ofString(
						"{\"stance\":\"supports with conditions\",\"conditions\":\"Rust drivers beside C ones\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
		session = reader.visits(SESSION_URL, SessionPage::new);
		assertThat(session.readiness())
			.contains("Bluetooth subsystem: acked by vondentz (conditions: Rust drivers beside C ones)");

		// The minutes of the session, for the list.
		String minutes = session.downloadsMinutes("txt").text();
		assertThat(minutes).contains("Acked-by: Luiz Augusto von Dentz <vondentz@example.org>", word);

		// The concern filed is the maintainer's to withdraw; with the position withdrawn,
		// the session reads as it did.
		ConcernPage mine = reader.visits(filedPath, ConcernPage::new);
		mine.ticks("Withdrawn");
		mine = mine.pressesButton("Change the status", ConcernPage::new);
		assertThat(mine.flash()).isEqualTo("The concern is now Withdrawn.");
		PositionPage position = reader.visits(SESSION_URL + "/positions/vondentz", PositionPage::new);
		assertThat(position.timeline()).hasSize(3);
		assertThat(position.withdraws().missing()).contains(BLUETOOTH_PENDING);
	}

	private static HttpResponse<String> get(String url, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
