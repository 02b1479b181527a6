package org.summittracker.session;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import org.summittracker.session.SessionViews.NoteOrigin;
import org.summittracker.session.SessionViews.NoteRevisionView;
import org.summittracker.session.SessionViews.NoteView;
import org.summittracker.session.SessionViews.SpeakerSuggestion;

public interface DiscussionNoteRepository extends JpaRepository<DiscussionNote, Long> {

	@Query("select coalesce(max(n.seq), 0) from DiscussionNote n where n.session.id = :sessionId")
	int findLastSeq(Long sessionId);

	@Query("""
			select n from DiscussionNote n
			where n.session.id = :sessionId and n.seq < :seq
			order by n.seq desc limit 1
			""")
	Optional<DiscussionNote> findBefore(Long sessionId, int seq);

	@Query("""
			select n from DiscussionNote n
			where n.session.id = :sessionId and n.seq > :seq
			order by n.seq limit 1
			""")
	Optional<DiscussionNote> findAfter(Long sessionId, int seq);

	@Query("""
			select new org.summittracker.session.SessionViews$NoteView(n.id, n.seq, sp.handle, sp.name, n.kind, n.body,
				n.struckAt, n.strikeReason, n.version)
			from DiscussionNote n join n.speaker sp
			where n.id = :noteId and n.session.id = :sessionId
			""")
	Optional<NoteView> findView(Long sessionId, Long noteId);

	@Query("""
			select new org.summittracker.session.SessionViews$NoteOrigin(n.id, s.id, n.seq, sp.handle, sp.name, n.kind,
				n.body, e.slug, s.slug)
			from DiscussionNote n join n.speaker sp join n.session s join s.event e
			where n.id = :noteId
			""")
	Optional<NoteOrigin> findOrigin(Long noteId);

	@Query("""
			select new org.summittracker.session.SessionViews$NoteRevisionView(r.change, r.seq, sp.handle, r.noteKind,
				r.body, r.reason, r.changedBy, r.changedAt)
			from NoteRevision r join r.speaker sp
			where r.note.id = :noteId
			order by r.changedAt desc, r.id desc
			""")
	List<NoteRevisionView> findRevisions(Long noteId);

	/** The session's participants and everyone who has spoken in it, by name. */
	@Query("""
			select new org.summittracker.session.SessionViews$SpeakerSuggestion(pe.handle, pe.name)
			from Person pe
			where pe.id in (select p.person.id from Participant p where p.session.id = :sessionId)
			   or pe.id in (select n.speaker.id from DiscussionNote n where n.session.id = :sessionId)
			order by pe.name, pe.handle
			""")
	List<SpeakerSuggestion> findSpeakerSuggestions(Long sessionId);

	@Query("""
			select count(p) > 0 from Participant p
			where p.session.id = :sessionId and p.person.id = :personId
			  and p.role = org.summittracker.session.Participant.Role.NOTE_TAKER
			""")
	boolean isNoteTaker(Long sessionId, Long personId);

}
