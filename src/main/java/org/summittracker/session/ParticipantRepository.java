package org.summittracker.session;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ParticipantRepository extends JpaRepository<Participant, Long> {

	boolean existsBySessionIdAndPersonIdAndRole(Long sessionId, Long personId, Participant.Role role);

}
