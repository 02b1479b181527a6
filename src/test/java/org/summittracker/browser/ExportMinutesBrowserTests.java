package org.summittracker.browser;

import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader on the Rust session follows its export links and saves the minutes as Markdown
 * and as PDF; both say what the session page says.
 */
@BrowserTest
class ExportMinutesBrowserTests {

	static final String SESSION_URL = "/events/maintainers-summit-2021/sessions/using-rust-for-kernel-development";

	@Test
	void readerDownloadsTheSessionMinutesAsMarkdownAndPdf(Reader reader) throws IOException {
		SessionPage session = reader.opensHome()
			.opensEvent("Kernel Maintainers Summit 2021")
			.opensSession("Using Rust for kernel development");
		assertThat(session.exportLinks()).containsOnlyKeys("md", "txt", "html", "pdf", "json")
			.containsEntry("md", reader.baseUrl() + SESSION_URL + "/minutes.md")
			.containsEntry("pdf", reader.baseUrl() + SESSION_URL + "/minutes.pdf");

		SessionPage.Download markdown = session.downloadsMinutes("md");
		assertThat(markdown.fileName()).isEqualTo("maintainers-summit-2021--using-rust-for-kernel-development.md");
		assertThat(markdown.text()).startsWith("# Kernel Maintainers Summit 2021: Using Rust for kernel development")
			.contains("- Lead: Miguel Ojeda", "Status: Draft minutes", "## Readiness: not ready",
					"Missing: Networking drivers (wireless): no maintainer has acked (kvalo: no record)",
					"GPIO subsystem: acked by walleij", "toolchain-stability");

		SessionPage.Download pdf = session.downloadsMinutes("pdf");
		assertThat(pdf.fileName()).isEqualTo("maintainers-summit-2021--using-rust-for-kernel-development.pdf");
		assertThat(new String(pdf.bytes(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
			String text = new PDFTextStripper().getText(document).replaceAll("-\\R", "-").replaceAll("\\s+", " ");
			assertThat(text).contains("Kernel Maintainers Summit 2021", "Using Rust for kernel development",
					"Lead: Miguel Ojeda", "Merge Rust support into the mainline kernel as a first-class language",
					"kvalo: no record", "toolchain-stability", "Al Viro");
		}

		assertThat(session.heading()).as("the session page stays open while the files download")
			.isEqualTo("Using Rust for kernel development");
	}

}
