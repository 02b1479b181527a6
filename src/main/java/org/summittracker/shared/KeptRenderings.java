package org.summittracker.shared;

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
	Object keyOf(String view, Map<String, ?> model, HttpServletRequest request, HttpServletResponse response);

	/** The rendering kept under this key, or null. */
	Rendering find(Object key);

	/** Keeps what was rendered under this key. */
	void keep(Object key, Rendering rendering);

	/** A page as rendered: its content type and its text. */
	record Rendering(String contentType, String text) {

	}

}
