package org.summittracker.concern;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import org.summittracker.account.Actor;
import org.summittracker.account.Role;
import org.summittracker.audit.AuditableChange;
import org.summittracker.event.Event;
import org.summittracker.event.EventRepository;
import org.summittracker.people.Person;
import org.summittracker.people.PersonRepository;
import org.summittracker.session.Session;
import org.summittracker.session.SessionRepository;
import org.summittracker.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The concern module with only the modules it depends on (no follow-ups, no buy-in, no
 * pages that combine them), plus event and system, which its dependencies' entities and
 * clock need and which Modulith does not bring: filing and moving a concern publish their
 * changes for the audit trail, and the concern guards its own status.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = { "event", "system" })
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
class ConcernModuleTests {

	@Autowired
	ConcernLifecycle lifecycle;

	@Autowired
	ConcernRepository concerns;

	@Autowired
	EventRepository events;

	@Autowired
	SessionRepository sessions;

	@Autowired
	PersonRepository people;

	Long sessionId;

	Actor raiser;

	@BeforeEach
	void session() {
		String name = "module-" + System.nanoTime();
		Person person = this.people.save(new Person(name, "Person " + name, name + "@example.org", null));
		Event event = this.events
			.save(new Event(name, "Event " + name, LocalDate.of(2024, 9, 1), LocalDate.of(2024, 9, 2), "Here", null));
		this.sessionId = this.sessions
			.save(new Session(event, name + "-session", "Session " + name, 1, "Adopt " + name, person))
			.getId();
		this.raiser = new Actor(null, name, person.getId(), name, Set.of(Role.MAINTAINER));
	}

	ConcernDraft draft(String title) {
		return new ConcernDraft(null, title, "bisection", List.of(), "It breaks bisection", false, null);
	}

	@Test
	void filingAConcernPublishesItForTheAuditTrail(Scenario scenario) {
		scenario.stimulate(() -> this.lifecycle.file(this.sessionId, draft("Breaks bisection"), null, this.raiser))
			.andWaitForEventOfType(AuditableChange.class)
			.matching((change) -> change.action().equals("CONCERN_FILED"))
			.toArriveAndVerify((change, concern) -> {
				assertThat(change.entityId()).isEqualTo(concern.getId());
				assertThat(change.sessionId()).isEqualTo(this.sessionId);
				assertThat(change.actor()).isEqualTo(this.raiser.username());
			});
	}

	@Test
	void withdrawingPublishesTheMoveAndAClosedConcernOnlyReopens(Scenario scenario) {
		Concern concern = this.lifecycle.file(this.sessionId, draft("Needs a newer compiler"), null, this.raiser);
		scenario
			.stimulate(() -> this.lifecycle.transition(concern.getId(), ConcernStatus.WITHDRAWN, null, null, null,
					this.raiser))
			.andWaitForEventOfType(AuditableChange.class)
			.matching((change) -> change.action().equals("CONCERN_WITHDRAWN"))
			.toArriveAndVerify((change) -> assertThat(change.summary()).contains("open → withdrawn"));
		Concern withdrawn = this.concerns.findById(concern.getId()).orElseThrow();
		assertThat(withdrawn.getStatus().movesFor(true, true)).containsExactly(ConcernStatus.OPEN);
	}

}
