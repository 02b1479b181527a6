package org.summittracker.concern;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import org.summittracker.account.Actor;
import org.summittracker.account.NotAllowedException;
import org.summittracker.account.Role;
import org.summittracker.session.SessionRepository;
import org.summittracker.shared.HistoryEntry;
import org.summittracker.shared.RuleViolation;
import org.summittracker.shared.StaleVersionException;
import org.summittracker.support.Fixture;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each transition of a concern's life, who may make it, and that every one is kept.
 */
// Shares the authorization matrix's database, so the demo-only contexts stay as they are.
@SummitIntegrationTest
class ConcernLifecycleTests {

	static final AtomicInteger counter = new AtomicInteger();

	@Autowired
	ConcernLifecycle lifecycle;

	@Autowired
	Fixture fixture;

	@Autowired
	SessionRepository sessions;

	@Autowired
	ConcernRepository concerns;

	@Autowired
	JdbcTemplate jdbc;

	Long sessionId;

	Actor raiser;

	Actor otherMaintainer;

	Actor organizer;

	@BeforeEach
	void session() {
		String[] path = this.fixture.session("lifecycle-" + counter.incrementAndGet(), 0, 0, 0).split("/");
		this.sessionId = this.sessions.findBySlugs(path[2], path[4]).orElseThrow().getId();
		this.raiser = actor("raiser", Role.MAINTAINER);
		this.otherMaintainer = actor("other", Role.MAINTAINER);
		this.organizer = actor("organizer", Role.ORGANIZER);
	}

	Actor actor(String prefix, Role... roles) {
		return this.fixture.actor("lifecycle-" + prefix, roles);
	}

	/** The form field the first broken rule names. */
	static String field(Throwable violation) {
		return ((RuleViolation) violation).problems().get(0).field();
	}

	Concern filed() {
		return this.lifecycle.file(this.sessionId, draft("Needs the newest compiler"), null, this.raiser);
	}

	static ConcernDraft draft(String title) {
		return new ConcernDraft(null, title, "toolchain-stability", List.of(), "Body *text*", false, null);
	}

	ConcernStatus statusOf(Concern concern) {
		return this.concerns.findById(concern.getId()).orElseThrow().getStatus();
	}

	List<String> history(Concern concern) {
		return this.jdbc.queryForList("select coalesce(from_status, '-') || '>' || to_status || ':' || changed_by "
				+ "from concern_status_change where concern_id = ? order by id", String.class, concern.getId());
	}

	@Test
	void aMaintainerFilesAConcernWithAKeyDerivedFromItsTitle() {
		Concern concern = filed();
		assertThat(concern.getKey()).isEqualTo("needs-the-newest-compiler");
		assertThat(concern.getStatus()).isEqualTo(ConcernStatus.OPEN);
		assertThat(history(concern)).containsExactly("->OPEN:" + this.raiser.personHandle());
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_entry where action = 'CONCERN_FILED' and entity_id = ?", Long.class,
				concern.getId()))
			.isEqualTo(1);
	}

	@Test
	void aSecondConcernWithTheSameTitleGetsTheNextFreeKey() {
		filed();
		assertThat(filed().getKey()).isEqualTo("needs-the-newest-compiler-2");
	}

	@Test
	void aChosenKeyAlreadyTakenIsRefused() {
		Concern first = filed();
		ConcernDraft draft = new ConcernDraft(first.getKey(), "Other", "other", List.of(), "", false, null);
		assertThatThrownBy(() -> this.lifecycle.file(this.sessionId, draft, null, this.organizer))
			.isInstanceOf(RuleViolation.class)
			.hasMessageContaining("concern.key.taken");
	}

	@Test
	void onlyOrganizersFileOnBehalfOfSomeoneElse() {
		assertThatThrownBy(() -> this.lifecycle.file(this.sessionId, draft("For someone"), this.raiser.personHandle(),
				this.otherMaintainer))
			.isInstanceOf(NotAllowedException.class);
		Concern concern = this.lifecycle.file(this.sessionId, draft("For someone"), this.raiser.personHandle(),
				this.organizer);
		assertThat(concern.getRaisedBy().getHandle()).isEqualTo(this.raiser.personHandle());
		assertThat(concern.getEnteredBy().getHandle()).isEqualTo(this.organizer.personHandle());
	}

	@Test
	void aReaderMayNotFile() {
		Actor reader = actor("reader");
		assertThatThrownBy(() -> this.lifecycle.file(this.sessionId, draft("No"), null, reader))
			.isInstanceOf(NotAllowedException.class);
	}

	@Test
	void blockingNeedsAReasonAndUnknownCategoryOrSubsystemIsRefused() {
		assertThatThrownBy(() -> this.lifecycle.file(this.sessionId,
				new ConcernDraft(null, "T", "other", List.of(), "", true, " "), null, this.raiser))
			.extracting(ConcernLifecycleTests::field)
			.isEqualTo("blockingReason");
		assertThatThrownBy(() -> this.lifecycle.file(this.sessionId,
				new ConcernDraft(null, "T", "no-such", List.of(), "", false, null), null, this.raiser))
			.extracting(ConcernLifecycleTests::field)
			.isEqualTo("category");
		assertThatThrownBy(() -> this.lifecycle.file(this.sessionId,
				new ConcernDraft(null, "T", "other", List.of("no-such-subsystem"), "", false, null), null, this.raiser))
			.extracting(ConcernLifecycleTests::field)
			.isEqualTo("subsystems");
		assertThat(this.concerns.findSummaries(this.sessionId)).isEmpty();
	}

	@Test
	void theRaiserResolvesWithANoteOnly() {
		Concern concern = filed();
		assertThatThrownBy(
				() -> this.lifecycle.transition(concern.getId(), ConcernStatus.RESOLVED, " ", null, null, this.raiser))
			.extracting(ConcernLifecycleTests::field)
			.isEqualTo("note");
		this.lifecycle.transition(concern.getId(), ConcernStatus.RESOLVED, "Fixed by stable Rust", null, null,
				this.raiser);
		assertThat(statusOf(concern)).isEqualTo(ConcernStatus.RESOLVED);
		assertThat(history(concern)).containsExactly("->OPEN:" + this.raiser.personHandle(),
				"OPEN>RESOLVED:" + this.raiser.personHandle());
	}

	@Test
	void someoneElseMayNotChangeTheStatus() {
		Concern concern = filed();
		assertThatThrownBy(() -> this.lifecycle.transition(concern.getId(), ConcernStatus.RESOLVED, "Mine now", null,
				null, this.otherMaintainer))
			.isInstanceOf(NotAllowedException.class);
		assertThat(statusOf(concern)).isEqualTo(ConcernStatus.OPEN);
	}

	@Test
	void onlyTheRaiserWithdraws() {
		Concern concern = filed();
		assertThatThrownBy(() -> this.lifecycle.transition(concern.getId(), ConcernStatus.WITHDRAWN, null, null, null,
				this.organizer))
			.isInstanceOf(NotAllowedException.class);
		this.lifecycle.transition(concern.getId(), ConcernStatus.WITHDRAWN, null, null, null, this.raiser);
		assertThat(statusOf(concern)).isEqualTo(ConcernStatus.WITHDRAWN);
	}

	@Test
	void deferringNeedsARevisitDateNotInThePast() {
		Concern concern = filed();
		assertThatThrownBy(
				() -> this.lifecycle.transition(concern.getId(), ConcernStatus.DEFERRED, null, null, null, this.raiser))
			.extracting(ConcernLifecycleTests::field)
			.isEqualTo("revisitOn");
		assertThatThrownBy(() -> this.lifecycle.transition(concern.getId(), ConcernStatus.DEFERRED, null,
				LocalDate.now().minusDays(2), null, this.raiser))
			.extracting(ConcernLifecycleTests::field)
			.isEqualTo("revisitOn");
		LocalDate revisit = LocalDate.now().plusMonths(3);
		this.lifecycle.transition(concern.getId(), ConcernStatus.DEFERRED, "Next summit", revisit, null,
				this.organizer);
		Concern saved = this.concerns.findById(concern.getId()).orElseThrow();
		assertThat(saved.getStatus()).isEqualTo(ConcernStatus.DEFERRED);
		assertThat(saved.getRevisitOn()).isEqualTo(revisit);
	}

	@Test
	void onlyOrganizersOverruleAndOnlyWithAReason() {
		Concern concern = filed();
		assertThatThrownBy(() -> this.lifecycle.transition(concern.getId(), ConcernStatus.OVERRULED, "No", null, null,
				this.raiser))
			.isInstanceOf(NotAllowedException.class);
		assertThatThrownBy(() -> this.lifecycle.transition(concern.getId(), ConcernStatus.OVERRULED, null, null, null,
				this.organizer))
			.extracting(ConcernLifecycleTests::field)
			.isEqualTo("note");
		this.lifecycle.transition(concern.getId(), ConcernStatus.OVERRULED, "The room agreed to try", null, null,
				this.organizer);
		assertThat(statusOf(concern)).isEqualTo(ConcernStatus.OVERRULED);
	}

	@Test
	void aClosedConcernIsReopenedAndEveryStepKept() {
		Concern concern = filed();
		this.lifecycle.transition(concern.getId(), ConcernStatus.RESOLVED, "Done", null, null, this.raiser);
		assertThatThrownBy(() -> this.lifecycle.transition(concern.getId(), ConcernStatus.DEFERRED, null,
				LocalDate.now().plusDays(1), null, this.raiser))
			.isInstanceOf(RuleViolation.class)
			.hasMessageContaining("concern.status.reopen-first");
		this.lifecycle.transition(concern.getId(), ConcernStatus.OPEN, "Came back", null, null, this.organizer);
		assertThat(statusOf(concern)).isEqualTo(ConcernStatus.OPEN);
		assertThat(history(concern)).hasSize(3).last().isEqualTo("RESOLVED>OPEN:" + this.organizer.personHandle());
	}

	@Test
	void anOrganizerWithoutAPersonIsRecordedAsTheAccountThatActedNotAsTheRaiser() {
		Concern concern = filed();
		Actor admin = new Actor(null, "lifecycle-admin-" + counter.incrementAndGet(), null, null,
				Set.of(Role.ORGANIZER));
		this.lifecycle.transition(concern.getId(), ConcernStatus.OVERRULED, "Decided otherwise", null, null, admin);
		assertThat(history(concern)).containsExactly("->OPEN:" + this.raiser.username(),
				"OPEN>OVERRULED:" + admin.username());
		assertThat(this.jdbc.queryForObject(
				"select changed_by_id from concern_status_change where concern_id = ? and to_status = 'OVERRULED'",
				Long.class, concern.getId()))
			.isNull();
		assertThat(this.concerns.findHistory(concern.getId())).extracting(HistoryEntry::getBy)
			.containsExactly("Person " + this.raiser.personHandle(), admin.username());
	}

	@Test
	void theMovesOnOfferFollowTheStatusAndWhoIsAsking() {
		assertThat(ConcernStatus.OPEN.movesFor(true, false)).containsExactly(ConcernStatus.RESOLVED,
				ConcernStatus.WITHDRAWN, ConcernStatus.DEFERRED);
		assertThat(ConcernStatus.OPEN.movesFor(false, true)).containsExactly(ConcernStatus.RESOLVED,
				ConcernStatus.DEFERRED, ConcernStatus.OVERRULED);
		assertThat(ConcernStatus.OPEN.movesFor(false, false)).isEmpty();
		assertThat(ConcernStatus.DEFERRED.movesFor(true, true)).containsExactly(ConcernStatus.OPEN,
				ConcernStatus.RESOLVED, ConcernStatus.WITHDRAWN, ConcernStatus.OVERRULED);
		assertThat(ConcernStatus.WITHDRAWN.movesFor(true, true)).containsExactly(ConcernStatus.OPEN);
		assertThat(ConcernStatus.RESOLVED.mayMoveTo(ConcernStatus.OVERRULED)).isFalse();
	}

	@Test
	void aStaleVersionIsRefused() {
		Concern concern = filed();
		long version = this.concerns.findById(concern.getId()).orElseThrow().getVersion();
		this.lifecycle.edit(concern.getId(), version, draft("Changed once"), this.raiser);
		assertThatThrownBy(() -> this.lifecycle.edit(concern.getId(), version, draft("Changed twice"), this.organizer))
			.isInstanceOf(StaleVersionException.class);
		assertThat(this.concerns.findById(concern.getId()).orElseThrow().getTitle()).isEqualTo("Changed once");
	}

	@Test
	void onlyTheRaiserOrAnOrganizerEditsAndOnlyAnOrganizerChangesTheKey() {
		Concern concern = filed();
		long version = concern.getVersion();
		assertThatThrownBy(() -> this.lifecycle.edit(concern.getId(), version, draft("Hijack"), this.otherMaintainer))
			.isInstanceOf(NotAllowedException.class);
		ConcernDraft rekeyed = new ConcernDraft("compiler", "Needs the newest compiler", "toolchain-stability",
				List.of(), "", false, null);
		assertThatThrownBy(() -> this.lifecycle.edit(concern.getId(), version, rekeyed, this.raiser))
			.isInstanceOf(NotAllowedException.class);
		assertThat(this.lifecycle.edit(concern.getId(), version, rekeyed, this.organizer).getKey())
			.isEqualTo("compiler");
		assertThat(this.jdbc.queryForObject("select key from concern_former_key where concern_id = ?", String.class,
				concern.getId()))
			.isEqualTo("needs-the-newest-compiler");
	}

	@Test
	void anyoneSignedInWithAPersonResponds() {
		Concern concern = filed();
		this.lifecycle.respond(concern.getId(), "I disagree", actor("reader"));
		assertThatThrownBy(() -> this.lifecycle.respond(concern.getId(), "x",
				new Actor(1L, "operator", null, null, Set.of(Role.ADMIN))))
			.isInstanceOf(NotAllowedException.class);
		assertThatThrownBy(() -> this.lifecycle.respond(concern.getId(), " ", this.raiser))
			.isInstanceOf(RuleViolation.class)
			.hasMessage("concern.response.required");
		assertThat(this.concerns.findResponses(concern.getId())).singleElement()
			.satisfies((r) -> assertThat(r.body()).isEqualTo("I disagree"));
	}

	@Test
	void resolveIsANoOpWhenResolvedAndRefusesWithdrawnOrOverruled() {
		Concern concern = filed();
		this.lifecycle.resolve(concern.getId(), "Addressed by resolution 1", this.organizer);
		this.lifecycle.resolve(concern.getId(), "Again", this.organizer);
		assertThat(history(concern)).hasSize(2);
		Concern withdrawn = this.lifecycle.file(this.sessionId, draft("Other one"), null, this.raiser);
		this.lifecycle.transition(withdrawn.getId(), ConcernStatus.WITHDRAWN, null, null, null, this.raiser);
		assertThatThrownBy(() -> this.lifecycle.resolve(withdrawn.getId(), "Resolution", this.organizer))
			.isInstanceOf(RuleViolation.class);
	}

	@Test
	void organizersAddCategoriesWithNewNames() {
		assertThatThrownBy(() -> this.lifecycle.addCategory("Licensing", this.raiser))
			.isInstanceOf(NotAllowedException.class);
		String name = "Licensing " + counter.incrementAndGet();
		ConcernCategory category = this.lifecycle.addCategory(name, this.organizer);
		assertThat(category.getSlug()).startsWith("licensing-");
		assertThatThrownBy(() -> this.lifecycle.addCategory(name.toUpperCase(), this.organizer))
			.isInstanceOf(RuleViolation.class);
	}

}
