package org.summittracker.account;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import org.summittracker.concern.Concern;
import org.summittracker.support.Fixture;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * THE place where every route of the JSON API gets its authorization rule, as
 * {@link DataChangingRoutes} is for the pages: a request that succeeds for someone
 * allowed, and who is. {@link ApiAuthorizationMatrixTests} collects the API's handler
 * mappings and fails for a route without a rule here, tries each route with every
 * {@link Caller}, with a stale {@code If-Match} where it takes one, and
 * {@link ApiHostileInputTests} sends it hostile values.
 */
final class ApiRoutes {

	private ApiRoutes() {
	}

	/**
	 * Who calls: without a token, with a read token, or with a write token of a
	 * maintainer (on their own things or another's), an organizer or an administrator
	 * (also an organizer).
	 */
	enum Caller {

		NO_TOKEN, READ_TOKEN, MAINTAINER_ON_SELF, MAINTAINER_ON_ANOTHER, ORGANIZER, ADMIN;

		Probe.Who who() {
			return switch (this) {
				case NO_TOKEN -> Probe.Who.ANONYMOUS;
				case READ_TOKEN, MAINTAINER_ON_SELF -> Probe.Who.MAINTAINER_ON_SELF;
				case MAINTAINER_ON_ANOTHER -> Probe.Who.MAINTAINER_ON_ANOTHER;
				case ORGANIZER -> Probe.Who.ORGANIZER;
				case ADMIN -> Probe.Who.ADMIN;
			};
		}

	}

	/** One API route, how to call it, who may, and whether it takes {@code If-Match}. */
	record ApiProbe(String method, String pattern, Function<Probe.Target, MockHttpServletRequestBuilder> request,
			Set<Caller> allowed, boolean versioned) {

		String key() {
			return this.method + " " + this.pattern;
		}

	}

	private static final Set<Caller> READERS = EnumSet.complementOf(EnumSet.of(Caller.NO_TOKEN));

	private static final String SESSION = "/api/v1/events/{event}/sessions/{session}";

	private static final String PART_POSITION = "/proposals/{proposal}/positions/{handle}";

	static final List<ApiProbe> ALL = List.of(read("/api/v1/me", (t) -> get("/api/v1/me")),
			read("/api/v1/events", (t) -> get("/api/v1/events")),
			read("/api/v1/events/{event}", (t) -> get("/api/v1/events/" + t.eventSlug())),
			read("/api/v1/events/{event}/sessions", (t) -> get("/api/v1/events/" + t.eventSlug() + "/sessions")),
			read(SESSION, (t) -> get(api(t))), read("/api/v1/people", (t) -> get("/api/v1/people")),
			read("/api/v1/people/{handle}", (t) -> get("/api/v1/people/" + t.handle())),
			read("/api/v1/subsystems", (t) -> get("/api/v1/subsystems")),
			read("/api/v1/subsystems/{slug}", (t) -> get("/api/v1/subsystems/" + t.sessionSlug() + "-s0")),
			read("/api/v1/concerns", (t) -> get("/api/v1/concerns").param("event", t.eventSlug())),
			read(SESSION + "/concerns/{key}",
					(t) -> get(api(t) + "/concerns/" + ConcernProbes.raisedByTarget(t).getKey())),
			read("/api/v1/follow-ups", (t) -> get("/api/v1/follow-ups").param("owner", t.handle())),
			read("/api/v1/follow-ups/{id}", (t) -> get("/api/v1/follow-ups/" + DataChangingRoutes.followUpOwnedBy(t))),
			read(SESSION + "/positions/{handle}",
					(t) -> get(api(t) + "/positions/" + DataChangingRoutes.statedPosition(t))),
			read(SESSION + "/positions", (t) -> get(api(t) + "/positions")),
			read("/api/v1/proposals", (t) -> get("/api/v1/proposals").param("event", t.eventSlug())),
			read("/api/v1/proposals/{key}", (t) -> get("/api/v1/proposals/" + part(t))),
			read(SESSION + PART_POSITION, (t) -> get(partPosition(t, true))),

			// Concerns: maintainers file their own, organizers for anyone; the raiser or
			// an
			// organizer edits and changes the status; anyone with a write token responds.
			write("POST", SESSION + "/concerns",
					(t) -> post(api(t) + "/concerns")
						.content("{\"title\":\"Api probe\",\"category\":\"other\",\"raiser\":\"" + t.handle() + "\"}"),
					false, Caller.MAINTAINER_ON_SELF, Caller.ORGANIZER, Caller.ADMIN),
			write("PUT", SESSION + "/concerns/{key}", (t) -> {
				Concern concern = ConcernProbes.raisedByTarget(t);
				return put(api(t) + "/concerns/" + concern.getKey())
					.header("If-Match", "\"" + concern.getVersion() + "\"")
					.content("{\"title\":\"Edited\",\"category\":\"bisection\"}");
			}, true, Caller.MAINTAINER_ON_SELF, Caller.ORGANIZER, Caller.ADMIN),
			write("POST", SESSION + "/concerns/{key}/responses",
					(t) -> post(api(t) + "/concerns/" + ConcernProbes.raisedByTarget(t).getKey() + "/responses")
						.content("{\"body\":\"A response\"}"),
					false, Caller.MAINTAINER_ON_SELF, Caller.MAINTAINER_ON_ANOTHER, Caller.ORGANIZER, Caller.ADMIN),
			write("POST", SESSION + "/concerns/{key}/status", (t) -> {
				Concern concern = ConcernProbes.raisedByTarget(t);
				return post(api(t) + "/concerns/" + concern.getKey() + "/status")
					.header("If-Match", "\"" + concern.getVersion() + "\"")
					.content("{\"status\":\"resolved\",\"note\":\"Done\"}");
			}, true, Caller.MAINTAINER_ON_SELF, Caller.ORGANIZER, Caller.ADMIN),

			// Follow-ups: organizers assign; the owner or an organizer changes one.
			write("POST", SESSION + "/follow-ups",
					(t) -> post(api(t) + "/follow-ups")
						.content("{\"title\":\"Do it\",\"owner\":\"" + t.handle() + "\",\"dueOn\":\"2030-01-31\"}"),
					false, Caller.ORGANIZER, Caller.ADMIN),
			write("PUT", "/api/v1/follow-ups/{id}",
					(t) -> put("/api/v1/follow-ups/" + DataChangingRoutes.followUpOwnedBy(t))
						.header("If-Match", "\"0\"")
						.content("{\"title\":\"Do it, revised\",\"owner\":\"" + t.handle() + "\"}"),
					true, Caller.MAINTAINER_ON_SELF, Caller.ORGANIZER, Caller.ADMIN),
			write("POST", "/api/v1/follow-ups/{id}/status",
					(t) -> post("/api/v1/follow-ups/" + DataChangingRoutes.followUpOwnedBy(t) + "/status")
						.header("If-Match", "\"0\"")
						.content("{\"status\":\"done\"}"),
					true, Caller.MAINTAINER_ON_SELF, Caller.ORGANIZER, Caller.ADMIN),

			// Notes: organizers, and the session's note-takers.
			write("POST", SESSION + "/notes", (t) -> {
				NoteProbes.noteTakerOf(t);
				return post(api(t) + "/notes")
					.content("{\"speaker\":\"" + t.handle() + "\",\"kind\":\"question\",\"body\":\"Does it build?\"}");
			}, false, Caller.MAINTAINER_ON_SELF, Caller.ORGANIZER, Caller.ADMIN),

			// Material: organizers, and the session's leads, speakers and note-takers
			// (here the target's person speaks in the session); everyone reads it.
			read(SESSION + "/material", (t) -> get(api(t) + "/material")),
			read(SESSION + "/material/{id}", (t) -> get("/api/v1" + MaterialProbes.item(t))),
			write("POST", SESSION + "/material", (t) -> post("/api/v1" + MaterialProbes.speakerOf(t))
				.content("{\"kind\":\"slides\",\"title\":\"Api probe\",\"url\":\"https://example.org/api-probe.pdf\"}"),
					false, Caller.MAINTAINER_ON_SELF, Caller.ORGANIZER, Caller.ADMIN),
			write("PUT", SESSION + "/material/{id}",
					(t) -> put("/api/v1" + MaterialProbes.item(t)).header("If-Match", "\"0\"")
						.content("{\"kind\":\"recording\",\"title\":\"Api probe, edited\","
								+ "\"url\":\"https://example.org/api-probe.webm\",\"by\":\"" + t.handle() + "\"}"),
					true, Caller.MAINTAINER_ON_SELF, Caller.ORGANIZER, Caller.ADMIN),
			write("POST", SESSION + "/material/{id}/withdrawal",
					(t) -> post("/api/v1" + MaterialProbes.item(t) + "/withdrawal").header("If-Match", "\"0\"")
						.content("{\"reason\":\"Wrong file\"}"),
					true, Caller.MAINTAINER_ON_SELF, Caller.ORGANIZER, Caller.ADMIN),

			// Positions: a maintainer records, confirms and withdraws their own;
			// organizers
			// record and withdraw anyone's, but only the person confirms it.
			write("PUT", SESSION + "/positions/{handle}",
					(t) -> put(api(t) + "/positions/" + t.handle()).content("{\"stance\":\"supports\"}"), false,
					Caller.MAINTAINER_ON_SELF, Caller.ORGANIZER, Caller.ADMIN),
			write("POST", SESSION + "/positions/{handle}/confirmation",
					(t) -> post(api(t) + "/positions/" + DataChangingRoutes.statedPosition(t) + "/confirmation")
						.header("If-Match", "\"0\""),
					true, Caller.MAINTAINER_ON_SELF),
			write("POST", SESSION + "/positions/{handle}/withdrawal",
					(t) -> post(api(t) + "/positions/" + DataChangingRoutes.statedPosition(t) + "/withdrawal")
						.header("If-Match", "\"0\""),
					true, Caller.MAINTAINER_ON_SELF, Caller.ORGANIZER, Caller.ADMIN),

			// The same on a chosen proposal of the session (here a sub-proposal).
			write("PUT", SESSION + PART_POSITION,
					(t) -> put(partPosition(t, false)).content("{\"stance\":\"no-objection\"}"), false,
					Caller.MAINTAINER_ON_SELF, Caller.ORGANIZER, Caller.ADMIN),
			write("POST", SESSION + PART_POSITION + "/confirmation",
					(t) -> post(partPosition(t, true) + "/confirmation").header("If-Match", "\"0\""), true,
					Caller.MAINTAINER_ON_SELF),
			write("POST", SESSION + PART_POSITION + "/withdrawal",
					(t) -> post(partPosition(t, true) + "/withdrawal").header("If-Match", "\"0\""), true,
					Caller.MAINTAINER_ON_SELF, Caller.ORGANIZER, Caller.ADMIN));

	/**
	 * Every route of the API, as {@code "METHOD /pattern"}, read from the handler
	 * mappings; the catch-all for unknown addresses and the OpenAPI document are not
	 * routes to authorize.
	 */
	static Set<String> in(RequestMappingHandlerMapping mappings) {
		Set<String> routes = new TreeSet<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				if (!pattern.startsWith("/api/") || pattern.equals("/api/**") || pattern.startsWith("/api/v1/openapi")
						|| pattern.startsWith("/api/v1/docs")) {
					continue;
				}
				for (RequestMethod method : info.getMethodsCondition().getMethods()) {
					routes.add(method.name() + " " + pattern);
				}
			}
		}
		return routes;
	}

	/** A sub-proposal of the target session's main proposal, discussed there too. */
	private static String part(Probe.Target t) {
		return t.beans().bean(Fixture.class).subProposal(t.eventSlug(), t.sessionSlug(), t.sessionSlug() + "-part");
	}

	/**
	 * The address of the target person's position on the sub-proposal, taken first when
	 * {@code stated}.
	 */
	private static String partPosition(Probe.Target t, boolean stated) {
		String part = part(t);
		String handle = stated ? DataChangingRoutes.statedPosition(t, part) : t.handle();
		return api(t) + "/proposals/" + part + "/positions/" + handle;
	}

	private static String api(Probe.Target t) {
		return "/api/v1" + t.sessionPath();
	}

	private static ApiProbe read(String pattern, Function<Probe.Target, MockHttpServletRequestBuilder> request) {
		return new ApiProbe("GET", pattern, request, READERS, false);
	}

	private static ApiProbe write(String method, String pattern,
			Function<Probe.Target, MockHttpServletRequestBuilder> request, boolean versioned, Caller... allowed) {
		Set<Caller> who = EnumSet.noneOf(Caller.class);
		who.addAll(List.of(allowed));
		return new ApiProbe(method, pattern, request.andThen((r) -> r.contentType(MediaType.APPLICATION_JSON)), who,
				versioned);
	}

}
