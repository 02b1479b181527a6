package org.summittracker.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
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

	@Test
	@Timeout(60)
	void aLargeBodyIsSentOutOfTurnSoThatASlowReaderKeepsNoOneWaiting() throws Exception {
		RequestsInTurn filter = new RequestsInTurn(new CoreTurns(1));
		byte[] body = new byte[16 * RequestsInTurn.SENT_IN_TURN];
		for (int i = 0; i < body.length; i++) {
			body[i] = (byte) (i * 31 + i / 7);
		}
		CountDownLatch stalled = new CountDownLatch(1);
		CountDownLatch reads = new CountDownLatch(1);
		ByteArrayOutputStream received = new ByteArrayOutputStream();
		// A reader that takes the first bytes and then stops reading until told.
		HttpServletResponse slowReader = new HttpServletResponseWrapper(new MockHttpServletResponse()) {

			@Override
			public ServletOutputStream getOutputStream() {
				return new ServletOutputStream() {

					@Override
					public void write(int b) {
						write(new byte[] { (byte) b }, 0, 1);
					}

					@Override
					public void write(byte[] bytes, int offset, int length) {
						if (received.size() + length > RequestsInTurn.SENT_IN_TURN) {
							stalled.countDown();
							RequestsInTurnTests.await(reads);
						}
						received.write(bytes, offset, length);
					}

					@Override
					public boolean isReady() {
						return true;
					}

					@Override
					public void setWriteListener(WriteListener listener) {
					}

				};
			}

		};
		CompletableFuture<Void> download = CompletableFuture.runAsync(() -> {
			try {
				filter.doFilter(new MockHttpServletRequest("GET", "/minutes.md"), slowReader, (request, response) -> {
					for (int at = 0; at < body.length; at += 8192) {
						response.getOutputStream().write(body, at, 8192);
					}
				});
			}
			catch (IOException | ServletException ex) {
				throw new IllegalStateException(ex);
			}
		}, (work) -> new Thread(work).start());
		assertThat(stalled.await(10, TimeUnit.SECONDS)).as("the reader stopped reading").isTrue();

		MockHttpServletResponse page = new MockHttpServletResponse();
		CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
			try {
				filter.doFilter(new MockHttpServletRequest("GET", "/events"), page,
						(request, response) -> response.getWriter().write("Events"));
			}
			catch (IOException | ServletException ex) {
				throw new IllegalStateException(ex);
			}
		}, (work) -> new Thread(work).start());
		other.get(10, TimeUnit.SECONDS);
		assertThat(page.getContentAsString()).as("answered while the download waits for its reader")
			.isEqualTo("Events");
		assertThat(download).isNotDone();

		reads.countDown();
		download.get(20, TimeUnit.SECONDS);
		assertThat(received.toByteArray()).as("the whole body, in order").isEqualTo(body);
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
