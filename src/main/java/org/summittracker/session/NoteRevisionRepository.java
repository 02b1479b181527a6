package org.summittracker.session;

import org.springframework.data.jpa.repository.JpaRepository;

interface NoteRevisionRepository extends JpaRepository<NoteRevision, Long> {

	boolean existsByNoteId(Long noteId);

}
