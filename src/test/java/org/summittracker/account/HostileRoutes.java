package org.summittracker.account;

import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import org.summittracker.support.Fixture;

/**
 * THE place where every route gets what {@link HostileInputTests} needs to attack it.
 * Data-changing routes are the {@link #FORMS} (those of {@link DataChangingRoutes}, with
 * their valid request and who may send it); every page (GET route) is in {@link #PAGES},
 * with the values of its path variables. The fields and query parameters attacked are not
 * listed: they are read from the handler methods ({@code @RequestParam}s, and the
 * components of {@code @ModelAttribute} records), so a new field is attacked as soon as
 * it exists, and a new route without an entry here fails the test.
 */
public final class HostileRoutes {

	private HostileRoutes() {
	}

	/** What the pages are shown for: a session with a bit of everything. */
	public record Seen(Fixture.Built session, String handle, long followUpId, long accountId, long noteId) {

		String subsystem() {
			return this.session.slug() + "-s0";
		}

		/**
		 * A new fixture session named after {@code prefix}, and what its pages are shown
		 * for.
		 */
		public static Seen of(Fixture fixture, JdbcTemplate jdbc, String prefix) {
			Fixture.Built session = fixture.newSession(prefix, 3, 3, 3);
			String maintainer = fixture.personWithAccount("maintainer", Role.MAINTAINER);
			return new Seen(session, session.person(0), fixture.followUpId(session.slug(), "Follow-up 0"),
					fixture.accountId(maintainer),
					jdbc.queryForObject("select min(n.id) from discussion_note n join summit_session s"
							+ " on s.id = n.session_id where s.slug = ?", Long.class, session.slug()));
		}

	}

	/** Every data-changing route, with a request that succeeds. */
	static final List<Probe> FORMS = DataChangingRoutes.ALL.stream()
		.filter((probe) -> probe.request() != null)
		.toList();

	/** Every page, with the values of its path variables. */
	public static final Map<String, Function<Seen, Map<String, String>>> PAGES = pages();

	private static Map<String, Function<Seen, Map<String, String>>> pages() {
		Map<String, Function<Seen, Map<String, String>>> pages = new LinkedHashMap<>();
		pages.put("/", (s) -> Map.of());
		pages.put("/login", (s) -> Map.of());
		pages.put("/events", (s) -> Map.of());
		pages.put("/events/{event}", HostileRoutes::event);
		pages.put("/events/{event}/minutes.{format}", (s) -> with(event(s), "format", "md"));
		pages.put("/events/{event}/timetable.ics", HostileRoutes::event);
		pages.put("/events/{event}/sessions/{session}", HostileRoutes::session);
		pages.put("/events/{event}/sessions/{session}/history", HostileRoutes::session);
		pages.put("/events/{event}/sessions/{session}/minutes.{format}", (s) -> with(session(s), "format", "txt"));
		pages.put("/events/{event}/sessions/{session}/concerns/new", HostileRoutes::session);
		pages.put("/events/{event}/sessions/{session}/concerns/{key}", (s) -> with(session(s), "key", "concern-0"));
		pages.put("/events/{event}/sessions/{session}/concerns/{key}/edit",
				(s) -> with(session(s), "key", "concern-0"));
		pages.put("/events/{event}/sessions/{session}/positions", HostileRoutes::session);
		pages.put("/events/{event}/sessions/{session}/buy-in", HostileRoutes::session);
		pages.put("/events/{event}/sessions/{session}/mail", HostileRoutes::session);
		pages.put("/events/{event}/sessions/{session}/mail/ask", HostileRoutes::session);
		pages.put("/events/{event}/sessions/{session}/mail/ask.eml", HostileRoutes::session);
		pages.put("/events/{event}/sessions/{session}/positions/{handle}",
				(s) -> with(session(s), "handle", s.session().person(0)));
		pages.put("/events/{event}/sessions/{session}/resolutions/new", HostileRoutes::session);
		pages.put("/events/{event}/sessions/{session}/resolutions/{seq}", (s) -> with(session(s), "seq", "1"));
		pages.put("/events/{event}/sessions/{session}/follow-ups/new", HostileRoutes::session);
		pages.put("/events/{event}/sessions/{session}/material", HostileRoutes::session);
		pages.put("/concerns", (s) -> Map.of());
		pages.put("/concerns/categories", (s) -> Map.of());
		pages.put("/follow-ups", (s) -> Map.of());
		pages.put("/follow-ups/{id}", (s) -> Map.of("id", Long.toString(s.followUpId())));
		pages.put("/people/{handle}", (s) -> Map.of("handle", s.session().person(0)));
		pages.put("/people/{handle}/follow-ups.ics", (s) -> Map.of("handle", s.session().person(0)));
		pages.put("/subsystems/{slug}", (s) -> Map.of("slug", s.subsystem()));
		pages.put("/account/tokens", (s) -> Map.of());
		pages.put("/me", (s) -> Map.of());
		pages.put("/account/password", (s) -> Map.of());
		pages.put("/api-reference", (s) -> Map.of());
		pages.put("/api-reference/swagger-ui", (s) -> Map.of());
		pages.put("/admin/accounts", (s) -> Map.of());
		pages.put("/admin/accounts/new", (s) -> Map.of());
		pages.put("/admin/accounts/{id}", (s) -> Map.of("id", Long.toString(s.accountId())));
		pages.put("/admin/audit", (s) -> Map.of());
		pages.put("/admin/backup", (s) -> Map.of());
		pages.put("/admin/imports/maintainers", (s) -> Map.of());
		pages.put("/admin/people/merge", (s) -> Map.of());
		pages.put("/imports/mailmap", (s) -> Map.of());
		pages.put("/events/new", (s) -> Map.of());
		pages.put("/events/{event}/edit", HostileRoutes::event);
		pages.put("/events/{event}/sessions/new", HostileRoutes::event);
		pages.put("/events/{event}/sessions/{session}/edit", HostileRoutes::session);
		pages.put("/events/{event}/sessions/{session}/notes", HostileRoutes::session);
		pages.put("/events/{event}/sessions/{session}/notes/{id}",
				(s) -> with(session(s), "id", Long.toString(s.noteId())));
		pages.put("/events/{event}/sessions/{session}/participants", HostileRoutes::session);
		pages.put("/events/{event}/sessions/{session}/subsystems", HostileRoutes::session);
		pages.put("/people/new", (s) -> Map.of());
		pages.put("/people/{handle}/edit", (s) -> Map.of("handle", s.session().person(0)));
		pages.put("/people/{handle}/addresses", (s) -> Map.of("handle", s.session().person(0)));
		pages.put("/subsystems/new", (s) -> Map.of());
		pages.put("/subsystems/{slug}/edit", (s) -> Map.of("slug", s.subsystem()));
		pages.put("/benchmark/reference", (s) -> Map.of());
		pages.put("/search", (s) -> Map.of());
		pages.put("/feed.atom", (s) -> Map.of());
		pages.put("/events/{event}/feed.atom", HostileRoutes::event);
		pages.put("/events/{event}/sessions/{session}/feed.atom", HostileRoutes::session);
		pages.put("/people/{handle}/feed.atom", (s) -> Map.of("handle", s.session().person(0)));
		pages.put("/subsystems/{slug}/feed.atom", (s) -> Map.of("slug", s.subsystem()));
		pages.put("/proposals/{key}/feed.atom", (s) -> Map.of("key", s.session().slug()));
		pages.put("/proposals", (s) -> Map.of());
		pages.put("/events/{event}/sessions/{session}/proposals", HostileRoutes::session);
		// A fixture session's proposal has the session's slug for its key.
		pages.put("/proposals/{key:[a-z0-9][a-z0-9-]*}", (s) -> Map.of("key", s.session().slug()));
		pages.put("/proposals/{key:[a-z0-9][a-z0-9-]*}/edit", (s) -> Map.of("key", s.session().slug()));
		pages.put("/proposals/{key:[a-z0-9][a-z0-9-]*}.{format}",
				(s) -> Map.of("key", s.session().slug(), "format", "md"));
		return pages;
	}

	private static Map<String, String> event(Seen seen) {
		return Map.of("event", seen.session().eventSlug());
	}

	private static Map<String, String> session(Seen seen) {
		return Map.of("event", seen.session().eventSlug(), "session", seen.session().slug());
	}

	private static Map<String, String> with(Map<String, String> variables, String name, String value) {
		Map<String, String> more = new TreeMap<>(variables);
		more.put(name, value);
		return more;
	}

	/**
	 * The patterns of every route answering GET, but the error page and the JSON API's
	 * (attacked with a token by {@code org.summittracker.api.ApiHostileInputTests}).
	 */
	static Set<String> pagesIn(RequestMappingHandlerMapping mappings) {
		Set<String> pages = new TreeSet<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (methods.contains(RequestMethod.GET)) {
				info.getPatternValues().stream().filter((pattern) -> !pattern.startsWith("/api/")).forEach(pages::add);
			}
		}
		return pages;
	}

	/** The handler of a route ({@code "GET /pattern"}). */
	static HandlerMethod handler(RequestMappingHandlerMapping mappings, String method, String pattern) {
		return mappings.getHandlerMethods()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().getPatternValues().contains(pattern))
			.filter((entry) -> entry.getKey().getMethodsCondition().getMethods().isEmpty()
					|| entry.getKey().getMethodsCondition().getMethods().contains(RequestMethod.valueOf(method)))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No handler for " + method + " " + pattern));
	}

	/**
	 * The request parameters a handler reads: its {@code @RequestParam}s and the
	 * components of the records it binds; files aside.
	 */
	static List<String> fieldsOf(HandlerMethod handler) {
		List<String> fields = new ArrayList<>();
		for (Parameter parameter : handler.getMethod().getParameters()) {
			RequestParam param = AnnotatedElementUtils.findMergedAnnotation(parameter, RequestParam.class);
			if (param != null) {
				if (!MultipartFile.class.isAssignableFrom(parameter.getType())) {
					fields.add(param.name().isEmpty() ? parameter.getName() : param.name());
				}
			}
			else if (parameter.getType().isRecord() && (parameter.isAnnotationPresent(ModelAttribute.class)
					|| parameter.getAnnotations().length == 0)) {
				for (RecordComponent component : parameter.getType().getRecordComponents()) {
					fields.add(component.getName());
				}
			}
		}
		return fields;
	}

}
