package org.summittracker.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import org.summittracker.minutes.MinutesDocuments;
import org.summittracker.minutes.SessionMinutes.BuyInEntry;
import org.summittracker.minutes.SessionMinutes.PersonRef;
import org.summittracker.minutes.SessionMinutes.ReadinessEntry;
import org.summittracker.position.SessionBuyIn;
import org.summittracker.proposal.ProposalListing;
import org.summittracker.proposal.ProposalStatus;
import org.summittracker.shared.NotFoundException;
import org.summittracker.shared.RuleViolation;
import org.summittracker.web.ProposalLife;

/**
 * Proposals: the list with the filters of /proposals (the most recently discussed first),
 * and one proposal with the sessions that discussed it, its buy-in and readiness today
 * and its first concerns, read as its page reads them (the concerns list pages through
 * the rest).
 */
@RestController
@RequestMapping(path = "/api/v1/proposals", produces = "application/json")
class ProposalsApi {

	private final ProposalListing listing;

	private final ProposalLife life;

	private final MinutesDocuments minutes;

	ProposalsApi(ProposalListing listing, ProposalLife life, MinutesDocuments minutes) {
		this.listing = listing;
		this.life = life;
		this.minutes = minutes;
	}

	/**
	 * A proposal as /proposals lists it: its parent's key for a sub-proposal, when and at
	 * which event (its slug: /api/v1/events/{event}) it was last discussed, and at how
	 * many sessions.
	 */
	record ProposalItem(String key, String title, String status, String parent, LocalDate lastDiscussedOn, @Schema(
			description = "The slug of the event that last discussed it: /api/v1/events/{slug}") String lastEvent,
			@Schema(description = "How many sessions discussed it") long sessionCount) {

		static ProposalItem of(ProposalListing.Item item) {
			return new ProposalItem(item.key(), item.title(), ApiEnums.slug(item.status()), item.parentKey(),
					item.lastDiscussedOn(), item.lastEventSlug(), item.sessions());
		}

	}

	/** A session that discussed a proposal, in the order they were held. */
	record DiscussedIn(String event, String session, String title, LocalDate heldOn) {

		static DiscussedIn of(ProposalLife.DiscussedIn session) {
			return new DiscussedIn(session.eventSlug(), session.sessionSlug(), session.sessionTitle(),
					session.startsOn());
		}

	}

	/**
	 * A concern about a proposal, with the field names of the JSON minutes' concerns and
	 * the session that raised it.
	 */
	record ProposalConcern(String event, String session, String key, String title, PersonRef raisedBy, String status,
			boolean blocking, Instant raisedAt) {

		static ProposalConcern of(ProposalLife.ConcernLine line) {
			return new ProposalConcern(line.raisedIn().eventSlug(), line.raisedIn().sessionSlug(), line.key(),
					line.title(), new PersonRef(line.raiserHandle(), line.raiserName(), null),
					line.status().toLowerCase(Locale.ROOT).replace('_', ' '), line.blocking(), line.raisedAt());
		}

	}

	/**
	 * One proposal: its parent and the proposal that superseded it (keys), its
	 * sub-proposals, the sessions that discussed it, its readiness and the first
	 * {@value #BUY_IN_SHOWN} rows of its buy-in as the last of them sees them, with the
	 * number of all and the list that pages through them (empty, 0 and null before any
	 * session discussed it), and its first {@value #CONCERNS_SHOWN} concerns in the order
	 * the sessions that raised them were held, with the number of all and the list that
	 * pages through all of them.
	 */
	record ProposalResource(String key, String title, String statement, String status, String parent,
			String supersededBy, long version, List<String> parts, List<DiscussedIn> sessions,
			@Schema(description = "The first " + BUY_IN_SHOWN
					+ " rows of the buy-in: the affected subsystems' maintainers and reviewers, then everyone"
					+ " else who took a position, by name") List<BuyInEntry> buyIn,
			@Schema(description = "How many rows the buy-in has, all of them") long buyInCount,
			@Schema(description = "The whole buy-in, a page at a time: the positions of the last session that"
					+ " discussed it, on this proposal") String allBuyIn,
			ReadinessEntry readiness,
			@Schema(description = "The first " + CONCERNS_SHOWN
					+ " concerns, in the order the sessions that raised them were held") List<ProposalConcern> concerns,
			@Schema(description = "How many concerns are about the proposal, all of them") long concernCount,
			@Schema(description = "Every concern about the proposal, a page at a time: /api/v1/concerns with the "
					+ "proposal filter") String allConcerns) {

	}

	/**
	 * Concerns a proposal answers at most: a proposal may gather thousands, which
	 * {@code /api/v1/concerns?proposal=} pages through.
	 */
	static final int CONCERNS_SHOWN = 100;

	/**
	 * Rows of the buy-in a proposal answers at most: a proposal may have thousands of
	 * positions, which the last session's positions list pages through.
	 */
	static final int BUY_IN_SHOWN = SessionBuyIn.SHOWN;

	@GetMapping
	ResponseEntity<ApiPage<ProposalItem>> list(@RequestParam(required = false) String status,
			@RequestParam(required = false) String subsystem, @RequestParam(required = false) String event,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		ProposalStatus chosen = null;
		if (status != null && !status.isBlank()) {
			try {
				chosen = ApiEnums.parse(ProposalStatus.class, status, "status", "proposals.filter.status.unknown");
			}
			catch (RuleViolation ex) {
				throw new ApiProblem.BadParameter("status",
						"Give a status of open, accepted, rejected, withdrawn or superseded.");
			}
		}
		return ApiPage.of(
				this.listing.page(chosen, blankToNull(subsystem), blankToNull(event), ApiPage.request(page, size)),
				ProposalItem::of);
	}

	@GetMapping("/{key}")
	ProposalResource proposal(@PathVariable String key) {
		ProposalLife.Life found = this.life.outline(key, CONCERNS_SHOWN)
			.orElseThrow(() -> new NotFoundException("No proposal " + key));
		ProposalLife.Header p = found.proposal();
		SessionBuyIn buyIn = (found.buyIn() != null) ? found.buyIn().buyIn() : null;
		List<BuyInEntry> rows = (buyIn != null) ? this.minutes.buyIn(buyIn) : List.of();
		ProposalLife.DiscussedIn last = found.sessions().isEmpty() ? null
				: found.sessions().get(found.sessions().size() - 1);
		return new ProposalResource(p.key(), p.title(), p.statement(), ApiEnums.slug(p.status()), p.parentKey(),
				p.supersededByKey(), p.version(), found.parts().stream().map(ProposalLife.Related::key).toList(),
				found.sessions().stream().map(DiscussedIn::of).toList(),
				rows.subList(0, Math.min(rows.size(), BUY_IN_SHOWN)), (buyIn != null) ? buyIn.rowCount() : 0,
				(buyIn != null) ? UriComponentsBuilder.fromPath("/api/v1/events/{event}/sessions/{session}/positions")
					.queryParam("proposal", p.key())
					.buildAndExpand(last.eventSlug(), last.sessionSlug())
					.encode()
					.toUriString() : null,
				(buyIn != null) ? this.minutes.readiness(buyIn) : null,
				found.concerns().stream().map(ProposalConcern::of).toList(), found.concernCount(),
				UriComponentsBuilder.fromPath("/api/v1/concerns")
					.queryParam("proposal", p.key())
					.encode()
					.toUriString());
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
