package org.summittracker.people;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import org.summittracker.demo.DemoSummitLoader;
import org.summittracker.support.SignIn;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SummitIntegrationTest(properties = "summit.test.context=maintainers-import")
class MaintainersImportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSummitLoader demo;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void loadDemo() {
		this.demo.load();
	}

	@Test
	void anAdministratorImportsTheRealFileAndASecondImportAddsNothing() throws Exception {
		MockHttpSession admin = SignIn.as(this.mvc, "admin");
		long subsystemsBefore = count("subsystem");
		this.mvc.perform(multipart("/admin/imports/maintainers").file(realFile()).session(admin).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Entries read")));
		long subsystemsAfter = count("subsystem");
		assertThat(subsystemsAfter - subsystemsBefore).isGreaterThan(1100);
		// The demo's "GPIO subsystem" is the file's "GPIO SUBSYSTEM": matched, not added
		// again.
		assertThat(this.jdbc.queryForObject("select count(*) from subsystem where lower(name) = 'gpio subsystem'",
				Long.class))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select name from person where email = 'zajec5@gmail.com'", String.class))
			.isEqualTo("Rafał Miłecki");
		assertThat(this.jdbc.queryForObject("""
				select count(*) from maintainership m join subsystem s on s.id = m.subsystem_id
				where s.name = '3C59X NETWORK DRIVER'""", Long.class)).isEqualTo(1);
		// The file's "Al Viro"/"Alexander Viro" <viro@zeniv.linux.org.uk> is the demo's
		// Al Viro, matched by name.
		assertThat(this.jdbc.queryForObject("""
				select count(*) from maintainership m join person p on p.id = m.person_id
				join subsystem s on s.id = m.subsystem_id
				where p.handle = 'viro' and s.name = 'FILESYSTEMS (VFS and infrastructure)'""", Long.class))
			.isEqualTo(1);
		// ...and the file's address is kept as a further one of his, for trailers.
		assertThat(this.jdbc.queryForObject("""
				select count(*) from person_address a join person p on p.id = a.person_id
				where p.handle = 'viro' and a.address = 'viro@zeniv.linux.org.uk' and a.source = 'MAINTAINERS'""",
				Long.class))
			.isEqualTo(1);
		// F: and X: patterns are kept for matching a patch's files.
		assertThat(this.jdbc.queryForObject("""
				select count(*) from subsystem_file_pattern f join subsystem s on s.id = f.subsystem_id
				where s.name ilike 'driver core%' and f.kind = 'F' and f.pattern = 'drivers/base/'
				""", Long.class)).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select count(*) from subsystem_file_pattern where kind = 'X'", Long.class))
			.isPositive();
		long patterns = count("subsystem_file_pattern");
		long people = count("person");
		long addresses = count("person_address");
		long maintainerships = count("maintainership");

		this.mvc.perform(multipart("/admin/imports/maintainers").file(realFile()).session(admin).with(csrf()))
			.andExpect(status().isOk());
		assertThat(count("subsystem")).isEqualTo(subsystemsAfter);
		assertThat(count("person")).isEqualTo(people);
		assertThat(count("maintainership")).isEqualTo(maintainerships);
		assertThat(count("person_address")).isEqualTo(addresses);
		assertThat(count("subsystem_file_pattern")).isEqualTo(patterns);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_entry where action = 'MAINTAINERS_IMPORTED' and actor = 'admin'",
				Long.class))
			.isEqualTo(2);
	}

	@Test
	void theImportSaysItOnlyAddsAndCountsTheSubsystemsHereThatANewerFileDropped() throws Exception {
		MockHttpSession admin = SignIn.as(this.mvc, "admin");
		this.mvc.perform(get("/admin/imports/maintainers").session(admin))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("people, subsystems and maintainers that are no longer in the file")));
		String older = """
				Maintainers List

				00 GONE DRIVER
				M:	Gone Maintainer <gone-maintainer@example.org>
				S:	Maintained

				00 KEPT DRIVER
				M:	Kept Maintainer <kept-maintainer@example.org>
				S:	Maintained
				""";
		String newer = """
				Maintainers List

				00 KEPT DRIVER
				M:	Kept Maintainer <kept-maintainer@example.org>
				S:	Maintained
				""";
		this.mvc.perform(multipart("/admin/imports/maintainers").param("text", older).session(admin).with(csrf()))
			.andExpect(status().isOk());
		// made by hand, first by name: never in a MAINTAINERS file, so not dropped from
		// one
		this.jdbc.update("insert into subsystem (slug, name) values ('00-made-by-hand', '00 MADE BY HAND')");
		long notInNewer = this.jdbc.queryForObject("select count(*) from subsystem where imported_at is not null",
				Long.class) - 1;
		long byHand = this.jdbc.queryForObject("select count(*) from subsystem where imported_at is null", Long.class);
		String gone = this.jdbc.queryForObject("select slug from subsystem where name = '00 GONE DRIVER'",
				String.class);
		String page = this.mvc
			.perform(multipart("/admin/imports/maintainers").param("text", newer).session(admin).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		// The first few by name (and the file's own are not among them, nor those made by
		// hand).
		assertThat(page)
			.contains((notInNewer == 1) ? "1 subsystem an earlier MAINTAINERS import named is no longer in this file"
					: String.format(Locale.ENGLISH, "%,d", notInNewer)
							+ " subsystems an earlier MAINTAINERS import named are no longer in this file and are kept")
			.contains("href=\"/subsystems/" + gone + "\">00 GONE DRIVER</a>")
			.doesNotContain(">00 KEPT DRIVER</a>")
			.doesNotContain(">00 MADE BY HAND</a>")
			.contains(String.format(Locale.ENGLISH, "%,d", byHand) + " subsystems made here by hand are not in this"
					+ " file either");
		assertThat(this.jdbc.queryForObject("select imported_at is null from subsystem where slug = '00-made-by-hand'",
				Boolean.class))
			.isTrue();
		// Kept, with its maintainer.
		assertThat(this.jdbc.queryForObject("""
				select count(*) from maintainership m join subsystem s on s.id = m.subsystem_id
				where s.name = '00 GONE DRIVER'""", Long.class)).isEqualTo(1);
	}

	@Test
	void onlyAdministratorsImport() throws Exception {
		long before = count("subsystem");
		this.mvc
			.perform(multipart("/admin/imports/maintainers").file(realFile()).with(csrf()).accept(MediaType.TEXT_HTML))
			.andExpect(redirectedUrl("/login"));
		for (String username : new String[] { "viro", "organizer" }) {
			MockHttpSession session = SignIn.as(this.mvc, username);
			this.mvc.perform(multipart("/admin/imports/maintainers").file(realFile()).session(session).with(csrf()))
				.andExpect(status().isForbidden());
			this.mvc.perform(get("/admin/imports/maintainers").session(session)).andExpect(status().isForbidden());
		}
		assertThat(count("subsystem")).isEqualTo(before);
	}

	@Test
	void somethingElseIsRefusedWithAReason() throws Exception {
		MockHttpSession admin = SignIn.as(this.mvc, "admin");
		long before = count("subsystem");
		this.mvc
			.perform(multipart("/admin/imports/maintainers")
				.file(new MockMultipartFile("file", "notes.txt", "text/plain", "just some notes".getBytes()))
				.session(admin)
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("This is not a MAINTAINERS file")));
		this.mvc.perform(multipart("/admin/imports/maintainers").session(admin).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Choose a MAINTAINERS file to import, or paste its text.")));
		assertThat(count("subsystem")).isEqualTo(before);
	}

	private long count(String table) {
		return this.jdbc.queryForObject("select count(*) from " + table, Long.class);
	}

	private static MockMultipartFile realFile() throws IOException {
		try (InputStream in = MaintainersImportTests.class.getResourceAsStream("/maintainers/MAINTAINERS")) {
			return new MockMultipartFile("file", "MAINTAINERS", "text/plain", in.readAllBytes());
		}
	}

}
