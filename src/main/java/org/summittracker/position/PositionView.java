package org.summittracker.position;

import java.time.Instant;
import java.util.List;

import org.summittracker.shared.Dates;

/**
 * A current position as shown in buy-in tables, with the keys of the concerns it cites;
 * for one given by mail, its trailer, the series version it was given on and the newer
 * version posted since (or {@code null}s); and every subsystem it speaks for (a position
 * given by mail may speak for several: {@code speaksForId} names one only when it is the
 * single one; {@code speaksForNames} names them all); and the address its trailer gave
 * ({@code mailAddress}, {@code null} when not kept).
 */
public record PositionView(Long id, Long sessionId, Long personId, String handle, String name, String email,
		Stance stance, String conditions, String rationale, Long speaksForId, String speaksForSlug,
		String speaksForName, EntryMethod entryMethod, String enteredByHandle, String enteredByName,
		String enteredByEmail, Instant confirmedAt, Instant updatedAt, List<String> citedConcernKeys, long version,
		Long proposalId, String mailTrailer, String mailMessageId, Integer mailVersion, Integer mailPostedSince,
		List<Long> speaksForIds, List<String> speaksForNames, String mailAddress) {

	/** Filled by a query; the cited concerns come from a second one. */
	public PositionView(Long id, Long sessionId, Long personId, String handle, String name, String email, Stance stance,
			String conditions, String rationale, Long speaksForId, String speaksForSlug, String speaksForName,
			EntryMethod entryMethod, String enteredByHandle, String enteredByName, String enteredByEmail,
			Instant confirmedAt, Instant updatedAt, long version, Long proposalId, String mailTrailer,
			String mailMessageId, Integer mailVersion, Integer mailPostedSince, String mailAddress) {
		this(id, sessionId, personId, handle, name, email, stance, conditions, rationale, speaksForId, speaksForSlug,
				speaksForName, entryMethod, enteredByHandle, enteredByName, enteredByEmail, confirmedAt, updatedAt,
				List.of(), version, proposalId, mailTrailer, mailMessageId, mailVersion, mailPostedSince,
				one(speaksForId), one(speaksForName), mailAddress);
	}

	/** A position at version 0, for tests and examples. */
	public PositionView(Long id, Long sessionId, Long personId, String handle, String name, String email, Stance stance,
			String conditions, String rationale, Long speaksForId, String speaksForSlug, String speaksForName,
			EntryMethod entryMethod, String enteredByHandle, String enteredByName, Instant confirmedAt,
			Instant updatedAt) {
		this(id, sessionId, personId, handle, name, email, stance, conditions, rationale, speaksForId, speaksForSlug,
				speaksForName, entryMethod, enteredByHandle, enteredByName, null, confirmedAt, updatedAt, List.of(), 0L,
				null, null, null, null, null, one(speaksForId), one(speaksForName), null);
	}

	private static <T> List<T> one(T speaksFor) {
		return (speaksFor != null) ? List.of(speaksFor) : List.of();
	}

	/** Every subsystem it speaks for, by name: “Bluetooth subsystem, Driver core”. */
	public String speaksForText() {
		return String.join(", ", this.speaksForNames);
	}

	/** Whether the person confirmed what someone else entered for them. */
	public boolean isConfirmed() {
		return this.confirmedAt != null;
	}

	/** The same position, with the keys of the concerns it cites. */
	PositionView citing(List<String> keys) {
		return new PositionView(this.id, this.sessionId, this.personId, this.handle, this.name, this.email, this.stance,
				this.conditions, this.rationale, this.speaksForId, this.speaksForSlug, this.speaksForName,
				this.entryMethod, this.enteredByHandle, this.enteredByName, this.enteredByEmail, this.confirmedAt,
				this.updatedAt, List.copyOf(keys), this.version, this.proposalId, this.mailTrailer, this.mailMessageId,
				this.mailVersion, this.mailPostedSince, this.speaksForIds, this.speaksForNames, this.mailAddress);
	}

	/**
	 * The same position, speaking for these subsystems (a mail-given position's set, ids
	 * and names in the same order); none leaves it as it is.
	 */
	PositionView speakingFor(List<Long> subsystemIds, List<String> names) {
		if (subsystemIds.isEmpty()) {
			return this;
		}
		return new PositionView(this.id, this.sessionId, this.personId, this.handle, this.name, this.email, this.stance,
				this.conditions, this.rationale, this.speaksForId, this.speaksForSlug, this.speaksForName,
				this.entryMethod, this.enteredByHandle, this.enteredByName, this.enteredByEmail, this.confirmedAt,
				this.updatedAt, this.citedConcernKeys, this.version, this.proposalId, this.mailTrailer,
				this.mailMessageId, this.mailVersion, this.mailPostedSince, List.copyOf(subsystemIds),
				List.copyOf(names), this.mailAddress);
	}

	/**
	 * Whether it counts for the subsystem: a position speaking for some counts for those
	 * only; one speaking for none, for every subsystem the person maintains.
	 */
	public boolean speaksFor(Long subsystemId) {
		return this.speaksForIds.isEmpty() || this.speaksForIds.contains(subsystemId);
	}

	PositionView withConditions(String conditions) {
		return new PositionView(this.id, this.sessionId, this.personId, this.handle, this.name, this.email, this.stance,
				conditions, this.rationale, this.speaksForId, this.speaksForSlug, this.speaksForName, this.entryMethod,
				this.enteredByHandle, this.enteredByName, this.enteredByEmail, this.confirmedAt, this.updatedAt,
				this.citedConcernKeys, this.version, this.proposalId, this.mailTrailer, this.mailMessageId,
				this.mailVersion, this.mailPostedSince, this.speaksForIds, this.speaksForNames, this.mailAddress);
	}

	PositionView withRationale(String rationale) {
		return new PositionView(this.id, this.sessionId, this.personId, this.handle, this.name, this.email, this.stance,
				this.conditions, rationale, this.speaksForId, this.speaksForSlug, this.speaksForName, this.entryMethod,
				this.enteredByHandle, this.enteredByName, this.enteredByEmail, this.confirmedAt, this.updatedAt,
				this.citedConcernKeys, this.version, this.proposalId, this.mailTrailer, this.mailMessageId,
				this.mailVersion, this.mailPostedSince, this.speaksForIds, this.speaksForNames, this.mailAddress);
	}

	/**
	 * A mail-given position resting on an older version of the series than the newest
	 * posted: “acked on v3 only (v4 posted since)”.
	 */
	public boolean restsOnOlderVersion() {
		return this.mailPostedSince != null && this.mailVersion != null;
	}

	/**
	 * The handle, with “on v3 only (v4 posted since)” for a stale mail-given position.
	 */
	public String handleWithVersion() {
		return restsOnOlderVersion()
				? this.handle + " (on v" + this.mailVersion + " only, v" + this.mailPostedSince + " posted since)"
				: this.handle;
	}

	/**
	 * The trailer a mail-given position stands for, ready to paste into a mail to the
	 * list ({@code Acked-by: Name <address>}, with the address the trailer gave, else the
	 * person's email), or {@code null} when it was not given by mail or its stance is no
	 * trailer's (only acks, reviews and Nacks are).
	 */
	public String mailTrailerLine() {
		if (this.mailMessageId == null) {
			return null;
		}
		String label = (this.stance == Stance.OPPOSES) ? "Nacked-by"
				: !this.stance.isAck() ? null : "REVIEWED".equals(this.mailTrailer) ? "Reviewed-by" : "Acked-by";
		return (label != null) ? label + ": " + this.name + " <" + trailerAddress() + ">" : null;
	}

	/**
	 * The address a mail-given position's trailer gave, else (imported before it was
	 * kept, or not given by mail) the person's email.
	 */
	public String trailerAddress() {
		return (this.mailMessageId != null && this.mailAddress != null) ? this.mailAddress : this.email;
	}

	/** The lore permalink of the mail a mail-given position rests on, or {@code null}. */
	public String mailLink() {
		return (this.mailMessageId != null) ? MailEvidence.permalink(this.mailMessageId) : null;
	}

	public boolean isStatedInSession() {
		return this.entryMethod == EntryMethod.STATED_IN_SESSION;
	}

	/**
	 * Whether it cites concerns, whatever its stance (an undecided or opposing position
	 * may): the buy-in table links them.
	 */
	public boolean citesConcerns() {
		return !this.citedConcernKeys.isEmpty();
	}

	/** What pages say of how it was entered, as its own page says it. */
	public EntryMethod.Words entryWords() {
		return this.entryMethod.words(this.enteredByName, isConfirmed(), this.handle);
	}

	/** When it last changed, for {@code <time datetime>}. */
	public String getUpdatedIso() {
		return Dates.isoText(this.updatedAt);
	}

	/** When it last changed, as pages show it. */
	public String getUpdatedText() {
		return Dates.instantText(this.updatedAt);
	}

	/**
	 * What the person said with it, the concerns it cites aside: the conditions of a
	 * conditional ack, else the rationale, else the conditions.
	 */
	public String words() {
		return (this.stance == Stance.SUPPORTS_WITH_CONDITIONS || this.rationale == null) ? this.conditions
				: this.rationale;
	}

	/** What qualifies the stance: conditions, cited concerns or the rationale. */
	public String qualifier() {
		return switch (this.stance) {
			case SUPPORTS_WITH_CONDITIONS -> this.conditions;
			case CONCERNED -> String.join(", ", this.citedConcernKeys);
			case OPPOSES -> this.rationale;
			default -> (this.rationale != null) ? this.rationale : this.conditions;
		};
	}

}
