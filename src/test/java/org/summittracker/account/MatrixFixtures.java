package org.summittracker.account;

import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import org.summittracker.account.Accounts.AccountSpec;
import org.summittracker.people.Person;
import org.summittracker.people.PersonRepository;
import org.summittracker.support.SessionScenario;
import org.summittracker.support.SignIn;

/**
 * People with accounts, made through the application's own services, for the
 * authorization tests.
 */
@TestComponent
public class MatrixFixtures {

	public static final String PASSWORD = "matrix-password-1";

	private static final AtomicInteger counter = new AtomicInteger();

	private final PersonRepository people;

	private final Accounts accounts;

	private static final AtomicInteger sessions = new AtomicInteger();

	private final JdbcTemplate jdbc;

	private final SessionScenario scenario;

	private final ApplicationContext context;

	MatrixFixtures(PersonRepository people, Accounts accounts, JdbcTemplate jdbc, SessionScenario scenario,
			ApplicationContext context) {
		this.people = people;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.scenario = scenario;
		this.context = context;
	}

	/**
	 * A maintainer, an organizer and an administrator (also an organizer), each with an
	 * account of their own, signed in through the login form.
	 */
	SignedIn signInEach(MockMvc mvc) throws Exception {
		String maintainer = personWithAccount("maintainer", Role.MAINTAINER);
		return new SignedIn(maintainer, SignIn.as(mvc, maintainer, PASSWORD),
				SignIn.as(mvc, personWithAccount("organizer", Role.ORGANIZER), PASSWORD),
				SignIn.as(mvc, personWithAccount("admin", Role.ADMIN, Role.ORGANIZER), PASSWORD));
	}

	/** The signed-in HTTP sessions of {@link #signInEach}. */
	record SignedIn(String maintainer, MockHttpSession maintainerSession, MockHttpSession organizerSession,
			MockHttpSession adminSession) {

		/**
		 * The HTTP session a probe's {@link Probe.Who} sends, a fresh one for anonymous.
		 */
		MockHttpSession of(Probe.Who who) {
			return switch (who) {
				case ANONYMOUS -> new MockHttpSession();
				case MAINTAINER_ON_SELF, MAINTAINER_ON_ANOTHER -> this.maintainerSession;
				case ORGANIZER -> this.organizerSession;
				case ADMIN -> this.adminSession;
			};
		}

	}

	/**
	 * What a probe acts on: the person {@code handle} (who has an account) and a fresh
	 * event with one session.
	 */
	Probe.Target target(String handle) {
		String[] path = this.scenario.session("matrix-" + sessions.incrementAndGet(), 0, 0, 0).split("/");
		return new Probe.Target(personId(handle), handle, accountId(handle), accountVersion(handle), path[2], path[4],
				this.context::getBean);
	}

	/**
	 * A new person with an account of the given roles, password {@link #PASSWORD};
	 * answers the handle.
	 */
	@Transactional
	public String personWithAccount(String prefix, Role... roles) {
		String handle = personWithoutAccount(prefix);
		Person person = this.people.findByHandle(handle).orElseThrow();
		EnumSet<Role> set = EnumSet.noneOf(Role.class);
		set.addAll(List.of(roles));
		this.accounts.provide(List.of(new AccountSpec(handle, person.getId(), set)), PASSWORD);
		return handle;
	}

	public String personWithoutAccount() {
		return personWithoutAccount("nobody");
	}

	public String personWithoutAccount(String prefix) {
		String handle = prefix + "-" + counter.incrementAndGet();
		this.people.save(new Person(handle, "Person " + handle, handle + "@example.org", null));
		return handle;
	}

	/**
	 * Disables the account behind the application's back, as another administrator's
	 * session would.
	 */
	public void disable(String username) {
		this.jdbc.update("update account set enabled = false, version = version + 1 where username = ?", username);
	}

	public long accountId(String username) {
		return this.jdbc.queryForObject("select id from account where username = ?", Long.class, username);
	}

	public long accountVersion(String username) {
		return this.jdbc.queryForObject("select version from account where username = ?", Long.class, username);
	}

	public long personId(String handle) {
		return this.jdbc.queryForObject("select id from person where handle = ?", Long.class, handle);
	}

	// Resolutions and follow-ups: the target session gets a resolution 1 and a follow-up
	// owned by the target person.
	public long followUpOwnedBy(Probe.Target target) {
		Long sessionId = this.jdbc.queryForObject("select s.id from summit_session s join event e on e.id = s.event_id"
				+ " where e.slug = ? and s.slug = ?", Long.class, target.eventSlug(), target.sessionSlug());
		this.jdbc.update(
				"insert into resolution (session_id, seq, statement, outcome) select ?, 1, 'Try it', 'AGREED'"
						+ " where not exists (select 1 from resolution where session_id = ? and seq = 1)",
				sessionId, sessionId);
		return this.jdbc.queryForObject(
				"insert into follow_up (session_id, title, owner_id) values (?, ?, ?) returning id", Long.class,
				sessionId, "Matrix follow-up", target.personId());
	}

}
