package org.summittracker.account;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.summittracker.account.Probe.Target;
import org.summittracker.concern.Concern;
import org.summittracker.concern.ConcernDraft;
import org.summittracker.concern.ConcernLifecycle;
import org.summittracker.session.SessionRepository;

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

	static String path(Target target, Concern concern) {
		return target.sessionPath() + "/concerns/" + concern.getKey();
	}

	static String categoryName(Target target) {
		return "Probe category " + target.handle() + " " + counter.incrementAndGet();
	}

}
