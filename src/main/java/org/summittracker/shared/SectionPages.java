package org.summittracker.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A page whose long sections are paged each on its own, by a query parameter each
 * (counting from 1): the page's address and the page of each section the reader is on. A
 * pager's links go to another page of one section and keep the others where the reader
 * left them; first pages are left out, so the plain page keeps its plain address. A
 * section asked past its last page is answered 404 ({@link PastTheEnd}), naming the
 * section: {@code pages.past-end.<name>.<param>} in the messages.
 *
 * @param path the page's path
 * @param name what the page is (person, subsystem, proposal, concern), for the names of
 * its sections
 * @param pages the page of each section, by its query parameter, in the order the links
 * name them
 */
public record SectionPages(String path, String name, Map<String, Integer> pages) {

	public SectionPages {
		pages = Collections.unmodifiableMap(new LinkedHashMap<>(pages));
	}

	/** The page at this path, with no section paged yet. */
	public static SectionPages at(String path, String name) {
		return new SectionPages(path, name, Map.of());
	}

	/** The same, with the section of this parameter on that page. */
	public SectionPages with(String param, int page) {
		Map<String, Integer> more = new LinkedHashMap<>(this.pages);
		more.put(param, page);
		return new SectionPages(this.path, this.name, more);
	}

	/** The same sections, on the page at another path. */
	public SectionPages on(String path) {
		return new SectionPages(path, this.name, this.pages);
	}

	/**
	 * The same, with the section of this parameter on the page read of it; past its last
	 * page, {@link PastTheEnd}.
	 */
	public SectionPages with(String param, Page<?> page) {
		within(param, page.getNumber() + 1, page.getTotalPages(), null);
		return with(param, page.getNumber() + 1);
	}

	/**
	 * Throws {@link PastTheEnd} when page {@code asked} of the section of {@code param},
	 * which has {@code pages}, is past its last (an empty section has one page).
	 */
	public void within(String param, int asked, int pages, String anchor) {
		PastTheEnd.check(param, asked, pages, this.name + "." + param, anchor);
	}

	/** The page of the section of this parameter the reader is on (1 when not named). */
	public int page(String param) {
		return this.pages.getOrDefault(param, 1);
	}

	/**
	 * The page with {@code param} at {@code value} and the other sections where they are,
	 * scrolled to {@code anchor} (none when null).
	 */
	public String to(String param, int value, String anchor) {
		UriComponentsBuilder uri = addressWith(param, value);
		if (anchor != null) {
			uri.fragment(anchor);
		}
		return uri.build().toUriString();
	}

	/**
	 * The page with every section where it is but that of {@code param}, which is left
	 * out: the base that {@code fragments/badges :: pager} adds {@code page=} to.
	 */
	public String without(String param) {
		return addressWith(param, 1).build().toUriString();
	}

	private UriComponentsBuilder addressWith(String param, int value) {
		Map<String, Integer> shown = new LinkedHashMap<>(this.pages);
		shown.put(param, value);
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(this.path);
		shown.forEach((name, page) -> {
			if (page > 1) {
				uri.queryParam(name, page);
			}
		});
		return uri;
	}

	/**
	 * The pager of the section that {@code param} pages, showing {@code page} of it, its
	 * links scrolled to {@code anchor}; past its last page, {@link PastTheEnd}.
	 */
	public Pager pager(Page<?> page, String param, String anchor) {
		int number = page.getNumber() + 1;
		int total = page.getTotalPages();
		within(param, number, total, anchor);
		String previous = (number > 1) ? to(param, number - 1, anchor) : null;
		String next = (number < total) ? to(param, number + 1, anchor) : null;
		return new Pager(number, total, previous, next);
	}

	/**
	 * A section's pager: the page shown and how many there are (counting from 1), and the
	 * links to the pages before and after it ({@code null} when there is none). Shown
	 * when there is more than a page, or the reader is past the first
	 * ({@code fragments/badges :: sectionPager}).
	 */
	public record Pager(int number, int totalPages, String previous, String next) {

		public boolean isShown() {
			return this.totalPages > 1 || this.number > 1;
		}

	}

}
