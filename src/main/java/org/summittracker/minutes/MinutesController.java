package org.summittracker.minutes;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.summittracker.account.Actor;
import org.summittracker.account.Actors;
import org.summittracker.account.CurrentActor;
import org.summittracker.minutes.MinutesQueries.EventSessions;
import org.summittracker.minutes.MinutesQueries.SessionRows;
import org.summittracker.session.Session;
import org.summittracker.session.SessionRepository;
import org.summittracker.shared.NotFoundException;
import org.summittracker.shared.Notice;

/**
 * Minutes downloads: {@code minutes.md|txt|html|pdf|json} of a session or of a whole
 * event; organizers mark a session's minutes final.
 */
@Controller
class MinutesController {

	private final MinutesExporter exporter;

	private final SessionRepository sessions;

	private final MinutesPublication publication;

	private final Actors actors;

	/** The most rows an event's minutes may read to be written as one PDF. */
	private final long pdfRowsAtMost;

	MinutesController(MinutesExporter exporter, SessionRepository sessions, MinutesPublication publication,
			Actors actors, @Value("${summit.minutes.pdf-rows-at-most}") long pdfRowsAtMost) {
		this.exporter = exporter;
		this.sessions = sessions;
		this.publication = publication;
		this.actors = actors;
		this.pdfRowsAtMost = pdfRowsAtMost;
	}

	@GetMapping("/events/{event}/sessions/{session}/minutes.{format}")
	void session(@PathVariable String event, @PathVariable String session, @PathVariable String format,
			HttpServletResponse response) throws IOException {
		MinutesFormatKind kind = format(format);
		SessionRows found = this.exporter.session(event, session).orElseThrow(() -> notFound("No session " + session));
		prepare(response, kind, SessionMinutes.fileStem(event, session));
		this.exporter.writeSession(found, kind, response.getOutputStream());
	}

	@PostMapping("/events/{event}/sessions/{session}/minutes/final")
	String markFinal(@PathVariable String event, @PathVariable String session, @CurrentActor Actor actor,
			RedirectAttributes redirect) {
		Session found = this.sessions.findBySlugs(event, session).orElseThrow(() -> notFound("No session " + session));
		this.publication.markFinal(found.getId(), (actor != null) ? actor : this.actors.required());
		Notice.flash(redirect, "minutes.marked-final");
		return "redirect:/events/" + event + "/sessions/" + session;
	}

	@GetMapping("/events/{event}/minutes.{format}")
	void event(@PathVariable String event, @PathVariable String format, HttpServletResponse response)
			throws IOException {
		MinutesFormatKind kind = format(format);
		EventSessions found = this.exporter.event(event).orElseThrow(() -> notFound("No event " + event));
		if (kind == MinutesFormatKind.PDF && found.rowCount() > this.pdfRowsAtMost) {
			throw new TooLargeForOnePdf(found);
		}
		prepare(response, kind, found.header().slug());
		this.exporter.writeEvent(found, kind, response.getOutputStream());
	}

	/**
	 * An event whose minutes are too large for one PDF: the page says so and links the
	 * other formats, which are written as they are read, whatever the size.
	 */
	@ExceptionHandler(TooLargeForOnePdf.class)
	String tooLargeForOnePdf(TooLargeForOnePdf ex, HttpServletResponse response, Model model) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("event", ex.event.header());
		model.addAttribute("rows", ex.event.rowCount());
		return "minutes/too-large";
	}

	static final class TooLargeForOnePdf extends RuntimeException {

		private final transient EventSessions event;

		TooLargeForOnePdf(EventSessions event) {
			super("The minutes of " + event.header().slug() + " are too large for one PDF");
			this.event = event;
		}

	}

	private static MinutesFormatKind format(String extension) {
		return MinutesFormatKind.byExtension(extension)
			.orElseThrow(() -> notFound("Minutes come as md, txt, html, pdf or json, not " + extension));
	}

	private static void prepare(HttpServletResponse response, MinutesFormatKind kind, String stem) {
		response.setContentType(kind.contentType());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(stem + "." + kind.extension()).build().toString());
	}

	private static NotFoundException notFound(String reason) {
		return new NotFoundException(reason);
	}

}
