package org.summittracker.account;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.support.SessionFlashMapManager;
import org.springframework.web.util.UriComponentsBuilder;

import org.summittracker.account.HostileCorpus.Hostile;
import org.summittracker.account.Probe.Who;
import org.summittracker.support.Fixture;
import org.summittracker.support.MockMvcSessions;
import org.summittracker.support.QuietMockMvc;
import org.summittracker.support.SummitIntegrationTest;
import org.summittracker.support.ThreadWrites;

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

	private static final Logger logger = LoggerFactory.getLogger(HostileInputTests.class);

	/** Threads sending requests at once, each signed in as people of its own. */
	static final int WORKERS = Runtime.getRuntime().availableProcessors() + 1;

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

	private final List<String> wrong = Collections.synchronizedList(new ArrayList<>());

	private final AtomicInteger requests = new AtomicInteger();

	private final AtomicInteger again = new AtomicInteger();

	/** Requests and their threads' CPU nanoseconds, by route and class of answer. */
	private final Map<String, long[]> cost = new ConcurrentHashMap<>();

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	/**
	 * Requests are sent together (the read lock); one that cannot tell whose write moved
	 * the change stamp is sent again alone (the write lock).
	 */
	private final ReadWriteLock alone = new ReentrantReadWriteLock();

	private long startedAt;

	private long cpuAtStart;

	@BeforeEach
	void setUp() {
		this.mvc = QuietMockMvc.of((WebApplicationContext) this.context);
		this.setUp = new ProbeSetUp(this.fixture, this.context);
		this.startedAt = System.nanoTime();
		this.cpuAtStart = cpuTime();
	}

	/**
	 * What a run cost, in the log: the time it takes depends on what else the machine
	 * runs.
	 */
	@AfterEach
	void tellTheCost(TestInfo test) {
		if (this.requests.get() > 0) {
			logger.info("{}: {} requests ({} sent again alone) in {} s, {} s of CPU, {} threads", test.getDisplayName(),
					this.requests, this.again, (System.nanoTime() - this.startedAt) / 1_000_000_000,
					(cpuTime() - this.cpuAtStart) / 1_000_000_000, WORKERS);
			logger.info("{}: the routes and answers that cost most (requests, s of CPU in requests): {}",
					test.getDisplayName(),
					this.cost.entrySet()
						.stream()
						.sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[1]))
						.limit(15)
						.map((e) -> e.getKey() + " " + e.getValue()[0] + " " + e.getValue()[1] / 1_000_000_000.0)
						.collect(Collectors.joining("; ")));
		}
	}

	static long cpuTime() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
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
		Queue<Probe> probes = new ConcurrentLinkedQueue<>(HostileRoutes.FORMS);
		inParallel(() -> {
			ProbeSetUp.SignedIn signedIn = together(() -> this.setUp.signInEach(this.mvc));
			for (Probe probe = probes.poll(); probe != null; probe = probes.poll()) {
				attack(probe, signedIn);
			}
		});
		assertThat(this.wrong).as(report()).isEmpty();
	}

	private void attack(Probe probe, ProbeSetUp.SignedIn signedIn) {
		Who who = probe.allowed().contains(Who.ORGANIZER) ? Who.ORGANIZER
				: probe.allowed().contains(Who.ADMIN) ? Who.ADMIN : Who.MAINTAINER_ON_SELF;
		List<String> fields = HostileRoutes
			.fieldsOf(HostileRoutes.handler(this.mappings, probe.method(), probe.pattern()));
		Attack attack = new Attack(probe, who, signedIn);
		for (String field : fields) {
			for (Hostile hostile : HostileCorpus.ALL) {
				String what = probe.key() + " " + field + "=" + hostile;
				int status = send(probe.key(), what, attack.with(field, hostile), hostile, true);
				if (status == 409 && attack.used) {
					// Stale after an accepted change (a version moved): again, on a fresh
					// target.
					attack.fresh();
					status = send(probe.key(), what, attack.with(field, hostile), hostile, true);
				}
				if (status < 400) {
					attack.accepted();
				}
			}
		}
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

		private final ProbeSetUp.SignedIn signedIn;

		private Probe.Target target;

		private MockHttpServletRequestBuilder valid;

		private boolean used;

		Attack(Probe probe, Who who, ProbeSetUp.SignedIn signedIn) {
			this.probe = probe;
			this.who = who;
			this.signedIn = signedIn;
			fresh();
		}

		void fresh() {
			this.target = together(() -> HostileInputTests.this.setUp.target(this.who, this.signedIn));
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

		/**
		 * The valid request; building some writes (a second session, a duplicate person).
		 */
		private MockHttpServletRequestBuilder build() {
			return together(() -> this.probe.request()
				.apply(this.target)
				.with(csrf())
				.session(this.signedIn.of(this.who))
				.accept(MediaType.TEXT_HTML));
		}

	}

	@Test
	void hostileQueryParametersAndPathVariablesAreRefusedWithoutAServerError() throws Exception {
		HostileRoutes.Seen seen = HostileRoutes.Seen.of(this.fixture, this.jdbc, "hostile");
		Queue<String> pages = new ConcurrentLinkedQueue<>(HostileRoutes.PAGES.keySet());
		inParallel(() -> {
			MockHttpSession admin = together(
					() -> this.fixture.signedIn(this.mvc, "admin", Role.ADMIN, Role.ORGANIZER));
			for (String page = pages.poll(); page != null; page = pages.poll()) {
				attack(page, HostileRoutes.PAGES.get(page).apply(seen), admin);
			}
		});
		assertThat(this.wrong).as(report()).isEmpty();
	}

	private void attack(String pattern, Map<String, String> variables, MockHttpSession admin) {
		String url = UriComponentsBuilder.fromPath(pattern).encode().buildAndExpand(variables).toUriString();
		for (String parameter : HostileRoutes.fieldsOf(HostileRoutes.handler(this.mappings, "GET", pattern))) {
			for (Hostile hostile : HostileCorpus.ALL) {
				send("GET " + pattern, "GET " + pattern + "?" + parameter + "=" + hostile,
						get(url).param(parameter, hostile.value()).session(admin).accept(MediaType.TEXT_HTML), hostile,
						false);
			}
		}
		for (String variable : variables.keySet()) {
			for (Hostile hostile : HostileCorpus.SAMPLE) {
				Map<String, String> changed = new TreeMap<>(variables);
				changed.put(variable, hostile.value());
				String attacked = UriComponentsBuilder.fromPath(pattern).encode().buildAndExpand(changed).toUriString();
				send("GET " + pattern, "GET " + pattern + " {" + variable + "}=" + hostile,
						get(URI.create(attacked)).session(admin).accept(MediaType.TEXT_HTML), hostile, false);
			}
		}
	}

	/** Runs the work on {@link #WORKERS} threads at once, and waits for them all. */
	private static void inParallel(Work work) throws Exception {
		ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
		try {
			List<Future<Void>> done = new ArrayList<>();
			for (int i = 0; i < WORKERS; i++) {
				done.add(workers.submit(() -> {
					work.run();
					return null;
				}));
			}
			for (Future<Void> worker : done) {
				worker.get();
			}
		}
		finally {
			workers.shutdownNow();
		}
	}

	@FunctionalInterface
	private interface Work {

		void run() throws Exception;

	}

	private String report() {
		return this.wrong.size() + " wrong answers in " + this.requests + " requests (" + this.again
				+ " sent again alone)";
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

	/**
	 * Sends one request, notes what is wrong with its answer, and answers its status.
	 * Other threads send theirs at the same time: when the change stamp moved during a
	 * request that must change nothing, and the request's own thread made statements that
	 * may write, it is sent again alone, where the stamp tells.
	 */
	private int send(String route, String what, RequestBuilder request, Hostile hostile, boolean mayChange) {
		this.requests.incrementAndGet();
		Answer answer = sent(request, this.alone.readLock());
		if (answer.changed() && answer.wrote() && (answer.status() >= 400 || !mayChange)) {
			this.again.incrementAndGet();
			answer = sent(request, this.alone.writeLock());
		}
		this.cost.merge(route + " " + answer.status() / 100 + "xx", new long[] { 1, answer.cpu() },
				(a, b) -> new long[] { a[0] + b[0], a[1] + b[1] });
		if (answer.failure() != null) {
			wrong(what + ": " + answer.failure());
			return 500;
		}
		MockHttpServletResponse response = answer.response();
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
		if ((status >= 400 || !mayChange) && answer.changed() && answer.wrote()) {
			wrong(what + ": " + status + " but the data changed");
		}
		return status;
	}

	/**
	 * A request's answer; whether the change stamp moved while it ran, and whether its
	 * thread made statements that may write.
	 */
	private record Answer(MockHttpServletResponse response, Exception failure, boolean changed, boolean wrote,
			long cpu) {

		int status() {
			return (this.failure != null) ? 500 : this.response.getStatus();
		}

	}

	/**
	 * Does what writes outside a request (sign-ins, fresh targets) while no request is
	 * sent alone.
	 */
	private <T> T together(Callable<T> work) {
		this.alone.readLock().lock();
		try {
			return work.call();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			this.alone.readLock().unlock();
		}
	}

	private Answer sent(RequestBuilder request, Lock lock) {
		lock.lock();
		try {
			long before = stamp();
			int writes = ThreadWrites.soFar();
			MockHttpServletResponse response = null;
			Exception failure = null;
			long cpu = THREADS.getCurrentThreadCpuTime();
			try {
				MvcResult result = this.mvc.perform(request).andReturn();
				response = result.getResponse();
				cpu = THREADS.getCurrentThreadCpuTime() - cpu;
				if (result.getFlashMap() != null && !result.getFlashMap().isEmpty()) {
					forgetFlashMessages(result.getRequest().getSession(false));
				}
			}
			catch (Exception ex) {
				failure = ex;
			}
			return new Answer(response, failure, stamp() != before, ThreadWrites.soFar() != writes, Math.max(cpu, 0));
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * Drops the one-time messages an accepted form left in its session for the page it
	 * redirects to. A browser follows the redirect and the message goes; this test never
	 * does, so they piled up (kept 180 s) and every later request of the session read and
	 * deserialized them all: 294 s of CPU before, 249 s after (docs/benchmark-rounds.md,
	 * ci18l). Sessions are no data: their tables move no change stamp and count as no
	 * write.
	 */
	private void forgetFlashMessages(HttpSession session) {
		String id = MockMvcSessions.storedId(session);
		if (id != null) {
			this.jdbc.update(
					"delete from spring_session_attributes where attribute_name = ?"
							+ " and session_primary_id = (select primary_id from spring_session where session_id = ?)",
					SessionFlashMapManager.class.getName() + ".FLASH_MAPS", id);
		}
	}

	/** The change stamp, which every committed write to any table moves on. */
	private long stamp() {
		return this.jdbc.queryForObject("select stamp from change_stamp", Long.class);
	}

}
