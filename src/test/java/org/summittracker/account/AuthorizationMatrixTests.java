package org.summittracker.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import org.summittracker.account.Probe.Target;
import org.summittracker.account.Probe.Who;
import org.summittracker.support.Fixture;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Every route that changes data, tried by everyone: anonymous, a maintainer on their own
 * things and on someone else's, an organizer and an administrator. The routes come from
 * the handler mappings, so a new route without a rule in {@link DataChangingRoutes} fails
 * here.
 */
@SummitIntegrationTest
class AuthorizationMatrixTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	Fixture fixture;

	@Autowired
	ApplicationContext context;

	ProbeSetUp setUp;

	ProbeSetUp.SignedIn signedIn;

	@BeforeEach
	void signIn() throws Exception {
		this.setUp = new ProbeSetUp(this.fixture, this.context);
		this.signedIn = this.setUp.signInEach(this.mvc);
	}

	@Test
	void everyDataChangingRouteHasARule() {
		Set<String> routes = dataChangingRoutes();
		Set<String> rules = DataChangingRoutes.ALL.stream()
			.map(Probe::key)
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(routes).as("routes that change data but have no rule in DataChangingRoutes").isSubsetOf(rules);
		assertThat(rules).as("rules in DataChangingRoutes whose route no longer exists").isSubsetOf(routes);
		assertThat(routes).contains("POST /admin/accounts", "POST /admin/accounts/{id}/roles");
	}

	@Test
	void everyRouteAllowsExactlyWhomItsRuleSays() throws Exception {
		List<String> wrong = new ArrayList<>();
		for (Probe probe : DataChangingRoutes.ALL) {
			if (probe.request() == null) {
				continue;
			}
			for (Who who : Who.values()) {
				MockHttpServletResponse response = this.mvc.perform(asWho(who, probe.request().apply(target(who))))
					.andReturn()
					.getResponse();
				boolean expected = probe.allowed().contains(who);
				String verdict = verdict(who, response, expected);
				if (verdict != null) {
					wrong.add(probe.key() + " as " + who + ": " + verdict);
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void anonymousClientsThatDoNotAskForHtmlGet401() throws Exception {
		for (Probe probe : DataChangingRoutes.ALL) {
			if (probe.request() != null) {
				MockHttpServletRequestBuilder request = probe.request()
					.apply(target(Who.ANONYMOUS))
					.with(csrf())
					.accept(MediaType.APPLICATION_JSON);
				assertThat(this.mvc.perform(request).andReturn().getResponse().getStatus()).as(probe.key())
					.isEqualTo(401);
			}
		}
	}

	@Test
	void everyRouteRefusesARequestWithoutItsCsrfToken() throws Exception {
		for (Probe probe : DataChangingRoutes.ALL) {
			if (probe.request() != null) {
				MockHttpServletResponse response = this.mvc
					.perform(probe.request()
						.apply(target(Who.ADMIN))
						.session(this.signedIn.adminSession())
						.accept(MediaType.TEXT_HTML))
					.andReturn()
					.getResponse();
				assertThat(response.getStatus()).as(probe.key()).isEqualTo(403);
				assertThat(response.getContentAsString()).as(probe.key()).contains("security token was missing");
			}
		}
	}

	private String verdict(Who who, MockHttpServletResponse response, boolean expected) {
		int status = response.getStatus();
		String location = response.getRedirectedUrl();
		boolean toLogin = location != null && location.contains("/login");
		if (status >= 500) {
			return "server error " + status;
		}
		if (expected) {
			if (status == 401 || status == 403 || toLogin) {
				return "refused (" + status + ") but should be allowed";
			}
			// An allowed probe must really succeed, so a rule's request that is merely
			// invalid is caught too.
			return (status >= 400) ? "allowed but failed with " + status : null;
		}
		if (who == Who.ANONYMOUS) {
			return toLogin ? null : "expected a redirect to /login, got " + status + " " + location;
		}
		return (status == 403) ? null : "expected 403, got " + status + " " + location;
	}

	private MockHttpServletRequestBuilder asWho(Who who, MockHttpServletRequestBuilder request) {
		return request.with(csrf()).accept(MediaType.TEXT_HTML).session(this.signedIn.of(who));
	}

	/**
	 * The maintainer's own person for "on self"; a fresh maintainer otherwise, so allowed
	 * changes harm nobody.
	 */
	private Target target(Who who) {
		return this.setUp.target(who, this.signedIn);
	}

	private Set<String> dataChangingRoutes() {
		return DataChangingRoutes.in(this.mappings);
	}

}
