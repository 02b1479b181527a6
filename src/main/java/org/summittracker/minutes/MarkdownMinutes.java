package org.summittracker.minutes;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

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
 * Minutes as Markdown. User text is written as it was entered (it is Markdown already);
 * table cells escape pipes.
 */
final class MarkdownMinutes {

	private MarkdownMinutes() {
	}

	static void writeEventHeader(EventHeader event, PrintWriter out) {
		out.println("# " + event.name());
		out.println();
		out.println("- Dates: " + MinutesFormat.dates(event));
		if (event.location() != null) {
			out.println("- Location: " + event.location());
		}
		out.println();
	}

	static void write(SessionMinutes m, PrintWriter out, String heading) {
		out.println(heading + " " + m.event().name() + ": " + m.session().title());
		out.println();
		out.println("- Event: " + m.event().name() + " (" + MinutesFormat.dates(m.event()) + ")");
		MinutesFormat.schedule(m).ifPresent((line) -> out.println("- " + line));
		MinutesFormat.attendeesByRole(m).forEach((line) -> out.println("- " + line));
		out.println("- Status: " + MinutesFormat.status(m));
		out.println();
		String sub = heading + "#";
		if (m.session().summary() != null) {
			out.println(m.session().summary());
			out.println();
		}
		if (m.proposals().isEmpty()) {
			if (m.session().hasStatement()) {
				out.println(sub + " Proposal");
				out.println();
				out.println(m.session().statement());
				out.println();
			}
			readiness(m.readiness(), sub, out);
			buyIn(m.buyIn(), sub + " Buy-in", out);
		}
		else {
			out.println(sub + " Proposals discussed");
			out.println();
			for (ProposalEntry p : m.proposals()) {
				out.println(sub + "# `" + p.key() + "` " + p.title());
				out.println();
				out.println("- Status: " + p.status());
				if (p.parent() != null) {
					out.println("- Part of: `" + p.parent() + "`");
				}
				out.println();
				if (!p.statement().isBlank()) {
					out.println(p.statement());
					out.println();
				}
				readiness(p.readiness(), sub + "##", out);
				buyIn(p.buyIn(), sub + "## Buy-in on `" + p.key() + "`", out);
			}
			out.println(sub + " Concerns carried forward");
			out.println();
			if (m.allCarriedConcerns().isEmpty()) {
				out.println("No concerns were carried forward.");
			}
			for (CarriedConcernEntry c : m.allCarriedConcerns()) {
				out.println("- `" + c.key() + "` " + c.title() + " (on `" + c.proposal() + "`)");
				out.println("  - " + MinutesFormat.raised(c));
				out.println("  - Status: " + c.status() + (c.blocking() ? ", blocking" : ""));
				out.println("  - In this session: " + MinutesFormat.inThisSession(c));
				for (Response r : c.responses()) {
					out.println("  - Response from " + r.author().name() + ": " + r.body().replace("\n", " "));
				}
			}
			out.println();
		}

		out.println(sub + " Discussion");
		out.println();
		if (m.notes().isEmpty()) {
			out.println("No discussion notes.");
		}
		for (Note note : m.notes()) {
			out.println(note.seq() + ". **" + note.speaker().name() + "** (" + note.kind() + "): " + note.body());
		}
		out.println();

		out.println(sub + " Concerns");
		out.println();
		if (m.concerns().isEmpty()) {
			out.println("No concerns were raised.");
			out.println();
		}
		for (ConcernEntry c : m.concerns()) {
			out.println("- `" + c.key() + "` " + c.title());
			out.println("  - Category: " + c.category() + "; raised by " + c.raisedBy().name() + "; status: "
					+ c.status() + (c.blocking() ? "; blocking: " + c.blockingReason() : ""));
			if (c.statusNote() != null) {
				out.println("  - Note: " + c.statusNote());
			}
			if (c.revisitOn() != null) {
				out.println("  - Revisit on " + day(c.revisitOn()));
			}
			for (Response r : c.responses()) {
				out.println("  - Response from " + r.author().name() + ": " + r.body().replace("\n", " "));
			}
		}
		if (!m.concerns().isEmpty()) {
			out.println();
		}

		out.println(sub + " Resolutions");
		out.println();
		if (m.resolutions().isEmpty()) {
			out.println("No resolutions.");
		}
		for (ResolutionEntry r : m.resolutions()) {
			out.println(r.seq() + ". **" + r.outcomeLabel() + "**: " + r.statement()
					+ ((r.decidedOn() != null) ? " (decided " + day(r.decidedOn()) + ")" : "")
					+ ((r.revisitOn() != null) ? " (revisit " + day(r.revisitOn()) + ")" : "")
					+ (r.addresses().isEmpty() ? "" : " Addresses: `" + String.join("`, `", r.addresses()) + "`.")
					+ ((r.proposal() != null) ? " Decides proposal `" + r.proposal() + "`." : ""));
		}
		out.println();

		out.println(sub + " Follow-ups");
		out.println();
		if (m.followUps().isEmpty()) {
			out.println("No follow-ups.");
		}
		for (FollowUpEntry f : m.followUps()) {
			out.println("- [" + ("done".equals(f.status()) ? "x" : " ") + "] " + f.title() + " — " + f.owner().name()
					+ "; due " + ((f.dueOn() != null) ? day(f.dueOn()) : "not set") + "; "
					+ f.statusLabel().toLowerCase(Locale.ROOT)
					+ ((f.dropReason() != null) ? " (" + f.dropReason() + ")" : "")
					+ ((f.concern() != null) ? "; addresses `" + f.concern() + "`" : ""));
		}
		out.println();

		if (!m.material().isEmpty()) {
			out.println(sub + " Material");
			out.println();
			for (MaterialEntry e : m.material()) {
				out.println("- [" + e.kind() + "] [" + e.title().replace("[", "\\[").replace("]", "\\]") + "](<"
						+ e.url().replace(">", "%3E") + ">)" + ((e.by() != null) ? " — " + e.by().name() : ""));
			}
			out.println();
		}

		if (m.amendments().isAmended()) {
			out.println(sub + " Amended after publication on "
					+ MinutesFormat.day(m.amendments().publishedAt().atZone(ZoneOffset.UTC).toLocalDate()));
			out.println();
			m.amendments().changes().forEach((change) -> out.println("- " + change));
			out.println();
		}
	}

	private static void readiness(ReadinessEntry readiness, String sub, PrintWriter out) {
		out.println(sub + " Readiness: " + (readiness.ready() ? "ready" : "not ready"));
		out.println();
		readiness.missing().forEach((line) -> out.println("- Missing: " + line));
		readiness.acked().forEach((line) -> out.println("- " + line));
		out.println();
	}

	private static void buyIn(List<BuyInEntry> buyIn, String title, PrintWriter out) {
		out.println(title);
		out.println();
		out.println("| Person | Maintains | Stance | Conditions or concerns | Entered |");
		out.println("|---|---|---|---|---|");
		for (BuyInEntry b : buyIn) {
			out.println("| " + cell(b.person().name()) + " | " + cell(String.join(", ", b.maintains())) + " | "
					+ cell(b.stanceLabel()) + " | " + cell(b.hasPosition() ? MinutesFormat.qualifier(b) : "") + " | "
					+ cell(MinutesFormat.entered(b)) + " |");
		}
		out.println();
	}

	private static String cell(String text) {
		return (text == null) ? "" : text.replace("|", "\\|").replace("\n", " ");
	}

}
