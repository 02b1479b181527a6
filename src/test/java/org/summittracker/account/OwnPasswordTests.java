package org.summittracker.account;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.summittracker.support.Fixture;
import org.summittracker.support.MockMvcSessions;
import org.summittracker.support.SignIn;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What people do with their own account: change their password (the other sessions end,
 * this one goes on under a new id; wrong current passwords count as failed sign-ins).
 */
@SummitIntegrationTest
class OwnPasswordTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aChangedPasswordKeepsThisSessionUnderANewIdAndSignsOutTheOthers() throws Exception {
		String handle = this.fixture.personWithAccount("changer", Role.MAINTAINER);
		MockHttpSession here = SignIn.as(this.mvc, handle, Fixture.PASSWORD);
		MockHttpSession elsewhere = SignIn.as(this.mvc, handle, Fixture.PASSWORD);
		this.mvc.perform(get("/").session(here))
			.andExpect(content().string(containsString("href=\"/account/password\">Password</a>")));
		this.mvc.perform(get("/account/password").session(here))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Change your password"),
					containsString("name=\"version\" value=\"" + version(handle) + "\""),
					containsString("id=\"new-password\" maxlength=\"128\""))));
		String before = MockMvcSessions.storedId(here);
		String hash = hash(handle);

		change(here, Fixture.PASSWORD, "a-new-secret-1", "a-new-secret-1", version(handle))
			.andExpect(redirectedUrl("/account/password"));

		String after = MockMvcSessions.storedId(here);
		assertThat(after).isNotNull().isNotEqualTo(before);
		assertThat(this.jdbc.queryForObject("select count(*) from spring_session where session_id = ?", Integer.class,
				before))
			.as("the session id from before the change")
			.isZero();
		assertThat(hash(handle)).isNotEqualTo(hash);
		this.mvc.perform(get("/").session(here)).andExpect(content().string(containsString("Signed in as")));
		this.mvc.perform(get("/").session(elsewhere)).andExpect(content().string(containsString(">Sign in</a>")));
		this.mvc.perform(post("/login").param("username", handle).param("password", Fixture.PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/login?error"));
		SignIn.as(this.mvc, handle, "a-new-secret-1");
		assertThat(this.jdbc.queryForMap("select actor, summary from audit_entry where entity_type = 'Account'"
				+ " and entity_id = ? and action = 'PASSWORD_CHANGED'", this.fixture.accountId(handle)))
			.containsEntry("actor", handle)
			.hasEntrySatisfying("summary",
					(summary) -> assertThat((String) summary).doesNotContain("a-new-secret-1")
						.doesNotContain(hash(handle))
						.doesNotContain(Fixture.PASSWORD));
	}

	@Test
	void everyMistakeIsShownNextToItsFieldAtOnceAndNothingChanges() throws Exception {
		String handle = this.fixture.personWithAccount("mistaken", Role.ORGANIZER);
		MockHttpSession session = SignIn.as(this.mvc, handle, Fixture.PASSWORD);
		String hash = hash(handle);
		change(session, "not-my-password", "short", "shorter", version(handle))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"current-password-error\""),
					containsString("That is not your current password."), containsString("id=\"new-password-error\""),
					containsString("Between 8 and 128 characters."), containsString("id=\"new-password-again-error\""),
					containsString("The two new passwords differ"))));
		change(session, "", "long-enough-1", "long-enough-1", version(handle))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Give your current password.")));
		change(session, Fixture.PASSWORD, "long-enough-1", "long-enough-2", version(handle))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("The two new passwords differ"),
					not(containsString("That is not your current password.")))));
		// The same rule as an administrator's reset: one line.
		change(session, Fixture.PASSWORD, "two\nlines-long", "two\nlines-long", version(handle))
			.andExpect(status().isUnprocessableContent());
		assertThat(hash(handle)).isEqualTo(hash);
		assertThat(audits(handle, "PASSWORD_CHANGED")).isZero();
		this.mvc.perform(get("/").session(session)).andExpect(content().string(containsString("Signed in as")));
	}

	@Test
	void wrongCurrentPasswordsAreThrottledAsFailedSignIns() throws Exception {
		String handle = this.fixture.personWithAccount("guesser", Role.MAINTAINER);
		MockHttpSession stolen = SignIn.as(this.mvc, handle, Fixture.PASSWORD);
		String hash = hash(handle);
		for (int i = 0; i < 5; i++) {
			change(stolen, "guess-" + i, "long-enough-1", "long-enough-1", version(handle), "192.0.2.41")
				.andExpect(status().isUnprocessableContent());
		}
		// The right password now changes nothing: the account is refused for a while.
		change(stolen, Fixture.PASSWORD, "long-enough-1", "long-enough-1", version(handle), "192.0.2.41")
			.andExpect(status().isTooManyRequests())
			.andExpect(content().string(containsString("Too many wrong passwords")));
		assertThat(hash(handle)).isEqualTo(hash);
		// As the sign-in form is.
		this.mvc.perform(post("/login").param("username", handle)
			.param("password", Fixture.PASSWORD)
			.with(csrf())
			.with((request) -> {
				request.setRemoteAddr("192.0.2.42");
				return request;
			})).andExpect(redirectedUrlPattern("/login?refused=account*"));
	}

	@Test
	void aChangeFromAFormOlderThanTheLastChangeOfThePasswordIs409AndChangesNothing() throws Exception {
		String handle = this.fixture.personWithAccount("two-windows", Role.MAINTAINER);
		MockHttpSession session = SignIn.as(this.mvc, handle, Fixture.PASSWORD);
		long opened = version(handle);
		change(session, Fixture.PASSWORD, "first-change-1", "first-change-1", opened)
			.andExpect(redirectedUrl("/account/password"));
		String hash = hash(handle);
		// The form of another window, opened before that change.
		change(session, "first-change-1", "second-change-2", "second-change-2", opened).andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("Your password was changed since you opened this form"),
					containsString("name=\"version\" value=\"" + version(handle) + "\""))));
		assertThat(hash(handle)).isEqualTo(hash);
		assertThat(audits(handle, "PASSWORD_CHANGED")).isOne();
	}

	@Test
	void anAdministratorsResetFromAFormOlderThanTheOwnersChangeIs409() throws Exception {
		MockHttpSession admin = this.fixture.signedIn(this.mvc, "resetter", Role.ADMIN);
		String handle = this.fixture.personWithAccount("raced", Role.MAINTAINER);
		long id = this.fixture.accountId(handle);
		long opened = this.fixture.accountVersion(handle);
		MockHttpSession owner = SignIn.as(this.mvc, handle, Fixture.PASSWORD);
		change(owner, Fixture.PASSWORD, "owners-choice-1", "owners-choice-1", version(handle))
			.andExpect(redirectedUrl("/account/password"));
		this.mvc
			.perform(post("/admin/accounts/{id}/password", id).session(admin)
				.with(csrf())
				.param("password", "admins-choice-1")
				.param("version", Long.toString(opened)))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Someone changed this account")));
		SignIn.as(this.mvc, handle, "owners-choice-1");
		this.mvc.perform(get("/").session(owner)).andExpect(content().string(containsString("Signed in as")));
	}

	@Test
	void anAdministratorsFormRefusedOnceKeepsTheVersionItWasOpenedAt() throws Exception {
		MockHttpSession admin = this.fixture.signedIn(this.mvc, "patient", Role.ADMIN);
		String handle = this.fixture.personWithAccount("raced-later", Role.MAINTAINER);
		long id = this.fixture.accountId(handle);
		long opened = this.fixture.accountVersion(handle);
		change(SignIn.as(this.mvc, handle, Fixture.PASSWORD), Fixture.PASSWORD, "owners-choice-2", "owners-choice-2",
				version(handle))
			.andExpect(redirectedUrl("/account/password"));
		// A password too short: the form comes back as it was sent, of the version it was
		// opened at, so that sending it again corrected is a conflict, not a silent
		// overwrite of the owner's change.
		this.mvc
			.perform(post("/admin/accounts/{id}/password", id).session(admin)
				.with(csrf())
				.param("password", "short")
				.param("version", Long.toString(opened)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("Between 8 and 128 characters."),
					containsString("name=\"version\" value=\"" + opened + "\""))));
		this.mvc
			.perform(post("/admin/accounts/{id}/password", id).session(admin)
				.with(csrf())
				.param("password", "admins-choice-2")
				.param("version", Long.toString(opened)))
			.andExpect(status().isConflict());
		SignIn.as(this.mvc, handle, "owners-choice-2");
	}

	@Test
	void theCurrentPasswordGivenAgainAsTheNewOneIs422NextToItAndChangesNothing() throws Exception {
		String handle = this.fixture.personWithAccount("same-again", Role.MAINTAINER);
		MockHttpSession session = SignIn.as(this.mvc, handle, Fixture.PASSWORD);
		String hash = hash(handle);
		change(session, Fixture.PASSWORD, Fixture.PASSWORD, Fixture.PASSWORD, version(handle))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"new-password-error\""),
					containsString("That is your current password; choose a new one."),
					not(containsString("id=\"current-password-error\"")))));
		// With a wrong current password, only that is said: the new one tells nothing.
		change(session, "not-" + Fixture.PASSWORD, "not-" + Fixture.PASSWORD, "not-" + Fixture.PASSWORD,
				version(handle))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("That is not your current password."),
					not(containsString("That is your current password")))));
		assertThat(hash(handle)).isEqualTo(hash);
		assertThat(audits(handle, "PASSWORD_CHANGED")).isZero();
		this.mvc.perform(get("/").session(session)).andExpect(content().string(containsString("Signed in as")));
	}

	@Test
	void aChangeOfTheAccountThatIsNotItsPasswordLeavesTheOpenedFormGood() throws Exception {
		MockHttpSession admin = this.fixture.signedIn(this.mvc, "promoter", Role.ADMIN);
		String handle = this.fixture.personWithAccount("promoted-meanwhile", Role.MAINTAINER);
		long id = this.fixture.accountId(handle);
		MockHttpSession session = SignIn.as(this.mvc, handle, Fixture.PASSWORD);
		String form = this.mvc.perform(get("/account/password").session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long opened = version(handle);
		assertThat(form).contains("name=\"version\" value=\"" + opened + "\"");
		long accountVersion = this.fixture.accountVersion(handle);
		this.mvc
			.perform(post("/admin/accounts/{id}/roles", id).session(admin)
				.with(csrf())
				.param("roles", "MAINTAINER", "ORGANIZER")
				.param("version", Long.toString(accountVersion)))
			.andExpect(redirectedUrl("/admin/accounts/" + id));
		assertThat(this.fixture.accountVersion(handle)).isGreaterThan(accountVersion);

		change(session, Fixture.PASSWORD, "after-promotion-1", "after-promotion-1", opened)
			.andExpect(redirectedUrl("/account/password"));
		SignIn.as(this.mvc, handle, "after-promotion-1");
		// The administrator's forms still lock on the whole account.
		this.mvc
			.perform(post("/admin/accounts/{id}/roles", id).session(admin)
				.with(csrf())
				.param("roles", "MAINTAINER")
				.param("version", Long.toString(accountVersion)))
			.andExpect(status().isConflict());
	}

	@Test
	void onlySignedInPeopleChangeAPassword() throws Exception {
		this.mvc.perform(get("/account/password").accept("text/html")).andExpect(redirectedUrl("/login"));
		this.mvc
			.perform(post("/account/password").with(csrf())
				.accept("text/html")
				.param("currentPassword", "x")
				.param("password", "long-enough-1")
				.param("passwordAgain", "long-enough-1")
				.param("version", "0"))
			.andExpect(redirectedUrl("/login"));
	}

	private ResultActions change(MockHttpSession session, String current, String password, String again, long version)
			throws Exception {
		return change(session, current, password, again, version, null);
	}

	private ResultActions change(MockHttpSession session, String current, String password, String again, long version,
			String address) throws Exception {
		MockHttpServletRequestBuilder request = post("/account/password").session(session)
			.with(csrf())
			.param("currentPassword", current)
			.param("password", password)
			.param("passwordAgain", again)
			.param("version", Long.toString(version));
		if (address != null) {
			request.with((built) -> {
				built.setRemoteAddr(address);
				return built;
			});
		}
		return this.mvc.perform(request);
	}

	/** What the own-password form carries: the password's version, not the account's. */
	private long version(String username) {
		return this.jdbc.queryForObject("select password_version from account where username = ?", Long.class,
				username);
	}

	private String hash(String username) {
		return this.jdbc.queryForObject("select password_hash from account where username = ?", String.class, username);
	}

	private int audits(String username, String action) {
		return this.jdbc.queryForObject(
				"select count(*) from audit_entry where entity_type = 'Account' and entity_id = ? and action = ?",
				Integer.class, this.fixture.accountId(username), action);
	}

}
