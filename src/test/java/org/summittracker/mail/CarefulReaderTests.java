package org.summittracker.mail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Threads in the shape lore serves them, read trailer by trailer the way a careful
 * maintainer reads them: {@code rust-v3.mbox} (CRLF line ends; quoted-printable,
 * format=flowed, RFC 2047 names; b4's changelog; an ack of the cover letter and one of a
 * single patch; a trailer in a signature; a Nack), {@code net-v1-v2.mbox} (v1 then v2;
 * the same person acking both; base64; a PGP-signed reply; an attached log; {@code >From}
 * escaping; a {@code [ tag ]} line between carried trailers; a Nack taken back; an
 * Outlook reply carrying someone else's mail unquoted) and {@code mm-resend.mbox} (one
 * patch; a conditional ack; a trailer wrapped before its address; quotes two levels deep;
 * a follow-up that lost its {@code Re:}).
 */
class CarefulReaderTests {

	private static ThreadReading read(String fixture) {
		return ThreadReading.of(Mbox.read(MailFixtures.bytes(fixture), MailLimits.DEFAULT));
	}

	/** One reading in words, everything a position is made from. */
	static String words(Reading r) {
		return r.trailer().kind().label() + " " + ((r.stance() != null) ? r.stance() : "note") + " v" + r.version()
				+ (r.carried() ? " carried" + ((r.firstGivenOn() != null) ? ", given on v" + r.firstGivenOn() : "")
						: "")
				+ ", on " + r.on() + ", in <" + r.messageId() + ">"
				+ ((r.condition() != null) ? ", if: " + r.condition() : "")
				+ ((r.rationale() != null) ? ", because: " + r.rationale() : "")
				+ ((r.trailer().note() != null) ? ", # " + r.trailer().note() : "")
				+ (r.senderMismatch() ? ", sent by " + r.senderAddress() : "");
	}

	/** Per trailer address, the reading that stands for the person's position. */
	private static Map<String, String> standing(ThreadReading thread) {
		Map<String, String> standing = new LinkedHashMap<>();
		thread.byAddress()
			.forEach((address, readings) -> standing.put(address, words(ThreadReading.standing(readings))));
		return standing;
	}

	private static List<String> all(ThreadReading thread, String address) {
		return thread.byAddress().get(address).stream().map(CarefulReaderTests::words).toList();
	}

	private static final String RUST_COVER = "v3 0/5 rust: add a Foo abstraction and use it in nova-core";

	@Test
	void aRustSeriesWithCrlfLineEndsIsReadTrailerByTrailer() {
		ThreadReading thread = read("rust-v3.mbox");
		assertThat(thread.latestVersion()).isEqualTo(3);
		assertThat(thread.series()).isEqualTo(RUST_COVER);
		assertThat(thread.messages()).isEqualTo(12);
		assertThat(standing(thread)).containsExactly(
				Map.entry("bjorn@rust-maint.example",
						"Acked-by SUPPORTS v3 carried, given on v2, on v3 1/5 rust: kernel: add Foo,"
								+ " in <20250601-foo-v3-1-alice@rust-dev.example>"),
				Map.entry("gary@rust-review.example",
						"Reviewed-by SUPPORTS v3, on v3 1/5 rust: kernel: add Foo,"
								+ " in <20250602120000.gary@rust-review.example>"),
				Map.entry("miguel.ojeda.sandonis@rust-maint.example",
						"Acked-by SUPPORTS v3, on " + RUST_COVER + ", in <CANiq72k-miguel-ack@mail.example>"),
				Map.entry("danilo@gpu-maint.example",
						"Acked-by SUPPORTS v3, on v3 3/5 gpu: nova-core: use Foo, in <aDanilo3@pollux>"),
				Map.entry("andreas@rust-maint.example",
						"Acked-by SUPPORTS v3, on v3 2/5 rust: alloc: let Foo allocate,"
								+ " in <87andreas2.fsf@rust-maint.example>"),
				Map.entry("wedson@rust-dev.example",
						"Nacked-by OPPOSES v3, on v3 5/5 rust: kernel: add Foo::bar(), in <wedson-5@rust-dev.example>,"
								+ " because: bar() duplicates Foo::as_raw(); please drop this patch."));
		// Gary's tag was carried from v2 ("Changes in v2: - Add Reviewed-by from Gary":
		// given on v1), and he gave it again on v3.
		assertThat(all(thread, "gary@rust-review.example")).containsExactly(
				"Reviewed-by SUPPORTS v3 carried, given on v1, on v3 1/5 rust: kernel: add Foo,"
						+ " in <20250601-foo-v3-1-alice@rust-dev.example>",
				"Reviewed-by SUPPORTS v3, on v3 1/5 rust: kernel: add Foo, in <20250602120000.gary@rust-review.example>");
		// The Tested-by in Andreas' signature block is boilerplate, not given here.
		assertThat(all(thread, "andreas@rust-maint.example")).hasSize(1);
	}

	@Test
	void namesAreDecodedAndAWrappedFlowedTrailerIsOneLine() {
		ThreadReading thread = read("rust-v3.mbox");
		Reading miguel = thread.byAddress().get("miguel.ojeda.sandonis@rust-maint.example").get(0);
		assertThat(miguel.senderName()).isEqualTo("Miguel Ojéda");
		assertThat(miguel.trailer().line())
			.isEqualTo("Acked-by: Miguel Ojéda <miguel.ojeda.sandonis@rust-maint.example>");
		assertThat(miguel.senderMismatch()).isFalse();
		assertThat(thread.byAddress().get("bjorn@rust-maint.example").get(0).trailer().name()).isEqualTo("Björn Baron");
		assertThat(thread.byAddress().get("andreas@rust-maint.example").get(0).trailer().line())
			.isEqualTo("Acked-by: andreas hindborg <andreas@rust-maint.example>");
		// Trevor only quotes Miguel's ack; his flowed text is unwrapped, not refused.
		List<MailMessage> messages = Mbox.read(MailFixtures.bytes("rust-v3.mbox"), MailLimits.DEFAULT);
		MailMessage trevor = messages.stream()
			.filter((m) -> "trevor-1@rust-review.example".equals(m.messageId()))
			.findFirst()
			.orElseThrow();
		assertThat(trevor.body()).contains("I had a look at the From impl too; it is fine.").doesNotContain("\r");
	}

	@Test
	void flowedTextIsUnwrappedPerQuoteDepth() {
		assertThat(MailText.unflow("a \r\nb\r\n> c \r\n> d\r\n> -- \r\n> sig\r\n From here\r\n", false))
			.isEqualTo("a b\n> c d\n> -- \n> sig\nFrom here\n");
		assertThat(MailText.unflow("Acked-by: A Long  \n<a@x.org>", true)).isEqualTo("Acked-by: A Long <a@x.org>");
	}

	@Test
	void anAckOfTheCoverLetterIsAboutTheSeriesAnAckOfAPatchAboutItsFiles() {
		ThreadReading thread = read("rust-v3.mbox");
		assertThat(thread.byAddress().get("miguel.ojeda.sandonis@rust-maint.example").get(0).paths())
			.containsExactly("rust/kernel/foo.rs", "rust/kernel/alloc/kbox.rs", "drivers/gpu/nova-core/gpu.rs");
		assertThat(thread.byAddress().get("danilo@gpu-maint.example").get(0).paths())
			.containsExactly("drivers/gpu/nova-core/gpu.rs");
		assertThat(thread.byAddress().get("bjorn@rust-maint.example").get(0).paths())
			.containsExactly("rust/kernel/foo.rs");
	}

	@Test
	void aNetSeriesPostedTwiceIsReadPerVersion() {
		ThreadReading thread = read("net-v1-v2.mbox");
		assertThat(thread.latestVersion()).isEqualTo(2);
		assertThat(thread.series()).isEqualTo("v2 0/2 tcp: batch the ack path");
		assertThat(standing(thread)).containsExactly(
				Map.entry("jakub@net-maint.example",
						"Acked-by SUPPORTS v2, on v2 0/2 tcp: batch the ack path, in <jakub-v2@net-maint.example>"),
				Map.entry("eric@net-maint.example",
						"Reviewed-by SUPPORTS v2 carried, given on v1, on v2 1/2 tcp: batch the ack path,"
								+ " in <202507012.1-bob@net-dev.example>"),
				Map.entry("paolo@net-maint.example",
						"Acked-by SUPPORTS v2, on v2 2/2 net: acme: use the batched ack path,"
								+ " in <paolo-v2@net-maint.example>"),
				Map.entry("wei@acme.example", "Acked-by SUPPORTS v2, on v2 2/2 net: acme: use the batched ack path,"
						+ " in <SA1PR-wei@acme.example>"));
		// The same person acking v1, then carried in v2, then acking v2 again.
		assertThat(all(thread, "jakub@net-maint.example")).containsExactly(
				"Acked-by SUPPORTS v1, on v1 0/2 tcp: batch the ack path, in <jakub-v1@net-maint.example>",
				"Acked-by SUPPORTS v2 carried, given on v1, on v2 1/2 tcp: batch the ack path,"
						+ " in <202507012.1-bob@net-dev.example>, # for the tcp part",
				"Acked-by SUPPORTS v2, on v2 0/2 tcp: batch the ack path, in <jakub-v2@net-maint.example>");
		// A bare NACK on v1, taken back on v2; the Outlook reply quoting Paolo's mail
		// unquoted gives nothing of Paolo's.
		assertThat(all(thread, "paolo@net-maint.example")).containsExactly(
				"Nacked-by OPPOSES v1, on v1 2/2 net: acme: use the batched ack path,"
						+ " in <paolo-v1@net-maint.example>,"
						+ " because: acme_poll() sleeps with the lock held; see the splat attached.",
				"Acked-by SUPPORTS v2, on v2 2/2 net: acme: use the batched ack path, in <paolo-v2@net-maint.example>");
		assertThat(all(thread, "eric@net-maint.example")).hasSize(2);
	}

	@Test
	void mboxrdEscapingIsUndone() {
		List<MailMessage> messages = Mbox.read(MailFixtures.bytes("net-v1-v2.mbox"), MailLimits.DEFAULT);
		assertThat(messages).hasSize(12);
		assertThat(messages.get(1).body()).contains("\nFrom the measurements: 3% fewer cycles.\n")
			.contains("\n>From quoted in the original, kept as it was.\n");
	}

	@Test
	void aSinglePatchThreadIsReadWithItsConditionsWrapsAndFollowUps() {
		ThreadReading thread = read("mm-resend.mbox");
		String on = "v1 mm/slab: shrink the per-cpu partial list";
		assertThat(thread.latestVersion()).isEqualTo(1);
		assertThat(standing(thread)).containsExactly(
				Map.entry("vlasta@mm-maint.example",
						"Reviewed-by SUPPORTS v1, on " + on + ", in <vlasta-2@home.example>,"
								+ " sent by vbabka@home.example"),
				Map.entry("harry@mm-review.example",
						"Reviewed-by SUPPORTS v1, on " + on + ", in <harry-1@mm-review.example>"),
				Map.entry("tess@test.example",
						"Tested-by note v1, on " + on + ", in <tess-1@test.example>, # x86_64, arm64"),
				Map.entry("lorenzo@mm-maint.example",
						"Acked-by SUPPORTS v1, on " + on + ", in <lorenzo-1@mm-maint.example>"));
		assertThat(all(thread, "vlasta@mm-maint.example")).containsExactly(
				"Acked-by SUPPORTS_WITH_CONDITIONS v1, on " + on + ", in <vlasta-1@mm-maint.example>,"
						+ " if: If Andrew takes it through mm-unstable that's fine;"
						+ " otherwise it should wait for the slab tree.",
				"Reviewed-by SUPPORTS v1, on " + on + ", in <vlasta-2@home.example>, sent by vbabka@home.example");
		assertThat(thread.byAddress().get("harry@mm-review.example").get(0).trailer().name())
			.isEqualTo("Harry Hyeonggon Yoo-Longname");
	}

}
