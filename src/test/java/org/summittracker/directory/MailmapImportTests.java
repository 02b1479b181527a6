package org.summittracker.directory;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import org.summittracker.account.Role;
import org.summittracker.support.Fixture;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A {@code .mailmap} import gives each alias to the person with the proper address;
 * unknown people are reported, not created.
 */
@SummitIntegrationTest
class MailmapImportTests {

	static final AtomicInteger counter = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	private long addressesOf(String handle) {
		return this.jdbc.queryForObject(
				"select count(*) from person_address a join person p on p.id = a.person_id where p.handle = ?",
				Long.class, handle);
	}

	@Test
	void anOrganizerImportsAMailmapAndUnknownPeopleAreReportedNotCreated() throws Exception {
		MockHttpSession organizer = this.fixture.signedIn(this.mvc, "mm-org", Role.ORGANIZER);
		String known = this.fixture.person("mm-known");
		String other = this.fixture.person("mm-other");
		int n = counter.incrementAndGet();
		long people = this.jdbc.queryForObject("select count(*) from person", Long.class);
		String mailmap = """
				# Comments and blank lines are skipped.

				Known Person <%1$s@example.org> <old-%3$d@example.net>
				Known Person <%1$s@example.org> Old Name <OLDER-%3$d@example.net>
				<%1$s@example.org> <%2$s@example.org>
				Only A Name <%1$s@example.org>
				Stranger <stranger-%3$d@example.com> <alias-%3$d@example.com>
				""".formatted(known, other, n);
		this.mvc.perform(get("/imports/mailmap").session(organizer)).andExpect(status().isOk());
		this.mvc
			.perform(
					multipart("/imports/mailmap")
						.file(new MockMultipartFile("file", ".mailmap", "text/plain",
								mailmap.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
						.session(organizer)
						.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("stranger-" + n + "@example.com")))
			.andExpect(content().string(containsString(other + "@example.org (" + other + ")")));
		assertThat(addressesOf(known)).isEqualTo(2);
		assertThat(addressesOf(other)).isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from person", Long.class)).isEqualTo(people);
		this.mvc.perform(get("/people/" + known + "/addresses"))
			.andExpect(content().string(containsString("older-" + n + "@example.net")))
			.andExpect(content().string(containsString("from a .mailmap import")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("added by hand"))));
		assertThat(this.jdbc.queryForList(
				"select distinct a.source from person_address a join person p on p.id = a.person_id where p.handle = ?",
				String.class, known))
			.containsExactly("MAILMAP");
		// Again: nothing more is added.
		this.mvc.perform(post("/imports/mailmap").param("text", mailmap).session(organizer).with(csrf()))
			.andExpect(status().isOk());
		assertThat(addressesOf(known)).isEqualTo(2);
	}

	@Test
	void anEmptyImportAnswers422AndAMaintainerMayNotImport() throws Exception {
		MockHttpSession organizer = this.fixture.signedIn(this.mvc, "mm-org", Role.ORGANIZER);
		this.mvc.perform(post("/imports/mailmap").param("text", " ").session(organizer).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Choose a .mailmap file to import")));
		MockHttpSession maintainer = this.fixture.signedIn(this.mvc, "mm-maint", Role.MAINTAINER);
		this.mvc.perform(get("/imports/mailmap").session(maintainer)).andExpect(status().isForbidden());
		this.mvc.perform(post("/imports/mailmap").param("text", "A <a@b.c> <d@e.f>").session(maintainer).with(csrf()))
			.andExpect(status().isForbidden());
	}

}
