package org.summittracker.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
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
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import org.summittracker.account.Actor;
import org.summittracker.account.CurrentActor;
import org.summittracker.minutes.MinutesDocuments;
import org.summittracker.minutes.SessionMinutes.BuyInEntry;
import org.summittracker.position.BuyInQueries;
import org.summittracker.position.PositionQueries;
import org.summittracker.position.PositionStatement;
import org.summittracker.position.ProposalBuyIn;
import org.summittracker.position.Positions;
import org.summittracker.position.SessionBuyIn;
import org.summittracker.position.Stance;
import org.summittracker.proposal.Proposal;
import org.summittracker.proposal.Proposals;
import org.summittracker.session.Session;
import org.summittracker.session.SessionRepository;
import org.summittracker.shared.NotFoundException;
import org.summittracker.shared.PlainText;
import org.summittracker.shared.RuleViolation;
import org.summittracker.shared.StaleVersionException;

/**
 * A person's position (buy-in) in a session: read, recorded, confirmed and withdrawn
 * through {@link Positions}, as the pages do. {@code …/positions/{handle}} is the stance
 * on the session's main proposal; {@code …/proposals/{proposal}/positions/{handle}} the
 * stance on one proposal the session discusses (a sub-proposal's is counted apart).
 */
@RestController
@RequestMapping(path = "/api/v1/events/{event}/sessions/{session}", produces = "application/json")
class PositionsApi {

	private static final String MAIN = "/positions/{handle}";

	private static final String CHOSEN = "/proposals/{proposal}/positions/{handle}";

	private final Positions positions;

	private final PositionQueries queries;

	private final SessionRepository sessions;

	private final MinutesDocuments minutes;

	private final Proposals proposals;

	private final BuyInQueries buyIn;

	private final SubsystemSlugs subsystemSlugs;

	PositionsApi(Positions positions, PositionQueries queries, SessionRepository sessions, MinutesDocuments minutes,
			Proposals proposals, BuyInQueries buyIn, SubsystemSlugs subsystemSlugs) {
		this.subsystemSlugs = subsystemSlugs;
		this.positions = positions;
		this.queries = queries;
		this.sessions = sessions;
		this.minutes = minutes;
		this.proposals = proposals;
		this.buyIn = buyIn;
	}

	/**
	 * What recording a position sends: the stance ({@code supports},
	 * {@code supports-with-conditions}, {@code no-objection}, {@code undecided},
	 * {@code concerned}, {@code opposes}), the conditions, the rationale, the slug or
	 * name of a subsystem the person speaks for, and the keys of concerns it cites
	 * ({@code concerns}, or {@code citedConcerns} as read): a position read can be sent
	 * back.
	 */
	record PositionBody(String stance, String conditions, String rationale,
			@Schema(description = "The slug or the name of a subsystem the person maintains") String speaksFor,
			@JsonAlias("citedConcerns") @Schema(
					description = "The keys of the session's concerns it cites (also read as citedConcerns)") List<String> concerns) {

	}

	/**
	 * A position, with the fields of the JSON minutes' buy-in, its version, and the key
	 * of the proposal it is a stance on.
	 */
	record PositionResource(long version, String proposal, BuyInEntry position) {

	}

	/**
	 * The buy-in of the session's main proposal, or of the one {@code proposal} names, a
	 * page at a time: the affected subsystems' maintainers and reviewers first, then
	 * everyone else who took a position, by name (the buy-in table's rows); empty for a
	 * session that discusses no proposal.
	 */
	@GetMapping("/positions")
	ResponseEntity<ApiPage<BuyInEntry>> list(@PathVariable String event, @PathVariable String session,
			@RequestParam(required = false) String proposal, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		PageRequest request = ApiPage.request(page, size);
		Session found = find(event, session);
		// the page's rows only, and what readiness and the counts need
		List<ProposalBuyIn> discussed = this.buyIn.shown(found.getId(), null, request)
			.proposals()
			.getOrDefault(found.getId(), List.of());
		ProposalBuyIn chosen = discussed.stream()
			.filter((b) -> proposal == null || proposal.isBlank() || b.proposal().key().equals(proposal.strip()))
			.findFirst()
			.orElse(null);
		if (chosen == null && proposal != null && !proposal.isBlank()) {
			throw new ApiProblem.BadParameter("proposal",
					"This session discusses no proposal " + PlainText.printable(proposal) + ".");
		}
		if (chosen == null) {
			return ApiPage.of(new PageImpl<BuyInEntry>(List.of(), request, 0), (entry) -> entry);
		}
		Page<SessionBuyIn.Row> rows = chosen.buyIn().rowsPage(request);
		return ApiPage.of(
				new PageImpl<>(this.minutes.buyIn(chosen.buyIn(), rows.getContent()), request, rows.getTotalElements()),
				(entry) -> entry);
	}

	@GetMapping(MAIN)
	PositionResource position(@PathVariable String event, @PathVariable String session, @PathVariable String handle) {
		return resource(find(event, session), null, handle);
	}

	@GetMapping(CHOSEN)
	PositionResource positionOn(@PathVariable String event, @PathVariable String session, @PathVariable String proposal,
			@PathVariable String handle) {
		return resource(find(event, session), proposal, handle);
	}

	/**
	 * Records a position: 201 with its address when it is a new one (no {@code If-Match},
	 * and the person had none), 200 when it changes one.
	 */
	@ApiResponse(responseCode = "200", description = "Changed", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "201", description = "Recorded: a new position, its address in Location",
			useReturnTypeSchema = true)
	@PutMapping(MAIN)
	ResponseEntity<PositionResource> record(@PathVariable String event, @PathVariable String session,
			@PathVariable String handle, @CurrentActor Actor actor,
			@RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch, @RequestBody PositionBody body) {
		return answer(record(find(event, session), null, handle, actor, ifMatch, body), ifMatch,
				UriComponentsBuilder.fromPath("/api/v1/events/{event}/sessions/{session}" + MAIN)
					.buildAndExpand(event, session, handle));
	}

	@ApiResponse(responseCode = "200", description = "Changed", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "201", description = "Recorded: a new position, its address in Location",
			useReturnTypeSchema = true)
	@PutMapping(CHOSEN)
	ResponseEntity<PositionResource> recordOn(@PathVariable String event, @PathVariable String session,
			@PathVariable String proposal, @PathVariable String handle, @CurrentActor Actor actor,
			@RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch, @RequestBody PositionBody body) {
		return answer(record(find(event, session), proposal, handle, actor, ifMatch, body), ifMatch,
				UriComponentsBuilder.fromPath("/api/v1/events/{event}/sessions/{session}" + CHOSEN)
					.buildAndExpand(event, session, proposal, handle));
	}

	/** Without If-Match, a position was recorded only if the person had none: new. */
	private static ResponseEntity<PositionResource> answer(PositionResource recorded, String ifMatch,
			UriComponents address) {
		return (ifMatch == null || ifMatch.isBlank()) ? ResponseEntity.created(address.encode().toUri()).body(recorded)
				: ResponseEntity.ok(recorded);
	}

	@PostMapping(MAIN + "/confirmation")
	PositionResource confirm(@PathVariable String event, @PathVariable String session, @PathVariable String handle,
			@CurrentActor Actor actor, @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
		return confirmOn(event, session, null, handle, actor, ifMatch);
	}

	@PostMapping(CHOSEN + "/confirmation")
	PositionResource confirmOn(@PathVariable String event, @PathVariable String session, @PathVariable String proposal,
			@PathVariable String handle, @CurrentActor Actor actor,
			@RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
		return change(event, session, proposal, handle, ifMatch,
				(on, key, version) -> this.positions.confirm(actor, on, key, handle, version));
	}

	@PostMapping(MAIN + "/withdrawal")
	PositionResource withdraw(@PathVariable String event, @PathVariable String session, @PathVariable String handle,
			@CurrentActor Actor actor, @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
		return withdrawOn(event, session, null, handle, actor, ifMatch);
	}

	@PostMapping(CHOSEN + "/withdrawal")
	PositionResource withdrawOn(@PathVariable String event, @PathVariable String session, @PathVariable String proposal,
			@PathVariable String handle, @CurrentActor Actor actor,
			@RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
		return change(event, session, proposal, handle, ifMatch,
				(on, key, version) -> this.positions.withdraw(actor, on, key, handle, version));
	}

	/**
	 * A change of an existing position (confirming or withdrawing it) against the version
	 * named by If-Match: on the session's main proposal (no key) or on one it discusses.
	 */
	@FunctionalInterface
	private interface Change {

		void apply(Session session, String proposalKey, Long expectedVersion);

	}

	private PositionResource change(String event, String session, String proposal, String handle, String ifMatch,
			Change change) {
		Session found = find(event, session);
		String key = (proposal != null) ? discussed(found, proposal).getKey() : null;
		change.apply(found, key, IfMatch.required(ifMatch));
		return resource(found, key, handle);
	}

	private PositionResource record(Session session, String proposal, String handle, Actor actor, String ifMatch,
			PositionBody body) {
		String key = (proposal != null) ? discussed(session, proposal).getKey() : null;
		Long version = IfMatch.optional(ifMatch);
		boolean unversioned = ifMatch == null || ifMatch.isBlank();
		Stance stance = ApiEnums.parse(Stance.class, body.stance(), "stance", "position.stance.required");
		if (stance != null && !stance.citesConcerns() && body.concerns() != null && !body.concerns().isEmpty()) {
			// Said, not dropped: a client sends what it means.
			throw new RuleViolation("concerns", "position.concerns.not-cited", stance.label());
		}
		PositionStatement statement = new PositionStatement(handle, stance, body.conditions(), body.rationale(),
				this.subsystemSlugs.of(body.speaksFor()), body.concerns(),
				unversioned ? PositionStatement.NONE : version, key);
		try {
			this.positions.record(actor, session, statement);
		}
		catch (StaleVersionException ex) {
			if (unversioned) {
				throw new ApiProblem.VersionRequired(handle + " has a position on this proposal already: send If-Match"
						+ " with its version to change it.");
			}
			throw ex;
		}
		return resource(session, key, handle);
	}

	/**
	 * The position on the session's main proposal (no key), with its history, as the
	 * session's JSON minutes have it; or on the proposal of that key, as its buy-in table
	 * has it.
	 */
	private PositionResource resource(Session session, String key, String handle) {
		Proposal proposal;
		PositionQueries.Taken taken;
		if (key == null) {
			proposal = this.proposals.find(session, null)
				.orElseThrow(() -> new NotFoundException(handle + " has taken no position in this session"));
			taken = this.queries.takenOnMain(session.getId(), handle)
				.orElseThrow(() -> new NotFoundException(handle + " has taken no position in this session"));
		}
		else {
			proposal = discussed(session, key);
			taken = this.queries.takenOn(proposal.getId(), handle)
				.orElseThrow(() -> new NotFoundException(handle + " has taken no position on " + proposal.getKey()));
		}
		// the person's row alone: their current position (read as the reader's) and what
		// they maintain among the affected subsystems
		BuyInQueries.Shown shown = this.buyIn.judged(session.getId(), taken.personId());
		SessionBuyIn on = shown.proposals()
			.getOrDefault(session.getId(), List.of())
			.stream()
			.filter((b) -> b.proposal().id().equals(proposal.getId()))
			.findFirst()
			.map(ProposalBuyIn::buyIn)
			.orElse(null);
		SessionBuyIn.Row row = (on != null) ? on.rowOf(handle, shown.readerPositions().get(proposal.getId())) : null;
		// on the main proposal, as the session's minutes have it (with its history); on
		// another, as its buy-in table has it
		BuyInEntry entry = (row == null) ? null
				: (key == null) ? this.minutes.buyInEntry(on, row) : this.minutes.buyIn(on, List.of(row)).get(0);
		return new PositionResource(taken.version(), proposal.getKey(), entry);
	}

	private Proposal discussed(Session session, String key) {
		return this.proposals.find(session, key)
			.orElseThrow(() -> new NotFoundException("This session discusses no proposal " + PlainText.printable(key)));
	}

	private Session find(String event, String session) {
		return ApiReads.session(event, session, this.sessions);
	}

}
