package org.summittracker.support;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What tests read in the pages they get. */
public final class PageText {

	private PageText() {
	}

	/** The page the request answers, which must be 200. */
	public static String of(MockMvc mvc, RequestBuilder request) throws Exception {
		return mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	/** How many times {@code part} occurs in {@code text}. */
	public static int occurrences(String text, String part) {
		return text.split(Pattern.quote(part), -1).length - 1;
	}

}
