package org.summittracker.api;

import java.time.Instant;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.annotation.JsonDeserialize;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import org.summittracker.account.Actor;
import org.summittracker.account.CurrentActor;
import org.summittracker.minutes.SessionMinutes.PersonRef;
import org.summittracker.people.Person;
import org.summittracker.session.DiscussionNote;
import org.summittracker.session.DiscussionNotes;
import org.summittracker.session.NoteDraft;
import org.summittracker.session.SessionRepository;

/**
 * Adding a discussion note to a session, through {@link DiscussionNotes}: organizers, and
 * maintainers who take the session's notes, as on the live notes page.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
class NotesApi {

	private final DiscussionNotes notes;

	private final SessionRepository sessions;

	NotesApi(DiscussionNotes notes, SessionRepository sessions) {
		this.notes = notes;
		this.sessions = sessions;
	}

	/**
	 * A note: who spoke ({@code speaker}, a handle or a person as read), what kind of
	 * thing they said ({@code remark}, {@code question}, {@code answer},
	 * {@code proposal}, {@code objection}) and what.
	 */
	record NoteBody(@JsonDeserialize(using = PersonHandle.class) @Schema(
			description = "The speaker's handle, or"
					+ " the speaker as the session's notes have it ({\"handle\": \"ojeda\", …})",
			oneOf = {
					String.class, PersonRef.class }) String speaker,
			String kind, String body){

	}

	/**
	 * A note as taken, with the fields of the JSON minutes' notes (the speaker a person,
	 * as there).
	 */
	record NoteResource(int seq, PersonRef speaker, String kind, String body, Instant createdAt, long version) {

	}

	@ApiResponse(responseCode = "201", description = "Taken: the session's address in Location",
			useReturnTypeSchema = true)
	@PostMapping("/events/{event}/sessions/{session}/notes")
	ResponseEntity<NoteResource> take(@PathVariable String event, @PathVariable String session,
			@CurrentActor Actor actor, @RequestBody NoteBody body) {
		Long sessionId = ApiReads.session(event, session, this.sessions).getId();
		NoteDraft draft = new NoteDraft(body.speaker(),
				ApiEnums.parse(DiscussionNote.Kind.class, body.kind(), "kind", "note.kind.required"), body.body());
		DiscussionNote note = this.notes.take(sessionId, draft, actor);
		Person speaker = note.getSpeaker();
		// A note has no address of its own: it is read with its session, under notes.
		return ResponseEntity.status(HttpStatus.CREATED)
			.location(UriComponentsBuilder.fromPath("/api/v1/events/{event}/sessions/{session}")
				.buildAndExpand(event, session)
				.encode()
				.toUri())
			.body(new NoteResource(note.getSeq(),
					new PersonRef(speaker.getHandle(), speaker.getName(), speaker.getEmail()),
					ApiEnums.slug(note.getKind()), note.getBody(), note.getCreatedAt(), note.getVersion()));
	}

}
