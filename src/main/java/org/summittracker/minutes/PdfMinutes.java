package org.summittracker.minutes;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;

import org.summittracker.minutes.PdfLayout.Run;
import org.summittracker.minutes.SessionMinutes.BuyInEntry;
import org.summittracker.minutes.SessionMinutes.CarriedConcernEntry;
import org.summittracker.minutes.SessionMinutes.ConcernEntry;
import org.summittracker.minutes.SessionMinutes.EventHeader;
import org.summittracker.minutes.SessionMinutes.FollowUpEntry;
import org.summittracker.minutes.SessionMinutes.MaterialEntry;
import org.summittracker.minutes.SessionMinutes.Note;
import org.summittracker.minutes.SessionMinutes.ProposalEntry;
import org.summittracker.minutes.SessionMinutes.ReadinessEntry;
import org.summittracker.minutes.SessionMinutes.ResolutionEntry;
import org.summittracker.minutes.SessionMinutes.Response;

import static org.summittracker.minutes.MinutesFormat.day;

/**
 * Minutes laid out as PDF pages: the facts of the Markdown minutes, in the same order,
 * each table written as a list.
 */
final class PdfMinutes {

	private static final Parser MARKDOWN = Parser.builder().build();

	private static final TextContentRenderer PLAIN = TextContentRenderer.builder().build();

	private PdfMinutes() {
	}

	static void writeEventHeader(EventHeader event, PdfLayout out) {
		out.heading(1, event.name());
		out.paragraph("Dates: " + MinutesFormat.dates(event)
				+ ((event.location() != null) ? "; location: " + event.location() : ""));
	}

	/**
	 * A session's minutes under a heading of the level given (1 alone, 2 in an event).
	 */
	static void write(SessionMinutes m, PdfLayout out, int level) {
		out.heading(level, m.event().name() + ": " + m.session().title());
		out.paragraph("Event: " + m.event().name() + " (" + MinutesFormat.dates(m.event()) + ")");
		MinutesFormat.schedule(m).ifPresent(out::paragraph);
		MinutesFormat.attendeesByRole(m).forEach(out::paragraph);
		out.paragraph("Status: " + MinutesFormat.status(m));
		if (m.session().summary() != null) {
			summary(m.session().summary(), out);
		}
		int sub = level + 1;
		if (m.proposals().isEmpty()) {
			if (m.session().hasStatement()) {
				out.heading(sub, "Proposal");
				out.paragraph(m.session().statement());
			}
			readiness(m.readiness(), sub, out);
			out.heading(sub, "Buy-in");
			buyIn(m.buyIn(), out);
		}
		else {
			out.heading(sub, "Proposals discussed");
			for (ProposalEntry p : m.proposals()) {
				out.heading(sub + 1, p.key() + " " + p.title());
				out.paragraph("Status: " + p.status());
				if (p.parent() != null) {
					out.paragraph("Part of: " + p.parent());
				}
				if (!p.statement().isBlank()) {
					out.paragraph(p.statement());
				}
				readiness(p.readiness(), sub + 2, out);
				out.heading(sub + 2, "Buy-in on " + p.key());
				buyIn(p.buyIn(), out);
			}
			out.heading(sub, "Concerns carried forward");
			if (m.allCarriedConcerns().isEmpty()) {
				out.paragraph("No concerns were carried forward.");
			}
			for (CarriedConcernEntry c : m.allCarriedConcerns()) {
				out.bullet(0, c.key() + " " + c.title() + " (on " + c.proposal() + ")");
				out.bullet(1, MinutesFormat.raised(c));
				out.bullet(1, "Status: " + c.status() + (c.blocking() ? ", blocking" : ""));
				out.bullet(1, "In this session: " + MinutesFormat.inThisSession(c));
				for (Response r : c.responses()) {
					out.bullet(1, "Response from " + r.author().name() + ": " + r.body());
				}
			}
			out.gap();
		}

		out.heading(sub, "Discussion");
		if (m.notes().isEmpty()) {
			out.paragraph("No discussion notes.");
		}
		for (Note note : m.notes()) {
			out.item(0, note.seq() + ".", Run.bold(note.speaker().name()),
					Run.plain(" (" + note.kind() + "): " + note.body()));
		}
		out.gap();

		out.heading(sub, "Concerns");
		if (m.concerns().isEmpty()) {
			out.paragraph("No concerns were raised.");
		}
		for (ConcernEntry c : m.concerns()) {
			out.bullet(0, c.key() + " " + c.title());
			out.bullet(1, "Category: " + c.category() + "; raised by " + c.raisedBy().name() + "; status: " + c.status()
					+ (c.blocking() ? "; blocking: " + c.blockingReason() : ""));
			if (c.statusNote() != null) {
				out.bullet(1, "Note: " + c.statusNote());
			}
			if (c.revisitOn() != null) {
				out.bullet(1, "Revisit on " + day(c.revisitOn()));
			}
			for (Response r : c.responses()) {
				out.bullet(1, "Response from " + r.author().name() + ": " + r.body());
			}
		}
		out.gap();

		out.heading(sub, "Resolutions");
		if (m.resolutions().isEmpty()) {
			out.paragraph("No resolutions.");
		}
		for (ResolutionEntry r : m.resolutions()) {
			out.item(0, r.seq() + ".", Run.bold(r.outcomeLabel()),
					Run.plain(": " + r.statement()
							+ ((r.decidedOn() != null) ? " (decided " + day(r.decidedOn()) + ")" : "")
							+ ((r.revisitOn() != null) ? " (revisit " + day(r.revisitOn()) + ")" : "")
							+ (r.addresses().isEmpty() ? "" : " Addresses: " + String.join(", ", r.addresses()) + ".")
							+ ((r.proposal() != null) ? " Decides proposal " + r.proposal() + "." : "")));
		}
		out.gap();

		out.heading(sub, "Follow-ups");
		if (m.followUps().isEmpty()) {
			out.paragraph("No follow-ups.");
		}
		for (FollowUpEntry f : m.followUps()) {
			out.item(0, "done".equals(f.status()) ? "☑" : "☐",
					Run.plain(f.title() + " — " + f.owner().name() + "; due "
							+ ((f.dueOn() != null) ? day(f.dueOn()) : "not set") + "; "
							+ f.statusLabel().toLowerCase(Locale.ROOT)
							+ ((f.dropReason() != null) ? " (" + f.dropReason() + ")" : "")
							+ ((f.concern() != null) ? "; addresses " + f.concern() : "")));
		}
		out.gap();

		if (!m.material().isEmpty()) {
			out.heading(sub, "Material");
			for (MaterialEntry e : m.material()) {
				out.bullet(0, Run.bold("[" + e.kind() + "] " + e.title()),
						Run.plain(((e.by() != null) ? " — " + e.by().name() : "") + ": " + e.url()));
			}
			out.gap();
		}

		if (m.amendments().isAmended()) {
			out.heading(sub, "Amended after publication on "
					+ day(m.amendments().publishedAt().atZone(ZoneOffset.UTC).toLocalDate()));
			m.amendments().changes().forEach((change) -> out.bullet(0, change));
			out.gap();
		}
	}

	private static void readiness(ReadinessEntry readiness, int level, PdfLayout out) {
		out.heading(level, "Readiness: " + (readiness.ready() ? "READY" : "NOT READY"));
		readiness.missing().forEach((line) -> out.bullet(0, "Missing: " + line));
		readiness.acked().forEach((line) -> out.bullet(0, line));
		out.gap();
	}

	/**
	 * The session's summary, written in Markdown, as the plain text it reads as (no
	 * markup: emphasis dropped, a link's address in brackets after its text), a paragraph
	 * per block.
	 */
	private static void summary(String markdown, PdfLayout out) {
		for (String block : PLAIN.render(MARKDOWN.parse(markdown)).split("\\R\\s*\\R")) {
			if (!block.isBlank()) {
				out.paragraph(block.strip());
			}
		}
	}

	/** A buy-in table as a list: person, what they maintain, stance, qualifier, entry. */
	private static void buyIn(List<BuyInEntry> buyIn, PdfLayout out) {
		for (BuyInEntry b : buyIn) {
			List<String> about = new ArrayList<>();
			about.add(b.stanceLabel());
			if (b.hasPosition()) {
				about.add(MinutesFormat.qualifier(b));
			}
			about.add(MinutesFormat.entered(b));
			String maintains = b.maintains().isEmpty() ? "" : " (maintains: " + String.join(", ", b.maintains()) + ")";
			out.bullet(0, Run.bold(b.person().name()), Run.plain(maintains + ": " + MinutesFormat.join(about)));
		}
		out.gap();
	}

}
