package org.summittracker.web;

import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.summittracker.event.EventRepository;
import org.summittracker.event.EventView;
import org.summittracker.position.BuyInQueries;
import org.summittracker.position.SessionBuyIn;
import org.summittracker.session.SessionRepository;
import org.summittracker.session.SessionViews.CalendarSlot;
import org.summittracker.shared.CalendarFeeds;
import org.summittracker.shared.KeptByTables;
import org.summittracker.shared.NotFoundException;
import org.summittracker.shared.PublicAddress;

/**
 * An event's timetable as an iCalendar feed (RFC 5545, made with ical4j): one VEVENT for
 * each session placed on a day at a start time, in UTC, with its room, lead, main
 * proposal and readiness, and its page's address. A cancelled session stays, as
 * CANCELLED, so that calendars remove it; its SEQUENCE (the session's version) and
 * LAST-MODIFIED move when it changes, so that calendars update it. Read in a fixed number
 * of statements whatever the event holds, and kept by the tables read.
 */
@Component
class TimetableCalendar {

	/**
	 * The most sessions a calendar carries: a summit-scale event has a thousand, placed
	 * in order of their start.
	 */
	static final int SESSIONS_AT_MOST = 2000;

	/** What the feed is made of. */
	record Read(EventView event, List<CalendarSlot> slots, Map<Long, SessionBuyIn.Summary> buyIn) {

	}

	private final EventRepository events;

	private final SessionRepository sessions;

	private final BuyInQueries buyIn;

	private final MessageSource messages;

	private final PublicAddress address;

	TimetableCalendar(EventRepository events, SessionRepository sessions, BuyInQueries buyIn, MessageSource messages,
			PublicAddress address) {
		this.events = events;
		this.sessions = sessions;
		this.buyIn = buyIn;
		this.messages = messages;
		this.address = address;
	}

	@KeptByTables
	@Transactional(readOnly = true)
	public Read of(String slug) {
		EventView event = this.events.findViewBySlug(slug).orElseThrow(() -> new NotFoundException("No event " + slug));
		List<CalendarSlot> slots = this.sessions.findOnTheCalendar(event.id(), SESSIONS_AT_MOST)
			.stream()
			.map(CalendarSlot::of)
			.toList();
		return new Read(event, slots, this.buyIn.summaries(slots.stream().map(CalendarSlot::id).toList(), 0));
	}

	/** The feed of what was read, its words in {@code locale}. */
	String render(Read read, Locale locale) {
		String baseUrl = this.address.baseUrl();
		String host = CalendarFeeds.uidHost(baseUrl);
		Calendar calendar = CalendarFeeds.feed("Timetable",
				text("timetable.calendar.name", locale, read.event().name()));
		for (CalendarSlot s : read.slots()) {
			VEvent event = new VEvent(false);
			event.add(new Uid("session-" + s.id() + "@" + host));
			event.add(new DtStamp(s.changedAt().truncatedTo(ChronoUnit.SECONDS)));
			event.add(new DtStart<>(s.scheduledAt()));
			if (s.endsAt() != null) {
				event.add(new DtEnd<>(s.endsAt()));
			}
			event.add(new Summary(CalendarFeeds.text(s.title())));
			if (s.room() != null && !s.room().isBlank()) {
				event.add(new Location(CalendarFeeds.text(s.room())));
			}
			event.add(new Description(CalendarFeeds.text(description(s, read.buyIn().get(s.id()), locale))));
			event.add(new Url(URI.create(baseUrl + "/events/" + read.event().slug() + "/sessions/" + s.slug())));
			event.add(s.isCancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
			event.add(new Sequence((int) Math.min(s.version(), Integer.MAX_VALUE)));
			event.add(new LastModified(s.changedAt().truncatedTo(ChronoUnit.SECONDS)));
			calendar.add(event);
		}
		return CalendarFeeds.write(calendar);
	}

	/** Its lead, its proposal and the proposal's readiness, in one line. */
	private String description(CalendarSlot s, SessionBuyIn.Summary buyIn, Locale locale) {
		List<String> parts = new ArrayList<>(3);
		if (s.leadName() != null) {
			parts.add(text("timetable.lead", locale, s.leadName()));
		}
		if (s.proposalKey() != null) {
			parts.add(text("timetable.calendar.proposal", locale, s.proposalKey(), s.proposal()));
		}
		else if (s.proposal() != null && !s.proposal().isBlank()) {
			parts.add(text("timetable.calendar.proposal.own", locale, s.proposal()));
		}
		if (buyIn != null) {
			parts.add(text("timetable.calendar.readiness", locale,
					text(buyIn.ready() ? "badge.ready" : "badge.not-ready", locale),
					text("event.acked", locale, buyIn.acked(), buyIn.affected())));
		}
		return String.join(" · ", parts).replace('\n', ' ');
	}

	private String text(String code, Locale locale, Object... args) {
		return this.messages.getMessage(code, args, locale);
	}

}
