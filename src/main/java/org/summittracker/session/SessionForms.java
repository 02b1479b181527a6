package org.summittracker.session;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import jakarta.validation.constraints.Size;

import org.summittracker.people.Person;
import org.summittracker.shared.OneLine;

/**
 * What the agenda's forms submit; the rules are {@link SessionAuthoring}'s, the limits
 * the domain's.
 */
final class SessionForms {

	private SessionForms() {
	}

	record SessionForm(@Size(max = Session.SLUG_MAX, message = "{text.at-most}") @OneLine String slug,
			@Size(max = Session.TITLE_MAX, message = "{text.at-most}") @OneLine String title, LocalDate day,
			LocalTime startTime, Integer durationMinutes,
			@Size(max = Session.ROOM_MAX, message = "{text.at-most}") @OneLine String room,
			@Size(max = Person.HANDLE_MAX, message = "{text.at-most}") @OneLine String lead,
			@Size(max = Session.PROPOSAL_MAX, message = "{text.at-most}") String proposal,
			@Size(max = Session.SUMMARY_MAX, message = "{text.at-most}") String summary, Session.Status status,
			Long version) {

		static SessionForm empty(LocalDate day) {
			return new SessionForm("", "", day, null, null, "", "", "", "", Session.Status.PLANNED, null);
		}

		static SessionForm of(Session session) {
			return new SessionForm(session.getSlug(), session.getTitle(), session.getDay(), session.getStartTime(),
					session.getDurationMinutes(), session.getRoom(),
					(session.getLead() != null) ? session.getLead().getHandle() : "", session.getProposal(),
					session.getSummary(), session.getStatus(), session.getVersion());
		}

		SessionDraft draft() {
			return new SessionDraft(this.slug, this.title, this.day, this.startTime, this.durationMinutes, this.room,
					this.lead, this.proposal, this.summary, this.status);
		}

	}

	record DayForm(LocalDate day, Long version) {

	}

	record ParticipantForm(@Size(max = Person.HANDLE_MAX, message = "{text.at-most}") @OneLine String person,
			Participant.Role role, @Size(max = Person.NAME_MAX, message = "{text.at-most}") @OneLine String name,
			@Size(max = Person.EMAIL_MAX, message = "{text.at-most}") @OneLine String email,
			@Size(max = Person.AFFILIATION_MAX, message = "{text.at-most}") @OneLine String affiliation) {

		static ParticipantForm empty() {
			return new ParticipantForm("", Participant.Role.PARTICIPANT, "", "", "");
		}

		SessionAuthoring.ParticipantDraft draft() {
			return new SessionAuthoring.ParticipantDraft(this.person, this.role, this.name, this.email,
					this.affiliation);
		}

	}

	/**
	 * Statuses an organizer chooses in the form (minutes are made final by their button).
	 */
	static List<Session.Status> choosable(Session.Status current) {
		return (current == Session.Status.MINUTES_FINAL) ? List.of(Session.Status.MINUTES_FINAL) : List
			.of(Session.Status.PLANNED, Session.Status.HELD, Session.Status.CANCELLED, Session.Status.MINUTES_DRAFT);
	}

}
