package org.summittracker.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.MessageSource;
import org.unbescape.html.HtmlEscape;
import org.unbescape.uri.UriEscape;

import org.summittracker.concern.ConcernViews.OpenConcernCount;
import org.summittracker.position.SessionBuyIn;
import org.summittracker.session.SessionViews.TimetableSlot;
import org.summittracker.shared.Dates;

/**
 * The event page's timetable as it is shown: a day at a time, each session a card whose
 * texts are put into words here, once, rather than by the template's expressions (a
 * summit-scale page has 40 cards of some 20 texts each, and each expression the template
 * evaluates costs more than the text it makes). The texts are the template's own: the
 * same messages with the same arguments, so the page is the same to the byte.
 */
final class EventPageView {

	private EventPageView() {
	}

	/**
	 * One day of the timetable ({@code day} {@code null}: sessions not placed on a day
	 * yet) with its heading, its sessions in order.
	 */
	record Day(LocalDate day, String heading, List<Card> cards) {
	}

	/**
	 * A session's card: the session (for the organizers' controls), its page's path, its
	 * anchor and class, and its {@code body}: the card's HTML up to the organizers'
	 * controls, the texts escaped as {@code th:text} escapes them and laid out as the
	 * template laid them out. One expression a card rather than some twenty: evaluating
	 * them was a fifth of a summit-scale page's time.
	 */
	record Card(TimetableSlot slot, String path, String anchor, String cardClass, String body) {
	}

	/** The sessions in order, cut where the day changes, each as its card. */
	static List<Day> days(String eventSlug, List<TimetableSlot> slots, Map<Long, SessionBuyIn.Summary> buyIn,
			Map<Long, OpenConcernCount> openConcerns, MessageSource messages, Locale locale) {
		Texts texts = new Texts(messages, locale);
		String sessions = "/events/" + UriEscape.escapeUriPathSegment(eventSlug) + "/sessions/";
		List<Day> days = new ArrayList<>();
		List<Card> current = null;
		LocalDate day = null;
		for (TimetableSlot slot : slots) {
			if (current == null || !Objects.equals(day, slot.day())) {
				current = new ArrayList<>();
				day = slot.day();
				days.add(new Day(day,
						(day != null) ? Dates.weekdayText(day) : texts.get("timetable.unplaced", (Object[]) null),
						current));
			}
			current.add(card(sessions, slot, buyIn.get(slot.id()), openConcerns.get(slot.id()), texts));
		}
		return days;
	}

	private static Card card(String sessions, TimetableSlot s, SessionBuyIn.Summary b, OpenConcernCount oc,
			Texts texts) {
		String path = sessions + UriEscape.escapeUriPathSegment(s.slug());
		StringBuilder html = new StringBuilder(1536);
		html.append("\n          <h4><a href=\"").append(escape(path)).append("\">").append(escape(s.title()));
		html.append("</a></h4>\n          <p class=\"meta\">\n            ");
		if (s.scheduledAt() != null) {
			String time = (s.endsAt() != null)
					? texts.get("timetable.from-to", Dates.timeText(s.scheduledAt()), Dates.timeText(s.endsAt()))
					: texts.get("timetable.at", Dates.timeText(s.scheduledAt()));
			html.append("<time datetime=\"").append(escape(Dates.isoText(s.scheduledAt()))).append("\">");
			html.append(escape(time)).append("</time>");
		}
		html.append("\n            ");
		if (shown(s.durationMinutes())) {
			span(html, texts.get("timetable.minutes", s.durationMinutes()));
		}
		html.append("\n            ");
		if (shown(s.room())) {
			span(html, texts.get("timetable.room", s.room()));
		}
		html.append("\n            ");
		if (shown(s.leadHandle())) {
			span(html, texts.get("timetable.lead", s.leadName()));
		}
		html.append("\n            <span class=\"badge session-status")
			.append(s.isCancelled() ? " session-cancelled" : "")
			.append("\">");
		html.append(escape(texts.get("session.status." + s.status(), (Object[]) null)));
		html.append("</span>\n          </p>\n          ");
		if (!s.isCancelled()) {
			readiness(html, path, s, b, oc, texts);
		}
		html.append("\n          ");
		return new Card(s, path, "session-" + s.slug(), s.isCancelled() ? "card cancelled" : "card", html.toString());
	}

	/**
	 * What the card says of a session that is not cancelled: its proposal and readiness.
	 */
	private static void readiness(StringBuilder html, String path, TimetableSlot s, SessionBuyIn.Summary b,
			OpenConcernCount oc, Texts texts) {
		html.append("\n          ");
		if (s.proposal() != null && !s.proposal().isBlank()) {
			html.append("<p class=\"proposal-line\"><strong>")
				.append(escape(texts.get("event.proposal", (Object[]) null)));
			html.append("</strong> <span>").append(escape(s.proposal())).append("</span></p>");
		}
		html.append("\n          <p class=\"readiness-line\">\n            <span class=\"badge verdict ")
			.append(b.ready() ? "verdict-ready" : "verdict-not-ready")
			.append("\">");
		html.append(escape(texts.get(b.ready() ? "badge.ready" : "badge.not-ready", (Object[]) null)));
		html.append("</span>\n            ");
		span(html, texts.get("event.acked", b.acked(), b.affected()));
		html.append("\n            · ");
		span(html, texts.get("event.open-concerns", (oc != null) ? oc.open() : 0));
		if (oc != null && oc.openBlocking() > 0) {
			span(html, texts.get("event.open-blocking", oc.openBlocking()));
		}
		html.append("\n            · ");
		span(html, texts.get("event.positions", b.positions()));
		html.append("\n          </p>\n          ");
		if (!b.ready()) {
			// Thymeleaf repeats the whitespace before an iterated element for each
			// iteration after the first.
			html.append("<ul class=\"missing\">\n            ");
			for (int i = 0; i < b.missing().size(); i++) {
				html.append((i > 0) ? "\n            <li>" : "<li>").append(escape(b.missing().get(i))).append("</li>");
			}
			html.append("\n            ");
			if (b.moreMissing() > 0) {
				html.append("<li><a href=\"").append(escape(path)).append("\">");
				html.append(escape(texts.get("event.missing.more", b.moreMissing()))).append("</a></li>");
			}
			html.append("\n          </ul>");
		}
		html.append("\n          ");
	}

	private static void span(StringBuilder html, String text) {
		html.append("<span>").append(escape(text)).append("</span>");
	}

	/** As {@code th:text} escapes. */
	private static String escape(String text) {
		return (text != null) ? HtmlEscape.escapeHtml4Xml(text) : "";
	}

	/**
	 * Whether the template's {@code th:if} shows a value: not {@code null}, not zero, and
	 * not one of the words Thymeleaf reads as false.
	 */
	private static boolean shown(Object value) {
		if (value instanceof Number number) {
			return number.doubleValue() != 0;
		}
		if (value instanceof String text) {
			return !"false".equalsIgnoreCase(text) && !"off".equalsIgnoreCase(text) && !"no".equalsIgnoreCase(text);
		}
		return value != null;
	}

	/** The messages as the template's {@code #{...}} resolves them. */
	private record Texts(MessageSource messages, Locale locale) {

		String get(String code, Object... args) {
			return this.messages.getMessage(code, args, this.locale);
		}

	}

}
