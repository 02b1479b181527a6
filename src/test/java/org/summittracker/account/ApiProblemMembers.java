package org.summittracker.account;

import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockHttpServletResponse;

/**
 * What every problem detail of the API holds, whoever answers it (Spring Security's
 * filters, the idempotency filter, Spring MVC or the domain): the same members, a
 * documented type and the status it was answered with.
 */
final class ApiProblemMembers {

	private static final Set<String> MEMBERS = Set.of("type", "title", "status", "detail", "instance");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ApiProblemMembers() {
	}

	/** What is wrong with the answer as a problem of that status; null when nothing. */
	static String wrong(MockHttpServletResponse response, int status) throws Exception {
		String body = response.getContentAsString();
		if (response.getStatus() != status) {
			return "answered " + response.getStatus() + " " + body;
		}
		String type = response.getContentType();
		if (type == null || !type.startsWith("application/problem+json")) {
			return "not a problem detail (" + type + ") " + body;
		}
		JsonNode problem = JSON.readTree(body);
		Set<String> members = new TreeSet<>(problem.propertyNames());
		members.remove("errors");
		if (!members.equals(MEMBERS)) {
			return "members " + members + " " + body;
		}
		if (!problem.path("type").asString("").startsWith("/api-reference#problem-")) {
			return "type " + problem.path("type") + " " + body;
		}
		if (problem.path("status").asInt() != status) {
			return "status member " + problem.path("status") + " " + body;
		}
		return null;
	}

}
