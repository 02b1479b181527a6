package org.summittracker.minutes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessStreamCache.StreamCacheCreateFunction;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;

import org.springframework.stereotype.Component;

import org.summittracker.shared.CoreTurns;

/**
 * The DejaVu fonts every minutes PDF embeds (so accented names render wherever the file
 * is opened), parsed once and shared by the PDFs written after. A parsed font is read
 * while a PDF is written, so each PDF borrows a set of its own, kept for the next ones.
 * At most one PDF per core is written at a time; more requests wait for their turn (eight
 * PDFs laid out at once by the HTML renderer used before ran the heap, {@code -Xmx224m},
 * out of memory), and more at once than cores is no faster.
 */
@Component
class PdfFonts {

	/** PDFs rendering at once, and the parsed font sets kept between renderings. */
	static final int AT_ONCE = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

	private final byte[] sans = read("DejaVuSans.ttf");

	private final byte[] sansBold = read("DejaVuSans-Bold.ttf");

	private final BlockingQueue<Parsed> idle = new ArrayBlockingQueue<>(AT_ONCE);

	private final Semaphore turns = new Semaphore(AT_ONCE, true);

	private final AtomicInteger parsedSets = new AtomicInteger();

	/**
	 * Writes a PDF titled {@code title} to {@code out}: the body lays it out. The
	 * document keeps its pages' content in the stream cache given (memory, or a scratch
	 * file for long documents) until it is saved.
	 */
	void write(String title, StreamCacheCreateFunction cache, OutputStream out, Consumer<PdfLayout> body)
			throws IOException {
		CoreTurns.awayDuring(this.turns::acquireUninterruptibly);
		Parsed fonts = null;
		try {
			fonts = this.idle.poll();
			if (fonts == null) {
				fonts = new Parsed(parse(this.sans), parse(this.sansBold));
				this.parsedSets.incrementAndGet();
			}
			try (PDDocument document = new PDDocument(cache)) {
				PdfLayout layout = new PdfLayout(document, fonts.sans(), fonts.sansBold(), title);
				body.accept(layout);
				layout.finish();
				document.getDocumentInformation().setTitle(title);
				document.save(out, CompressParameters.NO_COMPRESSION);
			}
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

	private record Parsed(TrueTypeFont sans, TrueTypeFont sansBold) {
	}

}
