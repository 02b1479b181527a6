package org.summittracker.minutes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

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
 * while a PDF is written, so each rendering borrows a set of its own; a few sets are kept
 * for the next renderings, more are parsed when more PDFs render at once.
 */
@Component
class PdfFonts {

	/** Parsed sets kept between renderings: about one per core renders at a time. */
	static final int KEPT = 4;

	private final byte[] sans = read("DejaVuSans.ttf");

	private final byte[] sansBold = read("DejaVuSans-Bold.ttf");

	private final byte[] mono = read("DejaVuSansMono.ttf");

	private final BlockingQueue<Parsed> idle = new ArrayBlockingQueue<>(KEPT);

	/**
	 * Renders a PDF into the document with the builder, the fonts registered with it.
	 */
	void render(PdfRendererBuilder builder, PDDocument document) throws IOException {
		Parsed fonts = this.idle.poll();
		if (fonts == null) {
			fonts = new Parsed(parse(this.sans), parse(this.sansBold), parse(this.mono));
		}
		try {
			builder.usePDDocument(document);
			builder.useFont(new Embedded(document, fonts.sans()), "DejaVu Sans", 400, FontStyle.NORMAL, true);
			builder.useFont(new Embedded(document, fonts.sansBold()), "DejaVu Sans", 700, FontStyle.NORMAL, true);
			builder.useFont(new Embedded(document, fonts.mono()), "DejaVu Sans Mono", 400, FontStyle.NORMAL, true);
			builder.run();
		}
		finally {
			this.idle.offer(fonts);
		}
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
