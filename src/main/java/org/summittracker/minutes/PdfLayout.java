package org.summittracker.minutes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitWidthDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/**
 * A small page layout for the minutes PDFs, drawn with PDFBox: headings, paragraphs
 * wrapped at word boundaries (a word wider than the line is cut), lists with a hanging
 * indent, bold runs, and A4 pages with the title and page number in the footer. Text is
 * set in DejaVu Sans and DejaVu Sans Bold, embedded once per document as subsets;
 * characters the fonts lack are written as U+FFFD (or ?), control characters as spaces.
 * Each page's content goes to the document's stream cache when the page is full (a
 * scratch file for event minutes), so a long document holds only the page being laid out.
 */
final class PdfLayout {

	/** Text in a paragraph, plain or bold. */
	record Run(String text, boolean bold) {

		static Run plain(String text) {
			return new Run(text, false);
		}

		static Run bold(String text) {
			return new Run(text, true);
		}

	}

	private static final PDRectangle SIZE = PDRectangle.A4;

	private static final float MM = 72 / 25.4f;

	private static final float LEFT = 16 * MM;

	private static final float RIGHT = SIZE.getWidth() - 16 * MM;

	private static final float TOP = SIZE.getHeight() - 18 * MM;

	private static final float BOTTOM = 18 * MM;

	private static final float BODY = 10;

	private static final float INDENT = 14;

	/** Heading sizes by level, and the space above each. */
	private static final float[] HEADING = { 16, 12.5f, 11, 10.5f };

	private static final float[] HEADING_ABOVE = { 4, 12, 9, 7 };

	private final PDDocument document;

	private final Face regular;

	private final Face bold;

	private final String footer;

	private PDDocumentOutline outline;

	private PDPage page;

	private PDPageContentStream content;

	private int pageNumber;

	private float y;

	PdfLayout(PDDocument document, TrueTypeFont regular, TrueTypeFont bold, String footer) throws IOException {
		this.document = document;
		this.regular = new Face(PDType0Font.load(document, regular, true), regular);
		this.bold = new Face(PDType0Font.load(document, bold, true), bold);
		this.footer = footer;
	}

	/** A heading (level 1 to 4), kept on the page with the two lines after it. */
	void heading(int level, String text) {
		int i = Math.min(Math.max(level, 1), HEADING.length) - 1;
		float size = HEADING[i];
		if (this.page != null && this.y < TOP) {
			this.y -= HEADING_ABOVE[i];
		}
		if (this.page == null || this.y - size * 1.3f - 2 * BODY * 1.4f < BOTTOM) {
			newPage();
		}
		lines(List.of(Run.bold(text)), LEFT, null, size);
		if (level <= 2) {
			stroke(this.y + size * 0.3f - 3);
			this.y -= 3;
		}
	}

	void paragraph(Run... runs) {
		lines(List.of(runs), LEFT, null, BODY);
		this.y -= 4;
	}

	void paragraph(String text) {
		paragraph(Run.plain(text));
	}

	/** A line of a list: the marker (a bullet, a number) hangs left of the text. */
	void item(int depth, String marker, Run... runs) {
		float x = LEFT + depth * INDENT;
		lines(List.of(runs), x + INDENT, new Marker(marker, x), BODY);
		this.y -= 1.5f;
	}

	void bullet(int depth, Run... runs) {
		item(depth, (depth == 0) ? "•" : "–", runs);
	}

	void bullet(int depth, String text) {
		bullet(depth, Run.plain(text));
	}

	/** Space below a list. */
	void gap() {
		this.y -= 4;
	}

	/** An outline entry (bookmark) for what starts here. */
	void bookmark(String title) {
		if (this.page == null) {
			newPage();
		}
		if (this.outline == null) {
			this.outline = new PDDocumentOutline();
			this.document.getDocumentCatalog().setDocumentOutline(this.outline);
		}
		PDPageFitWidthDestination destination = new PDPageFitWidthDestination();
		destination.setPage(this.page);
		destination.setTop((int) Math.ceil(this.y + HEADING[0] * 1.3f));
		PDOutlineItem item = new PDOutlineItem();
		item.setTitle(title);
		item.setDestination(destination);
		this.outline.addLast(item);
	}

	/** Starts a new page, finishing the one being laid out. */
	void newPage() {
		try {
			finishPage();
			this.page = new PDPage(SIZE);
			this.document.addPage(this.page);
			this.content = new PDPageContentStream(this.document, this.page, PDPageContentStream.AppendMode.OVERWRITE,
					true);
			this.pageNumber++;
			this.y = TOP;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Finishes the last page. */
	void finish() {
		try {
			if (this.page == null) {
				newPage();
			}
			finishPage();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void finishPage() throws IOException {
		if (this.content == null) {
			return;
		}
		float size = 8;
		String number = "Page " + this.pageNumber;
		float numberWidth = this.regular.width(number, size);
		String title = this.regular.fit(this.footer, RIGHT - LEFT - numberWidth - 12, size);
		this.content.beginText();
		this.content.setFont(this.regular.font, size);
		this.content.newLineAtOffset(LEFT, BOTTOM - 20);
		this.content.showText(title);
		this.content.newLineAtOffset(RIGHT - LEFT - numberWidth, 0);
		this.content.showText(number);
		this.content.endText();
		this.content.close();
		this.content = null;
	}

	private void stroke(float at) {
		try {
			this.content.setLineWidth(0.5f);
			this.content.setStrokingColor(0.47f);
			this.content.moveTo(LEFT, at);
			this.content.lineTo(RIGHT, at);
			this.content.stroke();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Lays the runs out in lines from {@code x} to the right margin, breaking them at
	 * spaces (and at line breaks in the text), cutting words wider than a line.
	 */
	private void lines(List<Run> runs, float x, Marker marker, float size) {
		float width = RIGHT - x;
		Line line = new Line(marker);
		boolean space = false;
		for (Run run : runs) {
			Face face = run.bold() ? this.bold : this.regular;
			String text = face.clean(run.text());
			int start = 0;
			for (int i = 0; i <= text.length(); i++) {
				char c = (i < text.length()) ? text.charAt(i) : ' ';
				if (c != ' ' && c != '\n') {
					continue;
				}
				if (i > start) {
					line = word(line, text.substring(start, i), space, face, x, width, size);
					space = false;
				}
				if (i < text.length()) {
					if (c == '\n') {
						line = draw(line, x, size);
						space = false;
					}
					else {
						space = !line.pieces.isEmpty();
					}
				}
				start = i + 1;
			}
		}
		if (!line.pieces.isEmpty() || line.marker != null) {
			draw(line, x, size);
		}
	}

	private Line word(Line line, String word, boolean space, Face face, float x, float width, float size) {
		float wordWidth = face.width(word, size);
		float spaceWidth = space ? face.width(" ", size) : 0;
		if (line.width + spaceWidth + wordWidth <= width) {
			line.add(space ? " " + word : word, face, spaceWidth + wordWidth);
			return line;
		}
		if (!line.pieces.isEmpty()) {
			line = draw(line, x, size);
		}
		String rest = word;
		while (face.width(rest, size) > width) {
			int cut = face.fitting(rest, width, size);
			line.add(rest.substring(0, cut), face, face.width(rest.substring(0, cut), size));
			line = draw(line, x, size);
			rest = rest.substring(cut);
		}
		line.add(rest, face, face.width(rest, size));
		return line;
	}

	/** Draws the line and returns the next, empty one. */
	private Line draw(Line line, float x, float size) {
		float leading = size * ((size > BODY) ? 1.3f : 1.4f);
		if (this.page == null || this.y - leading < BOTTOM) {
			newPage();
		}
		this.y -= leading;
		try {
			float baseline = this.y + size * 0.3f;
			this.content.beginText();
			if (line.marker != null) {
				this.content.setFont(this.regular.font, size);
				this.content.newLineAtOffset(line.marker.x, baseline);
				this.content.showText(this.regular.clean(line.marker.text));
				this.content.newLineAtOffset(x - line.marker.x, 0);
			}
			else {
				this.content.newLineAtOffset(x, baseline);
			}
			for (Piece piece : line.pieces) {
				this.content.setFont(piece.face.font, size);
				this.content.showText(piece.text.toString());
			}
			this.content.endText();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Line(null);
	}

	private record Marker(String text, float x) {
	}

	private static final class Piece {

		final Face face;

		final StringBuilder text = new StringBuilder();

		Piece(Face face) {
			this.face = face;
		}

	}

	private static final class Line {

		final Marker marker;

		final List<Piece> pieces = new ArrayList<>();

		float width;

		Line(Marker marker) {
			this.marker = marker;
		}

		void add(String text, Face face, float width) {
			Piece last = this.pieces.isEmpty() ? null : this.pieces.get(this.pieces.size() - 1);
			if (last == null || last.face != face) {
				last = new Piece(face);
				this.pieces.add(last);
			}
			last.text.append(text);
			this.width += width;
		}

	}

	/**
	 * A font embedded in the document, with the widths of the characters it has met (in
	 * thousandths of the size).
	 */
	private static final class Face {

		final PDType0Font font;

		private final TrueTypeFont file;

		private final float unitsPerEm;

		private final CmapLookup cmap;

		/** What a character the font lacks is written as. */
		private final int missing;

		private final Map<Integer, Float> widths = new HashMap<>();

		Face(PDType0Font font, TrueTypeFont file) throws IOException {
			this.font = font;
			this.file = file;
			this.unitsPerEm = file.getUnitsPerEm();
			this.cmap = file.getUnicodeCmapLookup();
			this.missing = (this.cmap.getGlyphId(0xFFFD) > 0) ? 0xFFFD : '?';
		}

		/**
		 * The text as the font can write it: control characters become spaces (line
		 * breaks stay), characters the font lacks U+FFFD.
		 */
		String clean(String text) {
			if (text == null) {
				return "";
			}
			StringBuilder out = new StringBuilder(text.length());
			text.codePoints().forEach((c) -> {
				if (c == '\n') {
					out.append('\n');
				}
				else if (Character.isISOControl(c) || Character.isWhitespace(c)) {
					out.append(' ');
				}
				else if (Character.getType(c) == Character.FORMAT) {
					// zero-width joiners, soft hyphens, direction marks: nothing to draw
				}
				else {
					out.appendCodePoint((glyph(c) > 0) ? c : this.missing);
				}
			});
			return out.toString();
		}

		float width(String text, float size) {
			float total = 0;
			for (int i = 0; i < text.length();) {
				int c = text.codePointAt(i);
				total += advance(c);
				i += Character.charCount(c);
			}
			return total * size / 1000;
		}

		/** How many chars of the text fit in the width (at least one character). */
		int fitting(String text, float width, float size) {
			float total = 0;
			int i = 0;
			while (i < text.length()) {
				int c = text.codePointAt(i);
				total += advance(c) * size / 1000;
				if (total > width && i > 0) {
					return i;
				}
				i += Character.charCount(c);
			}
			return i;
		}

		/** The text, cut with an ellipsis to fit the width. */
		String fit(String text, float width, float size) {
			String clean = clean(text).replace('\n', ' ');
			if (width(clean, size) <= width) {
				return clean;
			}
			return clean.substring(0, fitting(clean, width - width("…", size), size)) + "…";
		}

		private float advance(int c) {
			return this.widths.computeIfAbsent(c, (code) -> {
				try {
					return this.file.getAdvanceWidth(glyph(code)) * 1000 / this.unitsPerEm;
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}

		private int glyph(int c) {
			return this.cmap.getGlyphId(c);
		}

	}

}
