package org.summittracker.minutes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Every fact of one session's minutes, in the order the minutes tell them. This is also
 * the shape of the JSON export.
 */
public record SessionMinutes(EventHeader event, SessionHeader session, List<Attendee> attendees, List<Note> notes,
		List<ConcernEntry> concerns, List<BuyInEntry> buyIn, ReadinessEntry readiness, List<ProposalEntry> proposals,
		List<ResolutionEntry> resolutions, List<FollowUpEntry> followUps,
		@Schema(description = "The session's material not withdrawn (slides, recordings, reports, threads,"
				+ " patch series), in the order it was added") List<MaterialEntry> material,
		Amendments amendments) {

	/**
	 * What a session's {@code proposal} is, in its minutes and in its event's schedule.
	 */
	public static final String PROPOSAL_KEY = "The key of the session's main proposal (the first it discusses):"
			+ " /api/v1/proposals/{key}; null while it discusses none";

	/**
	 * What a session's {@code statement} is, in its minutes and in its event's schedule.
	 */
	public static final String STATEMENT = "What the session decides: its main proposal's statement, or the"
			+ " session's own text while that proposal has none; null when there is neither";

	public record PersonRef(String handle, String name, String email) {

		/** “Name <email>”, as in a kernel trailer. */
		public String trailer() {
			return (this.email != null && !this.email.isBlank()) ? this.name + " <" + this.email + ">" : this.name;
		}

	}

	public record EventHeader(String slug, String name, LocalDate startsOn, LocalDate endsOn, String location) {
	}

	/**
	 * The session; {@code proposal} is the key of its main proposal (as everywhere in the
	 * API: {@code /api/v1/proposals/{key}}), null when it discusses none;
	 * {@code statement} is the main proposal's statement (the session's own text when it
	 * has none), null when there is no proposal text.
	 */
	public record SessionHeader(String slug, String title, String status, Instant scheduledAt,
			@Schema(description = PROPOSAL_KEY) String proposal, @Schema(description = STATEMENT) String statement,
			String summary, PersonRef lead, Instant minutesFinalAt) {

		/**
		 * Whether there is proposal text to write (its section is left out otherwise).
		 */
		public boolean hasStatement() {
			return this.statement != null;
		}

	}

	public record Attendee(String role, PersonRef person) {
	}

	public record Note(int seq, PersonRef speaker, String kind, String body) {
	}

	public record Response(PersonRef author, Instant at, String body) {
	}

	public record StatusChange(String from, String to, String note, LocalDate revisitOn, PersonRef by, Instant at) {
	}

	public record ConcernEntry(String key, String title, String category, PersonRef raisedBy, String status,
			boolean blocking, String blockingReason, String statusNote, LocalDate revisitOn, List<String> subsystems,
			String body, Instant raisedAt, List<Response> responses, List<StatusChange> history) {
	}

	/**
	 * A change of a position; {@code citedConcerns} the keys of the concerns it cited
	 * then, as the buy-in's own.
	 */
	public record PositionChange(String from, String to, String conditions, String rationale,
			List<String> citedConcerns, String entry, PersonRef enteredBy, Instant at) {
	}

	/**
	 * A row of the buy-in table; {@code stance} is null where the person took no position
	 * (“no record”). {@code confirmedAt} is when the person confirmed it: a position they
	 * entered themself is confirmed as they enter it, one stated in the session when they
	 * confirm it; null (and left out) while it is not.
	 */
	public record BuyInEntry(PersonRef person, List<String> maintains, String stance, String stanceLabel,
			String conditions, String rationale, List<String> citedConcerns, String speaksFor, String entry,
			PersonRef enteredBy, Instant updatedAt, List<PositionChange> history,
			@JsonInclude(JsonInclude.Include.NON_NULL) MailEntry mail,
			@JsonInclude(JsonInclude.Include.NON_NULL) Instant confirmedAt) {

		public boolean hasPosition() {
			return this.stance != null;
		}

	}

	/**
	 * The mail a position was given in: its trailer ({@code Reviewed-by} kept as such),
	 * the series version, the Message-ID, its lore permalink, and the address the trailer
	 * gave ({@code null} for positions imported before it was kept: the person's email
	 * stands in).
	 */
	public record MailEntry(String trailer, Integer version, String messageId, String link,
			@JsonInclude(JsonInclude.Include.NON_NULL) String address) {

	}

	public record ReadinessEntry(boolean ready, List<String> missing, List<String> acked) {
	}

	/**
	 * A proposal the session discusses, in its order (the first is its main proposal):
	 * its own buy-in table and readiness, as the session page shows them, and the
	 * concerns about it carried into the session from earlier ones. {@code parent} is the
	 * key of the proposal it is part of, as the proposals API names it.
	 */
	public record ProposalEntry(String key, String title, String statement, String status, String parent,
			List<BuyInEntry> buyIn, ReadinessEntry readiness, List<CarriedConcernEntry> carriedConcerns) {
	}

	/**
	 * A concern raised in an earlier session about a proposal discussed here: where, when
	 * and by whom it was raised, its status now, and what happened to it in this session
	 * (in words, empty when nothing did; then the responses given and the status changes
	 * made in this session, as a concern's own).
	 */
	public record CarriedConcernEntry(String key, String title, String proposal, PersonRef raisedBy, Instant raisedAt,
			String raisedIn, String status, boolean blocking, List<String> inThisSession, List<Response> responses,
			List<StatusChange> history) {
	}

	/**
	 * A resolution; {@code proposal} is the key of the proposal it decides, null when it
	 * names none (the session's proposals as a whole).
	 */
	public record ResolutionEntry(int seq, String outcome, String outcomeLabel, String statement, LocalDate decidedOn,
			LocalDate revisitOn, String proposal, List<String> addresses) {
	}

	public record FollowUpChange(String from, String to, String note, PersonRef by, Instant at) {
	}

	public record FollowUpEntry(String title, PersonRef owner, LocalDate dueOn, String status, String statusLabel,
			String dropReason, String concern, Integer resolution, List<FollowUpChange> history) {
	}

	/**
	 * An item of the session's material: its kind ({@code slides}, {@code recording},
	 * {@code report}, {@code thread}, {@code patches}, {@code other}), title, address and
	 * who it is by (null when nobody is named).
	 */
	public record MaterialEntry(
			@Schema(description = "What it is: slides, recording, report, thread, patches or other") String kind,
			@Schema(description = "Its title") String title,
			@Schema(description = "Where it is: an absolute http or https URL") String url,
			@Schema(description = "Who it is by, null when nobody is named") PersonRef by) {
	}

	/** What changed after the minutes were marked final; empty while they are a draft. */
	public record Amendments(Instant publishedAt, List<String> changes) {

		public boolean isAmended() {
			return !this.changes.isEmpty();
		}

	}

	/** The concerns carried into the session, proposal by proposal. */
	public List<CarriedConcernEntry> allCarriedConcerns() {
		return this.proposals.stream().flatMap((p) -> p.carriedConcerns().stream()).toList();
	}

	public boolean isFinal() {
		return this.session.minutesFinalAt() != null;
	}

	/**
	 * The file name stem of a session's minutes, {@code <event>--<session>}, from its
	 * event's slug and its own.
	 */
	static String fileStem(String eventSlug, String sessionSlug) {
		return eventSlug + "--" + sessionSlug;
	}

}
