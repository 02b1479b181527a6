package org.summittracker.position;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.ui.Model;

import org.summittracker.concern.Concern;
import org.summittracker.concern.ConcernKeys;
import org.summittracker.concern.ConcernStatus;
import org.summittracker.concern.ConcernViews.ConcernChoice;
import org.summittracker.people.Person;
import org.summittracker.proposal.Proposal;
import org.summittracker.shared.Choice;
import org.summittracker.shared.RuleViolation;

/**
 * The buy-in form: a stance and what qualifies it, for the signed-in person or
 * (organizers) for {@code person}. It carries the version of the position it was filled
 * against ({@code version}, of {@code versionOf}'s position) and when it was shown
 * ({@code shownAt}: the session page's form names anyone, whose position the page shows
 * as it stood then).
 */
public record PositionForm(
		@Size(max = Person.HANDLE_MAX, message = "{text.at-most}") @Pattern(regexp = "^$|" + Person.HANDLE,
				message = "{person.handle.format}") String person,
		Stance stance, @Size(max = Position.TEXT_MAX, message = "{text.at-most}") String conditions,
		@Size(max = Position.TEXT_MAX, message = "{text.at-most}") String rationale,
		@Size(max = 120, message = "{position.speaks-for.choose}") @Pattern(regexp = "^$|^[a-z0-9][a-z0-9-]*$",
				message = "{position.speaks-for.choose}") String speaksFor,
		@Size(max = PositionForm.CITED_MAX,
				message = "{position.concerns.too-many}") List<@Size(max = Concern.KEY_MAX,
						message = "{session.concern.choose}") @Pattern(regexp = Concern.KEY_FORMAT,
								message = "{session.concern.choose}") String> concerns,
		@Size(max = PositionForm.OTHER_CONCERNS_MAX, message = "{text.at-most}") String otherConcerns, Long version,
		@Size(max = Person.HANDLE_MAX) String versionOf,
		@Size(max = Proposal.KEY_MAX, message = "{proposal.choose}") @Pattern(regexp = "^$|^[a-z0-9][a-z0-9-]*$",
				message = "{proposal.choose}") String proposal,
		Instant shownAt) {

	/**
	 * Concerns a position form offers to cite as checkboxes at most: the first of those
	 * raised in the session or carried into it from earlier ones, the open ones first.
	 * Any other concern about the proposal is cited by its key in {@code otherConcerns}:
	 * thousands of checkboxes help nobody.
	 */
	public static final int OFFERED = 100;

	/** Concerns a position cites at most (position.concerns.too-many says the number). */
	static final int CITED_MAX = 50;

	/** Characters of {@code otherConcerns}: room for the 50 keys a position may cite. */
	static final int OTHER_CONCERNS_MAX = 2000;

	public static PositionForm of(PositionView own) {
		if (own == null) {
			return new PositionForm(null, null, null, null, null, List.of(), null, null, null, null, null);
		}
		return new PositionForm(null, own.stance(), own.conditions(), own.rationale(), own.speaksForSlug(),
				own.citedConcernKeys(), null, own.version(), own.handle(), null, null);
	}

	static PositionForm of(Position position) {
		return new PositionForm(null, position.getStance(), position.getConditions(), position.getRationale(),
				(position.getSpeaksFor() != null) ? position.getSpeaksFor().getSlug() : null,
				position.getCitedConcernKeys(), null, position.getVersion(), position.getPerson().getHandle(),
				position.getProposal().getKey(), null);
	}

	/**
	 * The choices of a position form: the stances, the first {@link #OFFERED} of the
	 * concerns raised in the session or carried into it to cite ({@code total} in all),
	 * and the subsystems an organizer may say a position speaks for; whether more can be
	 * cited by key.
	 */
	public static void addChoices(Model model, List<ConcernChoice> concerns, long total, List<Choice> affected) {
		List<ConcernChoice> offered = concerns.subList(0, Math.min(concerns.size(), OFFERED));
		model.addAttribute("stanceChoices", Choice.of(Stance.values(), "stance."));
		// The status of those no longer open (a concern carried in may be resolved).
		model.addAttribute("citableChoices",
				offered.stream()
					.map((c) -> Choice.marked(c.key(), c.title(),
							(c.status() != ConcernStatus.OPEN) ? "concern.status." + c.status().name() : null))
					.toList());
		model.addAttribute("citableMore", total > offered.size());
		model.addAttribute("affectedChoices", affected);
	}

	/**
	 * The same form, citing among the {@code offered} keys as checkboxes and the other
	 * keys it cites in {@code otherConcerns}: what a new form shows, so that saving it
	 * keeps every concern the position cites.
	 */
	public PositionForm offering(List<ConcernChoice> offered) {
		Set<String> keys = offered.stream().limit(OFFERED).map(ConcernChoice::key).collect(Collectors.toSet());
		List<String> others = concernKeys().stream().filter((k) -> !keys.contains(k)).toList();
		return new PositionForm(this.person, this.stance, this.conditions, this.rationale, this.speaksFor,
				concernKeys().stream().filter(keys::contains).toList(),
				others.isEmpty() ? null : String.join(" ", others), this.version, this.versionOf, this.proposal,
				this.shownAt);
	}

	/** The same form, shown at {@code at}. */
	public PositionForm shownAt(Instant at) {
		return new PositionForm(this.person, this.stance, this.conditions, this.rationale, this.speaksFor,
				this.concerns, this.otherConcerns, this.version, this.versionOf, this.proposal, at);
	}

	public static List<Choice> subsystems(List<Readiness.SubsystemRef> subsystems) {
		return subsystems.stream().map((s) -> Choice.of(s.slug(), s.name())).toList();
	}

	/**
	 * The keys of the concerns cited: those checked, then those typed in
	 * {@code otherConcerns} (separated by spaces or commas), each once.
	 */
	public List<String> concernKeys() {
		return ConcernKeys.of(this.concerns, this.otherConcerns);
	}

	/**
	 * The problems of a statement made from this form, each next to the field it came
	 * from: when keys were typed in {@code otherConcerns}, an unknown concern is refused
	 * there and not on the checkboxes, which offer known ones only.
	 */
	RuleViolation placed(RuleViolation violation) {
		boolean typed = this.otherConcerns != null && !this.otherConcerns.isBlank();
		return typed ? violation.on("concerns", "otherConcerns") : violation;
	}

	/**
	 * The statement for {@code handle}. The version only counts for the position it was
	 * read from: an organizer's form prefilled with their own position may name someone
	 * else. Without one, the form was made when the person had no position, or (when it
	 * says when it was shown) against their position as it stood then.
	 */
	PositionStatement statement(String handle) {
		Long expected = (this.version != null && handle.equals(this.versionOf)) ? this.version : PositionStatement.NONE;
		return new PositionStatement(handle, this.stance, this.conditions, this.rationale, this.speaksFor,
				concernKeys(), expected, this.proposal, this.shownAt);
	}

}
