package org.summittracker.shared;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.context.IWebContext;
import org.thymeleaf.web.servlet.IServletWebExchange;

/**
 * The parts ({@link KeptParts}) of one page being rendered: which are open, the variables
 * each read, and where its text starts in what the page wrote.
 * <p>
 * A part's text depends on nothing but the template, the locale, the time and the values
 * of the variables it reads: the same values, the same path through the template, the
 * same text. So a part is kept under the names and values of the variables it read, and
 * found again by the values those same names have now. Reading anything else (a request
 * attribute beyond the model, a parameter, the address) spoils it: it is not kept.
 */
final class PageParts {

	private static final Log LOGGER = LogFactory.getLog(PageParts.class);

	/**
	 * Variables the template engine and Spring set for every page, which a part's text
	 * does not depend on beyond the locale (the request context, the evaluation context).
	 */
	private static final List<String> ENGINE = List.of("thymeleaf::", "springRequestContext",
			"springMacroRequestContext", "thymeleafRequestContext");

	/** The most variables a part may read and still be kept. */
	static final int MOST_INPUTS = 200;

	/** The names each part read when it was last rendered, by part. */
	private final Map<String, Set<String>> learned;

	private final KeptRenderings kept;

	private final RenderingRequest request;

	/**
	 * The page as written (its writer is asked for once the template engine has set its
	 * encoding).
	 */
	private final RenderingView.PageResponse page;

	private RenderingView.Chunks chunks;

	private final Deque<Open> open = new ArrayDeque<>();

	private final ValueDigests digests;

	PageParts(KeptRenderings kept, ValueDigests digests, RenderingRequest request, RenderingView.PageResponse page,
			Map<String, Set<String>> learned) {
		this.kept = kept;
		this.digests = digests;
		this.request = request;
		this.page = page;
		this.learned = learned;
	}

	/** The parts of the page this template is rendering, or null. */
	static PageParts of(ITemplateContext context) {
		if (context instanceof IWebContext web && web.getExchange() instanceof IServletWebExchange exchange
				&& exchange.getNativeRequestObject() instanceof RenderingRequest rendering) {
			return rendering.parts();
		}
		return null;
	}

	/**
	 * The text this part had when it was last rendered from the values its variables have
	 * now, or null. The parts around it depend on those variables too.
	 */
	String find(String part, Locale locale) {
		Set<String> names = this.learned.get(part);
		if (names == null) {
			return null;
		}
		for (String name : names) {
			read(name);
		}
		Object key = keyOf(part, names, locale);
		return (key != null) ? this.kept.findPart(key) : null;
	}

	/** The part starts here: what is written from now on is its text. */
	void start(String part) {
		if (this.chunks == null) {
			this.chunks = this.page.chunks();
		}
		this.open.push(new Open(part, this.chunks.openPart()));
	}

	/**
	 * The part ends here: it is kept under the variables it read, unless it read more
	 * than its variables.
	 */
	void end(Locale locale) {
		Open part = this.open.pop();
		String text = this.chunks.closePart(part.start, this.open.isEmpty());
		if (part.spoiled == null && this.request.getSession(false) != null) {
			part.spoiled = "a session";
		}
		if (part.spoiled == null && text == null) {
			part.spoiled = "its length";
		}
		if (part.spoiled == null && (text.contains("[[") || text.contains("[("))) {
			part.spoiled = "text that looks like an inlined expression";
		}
		if (part.spoiled == null && part.read.size() > MOST_INPUTS) {
			part.spoiled = part.read.size() + " variables";
		}
		Object key = (part.spoiled != null) ? null : keyOf(part.name, part.read, locale);
		if (key == null) {
			if (LOGGER.isDebugEnabled()) {
				LOGGER.debug("Part not kept: " + part.name + " ("
						+ ((part.spoiled != null) ? "read " + part.spoiled : "no key of " + part.read) + ")");
			}
			return;
		}
		this.kept.keepPart(key, text);
		this.learned.put(part.name, Set.copyOf(part.read));
	}

	/** A variable (or request attribute) was read: every open part depends on it. */
	void read(String name) {
		if (this.open.isEmpty() || RenderingRequest.framework(name) || engine(name)) {
			return;
		}
		for (Open part : this.open) {
			part.read.add(name);
		}
	}

	/** Something beyond the variables was read: no open part may be kept. */
	void spoil(String what) {
		for (Open part : this.open) {
			if (part.spoiled == null) {
				part.spoiled = what;
			}
		}
	}

	private Object keyOf(String part, Set<String> names, Locale locale) {
		Map<String, String> inputs = new TreeMap<>();
		for (String name : names) {
			String digest = this.digests.of(this.request.peek(name));
			if (digest == null) {
				return null;
			}
			inputs.put(name, digest);
		}
		return this.kept.keyOfPart(part, inputs, locale, (HttpServletRequest) this.request.getRequest());
	}

	private static boolean engine(String name) {
		for (String prefix : ENGINE) {
			if (name.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	/** A part being rendered. */
	private static final class Open {

		final String name;

		final int start;

		final Set<String> read = new LinkedHashSet<>();

		String spoiled;

		Open(String name, int start) {
			this.name = name;
			this.start = start;
		}

	}

}
