package org.summittracker.mail;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrailerTests {

	@Test
	void readsNameAddressAndNote() {
		Trailer trailer = Trailer.parse("Acked-by: Greg Kroah-Hartman <GregKH@linuxfoundation.org> # for USB");
		assertThat(trailer.kind()).isEqualTo(Trailer.Kind.ACKED);
		assertThat(trailer.name()).isEqualTo("Greg Kroah-Hartman");
		assertThat(trailer.address()).isEqualTo("gregkh@linuxfoundation.org");
		assertThat(trailer.note()).isEqualTo("for USB");
		assertThat(trailer.line()).isEqualTo("Acked-by: Greg Kroah-Hartman <gregkh@linuxfoundation.org> # for USB");
	}

	@Test
	void readsEveryBuyInKindAndNoOther() {
		assertThat(Trailer.parse("Reviewed-by: J <j@x.org>").kind()).isEqualTo(Trailer.Kind.REVIEWED);
		assertThat(Trailer.parse("tested-by: J <j@x.org>").kind()).isEqualTo(Trailer.Kind.TESTED);
		assertThat(Trailer.parse("Nacked-by: J <j@x.org>").kind()).isEqualTo(Trailer.Kind.NACKED);
		assertThat(Trailer.parse("NACKed-by: J <j@x.org>").kind()).isEqualTo(Trailer.Kind.NACKED);
		assertThat(Trailer.parse("Signed-off-by: J <j@x.org>")).isNull();
		assertThat(Trailer.parse("I acked-by mistake")).isNull();
	}

	@Test
	void anAckForOnePartIsAnAckWithThatPartAsItsNote() {
		Trailer mfd = Trailer.parse("Acked-for-MFD-by: Lee Jones <lee@kernel.example>");
		assertThat(mfd.kind()).isEqualTo(Trailer.Kind.ACKED);
		assertThat(mfd.address()).isEqualTo("lee@kernel.example");
		assertThat(mfd.note()).isEqualTo("for MFD");
		assertThat(Trailer.parse("NAKed-by: N <n@x.org>").kind()).isEqualTo(Trailer.Kind.NACKED);
		assertThat(MailText.ofReply("Nacked.\nIt leaks.").trailers()).hasSize(1);
		assertThat(MailText.ofReply("Nacked.\nIt leaks.").prose()).isEqualTo("It leaks.");
	}

	@Test
	void readsBareAddressAndQuotedName() {
		assertThat(Trailer.parse("Acked-by: j@x.org").address()).isEqualTo("j@x.org");
		assertThat(Trailer.parse("Acked-by: \"Doe, Jane\" <j@x.org>").name()).isEqualTo("Doe, Jane");
	}

	@Test
	void noAddressIsTheSendersWord() {
		Trailer trailer = Trailer.parse("Acked-by: Greg");
		assertThat(trailer.address()).isNull();
		assertThat(trailer.from("Greg K", "g@x.org").address()).isEqualTo("g@x.org");
	}

}
