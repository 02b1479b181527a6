package org.summittracker.position;

import java.util.List;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current positions that cite a concern, for the concern's page, in one query.
 */
@Component
public class ConcernCitations {

	/** A position citing the concern: whose, and its stance. */
	public record Citation(String handle, String name, Stance stance) {
	}

	private final EntityManager entityManager;

	ConcernCitations(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	@Transactional(readOnly = true)
	public List<Citation> citing(Long concernId) {
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
