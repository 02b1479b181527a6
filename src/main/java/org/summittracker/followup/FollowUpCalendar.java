package org.summittracker.followup;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;

import org.summittracker.shared.CalendarFeeds;

/**
 * A person's follow-ups as an iCalendar feed (RFC 5545, made with ical4j): one all-day
 * VEVENT on each due date, which every calendar application shows (VTODO is ignored by
 * many).
 */
final class FollowUpCalendar {

	public static final String MEDIA_TYPE = CalendarFeeds.MEDIA_TYPE;

	private FollowUpCalendar() {
	}

	/**
	 * The feed of {@code followUps} (those without a due date are left out: a calendar
	 * needs a day).
	 * @param baseUrl the application's address, such as
	 * {@code https://summit.example.org}, for links and UIDs
	 */
	public static String render(String ownerHandle, String ownerName, List<FollowUpListing> followUps, String baseUrl,
			Instant now) {
		Calendar calendar = CalendarFeeds.feed("Follow-ups", "Follow-ups of " + ownerName + " (" + ownerHandle + ")");
		// Named as the hand-written feed named it, so calendars see no other feed.
		calendar.add(ImmutableMethod.PUBLISH);
		String host = CalendarFeeds.uidHost(baseUrl);
		for (FollowUpListing f : followUps) {
			if (f.dueOn() == null) {
				continue;
			}
			String url = baseUrl + "/follow-ups/" + f.id();
			Instant changed = ((f.updatedAt() != null) ? f.updatedAt() : now).truncatedTo(ChronoUnit.SECONDS);
			VEvent event = new VEvent(false);
			event.add(new Uid("follow-up-" + f.id() + "@" + host));
			event.add(new DtStamp(changed));
			event.add(new DtStart<>(f.dueOn()));
			event.add(new DtEnd<>(f.dueOn().plusDays(1)));
			event.add(new Summary(
					CalendarFeeds.text((f.status().isActive() ? "" : f.status().label() + ": ") + f.title())));
			event.add(new Description(CalendarFeeds
				.text("Follow-up of the session " + f.sessionTitle() + " (" + f.eventName() + "). Status: "
						+ f.status().label() + ((f.dropReason() != null) ? " (" + f.dropReason() + ")" : "")
						+ ((f.concernKey() != null) ? ". Addresses the concern " + f.concernKey() : "")
						+ ((f.resolutionSeq() != null) ? ". Implements resolution " + f.resolutionSeq() : "") + ".\n"
						+ url)));
			event.add(new Url(URI.create(url)));
			event.add((f.status() == FollowUpStatus.DROPPED) ? ImmutableStatus.VEVENT_CANCELLED
					: ImmutableStatus.VEVENT_CONFIRMED);
			event.add(ImmutableTransp.TRANSPARENT);
			event.add(new Sequence((int) f.version()));
			event.add(new LastModified(changed));
			calendar.add(event);
		}
		return CalendarFeeds.write(calendar);
	}

}
