package org.summittracker.minutes;

import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import org.summittracker.support.Fixture;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A session's PDF is laid out again only when what it prints changed: writes elsewhere
 * (which end every kept answer's life) leave it kept, a write to the session's own
 * minutes lays it out again, with the change.
 */
@SummitIntegrationTest
class KeptSessionPdfsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	KeptSessionPdfs kept;

	@Test
	void aSessionsPdfIsLaidOutAgainOnlyWhenItsMinutesChanged() throws Exception {
		Fixture.Built session = this.fixtures.newSession("kept-pdf", 2, 2, 2);
		byte[] first = pdf(session.url());
		long laidOut = this.kept.laidOut();
		long stamp = stamp();

		this.fixtures.newSession("kept-pdf-elsewhere", 1, 1, 1);
		assertThat(stamp()).as("a write elsewhere moved the change stamp").isGreaterThan(stamp);
		byte[] afterWriteElsewhere = pdf(session.url());
		assertThat(afterWriteElsewhere).as("the kept PDF, the same bytes").isEqualTo(first);
		assertThat(this.kept.laidOut()).as("laid out again").isEqualTo(laidOut);

		this.jdbc.update("""
				update discussion_note set body = 'Printed again after the change' where id = (select min(n.id)
				from discussion_note n join summit_session s on s.id = n.session_id where s.slug = ?)""",
				session.slug());
		byte[] afterOwnWrite = pdf(session.url());
		assertThat(this.kept.laidOut()).as("laid out again").isEqualTo(laidOut + 1);
		assertThat(text(afterOwnWrite)).contains("Printed again after the change");
		assertThat(text(first)).doesNotContain("Printed again after the change");
		assertThat(pdf(session.url())).as("kept again").isEqualTo(afterOwnWrite);
		assertThat(this.kept.laidOut()).isEqualTo(laidOut + 1);
	}

	/** The PDF at a new address each time, so the page cache never answers it. */
	private byte[] pdf(String session) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(session + "/minutes.pdf?reader=" + UUID.randomUUID()))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("application/pdf");
		return response.getContentAsByteArray();
	}

	private static String text(byte[] pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
		}
	}

	private long stamp() {
		return this.jdbc.queryForObject("select stamp from change_stamp", Long.class);
	}

}
