package org.summittracker.position;

import java.util.List;

import org.summittracker.people.PersonView;
import org.summittracker.people.SubsystemView;

/**
 * One person's position as its page shows it: values read from the entity, so that the
 * page rendered from them can be kept by them.
 */
public record PositionPageView(Long id, PersonView person, Stance stance, boolean withdrawn, String conditions,
		String rationale, List<String> citedConcernKeys, SubsystemView speaksFor, EntryMethod entryMethod,
		boolean confirmed, PersonView enteredBy, long version) {

	/** What its page says of how it was entered. */
	public EntryMethod.Words entryWords() {
		return this.entryMethod.words((this.enteredBy != null) ? this.enteredBy.name() : null, this.confirmed,
				this.person.handle());
	}

	static PositionPageView of(Position position) {
		return new PositionPageView(position.getId(), PersonView.of(position.getPerson()), position.getStance(),
				position.isWithdrawn(), position.getConditions(), position.getRationale(),
				position.getCitedConcernKeys(),
				(position.getSpeaksFor() != null) ? SubsystemView.of(position.getSpeaksFor()) : null,
				position.getEntryMethod(), position.isConfirmed(),
				(position.getEnteredBy() != null) ? PersonView.of(position.getEnteredBy()) : null,
				position.getVersion());
	}

}
