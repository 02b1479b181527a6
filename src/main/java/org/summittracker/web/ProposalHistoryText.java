package org.summittracker.web;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.summittracker.minutes.TextWrap;
import org.summittracker.position.PositionView;
import org.summittracker.position.Readiness;
import org.summittracker.position.Stance;

/**
 * A proposal's history in Markdown or plain text, for a mail to the list: the proposal,
 * its readiness today and what is missing, its concerns (open ones first), the sessions
 * that discussed it, how positions moved, and the timeline.
 */
final class ProposalHistoryText {

	private ProposalHistoryText() {
	}

	/**
	 * Writes the history: the proposal's life, its concerns and how positions moved,
	 * which {@code concerns} and {@code movements} hand over one by one, then its
	 * timeline, which {@code timeline} hands over entry by entry: none of them is held
	 * whole.
	 */
	static void write(ProposalLife.Life life, boolean markdown, Consumer<Consumer<ProposalLife.ConcernLine>> concerns,
			Consumer<Consumer<ProposalLife.Movement>> movements, Consumer<Consumer<ProposalLife.Entry>> timeline,
			PrintWriter out) {
		ProposalLife.Header p = life.proposal();
		heading(out, markdown, 1, p.title() + " [" + p.key() + "]");
		line(out, markdown, "Status: " + p.status().words());
		if (p.parentKey() != null) {
			line(out, markdown, "Part of: " + p.parentKey());
		}
		if (p.supersededByKey() != null) {
			line(out, markdown, "Superseded by: " + p.supersededByKey());
		}
		out.append('\n');
		if (markdown) {
			out.append(p.statement()).append('\n');
		}
		else {
			TextWrap.lines(p.statement(), "", "").forEach((l) -> out.append(l).append('\n'));
		}
		out.append('\n');
		if (life.buyIn() != null) {
			Readiness readiness = life.buyIn().readiness();
			heading(out, markdown, 2, "Readiness: " + (readiness.isReady() ? "READY" : "NOT READY"));
			readiness.missing().forEach((m) -> item(out, markdown, "missing: " + m));
			readiness.acked().forEach((a) -> item(out, markdown, a));
			out.append('\n');
			mailGiven(out, markdown, life.buyIn().buyIn().positions());
		}
		heading(out, markdown, 2, "Concerns");
		boolean[] any = { false };
		concerns.accept((c) -> {
			any[0] = true;
			item(out, markdown,
					c.key() + " (" + c.status().toLowerCase(Locale.ROOT) + (c.blocking() ? ", blocking" : "") + "): "
							+ c.title() + "; raised by " + c.raiserHandle() + " at " + c.raisedIn().eventName() + " ("
							+ c.raisedIn().sessionTitle() + ")");
			c.steps()
				.stream()
				.filter((e) -> !"RAISED".equals(e.kind()))
				.forEach((e) -> indented(out, markdown, "  - ", "    ", step(e)));
		});
		if (!any[0]) {
			line(out, markdown, "None raised.");
		}
		out.append('\n');
		heading(out, markdown, 2, "Discussed at");
		life.sessions()
			.forEach((s) -> item(out, markdown,
					s.startsOn() + " " + s.eventName() + ": " + s.sessionTitle() + " <" + s.path() + ">"));
		out.append('\n');
		boolean[] moved = { false };
		movements.accept((m) -> {
			if (!moved[0]) {
				moved[0] = true;
				heading(out, markdown, 2, "Positions, session by session");
			}
			item(out, markdown, m.handle() + ": "
					+ String.join(" → ", m.stances().stream().map((s) -> s.isEmpty() ? "-" : words(s)).toList()));
			indented(out, markdown, "  - ", "    ", "stated: " + m.movesInWords());
		});
		if (moved[0]) {
			out.append('\n');
		}
		if (life.changes().stream().anyMatch((c) -> c.decidedIn() != null)) {
			heading(out, markdown, 2, "Decisions");
			life.changes()
				.stream()
				.filter((c) -> c.decidedIn() != null)
				.forEach((c) -> item(out, markdown, c.decidedIn().eventName() + " (" + c.decidedIn().sessionTitle()
						+ "): " + c.summary() + " (recorded by " + c.by() + ")"));
			out.append('\n');
		}
		heading(out, markdown, 2, "Timeline");
		ProposalLife.DiscussedIn[] current = { null };
		timeline.accept((e) -> {
			if (e.session() != current[0]) {
				if (current[0] != null) {
					// A blank line between one summit's entries and the next one's
					// heading.
					out.append('\n');
				}
				current[0] = e.session();
				heading(out, markdown, 3, e.session().eventName() + ": " + e.session().sessionTitle());
			}
			item(out, markdown, describe(e));
		});
	}

	/**
	 * The positions given by mail as trailers, each followed by the {@code Link:} to its
	 * message, ready to paste into a mail to the list.
	 */
	private static void mailGiven(PrintWriter out, boolean markdown, List<PositionView> positions) {
		List<PositionView> byMail = positions.stream().filter((p) -> p.mailTrailerLine() != null).toList();
		if (byMail.isEmpty()) {
			return;
		}
		heading(out, markdown, 2, "Given by mail");
		if (markdown) {
			out.append("```\n");
		}
		for (PositionView p : byMail) {
			// Never wrapped: each is one trailer, ready to paste.
			out.append(p.mailTrailerLine()).append('\n');
			out.append("Link: ").append(p.mailLink()).append('\n');
		}
		if (markdown) {
			out.append("```\n");
		}
		out.append('\n');
	}

	/**
	 * A step of a concern after it was raised, with the session it was taken in and by
	 * whom: “resolved at Maintainers Summit 2025 (Rust) by ojeda”.
	 */
	static String step(ProposalLife.Entry e) {
		String what = switch (e.kind()) {
			case "RERAISED" -> "raised again";
			case "ANSWERED" -> "answered";
			default -> e.detail().toLowerCase(Locale.ROOT);
		};
		return what + " at " + e.session().eventName() + " (" + e.session().sessionTitle() + ")"
				+ ((e.handle() != null) ? " by " + e.handle() : "");
	}

	static String describe(ProposalLife.Entry e) {
		String who = (e.handle() != null) ? e.handle() : "";
		return switch (e.kind()) {
			case "NOTE" -> who + " (" + e.detail().toLowerCase(Locale.ROOT) + "): " + e.text();
			case "POSITION" -> who + ": " + ("CONFIRMED".equals(e.detail()) && e.newStance() != null
					? "confirmed " + words(e.newStance()) : transition(e.text()));
			case "RAISED" -> who + " raised " + e.text() + ("BLOCKING".equals(e.detail()) ? " (blocking)" : "");
			case "RERAISED" -> who + " raised again " + e.text();
			case "ANSWERED" -> who + " answered " + e.text();
			case "DECIDED" -> "proposal changed by " + e.detail() + ": " + e.text();
			case "CONCERN" -> "concern " + e.text() + " → " + e.detail().toLowerCase(Locale.ROOT)
					+ (who.isEmpty() ? "" : " (" + who + ")");
			default -> "resolution (" + e.detail().toLowerCase(Locale.ROOT).replace('_', ' ') + "): " + e.text();
		};
	}

	/** “SUPPORTS&gt;OPPOSES” in words. */
	static String transition(String stances) {
		String[] parts = stances.split(">", -1);
		String from = parts[0].isEmpty() ? "none" : words(parts[0]);
		String to = (parts.length < 2 || parts[1].isEmpty()) ? "withdrawn" : words(parts[1]);
		return from + " → " + to;
	}

	static String words(String stance) {
		try {
			return Stance.valueOf(stance).label();
		}
		catch (IllegalArgumentException ex) {
			return stance.toLowerCase(Locale.ROOT);
		}
	}

	private static void heading(PrintWriter out, boolean markdown, int level, String text) {
		if (markdown) {
			out.append("#".repeat(level)).append(' ').append(text).append("\n\n");
		}
		else {
			List<String> lines = TextWrap.lines(text, "", "");
			lines.forEach((l) -> out.append(l).append('\n'));
			int width = lines.stream().mapToInt(String::length).max().orElse(0);
			out.append(((level == 1) ? "=" : "-").repeat(width)).append("\n\n");
		}
	}

	private static void line(PrintWriter out, boolean markdown, String text) {
		indented(out, markdown, "", "", text);
	}

	private static void item(PrintWriter out, boolean markdown, String text) {
		indented(out, markdown, "- ", "  ", text);
	}

	/**
	 * A line as it is in Markdown; in plain text wrapped at 72 columns as the text
	 * minutes are, its first line after {@code first}, the others indented by
	 * {@code rest}.
	 */
	private static void indented(PrintWriter out, boolean markdown, String first, String rest, String text) {
		if (markdown) {
			out.append(first).append(text).append('\n');
		}
		else {
			TextWrap.lines(text, first, rest).forEach((l) -> out.append(l).append('\n'));
		}
	}

}
