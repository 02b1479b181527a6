package org.summittracker.account;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * One data-changing route of the authorization matrix: how to call it against a
 * {@link Target}, and which {@link Who}s may.
 */
record Probe(String method, String pattern, Function<Target, MockHttpServletRequestBuilder> request, Set<Who> allowed,
		String exemptBecause) {

	/**
	 * Who tries the route; "on self" and "on another" say whose thing the request
	 * touches.
	 */
	enum Who {

		ANONYMOUS, MAINTAINER_ON_SELF, MAINTAINER_ON_ANOTHER, ORGANIZER, ADMIN

	}

	/**
	 * What a request acts on: a person with a Maintainer account (the signed-in
	 * maintainer's own, or somebody else's made fresh for this probe), and an event with
	 * one session for routes under a session.
	 */
	record Target(long personId, String handle, long accountId, long accountVersion, String eventSlug,
			String sessionSlug, Beans beans) {

		String sessionPath() {
			return "/events/" + this.eventSlug + "/sessions/" + this.sessionSlug;
		}

	}

	/**
	 * Reaches the application for probes that need more than the target to build their
	 * request.
	 */
	interface Beans {

		<T> T bean(Class<T> type);

	}

	static Probe route(String method, String pattern, Function<Target, MockHttpServletRequestBuilder> request,
			Who... allowed) {
		Set<Who> who = EnumSet.noneOf(Who.class);
		who.addAll(List.of(allowed));
		return new Probe(method, pattern, request, who, null);
	}

	/**
	 * A handler that accepts other methods than GET but changes nothing (error pages).
	 */
	static Probe exempt(String method, String pattern, String because) {
		return new Probe(method, pattern, null, Set.of(), because);
	}

	String key() {
		return this.method + " " + this.pattern;
	}

}
