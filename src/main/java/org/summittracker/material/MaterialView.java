package org.summittracker.material;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Page;

import org.summittracker.shared.Pages;

/**
 * An item of a session's material as pages show it: its kind, title, address, who it is
 * by (handle and name, or none), and whether and why it was withdrawn.
 */
public record MaterialView(Long id, MaterialKind kind, String title, String url, String byHandle, String byName,
		String byEmail, Instant withdrawnAt, String withdrawalReason, long version) {

	/**
	 * The items a session page shows (those not withdrawn, in the order they were added):
	 * all of them, as a session holds at most {@link Material#PER_SESSION_MAX}.
	 */
	public static final int SHOWN = Material.PER_SESSION_MAX;

	/** The columns each query here reads, in {@link #of}'s order. */
	private static final String COLUMNS = """
			select m.id, m.kind, m.title, m.url, b.handle, b.name, b.email, m.withdrawn_at, m.withdrawal_reason,
				m.version""";

	/**
	 * The items of the session {@code ?} ({@code bigint[]} of one id) not withdrawn, as
	 * {@link #of} reads them, with the number of all as the last column.
	 */
	public static final String SHOWN_ROWS = COLUMNS + """
			, count(*) over () as total
			from session_material m left join person b on b.id = m.by_id
			where m.session_id = any(?) and m.withdrawn_at is null
			order by m.session_id, m.id
			limit\s""" + SHOWN;

	/**
	 * Every item of the session {@code ?}, withdrawn ones too, as {@link #of} reads them.
	 */
	static final String ALL_ROWS = COLUMNS + """

			from session_material m left join person b on b.id = m.by_id
			where m.session_id = any(?)
			order by m.id""";

	/** An item from a row as {@link #SHOWN_ROWS} lists it. */
	public static MaterialView of(Object[] row) {
		return new MaterialView((Long) row[0],
				(row[1] instanceof MaterialKind kind) ? kind : MaterialKind.valueOf((String) row[1]), (String) row[2],
				(String) row[3], (String) row[4], (String) row[5], (String) row[6], (Instant) row[7], (String) row[8],
				((Number) row[9]).longValue());
	}

	/** The items of a session page, from rows as {@link #SHOWN_ROWS} lists them. */
	public static Page<MaterialView> shown(List<Object[]> rows) {
		return Pages.first(rows, SHOWN, MaterialView::of);
	}

	public boolean isWithdrawn() {
		return this.withdrawnAt != null;
	}

	/** The message key of its kind's word. */
	public String kindKey() {
		return "material.kind." + this.kind.name();
	}

}
