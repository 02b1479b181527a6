package org.summittracker.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriComponentsBuilder;

import org.summittracker.account.HostileCorpus.Hostile;
import org.summittracker.account.Probe.Who;
import org.summittracker.freshness.ChangeStamps;
import org.summittracker.support.Fixture;
import org.summittracker.support.QuietMockMvc;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every field of every form and every query parameter and path variable of every page,
 * sent each value of the {@link HostileCorpus} (the other fields valid, by someone
 * allowed to): no answer is a server error, no page repeats markup it was sent, a refused
 * request changes nothing (the change stamp stays), and a refusal's page is rendered
 * whole. The routes come from the handler mappings, as in
 * {@link AuthorizationMatrixTests}: a route without an entry in {@link HostileRoutes}
 * fails here, and fields are read from the handlers, so a new one is attacked as soon as
 * it exists.
 */
@SummitIntegrationTest
class HostileInputTests {

	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	Fixture fixture;

	@Autowired
	ApplicationContext context;

	@Autowired
	ChangeStamps stamps;

	ProbeSetUp setUp;

	ProbeSetUp.SignedIn signedIn;

	private final List<String> wrong = new ArrayList<>();

	private int requests;

	@BeforeEach
	void signIn() throws Exception {
		this.mvc = QuietMockMvc.of((WebApplicationContext) this.context);
		this.setUp = new ProbeSetUp(this.fixture, this.context);
		this.signedIn = this.setUp.signInEach(this.mvc);
	}

	@Test
	void everyRouteIsCovered() {
		Set<String> forms = new TreeSet<>(DataChangingRoutes.in(this.mappings));
		DataChangingRoutes.ALL.stream()
			.filter((probe) -> probe.request() == null)
			.map(Probe::key)
			.forEach(forms::remove);
		assertThat((Set<String>) HostileRoutes.FORMS.stream()
			.map(Probe::key)
			.collect(Collectors.toCollection(TreeSet::new))).as("data-changing routes the hostile suite attacks")
			.isEqualTo(forms);
		assertThat(new TreeSet<>(HostileRoutes.PAGES.keySet()))
			.as("pages the hostile suite attacks (HostileRoutes.PAGES)")
			.isEqualTo(HostileRoutes.pagesIn(this.mappings));
		assertThat(HostileCorpus.ALL).as("hostile values").hasSizeGreaterThanOrEqualTo(60);
	}

	@Test
	void hostileFormFieldsAreRefusedWithoutAServerErrorAndChangeNothing() throws Exception {
		for (Probe probe : HostileRoutes.FORMS) {
			Who who = probe.allowed().contains(Who.ORGANIZER) ? Who.ORGANIZER
					: probe.allowed().contains(Who.ADMIN) ? Who.ADMIN : Who.MAINTAINER_ON_SELF;
			List<String> fields = HostileRoutes
				.fieldsOf(HostileRoutes.handler(this.mappings, probe.method(), probe.pattern()));
			MockHttpServletRequestBuilder valid = valid(probe, who);
			for (String field : fields) {
				for (Hostile hostile : HostileCorpus.ALL) {
					MockHttpServletRequestBuilder base = valid;
					RequestBuilder request = (context) -> {
						MockHttpServletRequest built = base.postProcessRequest(base.buildRequest(context));
						built.setParameter(field, hostile.value());
						return built;
					};
					if (send(probe.key() + " " + field + "=" + hostile, request, hostile, true) < 400) {
						// It was accepted (and changed something): start again from a
						// fresh target.
						valid = valid(probe, who);
					}
				}
			}
		}
		assertThat(this.wrong).as(this.wrong.size() + " wrong answers in " + this.requests + " requests").isEmpty();
	}

	@Test
	void hostileQueryParametersAndPathVariablesAreRefusedWithoutAServerError() throws Exception {
		Fixture.Built session = this.fixture.newSession("hostile", 3, 3, 3);
		HostileRoutes.Seen seen = new HostileRoutes.Seen(session, session.person(0),
				this.fixture.followUpId(session.slug(), "Follow-up 0"),
				this.fixture.accountId(this.signedIn.maintainer()));
		MockHttpSession admin = this.signedIn.adminSession();
		for (Map.Entry<String, java.util.function.Function<HostileRoutes.Seen, Map<String, String>>> page : HostileRoutes.PAGES
			.entrySet()) {
			String pattern = page.getKey();
			Map<String, String> variables = page.getValue().apply(seen);
			String url = UriComponentsBuilder.fromPath(pattern).encode().buildAndExpand(variables).toUriString();
			for (String parameter : HostileRoutes.fieldsOf(HostileRoutes.handler(this.mappings, "GET", pattern))) {
				for (Hostile hostile : HostileCorpus.ALL) {
					send("GET " + pattern + "?" + parameter + "=" + hostile,
							get(url).param(parameter, hostile.value()).session(admin).accept(MediaType.TEXT_HTML),
							hostile, false);
				}
			}
			for (String variable : variables.keySet()) {
				for (Hostile hostile : HostileCorpus.SAMPLE) {
					Map<String, String> changed = new TreeMap<>(variables);
					changed.put(variable, hostile.value());
					String attacked = UriComponentsBuilder.fromPath(pattern)
						.encode()
						.buildAndExpand(changed)
						.toUriString();
					send("GET " + pattern + " {" + variable + "}=" + hostile,
							get(java.net.URI.create(attacked)).session(admin).accept(MediaType.TEXT_HTML), hostile,
							false);
				}
			}
		}
		assertThat(this.wrong).as(this.wrong.size() + " wrong answers in " + this.requests + " requests").isEmpty();
	}

	/** The probe's valid request against a fresh target, as {@code who}. */
	private MockHttpServletRequestBuilder valid(Probe probe, Who who) {
		return probe.request()
			.apply(this.setUp.target(who, this.signedIn))
			.with(csrf())
			.session(this.signedIn.of(who))
			.accept(MediaType.TEXT_HTML);
	}

	/** Sends one request, notes what is wrong with its answer, and answers its status. */
	private int send(String what, RequestBuilder request, Hostile hostile, boolean mayChange) {
		this.requests++;
		long before = this.stamps.current().value();
		MockHttpServletResponse response;
		try {
			response = this.mvc.perform(request).andReturn().getResponse();
		}
		catch (Exception ex) {
			this.wrong.add(what + ": " + ex);
			return 500;
		}
		int status = response.getStatus();
		if (status >= 500) {
			this.wrong.add(what + ": " + status);
			return status;
		}
		String body;
		try {
			body = response.getContentAsString();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		if (hostile.isMarkup() && body.contains(hostile.value())) {
			this.wrong.add(what + ": the page repeats the markup it was sent");
		}
		if (status >= 400 && !body.isEmpty() && response.getContentType() != null
				&& response.getContentType().startsWith("text/html") && !body.stripTrailing().endsWith("</html>")) {
			this.wrong.add(what + ": " + status + " with a page that breaks off");
		}
		if ((status >= 400 || !mayChange) && this.stamps.current().value() != before) {
			this.wrong.add(what + ": " + status + " but the data changed");
		}
		return status;
	}

}
