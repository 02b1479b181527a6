package org.summittracker.account;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import org.summittracker.account.Probe.Who;
import org.summittracker.account.internal.AccessTokens;
import org.summittracker.concern.Concern;
import org.summittracker.support.Fixture;
import org.summittracker.support.MockMvcSessions;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.summittracker.account.Probe.Who.ADMIN;
import static org.summittracker.account.Probe.Who.MAINTAINER_ON_SELF;
import static org.summittracker.account.Probe.Who.ORGANIZER;
import static org.summittracker.account.Probe.exempt;
import static org.summittracker.account.Probe.route;

/**
 * THE place where every route that changes data gets its authorization rule.
 * {@link AuthorizationMatrixTests} collects the application's non-GET handler mappings
 * and fails for any route without a rule here (and for a rule whose route is gone). A new
 * feature adds its routes below, with a request that would succeed for someone allowed
 * and the {@link Who}s that are.
 */
final class DataChangingRoutes {

	private DataChangingRoutes() {
	}

	static final List<Probe> ALL = List.of(
			// Spring Boot's error page accepts every method and changes nothing.
			exempt("*", "/error", "renders error pages only"),

			// Accounts: administrators only; nobody changes their own roles, state or
			// password here.
			route("POST", "/admin/accounts",
					(t) -> post("/admin/accounts").param("username", t.handle() + "-new")
						.param("person", t.beans().bean(Fixture.class).person("nobody"))
						.param("roles", "MAINTAINER")
						.param("password", "long-enough-1"),
					ADMIN),
			route("POST", "/admin/accounts/{id}/roles",
					(t) -> post("/admin/accounts/{id}/roles", t.accountId()).param("roles", "MAINTAINER", "ORGANIZER")
						.param("version", Long.toString(t.accountVersion())),
					ADMIN),
			route("POST", "/admin/accounts/{id}/enabled",
					(t) -> post("/admin/accounts/{id}/enabled", t.accountId()).param("enabled", "false")
						.param("version", Long.toString(t.accountVersion())),
					ADMIN),
			route("POST", "/admin/accounts/{id}/password",
					(t) -> post("/admin/accounts/{id}/password", t.accountId()).param("password", "another-one-2")
						.param("version", Long.toString(t.accountVersion())),
					ADMIN),
			route("POST", "/admin/accounts/{id}/person",
					(t) -> post("/admin/accounts/{id}/person", t.accountId())
						.param("person", t.beans().bean(Fixture.class).person("linked"))
						.param("version", Long.toString(t.accountVersion())),
					ADMIN),
			// Everyone signed in changes their own password, giving the current one (here
			// from one of two to the other, so that the session's later probes know it).
			route("POST", "/account/password", (t) -> post("/account/password").with(signedInAccountsPassword(t)),
					MAINTAINER_ON_SELF, Who.MAINTAINER_ON_ANOTHER, ORGANIZER, ADMIN),

			// People: administrators import a MAINTAINERS file (here pasted as text).
			route("POST", "/admin/imports/maintainers",
					(t) -> post("/admin/imports/maintainers").param("text",
							"Maintainers List\n\n" + t.handle().toUpperCase(Locale.ROOT) + " DRIVER\nM:\tA <"
									+ t.handle() + "-import@example.org>\nS:\tMaintained\n"),
					ADMIN),

			// Backup: administrators download everything (the download is audited).
			route("POST", "/admin/backup", (t) -> post("/admin/backup"), ADMIN),

			// API tokens: everyone signed in makes their own; only the owner revokes one.
			route("POST", "/account/tokens",
					(t) -> post("/account/tokens").param("name", AuthoringProbes.unique("probe"))
						.param("scope", "write"),
					MAINTAINER_ON_SELF, Who.MAINTAINER_ON_ANOTHER, ORGANIZER, ADMIN),
			// The first submission only shows the token; revoking takes confirmed=true.
			route("POST", "/account/tokens/{id}/revocation",
					(t) -> post("/account/tokens/{id}/revocation", tokenOf(t)).param("confirmed", "true"),
					MAINTAINER_ON_SELF),

			// Minutes: organizers mark a session's minutes final.
			route("POST", "/events/{event}/sessions/{session}/minutes/final",
					(t) -> post(t.sessionPath() + "/minutes/final"), ORGANIZER, ADMIN),

			// Concerns: maintainers file their own, organizers for anyone; the raiser or
			// an organizer edits and
			// changes the status; anyone signed in responds; organizers add categories.
			route("POST", "/events/{event}/sessions/{session}/concerns",
					(t) -> post(t.sessionPath() + "/concerns").param("title", "Probe " + t.handle())
						.param("category", "other")
						.param("raiser", t.handle()),
					MAINTAINER_ON_SELF, ORGANIZER, ADMIN),
			route("POST", "/events/{event}/sessions/{session}/concerns/{key}", (t) -> {
				Concern concern = ConcernProbes.raisedByTarget(t);
				return post(ConcernProbes.path(t, concern)).param("title", "Edited")
					.param("category", "bisection")
					.param("version", Long.toString(concern.getVersion()));
			}, MAINTAINER_ON_SELF, ORGANIZER, ADMIN),
			route("POST", "/events/{event}/sessions/{session}/concerns/{key}/responses",
					(t) -> post(ConcernProbes.path(t, ConcernProbes.raisedByTarget(t)) + "/responses").param("body",
							"A response"),
					MAINTAINER_ON_SELF, Who.MAINTAINER_ON_ANOTHER, ORGANIZER, ADMIN),
			route("POST", "/events/{event}/sessions/{session}/concerns/{key}/status",
					(t) -> post(ConcernProbes.path(t, ConcernProbes.raisedByTarget(t)) + "/status")
						.param("status", "RESOLVED")
						.param("note", "Done"),
					MAINTAINER_ON_SELF, ORGANIZER, ADMIN),
			// A concern carried into a later session: any maintainer or organizer raises
			// it
			// again there, as themselves.
			route("POST", "/events/{event}/sessions/{session}/concerns/{key}/reraise",
					(t) -> post(ConcernProbes.path(t, ConcernProbes.carriedIntoTarget(t)) + "/reraise"),
					MAINTAINER_ON_SELF, Who.MAINTAINER_ON_ANOTHER, ORGANIZER, ADMIN),
			route("POST", "/concerns/categories",
					(t) -> post("/concerns/categories").param("name", ConcernProbes.categoryName(t)), ORGANIZER, ADMIN),
			// Buy-in: a maintainer records, confirms and withdraws their own position;
			// organizers record and
			// withdraw anyone's (as stated in the session) but only the person confirms
			// it.
			route("POST", "/events/{event}/sessions/{session}/positions",
					(t) -> post(t.sessionPath() + "/positions").param("person", t.handle()).param("stance", "SUPPORTS"),
					MAINTAINER_ON_SELF, ORGANIZER, ADMIN),
			route("POST", "/events/{event}/sessions/{session}/positions/{handle}",
					(t) -> post(t.sessionPath() + "/positions/" + t.handle()).param("stance", "UNDECIDED"),
					MAINTAINER_ON_SELF, ORGANIZER, ADMIN),
			route("POST", "/events/{event}/sessions/{session}/positions/{handle}/confirmation",
					(t) -> post(t.sessionPath() + "/positions/" + statedPosition(t) + "/confirmation").param("version",
							"0"),
					MAINTAINER_ON_SELF),
			route("POST", "/events/{event}/sessions/{session}/positions/{handle}/withdrawal",
					(t) -> post(t.sessionPath() + "/positions/" + statedPosition(t) + "/withdrawal").param("version",
							"0"),
					MAINTAINER_ON_SELF, ORGANIZER, ADMIN),
			// Resolutions and follow-ups: organizers record resolutions and assign
			// follow-ups; a follow-up's owner
			// (here the target person) or an organizer changes it. (The admin probe is
			// also an organizer.)
			route("POST", "/events/{event}/sessions/{session}/resolutions",
					(t) -> post(t.sessionPath() + "/resolutions").param("statement", "Try it")
						.param("outcome", "EXPERIMENT"),
					ORGANIZER, ADMIN),
			route("POST", "/events/{event}/sessions/{session}/resolutions/{seq}",
					(t) -> post(t.sessionPath() + "/resolutions/1").param("statement", "Try it, revised")
						.param("outcome", "AGREED")
						.param("version", "0"),
					ORGANIZER, ADMIN),
			route("POST", "/events/{event}/sessions/{session}/follow-ups",
					(t) -> post(t.sessionPath() + "/follow-ups").param("title", "Do it")
						.param("owner", t.handle())
						.param("dueOn", "2030-01-31"),
					ORGANIZER, ADMIN),
			route("POST", "/follow-ups/{id}",
					(t) -> post("/follow-ups/{id}", followUpOwnedBy(t)).param("title", "Do it, revised")
						.param("owner", t.handle())
						.param("version", "0"),
					MAINTAINER_ON_SELF, ORGANIZER, ADMIN),
			route("POST", "/follow-ups/{id}/status",
					(t) -> post("/follow-ups/{id}/status", followUpOwnedBy(t)).param("status", "done")
						.param("version", "0"),
					MAINTAINER_ON_SELF, ORGANIZER, ADMIN),
			// Live notes: organizers, and maintainers in the sessions where they are the
			// note-taker (the target's person is the note-taker of the target session;
			// the other maintainer is not).
			route("POST", "/events/{event}/sessions/{session}/notes",
					(t) -> post(NoteProbes.noteTakerOf(t)).param("speaker", t.handle())
						.param("kind", "question")
						.param("body", "Does it build?"),
					MAINTAINER_ON_SELF, ORGANIZER, ADMIN),
			route("POST", "/events/{event}/sessions/{session}/notes/{id}",
					(t) -> post(NoteProbes.note(t, false)).param("speaker", t.handle())
						.param("kind", "answer")
						.param("body", "It builds.")
						.param("version", "0"),
					MAINTAINER_ON_SELF, ORGANIZER, ADMIN),
			route("POST", "/events/{event}/sessions/{session}/notes/{id}/move", (t) -> {
				NoteProbes.note(t, false);
				return post(NoteProbes.note(t, false) + "/move").param("direction", "up").param("version", "0");
			}, MAINTAINER_ON_SELF, ORGANIZER, ADMIN),
			route("POST", "/events/{event}/sessions/{session}/notes/{id}/strike",
					(t) -> post(NoteProbes.note(t, false) + "/strike").param("reason", "Wrong speaker")
						.param("version", "0"),
					MAINTAINER_ON_SELF, ORGANIZER, ADMIN),
			route("POST", "/events/{event}/sessions/{session}/notes/{id}/restore",
					(t) -> post(NoteProbes.note(t, true) + "/restore").param("version", "0"), MAINTAINER_ON_SELF,
					ORGANIZER, ADMIN),

			// Material: organizers, and maintainers who lead the session, speak in it or
			// take its notes (the target's person speaks in the target session; the
			// other maintainer does not).
			route("POST", "/events/{event}/sessions/{session}/material",
					(t) -> post(MaterialProbes.speakerOf(t)).param("kind", "SLIDES")
						.param("title", "Probe slides")
						.param("url", "https://example.org/slides.pdf"),
					MAINTAINER_ON_SELF, ORGANIZER, ADMIN),
			route("POST", "/events/{event}/sessions/{session}/material/{id}",
					(t) -> post(MaterialProbes.item(t)).param("kind", "RECORDING")
						.param("title", "Probe recording")
						.param("url", "https://example.org/recording.webm")
						.param("version", "0"),
					MAINTAINER_ON_SELF, ORGANIZER, ADMIN),
			route("POST", "/events/{event}/sessions/{session}/material/{id}/withdrawal",
					(t) -> post(MaterialProbes.item(t) + "/withdrawal").param("reason", "Wrong file")
						.param("version", "0"),
					MAINTAINER_ON_SELF, ORGANIZER, ADMIN),

			// Buy-in from mail: organizers, and the maintainer leading the session (here
			// the target's person), preview and import a thread.
			route("POST", "/events/{event}/sessions/{session}/mail/preview",
					(t) -> post(MailProbes.leadOf(t) + "/preview").param("text", MailProbes.thread(t)),
					MAINTAINER_ON_SELF, ORGANIZER, ADMIN),
			route("POST", "/events/{event}/sessions/{session}/mail",
					(t) -> post(MailProbes.leadOf(MailProbes.awaitingTheAck(t))).param("thread", MailProbes.packed(t))
						.param("address", MailProbes.address(t))
						.param("stance", "SUPPORTS")
						.param("conditions", "")
						.param("rationale", ""),
					MAINTAINER_ON_SELF, ORGANIZER, ADMIN),
			// ... and, having asked for buy-in by mail, record that they sent the ask
			// (the
			// Message-ID of the mail as the ask page shows it).
			route("POST", "/events/{event}/sessions/{session}/mail/ask/sent",
					(t) -> post(MailProbes.leadOf(t) + "/ask/sent").param("messageId", MailProbes.askMessageId(t)),
					MAINTAINER_ON_SELF, ORGANIZER, ADMIN),

			// Authoring: organizers create and edit events, sessions, participants,
			// affected subsystems, people and subsystems; administrators merge people.
			route("POST", "/events",
					(t) -> post("/events").param("name", AuthoringProbes.unique("Probe summit"))
						.param("startsOn", "2000-01-01")
						.param("endsOn", "2000-01-02")
						.param("status", "UPCOMING"),
					ORGANIZER, ADMIN),
			route("POST", "/events/{event}",
					(t) -> post("/events/" + t.eventSlug()).param("name", "Renamed " + t.eventSlug())
						.param("startsOn", "2024-09-01")
						.param("endsOn", "2024-09-02")
						.param("status", "HELD")
						.param("version", AuthoringProbes.eventVersion(t)),
					ORGANIZER, ADMIN),
			route("POST", "/events/{event}/sessions",
					(t) -> post("/events/" + t.eventSlug() + "/sessions").param("title", "A new session")
						.param("day", AuthoringProbes.eventStartsOn(t))
						.param("startTime", "09:30")
						.param("durationMinutes", "45"),
					ORGANIZER, ADMIN),
			route("POST", "/events/{event}/sessions/{session}",
					(t) -> post(AuthoringProbes.placedSession(t)).param("title", "Edited session")
						.param("slug", t.sessionSlug())
						.param("day", AuthoringProbes.eventEndsOn(t))
						.param("startTime", "09:00")
						.param("durationMinutes", "45")
						.param("room", "Room B")
						.param("status", "HELD")
						.param("version", AuthoringProbes.sessionVersion(t)),
					ORGANIZER, ADMIN),
			route("POST", "/events/{event}/sessions/{session}/order",
					(t) -> post(AuthoringProbes.secondSession(t) + "/order").param("direction", "up"), ORGANIZER,
					ADMIN),
			route("POST", "/events/{event}/sessions/{session}/day",
					(t) -> post(AuthoringProbes.placedSession(t) + "/day").param("day",
							AuthoringProbes.eventStartsOn(t)),
					ORGANIZER, ADMIN),
			route("POST", "/events/{event}/sessions/{session}/participants",
					(t) -> post(t.sessionPath() + "/participants").param("person", t.handle()).param("role", "SPEAKER"),
					ORGANIZER, ADMIN),
			route("POST", "/events/{event}/sessions/{session}/participants/{id}/removal",
					(t) -> post(t.sessionPath() + "/participants/" + AuthoringProbes.participant(t) + "/removal"),
					ORGANIZER, ADMIN),
			route("POST", "/events/{event}/sessions/{session}/subsystems",
					(t) -> post(t.sessionPath() + "/subsystems").param("subsystem", AuthoringProbes.subsystem(t)),
					ORGANIZER, ADMIN),
			route("POST", "/events/{event}/sessions/{session}/subsystems/{slug}/removal",
					(t) -> post(t.sessionPath() + "/subsystems/" + AuthoringProbes.affected(t) + "/removal"), ORGANIZER,
					ADMIN),
			// Proposals: organizers say which proposals a session discusses, linking one
			// or making a new one.
			route("POST", "/events/{event}/sessions/{session}/proposals",
					(t) -> post(t.sessionPath() + "/proposals")
						.param("key", AuthoringProbes.unique(t.handle().replaceAll("[^a-z0-9-]", "-") + "-prop"))
						.param("title", "Probe proposal")
						.param("statement", "What the probe proposes."),
					ORGANIZER, ADMIN),
			// Organizers edit a proposal (the target session's, keyed by its slug) and
			// split
			// parts off it.
			route("POST", "/proposals/{key:[a-z0-9][a-z0-9-]*}", (t) -> post("/proposals/" + t.sessionSlug())
				.param("title", "Edited probe proposal")
				.param("status", "OPEN")
				.param("version", Long.toString(t.beans()
					.bean(JdbcTemplate.class)
					.queryForObject("select version from proposal where key = ?", Long.class, t.sessionSlug()))),
					ORGANIZER, ADMIN),
			route("POST", "/proposals/{key:[a-z0-9][a-z0-9-]*}/parts",
					(t) -> post("/proposals/" + t.sessionSlug() + "/parts")
						.param("key", AuthoringProbes.unique(t.sessionSlug() + "-part"))
						.param("title", "Probe part"),
					ORGANIZER, ADMIN),
			route("POST", "/people",
					(t) -> post("/people").param("name", "Probe Person")
						.param("handle", AuthoringProbes.unique(t.handle() + "-new")),
					ORGANIZER, ADMIN),
			route("POST", "/people/{handle}",
					(t) -> post("/people/" + t.handle()).param("name", "Renamed " + t.handle())
						.param("handle", t.handle())
						.param("version", AuthoringProbes.personVersion(t)),
					ORGANIZER, ADMIN),
			route("POST", "/people/{handle}/addresses",
					(t) -> post("/people/" + t.handle() + "/addresses").param("address",
							AuthoringProbes.unique(t.handle() + "-alias") + "@example.org"),
					MAINTAINER_ON_SELF, ORGANIZER, ADMIN),
			route("POST", "/imports/mailmap",
					(t) -> post("/imports/mailmap").param("text",
							"# aliases\nA <" + t.handle() + "@example.org> <"
									+ AuthoringProbes.unique(t.handle() + "-mailmap") + "@example.net>\n"),
					ORGANIZER, ADMIN),
			route("POST", "/admin/people/merge",
					(t) -> post("/admin/people/merge").param("kept", t.handle())
						.param("merged", AuthoringProbes.duplicate(t))
						.param("confirmed", "true"),
					ADMIN),
			route("POST", "/subsystems",
					(t) -> post("/subsystems").param("name", AuthoringProbes.unique("Probe driver"))
						.param("status", "MAINTAINED")
						.param("maintainers", t.handle()),
					ORGANIZER, ADMIN),
			route("POST", "/subsystems/{slug}", (t) -> {
				String slug = AuthoringProbes.subsystem(t);
				return post("/subsystems/" + slug).param("name", "Renamed " + slug)
					.param("slug", slug)
					.param("status", "ODD_FIXES")
					.param("reviewers", t.handle())
					.param("version", AuthoringProbes.subsystemVersion(t, slug));
			}, ORGANIZER, ADMIN));

	/**
	 * Every route of the application that accepts a method other than GET, HEAD or
	 * OPTIONS, as {@code "POST /pattern"} ({@code "* /pattern"} for any method), read
	 * from the handler mappings; but the JSON API's, whose rules are in
	 * {@code org.summittracker.api.ApiRoutes} (tokens, not sessions and CSRF).
	 */
	static Set<String> in(RequestMappingHandlerMapping mappings) {
		Set<RequestMethod> reads = Set.of(RequestMethod.GET, RequestMethod.HEAD, RequestMethod.OPTIONS);
		Set<String> routes = new TreeSet<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/api/")) {
					continue;
				}
				if (methods.isEmpty()) {
					routes.add("* " + pattern);
				}
				methods.stream()
					.filter((method) -> !reads.contains(method))
					.forEach((method) -> routes.add(method.name() + " " + pattern));
			}
		}
		return routes;
	}

	/**
	 * Gives the target session a resolution 1 and a follow-up owned by the target person;
	 * answers the follow-up's id.
	 */
	static long followUpOwnedBy(Probe.Target t) {
		JdbcTemplate jdbc = t.beans().bean(JdbcTemplate.class);
		Long sessionId = jdbc.queryForObject("select s.id from summit_session s join event e on e.id = s.event_id"
				+ " where e.slug = ? and s.slug = ?", Long.class, t.eventSlug(), t.sessionSlug());
		jdbc.update(
				"insert into resolution (session_id, seq, statement, outcome) select ?, 1, 'Try it', 'AGREED'"
						+ " where not exists (select 1 from resolution where session_id = ? and seq = 1)",
				sessionId, sessionId);
		return jdbc.queryForObject("insert into follow_up (session_id, title, owner_id) values (?, ?, ?) returning id",
				Long.class, sessionId, "Matrix follow-up", t.personId());
	}

	/** The password the own-password probe changes to, and back from. */
	private static final String OTHER_PASSWORD = "another-" + Fixture.PASSWORD;

	/**
	 * Gives the request the current password of the account its session is signed in as
	 * (known only once the session is set: a route acting on the sender's own account),
	 * the other of the two as the new one, and the password's version; version 0 for
	 * none.
	 */
	private static RequestPostProcessor signedInAccountsPassword(Probe.Target t) {
		return (request) -> {
			String session = MockMvcSessions.storedId(request.getSession(false));
			List<Map<String, Object>> accounts = (session == null) ? List.of()
					: t.beans()
						.bean(JdbcTemplate.class)
						.queryForList("select a.password_version, a.password_hash from account a join spring_session s"
								+ " on s.principal_name = a.username where s.session_id = ?", session);
			boolean first = accounts.isEmpty() || t.beans()
				.bean(PasswordEncoder.class)
				.matches(Fixture.PASSWORD, (String) accounts.get(0).get("password_hash"));
			request.setParameter("currentPassword", first ? Fixture.PASSWORD : OTHER_PASSWORD);
			request.setParameter("password", first ? OTHER_PASSWORD : Fixture.PASSWORD);
			request.setParameter("passwordAgain", first ? OTHER_PASSWORD : Fixture.PASSWORD);
			request.setParameter("version",
					accounts.isEmpty() ? "0" : String.valueOf(accounts.get(0).get("password_version")));
			return request;
		};
	}

	/** A new live token of the target's account; answers its id. */
	private static long tokenOf(Probe.Target t) {
		Actor owner = new Actor(t.accountId(), t.handle(), t.personId(), t.handle(), Set.of(Role.MAINTAINER));
		return t.beans().bean(AccessTokens.class).create(owner, AuthoringProbes.unique("probe"), false).id();
	}

	/**
	 * Gives the target's person a position stated in the target session; answers their
	 * handle.
	 */
	static String statedPosition(Probe.Target t) {
		return statedPosition(t, null);
	}

	/**
	 * The target person's position on the proposal of that key the session discusses (its
	 * main proposal when null), made if there is none: entered for them by the session's
	 * lead, someone else, so it waits on their confirmation (on their {@code /me}).
	 */
	static String statedPosition(Probe.Target t, String proposal) {
		t.beans().bean(JdbcTemplate.class).update("""
				insert into position (proposal_id, session_id, person_id, stance, entry_method, entered_by_id)
				select sp.proposal_id, s.id, ?, 'SUPPORTS', 'STATED_IN_SESSION', coalesce(s.lead_id, ?)
				from summit_session s join event e on e.id = s.event_id
				join session_proposal sp on sp.session_id = s.id join proposal p on p.id = sp.proposal_id
				where e.slug = ? and s.slug = ? and ((?::text is null and sp.seq = 1) or p.key = ?::text)
				on conflict do nothing
				""", t.personId(), t.personId(), t.eventSlug(), t.sessionSlug(), proposal, proposal);
		return t.handle();
	}

}
