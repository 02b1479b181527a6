package org.summittracker.account;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static java.util.Map.entry;

/**
 * THE place where every data-changing route says which pages, feeds and exports show what
 * it changes. {@link NoStalePagesTests} fails for a route of the handler mappings that
 * has no entry here, and checks each entry: after the change, every one of them answers
 * with another ETag and other content.
 */
final class PagesShowingChanges {

	private PagesShowingChanges() {
	}

	/**
	 * Who reads a page: anonymous readers (so from the cache of rendered pages), or
	 * someone signed in, for the pages only they may read or that show what is theirs.
	 */
	enum Reader {

		ANONYMOUS,

		/** The administrator of the probes (also an organizer). */
		ADMIN,

		/** The organizer of the probes, who is no administrator. */
		ORGANIZER,

		/** The target's person (a maintainer), signed in with their own account. */
		TARGET

	}

	/** A page to read: its address, and who reads it. */
	record Shown(String url, Reader reader) {

		static Shown page(String url) {
			return new Shown(url, Reader.ANONYMOUS);
		}

		static Shown adminPage(String url) {
			return new Shown(url, Reader.ADMIN);
		}

		/** A page as the organizer reads it: {@code /me} lists the sessions to tend. */
		static Shown organizersPage(String url) {
			return new Shown(url, Reader.ORGANIZER);
		}

		/**
		 * A page as the target's person reads it: {@code /me} lists what waits on them.
		 */
		static Shown targetsPage(String url) {
			return new Shown(url, Reader.TARGET);
		}

	}

	/**
	 * By route, from the probe's target and the path the probe's request was sent to, the
	 * pages that show the change.
	 */
	static final Map<String, BiFunction<Probe.Target, String, List<Shown>>> BY_ROUTE = Map.ofEntries(
			entry("POST /account/tokens", (t, path) -> List.of(Shown.adminPage("/admin/audit"))),
			entry("POST /account/tokens/{id}/revocation", (t, path) -> List.of(Shown.adminPage("/admin/audit"))),
			// The accounts list is by username: a new account may be on a later page, the
			// audit
			// trail names it first.
			entry("POST /admin/accounts", (t, path) -> List.of(Shown.adminPage("/admin/audit"))),
			entry("POST /admin/accounts/{id}/roles", (t, path) -> List.of(Shown.adminPage(parent(path)))),
			entry("POST /admin/accounts/{id}/enabled", (t, path) -> List.of(Shown.adminPage(parent(path)))),
			entry("POST /admin/accounts/{id}/password", (t, path) -> List.of(Shown.adminPage(parent(path)))),
			entry("POST /admin/accounts/{id}/person", (t, path) -> List.of(Shown.adminPage(parent(path)))),
			entry("POST /account/password", (t, path) -> List.of(Shown.adminPage("/admin/audit"))),
			entry("POST /admin/imports/maintainers", (t, path) -> List.of(Shown.adminPage("/admin/audit"))),
			entry("POST /admin/backup", (t, path) -> List.of(Shown.adminPage("/admin/audit"))),
			// Final minutes: the session waits on the organizers no more.
			entry("POST /events/{event}/sessions/{session}/minutes/final",
					(t, path) -> with(session(t, "", "/minutes.md", "/minutes.json", "/history"), organizersMe())),
			// The concerns their raiser raised that are still open are on their /me.
			entry("POST /events/{event}/sessions/{session}/concerns",
					(t, path) -> with(with(session(t, "", "/minutes.md", "/minutes.pdf", "/history"), "/concerns",
							"/people/" + t.handle(), proposalFeed(t)), targetsMe())),
			entry("POST /events/{event}/sessions/{session}/concerns/{key}",
					(t, path) -> with(with(session(t, "", "/minutes.json"), path, "/concerns"), targetsMe())),
			// /me lists its raiser's open concerns without their responses: a response
			// leaves it as it was.
			entry("POST /events/{event}/sessions/{session}/concerns/{key}/responses",
					(t, path) -> with(session(t, "/minutes.md"), parent(path))),
			entry("POST /events/{event}/sessions/{session}/concerns/{key}/status",
					(t, path) -> with(with(session(t, "", "/minutes.txt"), parent(path), "/concerns"), targetsMe())),
			entry("POST /events/{event}/sessions/{session}/concerns/{key}/reraise",
					(t, path) -> session(t, "", "/history")),
			entry("POST /concerns/categories",
					(t, path) -> List.of(Shown.page("/concerns/categories"), Shown.page("/concerns"))),
			// An organizer's entry waits on its person's confirmation, on their /me.
			entry("POST /events/{event}/sessions/{session}/positions",
					(t, path) -> with(with(session(t, "", "/positions", "/buy-in", "/minutes.md", "/minutes.pdf"),
							"/people/" + t.handle(), "/events/" + t.eventSlug()), targetsMe())),
			entry("POST /events/{event}/sessions/{session}/positions/{handle}",
					(t, path) -> with(with(session(t, "", "/positions", "/minutes.json"), "/people/" + t.handle(),
							proposalFeed(t)), targetsMe())),
			// Confirmed or withdrawn, a position entered for its person waits on them no
			// more.
			entry("POST /events/{event}/sessions/{session}/positions/{handle}/confirmation",
					(t, path) -> with(with(session(t, "", "/minutes.json"), parent(path)), targetsMe())),
			entry("POST /events/{event}/sessions/{session}/positions/{handle}/withdrawal",
					(t, path) -> with(with(session(t, "", "/buy-in", "/minutes.md", "/minutes.pdf"), parent(path)),
							targetsMe())),
			entry("POST /events/{event}/sessions/{session}/resolutions",
					(t, path) -> session(t, "", "/minutes.md", "/minutes.json")),
			entry("POST /events/{event}/sessions/{session}/resolutions/{seq}",
					(t, path) -> with(session(t, "", "/minutes.txt"), path)),
			// The follow-ups their owner still owes are on their /me.
			entry("POST /events/{event}/sessions/{session}/follow-ups",
					(t, path) -> with(
							with(session(t, "", "/minutes.md"), "/follow-ups?owner=" + t.handle(),
									"/people/" + t.handle(), "/people/" + t.handle() + "/follow-ups.ics"),
							targetsMe())),
			entry("POST /follow-ups/{id}",
					(t, path) -> with(with(session(t, "", "/minutes.md"), path, "/follow-ups?owner=" + t.handle()),
							targetsMe())),
			entry("POST /follow-ups/{id}/status",
					(t, path) -> with(
							with(session(t, "", "/minutes.json"), parent(path), "/follow-ups?owner=" + t.handle()),
							targetsMe())),
			entry("POST /events/{event}/sessions/{session}/notes",
					(t, path) -> session(t, "", "/notes", "/minutes.md", "/minutes.json", "/minutes.pdf", "/history")),
			entry("POST /events/{event}/sessions/{session}/notes/{id}",
					(t, path) -> with(session(t, "", "/notes", "/minutes.txt", "/history"), path)),
			entry("POST /events/{event}/sessions/{session}/notes/{id}/move",
					(t, path) -> with(session(t, "", "/notes", "/minutes.md"), parent(path))),
			entry("POST /events/{event}/sessions/{session}/notes/{id}/strike",
					(t, path) -> with(session(t, "", "/notes", "/minutes.md", "/minutes.pdf"), parent(path))),
			entry("POST /events/{event}/sessions/{session}/notes/{id}/restore",
					(t, path) -> with(session(t, "", "/notes", "/minutes.md"), parent(path))),
			entry("POST /events/{event}/sessions/{session}/material",
					(t, path) -> with(session(t, "", "/material", "/minutes.md", "/minutes.json", "/minutes.pdf",
							"/history", "/feed.atom"), "/events/" + t.eventSlug() + "/minutes.md")),
			entry("POST /events/{event}/sessions/{session}/material/{id}",
					(t, path) -> with(session(t, "", "/material", "/minutes.txt", "/minutes.html", "/history"),
							"/events/" + t.eventSlug() + "/minutes.json")),
			entry("POST /events/{event}/sessions/{session}/material/{id}/withdrawal",
					(t, path) -> with(session(t, "", "/material", "/minutes.md", "/history"),
							"/events/" + t.eventSlug() + "/minutes.txt")),
			// The preview saves nothing, so no page changes.
			entry("POST /events/{event}/sessions/{session}/mail/preview", (t, path) -> List.of()),
			// The acked proposal waits on its maintainer's position no more.
			entry("POST /events/{event}/sessions/{session}/mail",
					(t, path) -> with(
							with(session(t, "", "/mail", "/positions", "/minutes.md"), "/people/" + t.handle()),
							targetsMe())),
			// A recorded ask shows with the buy-in on the session page, and in its
			// history.
			entry("POST /events/{event}/sessions/{session}/mail/ask/sent", (t, path) -> session(t, "", "/history")),
			// A new event is listed on /events and home only while few events are
			// upcoming
			// (the shared test database holds many), so the trail is where it always
			// shows.
			entry("POST /events", (t, path) -> List.of(Shown.adminPage("/admin/audit"))),
			entry("POST /events/{event}",
					(t, path) -> List.of(Shown.page("/events/" + t.eventSlug()), Shown.page(t.sessionPath()))),
			// The event's calendar carries the sessions placed on a day at a start time:
			// one
			// added, renamed (the edited session is placed first), moved to another day.
			// A session added to an event that is over waits on the organizers, on their
			// /me.
			entry("POST /events/{event}/sessions",
					(t, path) -> with(List.of(Shown.page("/events/" + t.eventSlug()), Shown.page(timetable(t))),
							organizersMe())),
			// Marked held, a session of an event that is over waits on the organizers for
			// its minutes instead.
			entry("POST /events/{event}/sessions/{session}",
					(t, path) -> with(
							with(session(t, "", "/minutes.md", "/history"), "/events/" + t.eventSlug(), timetable(t)),
							organizersMe())),
			entry("POST /events/{event}/sessions/{session}/order",
					(t, path) -> List.of(Shown.page("/events/" + t.eventSlug()), Shown.page(parent(path) + "/history"),
							Shown.page(timetable(t)))),
			entry("POST /events/{event}/sessions/{session}/day",
					(t, path) -> with(session(t, "", "/history"), "/events/" + t.eventSlug(), timetable(t))),
			entry("POST /proposals/{key:[a-z0-9][a-z0-9-]*}",
					(t, path) -> List.of(Shown.page(path), Shown.page("/proposals"), Shown.page(affectedSubsystem(t)))),
			entry("POST /proposals/{key:[a-z0-9][a-z0-9-]*}/parts",
					(t, path) -> List.of(Shown.page(parent(path)), Shown.page(affectedSubsystem(t)))),
			entry("POST /events/{event}/sessions/{session}/proposals",
					(t, path) -> with(session(t, "", "/proposals", "/history"), "/proposals", affectedSubsystem(t))),
			entry("POST /events/{event}/sessions/{session}/participants",
					(t, path) -> session(t, "", "/minutes.md", "/history")),
			entry("POST /events/{event}/sessions/{session}/participants/{id}/removal",
					(t, path) -> session(t, "", "/minutes.md", "/history")),
			entry("POST /events/{event}/sessions/{session}/subsystems",
					(t, path) -> with(session(t, "", "/minutes.json", "/history"), "/events/" + t.eventSlug())),
			entry("POST /events/{event}/sessions/{session}/subsystems/{slug}/removal",
					(t, path) -> with(session(t, "", "/minutes.json", "/history"), "/events/" + t.eventSlug())),
			entry("POST /people", (t, path) -> List.of(Shown.adminPage("/admin/audit"))),
			entry("POST /people/{handle}",
					(t, path) -> List.of(Shown.page("/people/" + t.handle()), Shown.adminPage("/admin/audit"))),
			entry("POST /people/{handle}/addresses",
					(t, path) -> List.of(Shown.page(path), Shown.adminPage("/admin/audit"))),
			entry("POST /imports/mailmap",
					(t, path) -> List.of(Shown.page("/people/" + t.handle() + "/addresses"),
							Shown.adminPage("/admin/audit"))),
			entry("POST /admin/people/merge",
					(t, path) -> List.of(Shown.page("/people/" + t.handle()), Shown.adminPage("/admin/audit"))),
			entry("POST /subsystems",
					(t, path) -> List.of(Shown.page("/people/" + t.handle()), Shown.adminPage("/admin/audit"))),
			entry("POST /subsystems/{slug}",
					(t, path) -> List.of(Shown.page(path), Shown.page("/people/" + t.handle()))));

	private static List<Shown> session(Probe.Target t, String... suffixes) {
		return Arrays.stream(suffixes).map((suffix) -> Shown.page(t.sessionPath() + suffix)).toList();
	}

	/** The target event's timetable as a calendar. */
	private static String timetable(Probe.Target t) {
		return "/events/" + t.eventSlug() + "/timetable.ics";
	}

	private static List<Shown> with(List<Shown> shown, String... more) {
		return Stream.concat(shown.stream(), Arrays.stream(more).map(Shown::page)).toList();
	}

	private static List<Shown> with(List<Shown> shown, Shown... more) {
		return Stream.concat(shown.stream(), Arrays.stream(more)).toList();
	}

	/**
	 * What waits on the target's person, as they read it: {@code /me}, and the first
	 * items of each of its sections on the home page.
	 */
	private static Shown[] targetsMe() {
		return new Shown[] { Shown.targetsPage("/me"), Shown.targetsPage("/") };
	}

	/**
	 * The sessions waiting on the organizers, as the organizer reads them: {@code /me},
	 * and the first of them with how many there are on the home page.
	 */
	private static Shown[] organizersMe() {
		return new Shown[] { Shown.organizersPage("/me"), Shown.organizersPage("/") };
	}

	/**
	 * The page of a subsystem the target session affects, which lists the proposals
	 * affecting it.
	 */
	private static String affectedSubsystem(Probe.Target t) {
		return "/subsystems/" + t.sessionSlug() + "-s0";
	}

	/** The feed of the target session's main proposal (its key is the session's slug). */
	private static String proposalFeed(Probe.Target t) {
		return "/proposals/" + t.sessionSlug() + "/feed.atom";
	}

	private static String parent(String path) {
		return path.substring(0, path.lastIndexOf('/'));
	}

}
