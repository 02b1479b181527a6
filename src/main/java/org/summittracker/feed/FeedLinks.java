package org.summittracker.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The feeds a page offers in its head ({@code <link rel="alternate">}): the whole site's
 * on every page, and the event's (and its timetable as a calendar), session's,
 * proposal's, person's or subsystem's on theirs. Made from the address alone, without
 * reading the database.
 */
@ControllerAdvice
class FeedLinks {

	/**
	 * A feed a page names: its path, its title (a message code and arguments) and its
	 * media type (an Atom feed, or an iCalendar feed, which the footer's feed-reader
	 * links leave out).
	 */
	record FeedLink(String path, String code, Object[] args, String type) {

		static final String ATOM = "application/atom+xml";

		static final String CALENDAR = "text/calendar";

		FeedLink(String path, String code, Object[] args) {
			this(path, code, args, ATOM);
		}

		/** Whether a feed reader reads it (an Atom feed). */
		public boolean isAtom() {
			return ATOM.equals(this.type);
		}

	}

	// "new" is the address of a form (/events/new, /people/new), not of a thing.
	private static final Pattern EVENT = Pattern.compile("/events/(?!new$)([a-z0-9-]+)");

	private static final Pattern SESSION = Pattern
		.compile("/events/([a-z0-9-]+)/sessions/(?!new$)([a-z0-9-]+)(/history|/positions)?");

	private static final Pattern PERSON = Pattern.compile("/people/(?!new$)([a-z0-9][a-z0-9._-]*)");

	private static final Pattern PROPOSAL = Pattern.compile("/proposals/([a-z0-9][a-z0-9-]*)");

	private static final Pattern SUBSYSTEM = Pattern.compile("/subsystems/(?!new$)([a-z0-9-]+)");

	@ModelAttribute("feedLinks")
	List<FeedLink> feedLinks(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		List<FeedLink> links = new ArrayList<>();
		Matcher matcher;
		if ((matcher = SESSION.matcher(path)).matches()) {
			links.add(new FeedLink("/events/" + matcher.group(1) + "/sessions/" + matcher.group(2) + "/feed.atom",
					"feed.alternate.session", new Object[] { matcher.group(2) }));
		}
		else if ((matcher = EVENT.matcher(path)).matches()) {
			links.add(new FeedLink("/events/" + matcher.group(1) + "/feed.atom", "feed.alternate.event",
					new Object[] { matcher.group(1) }));
			links.add(new FeedLink("/events/" + matcher.group(1) + "/timetable.ics", "feed.alternate.timetable",
					new Object[] { matcher.group(1) }, FeedLink.CALENDAR));
		}
		else if ((matcher = PERSON.matcher(path)).matches()) {
			links.add(new FeedLink("/people/" + matcher.group(1) + "/feed.atom", "feed.alternate.person",
					new Object[] { matcher.group(1) }));
		}
		else if ((matcher = PROPOSAL.matcher(path)).matches()) {
			links.add(new FeedLink("/proposals/" + matcher.group(1) + "/feed.atom", "feed.alternate.proposal",
					new Object[] { matcher.group(1) }));
		}
		else if ((matcher = SUBSYSTEM.matcher(path)).matches()) {
			links.add(new FeedLink("/subsystems/" + matcher.group(1) + "/feed.atom", "feed.alternate.subsystem",
					new Object[] { matcher.group(1) }));
		}
		links.add(new FeedLink("/feed.atom", "feed.alternate.site", new Object[0]));
		return links;
	}

}
