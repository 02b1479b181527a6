package org.summittracker.mail;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

import org.summittracker.account.Actors;
import org.summittracker.session.Session;
import org.summittracker.session.SessionRepository;
import org.summittracker.session.SessionViews.SessionHeader;
import org.summittracker.shared.NotFoundException;
import org.summittracker.shared.Notice;
import org.summittracker.shared.RuleViolation;
import org.summittracker.shared.StaleVersionException;

/**
 * Asking for buy-in by mail: the mail to the maintainers who took no position, to copy,
 * to open through a {@code mailto:} link or to download as a draft ({@code ask.eml}). For
 * those who may import mail for the session's proposal. Once sent, the one who asks says
 * so ("I sent this mail"), and the ask is recorded: the session page shows it with its
 * buy-in, and answers to it are recognised when imported.
 */
@Controller
class BuyInAskController {

	private final BuyInAsks asks;

	private final SessionRepository sessions;

	private final Actors actors;

	private final AsksSent sent;

	BuyInAskController(BuyInAsks asks, AsksSent sent, SessionRepository sessions, Actors actors) {
		this.asks = asks;
		this.sent = sent;
		this.sessions = sessions;
		this.actors = actors;
	}

	@GetMapping("/events/{event}/sessions/{session}/mail/ask")
	String page(@PathVariable String event, @PathVariable("session") String slug,
			@RequestParam(name = "proposal", required = false) String key, Model model) {
		return page(find(event, slug), key, model);
	}

	private String page(Session session, String key, Model model) {
		BuyInAsks.Asked asked = this.asks.ask(this.actors.required(), session, key);
		String base = "/events/" + session.getEvent().getSlug() + "/sessions/" + session.getSlug();
		model.addAttribute("mailSession", SessionHeader.of(session));
		model.addAttribute("base", base);
		model.addAttribute("asked", asked);
		model.addAttribute("mailtoMax", BuyInAsk.MAILTO_MAX);
		model.addAttribute("asksSent", (asked.proposal() != null)
				? AskSent.about(this.sent.ofSession(session.getId()), asked.proposal().getKey()) : java.util.List.of());
		return "mail/ask";
	}

	/**
	 * "I sent this mail": records the ask as the page showed it (its Message-ID), sent by
	 * the signed-in actor now. A 409 and the page as it is now when the mail changed
	 * since (someone took a position); a 422 without the Message-ID.
	 */
	@PostMapping("/events/{event}/sessions/{session}/mail/ask/sent")
	String sent(@PathVariable String event, @PathVariable("session") String slug,
			@RequestParam(name = "proposal", required = false) String key,
			@RequestParam(name = "messageId", required = false) String messageId, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Session session = find(event, slug);
		try {
			BuyInAsk mail = this.sent.record(this.actors.required(), session, key, messageId);
			Notice.flash(redirect, "mail.ask.sent.recorded", mail.to().size(), mail.messageId());
			String proposal = (key != null && !key.isBlank())
					? "?proposal=" + java.net.URLEncoder.encode(key.strip(), java.nio.charset.StandardCharsets.UTF_8)
					: "";
			return "redirect:/events/" + session.getEvent().getSlug() + "/sessions/" + session.getSlug() + "/mail/ask"
					+ proposal + "#asks-sent";
		}
		catch (StaleVersionException ex) {
			response.setStatus(409);
			model.addAttribute("problem", new Notice("mail.ask.sent.stale"));
			return page(session, key, model);
		}
		catch (RuleViolation ex) {
			response.setStatus(422);
			model.addAttribute("problem", new Notice(ex.problems().get(0).code(), ex.problems().get(0).args()));
			return page(session, key, model);
		}
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
