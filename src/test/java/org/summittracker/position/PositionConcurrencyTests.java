package org.summittracker.position;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import org.summittracker.account.Actor;
import org.summittracker.account.Role;
import org.summittracker.session.Session;
import org.summittracker.session.SessionRepository;
import org.summittracker.support.Fixture;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parallel changes against the real database: every one lands, none is lost, and the
 * history tells them in the order they were committed.
 */
@SummitIntegrationTest
class PositionConcurrencyTests {

	static final int PARALLEL = 20;

	static final Stance[] STANCES = { Stance.SUPPORTS, Stance.NO_OBJECTION, Stance.UNDECIDED };

	@Autowired
	Positions positions;

	@Autowired
	Fixture fixture;

	@Autowired
	SessionRepository sessions;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void twentyParallelChangesForTwentyPeopleAllLand() throws Exception {
		Session session = session("parallel-people");
		List<Callable<Position>> tasks = new ArrayList<>();
		for (int i = 0; i < PARALLEL; i++) {
			String handle = this.fixture.person("parallel");
			Actor self = actor(handle, Role.MAINTAINER);
			Stance stance = STANCES[i % STANCES.length];
			tasks.add(() -> this.positions.record(self, session,
					new PositionStatement(handle, stance, null, null, null, List.of(), null)));
		}
		runAllAtOnce(tasks);
		assertThat(count("select count(*) from position where session_id = ?", session.getId())).isEqualTo(PARALLEL);
		assertThat(count("select count(*) from position_change where session_id = ?", session.getId()))
			.isEqualTo(PARALLEL);
	}

	@Test
	void twentyParallelChangesForOnePersonAreAllKeptAndTheLastCommittedStands() throws Exception {
		Session session = session("parallel-one");
		String handle = this.fixture.person("contested");
		Actor self = actor(handle, Role.MAINTAINER);
		Actor organizer = actor(this.fixture.person("organizer"), Role.ORGANIZER);
		List<Callable<Position>> tasks = new ArrayList<>();
		for (int i = 0; i < PARALLEL; i++) {
			Actor by = (i % 2 == 0) ? self : organizer;
			Stance stance = STANCES[i % STANCES.length];
			String note = "change " + i;
			tasks.add(() -> this.positions.record(by, session,
					new PositionStatement(handle, stance, null, note, null, List.of(), null)));
		}
		runAllAtOnce(tasks);
		List<String[]> history = this.jdbc.query(
				"select old_stance, new_stance, rationale from position_change where session_id = ? order by id",
				(rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) }, session.getId());
		assertThat(history).hasSize(PARALLEL);
		// Serialized: each entry starts from the stance the one before it left.
		assertThat(history.get(0)[0]).isNull();
		for (int i = 1; i < history.size(); i++) {
			assertThat(history.get(i)[0]).as("entry " + i).isEqualTo(history.get(i - 1)[1]);
		}
		String[] last = history.get(history.size() - 1);
		List<String[]> current = this.jdbc.query("select stance, rationale, version from position where session_id = ?",
				(rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) }, session.getId());
		assertThat(current).hasSize(1);
		assertThat(current.get(0)[0]).isEqualTo(last[1]);
		assertThat(current.get(0)[1]).isEqualTo(last[2]);
		assertThat(current.get(0)[2]).isEqualTo(Integer.toString(PARALLEL - 1));
		assertThat(history.stream().map((h) -> h[2]).distinct()).hasSize(PARALLEL);
	}

	private void runAllAtOnce(List<Callable<Position>> tasks) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Position>> results = new ArrayList<>();
			for (Callable<Position> task : tasks) {
				results.add(pool.submit(() -> {
					start.await();
					return task.call();
				}));
			}
			start.countDown();
			for (Future<Position> result : results) {
				assertThat(result.get(60, TimeUnit.SECONDS)).isNotNull();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private Session session(String name) {
		String[] path = this.fixture.session(name, 0, 0, 0).split("/");
		return this.sessions.findBySlugs(path[2], path[4]).orElseThrow();
	}

	private Actor actor(String handle, Role role) {
		return new Actor(0L, handle, this.fixture.personId(handle), handle, EnumSet.of(role));
	}

	private int count(String sql, Object... args) {
		return this.jdbc.queryForObject(sql, Integer.class, args);
	}

}
