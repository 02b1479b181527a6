package org.summittracker.minutes;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.summittracker.minutes.MinutesQueries.EventSessions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How an event's sessions are cut into the batches its minutes are read in.
 */
class EventSessionsBatchesTests {

	@Test
	void sessionsGoTogetherUpToTheCountAndTheRows() {
		EventSessions event = new EventSessions(null, List.of(1L, 2L, 3L, 4L, 5L), List.of(10L, 10L, 10L, 10L, 10L));
		assertThat(event.batches(2, 100)).containsExactly(List.of(1L, 2L), List.of(3L, 4L), List.of(5L));
		assertThat(event.batches(100, 25)).containsExactly(List.of(1L, 2L), List.of(3L, 4L), List.of(5L));
		assertThat(event.batches(100, 100)).containsExactly(List.of(1L, 2L, 3L, 4L, 5L));
	}

	@Test
	void aSessionHeavierThanABatchIsABatchOfItsOwn() {
		EventSessions event = new EventSessions(null, List.of(1L, 2L, 3L, 4L), List.of(5L, 500L, 600L, 5L));
		assertThat(event.batches(100, 100)).containsExactly(List.of(1L), List.of(2L), List.of(3L), List.of(4L));
	}

	@Test
	void anEventWithoutSessionsIsOneEmptyBatch() {
		assertThat(new EventSessions(null, List.of(), List.of()).batches(100, 100)).containsExactly(List.of());
	}

}
