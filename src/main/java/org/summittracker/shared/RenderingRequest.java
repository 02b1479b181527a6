package org.summittracker.shared;

import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * The request a page is rendered against: the attributes set while rendering (Thymeleaf
 * keeps the model, every {@code th:each} and {@code th:with} variable there, setting and
 * restoring them at each level) live in a map of its own, read first; anything else goes
 * to the request as the filters wrapped it. Without it each variable a template reads
 * passes through every wrapper of the filter chain down to the container's attribute
 * maps: a fifth of the session page's rendering.
 */
class RenderingRequest extends HttpServletRequestWrapper {

	/** Marks an attribute removed while rendering (a map cannot hold null). */
	private static final Object REMOVED = new Object();

	private final Map<String, Object> own = new HashMap<>();

	RenderingRequest(HttpServletRequest request) {
		super(request);
	}

	@Override
	public Object getAttribute(String name) {
		Object value = this.own.get(name);
		if (value != null) {
			return (value != REMOVED) ? value : null;
		}
		return super.getAttribute(name);
	}

	@Override
	public void setAttribute(String name, Object value) {
		this.own.put(name, (value != null) ? value : REMOVED);
	}

	@Override
	public void removeAttribute(String name) {
		this.own.put(name, REMOVED);
	}

	@Override
	public Enumeration<String> getAttributeNames() {
		Set<String> names = new LinkedHashSet<>(Collections.list(super.getAttributeNames()));
		this.own.forEach((name, value) -> {
			if (value != REMOVED) {
				names.add(name);
			}
			else {
				names.remove(name);
			}
		});
		return Collections.enumeration(names);
	}

}
