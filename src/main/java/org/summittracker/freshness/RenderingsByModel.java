package org.summittracker.freshness;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.cache.Cache;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.support.RequestContextUtils;

import org.summittracker.shared.KeptRenderings;
import org.summittracker.shared.ValueDigests;

/**
 * Pages kept by what they were rendered from, for anonymous readers: after a write, the
 * page cache ({@link FreshPagesFilter}) has nothing at the new change stamp, but a page
 * whose own data did not change (the model its controller read is the same, value for
 * value) is not rendered again: its controller reads its data, and the page rendered from
 * that data before is sent. A page is kept at its view, locale and address (so a page
 * that reads its query string is kept by it), one rendering at each ({@link Place}), with
 * the digest of the model ({@link ModelDigest}) and the quarter of an hour (pages say
 * "today" and "overdue by N days"); it is sent only when they are those of the data just
 * read, so a page is never older than the data it was just read from. An address asked
 * for the first time is rendered without a key.
 */
class RenderingsByModel implements KeptRenderings {

	private final Cache renderings;

	private final Clock clock;

	private final boolean keeping;

	private final LongAdder found = new LongAdder();

	private final LongAdder partsFound = new LongAdder();

	/** The content type a part is kept under: it is never sent alone. */
	private static final String PART = "text/html; part";

	/**
	 * The addresses asked for lately: a page is kept only once its address has been asked
	 * for before, so that addresses read once cost no digest and crowd no heap.
	 */
	private final AddressesAsked asked = new AddressesAsked();

	private final KeptValues values;

	RenderingsByModel(Cache renderings, Clock clock, KeptValues values, boolean keeping) {
		this.values = values;
		this.renderings = renderings;
		this.clock = clock;
		this.keeping = keeping;
	}

	@Override
	public Object keyOf(String view, Map<String, ?> model, HttpServletRequest request, HttpServletResponse response,
			ValueDigests digests) {
		if (!keepsParts(request, response)) {
			return null;
		}
		String address = FreshPagesFilter.address(request);
		if (!this.asked.before(address)) {
			return null;
		}
		Map<String, String> values = digests.of(model);
		String locale = RequestContextUtils.getLocale(request).toLanguageTag();
		return (values != null) ? place("page " + view + " " + locale + " " + address,
				ModelDigest.of(values, view, address, locale, slot())) : null;
	}

	@Override
	public boolean keepsParts(HttpServletRequest request, HttpServletResponse response) {
		return this.keeping && "GET".equals(request.getMethod()) && !FreshPagesFilter.passesThrough(request)
				&& request.getSession(false) == null && !FreshPagesFilter.isSignedIn()
				&& response.getStatus() == HttpServletResponse.SC_OK
				&& request.getAttribute(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE) == null;
	}

	@Override
	public String digestOf(Object value) {
		return this.values.digestOf(value);
	}

	@Override
	public Object keyOfPart(String part, Map<String, String> inputs, Locale locale, HttpServletRequest request) {
		String language = locale.toLanguageTag();
		return place("part " + part + " " + language + " " + request.getRequestURI(),
				ModelDigest.of(inputs, "part", part, language, slot()));
	}

	/** The place, or null when what was rendered has no digest. */
	private static Place place(String where, ByteBuffer digest) {
		return (digest != null) ? new Place(where, digest) : null;
	}

	/** The quarter of an hour: pages say "today" and "overdue by N days". */
	private String slot() {
		return Long.toString(this.clock.instant().getEpochSecond() / FreshPagesFilter.SLOT.toSeconds());
	}

	@Override
	public Rendering find(Object key) {
		Rendering rendering = kept(key);
		if (rendering != null) {
			this.found.increment();
		}
		return rendering;
	}

	@Override
	public String findPart(Object key) {
		Rendering rendering = kept(key);
		if (rendering != null) {
			this.partsFound.increment();
			return rendering.text();
		}
		return null;
	}

	@Override
	public void keepPart(Object key, String text) {
		keep(key, new Rendering(PART, text));
	}

	@Override
	public void keep(Object key, Rendering rendering) {
		Place place = (Place) key;
		this.renderings.put(place, new Kept(place.digest(), rendering));
	}

	/** What is kept at the key's place, if it was rendered from the key's values. */
	private Rendering kept(Object key) {
		Place place = (Place) key;
		Kept kept = this.renderings.get(place, Kept.class);
		return (kept != null && kept.digest().equals(place.digest())) ? kept.rendering() : null;
	}

	/**
	 * Where a rendering is kept: a page, its locale and its address; or a part, its
	 * locale and the path of the page it is in (shared by the page's addresses, whatever
	 * their query strings: most parts read none). With it, the digest of what it was
	 * rendered from, which is not part of where: a rendering replaces the one kept at its
	 * place from other values, which no reader would be sent again (kept until the
	 * cache's weight pushed them out, such renderings reached the heap's old generation
	 * and filled it when the data was written often).
	 */
	record Place(String where, ByteBuffer digest) {

		@Override
		public boolean equals(Object other) {
			return other instanceof Place place && this.where.equals(place.where);
		}

		@Override
		public int hashCode() {
			return this.where.hashCode();
		}

	}

	/** A rendering as kept, with the digest of what it was rendered from. */
	record Kept(ByteBuffer digest, Rendering rendering) {

	}

	/** How many pages were sent as kept, not rendered, since the start. */
	long found() {
		return this.found.sum();
	}

	/** How many parts of pages were written as kept, not rendered, since the start. */
	long partsFound() {
		return this.partsFound.sum();
	}

}
