package org.summittracker.minutes;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.stereotype.Component;

import org.summittracker.minutes.SessionMinutes.EventHeader;

/**
 * Minutes as one printable HTML document. In event minutes each session starts on a new
 * page.
 */
@Component
class HtmlMinutes {

	private final ITemplateEngine templates;

	HtmlMinutes(ITemplateEngine templates) {
		this.templates = templates;
	}

	void start(String title, Writer out) throws IOException {
		out.write("<!DOCTYPE html>\n<html lang=\"en\" xmlns=\"http://www.w3.org/1999/xhtml\">\n");
		this.templates.process("minutes/part-head", new Context(null, Map.of("title", title)), out);
		out.write("\n<body>\n");
	}

	void eventHeader(EventHeader event, Writer out) {
		this.templates.process("minutes/part-event",
				new Context(null, Map.of("event", event, "dates", MinutesFormat.dates(event))), out);
	}

	void session(SessionMinutes m, boolean first, int level, Writer out) {
		Context context = new Context();
		context.setVariable("m", m);
		context.setVariable("first", first);
		context.setVariable("level", level);
		context.setVariable("dates", MinutesFormat.dates(m.event()));
		context.setVariable("schedule", MinutesFormat.schedule(m).orElse(null));
		context.setVariable("attendees", MinutesFormat.attendeesByRole(m));
		context.setVariable("status", MinutesFormat.status(m));
		context.setVariable("buyIn", rows(m.buyIn()));
		context.setVariable("proposals",
				m.proposals().stream().map((p) -> new ProposalView(p, rows(p.buyIn()))).toList());
		context.setVariable("carried",
				m.allCarriedConcerns()
					.stream()
					.map((c) -> new CarriedRow(c, MinutesFormat.raised(c), MinutesFormat.inThisSession(c)))
					.toList());
		context.setVariable("publishedOn", m.isFinal()
				? MinutesFormat.day(m.session().minutesFinalAt().atZone(ZoneOffset.UTC).toLocalDate()) : "");
		this.templates.process("minutes/part-session", context, out);
	}

	void end(Writer out) throws IOException {
		out.write("\n</body>\n</html>\n");
	}

	private static List<BuyInRow> rows(List<SessionMinutes.BuyInEntry> buyIn) {
		return buyIn.stream()
			.map((b) -> new BuyInRow(b, b.hasPosition() ? MinutesFormat.qualifier(b) : "", MinutesFormat.entered(b)))
			.toList();
	}

	/** A proposal discussed, with its buy-in rows worded, for the template. */
	public record ProposalView(SessionMinutes.ProposalEntry entry, List<BuyInRow> buyIn) {
	}

	/** A concern carried forward, with its wording worked out, for the template. */
	public record CarriedRow(SessionMinutes.CarriedConcernEntry entry, String raised, String inThisSession) {
	}

	/** A buy-in row with its wording worked out, for the template. */
	public record BuyInRow(SessionMinutes.BuyInEntry entry, String qualifier, String entered) {
	}

}
