package org.summittracker.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.summittracker.shared.TakenValue;
import org.summittracker.support.Fixture;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every unique key people can hit, raced: {@value #RACERS} people send the same value at
 * the same moment. Exactly one succeeds; every other answer is a 409 or 422 saying the
 * value is taken, never a 500; and exactly one row holds the value. The unique
 * constraints come from the database, so a new one without a race (or a reason why no
 * request can hit it) fails here, as does one {@link TakenValue} does not know.
 */
@SummitIntegrationTest
class UniqueKeyRaceTests {

	static final int RACERS = 20;

	/**
	 * One race: the request every racer sends, and how many rows hold the value after.
	 */
	record Race(String constraint, Function<Context, MockHttpServletRequestBuilder> request,
			Function<Context, Integer> rows) {

	}

	/** What a race runs against: a fresh session and a unique word. */
	record Context(Fixture.Built session, String word, Fixture fixture, JdbcTemplate jdbc) {

	}

	static final List<Race> RACES = List.of(
			new Race("person_handle_uk",
					(c) -> post("/people").param("name", "Racer " + c.word()).param("handle", c.word()),
					(c) -> c.jdbc()
						.queryForObject("select count(*) from person where handle = ?", Integer.class, c.word())),
			new Race("event_slug_uk",
					(c) -> post("/events").param("name", "Race " + c.word())
						.param("slug", c.word())
						.param("startsOn", "2030-05-01")
						.param("endsOn", "2030-05-02")
						.param("status", "UPCOMING"),
					(c) -> c.jdbc()
						.queryForObject("select count(*) from event where slug = ?", Integer.class, c.word())),
			new Race("summit_session_slug_uk",
					(c) -> post("/events/" + c.session().eventSlug() + "/sessions").param("title", "Race " + c.word())
						.param("slug", c.word())
						.param("day",
								c.jdbc()
									.queryForObject("select starts_on from event where slug = ?", String.class,
											c.session().eventSlug()))
						.param("startTime", "09:30")
						.param("durationMinutes", "45"),
					(c) -> c.jdbc()
						.queryForObject("select count(*) from summit_session where slug = ?", Integer.class, c.word())),
			new Race("subsystem_slug_uk",
					(c) -> post("/subsystems").param("name", "Race " + c.word())
						.param("slug", c.word())
						.param("status", "MAINTAINED"),
					(c) -> c.jdbc()
						.queryForObject("select count(*) from subsystem where slug = ?", Integer.class, c.word())),
			new Race("concern_key_uk",
					(c) -> post(c.session().url() + "/concerns").param("title", "Same key " + c.word())
						.param("key", c.word())
						.param("category", "other")
						.param("raiser", c.session().person(0)),
					(c) -> c.jdbc()
						.queryForObject("select count(*) from concern where key = ?", Integer.class, c.word())),
			new Race("concern_category_name_uk",
					(c) -> post("/concerns/categories").param("name", "Category " + c.word()),
					(c) -> c.jdbc()
						.queryForObject("select count(*) from concern_category where lower(name) = lower(?)",
								Integer.class, "Category " + c.word())),
			new Race("account_username_uk",
					(c) -> post("/admin/accounts").param("username", c.word())
						.param("person", c.fixture().person("racer"))
						.param("roles", "MAINTAINER")
						.param("password", "long-enough-1"),
					(c) -> c.jdbc()
						.queryForObject("select count(*) from account where username = ?", Integer.class, c.word())),
			new Race("account_person_uk",
					(c) -> post("/admin/accounts").param("username", c.fixture().person("u"))
						.param("person", c.session().person(0))
						.param("roles", "MAINTAINER")
						.param("password", "long-enough-1"),
					(c) -> c.jdbc()
						.queryForObject(
								"select count(*) from account a join person p on p.id = a.person_id where p.handle = ?",
								Integer.class, c.session().person(0))));

	/**
	 * Unique constraints no request can take at the same moment as another, and why.
	 */
	static final Map<String, String> NO_RACE = Map.ofEntries(
			Map.entry("concern_category_slug_uk", "follows from the name, raced with concern_category_name_uk"),
			Map.entry("concern_former_key_uk", "written with a key change, serialized by the concern's version"),
			Map.entry("concern_proposal_key_uk",
					"raced in one session it is concern_key_uk's race; across two sessions of one proposal"
							+ " a collision answers 409 through TakenValue (not written yet)"),
			Map.entry("concern_reraise_uk",
					"only one person's own double submission can collide; the re-raise route answers it 409"),
			Map.entry("event_former_slug_uk", "kept by a slug change, serialized by the event's version"),
			Map.entry("session_former_slug_uk", "kept by a slug change, serialized by the session's version"),
			Map.entry("person_former_handle_uk", "kept by a handle change, serialized by the person's version"),
			Map.entry("maintainership_uk", "written by the MAINTAINERS import only, one at a time"),
			Map.entry("session_participant_uk",
					"participants are chosen by organizers on one form per session;"
							+ " a collision answers 409 through TakenValue"),
			Map.entry("discussion_note_seq_uk", "live notes are numbered under an advisory lock (issue 13)"),
			Map.entry("position_uk",
					"changes to one position are serialized by an advisory lock" + " (PositionConcurrencyTests)"),
			Map.entry("resolution_seq_uk",
					"numbered by the application, not chosen; a collision answers 409 (TakenValue)"),
			Map.entry("proposal_key_uk",
					"the organizers' proposal form names the key; its race is not written yet,"
							+ " a collision answers 409 through TakenValue"),
			Map.entry("session_proposal_uk",
					"proposals are linked to a session under an advisory lock per session (Proposals)"),
			Map.entry("session_proposal_seq_uk",
					"numbered under the same advisory lock per session as the link (Proposals)"),
			Map.entry("spring_session_ix1", "HTTP sessions, made by Spring Session, never by a form"),
			Map.entry("spring_session_pk", "HTTP sessions, made by Spring Session, never by a form"),
			Map.entry("spring_session_attributes_pk", "HTTP sessions, made by Spring Session"),
			Map.entry("api_token_live_name_idx",
					"a person's own tokens; a lost race on the name is the duplicate key mapped to a 422 (AccessTokens)"),
			Map.entry("api_token_token_hash_key", "the hash of 32 random bytes, never chosen by anyone"),
			Map.entry("person_address_uq", "inserted with on conflict do nothing (PersonAddresses)"),
			Map.entry("mail_tested_uq", "inserted with on conflict do nothing (MailImport)"),
			Map.entry("subsystem_file_pattern_uq", "inserted with on conflict do nothing (SubsystemFiles)"));

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	List<MockHttpSession> admins = new ArrayList<>();

	@BeforeEach
	void signInRacers() throws Exception {
		if (this.admins.isEmpty()) {
			for (int i = 0; i < RACERS; i++) {
				this.admins.add(this.fixture.signedIn(this.mvc, "racer", Role.ADMIN, Role.ORGANIZER));
			}
		}
	}

	@Test
	void everyUniqueConstraintIsRacedOrSaysWhyNot() {
		Set<String> constraints = new TreeSet<>(this.jdbc.queryForList("""
				select c.relname from pg_index i join pg_class c on c.oid = i.indexrelid
				join pg_namespace n on n.oid = c.relnamespace
				where i.indisunique and not i.indisprimary and n.nspname = current_schema()
				""", String.class));
		Set<String> covered = new TreeSet<>(NO_RACE.keySet());
		RACES.forEach((race) -> covered.add(race.constraint()));
		assertThat(constraints).as("unique constraints without a race in UniqueKeyRaceTests").isSubsetOf(covered);
		for (Race race : RACES) {
			assertThat(TakenValue.BY_CONSTRAINT).as("TakenValue knows " + race.constraint())
				.containsKey(race.constraint());
		}
		assertThat(constraints).as("constraints TakenValue names that do not exist")
			.containsAll(TakenValue.BY_CONSTRAINT.keySet());
	}

	@Test
	void everyUniqueKeyRaceHasOneWinnerAndClearAnswersForTheOthers() throws Exception {
		Map<String, List<Integer>> statuses = new TreeMap<>();
		List<String> wrong = new ArrayList<>();
		for (Race race : RACES) {
			Fixture.Built session = this.fixture.newSession("race", 0, 0, 1);
			Context context = new Context(session, "race-" + session.slug(), this.fixture, this.jdbc);
			List<MockHttpServletResponse> answers = race(context, race);
			List<Integer> codes = answers.stream().map(MockHttpServletResponse::getStatus).sorted().toList();
			statuses.put(race.constraint(), codes);
			long won = codes.stream().filter((status) -> status < 400).count();
			if (won != 1 || codes.stream().anyMatch((status) -> status != 302 && status != 409 && status != 422)) {
				wrong.add(race.constraint() + ": " + codes);
			}
			for (MockHttpServletResponse answer : answers) {
				if (answer.getStatus() == 409 && !answer.getContentAsString().contains("at the same moment")) {
					wrong.add(race.constraint() + ": a 409 that does not say the value was taken");
				}
			}
			int rows = race.rows().apply(context);
			if (rows != 1) {
				wrong.add(race.constraint() + ": " + rows + " rows hold the value");
			}
		}
		assertThat(wrong).as(statuses.toString()).isEmpty();
	}

	private List<MockHttpServletResponse> race(Context context, Race race) throws Exception {
		List<MockHttpServletRequestBuilder> requests = new ArrayList<>();
		for (int i = 0; i < RACERS; i++) {
			requests.add(
					race.request().apply(context).with(csrf()).session(this.admins.get(i)).accept(MediaType.TEXT_HTML));
		}
		CyclicBarrier start = new CyclicBarrier(RACERS);
		ExecutorService racers = Executors.newFixedThreadPool(RACERS);
		try {
			List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
			for (MockHttpServletRequestBuilder request : requests) {
				answers.add(racers.submit(() -> {
					start.await();
					try {
						return this.mvc.perform(request).andReturn().getResponse();
					}
					catch (Exception ex) {
						MockHttpServletResponse failed = new MockHttpServletResponse();
						failed.setStatus(500);
						failed.getWriter().print(ex);
						return failed;
					}
				}));
			}
			List<MockHttpServletResponse> responses = new ArrayList<>();
			for (Future<MockHttpServletResponse> answer : answers) {
				responses.add(answer.get(2, TimeUnit.MINUTES));
			}
			return responses;
		}
		finally {
			racers.shutdownNow();
		}
	}

}
