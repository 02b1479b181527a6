package org.summittracker.api;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.annotation.JsonDeserialize;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.summittracker.account.Actor;
import org.summittracker.account.CurrentActor;
import org.summittracker.followup.FollowUp;
import org.summittracker.followup.FollowUpDraft;
import org.summittracker.followup.FollowUpFilter;
import org.summittracker.followup.FollowUpListing;
import org.summittracker.followup.FollowUpQueries;
import org.summittracker.followup.FollowUpStatus;
import org.summittracker.followup.FollowUps;
import org.summittracker.minutes.SessionMinutes.PersonRef;
import org.summittracker.session.SessionRepository;
import org.summittracker.shared.NotFoundException;

/**
 * Follow-ups: the list with the filters of /follow-ups, one follow-up, and assigning,
 * revising and moving one through {@link FollowUps}, as the pages do.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
class FollowUpsApi {

	private final FollowUpQueries queries;

	private final FollowUps followUps;

	private final SessionRepository sessions;

	private final Clock clock;

	FollowUpsApi(FollowUpQueries queries, FollowUps followUps, SessionRepository sessions, Clock clock) {
		this.queries = queries;
		this.followUps = followUps;
		this.sessions = sessions;
		this.clock = clock;
	}

	/**
	 * A follow-up, with the fields of the JSON minutes' follow-ups, where it belongs, and
	 * the {@code version} that {@code If-Match} names.
	 */
	record FollowUpResource(long id, String event, String session, long version, String title, PersonRef owner,
			LocalDate dueOn, String status, String statusLabel, String dropReason, String concern, Integer resolution,
			boolean overdue, Instant updatedAt) {

		static FollowUpResource of(FollowUpListing f, LocalDate today) {
			return new FollowUpResource(f.id(), f.eventSlug(), f.sessionSlug(), f.version(), f.title(),
					new PersonRef(f.ownerHandle(), f.ownerName(), f.ownerEmail()), f.dueOn(), ApiEnums.slug(f.status()),
					f.status().label(), f.dropReason(), f.concernKey(), f.resolutionSeq(),
					f.status().isActive() && f.dueOn() != null && f.dueOn().isBefore(today), f.updatedAt());
		}

	}

	/**
	 * What assigning or revising sends: the title, the owner (a handle, or the person as
	 * read: a follow-up read can be sent back), the due day, and optionally the key of a
	 * concern and the number of a resolution of the same session.
	 */
	record FollowUpBody(String title,
			@JsonDeserialize(
					using = PersonHandle.class) @Schema(
							description = "The owner's handle, or the owner as read ({\"handle\": \"ojeda\", …})",
							oneOf = {
									String.class, PersonRef.class }) String owner,
			LocalDate dueOn, String concern, Integer resolution){

		FollowUpDraft draft() {
			return new FollowUpDraft(this.title, this.owner, this.dueOn, this.concern, this.resolution);
		}

	}

	/**
	 * A move to another status ({@code open}, {@code in-progress}, {@code done},
	 * {@code dropped}, which needs a reason: {@code reason}, or {@code dropReason} as
	 * read).
	 */
	record FollowUpStatusBody(String status, @JsonAlias("dropReason") @Schema(
			description = "Why it is dropped (also read as dropReason)") String reason) {

	}

	@GetMapping("/follow-ups")
	ResponseEntity<ApiPage<FollowUpResource>> list(@RequestParam(required = false) String owner,
			@RequestParam(required = false) FollowUpStatus status, @RequestParam(required = false) String event,
			@RequestParam(required = false) String session, @RequestParam(required = false) Boolean overdue,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		LocalDate today = today();
		FollowUpFilter filter = new FollowUpFilter(blankToNull(owner), status, blankToNull(event), blankToNull(session),
				Boolean.TRUE.equals(overdue));
		return ApiPage.of(this.queries.page(filter, today, ApiPage.request(page, size), true),
				(f) -> FollowUpResource.of(f, today));
	}

	@GetMapping("/follow-ups/{id}")
	FollowUpResource followUp(@PathVariable long id) {
		return FollowUpResource.of(find(id), today());
	}

	@ApiResponse(responseCode = "201", description = "Assigned: its address in Location", useReturnTypeSchema = true)
	@PostMapping("/events/{event}/sessions/{session}/follow-ups")
	ResponseEntity<FollowUpResource> assign(@PathVariable String event, @PathVariable String session,
			@CurrentActor Actor actor, @RequestBody FollowUpBody body) {
		FollowUp assigned = this.followUps.assign(ApiReads.session(event, session, this.sessions).getId(), body.draft(),
				actor);
		return ResponseEntity.status(HttpStatus.CREATED)
			.location(URI.create("/api/v1/follow-ups/" + assigned.getId()))
			.body(FollowUpResource.of(find(assigned.getId()), today()));
	}

	@PutMapping("/follow-ups/{id}")
	FollowUpResource revise(@PathVariable long id, @CurrentActor Actor actor,
			@RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch, @RequestBody FollowUpBody body) {
		FollowUpListing current = find(id);
		this.followUps.revise(id, version(ifMatch, current), body.draft(), actor);
		return FollowUpResource.of(find(id), today());
	}

	@PostMapping("/follow-ups/{id}/status")
	FollowUpResource move(@PathVariable long id, @CurrentActor Actor actor,
			@RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
			@RequestBody FollowUpStatusBody body) {
		FollowUpListing current = find(id);
		this.followUps.move(id, version(ifMatch, current),
				ApiEnums.parse(FollowUpStatus.class, body.status(), "status", "followup.status.unknown"), body.reason(),
				actor);
		return FollowUpResource.of(find(id), today());
	}

	private static long version(String ifMatch, FollowUpListing current) {
		Long version = IfMatch.required(ifMatch);
		return (version != null) ? version : current.version();
	}

	private FollowUpListing find(long id) {
		return this.queries.find(id).orElseThrow(() -> new NotFoundException("No follow-up " + id));
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
