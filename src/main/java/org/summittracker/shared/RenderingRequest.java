package org.summittracker.shared;

import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
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

	/**
	 * The request attributes set by the framework for every request, which a page's text
	 * does not depend on: where the application context, the locale and flash maps are
	 * found, and the handler's path variables (part of the address).
	 */
	private static final List<String> FRAMEWORK = List.of("org.springframework.web.servlet.",
			"org.springframework.web.context.", "org.springframework.core.convert.", "jakarta.servlet.");

	private final Map<String, Object> own = new HashMap<>();

	/** Whether to note reads of the request's own attributes. */
	private final boolean noting;

	/**
	 * The first attribute read from the request itself (not the model) that the framework
	 * did not set, if any.
	 */
	private String readOutsideModel;

	/** The parts of the page, when it is put together from parts rendered before. */
	private PageParts parts;

	RenderingRequest(HttpServletRequest request) {
		this(request, false);
	}

	/**
	 * A request that notes, when told to, whether the page read anything from the request
	 * beyond its model: such a page may not be kept by its model.
	 */
	RenderingRequest(HttpServletRequest request, boolean noting) {
		super(request);
		this.noting = noting;
	}

	@Override
	public Object getAttribute(String name) {
		if (this.parts != null) {
			this.parts.read(name);
		}
		Object value = this.own.get(name);
		if (value != null) {
			return (value != REMOVED) ? value : null;
		}
		Object attribute = super.getAttribute(name);
		if (this.noting && attribute != null && !framework(name)) {
			if (this.readOutsideModel == null) {
				this.readOutsideModel = name;
			}
			if (this.parts != null) {
				this.parts.spoil(name);
			}
		}
		return attribute;
	}

	/**
	 * The attribute's value, as {@link #getAttribute} gives it, without noting that it
	 * was read.
	 */
	Object peek(String name) {
		Object value = this.own.get(name);
		if (value != null) {
			return (value != REMOVED) ? value : null;
		}
		return super.getAttribute(name);
	}

	/** Whether the framework sets this attribute for every request. */
	static boolean framework(String name) {
		for (String prefix : FRAMEWORK) {
			if (name.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The parts of the page being rendered, or null when it is not put together from
	 * parts.
	 */
	PageParts parts() {
		return this.parts;
	}

	void parts(PageParts parts) {
		this.parts = parts;
	}

	@Override
	public String getParameter(String name) {
		readingAddress("parameter " + name);
		return super.getParameter(name);
	}

	@Override
	public Map<String, String[]> getParameterMap() {
		readingAddress("parameters");
		return super.getParameterMap();
	}

	@Override
	public Enumeration<String> getParameterNames() {
		readingAddress("parameters");
		return super.getParameterNames();
	}

	@Override
	public String[] getParameterValues(String name) {
		readingAddress("parameter " + name);
		return super.getParameterValues(name);
	}

	@Override
	public String getQueryString() {
		readingAddress("query string");
		return super.getQueryString();
	}

	@Override
	public String getRequestURI() {
		readingAddress("address");
		return super.getRequestURI();
	}

	@Override
	public StringBuffer getRequestURL() {
		readingAddress("address");
		return super.getRequestURL();
	}

	/**
	 * A part read the address, which its key does not hold: it may not be kept (a page is
	 * kept by its address, so this does not concern pages).
	 */
	private void readingAddress(String what) {
		if (this.parts != null) {
			this.parts.spoil(what);
		}
	}

	/**
	 * The first attribute the page read from the request beyond its model and the
	 * framework's, or null.
	 */
	String readOutsideModel() {
		return this.readOutsideModel;
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
