package org.summittracker.minutes;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import com.openhtmltopdf.extend.FSCacheEx;
import com.openhtmltopdf.extend.FSCacheValue;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

import org.summittracker.event.Event;
import org.summittracker.minutes.SessionMinutes.EventHeader;
import org.summittracker.session.SessionRepository;
import org.summittracker.session.SessionViews.ScheduledSession;

/**
 * Writes the minutes of one session or of a whole event in any format. Event minutes are
 * read and written a page of sessions at a time, so memory stays bounded however large
 * the event.
 */
@Service
class MinutesExporter {

	static final int SESSIONS_PER_BATCH = 10;

	private final MinutesAssembler assembler;

	private final SessionRepository sessions;

	private final HtmlMinutes html;

	private final ObjectWriter json;

	private final Fonts fonts = Fonts.load();

	private final FontMetrics fontMetrics = new FontMetrics();

	MinutesExporter(MinutesAssembler assembler, SessionRepository sessions, HtmlMinutes html, JsonMapper jsonMapper) {
		this.assembler = assembler;
		this.sessions = sessions;
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
			case HTML -> text(out, (w) -> htmlSession(m, w));
			case PDF -> pdf(renderHtml((w) -> htmlSession(m, w)), out);
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
			case PDF -> {
				Path file = Files.createTempFile("minutes-", ".html");
				try {
					try (PrintWriter w = writer(Files.newOutputStream(file))) {
						htmlEvent(event, header, w);
					}
					pdf(file, out);
				}
				finally {
					Files.deleteIfExists(file);
				}
			}
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

	private void htmlEvent(Event event, EventHeader header, PrintWriter w) {
		try {
			this.html.start(event.getName() + ": minutes", w);
			this.html.eventHeader(header, w);
			eachSession(event, (m, first) -> this.html.session(m, first, 2, w));
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
		boolean first = true;
		Page<ScheduledSession> page = this.sessions.findSchedule(event.getId(), PageRequest.of(0, SESSIONS_PER_BATCH));
		while (true) {
			for (SessionMinutes m : this.assembler.assemble(page.map(ScheduledSession::id).getContent())) {
				writer.write(m, first);
				first = false;
			}
			if (!page.hasNext()) {
				return;
			}
			page = this.sessions.findSchedule(event.getId(), page.nextPageable());
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

	private static String renderHtml(Consumer<PrintWriter> body) {
		StringWriter buffer = new StringWriter();
		PrintWriter writer = new PrintWriter(buffer);
		body.accept(writer);
		writer.flush();
		return buffer.toString();
	}

	private void pdf(String html, OutputStream out) throws IOException {
		PdfRendererBuilder builder = pdfBuilder(out);
		builder.withHtmlContent(html, null);
		builder.run();
	}

	private void pdf(Path html, OutputStream out) throws IOException {
		PdfRendererBuilder builder = pdfBuilder(out);
		builder.withFile(html.toFile());
		builder.run();
	}

	/**
	 * PDFs embed the DejaVu fonts the project carries, so accented names render wherever
	 * the file is opened. The fonts are read once, and their metrics, once measured, are
	 * kept for every later PDF.
	 */
	private PdfRendererBuilder pdfBuilder(OutputStream out) {
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		builder.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, this.fontMetrics);
		builder.useFont(this.fonts.sans::open, "DejaVu Sans", 400, FontStyle.NORMAL, true);
		builder.useFont(this.fonts.sansBold::open, "DejaVu Sans", 700, FontStyle.NORMAL, true);
		builder.useFont(this.fonts.mono::open, "DejaVu Sans Mono", 400, FontStyle.NORMAL, true);
		builder.toStream(out);
		return builder;
	}

	/** The fonts' bytes, read from the class path once. */
	private record Fonts(FontFile sans, FontFile sansBold, FontFile mono) {

		static Fonts load() {
			return new Fonts(FontFile.of("DejaVuSans.ttf"), FontFile.of("DejaVuSans-Bold.ttf"),
					FontFile.of("DejaVuSansMono.ttf"));
		}

	}

	private record FontFile(byte[] bytes) {

		static FontFile of(String name) {
			try (InputStream in = MinutesExporter.class.getResourceAsStream("/fonts/" + name)) {
				return new FontFile(in.readAllBytes());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		InputStream open() {
			return new ByteArrayInputStream(this.bytes);
		}

	}

	/** What the PDF renderer measured of the fonts, shared by every rendering. */
	private static final class FontMetrics implements FSCacheEx<String, FSCacheValue> {

		private final Map<String, FSCacheValue> values = new ConcurrentHashMap<>();

		@Override
		public void put(String key, FSCacheValue value) {
			this.values.put(key, value);
		}

		@Override
		public FSCacheValue get(String key, Callable<? extends FSCacheValue> loader) {
			return this.values.computeIfAbsent(key, (k) -> {
				try {
					return loader.call();
				}
				catch (Exception ex) {
					throw new IllegalStateException("Could not measure the font " + k, ex);
				}
			});
		}

		@Override
		public FSCacheValue get(String key) {
			return this.values.get(key);
		}

	}

}
