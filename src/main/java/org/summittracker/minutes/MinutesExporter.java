package org.summittracker.minutes;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.apache.pdfbox.io.IOUtils;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

import org.summittracker.minutes.MinutesQueries.EventSessions;
import org.summittracker.minutes.SessionMinutes.EventHeader;

/**
 * Writes the minutes of one session or of a whole event in any format. Event minutes are
 * read and written a page of sessions at a time, so memory stays bounded however large
 * the event.
 */
@Service
class MinutesExporter {

	/**
	 * Sessions read at once for event minutes, written as they are read (every format,
	 * the PDF too): one round trip of queries per batch, so an event of up to a hundred
	 * sessions (a summit's largest) takes as many statements as an event of one.
	 */
	static final int SESSIONS_PER_BATCH = 100;

	/**
	 * Rows read at once for event minutes, at most: a summit's hundred sessions read
	 * about 10,000, so they stay one batch; a session with thousands of concerns, notes
	 * and positions is read in a batch of its own rather than fill the heap with its
	 * neighbours (an event with three such sessions among its first hundred ran out of
	 * memory).
	 */
	static final long ROWS_PER_BATCH = 20_000;

	/**
	 * Whole events written at once: a batch of a summit's sessions holds tens of
	 * megabytes while it is written, so more requests wait their turn (as PDFs do,
	 * {@link PdfFonts}) rather than fill the heap together.
	 */
	static final int EVENTS_AT_ONCE = PdfFonts.AT_ONCE;

	private final Semaphore eventTurns = new Semaphore(EVENTS_AT_ONCE, true);

	private final AtomicInteger eventsBeingWritten = new AtomicInteger();

	private final AtomicInteger mostEventsAtOnce = new AtomicInteger();

	private final MinutesAssembler assembler;

	private final MinutesQueries queries;

	private final HtmlMinutes html;

	private final ObjectWriter json;

	private final PdfFonts fonts;

	MinutesExporter(MinutesAssembler assembler, MinutesQueries queries, HtmlMinutes html, JsonMapper jsonMapper,
			PdfFonts fonts) {
		this.assembler = assembler;
		this.queries = queries;
		this.fonts = fonts;
		this.html = html;
		// Compact: indented, the demo session's JSON was 39 KB instead of 28, each byte
		// written, kept for the page cache and compressed at every request; readers parse
		// it.
		this.json = jsonMapper.writer();
	}

	/** The id of the session with these slugs, if there is one. */
	Optional<Long> sessionId(String eventSlug, String sessionSlug) {
		return this.queries.sessionId(eventSlug, sessionSlug);
	}

	/** The event with this slug and its sessions, if there is one. */
	Optional<EventSessions> event(String slug) {
		return this.queries.event(slug);
	}

	SessionMinutes sessionMinutes(Long sessionId) {
		return this.assembler.assemble(List.of(sessionId)).get(0);
	}

	void writeSession(SessionMinutes m, MinutesFormatKind format, OutputStream out) throws IOException {
		switch (format) {
			case MARKDOWN -> text(out, (w) -> MarkdownMinutes.write(m, w, "#"));
			case TEXT -> text(out, (w) -> TextMinutes.write(m, w));
			case HTML -> text(out, (w) -> htmlSession(m, w));
			case PDF -> this.fonts.write(m.event().name() + ": " + m.session().title(),
					IOUtils.createMemoryOnlyStreamCache(), out, (layout) -> PdfMinutes.write(m, layout, 1));
			case JSON -> this.json.writeValue(out, m);
		}
	}

	void writeEvent(EventSessions event, MinutesFormatKind format, OutputStream out) throws IOException {
		this.eventTurns.acquireUninterruptibly();
		this.mostEventsAtOnce.accumulateAndGet(this.eventsBeingWritten.incrementAndGet(), Math::max);
		try {
			writeEventInTurn(event, format, out);
		}
		finally {
			this.eventsBeingWritten.decrementAndGet();
			this.eventTurns.release();
		}
	}

	/**
	 * The most whole events written at once since the start: never more than
	 * {@link #EVENTS_AT_ONCE}.
	 */
	int mostEventsAtOnce() {
		return this.mostEventsAtOnce.get();
	}

	private void writeEventInTurn(EventSessions event, MinutesFormatKind format, OutputStream out) throws IOException {
		EventHeader header = event.header();
		switch (format) {
			case MARKDOWN -> text(out, (w) -> {
				MarkdownMinutes.writeEventHeader(header, w);
				eachSession(event, (m, first) -> MarkdownMinutes.write(m, w, "##"));
			});
			case TEXT -> text(out, (w) -> {
				TextMinutes.writeEventHeader(header, w);
				eachSession(event, (m, first) -> TextMinutes.write(m, w));
			});
			case HTML -> text(out, (w) -> htmlEvent(event, w));
			case PDF -> eventPdf(event, header, out);
			case JSON -> {
				try (JsonGenerator generator = this.json.createGenerator(out)) {
					generator.writeStartObject();
					generator.writePOJOProperty("event", header);
					generator.writeName("sessions");
					generator.writeStartArray();
					eachSession(event, (m, first) -> generator.writePOJO(m));
					generator.writeEndArray();
					generator.writeEndObject();
				}
			}
		}
	}

	/**
	 * An event's PDF is one document, every session starting on a page of its own with an
	 * outline entry; the pages' content waits in a scratch file until the document is
	 * saved, so the memory it takes does not grow with the event.
	 */
	private void eventPdf(EventSessions event, EventHeader header, OutputStream out) throws IOException {
		this.fonts.write(header.name() + ": minutes", IOUtils.createTempFileOnlyStreamCache(), out, (layout) -> {
			PdfMinutes.writeEventHeader(header, layout);
			eachSession(event, (m, first) -> {
				if (!first) {
					layout.newPage();
				}
				layout.bookmark(m.session().title());
				PdfMinutes.write(m, layout, 2);
			});
		});
	}

	private void htmlSession(SessionMinutes m, PrintWriter w) {
		try {
			this.html.start(m.event().name() + ": " + m.session().title(), w);
			this.html.session(m, true, 1, w);
			this.html.end(w);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void htmlEvent(EventSessions event, PrintWriter w) {
		try {
			this.html.start(event.header().name() + ": minutes", w);
			this.html.eventHeader(event.header(), w);
			eachSession(event, (m, first) -> this.html.session(m, first, 2, w));
			this.html.end(w);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Hands each session's minutes, in schedule order, to the writer, read a batch at a
	 * time.
	 */
	private void eachSession(EventSessions event, SessionWriter writer) {
		boolean first = true;
		for (List<Long> ids : event.batches(SESSIONS_PER_BATCH, ROWS_PER_BATCH)) {
			for (SessionMinutes minutes : this.assembler.assemble(ids)) {
				writer.write(minutes, first);
				first = false;
			}
		}
	}

	private interface SessionWriter {

		void write(SessionMinutes minutes, boolean first);

	}

	private static void text(OutputStream out, Consumer<PrintWriter> body) {
		PrintWriter writer = writer(out);
		body.accept(writer);
		writer.flush();
	}

	private static PrintWriter writer(OutputStream out) {
		return new PrintWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)));
	}

}
