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
import org.apache.pdfbox.io.RandomAccessStreamCache.StreamCacheCreateFunction;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

import org.summittracker.minutes.MinutesQueries.EventSessions;
import org.summittracker.minutes.MinutesQueries.SessionRows;
import org.summittracker.minutes.SessionMinutes.EventHeader;
import org.summittracker.shared.CoreTurns;

/**
 * Writes the minutes of one session or of a whole event in any format. Event minutes are
 * read and written a page of sessions at a time, so memory stays bounded however large
 * the event.
 */
@Service
class MinutesExporter {

	/**
	 * Sessions read at once for event minutes in one round trip, at most (a summit's
	 * largest event): an event of more is read through cursors, in as many statements
	 * ({@link FlowingMinutes#writeEach}).
	 */
	static final int SESSIONS_PER_BATCH = 100;

	/**
	 * Rows read at once for event minutes in one round trip, at most: a summit's hundred
	 * sessions read about 10,000, so they stay one round trip; an event of more is read
	 * through cursors, a session at a time (an event with three sessions of thousands of
	 * rows among its first hundred, read at once, ran out of memory).
	 */
	static final long ROWS_PER_BATCH = 20_000;

	/**
	 * Rows from which one session's minutes are heavy: they flow, read as they are
	 * written ({@link FlowingMinutes}), and take a turn as whole events do; their PDF
	 * keeps its pages' content in a scratch file. A summit's session reads tens of rows;
	 * a skewed data set's first session reads 126,000 (113,760 of them responses to its
	 * concerns).
	 */
	static final long HEAVY_SESSION_ROWS = 2_000;

	/**
	 * Whole events written at once, at most: a batch of a summit's sessions holds tens of
	 * megabytes while it is written, so more requests wait their turn (as PDFs do,
	 * {@link PdfFonts}) rather than fill the heap together.
	 */
	static final int HEAVY_AT_ONCE = PdfFonts.AT_ONCE;

	/**
	 * Heavy sessions' minutes flowing at once, at most: each holds a page of rows per
	 * cursor and the rows it keeps (its buy-in, resolutions, follow-ups), a few megabytes
	 * for the skewed session of 126,000 rows (assembled whole it held over a hundred, and
	 * two at once ran a 224 MB heap out of memory), but also one of the pool's database
	 * connections for as long as it is written, and with it its request's turn (a request
	 * that holds a connection cannot give its turn back to wait for a slow reader, as
	 * other large bodies do): two at once leave three connections and, by default, one
	 * turn for every other page.
	 */
	static final int FLOWING_AT_ONCE = 2;

	/**
	 * The rows heavy minutes being written may hold together: each takes a share of them,
	 * at least a {@link #HEAVY_AT_ONCE}th for an event (a {@link #FLOWING_AT_ONCE}th for
	 * a session) and at most all, by the rows it holds (an event: its largest batch; a
	 * session: the rows it keeps while the others flow), so an event whose batch holds
	 * more than its share is written alone.
	 */
	static final int ROWS_AT_ONCE = 100_000;

	/** The most heavy minutes written at once, whatever they are. */
	static final int MOST_AT_ONCE = Math.max(HEAVY_AT_ONCE, FLOWING_AT_ONCE);

	private final Semaphore heavyTurns = new Semaphore(ROWS_AT_ONCE, true);

	private final AtomicInteger heavyBeingWritten = new AtomicInteger();

	private final AtomicInteger mostHeavyAtOnce = new AtomicInteger();

	private final MinutesAssembler assembler;

	private final MinutesQueries queries;

	private final FlowingMinutes flowing;

	private final HtmlMinutes html;

	private final ObjectWriter json;

	private final PdfFonts fonts;

	private final KeptSessionPdfs keptPdfs;

	MinutesExporter(MinutesAssembler assembler, MinutesQueries queries, FlowingMinutes flowing, HtmlMinutes html,
			JsonMapper jsonMapper, PdfFonts fonts, KeptSessionPdfs keptPdfs) {
		this.assembler = assembler;
		this.queries = queries;
		this.flowing = flowing;
		this.fonts = fonts;
		this.keptPdfs = keptPdfs;
		this.html = html;
		// Compact: indented, the demo session's JSON was 39 KB instead of 28, each byte
		// written, kept for the page cache and compressed at every request; readers parse
		// it.
		this.json = jsonMapper.writer();
	}

	/**
	 * The session with these slugs and how many rows its minutes read, if there is one.
	 */
	Optional<SessionRows> session(String eventSlug, String sessionSlug) {
		return this.queries.session(eventSlug, sessionSlug);
	}

	/** The event with this slug and its sessions, if there is one. */
	Optional<EventSessions> event(String slug) {
		return this.queries.event(slug);
	}

	/**
	 * Writes a session's minutes; a heavy one ({@link #HEAVY_SESSION_ROWS}) waits for its
	 * turn first. The PDF of any other is kept with the minutes it prints
	 * ({@link KeptSessionPdfs}).
	 */
	void writeSession(SessionRows session, MinutesFormatKind format, OutputStream out) throws IOException {
		if (session.rows() < HEAVY_SESSION_ROWS) {
			SessionMinutes minutes = this.assembler.assemble(List.of(session.id()), format.reads()).get(0);
			if (format == MinutesFormatKind.PDF) {
				this.keptPdfs.write(session.id(), minutes, out,
						(pdf) -> writeSession(minutes, format, pdf, IOUtils.createMemoryOnlyStreamCache()));
			}
			else {
				writeSession(minutes, format, out, IOUtils.createMemoryOnlyStreamCache());
			}
			return;
		}
		inTurn(session.held() + MinutesCursors.HELD, FLOWING_AT_ONCE,
				() -> this.flowing.writeEach(List.of(session.id()), (i) -> true, format.reads(),
						(m, first) -> writeSession(m, format, out, IOUtils.createTempFileOnlyStreamCache())));
	}

	private void writeSession(SessionMinutes m, MinutesFormatKind format, OutputStream out,
			StreamCacheCreateFunction pdfCache) throws IOException {
		switch (format) {
			case MARKDOWN -> text(out, (w) -> MarkdownMinutes.write(m, w, "#"));
			case TEXT -> text(out, (w) -> TextMinutes.write(m, w));
			case HTML -> text(out, (w) -> htmlSession(m, w));
			case PDF -> this.fonts.write(m.event().name() + ": " + m.session().title(), pdfCache, out,
					(layout) -> PdfMinutes.write(m, layout, 1));
			case JSON -> this.json.writeValue(out, m);
		}
	}

	void writeEvent(EventSessions event, MinutesFormatKind format, OutputStream out) throws IOException {
		inTurn(event.largestBatchRows(SESSIONS_PER_BATCH, ROWS_PER_BATCH), HEAVY_AT_ONCE,
				() -> writeEventInTurn(event, format, out));
	}

	/**
	 * Writes heavy minutes that hold so many rows at once when their share of
	 * {@link #ROWS_AT_ONCE} is free, no more than {@code atOnce} of their kind at once.
	 */
	private void inTurn(long rows, int atOnce, Writing writing) throws IOException {
		int share = (int) Math.max(ROWS_AT_ONCE / atOnce, Math.min(rows, ROWS_AT_ONCE));
		CoreTurns.awayDuring(() -> this.heavyTurns.acquireUninterruptibly(share));
		this.mostHeavyAtOnce.accumulateAndGet(this.heavyBeingWritten.incrementAndGet(), Math::max);
		try {
			writing.write();
		}
		finally {
			this.heavyBeingWritten.decrementAndGet();
			this.heavyTurns.release(share);
		}
	}

	private interface Writing {

		void write() throws IOException;

	}

	/**
	 * The most whole events and heavy sessions written at once since the start: never
	 * more than {@link #MOST_AT_ONCE}.
	 */
	int mostHeavyAtOnce() {
		return this.mostHeavyAtOnce.get();
	}

	private void writeEventInTurn(EventSessions event, MinutesFormatKind format, OutputStream out) throws IOException {
		EventHeader header = event.header();
		switch (format) {
			case MARKDOWN -> text(out, (w) -> {
				MarkdownMinutes.writeEventHeader(header, w);
				eachSession(event, format, (m, first) -> MarkdownMinutes.write(m, w, "##"));
			});
			case TEXT -> text(out, (w) -> {
				TextMinutes.writeEventHeader(header, w);
				eachSession(event, format, (m, first) -> TextMinutes.write(m, w));
			});
			case HTML -> text(out, (w) -> htmlEvent(event, w));
			case PDF -> eventPdf(event, header, out);
			case JSON -> {
				try (JsonGenerator generator = this.json.createGenerator(out)) {
					generator.writeStartObject();
					generator.writePOJOProperty("event", header);
					generator.writeName("sessions");
					generator.writeStartArray();
					eachSession(event, format, (m, first) -> generator.writePOJO(m));
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
			eachSession(event, MinutesFormatKind.PDF, (m, first) -> {
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
			eachSession(event, MinutesFormatKind.HTML, (m, first) -> this.html.session(m, first, 2, w));
			this.html.end(w);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Hands each session's minutes, in schedule order, to the writer. An event read in
	 * one batch ({@link #SESSIONS_PER_BATCH}, {@link #ROWS_PER_BATCH}) with no heavy
	 * session (a summit's) is read in one round trip, one statement whose plans the
	 * connection keeps; any other through one cursor per kind of fact over all its
	 * sessions ({@link FlowingMinutes#writeEach}), one statement too, its heavy sessions'
	 * big lists flowing: as many statements whatever the event holds. What the format
	 * does not print is not read.
	 */
	private void eachSession(EventSessions event, MinutesFormatKind format, SessionWriter writer) {
		if (event.batches(SESSIONS_PER_BATCH, ROWS_PER_BATCH).size() == 1
				&& event.rows().stream().allMatch((rows) -> rows < HEAVY_SESSION_ROWS)) {
			boolean first = true;
			for (SessionMinutes minutes : this.assembler.assemble(event.sessionIds(), format.reads())) {
				writer.write(minutes, first);
				first = false;
			}
			return;
		}
		try {
			this.flowing.writeEach(event.sessionIds(), (i) -> event.rows().get(i) >= HEAVY_SESSION_ROWS, format.reads(),
					writer::write);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
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
