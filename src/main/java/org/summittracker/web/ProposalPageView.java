package org.summittracker.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;

import org.summittracker.shared.SectionPages;

/**
 * What the proposal page's pagers and its movement table show, prepared here rather than
 * walked in the template: each long section of the page is paged on its own, and a
 * pager's links keep the other sections where the reader left them.
 */
final class ProposalPageView {

	private ProposalPageView() {
	}

	/** The anchor each paged section's links scroll to. */
	private static String anchor(String param) {
		return switch (param) {
			case "page" -> "timeline";
			case "discussed" -> "sessions";
			default -> param;
		};
	}

	/**
	 * A page of the sessions that discussed it (all of them are read: the movement table
	 * and the readiness need them), empty past the last one.
	 */
	static Page<ProposalLife.DiscussedIn> discussedAt(List<ProposalLife.DiscussedIn> sessions, Pageable page) {
		int from = (int) Math.min(page.getOffset(), sessions.size());
		int to = Math.min(from + page.getPageSize(), sessions.size());
		return new PageImpl<>(sessions.subList(from, to), page, sessions.size());
	}

	/**
	 * The page's sections, each paged on its own, in the order its links name them (the
	 * first pages left out, so the plain page keeps its plain address).
	 */
	static SectionPages links(String key, int discussed, int concerns, int movements, int sessions, int page) {
		return SectionPages.at("/proposals/" + key, "proposal")
			.with("discussed", discussed)
			.with("concerns", concerns)
			.with("movements", movements)
			.with("sessions", sessions)
			.with("page", page);
	}

	static SectionPages.Pager pager(Page<?> page, SectionPages links, String param) {
		return links.pager(page, param, anchor(param));
	}

	/**
	 * A person's row of the movement table: their stance at the end of each session
	 * shown.
	 */
	record MovementRow(String handle, String name, List<String> stances) {
	}

	/**
	 * The movement table: a column for each of a window of the sessions that discussed
	 * the proposal, the last ones unless the reader went back ({@code from} and
	 * {@code to}, counting from 1, of {@code total}), with the links to earlier and later
	 * ones.
	 */
	record MovementTable(List<ProposalLife.DiscussedIn> sessions, List<MovementRow> rows, int from, int to, int total,
			String earlier, String later) {

		/** Whether some sessions have no column. */
		public boolean isWindowed() {
			return this.total > this.sessions.size();
		}

		/**
		 * The table for window {@code back} (1 for the last {@code columns} sessions, 2
		 * for those before, and so on; anything below 1 is the first, anything past the
		 * earliest window {@link org.summittracker.shared.PastTheEnd}).
		 */
		static MovementTable of(List<ProposalLife.DiscussedIn> sessions, List<ProposalLife.Movement> movements,
				int back, int columns, SectionPages links) {
			int total = sessions.size();
			int windows = Math.max(1, (total + columns - 1) / columns);
			links.within("sessions", back, windows, "movements");
			int window = Math.min(Math.max(back, 1), windows);
			int to = total - (window - 1) * columns;
			int from = Math.max(0, to - columns);
			List<MovementRow> rows = new ArrayList<>(movements.size());
			for (ProposalLife.Movement m : movements) {
				rows.add(new MovementRow(m.handle(), m.name(), m.words().subList(from, to)));
			}
			String earlier = (window < windows) ? links.to("sessions", window + 1, "movements") : null;
			String later = (window > 1) ? links.to("sessions", window - 1, "movements") : null;
			return new MovementTable(sessions.subList(from, to), rows, from + 1, to, total, earlier, later);
		}

	}

}
