package org.summittracker.api;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.annotation.JsonDeserialize;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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
import org.summittracker.concern.Concern;
import org.summittracker.concern.CategoryView;
import org.summittracker.concern.ConcernDraft;
import org.summittracker.concern.ConcernLifecycle;
import org.summittracker.concern.ConcernListing;
import org.summittracker.concern.ConcernListing.Editable;
import org.summittracker.concern.ConcernListing.SessionRef;
import org.summittracker.concern.ConcernStatus;
import org.summittracker.minutes.MinutesDocuments;
import org.summittracker.minutes.SessionMinutes.ConcernEntry;
import org.summittracker.minutes.SessionMinutes.PersonRef;
import org.summittracker.minutes.SessionMinutes.Response;
import org.summittracker.minutes.SessionMinutes.StatusChange;
import org.summittracker.shared.NotFoundException;
import org.summittracker.shared.RuleViolation;

/**
 * Concerns: the list with the filters of /concerns, one concern with its responses and
 * history, and filing, editing, responding to and changing the status of a concern
 * through {@link ConcernLifecycle}, as the pages do.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
class ConcernsApi {

	private static final String CONCERN = "/events/{event}/sessions/{session}/concerns/{key}";

	private final ConcernListing listing;

	private final ConcernLifecycle lifecycle;

	private final MinutesDocuments minutes;

	private final SubsystemSlugs subsystemSlugs;

	ConcernsApi(ConcernListing listing, ConcernLifecycle lifecycle, MinutesDocuments minutes,
			SubsystemSlugs subsystemSlugs) {
		this.listing = listing;
		this.lifecycle = lifecycle;
		this.minutes = minutes;
		this.subsystemSlugs = subsystemSlugs;
	}

	/**
	 * A concern as /concerns lists it, its raiser a person as one concern has it (with no
	 * address), and how many responses it has (one concern lists them).
	 */
	record ConcernItem(String event, String session, String key, String title, String category, PersonRef raisedBy,
			String status, boolean blocking, Instant raisedAt,
			@Schema(description = "How many responses it has") long responseCount, List<String> subsystems) {

		static ConcernItem of(ConcernListing.Item item) {
			return new ConcernItem(item.eventSlug(), item.sessionSlug(), item.key(), item.title(), item.categoryName(),
					new PersonRef(item.raiserHandle(), item.raiserName(), null),
					item.status().name().toLowerCase(Locale.ROOT), item.blocking(), item.createdAt(), item.responses(),
					item.subsystems());
		}

	}

	/**
	 * One concern, with the fields of the JSON minutes' concerns and the {@code version}
	 * that {@code If-Match} names.
	 */
	record ConcernResource(String event, String session, long version, String key, String title, String category,
			PersonRef raisedBy, String status, boolean blocking, String blockingReason, String statusNote,
			LocalDate revisitOn, List<String> subsystems, String body, Instant raisedAt, List<Response> responses,
			List<StatusChange> history) {

	}

	/**
	 * What filing or editing a concern sends. {@code key} is derived from the title when
	 * left out; {@code category} is a category's slug or its name; {@code subsystems} are
	 * slugs or names; {@code raiser} is a handle or, as read under {@code raisedBy}, a
	 * person (organizers only; yourself when left out).
	 */
	record ConcernBody(String key, String title, String category, List<String> subsystems, String body,
			Boolean blocking, String blockingReason,
			@JsonAlias("raisedBy") @JsonDeserialize(using = PersonHandle.class) @Schema(
					description = "Who raises it: a handle, or the person as read under raisedBy (organizers only;"
							+ " yourself when left out)",
					oneOf = {
							String.class, PersonRef.class }) String raiser){

		/**
		 * The draft, the category and the subsystems named by their slugs or, as the API
		 * writes them, by their names: what a client read, it can send back.
		 */
		ConcernDraft draft(List<CategoryView> categories, SubsystemSlugs subsystemSlugs) {
			String slug = (this.category != null) ? categories.stream()
				.filter((known) -> known.name().equalsIgnoreCase(this.category.strip()))
				.map(CategoryView::slug)
				.findFirst()
				.orElse(this.category) : null;
			return new ConcernDraft(this.key, this.title, slug, subsystemSlugs.of(this.subsystems), this.body,
					Boolean.TRUE.equals(this.blocking), this.blockingReason);
		}

	}

	/** A response to a concern. */
	record ResponseBody(String body) {

	}

	/**
	 * A move to another status ({@code open}, {@code resolved}, {@code withdrawn},
	 * {@code deferred}, {@code overruled}), with its note ({@code note}, or
	 * {@code statusNote} as read) and, when deferred, the day to revisit it.
	 */
	record ConcernStatusBody(String status,
			@JsonAlias("statusNote") @Schema(description = "Why (also read as statusNote)") String note,
			LocalDate revisitOn) {

		ConcernStatus parsed() {
			try {
				return ConcernStatus.valueOf(String.valueOf(this.status).toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new RuleViolation("status", "concern.status.unknown");
			}
		}

	}

	@GetMapping("/concerns")
	ResponseEntity<ApiPage<ConcernItem>> list(@ModelAttribute ConcernListing.Filters filters,
			@RequestParam(required = false) Integer size) {
		int pageSize = ApiPage.request(filters.page(), size).getPageSize();
		try {
			return ApiPage.of(
					this.listing.page(filters, this.listing.events(), this.listing.categories(), true, pageSize),
					ConcernItem::of);
		}
		catch (RuleViolation ex) {
			throw new ApiProblem.BadFilters(ex);
		}
	}

	@GetMapping(CONCERN)
	ConcernResource concern(@PathVariable String event, @PathVariable String session, @PathVariable String key) {
		SessionRef ref = session(event, session);
		return resource(ref, editable(ref, key));
	}

	@ApiResponse(responseCode = "201", description = "Filed: its address in Location", useReturnTypeSchema = true)
	@PostMapping("/events/{event}/sessions/{session}/concerns")
	ResponseEntity<ConcernResource> file(@PathVariable String event, @PathVariable String session,
			@CurrentActor Actor actor, @RequestBody ConcernBody body) {
		SessionRef ref = session(event, session);
		Concern concern = this.lifecycle.file(ref.id(), body.draft(this.listing.categories(), this.subsystemSlugs),
				body.raiser(), actor);
		ConcernResource filed = resource(ref, editable(ref, concern.getKey()));
		return ResponseEntity.status(HttpStatus.CREATED).location(URI.create(address(ref, filed.key()))).body(filed);
	}

	@PutMapping(CONCERN)
	ConcernResource edit(@PathVariable String event, @PathVariable String session, @PathVariable String key,
			@CurrentActor Actor actor, @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
			@RequestBody ConcernBody body) {
		SessionRef ref = session(event, session);
		Editable concern = editable(ref, key);
		Long version = IfMatch.required(ifMatch);
		Concern saved = this.lifecycle.edit(concern.id(), (version != null) ? version : concern.version(),
				body.draft(this.listing.categories(), this.subsystemSlugs), actor);
		return resource(ref, editable(ref, saved.getKey()));
	}

	@ApiResponse(responseCode = "201", description = "Responded: the concern, its address in Location",
			useReturnTypeSchema = true)
	@PostMapping(CONCERN + "/responses")
	ResponseEntity<ConcernResource> respond(@PathVariable String event, @PathVariable String session,
			@PathVariable String key, @CurrentActor Actor actor, @RequestBody ResponseBody body) {
		SessionRef ref = session(event, session);
		this.lifecycle.respond(editable(ref, key).id(), body.body(), actor);
		// A response has no address of its own: it is read with its concern.
		return ResponseEntity.status(HttpStatus.CREATED)
			.location(URI.create(address(ref, key)))
			.body(resource(ref, editable(ref, key)));
	}

	@PostMapping(CONCERN + "/status")
	ConcernResource changeStatus(@PathVariable String event, @PathVariable String session, @PathVariable String key,
			@CurrentActor Actor actor, @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
			@RequestBody ConcernStatusBody body) {
		SessionRef ref = session(event, session);
		Editable concern = editable(ref, key);
		Long version = IfMatch.required(ifMatch);
		this.lifecycle.transition(concern.id(), body.parsed(), body.note(), body.revisitOn(), version, actor);
		return resource(ref, editable(ref, key));
	}

	private ConcernResource resource(SessionRef ref, Editable editable) {
		ConcernEntry entry = this.minutes.of(ref.id())
			.concerns()
			.stream()
			.filter((c) -> c.key().equals(editable.key()))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("No concern " + editable.key()));
		return new ConcernResource(ref.eventSlug(), ref.slug(), editable.version(), entry.key(), entry.title(),
				entry.category(), entry.raisedBy(), entry.status(), entry.blocking(), entry.blockingReason(),
				entry.statusNote(), entry.revisitOn(), entry.subsystems(), entry.body(), entry.raisedAt(),
				entry.responses(), entry.history());
	}

	private SessionRef session(String event, String session) {
		return this.listing.session(event, session)
			.orElseThrow(() -> new NotFoundException("No session " + session + " in " + event));
	}

	private Editable editable(SessionRef ref, String key) {
		return this.listing.editable(ref.id(), key).orElseThrow(() -> new NotFoundException("No concern " + key));
	}

	private static String address(SessionRef ref, String key) {
		return "/api/v1/events/" + ref.eventSlug() + "/sessions/" + ref.slug() + "/concerns/" + key;
	}

}
