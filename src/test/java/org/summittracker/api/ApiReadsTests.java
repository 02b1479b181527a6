package org.summittracker.api;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.summittracker.account.Role;
import org.summittracker.support.Fixture;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The read endpoints: lists with page links and filters, a session with the field names
 * of its JSON minutes, conditional GET, and problem details for what cannot be read.
 */
@SummitIntegrationTest
class ApiReadsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	JsonMapper json;

	String token;

	@BeforeEach
	void token() {
		this.token = this.fixture.token(this.fixture.personWithAccount("reader", Role.MAINTAINER), false);
	}

	@Test
	void listsArePagedWithLinkHeaders() throws Exception {
		for (int i = 0; i < 3; i++) {
			this.fixture.newSession("api-paged", 0, 0, 0);
		}
		MockHttpServletResponse response = this.mvc.perform(read("/api/v1/events?size=1&page=2"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.page").value(2))
			.andExpect(jsonPath("$.size").value(1))
			.andReturn()
			.getResponse();
		String links = response.getHeader("Link");
		assertThat(links).contains("</api/v1/events?size=1&page=1>; rel=\"first\"")
			.contains("</api/v1/events?size=1&page=1>; rel=\"prev\"")
			.contains("</api/v1/events?size=1&page=3>; rel=\"next\"")
			.contains("rel=\"last\"");
		this.mvc.perform(read("/api/v1/events?size=500"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("size"));
		this.mvc.perform(read("/api/v1/events?page=abc"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	/**
	 * A page past the last is not found: a problem saying how many pages there are, the
	 * last one in a member. The follow-ups' total is counted past the end too.
	 */
	@Test
	void aPagePastTheLastIsAProblemNamingTheLastPage() throws Exception {
		Fixture.Built built = this.fixture.newSession("api-past-end", 0, 0, 2);
		this.mvc.perform(read("/api/v1/follow-ups?event=" + built.eventSlug() + "&size=2&page=9999"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("/api-reference#problem-not-found"))
			.andExpect(jsonPath("$.detail").value("Page 9999 is past the end: there are 3 pages."))
			.andExpect(jsonPath("$.lastPage").value(3));
		this.mvc.perform(read("/api/v1/follow-ups?event=" + built.eventSlug() + "&size=2&page=3"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalItems").value(6));
		this.mvc.perform(read("/api/v1/events/" + built.eventSlug() + "/sessions?page=2"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("Page 2 is past the end: there is 1 page."))
			.andExpect(jsonPath("$.lastPage").value(1));
		this.mvc.perform(read("/api/v1/follow-ups?owner=" + this.fixture.person("api-past-none") + "&page=2"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.lastPage").value(1));
		this.mvc.perform(read("/api/v1/follow-ups?owner=" + this.fixture.person("api-past-none2")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalItems").value(0));
	}

	@Test
	void aSessionHasTheFieldNamesOfItsJsonMinutes() throws Exception {
		String session = this.fixture.newSession("api-minutes", 3, 3, 4).url();
		JsonNode api = this.json.readTree(this.mvc.perform(read("/api/v1" + session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		JsonNode minutes = this.json
			.readTree(this.mvc.perform(get(session + "/minutes.json")).andReturn().getResponse().getContentAsString());
		// The schedule names the lead as the session does: a person.
		String event = session.substring(0, session.indexOf("/sessions/"));
		this.mvc.perform(read("/api/v1" + event + "/sessions"))
			.andExpect(jsonPath("$.items[0].lead.handle").value(api.at("/session/lead/handle").asString()));
		assertThat(names(api)).isEqualTo(names(minutes))
			.contains("attendees", "notes", "concerns", "buyIn", "readiness", "resolutions", "followUps");
		assertThat(api.get("concerns")).hasSize(3);
		assertThat(names(api.get("concerns").get(0))).isEqualTo(names(minutes.get("concerns").get(0)));
		assertThat(api.get("notes")).hasSize(3);
	}

	/**
	 * A session names its main proposal by the key the proposals API takes (once it was
	 * the statement's text, which no script could follow); the text is its statement.
	 */
	@Test
	void aSessionNamesItsProposalByTheKeyAScriptCanFollow() throws Exception {
		Fixture.Built built = this.fixture.newSession("api-follow-key", 0, 0, 0);
		JsonNode session = this.json
			.readTree(this.mvc.perform(read("/api/v1" + built.url()))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString())
			.get("session");
		String key = session.get("proposal").asString();
		assertThat(key).isEqualTo(built.slug());
		assertThat(session.get("statement").asString()).isEqualTo("Adopt proposal " + built.slug());
		this.mvc.perform(read("/api/v1/proposals/" + key))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.statement").value(session.get("statement").asString()));
		// the schedule says the same
		this.mvc.perform(read("/api/v1/events/" + built.eventSlug() + "/sessions"))
			.andExpect(jsonPath("$.items[0].proposal").value(key))
			.andExpect(jsonPath("$.items[0].statement").value("Adopt proposal " + built.slug()));
	}

	/**
	 * A session's {@code proposal} and {@code statement} are described in the API's
	 * document, in its minutes and in its event's schedule alike.
	 */
	@Test
	void aSessionsProposalAndStatementAreDescribedInTheDocument() throws Exception {
		JsonNode document = this.json.readTree(this.mvc.perform(get("/api/v1/openapi.json"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		for (String schema : List.of("SessionHeader", "SessionItem")) {
			JsonNode properties = document.at("/components/schemas/" + schema + "/properties");
			assertThat(properties.at("/proposal/description").asString()).as(schema + ".proposal")
				.contains("/api/v1/proposals/{key}")
				.contains("null while it discusses none");
			assertThat(properties.at("/statement/description").asString()).as(schema + ".statement")
				.contains("its main proposal's statement");
		}
	}

	/**
	 * A follow-up's owner has the email the minutes give them (it was null), read with
	 * the list's own statement, not one a row.
	 */
	@Test
	void aFollowUpsOwnerHasTheirEmailAsInTheMinutes() throws Exception {
		Fixture.Built built = this.fixture.newSession("api-owner-mail", 0, 0, 2);
		JsonNode minutes = this.json.readTree(
				this.mvc.perform(get(built.url() + "/minutes.json")).andReturn().getResponse().getContentAsString());
		String email = minutes.at("/followUps/0/owner/email").asString();
		assertThat(email).endsWith("@example.org");
		JsonNode listed = this.json
			.readTree(this.mvc.perform(read("/api/v1/follow-ups?event=" + built.eventSlug() + "&size=100"))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString())
			.get("items");
		assertThat(listed).hasSize(6);
		listed.forEach((item) -> assertThat(item.at("/owner/email").asString())
			.isEqualTo(item.at("/owner/handle").asString() + "@example.org"));
		this.mvc.perform(read("/api/v1/follow-ups/" + listed.get(0).get("id").asLong()))
			.andExpect(jsonPath("$.owner.email").value(listed.get(0).at("/owner/email").asString()));
	}

	@Test
	void anUnchangedListAnswers304() throws Exception {
		this.fixture.newSession("api-etag", 0, 0, 0);
		String etag = this.mvc.perform(read("/api/v1/events"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getHeader("ETag");
		assertThat(etag).isNotBlank();
		this.mvc.perform(read("/api/v1/events").header("If-None-Match", etag)).andExpect(status().isNotModified());
		this.fixture.newSession("api-etag", 0, 0, 0);
		this.mvc.perform(read("/api/v1/events").header("If-None-Match", etag)).andExpect(status().isOk());
	}

	@Test
	void concernsTakeTheFiltersOfTheConcernsPage() throws Exception {
		Fixture.Built built = this.fixture.newSession("api-concerns", 0, 6, 0);
		this.mvc.perform(read("/api/v1/concerns?event=" + built.eventSlug() + "&blocking=yes"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalItems").value(2))
			.andExpect(jsonPath("$.items[0].blocking").value(true))
			.andExpect(jsonPath("$.items[0].raisedBy.handle").isString())
			.andExpect(jsonPath("$.items[0].event").value(built.eventSlug()));
		// Paged as every list: size concerns a page.
		this.mvc.perform(read("/api/v1/concerns?event=" + built.eventSlug() + "&size=4&page=2"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(2))
			.andExpect(jsonPath("$.size").value(4))
			.andExpect(jsonPath("$.totalPages").value(2))
			.andExpect(header().string("Link", containsString("page=1>; rel=\"prev\"")));
		this.mvc.perform(read("/api/v1/concerns?size=101"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("size"));
		this.mvc.perform(read("/api/v1/concerns?event=" + built.eventSlug() + "&status=nonsense"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(read("/api/v1" + built.url() + "/concerns/concern-1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.key").value("concern-1"))
			.andExpect(jsonPath("$.version").isNumber())
			.andExpect(jsonPath("$.raisedBy.handle").value(built.person(0)));
	}

	@Test
	void followUpsTakeTheFiltersOfTheFollowUpsPage() throws Exception {
		Fixture.Built built = this.fixture.newSession("api-follow", 0, 0, 2);
		this.mvc
			.perform(read("/api/v1/follow-ups?owner=" + built.person(1) + "&event=" + built.eventSlug()
					+ "&status=open&overdue=true"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalItems").value(3))
			.andExpect(jsonPath("$.items[0].owner.handle").value(built.person(1)))
			.andExpect(jsonPath("$.items[0].overdue").value(true));
		this.mvc.perform(read("/api/v1/follow-ups?status=later"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("status"))
			.andExpect(
					jsonPath("$.detail").value("The parameter status takes one of open, in-progress, done, dropped."));
		this.mvc.perform(read("/api/v1/follow-ups?overdue=maybe"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("overdue"))
			.andExpect(jsonPath("$.detail").value("The parameter overdue takes true or false."));
	}

	@Test
	void peopleAndSubsystems() throws Exception {
		Fixture.Built built = this.fixture.newSession("api-people", 0, 0, 1);
		this.mvc.perform(read("/api/v1/people/" + built.person(0)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.email").value(built.person(0) + "@example.org"));
		this.mvc.perform(read("/api/v1/subsystems/" + built.slug() + "-s0"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.maintainers[0].handle").value(built.person(0)));
		this.mvc.perform(read("/api/v1/people?size=2"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(2));
		this.mvc.perform(read("/api/v1/subsystems?size=2"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(2));
	}

	@Test
	void whatDoesNotExistIsA404Problem() throws Exception {
		this.mvc.perform(read("/api/v1/people/<script>nobody"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(content().string(not(containsString("<script>"))))
			.andExpect(jsonPath("$.status").value(404));
		this.mvc.perform(read("/api/v1/no-such-thing"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(read("/api/v1/events/no-such-event/sessions/nor-this"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	private MockHttpServletRequestBuilder read(String path) {
		return get(path).header("Authorization", "Bearer " + this.token);
	}

	private static List<String> names(JsonNode node) {
		List<String> names = new ArrayList<>(node.propertyNames());
		names.sort(null);
		return names;
	}

}
