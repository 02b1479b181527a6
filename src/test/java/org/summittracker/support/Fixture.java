package org.summittracker.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

import org.summittracker.account.Accounts;
import org.summittracker.account.internal.AccessTokens;
import org.summittracker.account.Accounts.AccountSpec;
import org.summittracker.account.Actor;
import org.summittracker.account.Role;
import org.summittracker.concern.Concern;
import org.summittracker.concern.ConcernCategoryRepository;
import org.summittracker.concern.ConcernRepository;
import org.summittracker.event.Event;
import org.summittracker.event.EventRepository;
import org.summittracker.followup.FollowUp;
import org.summittracker.followup.FollowUpRepository;
import org.summittracker.people.Maintainership;
import org.summittracker.people.MaintainershipRepository;
import org.summittracker.people.Person;
import org.summittracker.people.PersonRepository;
import org.summittracker.people.Subsystem;
import org.summittracker.people.SubsystemRepository;
import org.summittracker.position.EntryMethod;
import org.summittracker.position.Position;
import org.summittracker.position.PositionHistory;
import org.summittracker.position.Stance;
import org.summittracker.proposal.Proposal;
import org.summittracker.proposal.ProposalRepository;
import org.summittracker.proposal.Proposals;
import org.summittracker.resolution.Outcome;
import org.summittracker.resolution.Resolution;
import org.summittracker.resolution.ResolutionRepository;
import org.summittracker.session.DiscussionNote;
import org.summittracker.session.DiscussionNoteRepository;
import org.summittracker.session.Participant;
import org.summittracker.session.ParticipantRepository;
import org.summittracker.session.Session;
import org.summittracker.session.SessionRepository;

/**
 * What tests start from, brought by {@link SummitIntegrationTest}: people with accounts
 * of the roles they need, signed in through the login form, and sessions of any size
 * built through the application's own repositories. Names are unique in the shared test
 * database.
 */
@TestComponent
public class Fixture {

	/** The password of every account the fixture makes. */
	public static final String PASSWORD = "fixture-password-1";

	private static final AtomicInteger counter = new AtomicInteger();

	/**
	 * A session the fixture built: where it is, and the handles of its people
	 * ({@code <slug>-p0}, ...).
	 */
	public record Built(String url, String eventSlug, String slug) {

		public String person(int index) {
			return this.slug + "-p" + index;
		}

		/** The session's address under the API. */
		public String api() {
			return "/api/v1" + this.url;
		}

	}

	/** Someone calling the API: their handle and a token of theirs. */
	public record ApiCaller(String handle, String token) {

	}

	private static final Stance[] STANCES = Stance.values();

	private static final Instant AT = Instant.parse("2024-09-02T10:00:00Z");

	private final PersonRepository people;

	private final SubsystemRepository subsystems;

	private final MaintainershipRepository maintainerships;

	private final EventRepository events;

	private final SessionRepository sessions;

	private final ParticipantRepository participants;

	private final DiscussionNoteRepository notes;

	private final ConcernCategoryRepository categories;

	private final ConcernRepository concerns;

	private final PositionHistory positions;

	private final ResolutionRepository resolutions;

	private final FollowUpRepository followUps;

	private final Accounts accounts;

	private final JdbcTemplate jdbc;

	private final ProposalRepository proposalRepository;

	private final Proposals proposals;

	private final AccessTokens tokens;

	Fixture(PersonRepository people, SubsystemRepository subsystems, MaintainershipRepository maintainerships,
			EventRepository events, SessionRepository sessions, ParticipantRepository participants,
			DiscussionNoteRepository notes, ConcernCategoryRepository categories, ConcernRepository concerns,
			PositionHistory positions, ResolutionRepository resolutions, FollowUpRepository followUps,
			Accounts accounts, JdbcTemplate jdbc, ProposalRepository proposalRepository, Proposals proposals,
			AccessTokens tokens) {
		this.proposalRepository = proposalRepository;
		this.proposals = proposals;
		this.tokens = tokens;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.people = people;
		this.subsystems = subsystems;
		this.maintainerships = maintainerships;
		this.events = events;
		this.sessions = sessions;
		this.participants = participants;
		this.notes = notes;
		this.categories = categories;
		this.concerns = concerns;
		this.positions = positions;
		this.resolutions = resolutions;
		this.followUps = followUps;
	}

	/**
	 * An event named {@code name} with one session holding the given numbers of notes,
	 * concerns and positions, five affected subsystems with maintainers, resolutions and
	 * follow-ups; answers the session page's URL.
	 */
	@Transactional
	public String session(String name, int noteCount, int concernCount, int positionCount) {
		Event event = this.events.save(new Event(name, "Event " + name, LocalDate.of(2024, 9, 1),
				LocalDate.of(2024, 9, 2), "Somewhere", null));
		Session session = fill(event, name + "-session", 1, noteCount, concernCount, positionCount);
		return "/events/" + event.getSlug() + "/sessions/" + session.getSlug();
	}

	/**
	 * A session like {@link #session}, named {@code prefix} and a number no other test
	 * used.
	 */
	@Transactional
	public Built newSession(String prefix, int noteCount, int concernCount, int positionCount) {
		String name = prefix + "-" + counter.incrementAndGet();
		String url = session(name, noteCount, concernCount, positionCount);
		return new Built(url, name, name + "-session");
	}

	/**
	 * A sub-proposal of the session's main proposal, discussed in that session too
	 * (nothing new if the key exists already); answers its key.
	 */
	@Transactional
	public String subProposal(String eventSlug, String sessionSlug, String key) {
		if (this.proposalRepository.existsByKey(key)) {
			return key;
		}
		Session session = this.sessions.findBySlugs(eventSlug, sessionSlug).orElseThrow();
		Proposal part = new Proposal(key, "Keep the code under rust/", "All Rust code in one directory", AT);
		part.partOf(this.proposals.mainOf(session));
		this.proposals.link(session, this.proposalRepository.save(part));
		return key;
	}

	/** Adds sessions, each with a few of everything, to an existing event. */
	@Transactional
	public void moreSessionsIn(String eventSlug, int count) {
		Event event = this.events.findBySlug(eventSlug).orElseThrow();
		for (int i = 0; i < count; i++) {
			fill(event, eventSlug + "-extra-" + i, i + 2, 3, 3, 5);
		}
	}

	private Session fill(Event event, String slug, int order, int noteCount, int concernCount, int positionCount) {
		List<Person> persons = new ArrayList<>();
		for (int i = 0; i < Math.max(positionCount, 1); i++) {
			persons.add(this.people.save(new Person(slug + "-p" + i, "Person " + i + " of " + slug,
					slug + "-p" + i + "@example.org", null)));
		}
		Session session = new Session(event, slug, "Session " + slug, order, "Adopt proposal " + slug, persons.get(0));
		List<Subsystem> affected = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			Subsystem subsystem = this.subsystems.save(new Subsystem(slug + "-s" + i, "Subsystem " + i + " of " + slug,
					Subsystem.Status.MAINTAINED, "list-" + i));
			affected.add(subsystem);
			session.affects(subsystem);
			this.maintainerships
				.save(new Maintainership(persons.get(i % persons.size()), subsystem, Maintainership.Role.MAINTAINER));
		}
		this.sessions.save(session);
		Proposal proposal = new Proposal(slug, "Proposal " + slug, "Adopt proposal " + slug, AT);
		affected.forEach(proposal::affects);
		this.proposals.link(session, this.proposalRepository.save(proposal));
		this.participants.save(new Participant(session, persons.get(0), Participant.Role.LEAD));
		for (int i = 0; i < noteCount; i++) {
			this.notes.save(new DiscussionNote(session, i + 1, persons.get(i % persons.size()),
					DiscussionNote.Kind.REMARK, "Note " + i));
		}
		List<Concern> raised = new ArrayList<>();
		for (int i = 0; i < concernCount; i++) {
			Concern concern = new Concern(proposal, session, "concern-" + i, "Concern " + i,
					this.categories.findBySlug("other").orElseThrow(), persons.get(i % persons.size()), null,
					"Body " + i, AT);
			if (i % 3 == 0) {
				concern.block("Blocks because " + i);
			}
			concern.concerns(affected.get(i % affected.size()));
			raised.add(this.concerns.save(concern));
		}
		for (int i = 0; i < positionCount; i++) {
			Stance stance = STANCES[i % STANCES.length];
			Position position = new Position(proposal, session, persons.get(i), stance,
					(stance == Stance.SUPPORTS_WITH_CONDITIONS) ? "If " + i : null,
					(stance == Stance.OPPOSES) ? "Because " + i : null, EntryMethod.STATED_IN_SESSION, persons.get(0),
					AT);
			// Only the stances that cite concerns cite one, as the domain lets them.
			if (!raised.isEmpty() && stance.citesConcerns()) {
				position.cite(raised.get(i % raised.size()));
			}
			this.positions.record(position, null);
		}
		for (int i = 0; i < 2; i++) {
			Resolution resolution = this.resolutions.save(
					new Resolution(session, i + 1, "Resolution " + i, Outcome.AGREED, LocalDate.of(2024, 9, 2), null));
			if (!raised.isEmpty()) {
				resolution.addresses(raised.get(i % raised.size()));
			}
		}
		for (int i = 0; i < 6; i++) {
			FollowUp followUp = new FollowUp(session, "Follow-up " + i, persons.get(i % persons.size()),
					LocalDate.of(2024, 10, 1).plusDays(i), AT);
			if (!raised.isEmpty()) {
				followUp.addresses(raised.get(i % raised.size()));
			}
			this.followUps.save(followUp);
		}
		return session;
	}

	/**
	 * Crowds the session at {@code url} (made by {@link #session}): {@code people} more
	 * people ({@code <session slug>-b1} ...), each supporting its proposal, and as many
	 * open blocking concerns ({@code crowded-1} ...) raised after its own, in SQL.
	 */
	public void crowd(String url, int people) {
		String slug = url.substring(url.lastIndexOf('/') + 1);
		String event = url.substring("/events/".length(), url.indexOf("/sessions/"));
		long session = this.jdbc.queryForObject("select s.id from summit_session s join event e on e.id = s.event_id"
				+ " where e.slug = ? and s.slug = ?", Long.class, event, slug);
		String proposal = "(select proposal_id from session_proposal where session_id = ? and seq = 1)";
		this.jdbc.update("insert into person (handle, name) select ? || '-b' || n, 'Crowd ' || lpad(n::text, 3, '0')"
				+ " from generate_series(1, ?) n", slug, people);
		this.jdbc.update("insert into position (session_id, person_id, stance, entry_method, entered_by_id,"
				+ " proposal_id) select ?, id, 'SUPPORTS', 'BY_MAINTAINER', id, " + proposal
				+ " from person where handle like ?", session, session, slug + "-b%");
		this.jdbc.update("insert into concern (session_id, key, title, category_id, raised_by_id, proposal_id,"
				+ " blocking, blocking_reason, created_at) select ?, 'crowded-' || n, 'Crowded concern ' || lpad(n::text, 3, '0'),"
				+ " (select min(id) from concern_category), (select min(id) from person where handle like ?), "
				+ proposal + ", true, 'Blocks', timestamptz '2000-01-01 00:00Z' + n * interval '1 minute'"
				+ " from generate_series(1, ?) n", session, slug + "-b%", session, people);
	}

	/**
	 * Gives the session {@code count} more concerns ({@code more-1} ...), raised a minute
	 * apart after its own, the first {@code resolved} of them resolved, the others open,
	 * in SQL.
	 */
	public void moreConcerns(Built session, int count, int resolved) {
		this.jdbc.update("""
				insert into concern (session_id, key, title, category_id, raised_by_id, proposal_id, status,
				    created_at)
				select s.id, 'more-' || n, 'More concern ' || lpad(n::text, 3, '0'),
				       (select min(id) from concern_category), s.lead_id,
				       (select proposal_id from session_proposal where session_id = s.id and seq = 1),
				       case when n <= ? then 'RESOLVED' else 'OPEN' end,
				       timestamptz '2024-09-02 10:00Z' + n * interval '1 minute'
				from summit_session s join event e on e.id = s.event_id, generate_series(1, ?) n
				where e.slug = ? and s.slug = ?""", resolved, count, session.eventSlug(), session.slug());
	}

	/** The request as a JSON API call with the personal access token. */
	public static MockHttpServletRequestBuilder bearer(String token, MockHttpServletRequestBuilder request) {
		return request.header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON);
	}

	/** A new person without an account; answers the handle. */
	public String person(String prefix) {
		String handle = prefix + "-" + counter.incrementAndGet();
		this.people.save(new Person(handle, "Person " + handle, handle + "@example.org", null));
		return handle;
	}

	/**
	 * A new person with an account of the given roles ({@link #PASSWORD}); answers the
	 * handle.
	 */
	public String personWithAccount(String prefix, Role... roles) {
		String handle = person(prefix);
		giveAccount(handle, roles);
		return handle;
	}

	/**
	 * Gives the person an account with the roles (unless they have one) and signs in as
	 * them through the login form.
	 */
	public MockHttpSession signIn(MockMvc mvc, String handle, Role... roles) throws Exception {
		giveAccount(handle, roles);
		return SignIn.as(mvc, handle, PASSWORD);
	}

	/** A new person with an account of the given roles, signed in. */
	public MockHttpSession signedIn(MockMvc mvc, String prefix, Role... roles) throws Exception {
		return SignIn.as(mvc, personWithAccount(prefix, roles), PASSWORD);
	}

	/**
	 * The actor of a new person with the given roles, for calling the domain directly.
	 */
	public Actor actor(String prefix, Role... roles) {
		String handle = person(prefix);
		long id = personId(handle);
		return new Actor(id, handle, id, handle, Set.of(roles));
	}

	/**
	 * Disables the account behind the application's back, as another administrator's
	 * session would.
	 */
	public void disable(String username) {
		this.jdbc.update("update account set enabled = false, version = version + 1 where username = ?", username);
	}

	public long personId(String handle) {
		return this.jdbc.queryForObject("select id from person where handle = ?", Long.class, handle);
	}

	public long accountId(String username) {
		return this.jdbc.queryForObject("select id from account where username = ?", Long.class, username);
	}

	public long accountVersion(String username) {
		return this.jdbc.queryForObject("select version from account where username = ?", Long.class, username);
	}

	public long followUpId(String sessionSlug, String title) {
		return this.jdbc.queryForObject("select f.id from follow_up f join summit_session s on s.id = f.session_id"
				+ " where s.slug = ? and f.title = ?", Long.class, sessionSlug, title);
	}

	public long followUpVersion(long followUpId) {
		return this.jdbc.queryForObject("select version from follow_up where id = ?", Long.class, followUpId);
	}

	/**
	 * A new personal access token of the person's account (read, or read and write);
	 * answers the secret to send as {@code Authorization: Bearer}.
	 */
	public String token(String handle, boolean write) {
		Actor owner = new Actor(accountId(handle), handle, personId(handle), handle, Set.of());
		return this.tokens.create(owner, "fixture-" + counter.incrementAndGet(), write).secret();
	}

	/**
	 * A new person with an account of the given roles and an API token of theirs (one
	 * that may write when {@code write}).
	 */
	public ApiCaller apiCaller(String prefix, boolean write, Role... roles) {
		String handle = personWithAccount(prefix, roles);
		return new ApiCaller(handle, token(handle, write));
	}

	/**
	 * The sub-proposal of a built session's main proposal, discussed there too; answers
	 * its key.
	 */
	public String part(Built built) {
		return subProposal(built.eventSlug(), built.slug(), built.slug() + "-part");
	}

	private void giveAccount(String handle, Role... roles) {
		EnumSet<Role> set = EnumSet.noneOf(Role.class);
		set.addAll(List.of(roles));
		this.accounts.provide(List.of(new AccountSpec(handle, personId(handle), set)), PASSWORD);
	}

}
