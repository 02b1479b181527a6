package org.summittracker.shared;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Pages in URLs count from 1; Spring Data's from 0.
 */
public final class Pages {

	private Pages() {
	}

	/**
	 * The address of a list with its filters in the query (those with a value), for its
	 * pages' links.
	 */
	public static String base(String path, Map<String, String> filters) {
		UriComponentsBuilder base = UriComponentsBuilder.fromPath(path);
		filters.forEach((name, value) -> {
			if (value != null) {
				base.queryParam(name, value);
			}
		});
		return base.build().encode().toUriString();
	}

	/**
	 * The page a URL names (anything below 1 is the first), of the given size; a page
	 * past the last one is empty, however far past (its offset is kept within what a
	 * query can skip).
	 */
	public static PageRequest request(int page, int size) {
		int last = Integer.MAX_VALUE / size;
		return PageRequest.of(Math.min(Math.max(page, 1) - 1, last), size);
	}

	/**
	 * A page read with its total in the same statement: each row is an item and the
	 * number of all items ({@code count(*) over ()}), so a list longer than a page costs
	 * no count query, and a list issues as many statements at summit scale as on the demo
	 * data. Only a page past the last one (no rows to carry the total) counts separately.
	 */
	@SuppressWarnings("unchecked")
	public static <T> Page<T> withTotal(List<Object[]> rows, Pageable pageable, LongSupplier count) {
		if (rows.isEmpty()) {
			return new PageImpl<>(List.of(), pageable, (pageable.getOffset() > 0) ? count.getAsLong() : 0);
		}
		List<T> items = rows.stream().map((row) -> (T) row[0]).toList();
		return new PageImpl<>(items, pageable, total(rows));
	}

	/**
	 * The first items of a list that a page shows, from rows read with a limit and the
	 * number of all items as their last column ({@code count(*) over ()}): a first page
	 * of {@code size} whose total says how many there are in all.
	 */
	public static <T> Page<T> first(List<Object[]> rows, int size, Function<Object[], T> item) {
		return first(rows.stream().map(item).toList(), size, total(rows));
	}

	/** The first items of a list that a page shows, of {@code total} in all. */
	public static <T> Page<T> first(List<T> items, int size, long total) {
		return new PageImpl<>(items, PageRequest.of(0, size), total);
	}

	/**
	 * The number of all items, from rows that carry it as their last column (none when
	 * there are no rows).
	 */
	public static long total(List<Object[]> rows) {
		return rows.isEmpty() ? 0 : ((Number) rows.get(0)[rows.get(0).length - 1]).longValue();
	}

}
