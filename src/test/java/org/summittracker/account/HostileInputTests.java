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
import org.springframework.jdbc.core.JdbcTemplate;
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
	JdbcTemplate jdbc;

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
			Attack attack = new Attack(probe, who);
			for (String field : fields) {
				for (Hostile hostile : HostileCorpus.ALL) {
					String what = probe.key() + " " + field + "=" + hostile;
					int status = send(what, attack.with(field, hostile), hostile, true);
					if (status == 409 && attack.used) {
						// Stale after an accepted change (a version moved): again, on a
						// fresh
						// target.
						attack.fresh();
						status = send(what, attack.with(field, hostile), hostile, true);
					}
					if (status < 400) {
						attack.accepted();
					}
				}
			}
		}
		assertThat(this.wrong).as(this.wrong.size() + " wrong answers in " + this.requests + " requests").isEmpty();
	}

	/**
	 * One form's valid request, with one field replaced. After a hostile value was
	 * accepted (and changed something) the request is built again on the same target;
	 * only when that is not enough (its answer is a conflict, or building it fails) is a
	 * fresh target made, since each costs a person, an account and a session.
	 */
	private final class Attack {

		private final Probe probe;

		private final Who who;

		private Probe.Target target;

		private MockHttpServletRequestBuilder valid;

		private boolean used;

		Attack(Probe probe, Who who) {
			this.probe = probe;
			this.who = who;
			fresh();
		}

		void fresh() {
			this.target = HostileInputTests.this.setUp.target(this.who, HostileInputTests.this.signedIn);
			this.valid = build();
			this.used = false;
		}

		void accepted() {
			try {
				this.valid = build();
				this.used = true;
			}
			catch (RuntimeException ex) {
				fresh();
			}
		}

		RequestBuilder with(String field, Hostile hostile) {
			MockHttpServletRequestBuilder base = this.valid;
			return (context) -> {
				MockHttpServletRequest built = base.postProcessRequest(base.buildRequest(context));
				built.setParameter(field, hostile.value());
				return built;
			};
		}

		private MockHttpServletRequestBuilder build() {
			return this.probe.request()
				.apply(this.target)
				.with(csrf())
				.session(HostileInputTests.this.signedIn.of(this.who))
				.accept(MediaType.TEXT_HTML);
		}

	}

	@Test
	void hostileQueryParametersAndPathVariablesAreRefusedWithoutAServerError() throws Exception {
		Fixture.Built session = this.fixture.newSession("hostile", 3, 3, 3);
		HostileRoutes.Seen seen = new HostileRoutes.Seen(session, session.person(0),
				this.fixture.followUpId(session.slug(), "Follow-up 0"),
				this.fixture.accountId(this.signedIn.maintainer()),
				this.jdbc.queryForObject("select min(n.id) from discussion_note n join summit_session s"
						+ " on s.id = n.session_id where s.slug = ?", Long.class, session.slug()));
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

	/**
	 * Notes what is wrong, printable and short: a report must not carry the NULs,
	 * surrogates and 100,000-character values it is about.
	 */
	private void wrong(String what) {
		String printable = what.codePoints()
			.mapToObj((c) -> (Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE
					|| Character.getType(c) == Character.FORMAT) ? String.format("\\u%04X", c)
							: new String(Character.toChars(c)))
			.collect(Collectors.joining());
		this.wrong.add((printable.length() > 600) ? printable.substring(0, 600) + "…" : printable);
	}

	/** Sends one request, notes what is wrong with its answer, and answers its status. */
	private int send(String what, RequestBuilder request, Hostile hostile, boolean mayChange) {
		this.requests++;
		long before = stamp();
		MockHttpServletResponse response;
		try {
			response = this.mvc.perform(request).andReturn().getResponse();
		}
		catch (Exception ex) {
			wrong(what + ": " + ex);
			return 500;
		}
		int status = response.getStatus();
		if (status >= 500) {
			wrong(what + ": " + status);
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
			wrong(what + ": the page repeats the markup it was sent");
		}
		if (status >= 400 && !body.isEmpty() && response.getContentType() != null
				&& response.getContentType().startsWith("text/html") && !body.stripTrailing().endsWith("</html>")) {
			wrong(what + ": " + status + " with a page that breaks off");
		}
		if ((status >= 400 || !mayChange) && stamp() != before) {
			wrong(what + ": " + status + " but the data changed");
		}
		return status;
	}

	/** The change stamp, which every committed write to any table moves on. */
	private long stamp() {
		return this.jdbc.queryForObject("select stamp from change_stamp", Long.class);
	}

}
