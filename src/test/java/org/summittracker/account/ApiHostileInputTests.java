package org.summittracker.account;

import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import org.summittracker.account.ApiRoutes.ApiProbe;
import org.summittracker.account.ApiRoutes.Caller;
import org.summittracker.account.HostileCorpus.Hostile;
import org.summittracker.support.Fixture;
import org.summittracker.support.QuietMockMvc;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every JSON body field, query parameter and path variable of every API route, sent each
 * value of the {@link HostileCorpus} with a token of someone allowed: no answer is a
 * server error, every refusal is a problem detail, and a refused request changes nothing
 * (the change stamp stays). The fields are read from the handlers, so a new one is
 * attacked as soon as it exists. Rate limits are lifted (application-test.properties;
 * they have their own test), so this class shares the default test context.
 */
@SummitIntegrationTest
class ApiHostileInputTests {

	private static final Logger logger = LoggerFactory.getLogger(ApiHostileInputTests.class);

	/**
	 * Without the autowired MockMvc's copy of every request and answer, printed if the
	 * test fails: 106 s of CPU before, 81 s after (docs/benchmark-rounds.md, ci18l).
	 */
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	Fixture fixture;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JsonMapper json;

	private final List<String> wrong = new ArrayList<>();

	private int requests;

	@Test
	void hostileBodiesParametersAndPathsAreRefusedAsProblemsWithoutAServerError() throws Exception {
		long startedAt = System.nanoTime();
		long cpuAtStart = HostileInputTests.cpuTime();
		this.mvc = QuietMockMvc.of((WebApplicationContext) this.context);
		ProbeSetUp setUp = new ProbeSetUp(this.fixture, this.context);
		String maintainer = this.fixture.personWithAccount("api-hostile", Role.MAINTAINER);
		String organizer = this.fixture.token(this.fixture.personWithAccount("api-hostile-org", Role.ORGANIZER), true);
		String self = this.fixture.token(maintainer, true);
		for (ApiProbe probe : ApiRoutes.ALL) {
			boolean byOrganizer = probe.allowed().contains(Caller.ORGANIZER);
			String token = byOrganizer ? organizer : self;
			Probe.Target target = setUp.target(
					byOrganizer ? this.fixture.personWithAccount("api-hostile-other", Role.MAINTAINER) : maintainer);
			HandlerMethod handler = HostileRoutes.handler(this.mappings, probe.method(), probe.pattern());
			for (String field : bodyFields(handler)) {
				for (Hostile hostile : HostileCorpus.ALL) {
					MockHttpServletRequestBuilder request = probe.request().apply(target);
					MockHttpServletRequest built = request.buildRequest(new MockServletContext());
					ObjectNode body = (ObjectNode) this.json
						.readTree(new String(built.getContentAsByteArray(), StandardCharsets.UTF_8));
					body.put(field, hostile.value());
					send(probe.key() + " body " + field + "=" + hostile,
							request.content(this.json.writeValueAsString(body)), token);
				}
			}
			for (String parameter : HostileRoutes.fieldsOf(handler)) {
				for (Hostile hostile : HostileCorpus.ALL) {
					send(probe.key() + " ?" + parameter + "=" + hostile,
							probe.request().apply(target).param(parameter, hostile.value()), token);
				}
			}
			for (Hostile hostile : HostileCorpus.SAMPLE) {
				String path = probe.request().apply(target).buildRequest(new MockServletContext()).getRequestURI();
				String[] segments = path.split("/");
				String last = org.springframework.web.util.UriUtils.encodePathSegment(hostile.value(),
						StandardCharsets.UTF_8);
				segments[Math.min(4, segments.length - 1)] = last;
				MockHttpServletRequestBuilder attacked = probe.request().apply(target);
				send(probe.key() + " path " + hostile, rebuild(attacked, URI.create(String.join("/", segments))),
						token);
			}
		}
		// What the run cost, in the log: its time depends on what else the machine runs.
		logger.info("{} requests in {} s, {} s of CPU", this.requests, (System.nanoTime() - startedAt) / 1_000_000_000,
				(HostileInputTests.cpuTime() - cpuAtStart) / 1_000_000_000);
		assertThat(this.wrong).as(this.wrong.size() + " wrong answers in " + this.requests + " requests").isEmpty();
	}

	/** The request with another address (the attacked path), headers and body kept. */
	private static MockHttpServletRequestBuilder rebuild(MockHttpServletRequestBuilder request, URI uri) {
		return request.with((built) -> {
			built.setRequestURI(uri.getRawPath());
			built.setPathInfo(null);
			built.setServletPath("");
			return built;
		});
	}

	private void send(String what, MockHttpServletRequestBuilder request, String token) {
		this.requests++;
		long before = stamp();
		MockHttpServletResponse response;
		try {
			response = this.mvc.perform(request.header("Authorization", "Bearer " + token)).andReturn().getResponse();
		}
		catch (Exception ex) {
			this.wrong.add(what + ": " + ex);
			return;
		}
		int status = response.getStatus();
		if (status >= 500) {
			this.wrong.add(what + ": " + status);
		}
		else if (status >= 400) {
			String type = response.getContentType();
			if (type == null || !type.startsWith("application/problem+json")) {
				this.wrong.add(what + ": " + status + " without a problem detail (" + type + ")");
			}
			if (stamp() != before) {
				this.wrong.add(what + ": " + status + " but the data changed");
			}
		}
	}

	private static List<String> bodyFields(HandlerMethod handler) {
		List<String> fields = new ArrayList<>();
		for (Parameter parameter : handler.getMethod().getParameters()) {
			if (parameter.isAnnotationPresent(RequestBody.class) && parameter.getType().isRecord()) {
				for (RecordComponent component : parameter.getType().getRecordComponents()) {
					fields.add(component.getName());
				}
			}
		}
		return fields;
	}

	private long stamp() {
		return this.jdbc.queryForObject("select stamp from change_stamp", Long.class);
	}

}
