package org.summittracker.account;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import org.summittracker.account.ApiRoutes.ApiProbe;
import org.summittracker.account.ApiRoutes.Caller;
import org.summittracker.support.Fixture;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of the JSON API, tried by every {@link Caller}: without a token (401), with
 * a read token (reads only, 403 for writes), and with write tokens of a maintainer on
 * their own things and on another's, an organizer and an administrator, as
 * {@link ApiRoutes} says; refusals are problem details, never a server error. Every route
 * that takes {@code If-Match} refuses a stale one with 412 and a missing one with 428.
 */
@SummitIntegrationTest
class ApiAuthorizationMatrixTests {

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

	String maintainer;

	final Map<Caller, String> tokens = new EnumMap<>(Caller.class);

	@BeforeEach
	void tokens() {
		this.setUp = new ProbeSetUp(this.fixture, this.context);
		this.maintainer = this.fixture.personWithAccount("api-maintainer", Role.MAINTAINER);
		this.tokens.put(Caller.READ_TOKEN, this.fixture.token(this.maintainer, false));
		String write = this.fixture.token(this.maintainer, true);
		this.tokens.put(Caller.MAINTAINER_ON_SELF, write);
		this.tokens.put(Caller.MAINTAINER_ON_ANOTHER, write);
		this.tokens.put(Caller.ORGANIZER,
				this.fixture.token(this.fixture.personWithAccount("api-organizer", Role.ORGANIZER), true));
		this.tokens.put(Caller.ADMIN,
				this.fixture.token(this.fixture.personWithAccount("api-admin", Role.ADMIN, Role.ORGANIZER), true));
	}

	@Test
	void everyApiRouteHasARule() {
		Set<String> rules = ApiRoutes.ALL.stream().map(ApiProbe::key).collect(Collectors.toCollection(TreeSet::new));
		assertThat(ApiRoutes.in(this.mappings)).as("API routes and their rules in ApiRoutes").isEqualTo(rules);
	}

	@Test
	void everyApiRouteAllowsExactlyWhomItsRuleSays() throws Exception {
		List<String> wrong = new ArrayList<>();
		for (ApiProbe probe : ApiRoutes.ALL) {
			for (Caller caller : Caller.values()) {
				MockHttpServletResponse response = this.mvc.perform(as(caller, probe.request().apply(target(caller))))
					.andReturn()
					.getResponse();
				String verdict = verdict(caller, response, probe.allowed().contains(caller));
				if (verdict != null) {
					wrong.add(probe.key() + " as " + caller + ": " + verdict);
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void everyVersionedRouteRefusesAStaleOrMissingIfMatch() throws Exception {
		List<String> wrong = new ArrayList<>();
		for (ApiProbe probe : ApiRoutes.ALL) {
			if (!probe.versioned()) {
				continue;
			}
			Caller caller = probe.allowed().iterator().next();
			int stale = this.mvc.perform(as(caller, probe.request().apply(target(caller))).with(ifMatch("\"987\"")))
				.andReturn()
				.getResponse()
				.getStatus();
			if (stale != 412) {
				wrong.add(probe.key() + " with a stale If-Match: " + stale);
			}
			MockHttpServletRequestBuilder request = probe.request().apply(target(caller));
			int missing = this.mvc.perform(as(caller, request).with(ifMatch(null)))
				.andReturn()
				.getResponse()
				.getStatus();
			if (missing != 428) {
				wrong.add(probe.key() + " without If-Match: " + missing);
			}
		}
		assertThat(wrong).isEmpty();
	}

	/**
	 * Every refusal of every route is a problem detail with the same members
	 * ({@code type} among the documented ones, {@code title}, {@code status},
	 * {@code detail}, {@code instance}, and {@code errors} where fields are at fault):
	 * without a token (401), a read token writing (403), an address that names nothing
	 * (404), a method the address does not take (405), an {@code Accept} it cannot answer
	 * (406), a body that is not JSON (415) or not well-formed (400), a stale or missing
	 * {@code If-Match} (412, 428).
	 */
	@Test
	void everyRefusalIsAProblemWithTheSameMembers() throws Exception {
		List<String> wrong = new ArrayList<>();
		for (ApiProbe probe : ApiRoutes.ALL) {
			// a write token: a read token's other methods are refused before routing
			Caller caller = probe.allowed().stream().filter((c) -> c != Caller.READ_TOKEN).findFirst().orElseThrow();
			boolean writes = !probe.method().equals("GET");
			boolean takesBody = writes && !probe.pattern().endsWith("/confirmation")
					&& !probe.pattern().endsWith("/withdrawal");
			Map<String, RequestPostProcessor> refusals = new java.util.LinkedHashMap<>();
			refusals.put("401", (r) -> {
				r.removeHeader("Authorization");
				return r;
			});
			if (writes) {
				refusals.put("403", (r) -> {
					r.removeHeader("Authorization");
					r.addHeader("Authorization", "Bearer " + this.tokens.get(Caller.READ_TOKEN));
					return r;
				});
			}
			if (takesBody) {
				refusals.put("415", (r) -> {
					r.setContentType("text/plain");
					return r;
				});
				refusals.put("400", (r) -> {
					r.setContent("{\"title\": ".getBytes(java.nio.charset.StandardCharsets.UTF_8));
					return r;
				});
			}
			if (!writes && probe.pattern().endsWith("}")) {
				refusals.put("404", (r) -> {
					String uri = r.getRequestURI();
					String last = uri.substring(uri.lastIndexOf('/') + 1);
					r.setRequestURI(uri.substring(0, uri.lastIndexOf('/') + 1)
							+ (last.chars().allMatch(Character::isDigit) ? "987654321" : "no-such-thing"));
					return r;
				});
			}
			refusals.put("405", (r) -> {
				r.setMethod("DELETE");
				return r;
			});
			refusals.put("406", (r) -> {
				r.removeHeader("Accept");
				r.addHeader("Accept", "application/xml");
				return r;
			});
			if (probe.versioned()) {
				refusals.put("412", ifMatch("\"987\""));
				refusals.put("428", ifMatch(null));
			}
			for (Map.Entry<String, RequestPostProcessor> refusal : refusals.entrySet()) {
				MockHttpServletResponse response = this.mvc
					.perform(as(caller, probe.request().apply(target(caller))).with(refusal.getValue()))
					.andReturn()
					.getResponse();
				String problem = ApiProblemMembers.wrong(response, Integer.parseInt(refusal.getKey()));
				if (problem != null) {
					wrong.add(probe.key() + " refused with " + refusal.getKey() + ": " + problem);
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	/** Replaces the request's If-Match (removes it, for {@code null}). */
	private static RequestPostProcessor ifMatch(String value) {
		return (request) -> {
			request.removeHeader("If-Match");
			if (value != null) {
				request.addHeader("If-Match", value);
			}
			return request;
		};
	}

	private String verdict(Caller caller, MockHttpServletResponse response, boolean allowed) {
		int status = response.getStatus();
		if (status >= 500) {
			return "server error " + status;
		}
		if (allowed) {
			return (status >= 400) ? "allowed but failed with " + status + " " + body(response) : null;
		}
		String type = response.getContentType();
		if (type == null || !type.startsWith("application/problem+json")) {
			return "refused (" + status + ") without a problem detail";
		}
		int expected = (caller == Caller.NO_TOKEN) ? 401 : 403;
		return (status == expected) ? null : "expected " + expected + ", got " + status + " " + body(response);
	}

	private static String body(MockHttpServletResponse response) {
		try {
			return response.getContentAsString();
		}
		catch (Exception ex) {
			return "";
		}
	}

	private MockHttpServletRequestBuilder as(Caller caller, MockHttpServletRequestBuilder request) {
		String token = this.tokens.get(caller);
		return (token != null) ? request.header("Authorization", "Bearer " + token) : request;
	}

	/**
	 * The maintainer's own person for "on self" and a read token; a fresh maintainer
	 * otherwise.
	 */
	private Probe.Target target(Caller caller) {
		return this.setUp.target((caller == Caller.MAINTAINER_ON_SELF || caller == Caller.READ_TOKEN) ? this.maintainer
				: this.fixture.personWithAccount("api-other", Role.MAINTAINER));
	}

}
