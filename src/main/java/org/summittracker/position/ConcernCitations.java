package org.summittracker.position;

import java.util.List;

import jakarta.persistence.EntityManager;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.summittracker.concern.ConcernPageSection;

import org.summittracker.shared.KeptByTables;

/**
 * The current positions that cite a concern, a section of the concern's page, in one
 * query.
 */
@Component
@Order(1)
class ConcernCitations implements ConcernPageSection {

	/** A position citing the concern: whose, and its stance. */
	public record Citation(String handle, String name, Stance stance) {
	}

	private final EntityManager entityManager;

	ConcernCitations(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	@KeptByTables
	@Override
	@Transactional(readOnly = true)
	public Section of(Long concernId) {
		return new Section("positions/concern-section", "citing", citing(concernId));
	}

	List<Citation> citing(Long concernId) {
		return this.entityManager
			.createQuery(
					"select new org.summittracker.position.ConcernCitations$Citation(pp.handle, pp.name, p.stance) "
							+ "from Position p join p.person pp join p.citedConcerns c "
							+ "where c.id = :concernId and p.withdrawnAt is null order by pp.name, p.id",
					Citation.class)
			.setParameter("concernId", concernId)
			.getResultList();
	}

}
