package org.summittracker.mail;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.summittracker.position.Stance;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadReadingTests {

	private final ThreadReading thread = ThreadReading
		.of(Mbox.read(MailFixtures.bytes("series.mbox"), MailLimits.DEFAULT));

	@Test
	void readsTheSeries() {
		assertThat(this.thread.latestVersion()).isEqualTo(2);
		assertThat(this.thread.series()).isEqualTo("v2 0/2 driver core: add a device link helper");
		assertThat(this.thread.messages()).isEqualTo(11);
	}

	@Test
	void readsTheFilesTheNewestVersionsDiffsTouch() {
		// A "+Acked-by:" inside a diff is code, and a reply's quoted diff is no patch.
		assertThat(this.thread.paths()).containsExactly("drivers/base/core.c", "drivers/usb/core/hub.c");
		// As MAINTAINERS' DRIVER CORE entry covers them: its own file, not USB's.
		List<String> driverCore = List.of("Documentation/kobject.txt", "drivers/base/", "fs/sysfs/", "fs/debugfs/",
				"include/linux/kobj*", "include/linux/debugfs.h", "lib/kobj*");
		assertThat(this.thread.paths()
			.stream()
			.filter((p) -> driverCore.stream().anyMatch((f) -> org.summittracker.people.SubsystemFiles.matches(f, p))))
			.containsExactly("drivers/base/core.c");
	}

	@Test
	void aConditionalAckSupportsWithTheSentenceAsCondition() {
		Reading greg = given("gregkh@linuxfoundation.org");
		assertThat(greg.stance()).isEqualTo(Stance.SUPPORTS_WITH_CONDITIONS);
		assertThat(greg.condition()).isEqualTo("This is fine if you take it through your tree.");
		assertThat(greg.version()).isEqualTo(1);
		assertThat(greg.on()).isEqualTo("v1 1/2 driver core: add device_link_helper()");
		assertThat(greg.messageId()).isEqualTo("2025030409-greg@linuxfoundation.org");
		assertThat(greg.link()).isEqualTo("https://lore.kernel.org/r/2025030409-greg@linuxfoundation.org");
		assertThat(greg.senderMismatch()).isFalse();
	}

	@Test
	void aQuotedAckIsSomeoneElsesAndIgnored() {
		assertThat(this.thread.readings()).noneMatch((r) -> "quote-1@example.com".equals(r.messageId()));
		assertThat(this.thread.byAddress()).doesNotContainKey("quentin@example.com");
	}

	@Test
	void aTrailerInsideADiffIsNoTrailer() {
		assertThat(this.thread.byAddress()).doesNotContainKey("diff@example.org");
	}

	@Test
	void aBareNackOpposesWithTheMailsTextAsRationale() {
		Reading nora = given("nora@example.net");
		assertThat(nora.stance()).isEqualTo(Stance.OPPOSES);
		assertThat(nora.trailer().kind()).isEqualTo(Trailer.Kind.NACKED);
		assertThat(nora.rationale()).isEqualTo("This breaks suspend on every hub I have. Nora");
		assertThat(nora.on()).startsWith("v1 2/2 usb:");
	}

	@Test
	void testedByIsANoteNotAStance() {
		Reading rene = given("rene@example.fr");
		assertThat(rene.noteOnly()).isTrue();
		assertThat(rene.trailer().name()).isEqualTo("René Tester");
		assertThat(rene.note()).isEqualTo("Tested-by on v1 (on arm64)");
		assertThat(rene.on()).startsWith("v1 0/2");
	}

	@Test
	void aCarriedTrailerKnowsTheVersionItWasFirstGivenOn() {
		Reading carried = this.thread.byAddress()
			.get("gregkh@linuxfoundation.org")
			.stream()
			.filter(Reading::carried)
			.findFirst()
			.orElseThrow();
		assertThat(carried.version()).isEqualTo(2);
		assertThat(carried.firstGivenOn()).isEqualTo(1);
		// Greg's ack on v1 was conditional: carried forward unchanged, it still is.
		assertThat(carried.stance()).isEqualTo(Stance.SUPPORTS_WITH_CONDITIONS);
		assertThat(carried.condition()).isEqualTo("This is fine if you take it through your tree.");
		assertThat(carried.conditionGivenOn()).isEqualTo(1);
		assertThat(carried.conditionMessageId()).isEqualTo("2025030409-greg@linuxfoundation.org");
		assertThat(carried.messageId()).isEqualTo("20250310100000.2-alice@example.org");
	}

	/**
	 * Series v2 with X's conditional ack, then v3 carrying it; X's reply on v3 optional.
	 */
	static String carriedSeries(String v3Reply) {
		String mbox = patch(2, "")
				+ reply(2, "Fine as long as the tree goes through rust-next.\n\nAcked-by: X <x@x.org>")
				+ patch(3, "Acked-by: X <x@x.org>\n");
		return (v3Reply != null) ? mbox + reply(3, v3Reply) : mbox;
	}

	private static String patch(int version, String carried) {
		return "From x Thu Jan  1 00:00:00 1970\nFrom: A <a@x.org>\nSubject: [PATCH v" + version
				+ " 1/1] rust: add Foo\nDate: Mon, " + version + " Mar 2025 10:00:00 +0000\nMessage-Id: <v" + version
				+ "@x>\n\nFoo.\n\n" + carried
				+ "Signed-off-by: A <a@x.org>\n---\ndiff --git a/rust/foo.rs b/rust/foo.rs\n\n";
	}

	private static String reply(int version, String body) {
		return "From x Thu Jan  1 00:00:00 1970\nFrom: X <x@x.org>\nSubject: Re: [PATCH v" + version
				+ " 1/1] rust: add Foo\nDate: Tue, " + (version + 10) + " Mar 2025 10:00:00 +0000\nMessage-Id: <x-v"
				+ version + "@x>\nIn-Reply-To: <v" + version + "@x>\n\n" + body + "\n\n";
	}

	@Test
	void anAckCarriedForwardKeepsTheConditionGivenWithItOnAnEarlierVersion() {
		ThreadReading reading = ThreadReading.of(Mbox.read(carriedSeries(null), MailLimits.DEFAULT));
		Reading x = ThreadReading.standing(reading.byAddress().get("x@x.org"));
		assertThat(x.carried()).isTrue();
		assertThat(x.version()).isEqualTo(3);
		assertThat(x.stance()).isEqualTo(Stance.SUPPORTS_WITH_CONDITIONS);
		assertThat(x.condition()).isEqualTo("Fine as long as the tree goes through rust-next.");
		assertThat(x.conditionGivenOn()).isEqualTo(2);
		assertThat(x.conditionLink()).isEqualTo("https://lore.kernel.org/r/x-v2@x");
		assertThat(x.firstGivenOn()).isEqualTo(2);
	}

	@Test
	void aNewConditionOnTheCarryingVersionReplacesTheOldOne() {
		ThreadReading reading = ThreadReading
			.of(Mbox.read(carriedSeries("Only if it lands after -rc3.\n\nAcked-by: X <x@x.org>"), MailLimits.DEFAULT));
		Reading x = ThreadReading.standing(reading.byAddress().get("x@x.org"));
		assertThat(x.carried()).isFalse();
		assertThat(x.condition()).isEqualTo("Only if it lands after -rc3.");
		assertThat(x.conditionGivenOn()).isNull();
		// And a plain ack given again on v3 drops it.
		ThreadReading plain = ThreadReading
			.of(Mbox.read(carriedSeries("Still fine.\n\nAcked-by: X <x@x.org>"), MailLimits.DEFAULT));
		Reading again = ThreadReading.standing(plain.byAddress().get("x@x.org"));
		assertThat(again.stance()).isEqualTo(Stance.SUPPORTS);
		assertThat(again.condition()).isNull();
	}

	@Test
	void aCarriedAckGivenPlainlyBeforeHasNoCondition() {
		ThreadReading reading = ThreadReading.of(Mbox.read(
				carriedSeries(null).replace("Fine as long as the tree goes through rust-next.", "Looks good."),
				MailLimits.DEFAULT));
		Reading x = ThreadReading.standing(reading.byAddress().get("x@x.org"));
		assertThat(x.stance()).isEqualTo(Stance.SUPPORTS);
		assertThat(x.condition()).isNull();
		assertThat(x.conditionGivenOn()).isNull();
	}

	@Test
	void theAuthorsSignOffIsNoBuyIn() {
		assertThat(this.thread.byAddress()).doesNotContainKey("alice@example.org");
	}

	@Test
	void aReviewedByFromAnotherAddressShowsTheMismatch() {
		Reading jane = given("jane@example.org");
		assertThat(jane.stance()).isEqualTo(Stance.SUPPORTS);
		assertThat(jane.trailer().kind()).isEqualTo(Trailer.Kind.REVIEWED);
		assertThat(jane.version()).isEqualTo(2);
		assertThat(jane.senderMismatch()).isTrue();
		assertThat(jane.senderAddress()).isEqualTo("jane.work@corp.example");
	}

	@Test
	void thePositionThatStandsIsTheNewestVersions() {
		Map<String, List<Reading>> people = this.thread.byAddress();
		assertThat(people.keySet()).containsExactly("gregkh@linuxfoundation.org", "nora@example.net", "rene@example.fr",
				"jane@example.org");
		Reading greg = ThreadReading.standing(people.get("gregkh@linuxfoundation.org"));
		assertThat(greg.carried()).isTrue();
		assertThat(greg.version()).isEqualTo(2);
	}

	@Test
	void aLaterAckOnTheSameVersionOverridesANack() {
		String mbox = """
				From x Thu Jan  1 00:00:00 1970
				From: N <n@x.org>
				Subject: Re: [PATCH] a: b
				Date: Mon, 3 Mar 2025 10:00:00 +0000
				Message-Id: <1@x>

				NACK, wrong lock.

				From x Thu Jan  1 00:00:00 1970
				From: N <n@x.org>
				Subject: Re: [PATCH] a: b
				Date: Mon, 3 Mar 2025 12:00:00 +0000
				Message-Id: <2@x>

				Ah, I misread it, sorry.

				Acked-by: N <n@x.org>
				""";
		ThreadReading reading = ThreadReading.of(Mbox.read(mbox, MailLimits.DEFAULT));
		assertThat(ThreadReading.standing(reading.byAddress().get("n@x.org")).stance()).isEqualTo(Stance.SUPPORTS);
	}

	@Test
	void aNackOfOnePatchOutweighsAnAckOfAnother() {
		String mbox = """
				From x Thu Jan  1 00:00:00 1970
				From: N <n@x.org>
				Subject: Re: [PATCH 2/2] a: b
				Date: Mon, 3 Mar 2025 10:00:00 +0000
				Message-Id: <1@x>

				Nacked-by: N <n@x.org>

				From x Thu Jan  1 00:00:00 1970
				From: N <n@x.org>
				Subject: Re: [PATCH 1/2] a: c
				Date: Mon, 3 Mar 2025 12:00:00 +0000
				Message-Id: <2@x>

				Acked-by: N <n@x.org>
				""";
		ThreadReading reading = ThreadReading.of(Mbox.read(mbox, MailLimits.DEFAULT));
		Reading standing = ThreadReading.standing(reading.byAddress().get("n@x.org"));
		assertThat(standing.stance()).isEqualTo(Stance.OPPOSES);
		// A Nack without words of its own leaves the rationale to the importer (the
		// preview offers one in words from messages.properties).
		assertThat(standing.rationale()).isNull();
		assertThat(standing.on()).isEqualTo("v1 2/2 a: b");
	}

	@Test
	void aBareNakAndANackedByInOneMailAreOneReading() {
		String mbox = """
				From x Thu Jan  1 00:00:00 1970
				From: N <n@x.org>
				Subject: Re: [PATCH 1/1] a: b
				Date: Mon, 3 Mar 2025 10:00:00 +0000
				Message-Id: <1@x>

				NAK. This breaks suspend.

				Nacked-by: N <n@x.org>
				""";
		ThreadReading reading = ThreadReading.of(Mbox.read(mbox, MailLimits.DEFAULT));
		assertThat(reading.byAddress().get("n@x.org")).singleElement()
			.satisfies((r) -> assertThat(r.stance()).isEqualTo(Stance.OPPOSES))
			.satisfies((r) -> assertThat(r.rationale()).isEqualTo("This breaks suspend."));
	}

	@Test
	void aCoverLettersChangelogCarriesNoTrailer() {
		String mbox = """
				From x Thu Jan  1 00:00:00 1970
				From: A <a@x.org>
				Subject: [PATCH v2 0/1] a: b
				Message-Id: <0@x>

				Changes in v2:
				Reviewed-by: R <r@x.org>
				""";
		assertThat(ThreadReading.of(Mbox.read(mbox, MailLimits.DEFAULT)).readings()).isEmpty();
	}

	@Test
	void aSingleReplyNamesTheVersionInItsSubject() {
		ThreadReading single = ThreadReading.of(Mbox.read(MailFixtures.bytes("single.eml"), MailLimits.DEFAULT));
		Reading linus = ThreadReading.standing(single.byAddress().get("torvalds@linux-foundation.org"));
		assertThat(linus.version()).isEqualTo(3);
		assertThat(linus.stance()).isEqualTo(Stance.SUPPORTS_WITH_CONDITIONS);
		assertThat(linus.condition()).isEqualTo("As long as the numbers hold up on real machines, fine by me.");
		assertThat(single.byAddress()).doesNotContainKey("else@example.org");
	}

	private Reading given(String address) {
		return this.thread.byAddress().get(address).stream().filter((r) -> !r.carried()).findFirst().orElseThrow();
	}

}
