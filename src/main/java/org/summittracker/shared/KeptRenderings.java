package org.summittracker.shared;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Pages rendered before, kept by what they were rendered from, so that a page whose data
 * has not changed is not rendered again (freshness keeps them; {@link RenderingView} asks
 * before it renders).
 */
public interface KeptRenderings {

	/**
	 * What identifies this rendering: the view, the model's values, the address, the
	 * locale and the time; null when it may not be kept (a signed-in reader, a model that
	 * holds something other than values, ...).
	 */
	Object keyOf(String view, Map<String, ?> model, HttpServletRequest request, HttpServletResponse response,
			ValueDigests digests);

	/**
	 * Whether this request's page may be put together from parts rendered before
	 * ({@link KeptParts}): the conditions of {@link #keyOf} but the address, which a part
	 * does not depend on.
	 */
	boolean keepsParts(HttpServletRequest request, HttpServletResponse response);

	/**
	 * The digest of a value a part reads, or null when it is not one a key can be made of
	 * (an entity, a proxy, an object of state).
	 */
	String digestOf(Object value);

	/**
	 * What identifies a part's rendering: the part (where it stands in its template), the
	 * digests of the variables it reads ({@link #digestOf}), by name, the locale and the
	 * time; and the request it is rendered for (not the wrapper that watches what a part
	 * reads), at whose path it is kept.
	 */
	Object keyOfPart(String part, Map<String, String> inputs, Locale locale, HttpServletRequest request);

	/** The rendering kept under this key, or null. */
	Rendering find(Object key);

	/** Keeps what was rendered under this key. */
	void keep(Object key, Rendering rendering);

	/** The text of the part kept under this key, or null. */
	String findPart(Object key);

	/** Keeps a part's text under this key. */
	void keepPart(Object key, String text);

	/** A page as rendered: its content type and its text. */
	record Rendering(String contentType, String text) {

	}

}
