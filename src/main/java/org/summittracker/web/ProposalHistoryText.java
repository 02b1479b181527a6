package org.summittracker.web;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

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
		line(out, "Status: " + p.status().words());
		if (p.parentKey() != null) {
			line(out, "Part of: " + p.parentKey());
		}
		if (p.supersededByKey() != null) {
			line(out, "Superseded by: " + p.supersededByKey());
		}
		out.append('\n').append(p.statement()).append("\n\n");
		if (life.buyIn() != null) {
			Readiness readiness = life.buyIn().readiness();
			heading(out, markdown, 2, "Readiness: " + (readiness.isReady() ? "READY" : "NOT READY"));
			readiness.missing().forEach((m) -> item(out, "missing: " + m));
			readiness.acked().forEach((a) -> item(out, a));
			out.append('\n');
			mailGiven(out, markdown, life.buyIn().buyIn().positions());
		}
		heading(out, markdown, 2, "Concerns");
		boolean[] any = { false };
		concerns.accept((c) -> {
			any[0] = true;
			item(out,
					c.key() + " (" + c.status().toLowerCase(Locale.ROOT) + (c.blocking() ? ", blocking" : "") + "): "
							+ c.title() + "; raised by " + c.raiserHandle() + " at " + c.raisedIn().eventName() + " ("
							+ c.raisedIn().sessionTitle() + ")");
			c.steps()
				.stream()
				.filter((e) -> !"RAISED".equals(e.kind()))
				.forEach((e) -> out.append("  - ").append(step(e)).append('\n'));
		});
		if (!any[0]) {
			line(out, "None raised.");
		}
		out.append('\n');
		heading(out, markdown, 2, "Discussed at");
		life.sessions()
			.forEach((s) -> item(out,
					s.startsOn() + " " + s.eventName() + ": " + s.sessionTitle() + " <" + s.path() + ">"));
		out.append('\n');
		boolean[] moved = { false };
		movements.accept((m) -> {
			if (!moved[0]) {
				moved[0] = true;
				heading(out, markdown, 2, "Positions, session by session");
			}
			item(out, m.handle() + ": "
					+ String.join(" -> ", m.stances().stream().map((s) -> s.isEmpty() ? "-" : words(s)).toList()));
			out.append("  - stated: ").append(m.movesInWords()).append('\n');
		});
		if (moved[0]) {
			out.append('\n');
		}
		if (life.changes().stream().anyMatch((c) -> c.decidedIn() != null)) {
			heading(out, markdown, 2, "Decisions");
			life.changes()
				.stream()
				.filter((c) -> c.decidedIn() != null)
				.forEach((c) -> item(out, c.decidedIn().eventName() + " (" + c.decidedIn().sessionTitle() + "): "
						+ c.summary() + " (recorded by " + c.by() + ")"));
			out.append('\n');
		}
		heading(out, markdown, 2, "Timeline");
		ProposalLife.DiscussedIn[] current = { null };
		timeline.accept((e) -> {
			if (e.session() != current[0]) {
				current[0] = e.session();
				heading(out, markdown, 3, e.session().eventName() + ": " + e.session().sessionTitle());
			}
			item(out, describe(e));
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
			line(out, p.mailTrailerLine());
			line(out, "Link: " + p.mailLink());
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
			case "POSITION" -> who + ": " + transition(e.text());
			case "RAISED" -> who + " raised " + e.text() + ("BLOCKING".equals(e.detail()) ? " (blocking)" : "");
			case "RERAISED" -> who + " raised again " + e.text();
			case "ANSWERED" -> who + " answered " + e.text();
			case "DECIDED" -> "proposal changed by " + e.detail() + ": " + e.text();
			case "CONCERN" -> "concern " + e.text() + " -> " + e.detail().toLowerCase(Locale.ROOT)
					+ (who.isEmpty() ? "" : " (" + who + ")");
			default -> "resolution (" + e.detail().toLowerCase(Locale.ROOT).replace('_', ' ') + "): " + e.text();
		};
	}

	/** “SUPPORTS&gt;OPPOSES” in words. */
	static String transition(String stances) {
		String[] parts = stances.split(">", -1);
		String from = parts[0].isEmpty() ? "none" : words(parts[0]);
		String to = (parts.length < 2 || parts[1].isEmpty()) ? "withdrawn" : words(parts[1]);
		return from + " -> " + to;
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
			out.append(text).append('\n').append(((level == 1) ? "=" : "-").repeat(text.length())).append("\n\n");
		}
	}

	private static void line(PrintWriter out, String text) {
		out.append(text).append('\n');
	}

	private static void item(PrintWriter out, String text) {
		out.append("- ").append(text).append('\n');
	}

}
