package org.summittracker.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Requests worked on in turns: so many at once, and a wait gives the turn back. */
class CoreTurnsTests {

	@Test
	@Timeout(20)
	void noMoreWorkAtOnceThanThereAreTurns() throws Exception {
		CoreTurns turns = new CoreTurns(2);
		AtomicInteger working = new AtomicInteger();
		AtomicInteger mostAtOnce = new AtomicInteger();
		List<CompletableFuture<Void>> all = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			all.add(CompletableFuture.runAsync(() -> turns.inTurn(() -> {
				mostAtOnce.accumulateAndGet(working.incrementAndGet(), Math::max);
				sleep(50);
				working.decrementAndGet();
			}), (work) -> new Thread(work).start()));
		}
		CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(15, TimeUnit.SECONDS);

		assertThat(mostAtOnce).hasValue(2);
		assertThat(turns.free()).isEqualTo(2);
	}

	@Test
	@Timeout(20)
	void aRequestWaitingForSomethingElseLetsAnotherWorkMeanwhile() throws Exception {
		CoreTurns turns = new CoreTurns(1);
		CountDownLatch otherWorked = new CountDownLatch(1);
		CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> {
			boolean[] heldAgain = new boolean[1];
			turns.inTurn(() -> {
				boolean other = CoreTurns.awayWhile(() -> await(otherWorked));
				heldAgain[0] = other && CoreTurns.held() && turns.free() == 0;
			});
			return heldAgain[0];
		}, (work) -> new Thread(work).start());
		sleep(100);
		CompletableFuture.runAsync(() -> turns.inTurn(otherWorked::countDown), (work) -> new Thread(work).start())
			.get(10, TimeUnit.SECONDS);

		assertThat(waiter.get(10, TimeUnit.SECONDS)).as("the other worked while the first waited, then it held a turn")
			.isTrue();
		assertThat(turns.free()).isEqualTo(1);
	}

	@Test
	@Timeout(10)
	void workInATurnTakesNoSecondOneAndWaitsOutsideOneAreLeftAlone() throws Exception {
		CoreTurns turns = new CoreTurns(1);
		AtomicInteger inner = new AtomicInteger();
		turns.inTurn(() -> turns.inTurn(inner::incrementAndGet));
		assertThat(inner).hasValue(1);
		assertThat(CoreTurns.held()).isFalse();
		assertThat(CoreTurns.awayWhile(() -> "waited")).isEqualTo("waited");
		assertThat(turns.free()).isEqualTo(1);
		assertThatIllegalArgumentException().isThrownBy(() -> new CoreTurns(0));
	}

	private static boolean await(CountDownLatch latch) {
		try {
			return latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
