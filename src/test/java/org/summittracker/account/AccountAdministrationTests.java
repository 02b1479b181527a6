package org.summittracker.account;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import org.summittracker.audit.AuditableChange;
import org.summittracker.support.Fixture;
import org.summittracker.support.SignIn;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
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
 * Administrators manage accounts; every change lands in the append-only audit trail.
 */
@SummitIntegrationTest
class AccountAdministrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	String adminName;

	MockHttpSession admin;

	@BeforeEach
	void signInAsAdmin() throws Exception {
		this.adminName = this.fixture.personWithAccount("boss", Role.ADMIN);
		this.admin = signIn(this.adminName, Fixture.PASSWORD);
	}

	@Test
	void adminCreatesAnAccountForAPersonAndItCanSignIn() throws Exception {
		String person = this.fixture.person("newcomer");
		this.mvc
			.perform(post("/admin/accounts").session(this.admin)
				.with(csrf())
				.param("username", person)
				.param("person", person)
				.param("roles", "MAINTAINER")
				.param("password", "first-password"))
			.andExpect(redirectedUrlPattern("/admin/accounts/*"));
		signIn(person, "first-password");
		assertThat(latestAudit(person)).containsEntry("actor", this.adminName)
			.containsEntry("action", "ACCOUNT_CREATED")
			.containsEntry("entity_type", "Account")
			.containsEntry("summary", "Created account " + person + " for " + person + " with roles Maintainer");
	}

	@Test
	void badAccountFormsAreAnsweredInlineAndChangeNothing() throws Exception {
		String taken = this.fixture.personWithAccount("taken", Role.MAINTAINER);
		this.mvc
			.perform(post("/admin/accounts").session(this.admin)
				.with(csrf())
				.param("username", "Bad Name")
				.param("person", "no-such-person")
				.param("roles", "EMPEROR")
				.param("password", "short"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("Lower-case letters, digits"),
					containsString("Nobody has the handle no-such-person."),
					containsString("Choose roles from the list."), containsString("Between 8 and 128 characters."))));
		this.mvc
			.perform(post("/admin/accounts").session(this.admin)
				.with(csrf())
				.param("username", "nul\u0000name")
				.param("person", taken)
				.param("password", "long-enough"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Remove the control characters")));
		this.mvc
			.perform(post("/admin/accounts").session(this.admin)
				.with(csrf())
				.param("username", taken)
				.param("person", this.fixture.person("nobody"))
				.param("password", "long-enough"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("The username " + taken + " is taken.")));
		this.mvc
			.perform(post("/admin/accounts").session(this.admin)
				.with(csrf())
				.param("username", taken + "-two")
				.param("person", taken)
				.param("password", "long-enough"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString(taken + " already has an account.")));
		assertThat(
				this.jdbc.queryForObject("select count(*) from account where username like ?", Long.class, taken + "%"))
			.isEqualTo(1);
	}

	@Test
	void aPasswordTooShortAndAnUnknownRoleDoNotHideAUsernameAndAPersonTaken() throws Exception {
		String taken = this.fixture.personWithAccount("taken-both", Role.MAINTAINER);
		this.mvc
			.perform(post("/admin/accounts").session(this.admin)
				.with(csrf())
				.param("username", taken)
				.param("person", taken)
				.param("roles", "EMPEROR")
				.param("password", "short"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("Between 8 and 128 characters."),
					containsString("Choose roles from the list."),
					containsString("The username " + taken + " is taken."),
					containsString(taken + " already has an account."))));
		assertThat(
				this.jdbc.queryForObject("select count(*) from account where username like ?", Long.class, taken + "%"))
			.isEqualTo(1);
	}

	@Test
	void changingRolesIsAuditedWithBeforeAndAfterAndTakesEffectAtOnce() throws Exception {
		String handle = this.fixture.personWithAccount("promoted", Role.MAINTAINER);
		MockHttpSession their = signIn(handle, Fixture.PASSWORD);
		this.mvc.perform(get("/admin/accounts").session(their)).andExpect(status().isForbidden());
		long id = this.fixture.accountId(handle);
		this.mvc
			.perform(post("/admin/accounts/{id}/roles", id).session(this.admin)
				.with(csrf())
				.param("roles", "MAINTAINER", "ADMIN")
				.param("version", version(handle)))
			.andExpect(redirectedUrl("/admin/accounts/" + id));
		assertThat(latestAudit(handle)).containsEntry("action", "ROLES_CHANGED")
			.containsEntry("summary", "Roles of " + handle + ": Maintainer → Maintainer, Admin");
		this.mvc.perform(get("/admin/accounts").session(their)).andExpect(status().isOk());
	}

	@Test
	void disablingAndEnablingAreAudited() throws Exception {
		String handle = this.fixture.personWithAccount("paused", Role.MAINTAINER);
		long id = this.fixture.accountId(handle);
		this.mvc
			.perform(post("/admin/accounts/{id}/enabled", id).session(this.admin)
				.with(csrf())
				.param("enabled", "false")
				.param("version", version(handle)))
			.andExpect(redirectedUrl("/admin/accounts/" + id));
		assertThat(latestAudit(handle)).containsEntry("action", "ACCOUNT_DISABLED");
		this.mvc.perform(post("/login").param("username", handle).param("password", Fixture.PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/login?error"));
		this.mvc
			.perform(post("/admin/accounts/{id}/enabled", id).session(this.admin)
				.with(csrf())
				.param("enabled", "true")
				.param("version", version(handle)))
			.andExpect(redirectedUrl("/admin/accounts/" + id));
		assertThat(latestAudit(handle)).containsEntry("action", "ACCOUNT_ENABLED")
			.containsEntry("summary", "Enabled account " + handle + ": disabled → enabled");
		signIn(handle, Fixture.PASSWORD);
	}

	@Test
	void resettingAPasswordIsAuditedWithoutThePassword() throws Exception {
		String handle = this.fixture.personWithAccount("forgetful", Role.MAINTAINER);
		long id = this.fixture.accountId(handle);
		this.mvc
			.perform(post("/admin/accounts/{id}/password", id).session(this.admin)
				.with(csrf())
				.param("password", "brand-new-secret")
				.param("version", version(handle)))
			.andExpect(redirectedUrl("/admin/accounts/" + id));
		signIn(handle, "brand-new-secret");
		assertThat(latestAudit(handle)).containsEntry("action", "PASSWORD_RESET")
			.hasEntrySatisfying("summary",
					(summary) -> assertThat((String) summary).doesNotContain("brand-new-secret"));
	}

	@Test
	void aResetPasswordSignsOutTheAccountsSessionsAtTheirNextRequest() throws Exception {
		String handle = this.fixture.personWithAccount("compromised", Role.MAINTAINER);
		MockHttpSession stolen = signIn(handle, Fixture.PASSWORD);
		this.mvc.perform(get("/").session(stolen)).andExpect(content().string(containsString("Signed in as")));
		this.mvc
			.perform(post("/admin/accounts/{id}/password", this.fixture.accountId(handle)).session(this.admin)
				.with(csrf())
				.param("password", "brand-new-secret")
				.param("version", version(handle)))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/").session(stolen)).andExpect(content().string(containsString(">Sign in</a>")));
		this.mvc.perform(get("/").session(this.admin)).andExpect(content().string(containsString("Signed in as")));
	}

	@Test
	void changedRolesApplyToASignedInSessionAtItsNextRequest() throws Exception {
		String handle = this.fixture.personWithAccount("promoted", Role.MAINTAINER);
		MockHttpSession session = signIn(handle, Fixture.PASSWORD);
		this.mvc.perform(get("/admin/audit").session(session)).andExpect(status().isForbidden());
		changeRoles(handle, "MAINTAINER", "ADMIN");
		this.mvc.perform(get("/admin/audit").session(session)).andExpect(status().isOk());
		changeRoles(handle, "MAINTAINER");
		this.mvc.perform(get("/admin/audit").session(session)).andExpect(status().isForbidden());
	}

	private void changeRoles(String handle, String... roles) throws Exception {
		this.mvc
			.perform(post("/admin/accounts/{id}/roles", this.fixture.accountId(handle)).session(this.admin)
				.with(csrf())
				.param("roles", roles)
				.param("version", version(handle)))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void aStaleFormGets409AndTheCurrentState() throws Exception {
		String handle = this.fixture.personWithAccount("contested", Role.MAINTAINER);
		long id = this.fixture.accountId(handle);
		String stale = version(handle);
		this.mvc
			.perform(post("/admin/accounts/{id}/roles", id).session(this.admin)
				.with(csrf())
				.param("roles", "ORGANIZER")
				.param("version", stale))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post("/admin/accounts/{id}/roles", id).session(this.admin)
				.with(csrf())
				.param("roles", "MAINTAINER")
				.param("version", stale))
			.andExpect(status().isConflict())
			.andExpect(content()
				.string(allOf(containsString("Someone changed this account"), containsString("<dd>Organizer</dd>"))));
	}

	@Test
	void anAccountIsLinkedToAPersonAfterItIsCreatedAndTheLinkChangedOrRemoved() throws Exception {
		String handle = this.fixture.personWithAccount("relinked", Role.MAINTAINER);
		long id = this.fixture.accountId(handle);
		linkPerson(id, "", version(handle)).andExpect(redirectedUrl("/admin/accounts/" + id));
		assertThat(personOf(id)).isNull();
		assertThat(latestAudit(handle)).containsEntry("actor", this.adminName)
			.containsEntry("action", "ACCOUNT_PERSON_CHANGED")
			.containsEntry("summary", "Person of " + handle + ": " + handle + " → none");
		this.mvc.perform(get("/admin/accounts/{id}", id).session(this.admin))
			.andExpect(content().string(allOf(containsString("none (an operator&#39;s account)"),
					containsString("name=\"person\" value=\"\""))));

		String other = this.fixture.person("linked-later");
		linkPerson(id, other, version(handle)).andExpect(redirectedUrl("/admin/accounts/" + id));
		assertThat(personOf(id)).isEqualTo(other);
		assertThat(latestAudit(handle)).containsEntry("summary", "Person of " + handle + ": none → " + other);
		this.mvc.perform(get("/admin/accounts/{id}", id).session(this.admin))
			.andExpect(content().string(containsString("href=\"/people/" + other + "\"")));
	}

	@Test
	void anUnknownHandleOrAPersonWithAnotherAccountIsRefusedNextToTheField() throws Exception {
		String handle = this.fixture.personWithAccount("kept-link", Role.MAINTAINER);
		String taken = this.fixture.personWithAccount("has-one", Role.MAINTAINER);
		long id = this.fixture.accountId(handle);
		long version = this.fixture.accountVersion(handle);
		linkPerson(id, "no-such-person", String.valueOf(version)).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"person-error\""),
					containsString("Nobody has the handle no-such-person."))));
		linkPerson(id, taken, String.valueOf(version)).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(
					allOf(containsString("id=\"person-error\""), containsString(taken + " already has an account."))));
		linkPerson(id, "Not A Handle", String.valueOf(version)).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"person-error\"")));
		assertThat(personOf(id)).isEqualTo(handle);
		assertThat(this.fixture.accountVersion(handle)).isEqualTo(version);
		assertThat(latestAudit(handle)).containsEntry("action", "ACCOUNT_CREATED");
		// A form older than the last change of the account.
		changeRoles(handle, "MAINTAINER", "ORGANIZER");
		linkPerson(id, "", String.valueOf(version)).andExpect(status().isConflict())
			.andExpect(content().string(containsString("Someone changed this account")));
		assertThat(personOf(id)).isEqualTo(handle);
	}

	@Test
	void anAccountHasAtLeastOneRole() throws Exception {
		String person = this.fixture.person("roleless");
		this.mvc
			.perform(post("/admin/accounts").session(this.admin)
				.with(csrf())
				.param("username", person)
				.param("person", person)
				.param("password", "long-enough-1"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content()
				.string(allOf(containsString("id=\"role-error\""), containsString("Choose at least one role."))));
		assertThat(this.jdbc.queryForObject("select count(*) from account where username = ?", Integer.class, person))
			.isZero();

		String handle = this.fixture.personWithAccount("last-role", Role.MAINTAINER);
		long id = this.fixture.accountId(handle);
		this.mvc
			.perform(post("/admin/accounts/{id}/roles", id).session(this.admin)
				.with(csrf())
				.param("version", version(handle)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"role-error\""),
					containsString("Choose at least one role."), not(containsString("Choose roles from the list.")))));
		assertThat(this.jdbc.queryForList("select role from account_role where account_id = ?", String.class, id))
			.containsExactly("MAINTAINER");
	}

	private ResultActions linkPerson(long id, String handle, String version) throws Exception {
		return this.mvc.perform(post("/admin/accounts/{id}/person", id).session(this.admin)
			.with(csrf())
			.param("person", handle)
			.param("version", version));
	}

	private String personOf(long accountId) {
		return this.jdbc.queryForObject(
				"select p.handle from account a left join person p on p.id = a.person_id where a.id = ?", String.class,
				accountId);
	}

	@Test
	void anAdministratorCannotDisableTheirOwnAccountNorSoTheLastAdministrator() throws Exception {
		// Another administrator remains: still refused, as one's own account.
		this.fixture.personWithAccount("boss-too", Role.ADMIN);
		long id = this.fixture.accountId(this.adminName);
		String opened = version(this.adminName);
		// One's own page offers no button that cannot work.
		this.mvc.perform(get("/admin/accounts/{id}", id).session(this.admin))
			.andExpect(content().string(allOf(containsString("You cannot disable your own account"),
					not(containsString("Disable this account")))));
		this.mvc
			.perform(post("/admin/accounts/{id}/enabled", id).session(this.admin)
				.with(csrf())
				.param("enabled", "false")
				.param("version", opened))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("You cannot disable your own account"),
					containsString("name=\"version\" value=\"" + opened + "\""))));
		// The last enabled administrator is always the one signed in.
		this.jdbc.update("update account set enabled = false where username <> ? and id in "
				+ "(select account_id from account_role where role = 'ADMIN')", this.adminName);
		this.mvc
			.perform(post("/admin/accounts/{id}/enabled", id).session(this.admin)
				.with(csrf())
				.param("enabled", "false")
				.param("version", opened))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("You cannot disable your own account")));
		assertThat(this.jdbc.queryForObject("select enabled from account where id = ?", Boolean.class, id)).isTrue();
		assertThat(version(this.adminName)).isEqualTo(opened);
		assertThat(latestAudit(this.adminName)).containsEntry("action", "ACCOUNT_CREATED");
		this.mvc.perform(get("/admin/accounts").session(this.admin)).andExpect(status().isOk());
	}

	@Test
	void anAdministratorCannotRemoveTheirOwnAdminRole() throws Exception {
		// Another administrator remains: still refused, as one's own role.
		this.fixture.personWithAccount("boss-also", Role.ADMIN);
		long id = this.fixture.accountId(this.adminName);
		String opened = version(this.adminName);
		// One's own page keeps the role without offering to take it away.
		this.mvc.perform(get("/admin/accounts/{id}", id).session(this.admin))
			.andExpect(content().string(allOf(containsString("Your own Admin role stays"),
					containsString("<input type=\"hidden\" name=\"roles\" value=\"ADMIN\">"),
					not(containsString("id=\"role-ADMIN\"")), containsString("id=\"role-MAINTAINER\""))));
		for (List<String> roles : List.of(List.of("MAINTAINER"), List.of("ORGANIZER", "MAINTAINER"))) {
			this.mvc
				.perform(post("/admin/accounts/{id}/roles", id).session(this.admin)
					.with(csrf())
					.param("roles", roles.toArray(String[]::new))
					.param("version", opened))
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().string(allOf(containsString("id=\"role-error\""),
						containsString("You cannot remove your own Admin role"),
						not(containsString("Choose roles from the list.")),
						containsString("name=\"version\" value=\"" + opened + "\""))));
		}
		assertThat(this.jdbc.queryForList("select role from account_role where account_id = ?", String.class, id))
			.containsExactly("ADMIN");
		assertThat(version(this.adminName)).isEqualTo(opened);
		assertThat(latestAudit(this.adminName)).containsEntry("action", "ACCOUNT_CREATED");
		this.mvc.perform(get("/admin/accounts").session(this.admin)).andExpect(status().isOk());
		// Adding a role to one's own account keeps Admin, as the page's form sends it.
		this.mvc
			.perform(post("/admin/accounts/{id}/roles", id).session(this.admin)
				.with(csrf())
				.param("roles", "ADMIN", "ORGANIZER")
				.param("version", opened))
			.andExpect(redirectedUrl("/admin/accounts/" + id));
		assertThat(latestAudit(this.adminName)).containsEntry("summary",
				"Roles of " + this.adminName + ": Admin → Organizer, Admin");
	}

	@Test
	void theStateButtonCarriesTheVersionItsPageWasOpenedAt() throws Exception {
		String handle = this.fixture.personWithAccount("state-raced", Role.MAINTAINER);
		long id = this.fixture.accountId(handle);
		String opened = version(handle);
		this.mvc.perform(get("/admin/accounts/{id}", id).session(this.admin))
			.andExpect(content().string(allOf(containsString("name=\"version\" value=\"" + opened + "\""),
					containsString("name=\"enabled\" value=\"false\""))));
		// Someone else changes the account meanwhile.
		this.jdbc.update("update account set version = version + 1 where id = ?", id);
		this.mvc
			.perform(post("/admin/accounts/{id}/enabled", id).session(this.admin)
				.with(csrf())
				.param("enabled", "false")
				.param("version", opened))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("Someone changed this account"),
					containsString("name=\"version\" value=\"" + version(handle) + "\""))));
		assertThat(this.jdbc.queryForObject("select enabled from account where id = ?", Boolean.class, id)).isTrue();
		assertThat(latestAudit(handle)).containsEntry("action", "ACCOUNT_CREATED");
	}

	@Test
	void anUnreadableStateButtonIs422AndChangesNothing() throws Exception {
		String handle = this.fixture.personWithAccount("state-garbled", Role.MAINTAINER);
		long id = this.fixture.accountId(handle);
		String current = version(handle);
		List<Map<String, String>> garbled = List.of(Map.of("enabled", "maybe", "version", current),
				Map.of("version", current), Map.of("enabled", "false"), Map.of("enabled", "false", "version", "abc"),
				Map.of("enabled", "false", "version", "99999999999999999999"),
				Map.of("enabled", "", "version", current));
		for (Map<String, String> params : garbled) {
			MockHttpServletRequestBuilder request = post("/admin/accounts/{id}/enabled", id).session(this.admin)
				.with(csrf());
			params.forEach(request::param);
			this.mvc.perform(request)
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().string(allOf(containsString("This request did not come from the account"),
						containsString("name=\"version\" value=\"" + current + "\""),
						containsString("Disable this account"))));
		}
		assertThat(this.jdbc.queryForObject("select enabled from account where id = ?", Boolean.class, id)).isTrue();
		assertThat(version(handle)).isEqualTo(current);
		assertThat(latestAudit(handle)).containsEntry("action", "ACCOUNT_CREATED");
	}

	@Test
	void malformedAndUnknownAccountsAreClientErrors() throws Exception {
		this.mvc.perform(get("/admin/accounts/not-a-number").session(this.admin)).andExpect(status().isBadRequest());
		this.mvc.perform(get("/admin/accounts/999999").session(this.admin)).andExpect(status().isNotFound());
		this.mvc
			.perform(post("/admin/accounts/999999/enabled").session(this.admin)
				.with(csrf())
				.param("enabled", "false")
				.param("version", "0"))
			.andExpect(status().isNotFound());
		long id = this.fixture.accountId(this.adminName);
		this.mvc
			.perform(post("/admin/accounts/{id}/enabled", id).session(this.admin)
				.with(csrf())
				.param("enabled", "maybe")
				.param("version", "0"))
			.andExpect(status().isUnprocessableContent());
		this.mvc
			.perform(post("/admin/accounts/{id}/roles", id).session(this.admin)
				.with(csrf())
				.param("roles", "EMPEROR")
				.param("version", version(this.adminName)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Choose roles from the list.")));
	}

	@Test
	void adminPagesListAccountsAndTheAuditTrail() throws Exception {
		String handle = this.fixture.personWithAccount("listed", Role.MAINTAINER);
		// Accounts are listed by username, 50 a page; other tests' accounts share the
		// database.
		int before = this.jdbc.queryForObject("select count(*) from account where username < ?", Integer.class, handle);
		this.mvc.perform(get("/admin/accounts").param("page", String.valueOf(before / 50 + 1)).session(this.admin))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(handle), containsString("Create an account"))));
		this.mvc.perform(get("/admin/accounts/{id}", this.fixture.accountId(handle)).session(this.admin))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Save roles"), containsString("Disable this account"),
					containsString("Reset the password"))));
		this.mvc.perform(get("/admin/audit").session(this.admin))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("Audit trail"), containsString("Created account " + handle))));
	}

	@Test
	void aSessionsHistoryShowsItsEntriesOnly() throws Exception {
		String url = this.fixture.session("history-demo", 0, 0, 0);
		long sessionId = this.jdbc.queryForObject(
				"select s.id from summit_session s join event e on e.id = s.event_id where e.slug = 'history-demo'",
				Long.class);
		this.transactions.executeWithoutResult((tx) -> this.events.publishEvent(new AuditableChange("viro",
				"CONCERN_FILED", "Concern", 1L, sessionId, "Filed concern toolchain-stability")));
		this.events.publishEvent(new AuditableChange("viro", "OTHER", "Event", 2L, null, "Elsewhere entirely"));
		this.mvc.perform(get(url + "/history"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Filed concern toolchain-stability"),
					not(containsString("CONCERN_FILED")), not(containsString("Elsewhere entirely")))));
		this.mvc.perform(get(url)).andExpect(content().string(containsString("href=\"" + url + "/history\"")));
		this.mvc.perform(get("/events/history-demo/sessions/nope/history")).andExpect(status().isNotFound());
	}

	@Test
	void theDatabaseRefusesToChangeOrRemoveAnAuditEntry() {
		this.events.publishEvent(new AuditableChange("viro", "OTHER", "Event", 3L, null, "Kept forever"));
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(
				() -> this.jdbc.update("update audit_entry set summary = 'forged' where summary = 'Kept forever'"));
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.update("delete from audit_entry where summary = 'Kept forever'"));
	}

	private Map<String, Object> latestAudit(String username) {
		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"select * from audit_entry where entity_type = 'Account' and entity_id = ? order by id desc limit 1",
				this.fixture.accountId(username));
		assertThat(rows).isNotEmpty();
		return rows.get(0);
	}

	private String version(String username) {
		return Long.toString(this.fixture.accountVersion(username));
	}

	private MockHttpSession signIn(String username, String password) throws Exception {
		return SignIn.as(this.mvc, username, password);
	}

}
