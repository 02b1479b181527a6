package org.summittracker.session;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ParticipantRepository extends JpaRepository<Participant, Long> {

	/** Whether the person takes part in the session in that role. */
	@Query("""
			select count(p) > 0 from Participant p
			where p.session.id = :sessionId and p.person.id = :personId and p.role = :role
			""")
	boolean holds(Long sessionId, Long personId, Participant.Role role);

}
