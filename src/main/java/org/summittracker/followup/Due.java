package org.summittracker.followup;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A follow-up as far as its due date goes: overdue when the day has passed and it is
 * still owed.
 */
interface Due {

	LocalDate dueOn();

	FollowUpStatus status();

	default boolean isOverdue(LocalDate today) {
		return dueOn() != null && dueOn().isBefore(today) && status().isActive();
	}

	/** Whole days past the due date; 0 when not overdue. */
	default long overdueDays(LocalDate today) {
		return isOverdue(today) ? ChronoUnit.DAYS.between(dueOn(), today) : 0;
	}

}
