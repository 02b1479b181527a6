package org.summittracker.minutes;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.summittracker.minutes.SessionMinutes.BuyInEntry;
import org.summittracker.minutes.SessionMinutes.CarriedConcernEntry;
import org.summittracker.minutes.SessionMinutes.ConcernEntry;
import org.summittracker.minutes.SessionMinutes.EventHeader;
import org.summittracker.minutes.SessionMinutes.FollowUpEntry;
import org.summittracker.minutes.SessionMinutes.Note;
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

	private static final Pattern LINE_BREAK = Pattern.compile("\\R");

	private static final Pattern SPACES = Pattern.compile("\\s+");

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
		if (m.session().scheduledAt() != null) {
			out.println("Held: " + MinutesFormat.instant(m.session().scheduledAt()));
		}
		MinutesFormat.attendeesByRole(m).forEach((line) -> wrap(out, line, "", "  "));
		wrap(out, "Status: " + MinutesFormat.status(m), "", "  ");
		out.println();

		if (m.proposals().isEmpty()) {
			underline(out, "Proposal", '-');
			wrap(out, m.session().proposal(), "", "");
			out.println();
			readiness(out, "Readiness", m.readiness());
			underline(out, "Buy-in", '-');
			buyIn(out, m.buyIn());
		}
		else {
			underline(out, "Proposals discussed", '-');
			out.println();
			for (ProposalEntry p : m.proposals()) {
				wrap(out, "[" + p.key() + "] " + p.title(), "", "  ");
				wrap(out,
						"Status: " + p.status() + ((p.parentKey() != null) ? "; part of [" + p.parentKey() + "]" : ""),
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
			wrap(out, label + ": " + b.person().trailer(), "", "    ");
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

	/** Markdown written by people, flattened to one paragraph of plain text. */
	private static String plain(String markdown) {
		return SPACES.matcher(markdown).replaceAll(" ").trim();
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
	 * alone rather than break. Each line break of the text starts a new line. The
	 * patterns are compiled once: it wraps every line of the minutes.
	 */
	static List<String> lines(String text, String firstIndent, String restIndent, int width) {
		List<String> lines = new ArrayList<>();
		for (String paragraph : LINE_BREAK.split(text)) {
			StringBuilder line = new StringBuilder(lines.isEmpty() ? firstIndent : restIndent);
			int start = line.length();
			for (String word : SPACES.split(paragraph.trim())) {
				if (word.isEmpty()) {
					continue;
				}
				if (line.length() > start && line.length() + 1 + word.length() > width) {
					lines.add(line.toString());
					line = new StringBuilder(restIndent);
					start = line.length();
				}
				if (line.length() > start) {
					line.append(' ');
				}
				line.append(word);
			}
			lines.add(line.toString());
		}
		return lines;
	}

}
