package org.summittracker.minutes;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

import org.summittracker.event.Event;
import org.summittracker.minutes.SessionMinutes.EventHeader;

/**
 * Writes the minutes of one session or of a whole event in any format. Event minutes are
 * read and written a page of sessions at a time, so memory stays bounded however large
 * the event.
 */
@Service
class MinutesExporter {

	/** Sessions laid out in one PDF part (the layout holds a part in memory). */
	static final int SESSIONS_PER_BATCH = 10;

	/**
	 * Sessions read at once for the formats written as they are read (Markdown, text,
	 * HTML, JSON): one round trip of queries per batch, so an event of up to fifty
	 * sessions takes as many statements as an event of one. A hundred a batch made a
	 * summit's largest events one round trip too, but held twice the rows at once: with
	 * the page cache in a 224 MB heap, more full collections (BENCHMARKS.md).
	 */
	static final int SESSIONS_PER_TEXT_BATCH = 50;

	private final MinutesAssembler assembler;

	private final HtmlMinutes html;

	private final ObjectWriter json;

	private final PdfFonts fonts;

	MinutesExporter(MinutesAssembler assembler, HtmlMinutes html, JsonMapper jsonMapper, PdfFonts fonts) {
		this.assembler = assembler;
		this.fonts = fonts;
		this.html = html;
		this.json = jsonMapper.writerWithDefaultPrettyPrinter();
	}

	SessionMinutes sessionMinutes(Long sessionId) {
		return this.assembler.assemble(List.of(sessionId)).get(0);
	}

	void writeSession(SessionMinutes m, MinutesFormatKind format, OutputStream out) throws IOException {
		switch (format) {
			case MARKDOWN -> text(out, (w) -> MarkdownMinutes.write(m, w, "#"));
			case TEXT -> text(out, (w) -> TextMinutes.write(m, w));
			case HTML -> text(out, (w) -> htmlSession(m, false, w));
			case PDF -> pdf(renderHtml((w) -> htmlSession(m, true, w)), out);
			case JSON -> this.json.writeValue(out, m);
		}
	}

	void writeEvent(Event event, MinutesFormatKind format, OutputStream out) throws IOException {
		EventHeader header = new EventHeader(event.getSlug(), event.getName(), event.getStartsOn(), event.getEndsOn(),
				event.getLocation());
		switch (format) {
			case MARKDOWN -> text(out, (w) -> {
				MarkdownMinutes.writeEventHeader(header, w);
				eachSession(event, (m, first) -> MarkdownMinutes.write(m, w, "##"));
			});
			case TEXT -> text(out, (w) -> {
				TextMinutes.writeEventHeader(header, w);
				eachSession(event, (m, first) -> TextMinutes.write(m, w));
			});
			case HTML -> text(out, (w) -> htmlEvent(event, header, w));
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
	 * An event's PDF is laid out a batch of sessions at a time, each batch a PDF of its
	 * own in a temporary file, and the batches are merged through temporary files: the
	 * memory it takes does not grow with the event.
	 */
	private void eventPdf(Event event, EventHeader header, OutputStream out) throws IOException {
		List<Path> parts = new ArrayList<>();
		try {
			eachBatch(event, SESSIONS_PER_BATCH, (batch, firstBatch) -> {
				try {
					Path part = Files.createTempFile("minutes-", ".pdf");
					parts.add(part);
					String html = renderHtml((w) -> htmlBatch(event.getName(), firstBatch ? header : null, batch, w));
					try (OutputStream partOut = Files.newOutputStream(part)) {
						pdf(html, partOut);
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			PDFMergerUtility merger = new PDFMergerUtility();
			for (Path part : parts) {
				merger.addSource(part.toFile());
			}
			merger.setDestinationStream(out);
			merger.mergeDocuments(IOUtils.createTempFileOnlyStreamCache());
		}
		finally {
			for (Path part : parts) {
				Files.deleteIfExists(part);
			}
		}
	}

	private void htmlBatch(String eventName, EventHeader header, List<SessionMinutes> batch, PrintWriter w) {
		try {
			this.html.start(eventName + ": minutes", true, w);
			if (header != null) {
				this.html.eventHeader(header, w);
			}
			for (int i = 0; i < batch.size(); i++) {
				this.html.session(batch.get(i), i == 0, 2, true, w);
			}
			this.html.end(w);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void htmlSession(SessionMinutes m, boolean pdf, PrintWriter w) {
		try {
			this.html.start(m.event().name() + ": " + m.session().title(), pdf, w);
			this.html.session(m, true, 1, pdf, w);
			this.html.end(w);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void htmlEvent(Event event, EventHeader header, PrintWriter w) {
		try {
			this.html.start(event.getName() + ": minutes", false, w);
			this.html.eventHeader(header, w);
			eachSession(event, (m, first) -> this.html.session(m, first, 2, false, w));
			this.html.end(w);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Hands each session's minutes, in schedule order, to the writer, a batch at a time.
	 */
	private void eachSession(Event event, SessionWriter writer) {
		eachBatch(event, SESSIONS_PER_TEXT_BATCH, (batch, firstBatch) -> {
			for (int i = 0; i < batch.size(); i++) {
				writer.write(batch.get(i), firstBatch && i == 0);
			}
		});
	}

	/**
	 * Hands the sessions' minutes, in schedule order, to the writer a batch at a time.
	 */
	private void eachBatch(Event event, int size, BatchWriter writer) {
		List<Long> ids = this.assembler.sessionIds(event.getId());
		for (int from = 0; from == 0 || from < ids.size(); from += size) {
			writer.write(this.assembler.assemble(ids.subList(from, Math.min(ids.size(), from + size))), from == 0);
		}
	}

	private interface SessionWriter {

		void write(SessionMinutes minutes, boolean first);

	}

	private interface BatchWriter {

		void write(List<SessionMinutes> batch, boolean first);

	}

	private static void text(OutputStream out, Consumer<PrintWriter> body) {
		PrintWriter writer = writer(out);
		body.accept(writer);
		writer.flush();
	}

	private static PrintWriter writer(OutputStream out) {
		return new PrintWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)));
	}

	private static String renderHtml(Consumer<PrintWriter> body) {
		StringWriter buffer = new StringWriter();
		PrintWriter writer = new PrintWriter(buffer);
		body.accept(writer);
		writer.flush();
		return buffer.toString();
	}

	private void pdf(String html, OutputStream out) throws IOException {
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		builder.withHtmlContent(html, null);
		builder.toStream(out);
		this.fonts.render(builder, new PDDocument());
	}

}
