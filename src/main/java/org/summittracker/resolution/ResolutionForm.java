package org.summittracker.resolution;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.summittracker.concern.Concern;
import org.summittracker.concern.ConcernKeys;
import org.summittracker.proposal.Proposal;
import org.summittracker.shared.OneLine;

/**
 * What the resolution form submits, bound by type: a malformed date or an unknown outcome
 * is a type mismatch shown next to its field.
 */
record ResolutionForm(
		@NotBlank(message = "{resolution.statement.required}") @Size(
				max = Resolution.STATEMENT_MAX, message = "{text.at-most}") String statement,
		Outcome outcome, LocalDate decidedOn, LocalDate revisitOn,
		List<@Size(max = Concern.KEY_MAX, message = "{session.concern.choose}") @Pattern(regexp = Concern.KEY_FORMAT,
				message = "{session.concern.choose}") String> concerns,
		@Size(max = ResolutionForm.OTHER_CONCERNS_MAX, message = "{text.at-most}") String otherConcerns,
		Boolean resolveAddressed, @Size(max = Proposal.KEY_MAX, message = "{text.at-most}") @OneLine String proposal,
		Long version) {

	/**
	 * Characters of {@code otherConcerns}, the keys of the concerns it addresses beyond
	 * those the form offers as checkboxes.
	 */
	static final int OTHER_CONCERNS_MAX = 2000;

	/**
	 * A new resolution's form, decided on the session's day when that is past (minutes
	 * are often written up after the summit), today otherwise (recorded as it is decided,
	 * or a session not placed on a day).
	 */
	static ResolutionForm empty(LocalDate sessionDay, LocalDate today) {
		LocalDate decided = (sessionDay != null && sessionDay.isBefore(today)) ? sessionDay : today;
		return new ResolutionForm("", Outcome.AGREED, decided, null, List.of(), null, false, "", null);
	}

	public boolean resolvesAddressed() {
		return Boolean.TRUE.equals(this.resolveAddressed);
	}

	/**
	 * The keys of the concerns it addresses: those checked, then those typed in
	 * {@code otherConcerns} (separated by spaces or commas), each once.
	 */
	public List<String> concernKeys() {
		return ConcernKeys.of(this.concerns, this.otherConcerns);
	}

	/** Whether keys were typed in {@code otherConcerns}. */
	boolean typesConcerns() {
		return this.otherConcerns != null && !this.otherConcerns.isBlank();
	}

	public boolean addresses(String key) {
		return concernKeys().contains(key);
	}

}
