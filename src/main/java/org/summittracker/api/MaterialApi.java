package org.summittracker.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import tools.jackson.databind.annotation.JsonDeserialize;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
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
import org.summittracker.material.Material;
import org.summittracker.material.MaterialDraft;
import org.summittracker.material.MaterialKind;
import org.summittracker.material.MaterialQueries;
import org.summittracker.material.MaterialView;
import org.summittracker.material.SessionMaterial;
import org.summittracker.minutes.SessionMinutes.PersonRef;
import org.summittracker.session.Session;
import org.summittracker.session.SessionRepository;
import org.summittracker.shared.NotFoundException;

/**
 * A session's material (slides, recordings, reports, threads, patch series): every item,
 * withdrawn ones too, one item, and adding, editing and withdrawing one through
 * {@link SessionMaterial}, as the material page does: organizers and the session's leads,
 * speakers and note-takers, under the same rules.
 */
@RestController
@RequestMapping(path = "/api/v1/events/{event}/sessions/{session}/material", produces = "application/json")
class MaterialApi {

	private final SessionMaterial material;

	private final MaterialQueries queries;

	private final SessionRepository sessions;

	MaterialApi(SessionMaterial material, MaterialQueries queries, SessionRepository sessions) {
		this.material = material;
		this.queries = queries;
		this.sessions = sessions;
	}

	/**
	 * An item, with the fields of the JSON minutes' material, where it belongs, whether
	 * and why it was withdrawn, and the {@code version} that {@code If-Match} names.
	 */
	record MaterialResource(long id, String event, String session, long version,
			@Schema(description = "What it is: slides, recording, report, thread, patches or other") String kind,
			String title, @Schema(description = "Where it is: an absolute http or https URL") String url,
			@Schema(description = "Who it is by, null when nobody is named") PersonRef by,
			@Schema(description = "Whether it was withdrawn (it then leaves the session page and the minutes,"
					+ " and is no longer changed)") boolean withdrawn,
			Instant withdrawnAt, @Schema(description = "Why it was withdrawn") String withdrawalReason) {

		static MaterialResource of(Session session, MaterialView item) {
			return new MaterialResource(item.id(), session.getEvent().getSlug(), session.getSlug(), item.version(),
					ApiEnums.slug(item.kind()), item.title(), item.url(),
					(item.byHandle() != null) ? new PersonRef(item.byHandle(), item.byName(), item.byEmail()) : null,
					item.isWithdrawn(), item.withdrawnAt(), item.withdrawalReason());
		}

	}

	/**
	 * What adding or editing an item sends: its kind, title, address and who it is by (a
	 * handle, or the person as read; left out or null for nobody).
	 */
	record MaterialBody(
			@Schema(description = "What it is: slides, recording, report, thread, patches or other") String kind,
			String title, @Schema(description = "Where it is: an absolute http or https URL") String url,
			@JsonDeserialize(using = PersonHandle.class) @Schema(
					description = "Who it is by: a handle, or the person as read ({\"handle\": \"ojeda\", …});"
							+ " null for nobody",
					oneOf = {
							String.class, PersonRef.class }) String by){

		MaterialDraft draft() {
			return new MaterialDraft(ApiEnums.parse(MaterialKind.class, this.kind, "kind", "material.kind.unknown"),
					this.title, this.url, this.by);
		}

	}

	/** Why an item is withdrawn ({@code reason}, or {@code withdrawalReason} as read). */
	record MaterialWithdrawalBody(@JsonAlias("withdrawalReason") @Schema(
			description = "Why it is withdrawn (also read as withdrawalReason)") String reason) {

	}

	/** The session's items, withdrawn ones too, in the order they were added. */
	@GetMapping
	ResponseEntity<ApiPage<MaterialResource>> list(@PathVariable String event, @PathVariable String session,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		PageRequest request = ApiPage.request(page, size);
		Session found = ApiReads.session(event, session, this.sessions);
		// at most Material.PER_SESSION_MAX items, read in one statement and paged here
		List<MaterialView> all = this.queries.all(found.getId());
		int from = (int) Math.min(request.getOffset(), all.size());
		return ApiPage.of(new PageImpl<>(all.subList(from, Math.min(from + request.getPageSize(), all.size())), request,
				all.size()), (item) -> MaterialResource.of(found, item));
	}

	@GetMapping("/{id}")
	MaterialResource item(@PathVariable String event, @PathVariable String session, @PathVariable long id) {
		Session found = ApiReads.session(event, session, this.sessions);
		return MaterialResource.of(found, find(found, id));
	}

	@ApiResponse(responseCode = "201", description = "Added: its address in Location", useReturnTypeSchema = true)
	@PostMapping
	ResponseEntity<MaterialResource> add(@PathVariable String event, @PathVariable String session,
			@CurrentActor Actor actor, @RequestBody MaterialBody body) {
		Session found = ApiReads.session(event, session, this.sessions);
		// who may, before what they sent is read
		this.material.require(actor, found.getId());
		Material added = this.material.add(found.getId(), body.draft(), actor);
		return ResponseEntity.status(HttpStatus.CREATED)
			.location(URI.create("/api/v1/events/" + found.getEvent().getSlug() + "/sessions/" + found.getSlug()
					+ "/material/" + added.getId()))
			.body(MaterialResource.of(found, find(found, added.getId())));
	}

	@PutMapping("/{id}")
	MaterialResource edit(@PathVariable String event, @PathVariable String session, @PathVariable long id,
			@CurrentActor Actor actor, @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
			@RequestBody MaterialBody body) {
		return change(event, session, id, actor, ifMatch,
				(sessionId, version) -> this.material.edit(sessionId, id, version, body.draft(), actor));
	}

	@PostMapping("/{id}/withdrawal")
	MaterialResource withdraw(@PathVariable String event, @PathVariable String session, @PathVariable long id,
			@CurrentActor Actor actor, @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
			@RequestBody MaterialWithdrawalBody body) {
		return change(event, session, id, actor, ifMatch,
				(sessionId, version) -> this.material.withdraw(sessionId, id, version, body.reason(), actor));
	}

	/** A change of an existing item against the version If-Match names. */
	@FunctionalInterface
	private interface Change {

		void apply(Long sessionId, long version);

	}

	/**
	 * Changes item {@code id} of the session: who may first, then against which version
	 * (the current one for {@code *}), then what was sent; answers the item as it is now.
	 */
	private MaterialResource change(String event, String session, long id, Actor actor, String ifMatch, Change change) {
		Session found = ApiReads.session(event, session, this.sessions);
		MaterialView current = find(found, id);
		this.material.require(actor, found.getId());
		Long version = IfMatch.required(ifMatch);
		change.apply(found.getId(), (version != null) ? version : current.version());
		return MaterialResource.of(found, find(found, id));
	}

	private MaterialView find(Session session, long id) {
		return this.queries.find(session.getId(), id)
			.orElseThrow(() -> new NotFoundException("No material " + id + " in this session"));
	}

}
