package org.summittracker.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scripts/benchmark} measures every page type, feed and export (issue 18): every
 * route answering GET, found in the handler mappings as the authorization matrix finds
 * its routes, is measured by a row of the script's list, in every format it comes in,
 * signed in where it needs someone signed in. A route added without a row fails here.
 */
@SummitIntegrationTest
class BenchmarkCoverageTests {

	/** The script's variables, as paths the routes match. */
	static final Map<String, String> VARIABLES = variables();

	/** Routes answering GET that are not pages of their own, and why. */
	static final Map<String, String> NOT_MEASURED = Map.of("/benchmark/statements",
			"the benchmark's own statement counter", "/api-reference/swagger-ui",
			"a redirect to Swagger UI's static files (the reference page is measured)",
			"/api/v1/openapi.json/swagger-config", "Swagger UI's settings, read once by the reference page", "/error",
			"the error page, measured wherever a row answers 4xx", "/api/**",
			"the JSON API's 404 for addresses it does not have");

	/** The formats each export comes in; each is measured. */
	static final Map<String, Set<String>> FORMATS = Map.of("/events/{event}/minutes.{format}",
			Set.of("md", "txt", "html", "json", "pdf"), "/events/{event}/sessions/{session}/minutes.{format}",
			Set.of("md", "txt", "html", "json", "pdf"), "/proposals/{key:[a-z0-9][a-z0-9-]*}.{format}",
			Set.of("md", "txt"));

	/** A row of the script: {@code "name|path"} or {@code "name|path|who"}. */
	static final Pattern ROW = Pattern.compile("^\\s*\"([^\"|]+)\\|([^\"|]*)(?:\\|([a-z]+))?\"\\s*$",
			Pattern.MULTILINE);

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyRouteAnsweringGetHasARowInTheBenchmark() throws IOException {
		List<PathPattern> routes = getRoutes();
		Map<String, Set<String>> measured = new TreeMap<>();
		Set<String> unmatched = new TreeSet<>();
		for (Row row : rows()) {
			Optional<PathPattern> route = row.route(routes);
			route.ifPresentOrElse((found) -> measured.computeIfAbsent(found.getPatternString(), (p) -> new TreeSet<>())
				.add(row.extension()), () -> unmatched.add(row.name() + " " + row.path()));
		}
		Set<String> missing = new TreeSet<>();
		for (PathPattern route : routes) {
			String pattern = route.getPatternString();
			if (NOT_MEASURED.containsKey(pattern)) {
				continue;
			}
			Set<String> formats = measured.get(pattern);
			if (formats == null) {
				missing.add(pattern);
			}
			else if (FORMATS.containsKey(pattern) && !formats.containsAll(FORMATS.get(pattern))) {
				Set<String> left = new TreeSet<>(FORMATS.get(pattern));
				left.removeAll(formats);
				missing.add(pattern + " in " + left);
			}
		}
		assertThat(unmatched).as("rows of scripts/benchmark that no route answers").isEmpty();
		assertThat(missing).as("routes answering GET without a row in scripts/benchmark").isEmpty();
	}

	@Test
	void signedInRowsSayWhoReadsThem() throws IOException {
		List<PathPattern> routes = getRoutes();
		for (Row row : rows()) {
			String pattern = row.route(routes).map(PathPattern::getPatternString).orElse("");
			if (pattern.startsWith("/api/") && !pattern.startsWith("/api/v1/openapi")) {
				assertThat(row.who()).as(row.name()).isEqualTo("api");
			}
			else if (pattern.startsWith("/admin/") || pattern.equals("/me") || pattern.endsWith("/edit")
					|| pattern.endsWith("/new")) {
				assertThat(row.who()).as(row.name()).isIn("organizer", "admin");
			}
		}
	}

	private List<PathPattern> getRoutes() {
		PathPatternParser parser = PathPatternParser.defaultInstance;
		Set<String> patterns = new TreeSet<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (methods.isEmpty() || methods.contains(RequestMethod.GET)) {
				patterns.addAll(info.getPatternValues());
			}
		}
		return patterns.stream().map(parser::parse).toList();
	}

	private static List<Row> rows() throws IOException {
		String script = Files.readString(Path.of("scripts/benchmark"), StandardCharsets.UTF_8);
		int start = script.indexOf("pages=(");
		int end = script.indexOf("\n)", start);
		assertThat(start).as("the script's list of pages").isPositive();
		Matcher rows = ROW.matcher(script.substring(start, end));
		List<Row> found = new java.util.ArrayList<>();
		while (rows.find()) {
			found.add(new Row(rows.group(1), rows.group(2), (rows.group(3) != null) ? rows.group(3) : ""));
		}
		assertThat(found).as("rows of scripts/benchmark").hasSizeGreaterThan(40);
		return found;
	}

	private static Map<String, String> variables() {
		Map<String, String> variables = new LinkedHashMap<>();
		// longest names first, so $session does not take $sessions' place
		variables.put("$proposal_key", "k");
		variables.put("$resolution", "/events/e/sessions/s/resolutions/1");
		variables.put("$subsystem", "/subsystems/x");
		variables.put("$followup", "/follow-ups/1");
		variables.put("$position", "/events/e/sessions/s/positions/h");
		variables.put("$proposal", "/proposals/k");
		variables.put("$concern", "/events/e/sessions/s/concerns/c");
		variables.put("$session", "/events/e/sessions/s");
		variables.put("$account", "/admin/accounts/1");
		variables.put("$person", "/people/p");
		variables.put("$event", "/events/e");
		variables.put("$material_id", "1");
		variables.put("$handle", "h");
		variables.put("$note", "/events/e/sessions/s/notes/1");
		return variables;
	}

	/**
	 * A row of the script's list: its name, its path with the script's variables, who
	 * reads it.
	 */
	record Row(String name, String template, String who) {

		String path() {
			String path = this.template;
			for (Map.Entry<String, String> variable : VARIABLES.entrySet()) {
				path = path.replace(variable.getKey(), variable.getValue());
			}
			int query = path.indexOf('?');
			return (query < 0) ? path : path.substring(0, query);
		}

		String extension() {
			String last = path().substring(path().lastIndexOf('/') + 1);
			return (last.indexOf('.') < 0) ? "" : last.substring(last.lastIndexOf('.') + 1);
		}

		/** The route the row's request goes to: the most specific pattern matching it. */
		Optional<PathPattern> route(List<PathPattern> routes) {
			PathContainer path = PathContainer.parsePath(path());
			return routes.stream()
				.filter((route) -> route.matches(path))
				.min(Comparator.nullsLast(PathPattern.SPECIFICITY_COMPARATOR));
		}

	}

}
