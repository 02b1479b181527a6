package org.summittracker.concern;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where a concern stands, and where it may go from there. Only an open concern can block
 * a proposal.
 */
public enum ConcernStatus {

	OPEN, RESOLVED, WITHDRAWN, DEFERRED, OVERRULED;

	private final String css = name().toLowerCase(Locale.ROOT);

	private final String badgeCss = "badge status-" + this.css;

	private final String labelKey = "concern.status." + name();

	/**
	 * Whether a concern in this status may move to {@code to}: an open or deferred
	 * concern may move anywhere, a resolved, withdrawn or overruled one only back to open
	 * (it is reopened first).
	 */
	public boolean mayMoveTo(ConcernStatus to) {
		return to != null && to != this && (to == OPEN || this == OPEN || this == DEFERRED);
	}

	/** The status in lower-case words, as rule messages and the audit trail use it. */
	public String words() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Only the person who raised a concern withdraws it. */
	public boolean isTheRaisersToMake() {
		return this == WITHDRAWN;
	}

	/** Only an organizer overrules a concern. */
	public boolean isAnOrganizersToMake() {
		return this == OVERRULED;
	}

	/**
	 * The moves open from this status to its raiser (when {@code raiser}), to an
	 * organizer (when {@code organizer}), or to both; none to anyone else.
	 */
	public List<ConcernStatus> movesFor(boolean raiser, boolean organizer) {
		if (!raiser && !organizer) {
			return List.of();
		}
		return Arrays.stream(values())
			.filter(this::mayMoveTo)
			.filter((to) -> raiser || !to.isTheRaisersToMake())
			.filter((to) -> organizer || !to.isAnOrganizersToMake())
			.toList();
	}

	/** The CSS class suffix of its badge: the name in lower case, computed once. */
	public String getCss() {
		return this.css;
	}

	/** The CSS classes of its badge, computed once. */
	public String getBadgeCss() {
		return this.badgeCss;
	}

	/** The message key of its label, computed once. */
	public String getLabelKey() {
		return this.labelKey;
	}

}
