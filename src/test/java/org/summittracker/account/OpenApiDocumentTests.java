package org.summittracker.account;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import org.summittracker.account.ApiRoutes.ApiProbe;
import org.summittracker.account.ApiRoutes.Caller;
import org.summittracker.support.Fixture;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The OpenAPI 3.1 document at /api/v1/openapi.json, checked against the application: it
 * names every API route (those of {@link ApiRoutes}) and no other, and every read's real
 * answer has exactly the fields its schema says. Its reference page, rendered from it,
 * names every operation and problem type under an anchor; Swagger UI is served under the
 * pages' security headers.
 */
@SummitIntegrationTest
class OpenApiDocumentTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	ApplicationContext context;

	@Autowired
	JsonMapper json;

	@Test
	void theDocumentIsOpenApi31AndNamesEveryRoute() throws Exception {
		JsonNode document = document();
		assertThat(document.get("openapi").asString()).startsWith("3.1");
		assertThat(document.at("/components/securitySchemes/token/scheme").asString()).isEqualTo("bearer");
		Set<String> documented = new TreeSet<>();
		for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				documented.add(operation.getKey().toUpperCase() + " " + path.getKey());
			}
		}
		Set<String> routes = new TreeSet<>();
		ApiRoutes.ALL.forEach((probe) -> routes.add(probe.key()));
		assertThat(documented).isEqualTo(routes);
	}

	/**
	 * Each write's body schema declares the fields that route's sample request in
	 * {@link ApiRoutes} sends: two bodies of the same simple name (a follow-up's and a
	 * concern's status change) once made one schema, and the concern's lost its fields.
	 */
	@Test
	void everyWriteDocumentsTheFieldsItsBodyTakes() throws Exception {
		JsonNode document = document();
		ProbeSetUp setUp = new ProbeSetUp(this.fixture, this.context);
		Probe.Target target = setUp.target(this.fixture.personWithAccount("openapi-body", Role.MAINTAINER));
		List<String> wrong = new ArrayList<>();
		for (ApiProbe probe : ApiRoutes.ALL) {
			byte[] content = probe.request()
				.apply(target)
				.buildRequest(new org.springframework.mock.web.MockServletContext())
				.getContentAsByteArray();
			String body = (content != null) ? new String(content, java.nio.charset.StandardCharsets.UTF_8) : "";
			if (body.isBlank()) {
				continue;
			}
			String path = probe.pattern();
			JsonNode schema = resolve(document,
					document.path("paths")
						.path(path)
						.path(probe.method().toLowerCase(Locale.ROOT))
						.path("requestBody")
						.path("content")
						.path("application/json")
						.path("schema"));
			Set<String> declared = new TreeSet<>(schema.path("properties").propertyNames());
			Set<String> sent = new TreeSet<>(this.json.readTree(body).propertyNames());
			if (!declared.containsAll(sent)) {
				wrong.add(probe.key() + " sends " + sent + " but its schema says " + declared);
			}
		}
		assertThat(wrong).isEmpty();
	}

	/**
	 * Each write answers a status its operation documents: a client generated from the
	 * document must not meet an answer it was not told of (a 201 for a new concern,
	 * response, follow-up, note or position).
	 */
	@Test
	void everyWriteAnswersAStatusItsOperationDocuments() throws Exception {
		JsonNode document = document();
		ProbeSetUp setUp = new ProbeSetUp(this.fixture, this.context);
		String organizer = this.fixture.personWithAccount("openapi-writer", Role.ORGANIZER);
		String token = this.fixture.token(organizer, true);
		List<String> wrong = new ArrayList<>();
		for (ApiProbe probe : ApiRoutes.ALL) {
			if (probe.method().equals("GET") || !probe.allowed().contains(Caller.ORGANIZER)) {
				continue;
			}
			int answered = this.mvc
				.perform(probe.request().apply(setUp.target(organizer)).header("Authorization", "Bearer " + token))
				.andReturn()
				.getResponse()
				.getStatus();
			JsonNode responses = document.path("paths")
				.path(probe.pattern())
				.path(probe.method().toLowerCase(Locale.ROOT))
				.path("responses");
			Set<String> documented = new TreeSet<>(responses.propertyNames());
			if (answered >= 300) {
				wrong.add(probe.key() + " failed with " + answered);
			}
			else if (!documented.contains(String.valueOf(answered))) {
				wrong.add(probe.key() + " answered " + answered + " but documents " + documented);
			}
			else if (answered != 204 && responses.path(String.valueOf(answered)).path("content").isEmpty()) {
				wrong.add(probe.key() + " documents " + answered + " without what it answers");
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void everyReadAnswersWhatItsSchemaSays() throws Exception {
		JsonNode document = document();
		String handle = this.fixture.personWithAccount("openapi", Role.MAINTAINER);
		String token = this.fixture.token(handle, false);
		ProbeSetUp setUp = new ProbeSetUp(this.fixture, this.context);
		List<String> wrong = new ArrayList<>();
		for (ApiProbe probe : ApiRoutes.ALL) {
			if (!probe.method().equals("GET")) {
				continue;
			}
			String answer = this.mvc
				.perform(probe.request().apply(setUp.target(handle)).header("Authorization", "Bearer " + token))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			JsonNode schema = resolve(document,
					document.get("paths")
						.get(probe.pattern())
						.at("/get/responses/200/content")
						.values()
						.iterator()
						.next()
						.get("schema"));
			compare(document, probe.pattern(), schema, this.json.readTree(answer), wrong);
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void theReferencePageNamesEveryOperationAndProblemTypeUnderAnAnchor() throws Exception {
		Document page = Jsoup.parse(this.mvc.perform(get("/api-reference").accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
			.andReturn()
			.getResponse()
			.getContentAsString());
		for (ApiProbe probe : ApiRoutes.ALL) {
			String anchor = (probe.method() + probe.pattern()).toLowerCase(Locale.ROOT)
				.replaceAll("[^a-z0-9]+", "-")
				.replaceAll("-$", "");
			assertThat(page.select("h3[id=" + anchor + "] code").text()).as(probe.key()).isEqualTo(probe.key());
		}
		assertThat(page
			.select("[id=put-api-v1-events-event-sessions-session-proposals-proposal-positions-handle]"
					+ " ~ div caption:containsOwn(JSON body) ~ tbody th")
			.eachText()).contains("stance", "rationale", "concerns");
		// Every problem type a problem detail names is described where its type points.
		for (String type : List.of("bad-parameter", "token-required", "read-only-token", "not-allowed", "stale-version",
				"version-required", "invalid", "rate-limited", "idempotency-key-reused")) {
			assertThat(page.select("dt[id=problem-" + type + "] + dd").text()).as(type).isNotBlank();
		}
		String swagger = this.mvc.perform(get("/api-reference/swagger-ui"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		assertThat(swagger).startsWith("/api-reference/swagger-ui/");
		this.mvc.perform(get(swagger))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")));
		this.mvc.perform(get("/api/v1/openapi.json/swagger-config"))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("/api/v1/openapi.json")));
		// The same document in YAML, as open as the JSON one.
		this.mvc.perform(get("/api/v1/openapi.json.yaml"))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("openapi: 3.1")));
	}

	/**
	 * A property name means one thing throughout the API: wherever an answer has a field
	 * of a name, it is the same kind of value (a string, a date, an object, a list of
	 * strings, ...), so a script that follows {@code proposal} or {@code event} in one
	 * answer follows it in all. A session's {@code proposal} once was the statement's
	 * text where everywhere else it is a key, and a proposal's {@code lastEvent} the
	 * event's name. A body's field takes at least what an answer's field of that name is
	 * (what a client reads it can send back).
	 */
	@Test
	void aPropertyNameMeansOneThingThroughoutTheApi() throws Exception {
		JsonNode document = document();
		Map<String, Map<String, Set<String>>> read = new TreeMap<>();
		Map<String, Map<String, Set<String>>> written = new TreeMap<>();
		for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				for (JsonNode answer : operation.getValue().path("responses")) {
					for (JsonNode content : answer.path("content")) {
						collect(document, "", content.get("schema"), read, new HashSet<>());
					}
				}
				for (JsonNode content : operation.getValue().path("requestBody").path("content")) {
					collect(document, "", content.get("schema"), written, new HashSet<>());
				}
			}
		}
		List<String> differ = new ArrayList<>();
		read.forEach((name, kinds) -> {
			if (new TreeSet<>(kinds.keySet()).size() > 1 && !ONE_NAME_TWO_MEANINGS.containsKey(name)) {
				differ.add(name + " is " + kinds);
			}
		});
		written.forEach((name, kinds) -> {
			if (read.containsKey(name) && !WRITTEN_OTHERWISE.containsKey(name)) {
				for (String kind : read.get(name).keySet()) {
					if (kinds.keySet().stream().noneMatch((taken) -> takes(taken, kind))) {
						differ.add(name + " is read as " + read.get(name) + " but written as " + kinds);
					}
				}
			}
		});
		assertThat(differ).isEmpty();
		// An exception is one still: a name that came to mean one thing leaves the list.
		ONE_NAME_TWO_MEANINGS.keySet()
			.forEach((name) -> assertThat(read.getOrDefault(name, Map.of())).as(name).hasSizeGreaterThan(1));
		WRITTEN_OTHERWISE.keySet()
			.forEach((name) -> assertThat(written.get(name).keySet()).as(name)
				.isNotEqualTo(read.getOrDefault(name, Map.of()).keySet()));
	}

	/**
	 * Names that truly mean two things in answers, each with why (none may be added
	 * without one).
	 */
	private static final Map<String, String> ONE_NAME_TWO_MEANINGS = Map.of("event",
			"In a session's minutes (and GET .../sessions/{session}, which answers them) the document's heading: the"
					+ " event itself, with its name, days and place; everywhere else the slug of the event a thing"
					+ " belongs to, the {event} of its address",
			"session", "In a session's minutes the session itself, with its title, status, schedule and lead;"
					+ " everywhere else the slug of the session a thing belongs to, the {session} of its address");

	/**
	 * Body fields whose name an answer uses for something else, each with why.
	 */
	private static final Map<String, String> WRITTEN_OTHERWISE = Map.of("concerns",
			"A position's body: the keys of the concerns it cites (the position form's field, as scripts send it;"
					+ " citedConcerns, as a position reads, is taken too), where an answer's concerns are the concerns"
					+ " themselves");

	/** Whether a body's field of one kind takes a value read as another. */
	private static boolean takes(String taken, String read) {
		return taken.equals(read) || taken.equals("string") && read.startsWith("string");
	}

	/**
	 * Every property under a schema, by name, with its kind and where it is (the schemas'
	 * names), following {@code $ref}s once each.
	 */
	private static void collect(JsonNode document, String where, JsonNode schema,
			Map<String, Map<String, Set<String>>> found, Set<String> seen) {
		if (schema == null) {
			return;
		}
		if (schema.has("$ref")) {
			String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
			if (seen.add(name)) {
				collect(document, name, document.at("/components/schemas/" + name), found, seen);
			}
			return;
		}
		for (String choice : List.of("oneOf", "anyOf", "allOf")) {
			for (JsonNode option : schema.path(choice)) {
				collect(document, where, option, found, seen);
			}
		}
		collect(document, where, schema.get("items"), found, seen);
		for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
			for (String kind : kinds(document, property.getValue())) {
				found.computeIfAbsent(property.getKey(), (k) -> new TreeMap<>())
					.computeIfAbsent(kind, (k) -> new TreeSet<>())
					.add(where);
			}
			collect(document, where, property.getValue(), found, seen);
		}
	}

	/**
	 * What kinds of value a property's schema allows: {@code object}, {@code string},
	 * {@code string date}, {@code integer}, {@code array of string}, ... (null aside).
	 */
	private static Set<String> kinds(JsonNode document, JsonNode schema) {
		Set<String> kinds = new TreeSet<>();
		if (schema.has("$ref")) {
			kinds.addAll(kinds(document, document.at("/components/schemas/"
					+ schema.get("$ref").asString().substring("#/components/schemas/".length()))));
			return kinds;
		}
		for (String choice : List.of("oneOf", "anyOf")) {
			for (JsonNode option : schema.path(choice)) {
				kinds.addAll(kinds(document, option));
			}
		}
		List<String> types = new ArrayList<>();
		if (schema.path("type").isArray()) {
			schema.get("type").forEach((type) -> types.add(type.asString()));
		}
		else if (schema.has("type")) {
			types.add(schema.get("type").asString());
		}
		else if (schema.has("properties")) {
			types.add("object");
		}
		for (String type : types) {
			if (type.equals("array")) {
				for (String item : kinds(document, schema.path("items"))) {
					kinds.add("array of " + item);
				}
			}
			else if (type.equals("string") && schema.has("format")) {
				kinds.add("string " + schema.get("format").asString());
			}
			else if (type.equals("integer") || type.equals("number")) {
				kinds.add("number");
			}
			else if (!type.equals("null")) {
				kinds.add(type);
			}
		}
		return kinds;
	}

	/**
	 * The answer's fields are among the schema's properties and include every required
	 * one, at the top and in the first item of each list.
	 */
	private void compare(JsonNode document, String where, JsonNode schema, JsonNode answer, List<String> wrong) {
		if (answer == null || answer.isNull() || schema == null) {
			return;
		}
		if (answer.isObject()) {
			JsonNode properties = schema.get("properties");
			Set<String> declared = new TreeSet<>();
			if (properties != null) {
				properties.propertyNames().forEach(declared::add);
			}
			Set<String> sent = new TreeSet<>(answer.propertyNames());
			// A field left out when it has no value (the buy-in's mail) may be absent,
			// unless the schema requires it; a field the schema does not declare never.
			Set<String> required = new TreeSet<>();
			if (schema.has("required")) {
				schema.get("required").forEach((name) -> required.add(name.asString()));
			}
			Set<String> missing = new TreeSet<>(declared);
			missing.removeAll(sent);
			missing.retainAll(required);
			if (!declared.containsAll(sent) || !missing.isEmpty()) {
				wrong.add(where + ": answered " + sent + " but the schema says " + declared);
				return;
			}
			for (String name : sent) {
				compare(document, where + "." + name, resolve(document, properties.get(name)), answer.get(name), wrong);
			}
		}
		else if (answer.isArray() && !answer.isEmpty()) {
			compare(document, where + "[0]", resolve(document, schema.get("items")), answer.get(0), wrong);
		}
	}

	/** A schema with its {@code $ref} followed (and the first of a oneOf/anyOf). */
	private static JsonNode resolve(JsonNode document, JsonNode schema) {
		if (schema == null) {
			return null;
		}
		if (schema.has("$ref")) {
			String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
			return resolve(document, document.at("/components/schemas/" + name));
		}
		for (String choice : List.of("oneOf", "anyOf", "allOf")) {
			if (schema.has(choice)) {
				for (JsonNode option : schema.get(choice)) {
					if (option.has("$ref") || option.has("properties") || option.has("items")) {
						return resolve(document, option);
					}
				}
			}
		}
		return schema;
	}

	private JsonNode document() throws Exception {
		return this.json.readTree(this.mvc.perform(get("/api/v1/openapi.json"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

}
