package org.summittracker.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.MessageSource;
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
	 * A session's card: {@code path} its page, the texts {@code null} where the card
	 * leaves them out.
	 *
	 * @param slot the session, for the organizers' controls
	 * @param time when it starts (and ends), {@code null} when it is not scheduled
	 * @param missing the first sentences of what is missing
	 * @param moreMissing the link to the rest, {@code null} when there is none
	 */
	record Card(TimetableSlot slot, String path, String anchor, String cardClass, String iso, String time,
			String minutes, String room, String lead, String statusClass, String status, boolean cancelled,
			String proposal, boolean ready, String verdictClass, String verdict, String acked, String openConcerns,
			String openBlocking, String positions, List<String> missing, String moreMissing) {
	}

	/**
	 * The sessions in order, cut where the day changes, each as its card. The sessions on
	 * no day are "not placed on a day yet" while they may still be; once the event is
	 * over ({@code over}), or when every one of them was held, their day and time were
	 * simply not recorded.
	 */
	static List<Day> days(String eventSlug, boolean over, List<TimetableSlot> slots,
			Map<Long, SessionBuyIn.Summary> buyIn, Map<Long, OpenConcernCount> openConcerns, MessageSource messages,
			Locale locale) {
		Texts texts = new Texts(messages, locale);
		String sessions = "/events/" + UriEscape.escapeUriPathSegment(eventSlug) + "/sessions/";
		boolean unrecorded = over || slots.stream().filter((s) -> s.day() == null).allMatch(TimetableSlot::wasHeld);
		List<Day> days = new ArrayList<>();
		List<Card> current = null;
		LocalDate day = null;
		for (TimetableSlot slot : slots) {
			if (current == null || !Objects.equals(day, slot.day())) {
				current = new ArrayList<>();
				day = slot.day();
				days.add(new Day(day,
						(day != null) ? Dates.weekdayText(day) : texts
							.get(unrecorded ? "timetable.unrecorded" : "timetable.unplaced", (Object[]) null),
						current));
			}
			current.add(card(sessions, slot, buyIn.get(slot.id()), openConcerns.get(slot.id()), texts));
		}
		return days;
	}

	private static Card card(String sessions, TimetableSlot s, SessionBuyIn.Summary b, OpenConcernCount oc,
			Texts texts) {
		boolean cancelled = s.isCancelled();
		String iso = null;
		String time = null;
		if (s.scheduledAt() != null) {
			iso = Dates.isoText(s.scheduledAt());
			time = (s.endsAt() != null)
					? texts.get("timetable.from-to", Dates.timeText(s.scheduledAt()), Dates.timeText(s.endsAt()))
					: texts.get("timetable.at", Dates.timeText(s.scheduledAt()));
		}
		String minutes = shown(s.durationMinutes()) ? texts.get("timetable.minutes", s.durationMinutes()) : null;
		String room = shown(s.room()) ? texts.get("timetable.room", s.room()) : null;
		String lead = shown(s.leadHandle()) ? texts.get("timetable.lead", s.leadName()) : null;
		String status = texts.get("session.status." + s.status(), (Object[]) null);
		if (cancelled) {
			return new Card(s, sessions + UriEscape.escapeUriPathSegment(s.slug()), "session-" + s.slug(),
					"card cancelled", iso, time, minutes, room, lead, "badge session-status session-cancelled", status,
					true, null, false, null, null, null, null, null, null, List.of(), null);
		}
		String proposal = (s.proposal() == null || s.proposal().isBlank()) ? null : s.proposal();
		return new Card(s, sessions + UriEscape.escapeUriPathSegment(s.slug()), "session-" + s.slug(), "card", iso,
				time, minutes, room, lead, "badge session-status", status, false, proposal, b.ready(),
				b.ready() ? "badge verdict verdict-ready" : "badge verdict verdict-not-ready",
				texts.get(b.ready() ? "badge.ready" : "badge.not-ready", (Object[]) null),
				texts.get("event.acked", b.acked(), b.affected()),
				texts.get("event.open-concerns", (oc != null) ? oc.open() : 0),
				(oc != null && oc.openBlocking() > 0) ? texts.get("event.open-blocking", oc.openBlocking()) : null,
				texts.get("event.positions", b.positions()), b.missing(),
				(b.moreMissing() > 0) ? texts.get("event.missing.more", b.moreMissing()) : null);
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
