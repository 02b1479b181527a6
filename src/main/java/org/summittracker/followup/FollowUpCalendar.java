package org.summittracker.followup;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A person's follow-ups as an iCalendar feed (RFC 5545): one all-day VEVENT on each due
 * date, which every calendar application shows (VTODO is ignored by many). Lines end in
 * CRLF and are folded at 75 octets.
 */
final class FollowUpCalendar {

	public static final String MEDIA_TYPE = "text/calendar;charset=UTF-8";

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	private final StringBuilder out = new StringBuilder();

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
		FollowUpCalendar calendar = new FollowUpCalendar();
		String host = baseUrl.replaceFirst("^[a-z]+://", "").replaceFirst("[:/].*$", "");
		calendar.line("BEGIN:VCALENDAR");
		calendar.line("VERSION:2.0");
		calendar.line("PRODID:-//Summit Tracker//Follow-ups//EN");
		calendar.line("CALSCALE:GREGORIAN");
		calendar.line("METHOD:PUBLISH");
		calendar.line("X-WR-CALNAME:" + text("Follow-ups of " + ownerName + " (" + ownerHandle + ")"));
		for (FollowUpListing f : followUps) {
			if (f.dueOn() == null) {
				continue;
			}
			String url = baseUrl + "/follow-ups/" + f.id();
			calendar.line("BEGIN:VEVENT");
			calendar.line("UID:follow-up-" + f.id() + "@" + (host.isEmpty() ? "summit-tracker" : host));
			calendar.line("DTSTAMP:" + STAMP.format((f.updatedAt() != null) ? f.updatedAt() : now));
			calendar.line("DTSTART;VALUE=DATE:" + DAY.format(f.dueOn()));
			calendar.line("DTEND;VALUE=DATE:" + DAY.format(f.dueOn().plusDays(1)));
			calendar.line("SUMMARY:" + text((f.status().isActive() ? "" : f.status().label() + ": ") + f.title()));
			calendar.line("DESCRIPTION:" + text("Follow-up of the session " + f.sessionTitle() + " (" + f.eventName()
					+ "). Status: " + f.status().label() + ((f.dropReason() != null) ? " (" + f.dropReason() + ")" : "")
					+ ((f.concernKey() != null) ? ". Addresses the concern " + f.concernKey() : "")
					+ ((f.resolutionSeq() != null) ? ". Implements resolution " + f.resolutionSeq() : "") + ".\n"
					+ url));
			calendar.line("URL:" + url);
			calendar.line("STATUS:" + ((f.status() == FollowUpStatus.DROPPED) ? "CANCELLED" : "CONFIRMED"));
			calendar.line("TRANSP:TRANSPARENT");
			calendar.line("SEQUENCE:" + f.version());
			calendar.line("LAST-MODIFIED:"
					+ STAMP.format(((f.updatedAt() != null) ? f.updatedAt() : now).truncatedTo(ChronoUnit.SECONDS)));
			calendar.line("END:VEVENT");
		}
		calendar.line("END:VCALENDAR");
		return calendar.out.toString();
	}

	/**
	 * A TEXT value: backslashes, semicolons, commas and line breaks escaped; other
	 * control characters dropped.
	 */
	static String text(String value) {
		StringBuilder escaped = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> escaped.append("\\\\");
				case ';' -> escaped.append("\\;");
				case ',' -> escaped.append("\\,");
				case '\n' -> escaped.append("\\n");
				default -> {
					if (!Character.isISOControl(c)) {
						escaped.append(c);
					}
				}
			}
		}
		return escaped.toString();
	}

	/**
	 * Appends one content line, folded so that no physical line exceeds 75 octets of
	 * UTF-8 (RFC 5545, 3.1).
	 */
	private void line(String content) {
		int octets = 0;
		int limit = 75;
		for (int i = 0; i < content.length();) {
			int codePoint = content.codePointAt(i);
			int size = octets(codePoint);
			if (octets + size > limit) {
				this.out.append("\r\n ");
				octets = 0;
				limit = 74; // the leading space of a continuation line counts
			}
			this.out.appendCodePoint(codePoint);
			octets += size;
			i += Character.charCount(codePoint);
		}
		this.out.append("\r\n");
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
