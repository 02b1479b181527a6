package org.summittracker.minutes;

import java.time.Clock;
import java.util.Locale;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.summittracker.account.Actor;
import org.summittracker.audit.AuditableChange;
import org.summittracker.session.Session;
import org.summittracker.session.SessionRepository;

/**
 * Marks a session's minutes final. Nothing is frozen: later changes still show, listed as
 * amendments.
 */
@Service
class MinutesPublication {

	private final SessionRepository sessions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	MinutesPublication(SessionRepository sessions, ApplicationEventPublisher events, Clock clock) {
		this.sessions = sessions;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public void markFinal(Long sessionId, Actor actor) {
		actor.require(actor.isOrganizer(), "minutes.denied.final");
		Session session = this.sessions.findById(sessionId).orElseThrow();
		if (session.getMinutesFinalAt() != null) {
			return;
		}
		String before = session.getStatus().name();
		session.publishMinutes(this.clock.instant());
		this.events.publishEvent(new AuditableChange(actor.username(), "MINUTES_FINAL", "Session", session.getId(),
				session.getId(), "Minutes " + before.toLowerCase(Locale.ROOT).replace('_', ' ') + " → final"));
	}

}
