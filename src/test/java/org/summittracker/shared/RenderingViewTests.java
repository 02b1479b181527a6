package org.summittracker.shared;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.thymeleaf.context.ITemplateContext;

import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * What a rendering costs besides its template: the messages without arguments are looked
 * up once, and the page's many small writes reach the response a chunk at a time, whole
 * and in order.
 */
class RenderingViewTests {

	@Test
	void aMessageWithoutArgumentsIsLookedUpOnceAndOneWithArgumentsEveryTime() {
		List<String> asked = new ArrayList<>();
		StaticMessageSource source = new StaticMessageSource() {

			@Override
			protected String resolveCodeWithoutArguments(String code, Locale locale) {
				asked.add(code);
				return super.resolveCodeWithoutArguments(code, locale);
			}

		};
		source.addMessage("plain", Locale.ENGLISH, "Plain text");
		source.addMessage("with", Locale.ENGLISH, "In {0}");
		RenderingView.KeptMessages messages = new RenderingView.KeptMessages(source);
		ITemplateContext context = mock(ITemplateContext.class);
		when(context.getLocale()).thenReturn(Locale.ENGLISH);

		for (int i = 0; i < 3; i++) {
			assertThat(messages.resolveMessage(context, null, "plain", null)).isEqualTo("Plain text");
			assertThat(messages.resolveMessage(context, null, "plain", new Object[0])).isEqualTo("Plain text");
			assertThat(messages.resolveMessage(context, null, "with", new Object[] { i })).isEqualTo("In " + i);
			assertThat(messages.resolveMessage(context, null, "missing", null)).isNull();
		}

		assertThat(asked).filteredOn("plain"::equals).hasSize(1);
		assertThat(asked).filteredOn("missing"::equals).hasSize(3);
	}

	@Test
	void smallWritesReachTheResponseWholeAndInOrderAChunkAtATime() {
		StringWriter response = new StringWriter();
		RenderingView.Chunks chunks = new RenderingView.Chunks(new PrintWriter(response));
		PrintWriter page = new RenderingView.PageWriter(chunks);
		StringBuilder expected = new StringBuilder();
		for (int i = 0; i < 3_000; i++) {
			String text = "<td>" + i + "</td>";
			page.write(text);
			page.write('\n');
			expected.append(text).append('\n');
		}
		assertThat(response.getBuffer().length()).isPositive().isLessThan(expected.length());
		String big = "x".repeat(RenderingView.Chunks.SIZE + 10);
		page.write(big.toCharArray(), 0, big.length());
		page.write(big, 5, 20);
		expected.append(big).append(big, 5, 25);

		page.flush();

		assertThat(response.toString()).isEqualTo(expected.toString());
	}

}
