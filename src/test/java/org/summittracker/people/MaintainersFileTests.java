package org.summittracker.people;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.summittracker.people.MaintainersFile.Contact;
import org.summittracker.people.MaintainersFile.Entry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parses a real copy of the kernel's MAINTAINERS file, carried in the test resources.
 */
class MaintainersFileTests {

	static List<Entry> realFile() throws IOException {
		try (InputStreamReader reader = new InputStreamReader(
				MaintainersFileTests.class.getResourceAsStream("/maintainers/MAINTAINERS"), StandardCharsets.UTF_8)) {
			return MaintainersFile.parse(reader);
		}
	}

	@Test
	void readsEveryEntryOfTheRealFile() throws IOException {
		List<Entry> entries = realFile();
		assertThat(entries).hasSize(1153);
		assertThat(entries.stream().mapToInt((e) -> e.maintainers().size()).sum()).isEqualTo(1433);
		assertThat(entries.get(0).name()).isEqualTo("3C59X NETWORK DRIVER");
		assertThat(entries.get(0).maintainers())
			.containsExactly(new Contact("Steffen Klassert", "klassert@mathematik.tu-chemnitz.de"));
		assertThat(entries.get(0).mailingList()).isEqualTo("netdev@vger.kernel.org");
		Entry last = entries.get(entries.size() - 1);
		assertThat(last.name()).isEqualTo("THE REST");
		assertThat(last.status()).isEqualTo(Subsystem.Status.UNKNOWN);
		assertThat(last.statusText()).isEqualTo("Buried alive in reporters");
	}

	@Test
	void keepsAccentedQuotedAndMailOnlyContacts() throws IOException {
		List<Contact> contacts = realFile().stream().flatMap((e) -> e.maintainers().stream()).toList();
		assertThat(contacts).contains(new Contact("Rafał Miłecki", "zajec5@gmail.com"),
				new Contact("James E.J. Bottomley", "James.Bottomley@HansenPartnership.com"),
				new Contact("Jan \"Yenya\" Kasprzak", "kas@fi.muni.cz"),
				new Contact("coda@cs.cmu.edu", "coda@cs.cmu.edu"));
		assertThat(contacts).allSatisfy((c) -> assertThat(c.email()).isNotNull());
	}

	@Test
	void mapsFreeFormStatuses() throws IOException {
		assertThat(MaintainersFile.status("Odd fixes")).isEqualTo(Subsystem.Status.ODD_FIXES);
		assertThat(MaintainersFile.status("Odd Fixes (e.g., new signatures)")).isEqualTo(Subsystem.Status.ODD_FIXES);
		assertThat(MaintainersFile.status("Maintained:")).isEqualTo(Subsystem.Status.MAINTAINED);
		assertThat(MaintainersFile.status("Orphan / Obsolete")).isEqualTo(Subsystem.Status.ORPHAN);
		assertThat(MaintainersFile.status("Unmaintained")).isEqualTo(Subsystem.Status.UNKNOWN);
		assertThat(realFile().stream().filter((e) -> e.status() == Subsystem.Status.SUPPORTED)).hasSize(240);
	}

	@Test
	void readsReviewersAndToleratesSpacesForTabs() throws IOException {
		String text = """
				Maintainers List (try to look for most precise areas first)

						-----------------------------------

				FOO DRIVER
				M:      Ann Maintainer <ann@example.org>
				R:	Rob Reviewer <rob@example.org>
				L:	foo@lists.example.org (moderated for non-subscribers)
				S:	Supported
				F:	drivers/foo/
				""";
		List<Entry> entries = MaintainersFile.parse(new StringReader(text));
		assertThat(entries).hasSize(1);
		assertThat(entries.get(0).maintainers()).containsExactly(new Contact("Ann Maintainer", "ann@example.org"));
		assertThat(entries.get(0).reviewers()).containsExactly(new Contact("Rob Reviewer", "rob@example.org"));
		assertThat(entries.get(0).mailingList()).isEqualTo("foo@lists.example.org");
		assertThat(entries.get(0).status()).isEqualTo(Subsystem.Status.SUPPORTED);
	}

	@Test
	void aMistypedCopyAddsNobodyNamelessAndKeepsAnAddressMissingItsClosingBracket() throws IOException {
		String text = """
				Maintainers List

				FOO DRIVER
				M:	Jane Doe <jane@example.org
				M:
				R:
				S:	Maintained
				""";
		List<Entry> entries = MaintainersFile.parse(new StringReader(text));
		assertThat(entries).hasSize(1);
		assertThat(entries.get(0).maintainers()).containsExactly(new Contact("Jane Doe", "jane@example.org"));
		assertThat(entries.get(0).reviewers()).isEmpty();
	}

	@Test
	void textWithoutAMaintainersListHasNoEntries() throws IOException {
		assertThat(MaintainersFile.parse(new StringReader("just some text\nM:\tnobody\n"))).isEmpty();
	}

}
