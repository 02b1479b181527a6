package org.summittracker.web;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import org.springframework.stereotype.Component;

/**
 * Renders user-written Markdown safely: raw HTML is escaped and links are limited to safe schemes.
 */
@Component
public class Markdown {

	private final Parser parser = Parser.builder().build();

	private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

	public String render(String text) {
		return (text == null || text.isBlank()) ? "" : this.renderer.render(this.parser.parse(text));
	}

}
