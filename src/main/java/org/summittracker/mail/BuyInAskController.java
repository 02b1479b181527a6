package org.summittracker.mail;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import org.summittracker.account.Actors;
import org.summittracker.session.Session;
import org.summittracker.session.SessionRepository;
import org.summittracker.session.SessionViews.SessionHeader;
import org.summittracker.shared.NotFoundException;

/**
 * Asking for buy-in by mail: the mail to the maintainers who took no position, to copy,
 * to open through a {@code mailto:} link or to download as a draft ({@code ask.eml}). For
 * those who may import mail for the session's proposal.
 */
@Controller
class BuyInAskController {

	private final BuyInAsks asks;

	private final SessionRepository sessions;

	private final Actors actors;

	BuyInAskController(BuyInAsks asks, SessionRepository sessions, Actors actors) {
		this.asks = asks;
		this.sessions = sessions;
		this.actors = actors;
	}

	@GetMapping("/events/{event}/sessions/{session}/mail/ask")
	String page(@PathVariable String event, @PathVariable("session") String slug,
			@RequestParam(name = "proposal", required = false) String key, Model model) {
		Session session = find(event, slug);
		BuyInAsks.Asked asked = this.asks.ask(this.actors.required(), session, key);
		String base = "/events/" + session.getEvent().getSlug() + "/sessions/" + session.getSlug();
		model.addAttribute("mailSession", SessionHeader.of(session));
		model.addAttribute("base", base);
		model.addAttribute("asked", asked);
		model.addAttribute("mailtoMax", BuyInAsk.MAILTO_MAX);
		return "mail/ask";
	}

	@GetMapping("/events/{event}/sessions/{session}/mail/ask.eml")
	ResponseEntity<byte[]> eml(@PathVariable String event, @PathVariable("session") String slug,
			@RequestParam(name = "proposal", required = false) String key) {
		Session session = find(event, slug);
		BuyInAsks.Asked asked = this.asks.ask(this.actors.required(), session, key);
		if (asked.mail() == null || !asked.mail().isOffered()) {
			throw new NotFoundException("Nobody is to be asked for buy-in on this proposal.");
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("message/rfc822"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("ask.eml").build().toString())
			.body(asked.mail().eml());
	}

	private Session find(String event, String slug) {
		return this.sessions.findBySlugs(event, slug)
			.orElseThrow(() -> new NotFoundException("No session " + slug + " in " + event));
	}

}
