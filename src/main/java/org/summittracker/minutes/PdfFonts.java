package org.summittracker.minutes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import org.springframework.stereotype.Component;

/**
 * The DejaVu fonts every minutes PDF embeds (so accented names render wherever the file
 * is opened), parsed once and shared by the PDFs rendered after. A parsed font is read
 * while a PDF is written, so each rendering borrows a set of its own, kept for the next
 * renderings. At most one PDF per core renders at a time; more requests wait for their
 * turn: eight PDFs laid out at once ran the heap ({@code -Xmx224m}) out of memory, and
 * more at once than cores is no faster.
 */
@Component
class PdfFonts {

	/** PDFs rendering at once, and the parsed font sets kept between renderings. */
	static final int AT_ONCE = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

	private final byte[] sans = read("DejaVuSans.ttf");

	private final byte[] sansBold = read("DejaVuSans-Bold.ttf");

	private final byte[] mono = read("DejaVuSansMono.ttf");

	private final BlockingQueue<Parsed> idle = new ArrayBlockingQueue<>(AT_ONCE);

	private final Semaphore turns = new Semaphore(AT_ONCE, true);

	private final AtomicInteger parsedSets = new AtomicInteger();

	/**
	 * Renders a PDF into the document with the builder, the fonts registered with it.
	 */
	void render(PdfRendererBuilder builder, PDDocument document) throws IOException {
		this.turns.acquireUninterruptibly();
		Parsed fonts = null;
		try {
			fonts = this.idle.poll();
			if (fonts == null) {
				fonts = new Parsed(parse(this.sans), parse(this.sansBold), parse(this.mono));
				this.parsedSets.incrementAndGet();
			}
			builder.usePDDocument(document);
			builder.useFont(new Embedded(document, fonts.sans()), "DejaVu Sans", 400, FontStyle.NORMAL, true);
			builder.useFont(new Embedded(document, fonts.sansBold()), "DejaVu Sans", 700, FontStyle.NORMAL, true);
			builder.useFont(new Embedded(document, fonts.mono()), "DejaVu Sans Mono", 400, FontStyle.NORMAL, true);
			builder.run();
		}
		finally {
			if (fonts != null) {
				this.idle.offer(fonts);
			}
			this.turns.release();
		}
	}

	/**
	 * How many sets of fonts were parsed since the start: never more than
	 * {@link #AT_ONCE}.
	 */
	int parsedSets() {
		return this.parsedSets.get();
	}

	/**
	 * Parses a font, its glyph substitutions (GSUB) off: for Latin text PDFBox builds a
	 * regular expression of the font's ligatures for every string it writes, which took a
	 * sixth of a PDF's time; the minutes' text is written glyph for glyph as the fonts
	 * map its characters.
	 */
	private static TrueTypeFont parse(byte[] file) throws IOException {
		TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(file));
		font.setEnableGsub(false);
		return font;
	}

	private static byte[] read(String name) {
		try (InputStream in = PdfFonts.class.getResourceAsStream("/fonts/" + name)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record Parsed(TrueTypeFont sans, TrueTypeFont sansBold, TrueTypeFont mono) {
	}

	/**
	 * A parsed font embedded (as a subset of the glyphs used) in one document, the first
	 * time the document uses it.
	 */
	private static final class Embedded extends PDFontSupplier {

		private final PDDocument document;

		private final TrueTypeFont font;

		private PDFont embedded;

		Embedded(PDDocument document, TrueTypeFont font) {
			super(null);
			this.document = document;
			this.font = font;
		}

		@Override
		public PDFont supply() {
			if (this.embedded == null) {
				try {
					this.embedded = PDType0Font.load(this.document, this.font, true);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
			return this.embedded;
		}

	}

}
