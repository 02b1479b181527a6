package org.summittracker.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springdoc.webmvc.api.OpenApiWebMvcResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /api-reference}: the API for people, rendered from the generated OpenAPI
 * document (every operation with its parameters, body fields and answers) and the problem
 * types that problem details name ({@code /api-reference#problem-stale-version}); Swagger
 * UI is at {@code /api-reference/swagger-ui}. The document comes from springdoc's web
 * resource, looked up only when the page is asked for (there is none without a web
 * server).
 */
@Controller
class ApiReference {

	private static final List<String> METHODS = List.of("get", "put", "post", "patch", "delete");

	/** The problem types the API answers with, and their HTTP status. */
	static final List<Problem> PROBLEMS = List.of(new Problem("bad-address", 400), new Problem("bad-parameter", 400),
			new Problem("token-required", 401), new Problem("invalid-token", 401), new Problem("read-only-token", 403),
			new Problem("not-allowed", 403), new Problem("not-found", 404), new Problem("method-not-allowed", 405),
			new Problem("not-acceptable", 406), new Problem("conflict", 409), new Problem("taken", 409),
			new Problem("idempotency-key-in-use", 409), new Problem("stale-version", 412),
			new Problem("unsupported-media-type", 415), new Problem("invalid", 422),
			new Problem("idempotency-key-reused", 422), new Problem("version-required", 428),
			new Problem("rate-limited", 429), new Problem("server-error", 500),
			new Problem("database-unavailable", 503));

	/** A parameter of an operation: in the path, the query or a header. */
	record Parameter(String name, String in, boolean required, String type) {

	}

	/** A field of a request body. */
	record Field(String name, String type) {

	}

	/** One operation: method, path, its parameters and body fields, and its answers. */
	record Operation(String method, String path, String anchor, List<Parameter> parameters, List<Field> body,
			List<String> answers) {

	}

	/** A problem type, its anchor and status. */
	record Problem(String type, int status) {

		public String anchor() {
			return "problem-" + this.type;
		}

	}

	private final ObjectProvider<OpenApiWebMvcResource> documents;

	private final JsonMapper json;

	private final String documentPath;

	ApiReference(ObjectProvider<OpenApiWebMvcResource> documents, JsonMapper json,
			@Value("${springdoc.api-docs.path}") String documentPath) {
		this.documents = documents;
		this.json = json;
		this.documentPath = documentPath;
	}

	@GetMapping("/api-reference")
	String reference(HttpServletRequest request, Model model) throws Exception {
		JsonNode document = this.json
			.readTree(this.documents.getObject().openapiJson(request, this.documentPath, Locale.ENGLISH));
		model.addAttribute("documentPath", this.documentPath);
		model.addAttribute("operations", operations(document));
		model.addAttribute("problems", PROBLEMS);
		return "api/reference";
	}

	private static List<Operation> operations(JsonNode document) {
		List<Operation> operations = new ArrayList<>();
		for (String path : document.path("paths").propertyNames()) {
			JsonNode item = document.path("paths").path(path);
			for (String method : METHODS) {
				JsonNode operation = item.path(method);
				if (operation.isMissingNode()) {
					continue;
				}
				List<Parameter> parameters = new ArrayList<>();
				operation.path("parameters")
					.forEach((p) -> parameters.add(new Parameter(p.path("name").asString(), p.path("in").asString(),
							p.path("required").asBoolean(false), type(document, p.path("schema")))));
				List<Field> body = new ArrayList<>();
				JsonNode schema = resolve(document,
						operation.path("requestBody").path("content").path("application/json").path("schema"));
				for (String name : schema.path("properties").propertyNames()) {
					body.add(new Field(name, type(document, schema.path("properties").path(name))));
				}
				List<String> answers = new ArrayList<>(operation.path("responses").propertyNames());
				String upper = method.toUpperCase(Locale.ROOT);
				operations.add(new Operation(upper, path, anchor(upper, path), parameters, body, answers));
			}
		}
		return operations;
	}

	/** The anchor of an operation: {@code get-api-v1-proposals-key}. */
	static String anchor(String method, String path) {
		return (method + path).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("-$", "");
	}

	private static JsonNode resolve(JsonNode document, JsonNode schema) {
		String ref = schema.path("$ref").asString("");
		return ref.startsWith("#/") ? document.at(ref.substring(1)) : schema;
	}

	/** A schema in words: its type, a list of something, or the name of a component. */
	private static String type(JsonNode document, JsonNode schema) {
		String ref = schema.path("$ref").asString("");
		if (!ref.isEmpty()) {
			return ref.substring(ref.lastIndexOf('/') + 1);
		}
		JsonNode type = schema.path("type");
		String name = type.isArray() ? type.path(0).asString("") : type.asString("");
		if ("array".equals(name)) {
			return "list of " + type(document, schema.path("items"));
		}
		String format = schema.path("format").asString("");
		return format.isEmpty() ? name : name + " (" + format + ")";
	}

}
