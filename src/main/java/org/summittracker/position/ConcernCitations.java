package org.summittracker.position;

import java.util.List;

import jakarta.persistence.EntityManager;

import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.summittracker.concern.ConcernPageSection;

import org.summittracker.shared.KeptByTables;
import org.summittracker.shared.Pages;
import org.summittracker.shared.SectionPages;

/**
 * The current positions that cite a concern, a section of the concern's page, a page at a
 * time, in one query.
 */
@Component
@Order(1)
class ConcernCitations implements ConcernPageSection {

	/** Positions on one page of the section. */
	static final int PAGE = 50;

	/** The query parameter of the concern's page that pages this section. */
	static final String PARAM = "citing";

	/** A position citing the concern: whose, and its stance. */
	public record Citation(String handle, String name, Stance stance) {
	}

	private static final String CITING = "from Position p join p.person pp join p.citedConcerns c "
			+ "where c.id = :concernId and p.withdrawnAt is null";

	private final EntityManager entityManager;

	ConcernCitations(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	@KeptByTables
	@Override
	@Transactional(readOnly = true)
	public Section of(Long concernId, SectionPages pages) {
		Page<Citation> citing = citing(concernId, Pages.request(pages.page(PARAM), PAGE));
		return new Section("positions/concern-section", "citing", citing, pages.pager(citing, PARAM, "citing"));
	}

	/**
	 * A page of the current positions citing the concern, with their number in the same
	 * statement ({@link Pages#withTotal}).
	 */
	Page<Citation> citing(Long concernId, Pageable page) {
		List<Object[]> rows = this.entityManager
			.createQuery(
					"select new org.summittracker.position.ConcernCitations$Citation(pp.handle, pp.name, p.stance), "
							+ "count(*) over () " + CITING + " order by pp.name, p.id",
					Object[].class)
			.setParameter("concernId", concernId)
			.setFirstResult((int) page.getOffset())
			.setMaxResults(page.getPageSize())
			.getResultList();
		return Pages.withTotal(rows, page,
				() -> this.entityManager.createQuery("select count(p) " + CITING, Long.class)
					.setParameter("concernId", concernId)
					.getSingleResult());
	}

}
