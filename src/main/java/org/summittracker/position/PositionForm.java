package org.summittracker.position;

import java.util.List;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.ui.Model;

import org.summittracker.concern.Concern;
import org.summittracker.concern.ConcernViews.ConcernSummary;
import org.summittracker.people.Person;
import org.summittracker.proposal.Proposal;
import org.summittracker.shared.Choice;

/**
 * The buy-in form: a stance and what qualifies it, for the signed-in person or
 * (organizers) for {@code person}.
 */
public record PositionForm(
		@Size(max = Person.HANDLE_MAX, message = "{text.at-most}") @Pattern(regexp = "^$|" + Person.HANDLE,
				message = "{person.handle.format}") String person,
		Stance stance, @Size(max = Position.TEXT_MAX, message = "{text.at-most}") String conditions,
		@Size(max = Position.TEXT_MAX, message = "{text.at-most}") String rationale,
		@Size(max = 120, message = "{position.speaks-for.choose}") @Pattern(regexp = "^$|^[a-z0-9][a-z0-9-]*$",
				message = "{position.speaks-for.choose}") String speaksFor,
		@Size(max = 50,
				message = "{position.concerns.too-many}") List<@Size(max = Concern.KEY_MAX,
						message = "{session.concern.choose}") @Pattern(regexp = Concern.KEY_FORMAT,
								message = "{session.concern.choose}") String> concerns,
		Long version, @Size(max = Person.HANDLE_MAX) String versionOf,
		@Size(max = Proposal.KEY_MAX, message = "{proposal.choose}") @Pattern(regexp = "^$|^[a-z0-9][a-z0-9-]*$",
				message = "{proposal.choose}") String proposal) {

	public static PositionForm of(PositionView own) {
		if (own == null) {
			return new PositionForm(null, null, null, null, null, List.of(), null, null, null);
		}
		return new PositionForm(null, own.stance(), own.conditions(), own.rationale(), own.speaksForSlug(),
				own.citedConcernKeys(), own.version(), own.handle(), null);
	}

	static PositionForm of(Position position) {
		return new PositionForm(null, position.getStance(), position.getConditions(), position.getRationale(),
				(position.getSpeaksFor() != null) ? position.getSpeaksFor().getSlug() : null,
				position.getCitedConcerns().stream().map(Concern::getKey).sorted().toList(), position.getVersion(),
				position.getPerson().getHandle(), position.getProposal().getKey());
	}

	/**
	 * The choices of a position form: the stances, the session's concerns to cite, and
	 * the subsystems an organizer may say a position speaks for.
	 */
	public static void addChoices(Model model, List<ConcernSummary> concerns, List<Choice> affected) {
		model.addAttribute("stanceChoices", Choice.of(Stance.values(), "stance."));
		model.addAttribute("citableChoices",
				concerns.stream().map((c) -> Choice.marked(c.key(), c.title(), null)).toList());
		model.addAttribute("affectedChoices", affected);
	}

	public static List<Choice> subsystems(List<Readiness.SubsystemRef> subsystems) {
		return subsystems.stream().map((s) -> Choice.of(s.slug(), s.name())).toList();
	}

	public List<String> concernKeys() {
		return (this.concerns != null) ? this.concerns : List.of();
	}

	/**
	 * The statement for {@code handle}. The version only counts for the position it was
	 * read from: an organizer's form prefilled with their own position may name someone
	 * else. Without one, the form was made when the person had no position, so a position
	 * they have now makes it stale.
	 */
	PositionStatement statement(String handle) {
		Long expected = (this.version != null && handle.equals(this.versionOf)) ? this.version : PositionStatement.NONE;
		return new PositionStatement(handle, this.stance, this.conditions, this.rationale, this.speaksFor,
				concernKeys(), expected, this.proposal);
	}

}
