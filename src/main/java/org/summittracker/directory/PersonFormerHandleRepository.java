package org.summittracker.directory;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PersonFormerHandleRepository extends JpaRepository<PersonFormerHandle, Long> {

	boolean existsByHandle(String handle);

	@Query("select p.handle from PersonFormerHandle f join f.person p where f.handle = :handle")
	Optional<String> findCurrentHandle(String handle);

	@Modifying
	@Query("delete from PersonFormerHandle f where f.person.id = :personId and f.handle = :handle")
	void release(Long personId, String handle);

}
