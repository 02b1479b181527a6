package org.summittracker.shared;

import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;

/**
 * A page of a list whose matches are counted only so far past the page's first item
 * ({@link #AHEAD}), so that a list of a summit's 100,000 concerns counts no more rows
 * than one of a few hundred: when the count reaches its bound, the list says "more than"
 * that many ({@link #isExact()} is false, the total is the bound, and the pager says "or
 * more"); under it, the page is exactly what an exact count gives.
 *
 * @param <T> what is listed
 */
public final class CountedPage<T> extends PageImpl<T> {

	/** How many items past a page's first one a list counts. */
	public static final int AHEAD = 1000;

	private final boolean exact;

	private CountedPage(List<T> content, Pageable pageable, long total, boolean exact) {
		super(content, pageable, total);
		this.exact = exact;
	}

	/**
	 * The most rows a count for the page needs to read: up to {@link #AHEAD} past the
	 * page's first item, and one more to tell whether there are more; every row when the
	 * count must be exact.
	 */
	public static int limit(Pageable pageable, boolean exact) {
		return exact ? Integer.MAX_VALUE : (int) Math.min(Integer.MAX_VALUE, pageable.getOffset() + AHEAD + 1);
	}

	/**
	 * The number of rows a JPQL {@code from ... where ...} reads, with its parameters:
	 * all of them when {@code exact}, else at most {@link #limit(Pageable, boolean)}, for
	 * {@link #of(List, Pageable, long)}. Those are read a row a match and counted here:
	 * in JPQL a subquery with a limit needs an order, which would sort them.
	 */
	public static long count(EntityManager entityManager, String fromWhere, Map<String, Object> parameters,
			Pageable pageable, boolean exact) {
		if (exact) {
			TypedQuery<Long> count = entityManager.createQuery("select count(*)" + fromWhere, Long.class);
			parameters.forEach(count::setParameter);
			return count.getSingleResult();
		}
		TypedQuery<Integer> rows = entityManager.createQuery("select 1" + fromWhere, Integer.class);
		parameters.forEach(rows::setParameter);
		return rows.setMaxResults(limit(pageable, false)).getResultList().size();
	}

	/**
	 * The page, from the number of items a count that read at most
	 * {@link #limit(Pageable, boolean)} rows found.
	 */
	public static <T> CountedPage<T> of(List<T> content, Pageable pageable, long counted) {
		long bound = pageable.getOffset() + AHEAD;
		return (counted > bound) ? new CountedPage<>(content, pageable, bound, false)
				: new CountedPage<>(content, pageable, counted, true);
	}

	/**
	 * Whether the total is the number of all items, not the bound the count stopped at
	 * (then there are more).
	 */
	public boolean isExact() {
		return this.exact;
	}

	/**
	 * Whether a page's total is the number of all its items: every page's but a bounded
	 * one's.
	 */
	public static boolean exact(Page<?> page) {
		return !(page instanceof CountedPage<?> counted) || counted.isExact();
	}

	@Override
	public boolean equals(Object other) {
		return super.equals(other) && this.exact == ((CountedPage<?>) other).exact;
	}

	@Override
	public int hashCode() {
		return 31 * super.hashCode() + Boolean.hashCode(this.exact);
	}

}
