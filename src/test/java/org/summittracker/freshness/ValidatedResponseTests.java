package org.summittracker.freshness;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body held back to be kept reaches the client only when released, never twice, and
 * never held beyond the limit or when it is not a 200's.
 */
class ValidatedResponseTests {

	private final MockHttpServletResponse client = new MockHttpServletResponse();

	@Test
	void aHeldBodyIsSentOnlyWhenReleased() throws Exception {
		ValidatedResponse response = held(1024);
		PrintWriter writer = response.getWriter();
		writer.print("held back");
		writer.flush();
		response.flushBuffer();
		assertThat(this.client.getContentAsString()).as("nothing sent while held").isEmpty();
		assertThat(this.client.isCommitted()).as("nor the headers").isFalse();
		assertThat(response.body()).asString(StandardCharsets.UTF_8).isEqualTo("held back");
		response.release();
		response.getOutputStream().write(" and after".getBytes(StandardCharsets.UTF_8));
		assertThat(this.client.getContentAsString()).isEqualTo("held back and after");
	}

	@Test
	void aHeldBodyDroppedIsNeverSent() throws Exception {
		ValidatedResponse response = held(1024);
		response.getOutputStream().write("rendered".getBytes(StandardCharsets.UTF_8));
		response.copyNothing();
		response.getOutputStream().write("kept".getBytes(StandardCharsets.UTF_8));
		assertThat(this.client.getContentAsString()).isEqualTo("kept");
		assertThat(response.body()).as("nothing copied after").isNull();
	}

	@Test
	void aBodyLargerThanTheLimitStreamsFromThere() throws Exception {
		ValidatedResponse response = held(10);
		response.getOutputStream().write("0123456".getBytes(StandardCharsets.UTF_8));
		assertThat(this.client.getContentAsString()).isEmpty();
		response.getOutputStream().write("789abc".getBytes(StandardCharsets.UTF_8));
		assertThat(this.client.getContentAsString()).as("all of it, once").isEqualTo("0123456789abc");
		assertThat(response.body()).as("too large to keep").isNull();
		response.release();
		assertThat(this.client.getContentAsString()).isEqualTo("0123456789abc");
	}

	@Test
	void anErrorsBodyIsNotHeld() throws Exception {
		ValidatedResponse response = held(1024);
		response.setStatus(404);
		response.getOutputStream().write("not found".getBytes(StandardCharsets.UTF_8));
		assertThat(this.client.getContentAsString()).isEqualTo("not found");
		assertThat(response.body()).isNull();
	}

	@Test
	void aResetDropsWhatWasHeld() throws Exception {
		ValidatedResponse response = held(1024);
		response.getOutputStream().write("half a page".getBytes(StandardCharsets.UTF_8));
		response.reset();
		response.setStatus(500);
		response.getOutputStream().write("error".getBytes(StandardCharsets.UTF_8));
		response.release();
		assertThat(this.client.getContentAsString()).isEqualTo("error");
	}

	private ValidatedResponse held(int limit) {
		this.client.setCharacterEncoding("UTF-8");
		ValidatedResponse response = new ValidatedResponse(this.client, limit);
		response.holdBody();
		return response;
	}

}
