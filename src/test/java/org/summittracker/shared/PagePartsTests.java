package org.summittracker.shared;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a part of a page is kept under: the values of the variables it read; and what
 * keeps it from being kept: reading the request beyond the page's variables.
 */
class PagePartsTests {

	final Map<Object, String> kept = new HashMap<>();

	final Map<String, Set<String>> learned = new ConcurrentHashMap<>();

	RenderingRequest request;

	PageParts parts;

	PrintWriter page;

	@BeforeEach
	void page() throws Exception {
		MockHttpServletRequest servletRequest = new MockHttpServletRequest("GET", "/page");
		servletRequest.setParameter("q", "a parameter");
		servletRequest.setAttribute("outside", "set by a filter");
		this.request = new RenderingRequest(servletRequest, true);
		RenderingView.PageResponse response = new RenderingView.PageResponse(new MockHttpServletResponse(), null);
		this.page = response.getWriter();
		this.parts = new PageParts(new InMemory(), new ValueDigests(new InMemory()), this.request, response,
				this.learned);
		this.request.parts(this.parts);
	}

	@Test
	void aPartIsKeptUnderTheValuesOfTheVariablesItReadAndFoundByThem() {
		this.request.setAttribute("title", "First title");
		this.request.setAttribute("unread", "anything");
		render("part", () -> this.page.write("<h1>" + this.request.getAttribute("title") + "</h1>"));

		assertThat(this.learned.get("part")).containsExactly("title");
		assertThat(this.parts.find("part", Locale.ENGLISH)).isEqualTo("<h1>First title</h1>");

		this.request.setAttribute("unread", "something else");
		assertThat(this.parts.find("part", Locale.ENGLISH)).as("a variable it did not read").isNotNull();
		this.request.setAttribute("title", "Second title");
		assertThat(this.parts.find("part", Locale.ENGLISH)).as("a variable it read").isNull();
		assertThat(this.parts.find("part", Locale.GERMAN)).isNull();
	}

	@Test
	void aPartThatReadsTheRequestBeyondItsVariablesIsNotKept() {
		for (Runnable reading : List.<Runnable>of(() -> this.request.getParameter("q"),
				() -> this.request.getParameterMap(), () -> this.request.getQueryString(),
				() -> this.request.getRequestURI(), () -> this.request.getAttribute("outside"))) {
			render("reading", () -> {
				reading.run();
				this.page.write("text");
			});
		}
		assertThat(this.kept).isEmpty();
		assertThat(this.learned).isEmpty();
	}

	@Test
	void aPartWhoseTextLooksLikeAnInlinedExpressionIsNotKept() {
		render("inlined", () -> this.page.write("[[${7 * 6}]]"));
		render("inlined", () -> this.page.write("[(${7 * 6})]"));
		assertThat(this.kept).isEmpty();
	}

	@Test
	void aPartAroundAnotherDependsOnWhatTheInnerOneRead() {
		this.request.setAttribute("inner", "Inner value");
		render("inner", () -> this.page.write(String.valueOf(this.request.getAttribute("inner"))));
		this.parts.start("outer");
		String inner = this.parts.find("inner", Locale.ENGLISH);
		this.page.write("<div>" + inner + "</div>");
		this.page.flush();
		this.parts.end(Locale.ENGLISH);
		assertThat(this.learned.get("outer")).containsExactly("inner");
	}

	private void render(String part, Runnable body) {
		this.parts.start(part);
		body.run();
		this.page.flush();
		this.parts.end(Locale.ENGLISH);
	}

	/** Keeps parts in a map, keyed as the application keys them: by their digests. */
	class InMemory implements KeptRenderings {

		@Override
		public Object keyOf(String view, Map<String, ?> model, HttpServletRequest request, HttpServletResponse response,
				ValueDigests digests) {
			return null;
		}

		@Override
		public boolean keepsParts(HttpServletRequest request, HttpServletResponse response) {
			return true;
		}

		@Override
		public String digestOf(Object value) {
			return (value instanceof String text) ? "s" + text : null;
		}

		@Override
		public Object keyOfPart(String part, Map<String, String> inputs, Locale locale, HttpServletRequest request) {
			return List.of(part, Map.copyOf(inputs), locale);
		}

		@Override
		public Rendering find(Object key) {
			return null;
		}

		@Override
		public void keep(Object key, Rendering rendering) {
		}

		@Override
		public String findPart(Object key) {
			return PagePartsTests.this.kept.get(key);
		}

		@Override
		public void keepPart(Object key, String text) {
			PagePartsTests.this.kept.put(key, text);
		}

	}

}
