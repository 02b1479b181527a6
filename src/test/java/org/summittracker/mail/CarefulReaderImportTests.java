package org.summittracker.mail;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import org.summittracker.account.Actor;
import org.summittracker.account.Role;
import org.summittracker.people.PersonAddresses;
import org.summittracker.proposal.Proposal;
import org.summittracker.session.Session;
import org.summittracker.session.SessionRepository;
import org.summittracker.support.Fixture;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The careful-reader threads ({@link CarefulReaderTests}) imported end to end through the
 * import service, each reading confirmed as previewed: the positions recorded, trailer by
 * trailer, the subsystems each speaks for, and what readiness makes of them.
 */
@SummitIntegrationTest
class CarefulReaderImportTests {

	static final AtomicInteger counter = new AtomicInteger();

	@Autowired
	MailImport mail;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SessionRepository sessions;

	@Autowired
	MockMvc mvc;

	@Autowired
	PersonAddresses addresses;

	private record Imported(Fixture.Built built, Proposal proposal, MailImport.Preview preview,
			MailImport.Outcome outcome) {

	}

	/** Previews the fixture for a new session's proposal and confirms every reading. */
	private Imported importAsPreviewed(Fixture.Built built, String fixture) {
		Actor organizer = this.fixture.actor("careful-org", Role.ORGANIZER);
		Session session = this.sessions.findBySlugs(built.eventSlug(), built.slug()).orElseThrow();
		Proposal proposal = this.mail.proposal(organizer, session, null);
		List<MailMessage> messages = Mbox.read(MailFixtures.bytes(fixture), MailLimits.DEFAULT);
		MailImport.Preview preview = this.mail.preview(organizer, session, proposal, messages);
		List<MailImport.Choice> asRead = preview.people()
			.stream()
			.map((row) -> new MailImport.Choice(row.address(), row.standing().stance(), row.standing().condition(),
					row.standing().rationale(), true))
			.toList();
		MailImport.Outcome outcome = this.mail.confirm(organizer, session, proposal, messages, asRead);
		// The same thread again adds nothing.
		assertThat(this.mail.confirm(organizer, session, proposal, messages, asRead).added()).isZero();
		return new Imported(built, proposal, preview, outcome);
	}

	/** Each position on the proposal, in words, by the person's address. */
	private List<String> positions(Proposal proposal) {
		return this.jdbc.queryForList("""
				select lower(pe.email) || ': ' || p.stance || ' ' || p.mail_trailer || ' v' || p.mail_version
				       || case when p.mail_carried then ' carried' else '' end
				       || coalesce(', given on v' || p.mail_first_given_on, '') || ' <' || p.mail_message_id || '>'
				       || coalesce(' if: ' || p.conditions, '') || coalesce(' because: ' || p.rationale, '')
				       || coalesce(' speaks for ' || (select string_agg(s.name, ', ' order by s.name)
				                    from position_speaks_for f join subsystem s on s.id = f.subsystem_id
				                    where f.position_id = p.id), '')
				from position p join person pe on pe.id = p.person_id
				where p.proposal_id = ? and p.withdrawn_at is null order by lower(pe.email)
				""", String.class, proposal.getId());
	}

	/** A subsystem covering the files, affected by the session and its proposal. */
	private String subsystem(Fixture.Built built, Proposal proposal, String name, String files, String... maintainers) {
		String full = name + " " + counter.incrementAndGet();
		Long id = this.jdbc.queryForObject(
				"insert into subsystem (slug, name, status) values (?, ?, 'MAINTAINED') returning id", Long.class,
				full.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'), full);
		this.jdbc.update("insert into subsystem_file_pattern (subsystem_id, kind, pattern) values (?, 'F', ?)", id,
				files);
		this.jdbc.update("""
				insert into session_subsystem (session_id, subsystem_id)
				select s.id, ? from summit_session s join event e on e.id = s.event_id where e.slug = ? and s.slug = ?
				""", id, built.eventSlug(), built.slug());
		this.jdbc.update("insert into proposal_subsystem (proposal_id, subsystem_id) values (?, ?)", proposal.getId(),
				id);
		for (String address : maintainers) {
			this.jdbc.update("""
					insert into maintainership (person_id, subsystem_id, role)
					select id, ?, 'MAINTAINER' from person where lower(email) = ?""", id, address);
		}
		return full;
	}

	private String handle(String address) {
		return this.jdbc.queryForObject("select handle from person where lower(email) = ?", String.class, address);
	}

	@Test
	void theRustSeriesGivesEachPersonsPositionSpeakingForWhatTheyAnswered() throws Exception {
		Fixture.Built built = this.fixture.newSession("careful-rust", 0, 0, 0);
		Proposal proposal = this.mail.proposal(this.fixture.actor("careful-org", Role.ORGANIZER),
				this.sessions.findBySlugs(built.eventSlug(), built.slug()).orElseThrow(), null);
		this.addresses.create("Miguel Ojéda", "miguel.ojeda.sandonis@rust-maint.example", "careful");
		this.addresses.create("Björn Baron", "bjorn@rust-maint.example", "careful");
		this.addresses.create("Danilo Krum", "danilo@gpu-maint.example", "careful");
		String rust = subsystem(built, proposal, "RUST", "rust/", "miguel.ojeda.sandonis@rust-maint.example",
				"bjorn@rust-maint.example");
		String alloc = subsystem(built, proposal, "RUST ALLOC", "rust/kernel/alloc/", "danilo@gpu-maint.example");
		String nova = subsystem(built, proposal, "DRM NOVA", "drivers/gpu/nova-core/", "danilo@gpu-maint.example");
		Imported at = importAsPreviewed(built, "rust-v3.mbox");
		assertThat(at.outcome().added()).isEqualTo(6);
		assertThat(positions(at.proposal())).containsExactly(
				"andreas@rust-maint.example: SUPPORTS ACKED v3 <87andreas2.fsf@rust-maint.example>",
				"bjorn@rust-maint.example: SUPPORTS ACKED v3 carried, given on v2"
						+ " <20250601-foo-v3-1-alice@rust-dev.example> speaks for " + rust,
				"danilo@gpu-maint.example: SUPPORTS ACKED v3 <aDanilo3@pollux> speaks for " + nova,
				"gary@rust-review.example: SUPPORTS REVIEWED v3 <20250602120000.gary@rust-review.example>",
				"miguel.ojeda.sandonis@rust-maint.example: SUPPORTS ACKED v3 <CANiq72k-miguel-ack@mail.example>"
						+ " speaks for " + rust,
				"wedson@rust-dev.example: OPPOSES NACKED v3 <wedson-5@rust-dev.example>"
						+ " because: bar() duplicates Foo::as_raw(); please drop this patch.");
		// Danilo acked the nova-core patch only: the alloc part still waits for him.
		String page = this.mvc.perform(get(built.url())).andReturn().getResponse().getContentAsString();
		String danilo = handle("danilo@gpu-maint.example");
		assertThat(page).contains(rust + ": acked by ")
			.contains(nova + ": acked by " + danilo)
			.contains(alloc + ": no maintainer has acked (" + danilo + ": acked-by, speaking for " + nova + " only)");
	}

	@Test
	void theNetSeriesPostedTwiceGivesTheNewestVersionsPositions() {
		Imported at = importAsPreviewed(this.fixture.newSession("careful-net", 0, 0, 0), "net-v1-v2.mbox");
		assertThat(positions(at.proposal())).containsExactly(
				"eric@net-maint.example: SUPPORTS REVIEWED v2 carried, given on v1 <202507012.1-bob@net-dev.example>",
				"jakub@net-maint.example: SUPPORTS ACKED v2 <jakub-v2@net-maint.example>",
				"paolo@net-maint.example: SUPPORTS ACKED v2 <paolo-v2@net-maint.example>",
				"wei@acme.example: SUPPORTS ACKED v2 <SA1PR-wei@acme.example>");
		assertThat(this.jdbc.queryForObject("select count(*) from person where lower(email) = ?", Long.class,
				"nobody@net-maint.example"))
			.isZero();
	}

	@Test
	void theSinglePatchThreadKeepsTheTestedByAndShowsTheMismatch() {
		Imported at = importAsPreviewed(this.fixture.newSession("careful-mm", 0, 0, 0), "mm-resend.mbox");
		assertThat(positions(at.proposal())).containsExactly(
				"harry@mm-review.example: SUPPORTS REVIEWED v1 <harry-1@mm-review.example>",
				"lorenzo@mm-maint.example: SUPPORTS ACKED v1 <lorenzo-1@mm-maint.example>",
				"vlasta@mm-maint.example: SUPPORTS REVIEWED v1 <vlasta-2@home.example>");
		MailImport.PersonReading vlasta = at.preview()
			.people()
			.stream()
			.filter((row) -> row.address().equals("vlasta@mm-maint.example"))
			.findFirst()
			.orElseThrow();
		assertThat(vlasta.mismatches()).extracting(Reading::senderAddress).containsExactly("vbabka@home.example");
		assertThat(this.jdbc.queryForObject(
				"select count(*) || ' ' || min(version) || ' ' || min(note) from mail_tested where proposal_id = ?",
				String.class, at.proposal().getId()))
			.isEqualTo("1 1 x86_64, arm64");
	}

}
