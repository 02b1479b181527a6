package org.summittracker.minutes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import org.summittracker.minutes.MinutesQueries.SessionRows;
import org.summittracker.support.Fixture;
import org.summittracker.support.ThreadWrites;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A heavy session's minutes are written as they are read ({@link FlowingMinutes}): the
 * same bytes as its minutes assembled whole, amendments included, and its first bytes out
 * before most of it is read.
 */
// As MinutesExportTests, so the two share one application context.
@SummitIntegrationTest(properties = { "summit.demo-data.enabled=true", "summit.benchmark.enabled=true" })
class FlowingMinutesTests {

	/** Concerns added to the session, each with {@link #RESPONSES} responses. */
	static final int CONCERNS = 2000;

	static final int RESPONSES = 8;

	private static SessionRows heavy;

	@Autowired
	MinutesExporter exporter;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	/**
	 * Every format of a heavy session, final and amended since (concerns raised, answered
	 * and moved after publication, some at the same minute as others, a position changed,
	 * a follow-up added), is what its minutes assembled whole give.
	 */
	@ParameterizedTest
	@EnumSource(MinutesFormatKind.class)
	void aHeavySessionFlowsIntoTheBytesItsWholeMinutesMake(MinutesFormatKind format) throws IOException {
		SessionRows session = heavySession();
		assertThat(session.rows()).isGreaterThan(MinutesExporter.HEAVY_SESSION_ROWS);
		String flowing = written(session, format);
		String whole = written(new SessionRows(session.id(), 0, 0), format);
		assertThat(flowing).isEqualTo(whole);
		// Text is wrapped at 72 columns, the PDF's lines at its page's width.
		String words = flowing.replaceAll("\\s+", " ");
		assertThat(words).contains("Flowing concern 0001", "Flowing concern " + CONCERNS,
				"Flowing response " + RESPONSES + " to flowing-" + CONCERNS, "Flowing remark 40");
		if (format != MinutesFormatKind.JSON) {
			assertThat(words).contains("Amended after publication on 2024-09-03");
		}
		if (format == MinutesFormatKind.MARKDOWN) {
			assertThat(flowing).contains(
					"- 2024-09-03 18:43 UTC: admin moved concern flowing-1960 from open to deferred",
					"recorded Person 1 of", "Follow-up added for Person 0 of");
		}
	}

	/**
	 * A heavy session's minutes begin to reach the reader before most of them is read:
	 * what the writing allocates before its first byte goes out is a small part of the
	 * whole (all of it was read, and held, first).
	 */
	@Test
	void aHeavySessionsFirstBytesGoOutBeforeMostOfItIsRead() throws IOException {
		SessionRows session = heavySession();
		written(session, MinutesFormatKind.MARKDOWN);
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long start = threads.getCurrentThreadAllocatedBytes();
		long[] atFirstByte = { -1 };
		long[] written = { 0 };
		OutputStream out = new OutputStream() {

			@Override
			public void write(int b) {
				write(new byte[] { (byte) b }, 0, 1);
			}

			@Override
			public void write(byte[] bytes, int offset, int length) {
				if (atFirstByte[0] < 0) {
					atFirstByte[0] = threads.getCurrentThreadAllocatedBytes() - start;
				}
				written[0] += length;
			}

		};
		this.exporter.writeSession(session, MinutesFormatKind.MARKDOWN, out);
		long whole = threads.getCurrentThreadAllocatedBytes() - start;
		assertThat(written[0]).isGreaterThan(CONCERNS * RESPONSES * 100L);
		assertThat(atFirstByte[0]).as("allocated before the first byte, of %d", whole).isBetween(0L, whole / 5);
	}

	/**
	 * A heavy session's concerns' subsystems, which only the JSON prints, flow in the
	 * JSON alone: the other formats open no cursor for them.
	 */
	@ParameterizedTest
	@EnumSource(MinutesFormatKind.class)
	void onlyTheJsonReadsTheConcernsSubsystems(MinutesFormatKind format) throws Exception {
		SessionRows session = heavySession();
		List<String> sent = ThreadWrites.sentDuring(() -> written(session, format));
		assertThat(sent).as(format.name())
			.filteredOn((sql) -> sql.contains("join subsystem s on s.id = cs.subsystem_id"))
			.hasSize((format == MinutesFormatKind.JSON) ? 1 : 0);
	}

	private String written(SessionRows session, MinutesFormatKind format) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.exporter.writeSession(session, format, out);
		if (format != MinutesFormatKind.PDF) {
			return out.toString(StandardCharsets.UTF_8);
		}
		try (PDDocument document = Loader.loadPDF(out.toByteArray())) {
			return new PDFTextStripper().getText(document);
		}
	}

	/**
	 * A session of {@link #CONCERNS} more concerns raised a minute apart from the
	 * fixture's time, each in a subsystem and answered {@link #RESPONSES} times a minute
	 * apart (so a response often shares its minute with a later concern's raising), every
	 * seventh moved to deferred by an account; forty more notes; final at minute 1900, a
	 * position changed and a follow-up added after.
	 */
	private synchronized SessionRows heavySession() {
		if (heavy != null) {
			return heavy;
		}
		Fixture.Built built = this.fixture.newSession("flowing", 3, 3, 4);
		long session = this.jdbc.queryForObject(
				"select s.id from summit_session s join event e on e.id = s.event_id where e.slug = ? and s.slug = ?",
				Long.class, built.eventSlug(), built.slug());
		String at = "timestamptz '2024-09-02 10:00Z'";
		this.jdbc.update("""
				insert into concern (session_id, key, title, category_id, raised_by_id, proposal_id, body, created_at)
				select c.session_id, 'flowing-' || g, 'Flowing concern ' || lpad(g::text, 4, '0'), c.category_id,
					c.raised_by_id, c.proposal_id, 'Body of flowing concern ' || g, %s + g * interval '1 minute'
				from concern c, generate_series(1, ?) g
				where c.id = (select min(id) from concern where session_id = ?)""".formatted(at), CONCERNS, session);
		this.jdbc.update("""
				insert into concern_subsystem (concern_id, subsystem_id)
				select c.id, x.subsystem_id from concern c
					join concern_subsystem x on x.concern_id = (select min(id) from concern where session_id = ?)
				where c.session_id = ? and c.key like 'flowing-%'""", session, session);
		this.jdbc.update("""
				insert into concern_response (concern_id, session_id, author_id, body, created_at)
				select c.id, c.session_id, c.raised_by_id,
					'Flowing response ' || g || ' to ' || c.key || ': ' || repeat('words of the response ', 6),
					c.created_at + g * interval '1 minute'
				from concern c, generate_series(1, ?) g where c.session_id = ? and c.key like 'flowing-%'""", RESPONSES,
				session);
		this.jdbc.update("""
				insert into concern_status_change (concern_id, session_id, from_status, to_status, note, changed_by,
					changed_at)
				select c.id, c.session_id, 'OPEN', 'DEFERRED', 'Later', 'admin', c.created_at + interval '3 minutes'
				from concern c where c.session_id = ? and c.key like 'flowing-%'
					and substring(c.key from 9)::int % 7 = 0""", session);
		this.jdbc.update("""
				insert into discussion_note (session_id, seq, speaker_id, kind, body)
				select n.session_id, 1000 + g, n.speaker_id, 'REMARK', 'Flowing remark ' || g
				from discussion_note n, generate_series(1, 40) g where n.session_id = ? and n.seq = 1""", session);
		this.jdbc.update(
				"update summit_session set minutes_final_at = %s + interval '1900 minutes' where id = ?".formatted(at),
				session);
		this.jdbc.update("""
				insert into position_change (position_id, session_id, kind, old_stance, new_stance, entry_method,
					entered_by_id, changed_at)
				select p.id, p.session_id, 'CHANGED', p.stance, 'SUPPORTS', 'STATED_IN_SESSION', p.entered_by_id,
					%s + interval '1950 minutes'
				from position p join person pe on pe.id = p.person_id
				where p.session_id = ? and pe.handle like '%%-p1'""".formatted(at), session);
		this.jdbc.update("""
				insert into follow_up (session_id, title, owner_id, created_at)
				select s.id, 'Flowing follow-up', s.lead_id, %s + interval '1960 minutes'
				from summit_session s where s.id = ?""".formatted(at), session);
		heavy = this.exporter.session(built.eventSlug(), built.slug()).orElseThrow();
		return heavy;
	}

}
