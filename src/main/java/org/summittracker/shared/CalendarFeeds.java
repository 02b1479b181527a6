package org.summittracker.shared;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * What the application's iCalendar feeds (RFC 5545) share: the calendar they are made in
 * with ical4j, its TEXT values, and how it is written. ical4j escapes the values; its
 * {@code FoldingWriter} folds lines at 75 UTF-16 characters, which is more than 75 octets
 * for text that is not ASCII, so the lines are folded here, by octets, as RFC 5545 (3.1)
 * asks.
 */
public final class CalendarFeeds {

	/** The media type of a feed. */
	public static final String MEDIA_TYPE = "text/calendar;charset=UTF-8";

	private static final int LINE_OCTETS = 75;

	private CalendarFeeds() {
	}

	/**
	 * An empty feed named {@code name} (a calendar application's title for it), made by
	 * the product {@code product} (such as {@code Timetable}). It names no METHOD: it is
	 * a calendar to subscribe to, not an iTIP message (whose PUBLISH requires an
	 * ORGANIZER), so each DTSTAMP says when its component was last revised (RFC 5545,
	 * 3.8.7.2).
	 */
	public static Calendar feed(String product, String name) {
		Calendar calendar = new Calendar();
		calendar.add(new ProdId("-//Summit Tracker//" + product + "//EN"));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		calendar.add(new XProperty("X-WR-CALNAME", text(name)));
		return calendar;
	}

	/**
	 * A TEXT value as a feed carries it: line breaks as one {@code \n}, other control
	 * characters dropped (ical4j escapes backslashes, semicolons, commas and line
	 * breaks).
	 */
	public static String text(String value) {
		String lines = value.replace("\r\n", "\n").replace('\r', '\n');
		StringBuilder kept = new StringBuilder(lines.length());
		lines.codePoints().filter((c) -> c == '\n' || !Character.isISOControl(c)).forEach(kept::appendCodePoint);
		return kept.toString();
	}

	/**
	 * The host part of {@code baseUrl} (such as {@code summit.example.org}), which makes
	 * UIDs unique across installations.
	 */
	public static String uidHost(String baseUrl) {
		String host = baseUrl.replaceFirst("^[a-z]+://", "").replaceFirst("[:/].*$", "");
		return host.isEmpty() ? "summit-tracker" : host;
	}

	/**
	 * The feed as sent: content lines ending in CRLF, each folded so that no physical
	 * line exceeds 75 octets of UTF-8, a code point never split.
	 */
	public static String write(Calendar calendar) {
		String unfolded = calendar.toString();
		StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 64 * 3);
		for (String line : unfolded.split("\r\n")) {
			fold(line, out);
		}
		return out.toString();
	}

	private static void fold(String content, StringBuilder out) {
		int octets = 0;
		int limit = LINE_OCTETS;
		for (int i = 0; i < content.length();) {
			int codePoint = content.codePointAt(i);
			int size = octets(codePoint);
			if (octets + size > limit) {
				out.append("\r\n ");
				octets = 0;
				limit = LINE_OCTETS - 1; // the leading space of a continuation line
											// counts
			}
			out.appendCodePoint(codePoint);
			octets += size;
			i += Character.charCount(codePoint);
		}
		out.append("\r\n");
	}

	/**
	 * The octets of a code point in UTF-8, counted without encoding it; a lone surrogate
	 * is written as one ({@code ?}).
	 */
	private static int octets(int codePoint) {
		if (codePoint < 0x80 || (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)) {
			return 1;
		}
		return (codePoint < 0x800) ? 2 : (codePoint < 0x10000) ? 3 : 4;
	}

}
