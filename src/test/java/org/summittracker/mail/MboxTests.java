package org.summittracker.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import org.summittracker.shared.RuleViolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MboxTests {

	@Test
	void splitsAnMboxAndReadsHeaders() {
		List<MailMessage> messages = Mbox.read(MailFixtures.bytes("series.mbox"), MailLimits.DEFAULT);
		assertThat(messages).hasSize(11);
		MailMessage greg = messages.get(3);
		assertThat(greg.messageId()).isEqualTo("2025030409-greg@linuxfoundation.org");
		assertThat(greg.inReplyTo()).isEqualTo("20250303100000.2-alice@example.org");
		assertThat(greg.references()).containsExactly("20250303100000.1-alice@example.org",
				"20250303100000.2-alice@example.org");
		assertThat(greg.fromName()).isEqualTo("Greg Kroah-Hartman");
		assertThat(greg.fromAddress()).isEqualTo("gregkh@linuxfoundation.org");
		assertThat(greg.date()).isEqualTo(Instant.parse("2025-03-04T09:00:00Z"));
		assertThat(greg.subject().reply()).isTrue();
		assertThat(greg.subject().position()).isEqualTo("v1 1/2");
	}

	@Test
	void unescapesFromLinesInBodies() {
		MailMessage patch = Mbox.read(MailFixtures.bytes("series.mbox"), MailLimits.DEFAULT).get(1);
		assertThat(patch.body()).contains("\nFrom the old days").doesNotContain(">From");
	}

	@Test
	void decodesRfc2047NamesQuotedPrintableAndBase64Bodies() {
		List<MailMessage> messages = Mbox.read(MailFixtures.bytes("series.mbox"), MailLimits.DEFAULT);
		MailMessage rene = messages.get(6);
		assertThat(rene.fromName()).isEqualTo("René Tester");
		assertThat(rene.body()).contains("all fine — thanks").contains("Tested-by: René Tester <rene@example.fr>");
		MailMessage jane = messages.get(10);
		assertThat(jane.body()).contains("café all round")
			.contains("Reviewed-by: Jane Reviewer <jane@example.org>")
			.doesNotContain("AAAA");
	}

	@Test
	void readsAnEightBitBodyThatNamesNoCharsetAsUtf8() {
		String raw = "From: =?iso-8859-1?q?J=F6rg_T=E4ster?= <joerg@example.net>\nSubject: Re: [PATCH] x: y\n"
				+ "Message-ID: <joerg@x>\n\nWorks here.\n\nTested-by: Jörg Täster <joerg@example.net>\n";
		MailMessage message = Mbox.read(raw, MailLimits.DEFAULT).get(0);
		assertThat(message.fromName()).isEqualTo("Jörg Täster");
		assertThat(message.body()).contains("Tested-by: Jörg Täster <joerg@example.net>");
		String ascii = "From: A <a@x.org>\nSubject: Re: [PATCH] x: y\nMessage-ID: <ascii@x>\n"
				+ "Content-Type: text/plain; charset=us-ascii\n\nAcked-by: René <a@x.org>\n";
		assertThat(Mbox.read(ascii, MailLimits.DEFAULT).get(0).body()).contains("Acked-by: René <a@x.org>");
		// Latin-1 bytes that are no UTF-8 are still read as the mail names them.
		byte[] latin1 = ("From: A <a@x.org>\nSubject: Re: [PATCH] x: y\nMessage-ID: <latin@x>\n"
				+ "Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: 8bit\n\n"
				+ "Acked-by: René <a@x.org>\n")
			.getBytes(StandardCharsets.ISO_8859_1);
		assertThat(Mbox.read(latin1, MailLimits.DEFAULT).get(0).body()).contains("Acked-by: René <a@x.org>");
	}

	@Test
	void readsOneRawMessage() {
		List<MailMessage> messages = Mbox.read(MailFixtures.bytes("single.eml"), MailLimits.DEFAULT);
		assertThat(messages).singleElement().satisfies((m) -> {
			assertThat(m.messageId()).isEqualTo("CAHk-=wg+abc/def@mail.gmail.com");
			assertThat(m.subject().version()).isEqualTo(3);
		});
		assertThat(MailMessage.permalink("CAHk-=wg+abc/def@mail.gmail.com"))
			.isEqualTo("https://lore.kernel.org/r/CAHk-=wg+abc%2Fdef@mail.gmail.com");
	}

	@Test
	void readsGzippedMbox() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
			gz.write(MailFixtures.bytes("series.mbox"));
		}
		assertThat(Mbox.read(new ByteArrayInputStream(out.toByteArray()), MailLimits.DEFAULT)).hasSize(11);
	}

	@Test
	void refusesAGzipBomb() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
			byte[] zeros = new byte[1024 * 1024];
			for (int i = 0; i < 20; i++) {
				gz.write(zeros);
			}
		}
		assertThat(out.size()).isLessThan(100_000);
		assertThatExceptionOfType(RuleViolation.class)
			.isThrownBy(() -> Mbox.read(new ByteArrayInputStream(out.toByteArray()), MailLimits.DEFAULT))
			.satisfies((ex) -> assertThat(ex.says("mail.refused.too-big")).isTrue());
	}

	@Test
	void refusesTooManyMessages() {
		StringBuilder mbox = new StringBuilder();
		for (int i = 0; i < 100_000; i++) {
			mbox.append("From x Thu Jan  1 00:00:00 1970\nMessage-Id: <").append(i).append("@x>\n\nhi\n\n");
		}
		assertThatExceptionOfType(RuleViolation.class)
			.isThrownBy(() -> Mbox.read(mbox.toString().getBytes(StandardCharsets.UTF_8), MailLimits.DEFAULT))
			.satisfies((ex) -> assertThat(ex.says("mail.refused.too-many")).isTrue());
	}

	@Test
	void refusesWhatIsNoMailAndTooBigAPaste() {
		assertThatExceptionOfType(RuleViolation.class)
			.isThrownBy(() -> Mbox.read("just some words", MailLimits.DEFAULT))
			.satisfies((ex) -> assertThat(ex.says("mail.refused.not-mail")).isTrue());
		assertThatExceptionOfType(RuleViolation.class)
			.isThrownBy(() -> Mbox.read("x".repeat(2000), new MailLimits(1000, 10, 100)))
			.satisfies((ex) -> assertThat(ex.says("mail.refused.too-big")).isTrue());
	}

	@Test
	void readsWhatItCanOfBrokenHeadersAndUnknownCharsets() {
		String raw = "From: =?x-unknown?B?!!!?= <<broken@@>\nSubject: =?utf-8?Q?bad=ZZ\nDate: yesterday\n"
				+ "Message-ID: <ok@x>\nContent-Type: text/plain; charset=x-nonsense\n\nAcked-by: A <a@x.org>\n";
		MailMessage message = Mbox.read(raw, MailLimits.DEFAULT).get(0);
		assertThat(message.messageId()).isEqualTo("ok@x");
		assertThat(message.date()).isNull();
		assertThat(message.body()).contains("Acked-by: A <a@x.org>");
	}

}
