package org.summittracker.directory;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PersonFormerHandleRepository extends JpaRepository<PersonFormerHandle, Long> {

	/**
	 * The handles starting with {@code prefix} (backed by person_handle_prefix_idx) of
	 * people other than {@code exceptId}, and the former handles starting with it of
	 * people other than them: none of them can be {@code exceptId}'s.
	 */
	@Query(value = """
			select handle from person where handle like :prefix || '%' and id <> :exceptId
			union select handle from person_former_handle where handle like :prefix || '%' and person_id <> :exceptId
			""", nativeQuery = true)
	java.util.Set<String> findHandlesTakenStartingWith(String prefix, long exceptId);

	@Query("select p.handle from PersonFormerHandle f join f.person p where f.handle = :handle")
	Optional<String> findCurrentHandle(String handle);

	@Modifying
	@Query("delete from PersonFormerHandle f where f.person.id = :personId and f.handle = :handle")
	void release(Long personId, String handle);

}
