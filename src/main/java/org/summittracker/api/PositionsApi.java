package org.summittracker.api;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.summittracker.account.Actor;
import org.summittracker.account.CurrentActor;
import org.summittracker.minutes.MinutesDocuments;
import org.summittracker.minutes.SessionMinutes.BuyInEntry;
import org.summittracker.position.PositionQueries;
import org.summittracker.position.PositionStatement;
import org.summittracker.position.Positions;
import org.summittracker.position.Stance;
import org.summittracker.session.Session;
import org.summittracker.session.SessionRepository;
import org.summittracker.shared.NotFoundException;
import org.summittracker.shared.StaleVersionException;

/**
 * A person's position (buy-in) in a session: read, recorded, confirmed and withdrawn
 * through {@link Positions}, as the pages do. Kept thin, so that it follows positions
 * when they become stances on a proposal.
 */
@RestController
@RequestMapping(path = "/api/v1/events/{event}/sessions/{session}/positions/{handle}", produces = "application/json")
class PositionsApi {

	private final Positions positions;

	private final PositionQueries queries;

	private final SessionRepository sessions;

	private final MinutesDocuments minutes;

	PositionsApi(Positions positions, PositionQueries queries, SessionRepository sessions, MinutesDocuments minutes) {
		this.positions = positions;
		this.queries = queries;
		this.sessions = sessions;
		this.minutes = minutes;
	}

	/**
	 * What recording a position sends: the stance ({@code supports},
	 * {@code supports-with-conditions}, {@code no-objection}, {@code undecided},
	 * {@code concerned}, {@code opposes}), the conditions, the rationale, the slug of a
	 * subsystem the person speaks for, and the keys of concerns it cites.
	 */
	record PositionBody(String stance, String conditions, String rationale, String speaksFor, List<String> concerns) {

	}

	/** A position, with the fields of the JSON minutes' buy-in, and its version. */
	record PositionResource(long version, BuyInEntry position) {

	}

	@GetMapping
	PositionResource position(@PathVariable String event, @PathVariable String session, @PathVariable String handle) {
		return resource(find(event, session), handle);
	}

	@PutMapping
	PositionResource record(@PathVariable String event, @PathVariable String session, @PathVariable String handle,
			@CurrentActor Actor actor, @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
			@RequestBody PositionBody body) {
		Session found = find(event, session);
		Long version = IfMatch.optional(ifMatch);
		boolean unversioned = ifMatch == null || ifMatch.isBlank();
		PositionStatement statement = new PositionStatement(handle,
				ApiEnums.parse(Stance.class, body.stance(), "stance", "position.stance.required"), body.conditions(),
				body.rationale(), body.speaksFor(), body.concerns(), unversioned ? PositionStatement.NONE : version,
				null);
		try {
			this.positions.record(actor, found, statement);
		}
		catch (StaleVersionException ex) {
			if (unversioned) {
				throw new ApiProblem.VersionRequired(handle + " has a position in this session already: send If-Match"
						+ " with its version to change it.");
			}
			throw ex;
		}
		return resource(found, handle);
	}

	@PostMapping("/confirmation")
	PositionResource confirm(@PathVariable String event, @PathVariable String session, @PathVariable String handle,
			@CurrentActor Actor actor, @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
		Session found = find(event, session);
		this.positions.confirm(actor, found, null, handle, IfMatch.required(ifMatch));
		return resource(found, handle);
	}

	@PostMapping("/withdrawal")
	PositionResource withdraw(@PathVariable String event, @PathVariable String session, @PathVariable String handle,
			@CurrentActor Actor actor, @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
		Session found = find(event, session);
		this.positions.withdraw(actor, found, null, handle, IfMatch.required(ifMatch));
		return resource(found, handle);
	}

	private PositionResource resource(Session session, String handle) {
		long version = this.queries.versionOf(session.getId(), handle)
			.orElseThrow(() -> new NotFoundException(handle + " has taken no position in this session"));
		BuyInEntry entry = this.minutes.of(session.getId())
			.buyIn()
			.stream()
			.filter((row) -> row.person().handle().equals(handle))
			.findFirst()
			.orElse(null);
		return new PositionResource(version, entry);
	}

	private Session find(String event, String session) {
		return ApiReads.session(event, session, this.sessions);
	}

}
