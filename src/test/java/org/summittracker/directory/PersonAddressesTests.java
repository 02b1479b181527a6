package org.summittracker.directory;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import org.summittracker.account.Role;
import org.summittracker.support.Fixture;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A person's addresses: the page lists the record's email first, then the further ones
 * with where they came from; the person themself, organizers and administrators add one
 * nobody has.
 */
@SummitIntegrationTest
class PersonAddressesTests {

	static final AtomicInteger counter = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	String person;

	MockHttpSession self;

	@BeforeEach
	void person() throws Exception {
		this.person = this.fixture.personWithAccount("addr", Role.MAINTAINER);
		this.self = this.fixture.signIn(this.mvc, this.person, Role.MAINTAINER);
	}

	private String unique(String name) {
		return name + "-" + counter.incrementAndGet() + "@example.net";
	}

	private ResultActions add(MockHttpSession who, String handle, String address) throws Exception {
		return this.mvc
			.perform(post("/people/" + handle + "/addresses").param("address", address).session(who).with(csrf()));
	}

	private long addresses() {
		return this.jdbc.queryForObject(
				"select count(*) from person_address a join person p on p.id = a.person_id where p.handle = ?",
				Long.class, this.person);
	}

	private String email(String handle) {
		return this.jdbc.queryForObject("select email from person where handle = ?", String.class, handle);
	}

	@Test
	void thePageListsTheRecordsEmailFirstThenTheFurtherOnesWithTheirSource() throws Exception {
		String imported = unique("a-imported");
		this.jdbc.update("insert into person_address (person_id, address, source) values (?, ?, 'MAINTAINERS')",
				this.fixture.personId(this.person), imported);
		this.mvc.perform(get("/people/" + this.person))
			.andExpect(content().string(containsString("/people/" + this.person + "/addresses")));
		String page = this.mvc.perform(get("/people/" + this.person + "/addresses"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("from the MAINTAINERS file")))
			.andExpect(content().string(not(containsString("Add the address"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page.indexOf(email(this.person))).isPositive().isLessThan(page.indexOf(imported));
	}

	@Test
	void thePersonThemselfAddsAnAddressInAnyCaseAndItIsAudited() throws Exception {
		String address = unique("Self");
		this.mvc.perform(get("/people/" + this.person + "/addresses").session(this.self))
			.andExpect(content().string(containsString("Add the address")));
		add(this.self, this.person, address).andExpect(redirectedUrl("/people/" + this.person + "/addresses"));
		this.mvc.perform(get("/people/" + this.person + "/addresses"))
			.andExpect(content().string(containsString(address.toLowerCase())))
			.andExpect(content().string(containsString("added by hand")));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_entry where action = 'PERSON_ADDRESS_ADDED' and summary like ?", Long.class,
				"%" + address.toLowerCase() + "%"))
			.isOne();
	}

	@Test
	void organizersAndAdminsAddOthersAddressesAnotherMaintainerAndNobodySignedOutMayNot() throws Exception {
		add(this.fixture.signedIn(this.mvc, "addr-org", Role.ORGANIZER), this.person, unique("org"))
			.andExpect(status().is3xxRedirection());
		add(this.fixture.signedIn(this.mvc, "addr-admin", Role.ADMIN, Role.ORGANIZER), this.person, unique("admin"))
			.andExpect(status().is3xxRedirection());
		add(this.fixture.signedIn(this.mvc, "addr-other", Role.MAINTAINER), this.person, unique("other"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/people/" + this.person + "/addresses").param("address", unique("anon")).with(csrf()))
			.andExpect(status().isUnauthorized());
		assertThat(addresses()).isEqualTo(2);
	}

	@Test
	void aMalformedATakenOrAnOwnAddressAnswers422WithTheFieldNamed() throws Exception {
		String other = this.fixture.person("addr-taken");
		String further = unique("further");
		add(this.self, this.person, further).andExpect(status().is3xxRedirection());
		add(this.self, this.person, "not an address").andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Give an email address such as name@example.org.")))
			.andExpect(content().string(containsString("id=\"address-error\"")));
		add(this.self, this.person, "").andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Give an address.")));
		add(this.self, this.person, "x".repeat(300) + "@example.org").andExpect(status().isUnprocessableContent());
		add(this.self, this.person, email(other).toUpperCase()).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString(other + " already has this address")));
		add(this.self, this.person, email(this.person)).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("This person already has this address.")));
		add(this.self, this.person, further.toUpperCase()).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("This person already has this address.")));
		assertThat(addresses()).isOne();
	}

	@Test
	void anUnknownPersonAnswers404() throws Exception {
		this.mvc.perform(get("/people/nobody-at-all-here/addresses")).andExpect(status().isNotFound());
		add(this.self, "nobody-at-all-here", unique("ghost")).andExpect(status().isNotFound());
	}

}
