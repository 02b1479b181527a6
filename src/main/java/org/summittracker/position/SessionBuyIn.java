package org.summittracker.position;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;

import org.summittracker.people.SubsystemMaintainer;
import org.summittracker.shared.Pages;

/**
 * Everything about one session's buy-in: the affected subsystems, their maintainers and
 * reviewers, the current positions, and the readiness derived from them.
 * <p>
 * Read whole, it has every current position. Read for a page ({@link #isWhole()} false),
 * it has the positions of the affected subsystems' maintainers and reviewers and those of
 * at most {@link #SHOWN} others by name from the page's first row on: that page of rows,
 * its counts and its readiness are those of the whole; its other pages are not there.
 *
 * @param positions the current positions read, by name: every one, or those of its first
 * page of rows
 * @param positionCount how many current positions there are
 * @param otherCount how many of them are of people who neither maintain nor review an
 * affected subsystem
 * @param othersFrom where the first of those people's positions read stands among all of
 * theirs by name (from 0; 0 when read whole)
 */
public record SessionBuyIn(Long sessionId, List<Readiness.SubsystemRef> affected, List<SubsystemMaintainer> maintainers,
		List<PositionView> positions, Readiness readiness, long positionCount, long otherCount, long othersFrom) {

	/** The buy-in read whole: every current position. */
	public SessionBuyIn(Long sessionId, List<Readiness.SubsystemRef> affected, List<SubsystemMaintainer> maintainers,
			List<PositionView> positions, Readiness readiness) {
		this(sessionId, affected, maintainers, positions, readiness, positions.size(),
				others(maintainers, positions).count(), 0);
	}

	/**
	 * How many people maintain or review an affected subsystem: the rows of the table
	 * before everyone else's.
	 */
	static long people(List<SubsystemMaintainer> maintainers) {
		return maintainers.stream().map(SubsystemMaintainer::handle).distinct().count();
	}

	/** The positions of people who neither maintain nor review an affected subsystem. */
	static Stream<PositionView> others(List<SubsystemMaintainer> maintainers, List<PositionView> positions) {
		Set<String> theirs = new HashSet<>();
		maintainers.forEach((m) -> theirs.add(m.handle()));
		return positions.stream().filter((p) -> !theirs.contains(p.handle()));
	}

	/** Whether every current position was read. */
	public boolean isWhole() {
		return this.positions.size() == this.positionCount;
	}

	/**
	 * One row of the buy-in table: a person, what they maintain among the affected
	 * subsystems, their position.
	 */
	public record Row(String handle, String name, List<String> maintains, PositionView position) {

		public boolean hasPosition() {
			return this.position != null;
		}

		/** The person's page. */
		public String getPersonPath() {
			return "/people/" + this.handle;
		}

		/**
		 * What they maintain among the affected subsystems, one after the other.
		 */
		public String getMaintainsText() {
			return String.join(", ", this.maintains);
		}

	}

	/**
	 * What a list of many sessions (the event page) shows of one's buy-in: whether it is
	 * ready, how many affected subsystems acked, how many positions there are, and the
	 * first sentences of what is missing.
	 *
	 * @param missing the first sentences of {@link Readiness#missing()}
	 * @param moreMissing how many sentences follow them
	 */
	public record Summary(boolean ready, long acked, int affected, int positions, List<String> missing,
			int moreMissing) {

	}

	/**
	 * This buy-in as a list of many sessions shows it, with at most {@code missingAtMost}
	 * sentences of what is missing put into words.
	 */
	public Summary summary(int missingAtMost) {
		boolean ready = this.readiness.isReady();
		List<String> missing = ready ? List.of() : this.readiness.missing(missingAtMost);
		return new Summary(ready, this.readiness.ackedCount(), this.affected.size(), (int) this.positionCount, missing,
				ready ? 0 : this.readiness.missingCount() - missing.size());
	}

	/**
	 * A row for every maintainer and reviewer of an affected subsystem (with or without a
	 * position), then one for everyone else who took a position.
	 */
	public List<Row> rows() {
		return rows(0, Integer.MAX_VALUE);
	}

	/**
	 * The rows of {@link #rows()} from {@code from} on, at most {@code count}: only those
	 * are made (a crowded session has thousands of positions and shows a hundred).
	 */
	private List<Row> rows(long from, int count) {
		Map<String, PositionView> byHandle = new LinkedHashMap<>();
		this.positions.forEach((p) -> byHandle.put(p.handle(), p));
		Map<String, List<String>> maintains = new LinkedHashMap<>();
		Map<String, String> names = new LinkedHashMap<>();
		for (SubsystemMaintainer m : this.maintainers) {
			maintains.computeIfAbsent(m.handle(), (h) -> new ArrayList<>()).add(maintains(m));
			names.put(m.handle(), m.name());
		}
		List<Row> rows = new ArrayList<>();
		long at = 0;
		for (Map.Entry<String, List<String>> entry : maintains.entrySet()) {
			PositionView position = byHandle.remove(entry.getKey());
			if (at++ >= from && rows.size() < count) {
				rows.add(new Row(entry.getKey(), names.get(entry.getKey()), List.copyOf(entry.getValue()), position));
			}
		}
		at += this.othersFrom;
		for (PositionView p : byHandle.values()) {
			if (rows.size() >= count) {
				break;
			}
			if (at++ >= from) {
				rows.add(new Row(p.handle(), p.name(), List.of(), p));
			}
		}
		return rows;
	}

	/** What a row says the maintainer maintains. */
	private static String maintains(SubsystemMaintainer m) {
		return m.subsystemName() + (m.isMaintainer() ? "" : " (reviewer)");
	}

	/**
	 * The row of {@link #rows()} of the person with this handle, whose current position
	 * (or null) is given: null when they neither have one nor maintain or review an
	 * affected subsystem (no row).
	 */
	public Row rowOf(String handle, PositionView position) {
		List<SubsystemMaintainer> theirs = this.maintainers.stream().filter((m) -> m.handle().equals(handle)).toList();
		if (position == null && theirs.isEmpty()) {
			return null;
		}
		String name = (position != null) ? position.name() : theirs.get(theirs.size() - 1).name();
		return new Row(handle, name, theirs.stream().map(SessionBuyIn::maintains).toList(), position);
	}

	/** How many rows {@link #rows()} has when read whole. */
	public long rowCount() {
		return people(this.maintainers) + this.otherCount;
	}

	/**
	 * Rows of a buy-in table a page shows at most (a page of the session's buy-in page
	 * too): the first, as {@link #rows()} orders them, so the maintainers and reviewers
	 * of the affected subsystems come before everyone else; readiness still counts every
	 * position.
	 */
	public static final int SHOWN = 100;

	/**
	 * Whether the table has any row: a maintainer of an affected subsystem, or a
	 * position.
	 */
	public boolean hasRows() {
		return !this.maintainers.isEmpty() || this.positionCount > 0;
	}

	/** The first {@link #SHOWN} rows, with the number of all. */
	public Page<Row> shownRows() {
		return rowsPage(1);
	}

	/**
	 * The first {@code size} rows (at most {@link #SHOWN}: what a buy-in read for a page
	 * holds), with the number of all.
	 */
	public Page<Row> firstRows(int size) {
		return rowsPage(PageRequest.of(0, Math.min(size, SHOWN)));
	}

	/**
	 * A page of {@link #SHOWN} rows (counting from 1), with the number of all: of a
	 * buy-in read whole, or read for that page.
	 */
	public Page<Row> rowsPage(int page) {
		return rowsPage(Pages.request(page, SHOWN));
	}

	/**
	 * A page of rows of at most {@link #SHOWN}, with the number of all: of a buy-in read
	 * whole, or read for a page that starts at the same row.
	 */
	public Page<Row> rowsPage(Pageable pageable) {
		if (pageable.getPageSize() > SHOWN) {
			throw new IllegalArgumentException("A page has at most " + SHOWN + " rows");
		}
		if (!isWhole() && this.othersFrom != Math.max(0, pageable.getOffset() - people(this.maintainers))) {
			throw new IllegalStateException("Only the page of rows it was read for is there");
		}
		return new PageImpl<>(rows(pageable.getOffset(), pageable.getPageSize()), pageable, rowCount());
	}

	/**
	 * The affected subsystems the person maintains or reviews: what they may speak for
	 * here.
	 */
	public List<SubsystemMaintainer> maintainedBy(Long personId) {
		return this.maintainers.stream().filter((m) -> m.personId().equals(personId)).toList();
	}

	/** The person's current position, or null. */
	public PositionView positionOf(Long personId) {
		return this.positions.stream().filter((p) -> p.personId().equals(personId)).findFirst().orElse(null);
	}

	/**
	 * What the person may speak for on this session's form: the affected subsystems they
	 * maintain or review.
	 */
	public List<Readiness.SubsystemRef> speakingOptions(Long personId) {
		return maintainedBy(personId).stream()
			.map((m) -> new Readiness.SubsystemRef(m.subsystemId(), m.subsystemSlug(), m.subsystemName()))
			.toList();
	}

}
