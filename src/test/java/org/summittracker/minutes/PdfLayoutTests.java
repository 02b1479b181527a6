package org.summittracker.minutes;

import java.io.ByteArrayOutputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.summittracker.minutes.PdfLayout.Run;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PDF layout on its own: text the fonts cannot write, words wider than a page, and
 * page breaks with the footer.
 */
class PdfLayoutTests {

	private final PdfFonts fonts = new PdfFonts();

	@Test
	void controlCharactersAndMissingGlyphsAreReplacedAndLongWordsCut() throws Exception {
		String word = "x".repeat(1000);
		String text = text("NUL\u0000 \u001b[31m escape, surrogate \uD800 alone, 🎉 and 中文 " + word + " Łódź",
				"Title \u0000 with NUL");
		String words = text.replaceAll("\\s+", " ");
		assertThat(words).contains("NUL [31m escape", "alone, \uFFFD and \uFFFD\uFFFD", "Łódź", "Title with NUL",
				"Page 1");
		assertThat(text.replaceAll("\\s+", "")).contains(word);
	}

	@Test
	void longTextBreaksIntoPagesEachWithTheTitleAndItsNumber() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.fonts.write("Long minutes", IOUtils.createMemoryOnlyStreamCache(), out, (layout) -> {
			layout.heading(1, "Long minutes");
			for (int i = 0; i < 300; i++) {
				layout.bullet(0, Run.bold("Item " + i), Run.plain(" with some words after it, enough to fill a line"));
			}
		});
		try (PDDocument document = Loader.loadPDF(out.toByteArray())) {
			assertThat(document.getNumberOfPages()).isGreaterThan(3);
			String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
			assertThat(text).containsSubsequence("Item 0 with", "Long minutes Page 1", "Item 299 with",
					"Long minutes Page " + document.getNumberOfPages());
		}
	}

	private String text(String paragraph, String title) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.fonts.write(title, IOUtils.createMemoryOnlyStreamCache(), out, (layout) -> {
			layout.heading(1, title);
			layout.paragraph(paragraph);
		});
		try (PDDocument document = Loader.loadPDF(out.toByteArray())) {
			return new PDFTextStripper().getText(document);
		}
	}

}
