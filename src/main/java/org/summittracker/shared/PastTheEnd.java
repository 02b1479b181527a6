package org.summittracker.shared;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriUtils;

/**
 * A page number asked for past the last page of its list, or of one section of a page
 * paged on its own: answered 404, saying how many pages there are, with a link to the
 * last one ({@link PastTheEndPages}; the JSON API answers it as a problem). An empty list
 * has one page. Thrown once the page has been read, from the total read with it: it costs
 * no query.
 */
public class PastTheEnd extends ResponseStatusException {

	private final String param;

	private final int asked;

	private final int pages;

	private final String section;

	private final String anchor;

	/**
	 * Page {@code asked} of the list or section paged by {@code param}, which has
	 * {@code pages}; {@code section} names the section ({@code null} for a page's one
	 * list), {@code anchor} where its links scroll to ({@code null} for none).
	 */
	public PastTheEnd(String param, int asked, int pages, String section, String anchor) {
		super(HttpStatus.NOT_FOUND, "Page " + asked + " of " + param + " is past the end: there are " + pages);
		this.param = param;
		this.asked = asked;
		this.pages = pages;
		this.section = section;
		this.anchor = anchor;
	}

	/**
	 * Throws when {@code page} was asked past the last page of its list (paged by
	 * {@code param}); the first page is never past the end.
	 */
	public static void check(Page<?> page, String param, String section, String anchor) {
		check(param, page.getNumber() + 1, page.getTotalPages(), section, anchor);
	}

	/**
	 * Throws when page {@code asked} is past the last of {@code pages} (an empty list has
	 * one).
	 */
	public static void check(String param, int asked, int pages, String section, String anchor) {
		if (asked > Math.max(pages, 1)) {
			throw new PastTheEnd(param, asked, Math.max(pages, 1), section, anchor);
		}
	}

	/** The query parameter that pages the list. */
	public String param() {
		return this.param;
	}

	/** The last page, the number of pages (from 1). */
	public int pages() {
		return this.pages;
	}

	/**
	 * What it says: "Page 9 of this person's positions is past the end: there are 2
	 * pages." The page asked is named as the address names it ({@code asked}, when it
	 * holds a number); a number too large to skip to is asked as the farthest one.
	 */
	public String sentence(MessageSource messages, String asked, Locale locale) {
		String number = (asked != null && asked.strip().matches("\\+?[0-9]{1,18}"))
				? asked.strip().replaceFirst("^\\+", "").replaceFirst("^0+(?=.)", "") : Integer.toString(this.asked);
		MessageSourceResolvable said = (this.section != null)
				? new DefaultMessageSourceResolvable(new String[] { "pages.past-end.section" },
						new Object[] { number, this.pages,
								new DefaultMessageSourceResolvable("pages.past-end." + this.section) })
				: new DefaultMessageSourceResolvable(new String[] { "pages.past-end" },
						new Object[] { number, this.pages });
		return messages.getMessage(said, locale);
	}

	/**
	 * The address of the last page: {@code path} (as sent) with the list's page the last
	 * one (left out when it is the first) and every other parameter as it was, in the
	 * order they came.
	 */
	public String lastPage(String path, Map<String, String[]> parameters) {
		StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
		parameters.forEach((name, values) -> {
			String named = encoded(name) + "=";
			if (!name.equals(this.param)) {
				for (String value : values) {
					query.add(named + encoded(value));
				}
			}
			else if (this.pages > 1) {
				query.add(named + this.pages);
			}
		});
		return path + query + ((this.anchor != null) ? "#" + this.anchor : "");
	}

	/** A name or value as a query holds it ('+' too, which would read as a space). */
	private static String encoded(String text) {
		return UriUtils.encodeQueryParam(text, StandardCharsets.UTF_8).replace("+", "%2B");
	}

}
