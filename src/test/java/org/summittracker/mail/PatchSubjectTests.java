package org.summittracker.mail;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PatchSubjectTests {

	@Test
	void readsVersionNumberAndPrefix() {
		PatchSubject subject = PatchSubject.parse("[PATCH v3 2/5] driver core: add a helper");
		assertThat(subject.patch()).isTrue();
		assertThat(subject.reply()).isFalse();
		assertThat(subject.version()).isEqualTo(3);
		assertThat(subject.number()).isEqualTo(2);
		assertThat(subject.total()).isEqualTo(5);
		assertThat(subject.prefix()).isEqualTo("driver core");
		assertThat(subject.summary()).isEqualTo("driver core: add a helper");
		assertThat(subject.position()).isEqualTo("v3 2/5");
	}

	@Test
	void missingVersionIsVersionOne() {
		PatchSubject subject = PatchSubject.parse("[PATCH] mm: fix it");
		assertThat(subject.version()).isEqualTo(1);
		assertThat(subject.total()).isZero();
		assertThat(subject.isCoverLetter()).isFalse();
	}

	@Test
	void coverLetterIsNumberZero() {
		assertThat(PatchSubject.parse("[PATCH net-next v2 0/7] net: things").isCoverLetter()).isTrue();
		assertThat(PatchSubject.parse("[PATCH net-next v2 0/7] net: things").version()).isEqualTo(2);
		assertThat(PatchSubject.parse("[PATCH v2.1 3/7] net: a fix-up").version()).isEqualTo(2);
		assertThat(PatchSubject.parse("[PATCHv4 3/7] net: joined").version()).isEqualTo(4);
	}

	@Test
	void rfcAndResendAreRead() {
		PatchSubject subject = PatchSubject.parse("Re: [RFC PATCH RESEND v4 1/1] mm: faster");
		assertThat(subject.rfc()).isTrue();
		assertThat(subject.resend()).isTrue();
		assertThat(subject.reply()).isTrue();
		assertThat(subject.version()).isEqualTo(4);
		assertThat(PatchSubject.parse("[RFC] idea: something").patch()).isTrue();
	}

	@Test
	void separateBracketsAndGluedVersionAreRead() {
		PatchSubject subject = PatchSubject.parse("RE: Re: [RFC][PATCHv2 3/4] x86: y");
		assertThat(subject.reply()).isTrue();
		assertThat(subject.version()).isEqualTo(2);
		assertThat(subject.number()).isEqualTo(3);
		assertThat(subject.summary()).isEqualTo("x86: y");
	}

	@Test
	void plainSubjectIsNoPatch() {
		PatchSubject subject = PatchSubject.parse("Re: what about the summit?");
		assertThat(subject.patch()).isFalse();
		assertThat(subject.prefix()).isEmpty();
		assertThat(PatchSubject.parse(null).summary()).isEmpty();
	}

}
