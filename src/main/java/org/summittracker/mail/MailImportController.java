package org.summittracker.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.summittracker.account.Actor;
import org.summittracker.account.Actors;
import org.summittracker.account.CurrentActor;
import org.summittracker.position.Stance;
import org.summittracker.proposal.Proposal;
import org.summittracker.session.Session;
import org.summittracker.session.SessionRepository;
import org.summittracker.session.SessionViews.SessionHeader;
import org.summittracker.shared.NotFoundException;
import org.summittracker.shared.Notice;
import org.summittracker.shared.RuleViolation;

/**
 * A session's buy-in from the mailing list: the positions given by mail, and the import
 * of a patch thread (upload or paste, a preview person by person, confirm). The thread
 * travels from the preview to the confirmation in the form itself (gzipped, base64), so
 * nothing is kept between the two requests and the preview saves nothing.
 */
@Controller
class MailImportController {

	private static final String NONE = "NONE";

	private final MailImport imports;

	private final SessionRepository sessions;

	private final Actors actors;

	private final AsksSent asks;

	MailImportController(MailImport imports, AsksSent asks, SessionRepository sessions, Actors actors) {
		this.imports = imports;
		this.asks = asks;
		this.sessions = sessions;
		this.actors = actors;
	}

	@GetMapping("/events/{event}/sessions/{session}/mail")
	String page(@PathVariable String event, @PathVariable("session") String slug, Model model) {
		Session session = find(event, slug);
		return page(session, model);
	}

	@PostMapping("/events/{event}/sessions/{session}/mail/preview")
	String preview(@PathVariable String event, @PathVariable("session") String slug,
			@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "text", required = false) String text,
			@RequestParam(name = "proposal", required = false) String key, @CurrentActor Actor actor, Model model,
			HttpServletResponse response) {
		Session session = find(event, slug);
		Actor importer = (actor != null) ? actor : this.actors.required();
		try {
			Proposal proposal = this.imports.proposal(importer, session, key);
			byte[] thread = upload(file, text);
			List<MailMessage> messages = Mbox.read(thread, MailLimits.DEFAULT);
			AsksSent.Answers answers = this.asks.answeredBy(session, messages);
			proposal = answered(importer, session, proposal, answers);
			model.addAttribute("answers", answers);
			model.addAttribute("preview", this.imports.preview(importer, session, proposal, messages));
			model.addAttribute("thread", pack(thread));
			return preview(session, model);
		}
		catch (RuleViolation ex) {
			return refuse(session, model, response, ex);
		}
	}

	@PostMapping("/events/{event}/sessions/{session}/mail")
	String confirm(@PathVariable String event, @PathVariable("session") String slug,
			@RequestParam(name = "thread", required = false) String thread,
			@RequestParam(name = "proposal", required = false) String key, @CurrentActor Actor actor, Model model,
			WebRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		Session session = find(event, slug);
		Actor importer = (actor != null) ? actor : this.actors.required();
		List<MailMessage> messages;
		Proposal proposal;
		AsksSent.Answers answers;
		try {
			proposal = this.imports.proposal(importer, session, key);
			messages = Mbox.read(unpack(thread), MailLimits.DEFAULT);
			answers = this.asks.answeredBy(session, messages);
			proposal = answered(importer, session, proposal, answers);
		}
		catch (RuleViolation ex) {
			return refuse(session, model, response, ex);
		}
		model.addAttribute("answers", answers);
		try {
			// An answer to another session's ask, or to asks about several proposals, is
			// not recorded here.
			answers.requireRecordable();
			// Each field's values as sent: a List parameter would split a single row's
			// text at its commas.
			List<MailImport.Choice> choices = choices(values(request, "address"), values(request, "stance"),
					values(request, "conditions"), values(request, "rationale"), values(request, "create"),
					values(request, "attach"));
			MailImport.Outcome outcome = this.imports.confirm(importer, session, proposal, messages, choices);
			Notice.flash(redirect, "mail.imported", outcome.added(), outcome.unchanged(), outcome.skipped(),
					outcome.olderVersion(), proposal.getKey());
			return "redirect:/events/" + session.getEvent().getSlug() + "/sessions/" + session.getSlug() + "/mail";
		}
		catch (RuleViolation ex) {
			response.setStatus(422);
			model.addAttribute("preview", this.imports.preview(importer, session, proposal, messages));
			model.addAttribute("thread", thread);
			model.addAttribute("problems", ex.problems());
			// A handle nobody has, said next to its row too: by the row's address.
			Map<Object, Notice> attachErrors = new HashMap<>();
			ex.problems()
				.stream()
				.filter((p) -> "attach".equals(p.field()) && p.args().length > 0)
				.forEach((p) -> attachErrors.putIfAbsent(p.args()[0], new Notice(p.code(), p.args())));
			model.addAttribute("attachErrors", attachErrors);
			return preview(session, model);
		}
	}

	/**
	 * The proposal the readings are for: the one this session's ask that the thread
	 * answers was about, else the one the importer chose.
	 */
	private Proposal answered(Actor importer, Session session, Proposal chosen, AsksSent.Answers answers) {
		String key = answers.proposal(chosen.getKey());
		return key.equals(chosen.getKey()) ? chosen : this.imports.proposal(importer, session, key);
	}

	private String page(Session session, Model model) {
		model.addAttribute("mailSession", SessionHeader.of(session));
		model.addAttribute("base", "/events/" + session.getEvent().getSlug() + "/sessions/" + session.getSlug());
		model.addAttribute("given", this.imports.mailGiven(session));
		model.addAttribute("tested", this.imports.testedOnly(session));
		Actor actor = this.actors.current().orElse(null);
		model.addAttribute("importable", (actor != null) ? this.imports.importable(actor, session) : List.of());
		return "mail/page";
	}

	private String preview(Session session, Model model) {
		model.addAttribute("mailSession", SessionHeader.of(session));
		model.addAttribute("base", "/events/" + session.getEvent().getSlug() + "/sessions/" + session.getSlug());
		model.addAttribute("stances", List.of(Stance.SUPPORTS, Stance.SUPPORTS_WITH_CONDITIONS, Stance.NO_OBJECTION,
				Stance.UNDECIDED, Stance.OPPOSES));
		return "mail/preview";
	}

	private String refuse(Session session, Model model, HttpServletResponse response, RuleViolation ex) {
		response.setStatus(422);
		model.addAttribute("error", new Notice(ex.problems().get(0).code(), ex.problems().get(0).args()));
		model.addAttribute("errorField", ex.problems().get(0).field());
		return page(session, model);
	}

	private static byte[] upload(MultipartFile file, String text) {
		try {
			if (file != null && !file.isEmpty()) {
				try (InputStream in = file.getInputStream()) {
					return Mbox.bytes(in, MailLimits.DEFAULT);
				}
			}
		}
		catch (IOException ex) {
			throw new RuleViolation(Mbox.FIELD, "mail.refused.unreadable");
		}
		if (text == null || text.isBlank()) {
			throw new RuleViolation(Mbox.FIELD, "mail.refused.empty");
		}
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		if (bytes.length > MailLimits.DEFAULT.maxBytes()) {
			throw new RuleViolation(Mbox.FIELD, "mail.refused.too-big", MailLimits.DEFAULT.maxBytes() / (1024 * 1024));
		}
		return bytes;
	}

	/** The thread as the preview's form carries it. */
	private static String pack(byte[] thread) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
			gz.write(thread);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Base64.getEncoder().encodeToString(out.toByteArray());
	}

	private static byte[] unpack(String thread) {
		if (thread == null || thread.isBlank()) {
			throw new RuleViolation(Mbox.FIELD, "mail.refused.empty");
		}
		try {
			byte[] packed = Base64.getMimeDecoder().decode(thread.strip());
			return Mbox.bytes(new ByteArrayInputStream(packed), MailLimits.DEFAULT);
		}
		catch (IllegalArgumentException | IOException ex) {
			throw new RuleViolation(Mbox.FIELD, "mail.refused.unreadable");
		}
	}

	private static List<MailImport.Choice> choices(List<String> addresses, List<String> stances,
			List<String> conditions, List<String> rationales, List<String> create, List<String> attach) {
		List<MailImport.Choice> choices = new ArrayList<>();
		if (addresses == null) {
			return choices;
		}
		for (int i = 0; i < addresses.size() && i < 1_000; i++) {
			String stance = at(stances, i);
			Stance chosen = null;
			if (stance != null && !stance.isBlank() && !stance.equals(NONE)) {
				try {
					chosen = Stance.valueOf(stance);
				}
				catch (IllegalArgumentException ex) {
					throw new RuleViolation("stance", "position.stance.required");
				}
			}
			choices.add(new MailImport.Choice(addresses.get(i), chosen, at(conditions, i), at(rationales, i),
					create != null && create.contains(addresses.get(i)), at(attach, i)));
		}
		return choices;
	}

	private static List<String> values(WebRequest request, String name) {
		String[] values = request.getParameterValues(name);
		return (values != null) ? Arrays.asList(values) : null;
	}

	private static String at(List<String> values, int i) {
		return (values != null && i < values.size()) ? values.get(i) : null;
	}

	private Session find(String event, String slug) {
		return this.sessions.findBySlugs(event, slug)
			.orElseThrow(() -> new NotFoundException("No session " + slug + " in " + event));
	}

}
