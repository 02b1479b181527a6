package org.summittracker.api;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import org.summittracker.account.Role;
import org.summittracker.support.Fixture;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scripts/api-example.py}, run against the application on a real port: it lists
 * the token owner's overdue follow-ups and acks a proposal by its key. Skipped only where
 * there is no {@code python3}.
 */
@SummitIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ApiExampleScriptTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theExampleListsMyOverdueFollowUpsAndAcks() throws Exception {
		Assumptions.assumeTrue(new File("/usr/bin/python3").canExecute() || onPath("python3"), "no python3");
		String me = this.fixture.personWithAccount("script", Role.MAINTAINER);
		String session = this.fixture.session("script-" + me, 0, 0, 0);
		String[] path = session.split("/");
		long sessionId = this.jdbc.queryForObject("select s.id from summit_session s join event e"
				+ " on e.id = s.event_id where e.slug = ? and s.slug = ?", Long.class, path[2], path[4]);
		this.jdbc.update(
				"insert into follow_up (session_id, title, owner_id, due_on) values (?, ?, ?, ?), (?, ?, ?, ?)",
				sessionId, "Send the patch", this.fixture.personId(me), LocalDate.of(2020, 1, 1), sessionId,
				"Later work", this.fixture.personId(me), LocalDate.of(2100, 1, 1));
		String token = this.fixture.token(me, true);

		Run overdue = run(token, "overdue");
		assertThat(overdue.status()).as(overdue.output()).isZero();
		assertThat(overdue.output()).contains("2020-01-01  Send the patch")
			.doesNotContain("Later work")
			.contains("1 overdue follow-up(s) for " + me);

		// The session's main proposal has the session's key; ack it where it was last
		// discussed, and a sub-proposal in the session named.
		Run ack = run(token, "ack", path[4]);
		assertThat(ack.status()).as(ack.output()).isZero();
		assertThat(ack.output()).contains(me + ": Acked-by on " + path[4] + " in " + path[2] + "/" + path[4]);
		assertThat(stanceOn(path[4], me)).isEqualTo("SUPPORTS");
		Run again = run(token, "ack", path[4]);
		assertThat(again.status()).as(again.output()).isZero();
		String part = this.fixture.subProposal(path[2], path[4], path[4] + "-part");
		Run onPart = run(token, "ack", part, "--in", path[2] + "/" + path[4]);
		assertThat(onPart.status()).as(onPart.output()).isZero();
		assertThat(stanceOn(part, me)).isEqualTo("SUPPORTS");

		Run unknown = run(token, "ack", "no-such-proposal");
		assertThat(unknown.status()).isOne();
		Run refused = run(this.fixture.token(me, false), "ack", path[4]);
		assertThat(refused.status()).isOne();
		assertThat(refused.output()).contains("write scope");
	}

	private String stanceOn(String proposal, String handle) {
		return this.jdbc.queryForObject("""
				select p.stance from position p join proposal pr on pr.id = p.proposal_id
				where pr.key = ? and p.person_id = ?""", String.class, proposal, this.fixture.personId(handle));
	}

	private record Run(int status, String output) {

	}

	private Run run(String token, String... command) throws Exception {
		List<String> line = new java.util.ArrayList<>(List.of("python3", "scripts/api-example.py", "--url",
				"http://127.0.0.1:" + this.port, "--token", token));
		line.addAll(List.of(command));
		Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Run(process.exitValue(),
				new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
	}

	private static boolean onPath(String program) {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			if (new File(dir, program).canExecute()) {
				return true;
			}
		}
		return false;
	}

}
