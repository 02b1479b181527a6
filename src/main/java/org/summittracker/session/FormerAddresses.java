package org.summittracker.session;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import org.summittracker.directory.PersonAuthoring;
import org.summittracker.event.EventAuthoring;
import org.summittracker.event.EventRepository;
import org.summittracker.shared.NotFoundException;

/**
 * Old addresses keep working: when nothing is found under an event slug, a session slug
 * or a person's handle that something had before (renamed, or a person merged into
 * another), a read answers 301 to the same address under the new name, whatever page,
 * export or feed it was.
 */
@ControllerAdvice
class FormerAddresses {

	private static final Pattern EVENT = Pattern.compile("^/events/([^/]+)(/sessions/([^/]+))?(/.*)?$");

	private static final Pattern PERSON = Pattern.compile("^/people/([^/]+)(/.*)?$");

	private final EventRepository events;

	private final EventAuthoring eventAuthoring;

	private final SessionAuthoring sessionAuthoring;

	private final PersonAuthoring personAuthoring;

	FormerAddresses(EventRepository events, EventAuthoring eventAuthoring, SessionAuthoring sessionAuthoring,
			PersonAuthoring personAuthoring) {
		this.events = events;
		this.eventAuthoring = eventAuthoring;
		this.sessionAuthoring = sessionAuthoring;
		this.personAuthoring = personAuthoring;
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<Void> movedPermanently(NotFoundException ex, HttpServletRequest request) {
		if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
			throw ex;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String moved = current(path).orElseThrow(() -> ex);
		String query = request.getQueryString();
		return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
			.location(URI.create(request.getContextPath() + moved + ((query != null) ? "?" + query : "")))
			.build();
	}

	private Optional<String> current(String path) {
		Matcher event = EVENT.matcher(path);
		if (event.matches()) {
			String eventSlug = event.group(1);
			String rest = (event.group(2) != null ? event.group(2) : "")
					+ (event.group(4) != null ? event.group(4) : "");
			if (!this.events.existsBySlug(eventSlug)) {
				return this.eventAuthoring.currentSlug(eventSlug).map((slug) -> "/events/" + slug + rest);
			}
			if (event.group(3) != null) {
				String tail = (event.group(4) != null) ? event.group(4) : "";
				return this.sessionAuthoring.currentSlug(eventSlug, event.group(3))
					.map((slug) -> "/events/" + eventSlug + "/sessions/" + slug + tail);
			}
			return Optional.empty();
		}
		Matcher person = PERSON.matcher(path);
		if (person.matches()) {
			String tail = (person.group(2) != null) ? person.group(2) : "";
			return this.personAuthoring.currentHandle(person.group(1)).map((handle) -> "/people/" + handle + tail);
		}
		return Optional.empty();
	}

}
