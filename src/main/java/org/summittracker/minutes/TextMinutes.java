package org.summittracker.minutes;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.summittracker.minutes.SessionMinutes.BuyInEntry;
import org.summittracker.minutes.SessionMinutes.CarriedConcernEntry;
import org.summittracker.minutes.SessionMinutes.ConcernEntry;
import org.summittracker.minutes.SessionMinutes.EventHeader;
import org.summittracker.minutes.SessionMinutes.FollowUpEntry;
import org.summittracker.minutes.SessionMinutes.MaterialEntry;
import org.summittracker.minutes.SessionMinutes.Note;
import org.summittracker.minutes.SessionMinutes.PersonRef;
import org.summittracker.minutes.SessionMinutes.ProposalEntry;
import org.summittracker.minutes.SessionMinutes.ReadinessEntry;
import org.summittracker.minutes.SessionMinutes.ResolutionEntry;
import org.summittracker.minutes.SessionMinutes.Response;

import static org.summittracker.minutes.MinutesFormat.day;

/**
 * Minutes as plain text ready to paste into a mail to a mailing list: no markup, wrapped
 * at 72 columns, concern keys as stable IDs in brackets, positions as kernel-style
 * trailers.
 */
final class TextMinutes {

	static final int WIDTH = 72;

	/** Stances that have a kernel trailer; the others are written as labelled lines. */
	private static final Map<String, String> TRAILERS = Map.of("supports", "Acked-by", "supports with conditions",
			"Acked-by", "opposes", "Nacked-by");

	private TextMinutes() {
	}

	static void writeEventHeader(EventHeader event, PrintWriter out) {
		underline(out, event.name(), '=');
		out.println("Dates: " + MinutesFormat.dates(event));
		if (event.location() != null) {
			wrap(out, "Location: " + event.location(), "", "  ");
		}
		out.println();
	}

	static void write(SessionMinutes m, PrintWriter out) {
		underline(out, m.event().name() + ": " + m.session().title(), '=');
		wrap(out, "Event: " + m.event().name() + " (" + MinutesFormat.dates(m.event()) + ")", "", "  ");
		MinutesFormat.schedule(m).ifPresent((line) -> wrap(out, line, "", "  "));
		MinutesFormat.attendeesByRole(m).forEach((line) -> wrap(out, line, "", "  "));
		wrap(out, "Status: " + MinutesFormat.status(m), "", "  ");
		out.println();

		if (m.proposals().isEmpty()) {
			if (m.session().hasStatement()) {
				underline(out, "Proposal", '-');
				wrap(out, m.session().statement(), "", "");
				out.println();
			}
			readiness(out, "Readiness", m.readiness());
			underline(out, "Buy-in", '-');
			buyIn(out, m.buyIn());
		}
		else {
			underline(out, "Proposals discussed", '-');
			out.println();
			for (ProposalEntry p : m.proposals()) {
				wrap(out, "[" + p.key() + "] " + p.title(), "", "  ");
				wrap(out, "Status: " + p.status() + ((p.parent() != null) ? "; part of [" + p.parent() + "]" : ""),
						"  ", "    ");
				if (!p.statement().isBlank()) {
					wrap(out, plain(p.statement()), "  ", "  ");
				}
				out.println();
				readiness(out, "Readiness", p.readiness());
				underline(out, "Buy-in on [" + p.key() + "]", '-');
				buyIn(out, p.buyIn());
			}
			underline(out, "Concerns carried forward", '-');
			if (m.allCarriedConcerns().isEmpty()) {
				out.println("No concerns were carried forward.");
			}
			for (CarriedConcernEntry c : m.allCarriedConcerns()) {
				wrap(out, "[" + c.key() + "] " + c.title() + " (on [" + c.proposal() + "])", "", "  ");
				wrap(out, MinutesFormat.raised(c), "  ", "    ");
				wrap(out, "Status: " + c.status() + (c.blocking() ? " (blocking)" : ""), "  ", "    ");
				wrap(out, "In this session: " + MinutesFormat.inThisSession(c), "  ", "    ");
				for (Response r : c.responses()) {
					wrap(out, "Response from " + r.author().name() + ": " + plain(r.body()), "  ", "    ");
				}
			}
			out.println();
		}

		underline(out, "Discussion", '-');
		if (m.notes().isEmpty()) {
			out.println("No discussion notes.");
		}
		for (Note note : m.notes()) {
			String number = note.seq() + ". ";
			wrap(out, number + note.speaker().name() + " (" + note.kind() + "): " + note.body(), "",
					" ".repeat(number.length()));
		}
		out.println();

		underline(out, "Concerns", '-');
		if (m.concerns().isEmpty()) {
			out.println("No concerns were raised.");
			out.println();
		}
		for (ConcernEntry c : m.concerns()) {
			wrap(out, "[" + c.key() + "] " + c.title(), "", "  ");
			wrap(out, "Category: " + c.category(), "  ", "    ");
			wrap(out, "Raised-by: " + c.raisedBy().trailer(), "  ", "    ");
			wrap(out,
					"Status: " + c.status() + (c.blocking() ? " (blocking: " + c.blockingReason() + ")" : "")
							+ ((c.statusNote() != null) ? "; " + c.statusNote() : "")
							+ ((c.revisitOn() != null) ? "; revisit on " + day(c.revisitOn()) : ""),
					"  ", "    ");
			for (Response r : c.responses()) {
				wrap(out, "Response from " + r.author().name() + ": " + plain(r.body()), "  ", "    ");
			}
			out.println();
		}

		underline(out, "Resolutions", '-');
		if (m.resolutions().isEmpty()) {
			out.println("No resolutions.");
		}
		for (ResolutionEntry r : m.resolutions()) {
			String number = r.seq() + ". ";
			wrap(out, number + "[" + r.outcome() + "] " + r.statement()
					+ ((r.decidedOn() != null) ? " Decided " + day(r.decidedOn()) + "." : "")
					+ ((r.revisitOn() != null) ? " Revisit " + day(r.revisitOn()) + "." : "")
					+ (r.addresses().isEmpty() ? "" : " Addresses: [" + String.join("], [", r.addresses()) + "].")
					+ ((r.proposal() != null) ? " Decides proposal [" + r.proposal() + "]." : ""), "",
					" ".repeat(number.length()));
		}
		out.println();

		underline(out, "Follow-ups", '-');
		if (m.followUps().isEmpty()) {
			out.println("No follow-ups.");
		}
		for (FollowUpEntry f : m.followUps()) {
			wrap(out, "- " + f.title() + ((f.concern() != null) ? " [" + f.concern() + "]" : ""), "", "  ");
			wrap(out,
					"Owner: " + f.owner().trailer() + "; due: " + ((f.dueOn() != null) ? day(f.dueOn()) : "not set")
							+ "; status: " + f.statusLabel().toLowerCase(Locale.ROOT)
							+ ((f.dropReason() != null) ? " (" + f.dropReason() + ")" : ""),
					"  ", "    ");
		}
		out.println();

		if (!m.material().isEmpty()) {
			underline(out, "Material", '-');
			for (MaterialEntry e : m.material()) {
				wrap(out, "- [" + e.kind() + "] " + e.title() + ((e.by() != null) ? " (" + e.by().name() + ")" : ""),
						"", "  ");
				out.println("  <" + e.url() + ">");
			}
			out.println();
		}

		if (m.amendments().isAmended()) {
			underline(out, "Amended after publication on "
					+ day(m.amendments().publishedAt().atZone(ZoneOffset.UTC).toLocalDate()), '-');
			m.amendments().changes().forEach((change) -> wrap(out, "- " + change, "", "  "));
			out.println();
		}
	}

	private static void readiness(PrintWriter out, String title, ReadinessEntry readiness) {
		underline(out, title + ": " + (readiness.ready() ? "READY" : "NOT READY"), '-');
		readiness.missing().forEach((line) -> wrap(out, "- Missing: " + line, "", "  "));
		readiness.acked().forEach((line) -> wrap(out, "- " + line, "", "  "));
		out.println();
	}

	private static void buyIn(PrintWriter out, List<BuyInEntry> buyIn) {
		for (BuyInEntry b : buyIn) {
			String trailer = b.hasPosition() ? ((b.mail() != null && TRAILERS.containsKey(b.stance()))
					? b.mail().trailer() : TRAILERS.get(b.stance())) : null;
			String label = (trailer != null) ? trailer
					: b.hasPosition()
							? MinutesFormat.capitalize(b.stanceLabel().toLowerCase(Locale.ROOT)).replace(' ', '-')
							: "No-record";
			// A trailer from a mail keeps the address it gave there, as kernel practice
			// does.
			PersonRef person = (b.mail() != null && b.mail().address() != null && trailer != null)
					? new PersonRef(b.person().handle(), b.person().name(), b.mail().address()) : b.person();
			wrap(out, label + ": " + person.trailer(), "", "    ");
			if (b.mail() != null) {
				// Right under its trailer, ready to paste into a mail to the list.
				out.println("Link: " + b.mail().link());
			}
			List<String> details = new ArrayList<>();
			String qualifier = MinutesFormat.qualifier(b);
			if (!qualifier.isEmpty()) {
				details.add(b.hasPosition() ? qualifier : "maintains " + qualifier);
			}
			if (b.hasPosition()) {
				details.add(MinutesFormat.entered(b));
			}
			if (!details.isEmpty()) {
				wrap(out, "(" + MinutesFormat.join(details) + ")", "    ", "    ");
			}
		}
		out.println();
	}

	/**
	 * Markdown written by people, flattened to one paragraph of plain text: each run of
	 * white space (as {@code \s+}: space, tab and the ASCII line breaks) one space.
	 */
	static String plain(String markdown) {
		StringBuilder flat = new StringBuilder(markdown.length());
		boolean inSpaces = false;
		for (int i = 0; i < markdown.length(); i++) {
			char c = markdown.charAt(i);
			if (isSpace(c)) {
				if (!inSpaces) {
					flat.append(' ');
				}
				inSpaces = true;
			}
			else {
				flat.append(c);
				inSpaces = false;
			}
		}
		return flat.toString().trim();
	}

	/** White space as {@code \s} is in a regular expression. */
	private static boolean isSpace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
	}

	/** A line break as {@code \R} is (a CR LF pair is one). */
	private static boolean isLineBreak(char c) {
		return c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
	}

	private static void underline(PrintWriter out, String title, char rule) {
		List<String> lines = lines(title, "", "", WIDTH);
		lines.forEach(out::println);
		out.println(
				String.valueOf(rule).repeat(Math.min(WIDTH, lines.stream().mapToInt(String::length).max().orElse(0))));
	}

	static void wrap(PrintWriter out, String text, String firstIndent, String restIndent) {
		lines(text, firstIndent, restIndent, WIDTH).forEach(out::println);
	}

	/**
	 * Greedy word wrap; a single word longer than the line (a long address, say) stands
	 * alone rather than break. Each line break of the text starts a new line (line breaks
	 * at its end are dropped); each line of the text is trimmed, and its words are what
	 * spaces and tabs separate. Written without regular expressions: it wraps every line
	 * of the minutes, and an event's text minutes at summit scale spent most of their
	 * time matching patterns.
	 */
	static List<String> lines(String text, String firstIndent, String restIndent, int width) {
		List<String> lines = new ArrayList<>(2);
		StringBuilder line = new StringBuilder(width + 8);
		// As String.split: line breaks at the end make no lines, but an empty text is
		// one.
		int end = text.length();
		while (end > 0 && isLineBreak(text.charAt(end - 1))) {
			end--;
		}
		if (end == 0 && !text.isEmpty()) {
			return lines;
		}
		int from = 0;
		while (true) {
			int to = from;
			while (to < end && !isLineBreak(text.charAt(to))) {
				to++;
			}
			paragraph(text, from, to, lines.isEmpty() ? firstIndent : restIndent, restIndent, width, line, lines);
			if (to == end) {
				return lines;
			}
			// The last character before the end is no line break: a CR here has one after
			// it.
			from = to + ((text.charAt(to) == '\r' && text.charAt(to + 1) == '\n') ? 2 : 1);
		}
	}

	private static void paragraph(String text, int from, int to, String indent, String restIndent, int width,
			StringBuilder line, List<String> lines) {
		while (from < to && text.charAt(from) <= ' ') {
			from++;
		}
		while (to > from && text.charAt(to - 1) <= ' ') {
			to--;
		}
		line.setLength(0);
		line.append(indent);
		int start = line.length();
		int i = from;
		while (i < to) {
			int word = i;
			while (i < to && text.charAt(i) != ' ' && text.charAt(i) != '\t') {
				i++;
			}
			int length = i - word;
			if (length > 0) {
				if (line.length() > start && line.length() + 1 + length > width) {
					lines.add(line.toString());
					line.setLength(0);
					line.append(restIndent);
					start = line.length();
				}
				if (line.length() > start) {
					line.append(' ');
				}
				line.append(text, word, i);
			}
			while (i < to && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
				i++;
			}
		}
		lines.add(line.toString());
	}

}
