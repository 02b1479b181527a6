package org.summittracker.shared;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.thymeleaf.cache.StandardCacheManager;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.messageresolver.SpringMessageResolver;
import org.thymeleaf.spring6.view.ThymeleafView;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * A Thymeleaf page rendered against a {@link RenderingRequest}, so that reading and
 * setting template variables costs a map lookup, not a walk through the filter chain's
 * request wrappers. Spring Boot's view resolver makes these views.
 * <p>
 * The template engine keeps every parsed expression of the templates: Thymeleaf's own
 * cache holds 500 (first in, first out), fewer than a session page alone evaluates (each
 * attribute is an expression, and its SpEL another entry), so every rendering parsed its
 * expressions again and compiled their SpEL to new classes again.
 */
public class RenderingView extends ThymeleafView {

	/** The longest page kept by its model, in characters. */
	static final int LONGEST_KEPT = 256 * 1024;

	private KeptRenderings kept;

	private KeptParts parts;

	@Override
	protected void initApplicationContext() {
		super.initApplicationContext();
		this.kept = obtainApplicationContext().getBeanProvider(KeptRenderings.class).getIfAvailable();
		this.parts = obtainApplicationContext().getBeanProvider(KeptParts.class).getIfAvailable();
	}

	/**
	 * Renders the page, unless a page rendered from the same model, address, locale and
	 * time is kept: then that one is sent. A page that read nothing but its model (and
	 * started no HTTP session, set no cookie) is kept for the next reader.
	 */
	@Override
	public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
			throws Exception {
		ValueDigests digests = (this.kept != null) ? new ValueDigests(this.kept) : null;
		Object key = (this.kept != null) ? this.kept.keyOf(getBeanName(), model, request, response, digests) : null;
		if (key != null) {
			KeptRenderings.Rendering found = this.kept.find(key);
			if (found != null) {
				response.setContentType(found.contentType());
				response.getWriter().write(found.text());
				return;
			}
		}
		boolean inParts = this.kept != null && this.parts != null && this.parts.keeping()
				&& this.kept.keepsParts(request, response);
		RenderingRequest rendering = new RenderingRequest(request, key != null || inParts);
		PageResponse page = new PageResponse(response, (key != null) ? new StringBuilder() : null);
		if (inParts) {
			rendering.parts(new PageParts(this.kept, digests, rendering, page, this.parts.learned()));
		}
		super.render(model, rendering, page);
		page.finish();
		String text = page.kept();
		if (text != null && rendering.readOutsideModel() == null && request.getSession(false) == null
				&& !response.containsHeader(HttpHeaders.SET_COOKIE) && response.getStatus() == HttpServletResponse.SC_OK
				&& response.getContentType() != null) {
			this.kept.keep(key, new KeptRenderings.Rendering(response.getContentType(), text));
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("Not kept: " + getBeanName() + ((key == null) ? " (no key)"
					: (text == null) ? " (too long)" : " (read " + rendering.readOutsideModel() + ")"));
		}
	}

	/**
	 * The response as the template engine sees it: its writer gathers the page's many
	 * small writes (a tag, an attribute, a text: thousands a page) in a buffer of its
	 * own, without the locks of the response's writer, and hands them on a few thousand
	 * characters at a time, so the page still streams in bounded memory.
	 */
	static final class PageResponse extends HttpServletResponseWrapper {

		private PageWriter writer;

		/** A copy of the page as written, when it is to be kept; null otherwise. */
		private final StringBuilder copy;

		PageResponse(HttpServletResponse response, StringBuilder copy) {
			super(response);
			this.copy = copy;
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			return writer();
		}

		private PageWriter writer() throws IOException {
			if (this.writer == null) {
				this.writer = new PageWriter(new Chunks(super.getWriter(), this.copy));
			}
			return this.writer;
		}

		/** Where the page is written, gathered; once the page is being written. */
		Chunks chunks() {
			try {
				return writer().chunks;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		/**
		 * Hands on what is still gathered (flushing is left to the response, as before).
		 */
		void finish() {
			if (this.writer != null) {
				this.writer.chunks.handOn();
			}
		}

		/**
		 * The page as written, when it was copied and is no longer than
		 * {@link #LONGEST_KEPT}; null otherwise.
		 */
		String kept() {
			if (this.writer == null || this.copy == null || this.writer.chunks.copyOverflowed) {
				return null;
			}
			return this.copy.toString();
		}

	}

	/** Writes straight to its {@link Chunks}, without the lock of every write. */
	static final class PageWriter extends PrintWriter {

		private final Chunks chunks;

		PageWriter(Chunks chunks) {
			super(chunks);
			this.chunks = chunks;
		}

		@Override
		public void write(int c) {
			this.chunks.write(c);
		}

		@Override
		public void write(char[] text, int offset, int length) {
			this.chunks.write(text, offset, length);
		}

		@Override
		public void write(String text, int offset, int length) {
			this.chunks.write(text, offset, length);
		}

		@Override
		public void write(String text) {
			this.chunks.write(text, 0, text.length());
		}

	}

	/** Characters gathered and handed on to the response's writer a chunk at a time. */
	static final class Chunks extends Writer {

		static final int SIZE = 8192;

		private final PrintWriter target;

		private final char[] buffer = new char[SIZE];

		private int used;

		/** Where what is handed on is copied too, if anywhere. */
		private final StringBuilder copy;

		private boolean copyOverflowed;

		/**
		 * What is written while a part of the page is open ({@link PageParts}), or null.
		 */
		private StringBuilder parts;

		private boolean partsOverflowed;

		Chunks(PrintWriter target) {
			this(target, null);
		}

		Chunks(PrintWriter target, StringBuilder copy) {
			this.target = target;
			this.copy = copy;
		}

		@Override
		public void write(int c) {
			if (this.used == SIZE) {
				handOn();
			}
			this.buffer[this.used++] = (char) c;
			if (this.parts != null && part(1)) {
				this.parts.append((char) c);
			}
		}

		@Override
		public void write(char[] text, int offset, int length) {
			if (this.parts != null && part(length)) {
				this.parts.append(text, offset, length);
			}
			if (length > SIZE - this.used) {
				handOn();
				if (length >= SIZE) {
					copy(text, offset, length);
					this.target.write(text, offset, length);
					return;
				}
			}
			System.arraycopy(text, offset, this.buffer, this.used, length);
			this.used += length;
		}

		@Override
		public void write(String text, int offset, int length) {
			if (this.parts != null && part(length)) {
				this.parts.append(text, offset, offset + length);
			}
			if (length > SIZE - this.used) {
				handOn();
				if (length >= SIZE) {
					copy(text, offset, length);
					this.target.write(text, offset, length);
					return;
				}
			}
			text.getChars(offset, offset + length, this.buffer, this.used);
			this.used += length;
		}

		void handOn() {
			if (this.used > 0) {
				copy(this.buffer, 0, this.used);
				this.target.write(this.buffer, 0, this.used);
				this.used = 0;
			}
		}

		private void copy(char[] text, int offset, int length) {
			if (copying(length)) {
				this.copy.append(text, offset, length);
			}
		}

		private void copy(String text, int offset, int length) {
			if (copying(length)) {
				this.copy.append(text, offset, offset + length);
			}
		}

		/**
		 * Whether these characters are to be copied too: not when no copy is made, nor
		 * once the page is longer than a kept one may be.
		 */
		private boolean copying(int length) {
			if (this.copy == null || this.copyOverflowed) {
				return false;
			}
			if (this.copy.length() + length > LONGEST_KEPT) {
				this.copyOverflowed = true;
				this.copy.setLength(0);
				return false;
			}
			return true;
		}

		/** A part opens here; where its text starts. */
		int openPart() {
			if (this.parts == null) {
				this.parts = new StringBuilder(SIZE);
				this.partsOverflowed = false;
			}
			return this.parts.length();
		}

		/**
		 * The text written since the part opened at this start, or null when the parts
		 * open grew longer than a kept page may be; the outermost part closing ends the
		 * copy.
		 */
		String closePart(int start, boolean outermost) {
			String text = this.partsOverflowed ? null : this.parts.substring(start);
			if (outermost) {
				this.parts = null;
			}
			return text;
		}

		/** Whether these characters are still to be copied for the parts open. */
		private boolean part(int length) {
			if (this.partsOverflowed) {
				return false;
			}
			if (this.parts.length() + length > LONGEST_KEPT) {
				this.partsOverflowed = true;
				this.parts.setLength(0);
				return false;
			}
			return true;
		}

		@Override
		public void flush() {
			handOn();
			this.target.flush();
		}

		@Override
		public void close() {
			flush();
		}

	}

	/**
	 * More than all the templates' expressions (about 3,000 attributes, an entry for each
	 * and one for each SpEL expression in them): the entries come from the templates'
	 * text, so the cache stays as small as they make it.
	 */
	static final int EXPRESSION_CACHE_SIZE = 20_000;

	/**
	 * The messages without arguments a page shows (headings, labels, badges: most of a
	 * page's), looked up once per locale and kept, not looked up in the bundle at every
	 * rendering; a message with arguments is formatted every time. The messages do not
	 * change while the application runs. At most {@link #KEPT_LOCALES} locales (a request
	 * names its own) and {@link #KEPT_MESSAGES} messages each are kept.
	 */
	static final class KeptMessages implements IMessageResolver {

		static final int KEPT_LOCALES = 8;

		static final int KEPT_MESSAGES = 5_000;

		private final SpringMessageResolver messages = new SpringMessageResolver();

		private final Map<Locale, Map<String, String>> kept = new ConcurrentHashMap<>();

		KeptMessages(MessageSource source) {
			this.messages.setMessageSource(source);
		}

		@Override
		public String getName() {
			return getClass().getSimpleName();
		}

		@Override
		public Integer getOrder() {
			return this.messages.getOrder();
		}

		@Override
		public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] parameters) {
			if (parameters != null && parameters.length > 0) {
				return this.messages.resolveMessage(context, origin, key, parameters);
			}
			Map<String, String> texts = this.kept.get(context.getLocale());
			if (texts == null && this.kept.size() < KEPT_LOCALES) {
				texts = this.kept.computeIfAbsent(context.getLocale(), (locale) -> new ConcurrentHashMap<>());
			}
			String text = (texts != null) ? texts.get(key) : null;
			if (text == null) {
				text = this.messages.resolveMessage(context, origin, key, parameters);
				if (text != null && texts != null && texts.size() < KEPT_MESSAGES) {
					texts.put(key, text);
				}
			}
			return text;
		}

		@Override
		public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
				Object[] parameters) {
			return this.messages.createAbsentMessageRepresentation(context, origin, key, parameters);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RenderingViewConfiguration {

		@Bean
		static BeanPostProcessor renderingViews(ObjectProvider<MessageSource> messageSource) {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessBeforeInitialization(Object bean, String beanName) throws BeansException {
					if (bean instanceof ThymeleafViewResolver resolver) {
						resolver.setViewClass(RenderingView.class);
					}
					if (bean instanceof SpringTemplateEngine engine) {
						StandardCacheManager caches = new StandardCacheManager();
						caches.setExpressionCacheMaxSize(EXPRESSION_CACHE_SIZE);
						engine.setCacheManager(caches);
						engine.setMessageResolver(new KeptMessages(messageSource.getObject()));
					}
					return bean;
				}

			};
		}

	}

}
