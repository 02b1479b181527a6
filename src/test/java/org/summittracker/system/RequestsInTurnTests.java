package org.summittracker.system;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.test.web.servlet.MockMvc;

import org.summittracker.shared.CoreTurns;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every request but those for stylesheets and scripts waits for a turn: while every turn
 * is taken a page waits, a stylesheet does not, and the page is answered once a turn is
 * free.
 */
@SummitIntegrationTest
class RequestsInTurnTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	FilterRegistrationBean<RequestsInTurn> requestsInTurn;

	CoreTurns turns;

	@BeforeEach
	void theTurns() {
		this.turns = this.requestsInTurn.getFilter().turns();
	}

	@Test
	@Timeout(60)
	void aPageWaitsForATurnAndAStylesheetDoesNot() throws Exception {
		assertThat(this.turns.atOnce()).isEqualTo(Runtime.getRuntime().availableProcessors() + 1);
		assertThat(status("/events")).as("rendered once, so that it answers at once when it may").isEqualTo(200);
		CountDownLatch taken = new CountDownLatch(this.turns.atOnce());
		CountDownLatch giveBack = new CountDownLatch(1);
		List<CompletableFuture<Void>> holders = new ArrayList<>();
		for (int i = 0; i < this.turns.atOnce(); i++) {
			holders.add(CompletableFuture.runAsync(() -> this.turns.inTurn(() -> {
				taken.countDown();
				await(giveBack);
			}), (work) -> new Thread(work).start()));
		}
		assertThat(taken.await(10, TimeUnit.SECONDS)).isTrue();

		CompletableFuture<Integer> page = CompletableFuture.supplyAsync(() -> status("/events"),
				(work) -> new Thread(work).start());
		assertThat(status("/css/summit.css")).isEqualTo(200);
		Thread.sleep(300);
		assertThat(page).as("the page waits while every turn is taken").isNotDone();

		giveBack.countDown();
		assertThat(page.get(20, TimeUnit.SECONDS)).isEqualTo(200);
		CompletableFuture.allOf(holders.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
		assertThat(this.turns.free()).isEqualTo(this.turns.atOnce());
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private int status(String path) {
		try {
			return this.mvc.perform(get(path)).andReturn().getResponse().getStatus();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
