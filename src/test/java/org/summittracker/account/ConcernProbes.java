package org.summittracker.account;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.JdbcTemplate;

import org.summittracker.account.Probe.Target;
import org.summittracker.concern.Concern;
import org.summittracker.concern.ConcernDraft;
import org.summittracker.concern.ConcernLifecycle;
import org.summittracker.proposal.Proposals;
import org.summittracker.session.Session;
import org.summittracker.session.SessionRepository;
import org.summittracker.support.Fixture;

/**
 * Concerns for the authorization matrix: one raised by the target's person in the
 * target's session.
 */
final class ConcernProbes {

	private static final AtomicInteger counter = new AtomicInteger();

	private ConcernProbes() {
	}

	/** Files a concern raised by the target's person; answers its path and version. */
	static Concern raisedByTarget(Target target) {
		Long sessionId = target.beans()
			.bean(SessionRepository.class)
			.findBySlugs(target.eventSlug(), target.sessionSlug())
			.orElseThrow()
			.getId();
		Actor organizer = new Actor(0L, "matrix", null, null, Set.of(Role.ORGANIZER));
		return target.beans()
			.bean(ConcernLifecycle.class)
			.file(sessionId, new ConcernDraft(null, "Probe concern " + counter.incrementAndGet(), "other", List.of(),
					"", false, null), target.handle(), organizer);
	}

	/**
	 * A concern raised by the target's person in a session held a year before the
	 * target's, about a proposal the target's session discusses too: one carried into it.
	 */
	static Concern carriedIntoTarget(Target target) {
		String earlier = "matrix-earlier-" + counter.incrementAndGet();
		target.beans().bean(Fixture.class).session(earlier, 0, 0, 0);
		target.beans()
			.bean(JdbcTemplate.class)
			.update("update event set starts_on = starts_on - 365, ends_on = ends_on - 365 where slug = ?", earlier);
		SessionRepository sessions = target.beans().bean(SessionRepository.class);
		Session before = sessions.findBySlugs(earlier, earlier + "-session").orElseThrow();
		Session after = sessions.findBySlugs(target.eventSlug(), target.sessionSlug()).orElseThrow();
		Proposals proposals = target.beans().bean(Proposals.class);
		proposals.link(after, proposals.mainOf(before));
		Actor organizer = new Actor(0L, "matrix", null, null, Set.of(Role.ORGANIZER));
		return target.beans()
			.bean(ConcernLifecycle.class)
			.file(before.getId(), new ConcernDraft(null, "Carried probe concern " + counter.incrementAndGet(), "other",
					List.of(), "", false, null), target.handle(), organizer);
	}

	static String path(Target target, Concern concern) {
		return target.sessionPath() + "/concerns/" + concern.getKey();
	}

	static String categoryName(Target target) {
		return "Probe category " + target.handle() + " " + counter.incrementAndGet();
	}

}
