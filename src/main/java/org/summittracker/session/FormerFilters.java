package org.summittracker.session;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.servlet.view.RedirectView;

import org.summittracker.directory.PersonAuthoring;
import org.summittracker.event.EventAuthoring;
import org.summittracker.event.Event;
import org.summittracker.event.EventRepository;
import org.summittracker.people.Person;
import org.summittracker.people.PersonRepository;
import org.summittracker.shared.Slugs;

/**
 * A filtered list mailed as a link keeps working after an event's or a session's slug, or
 * a person's handle, changed: the address of the same list under the new names, for a 301
 * (as {@link FormerAddresses} answers for the pages' own addresses). A name that
 * something has now is left as it is.
 */
@Component
public class FormerFilters {

	private static final Pattern HANDLE = Pattern.compile(Person.HANDLE);

	private final EventRepository events;

	private final EventAuthoring eventAuthoring;

	private final SessionRepository sessions;

	private final SessionAuthoring sessionAuthoring;

	private final PersonRepository people;

	private final PersonAuthoring personAuthoring;

	FormerFilters(EventRepository events, EventAuthoring eventAuthoring, SessionRepository sessions,
			SessionAuthoring sessionAuthoring, PersonRepository people, PersonAuthoring personAuthoring) {
		this.events = events;
		this.eventAuthoring = eventAuthoring;
		this.sessions = sessions;
		this.sessionAuthoring = sessionAuthoring;
		this.people = people;
		this.personAuthoring = personAuthoring;
	}

	/**
	 * A 301 to the list the request asks for (in the application), with its {@code event}
	 * and {@code session} filters and the filter of a person named {@code personParam}
	 * under their current names; empty when none of them is a former one.
	 */
	@Transactional(readOnly = true)
	public Optional<RedirectView> moved(HttpServletRequest request, String personParam) {
		Map<String, String> renamed = new HashMap<>();
		String event = blankToNull(request.getParameter("event"));
		if (event != null && Slugs.isValid(event, Event.SLUG_MAX) && !this.events.existsBySlug(event)) {
			Optional<String> current = this.eventAuthoring.currentSlug(event);
			if (current.isPresent()) {
				event = current.get();
				renamed.put("event", event);
			}
		}
		String session = blankToNull(request.getParameter("session"));
		if (event != null && session != null && Slugs.isValid(session, Session.SLUG_MAX)
				&& this.sessions.findBySlugs(event, session).isEmpty()) {
			this.sessionAuthoring.currentSlug(event, session).ifPresent((slug) -> renamed.put("session", slug));
		}
		String person = blankToNull(request.getParameter(personParam));
		if (person != null && person.length() <= Person.HANDLE_MAX && HANDLE.matcher(person).matches()
				&& this.people.findByHandle(person).isEmpty()) {
			this.personAuthoring.currentHandle(person).ifPresent((handle) -> renamed.put(personParam, handle));
		}
		if (renamed.isEmpty()) {
			return Optional.empty();
		}
		// The parameters in the order sent, as sent, but the renamed ones (slugs and
		// handles: nothing to encode).
		List<String> parameters = new ArrayList<>();
		String query = (request.getQueryString() != null) ? request.getQueryString() : "";
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			String name = name((equals >= 0) ? pair.substring(0, equals) : pair);
			parameters.add(renamed.containsKey(name) ? name + "=" + renamed.get(name) : pair);
		}
		RedirectView redirect = new RedirectView(request.getRequestURI().substring(request.getContextPath().length())
				+ "?" + String.join("&", parameters), true);
		redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
		return Optional.of(redirect);
	}

	private static String name(String encoded) {
		try {
			return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			// Not a name of ours, whatever it is: kept as sent.
			return encoded;
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
