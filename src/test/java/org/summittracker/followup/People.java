package org.summittracker.followup;

import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.summittracker.account.Accounts;
import org.summittracker.account.Accounts.AccountSpec;
import org.summittracker.account.Role;
import org.summittracker.people.Person;
import org.summittracker.people.PersonRepository;
import org.summittracker.support.SignIn;

/**
 * Accounts for the people a scenario made, and fresh organizers, signed in through the
 * login form.
 */
@TestComponent
public class People {

	public static final String PASSWORD = "follow-up-pass-1";

	private static final AtomicInteger counter = new AtomicInteger();

	private final Accounts accounts;

	private final PersonRepository people;

	private final JdbcTemplate jdbc;

	People(Accounts accounts, PersonRepository people, JdbcTemplate jdbc) {
		this.accounts = accounts;
		this.people = people;
		this.jdbc = jdbc;
	}

	/**
	 * Gives the person an account with the roles (if they have none yet) and signs in as
	 * them.
	 */
	public MockHttpSession signIn(MockMvc mvc, String handle, Role... roles) throws Exception {
		Long personId = this.jdbc.queryForObject("select id from person where handle = ?", Long.class, handle);
		EnumSet<Role> set = EnumSet.noneOf(Role.class);
		set.addAll(List.of(roles));
		this.accounts.provide(List.of(new AccountSpec(handle, personId, set)), PASSWORD);
		return SignIn.as(mvc, handle, PASSWORD);
	}

	/** A new organizer who is also a person, signed in. */
	public MockHttpSession organizer(MockMvc mvc) throws Exception {
		String handle = "organizer-fu-" + counter.incrementAndGet();
		this.people.save(new Person(handle, "Organizer " + handle, handle + "@example.org", null));
		return signIn(mvc, handle, Role.ORGANIZER);
	}

	/** A new maintainer with no part in any session, signed in. */
	public MockHttpSession bystander(MockMvc mvc) throws Exception {
		String handle = "bystander-fu-" + counter.incrementAndGet();
		this.people.save(new Person(handle, "Bystander " + handle, handle + "@example.org", null));
		return signIn(mvc, handle, Role.MAINTAINER);
	}

	public long followUpId(String sessionSlug, String title) {
		return this.jdbc.queryForObject("select f.id from follow_up f join summit_session s on s.id = f.session_id"
				+ " where s.slug = ? and f.title = ?", Long.class, sessionSlug, title);
	}

	public long version(long followUpId) {
		return this.jdbc.queryForObject("select version from follow_up where id = ?", Long.class, followUpId);
	}

}
