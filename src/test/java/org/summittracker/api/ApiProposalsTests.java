package org.summittracker.api;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import org.summittracker.account.Role;
import org.summittracker.concern.ConcernListing;
import org.summittracker.support.Fixture;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Proposals through the API: the list with the filters of /proposals, page links and
 * conditional GET; one proposal with its sessions, buy-in, readiness and concerns; and
 * positions on a chosen proposal of a session, counted apart from the main proposal's.
 */
@SummitIntegrationTest
class ApiProposalsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void proposalsAreListedWithTheFiltersOfTheProposalsPage() throws Exception {
		String token = this.fixture.apiCaller("api-lister", false, Role.MAINTAINER).token();
		Fixture.Built built = this.fixture.newSession("api-proposals", 0, 0, 0);
		String sub = this.fixture.part(built);
		String list = "/api/v1/proposals?event=" + built.eventSlug();
		String etag = this.mvc.perform(Fixture.bearer(token, get(list + "&size=1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalItems").value(2))
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(header().string("Link", containsString("rel=\"next\"")))
			.andExpect(header().string("Link", containsString("event=" + built.eventSlug())))
			.andReturn()
			.getResponse()
			.getHeader("ETag");
		this.mvc.perform(Fixture.bearer(token, get(list + "&size=1")).header("If-None-Match", etag))
			.andExpect(status().isNotModified());
		this.mvc.perform(Fixture.bearer(token, get(list)))
			.andExpect(jsonPath("$.items[*].key", hasItem(sub)))
			.andExpect(jsonPath("$.items[?(@.key == '" + sub + "')].parent").value(built.slug()))
			.andExpect(jsonPath("$.items[0].status").value("open"))
			// the event's slug, followed to /api/v1/events/{slug} (once its name)
			.andExpect(jsonPath("$.items[0].lastEvent").value(built.eventSlug()))
			.andExpect(jsonPath("$.items[0].sessionCount").value(1));
		this.mvc.perform(Fixture.bearer(token, get("/api/v1/events/" + built.eventSlug())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Event " + built.eventSlug()));
		this.mvc.perform(Fixture.bearer(token, get(list + "&status=accepted")))
			.andExpect(jsonPath("$.totalItems").value(0));
		this.mvc.perform(Fixture.bearer(token, get(list + "&subsystem=" + built.slug() + "-s0")))
			.andExpect(jsonPath("$.items[*].key", hasItem(built.slug())));
		this.mvc.perform(Fixture.bearer(token, get(list + "&status=settled")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("status"));
		this.mvc.perform(get(list)).andExpect(status().isUnauthorized());
	}

	@Test
	void aProposalHasItsSessionsBuyInReadinessAndConcerns() throws Exception {
		String token = this.fixture.apiCaller("api-reader", false, Role.MAINTAINER).token();
		Fixture.Built built = this.fixture.newSession("api-proposal", 0, 3, 4);
		String sub = this.fixture.part(built);
		this.mvc.perform(Fixture.bearer(token, get("/api/v1/proposals/" + built.slug())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.key").value(built.slug()))
			.andExpect(jsonPath("$.title").value("Proposal " + built.slug()))
			.andExpect(jsonPath("$.status").value("open"))
			.andExpect(jsonPath("$.version").value(0))
			.andExpect(jsonPath("$.parts[0]").value(sub))
			.andExpect(jsonPath("$.sessions[0].event").value(built.eventSlug()))
			.andExpect(jsonPath("$.sessions[0].session").value(built.slug()))
			.andExpect(jsonPath("$.buyIn[*].person.handle", hasItem(built.person(0))))
			.andExpect(jsonPath("$.buyIn[0].stance").isString())
			.andExpect(jsonPath("$.readiness.ready").value(false))
			.andExpect(jsonPath("$.readiness.missing").isArray())
			.andExpect(jsonPath("$.concerns.length()").value(3))
			.andExpect(jsonPath("$.concerns[0].key").value("concern-0"))
			.andExpect(jsonPath("$.concerns[0].raisedBy.handle").value(built.person(0)))
			.andExpect(jsonPath("$.concerns[0].blocking").value(true))
			.andExpect(jsonPath("$.concerns[0].session").value(built.slug()))
			.andExpect(jsonPath("$.concernCount").value(3))
			.andExpect(jsonPath("$.allConcerns").value("/api/v1/concerns?proposal=" + built.slug()));
		this.mvc.perform(Fixture.bearer(token, get("/api/v1/proposals/" + sub)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.parent").value(built.slug()))
			.andExpect(jsonPath("$.buyIn[*].stanceLabel", everyItem(is("No record"))))
			.andExpect(jsonPath("$.concerns").isEmpty());
		this.mvc.perform(Fixture.bearer(token, get("/api/v1/proposals/no-such-proposal")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	/**
	 * A proposal with more buy-in rows than the API answers at once: its first rows, the
	 * number of all, and the last session's positions list pages through all of them (on
	 * skewed data the proposal's answer held 4,729 rows, 2.45 MB).
	 */
	@Test
	void aProposalAnswersItsFirstBuyInRowsAndThePositionsListPagesThroughAll() throws Exception {
		String token = this.fixture.apiCaller("api-many-positions", false, Role.MAINTAINER).token();
		int many = ProposalsApi.BUY_IN_SHOWN + 7;
		Fixture.Built built = this.fixture.newSession("api-buy-in", 0, 0, many);
		String all = "/api/v1/events/" + built.eventSlug() + "/sessions/" + built.slug() + "/positions?proposal="
				+ built.slug();
		this.mvc.perform(Fixture.bearer(token, get("/api/v1/proposals/" + built.slug())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.buyIn.length()").value(ProposalsApi.BUY_IN_SHOWN))
			.andExpect(jsonPath("$.buyIn[0].person.handle").value(built.person(0)))
			.andExpect(jsonPath("$.buyInCount").value(many))
			.andExpect(jsonPath("$.allBuyIn").value(all))
			.andExpect(jsonPath("$.readiness.ready").value(false));
		this.mvc.perform(Fixture.bearer(token, get(all + "&page=2&size=100")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalItems").value(many))
			.andExpect(jsonPath("$.items.length()").value(many - 100))
			.andExpect(jsonPath("$.items[*].person.handle", everyItem(startsWith(built.slug() + "-p"))));
		this.mvc
			.perform(Fixture.bearer(token,
					get("/api/v1/events/" + built.eventSlug() + "/sessions/" + built.slug() + "/positions")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalItems").value(many))
			.andExpect(jsonPath("$.items.length()").value(25));
		this.mvc
			.perform(Fixture.bearer(token,
					get("/api/v1/events/" + built.eventSlug() + "/sessions/" + built.slug()
							+ "/positions?proposal=no-such-proposal")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("proposal")));
	}

	/**
	 * A proposal with more concerns than the API answers at once: its first concerns, the
	 * number of all, and the concerns list filtered by the proposal pages through all of
	 * them (on skewed data the proposal's answer held its 5,000 concerns, 3.8 MB).
	 */
	@Test
	void aProposalAnswersItsFirstConcernsAndTheListPagesThroughAll() throws Exception {
		String token = this.fixture.apiCaller("api-many-concerns", false, Role.MAINTAINER).token();
		Fixture.Built built = this.fixture.newSession("api-many", 0, 1, 1);
		int many = ProposalsApi.CONCERNS_SHOWN + 5;
		this.jdbc.update("""
				insert into concern (session_id, key, title, category_id, raised_by_id, proposal_id)
				select c.session_id, 'many-' || g, 'Many ' || g, c.category_id, c.raised_by_id, c.proposal_id
				from concern c join proposal p on p.id = c.proposal_id, generate_series(1, ?) g
				where p.key = ? and c.key = 'concern-0'""", many, built.slug());
		String all = "/api/v1/concerns?proposal=" + built.slug();
		this.mvc.perform(Fixture.bearer(token, get("/api/v1/proposals/" + built.slug())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.concerns.length()").value(ProposalsApi.CONCERNS_SHOWN))
			.andExpect(jsonPath("$.concerns[0].key").value("concern-0"))
			.andExpect(jsonPath("$.concernCount").value(many + 1))
			.andExpect(jsonPath("$.allConcerns").value(all));
		this.mvc.perform(Fixture.bearer(token, get(all + "&page=5")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalItems").value(many + 1))
			.andExpect(jsonPath("$.items.length()").value(many + 1 - 4 * ConcernListing.PAGE_SIZE))
			.andExpect(jsonPath("$.items[*].session", everyItem(is(built.slug()))));
		// Only its own concerns: another proposal's are not listed.
		Fixture.Built other = this.fixture.newSession("api-many-other", 0, 2, 0);
		this.mvc.perform(Fixture.bearer(token, get("/api/v1/concerns?proposal=" + other.slug())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalItems").value(2))
			.andExpect(jsonPath("$.items[*].session", everyItem(is(other.slug()))));
		this.mvc.perform(Fixture.bearer(token, get("/api/v1/concerns?proposal=no-such-proposal")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("proposal"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("no-such-proposal")));
	}

	@Test
	void aPositionOnASubProposalIsCountedApartFromTheMainProposals() throws Exception {
		Fixture.ApiCaller me = this.fixture.apiCaller("api-sub", true, Role.MAINTAINER);
		Fixture.Built built = this.fixture.newSession("api-sub", 0, 0, 0);
		String sub = this.fixture.part(built);
		String session = built.api();
		String onSub = session + "/proposals/" + sub + "/positions/" + me.handle();

		this.mvc
			.perform(Fixture.bearer(me.token(), put(session + "/positions/" + me.handle()))
				.content("{\"stance\":\"supports\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.proposal").value(built.slug()))
			.andExpect(jsonPath("$.position.stance").value("supports"));
		this.mvc.perform(Fixture.bearer(me.token(), put(onSub)).content("{\"stance\":\"opposes\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("rationale"));
		this.mvc
			.perform(Fixture.bearer(me.token(), put(onSub))
				.content("{\"stance\":\"opposes\",\"rationale\":\"Drivers belong next to their C peers\"}"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", onSub))
			.andExpect(jsonPath("$.proposal").value(sub))
			.andExpect(jsonPath("$.version").value(0))
			.andExpect(jsonPath("$.position.stance").value("opposes"));
		this.mvc.perform(Fixture.bearer(me.token(), get(session + "/positions/" + me.handle())))
			.andExpect(jsonPath("$.position.stance").value("supports"));
		this.mvc.perform(Fixture.bearer(me.token(), get(onSub)))
			.andExpect(jsonPath("$.position.rationale").value("Drivers belong next to their C peers"));

		this.mvc.perform(Fixture.bearer(me.token(), put(onSub)).content("{\"stance\":\"supports\"}"))
			.andExpect(status().isPreconditionRequired());
		this.mvc
			.perform(Fixture.bearer(me.token(), put(onSub))
				.header("If-Match", "\"5\"")
				.content("{\"stance\":\"undecided\"}"))
			.andExpect(status().isPreconditionFailed());
		this.mvc
			.perform(Fixture.bearer(me.token(), put(onSub))
				.header("If-Match", "\"0\"")
				.content("{\"stance\":\"undecided\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.position.stance").value("undecided"));
		this.mvc.perform(Fixture.bearer(me.token(), post(onSub + "/withdrawal")).header("If-Match", "\"1\""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(2));
		assertThat(stanceOn(sub, me.handle())).isNull();
		assertThat(stanceOn(built.slug(), me.handle())).isEqualTo("SUPPORTS");
		assertThat(this.jdbc.queryForObject(
				"select summary from audit_entry where action = 'POSITION_WITHDRAWN' and actor = ? order by id desc limit 1",
				String.class, me.handle()))
			.contains("through API token");

		this.mvc
			.perform(Fixture.bearer(me.token(), put(session + "/proposals/not-discussed-here/positions/" + me.handle()))
				.content("{\"stance\":\"supports\"}"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void onlyThePersonConfirmsTheirPositionOnASubProposal() throws Exception {
		String me = this.fixture.personWithAccount("api-conf", Role.MAINTAINER);
		String organizer = this.fixture.personWithAccount("api-conf-org", Role.ORGANIZER);
		Fixture.Built built = this.fixture.newSession("api-conf", 0, 0, 0);
		String sub = this.fixture.part(built);
		String onSub = built.api() + "/proposals/" + sub + "/positions/" + me;
		this.mvc
			.perform(Fixture.bearer(this.fixture.token(organizer, true), put(onSub))
				.content("{\"stance\":\"no-objection\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.position.entry").value("stated in session"));
		String token = this.fixture.token(me, true);
		this.mvc
			.perform(Fixture.bearer(this.fixture.token(organizer, true), post(onSub + "/confirmation"))
				.header("If-Match", "\"0\""))
			.andExpect(status().isForbidden());
		this.mvc.perform(Fixture.bearer(token, post(onSub + "/confirmation")).header("If-Match", "\"0\""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.proposal").value(sub));
	}

	private String stanceOn(String proposal, String handle) {
		return this.jdbc.queryForObject("""
				select case when p.withdrawn_at is null then p.stance end from position p
				join person pe on pe.id = p.person_id join proposal pr on pr.id = p.proposal_id
				where pr.key = ? and pe.handle = ?""", String.class, proposal, handle);
	}

}
