package org.summittracker.material;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.summittracker.shared.KeptReads;
import org.summittracker.shared.RoundTrip;

/**
 * Reads a session's material as the material page and the API list it: every item,
 * withdrawn ones too, in the order they were added (a session holds at most
 * {@link Material#PER_SESSION_MAX}), in one statement kept by the stamps of its tables.
 */
@Component
public class MaterialQueries {

	private final KeptReads kept;

	private final EntityManager entityManager;

	private final TransactionTemplate readOnly;

	MaterialQueries(KeptReads kept, EntityManager entityManager, PlatformTransactionManager transactions) {
		this.kept = kept;
		this.entityManager = entityManager;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	/** Every item of the session, withdrawn ones too, in the order they were added. */
	public List<MaterialView> all(Long sessionId) {
		return this.readOnly.execute(
				(status) -> RoundTrip.read(this.kept, this.entityManager, MaterialView.ALL_ROWS, List.of(sessionId))
					.get(0)
					.stream()
					.map(MaterialView::of)
					.toList());
	}

	/** Item {@code id} of the session, withdrawn or not. */
	public Optional<MaterialView> find(Long sessionId, long id) {
		return all(sessionId).stream().filter((m) -> m.id() == id).findFirst();
	}

}
