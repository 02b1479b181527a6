package org.summittracker.session;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DiscussionNoteRepository extends JpaRepository<DiscussionNote, Long> {

}
