package org.summittracker.freshness;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.cache.Cache;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.support.SessionFlashMapManager;

import org.summittracker.shared.CoreTurns;

/**
 * Conditional GET for every page, feed and export, and the cache of what anonymous
 * readers are sent.
 * <p>
 * Before anything is read the change stamp is read (one statement, before Spring
 * Security's filters: {@link ChangeStampFirst}). The ETag is made of the stamp, the
 * quarter of an hour (pages say “overdue by N days” and “today”), the address and who
 * asks (anonymous, or the signed-in HTTP session: their pages carry their name and their
 * forms' CSRF token); a request that already has it gets a 304 without rendering.
 * Anonymous GETs are answered from the cache of rendered pages: one page an address, sent
 * only at the stamp and quarter of an hour it was read at, so a cached page is never
 * older than the stamp it was read at; a response goes into the cache only when it is a
 * 200 that started no HTTP session and set no cookie, and only once its address has been
 * asked for before: an address read once (a crawler's, or one with a query string of its
 * own) would only crowd the heap. A request carrying a one-time (flash) message gets no
 * validators.
 */
class FreshPagesFilter extends OncePerRequestFilter {

	static final Duration SLOT = Duration.ofMinutes(15);

	/**
	 * The longest a reader waits for another's rendering of the same address: then it
	 * renders its own.
	 */
	private static final Duration WAIT_FOR_RENDERING = Duration.ofSeconds(5);

	private static final List<String> PASS_THROUGH = List.of("/login", "/logout", "/error", "/actuator/", "/css/",
			"/js/", "/webjars/", "/favicon.ico", "/benchmark/", "/account/tokens");

	private final FlashMapManager flashMaps = new SessionFlashMapManager();

	/**
	 * The request attribute holding the change stamp read before the request's data
	 * ({@link ReadsByTables} keeps rows under the tables' stamps at it or later).
	 */
	static final String STAMP_READ = FreshPagesFilter.class.getName() + ".stamp";

	private final ChangeStamps stamps;

	private final Cache pages;

	/**
	 * Renderings under way for anonymous readers, by cache key: readers asking for the
	 * same address meanwhile (right after a write, many at once) wait for that one rather
	 * than render it again.
	 */
	private final Map<String, CompletableFuture<RenderedPage>> rendering = new ConcurrentHashMap<>();

	private final LongAdder renderings = new LongAdder();

	private final LongAdder copies = new LongAdder();

	/**
	 * The addresses asked for lately: a page is kept once its address was asked for
	 * before (at any stamp: a write does not make an address read often a new one).
	 */
	private final AddressesAsked asked = new AddressesAsked();

	private final Clock clock;

	private final boolean caching;

	private final int largestCached;

	FreshPagesFilter(ChangeStamps stamps, Cache pages, Clock clock, boolean caching, int largestCached) {
		this.stamps = stamps;
		this.pages = pages;
		this.clock = clock;
		this.caching = caching;
		this.largestCached = largestCached;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return leftAlone(request);
	}

	/**
	 * Whether this filter leaves the request alone: not a read, or at such an address.
	 */
	static boolean leftAlone(HttpServletRequest request) {
		String method = request.getMethod();
		if (!"GET".equals(method) && !"HEAD".equals(method)) {
			return true;
		}
		return passesThrough(request);
	}

	/**
	 * Whether the address is one this filter leaves alone (sign-in, errors, static files,
	 * the benchmark's reference page, ...): never cached, nor kept by its model.
	 */
	static boolean passesThrough(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return PASS_THROUGH.stream().anyMatch((prefix) -> path.equals(prefix) || path.startsWith(prefix));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null) {
			// A one-time message for this request (after a form): taken here as the
			// DispatcherServlet would, and shown on a page that carries no validators.
			FlashMap message = this.flashMaps.retrieveAndUpdate(request, response);
			if (message != null && !message.isEmpty()) {
				request.setAttribute(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE, Collections.unmodifiableMap(message));
				chain.doFilter(request, response);
				return;
			}
		}
		// Read before Spring Security's filters (ChangeStampFirst), or here.
		ChangeStamp stamp = (request.getAttribute(STAMP_READ) instanceof ChangeStamp first) ? first
				: this.stamps.current();
		request.setAttribute(STAMP_READ, stamp);
		boolean signedIn = isSignedIn();
		Instant now = this.clock.instant();
		long slot = now.getEpochSecond() / SLOT.toSeconds();
		String address = address(request);
		String reader = signedIn ? "session:" + ((session != null) ? session.getId() : "none") : "anonymous";
		String etag = "W/\"" + stamp.value() + "-" + slot + "-" + digest(address + "\n" + reader) + "\"";
		// Whole seconds, and never before the current slot began (see the ETag).
		Instant slotStart = Instant.ofEpochSecond(slot * SLOT.toSeconds());
		long lastModified = signedIn ? -1
				: (stamp.changedAt().isAfter(slotStart) ? stamp.changedAt() : slotStart).toEpochMilli();
		response.setHeader(HttpHeaders.CACHE_CONTROL, signedIn ? "private, no-cache" : "no-cache");
		response.addHeader(HttpHeaders.VARY, HttpHeaders.COOKIE);
		boolean cacheable = !signedIn && this.caching && "GET".equals(request.getMethod());
		// The body is copied only where it will be kept: at an address asked for before.
		// Copying each first request's body (up to summit.pages.cache.largest) cost every
		// page at a new address a second copy of itself, and each large export read once
		// megabytes straight into the heap's old generation.
		boolean askedBefore = cacheable && this.asked.before(address);
		ValidatedResponse validated = new ValidatedResponse(response, askedBefore ? this.largestCached : 0);
		if (new ServletWebRequest(request, validated).checkNotModified(etag, lastModified)) {
			return;
		}
		if (!cacheable) {
			chain.doFilter(request, validated);
			validated.finish();
			return;
		}
		String key = stamp.value() + " " + slot + " " + address;
		KeptPage kept = this.pages.get(address, KeptPage.class);
		RenderedPage cached = (kept != null && kept.isAt(stamp.value(), slot)) ? kept.page() : null;
		if (cached != null) {
			validated.copyNothing();
			send(cached, request, validated);
			return;
		}
		if (!askedBefore) {
			// Asked for the first time: rendered for this request alone, as it is sent.
			this.renderings.increment();
			chain.doFilter(request, validated);
			validated.finish();
			return;
		}
		CompletableFuture<RenderedPage> mine = new CompletableFuture<>();
		CompletableFuture<RenderedPage> theirs = this.rendering.putIfAbsent(key, mine);
		if (theirs != null) {
			RenderedPage shared = awaitRendering(theirs);
			if (shared != null) {
				validated.copyNothing();
				send(shared, request, validated);
			}
			else {
				this.renderings.increment();
				chain.doFilter(request, validated);
				validated.finish();
			}
			return;
		}
		RenderedPage page = null;
		try {
			this.renderings.increment();
			// Held back, and sent as kept: compressed once, not as it streams and again
			// for the readers after, and the readers waiting meanwhile are not kept
			// waiting on this one's connection.
			validated.holdBody();
			chain.doFilter(request, validated);
			if (validated.copied()) {
				this.copies.increment();
			}
			page = request.isAsyncStarted() ? null : shareable(request, validated);
			if (page != null) {
				page = keep(address, new KeptPage(stamp.value(), slot, page));
			}
		}
		finally {
			this.rendering.remove(key, mine);
			mine.complete(page);
		}
		if (page != null && validated.holds()) {
			validated.copyNothing();
			send(page, request, validated);
		}
		else {
			validated.finish();
			validated.release();
		}
	}

	/**
	 * Keeps the page under its address, in place of what was kept there at an earlier
	 * stamp (which no reader will be sent again): kept pages that can no longer be sent
	 * would linger in the heap until the cache's weight pushed them out, long enough to
	 * outlive the young generation and fill the old one (after every write, a page per
	 * address read; collecting them stopped every request for a fifth of a second).
	 * Answers what is to be sent to readers waiting for this rendering: the page kept.
	 */
	private RenderedPage keep(String address, KeptPage page) {
		KeptPage there = this.pages.get(address, KeptPage.class);
		if (there != null && there.isAfter(page)) {
			return page.page();
		}
		if (there != null && there.page().sameAs(page.page())) {
			// Rendered again after a write elsewhere, the same: the page kept before goes
			// on, with its gzipped body, under the new stamp (a large export is not
			// compressed again, and what lives on in the heap is what lived before).
			page = new KeptPage(page.stamp(), page.slot(), there.page());
		}
		this.pages.put(address, page);
		return page.page();
	}

	/**
	 * What was rendered, when every anonymous reader may be sent it: a 200 that started
	 * no HTTP session and set no cookie.
	 */
	private static RenderedPage shareable(HttpServletRequest request, ValidatedResponse validated) throws IOException {
		byte[] body = validated.body();
		if (body == null || request.getSession(false) != null || validated.containsHeader(HttpHeaders.SET_COOKIE)
				|| validated.getContentType() == null) {
			return null;
		}
		return new RenderedPage(validated.getContentType(), validated.getHeader(HttpHeaders.CONTENT_DISPOSITION), body);
	}

	/**
	 * The page another request is rendering for the same address, once it is done; null
	 * when it could not be shared, or took too long.
	 */
	private static RenderedPage awaitRendering(CompletableFuture<RenderedPage> rendering) {
		return CoreTurns.awayWhile(() -> {
			try {
				return rendering.get(WAIT_FOR_RENDERING.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return null;
			}
			catch (ExecutionException | TimeoutException ex) {
				return null;
			}
		});
	}

	/** How many times a page was rendered for anonymous readers since the start. */
	long renderings() {
		return this.renderings.sum();
	}

	/** How many rendered bodies were copied to be kept since the start. */
	long copies() {
		return this.copies.sum();
	}

	private static void send(RenderedPage page, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		response.setContentType(page.contentType());
		if (page.contentDisposition() != null) {
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION, page.contentDisposition());
		}
		byte[] body = page.body();
		if (page.compressible()) {
			response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
			if (acceptsGzip(request)) {
				body = page.gzippedBody();
				response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
			}
		}
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	private static boolean acceptsGzip(HttpServletRequest request) {
		String accepted = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
		return accepted != null && accepted.contains("gzip") && !accepted.replace(" ", "").contains("gzip;q=0");
	}

	static boolean isSignedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
	}

	/**
	 * A page as kept for an address: sent only to requests that read the same change
	 * stamp in the same quarter of an hour.
	 */
	record KeptPage(long stamp, long slot, RenderedPage page) {

		boolean isAt(long stamp, long slot) {
			return this.stamp == stamp && this.slot == slot;
		}

		boolean isAfter(KeptPage other) {
			return this.stamp > other.stamp || (this.stamp == other.stamp && this.slot > other.slot);
		}

	}

	/** The path and every parameter, whether it came in the query string or not. */
	static String address(HttpServletRequest request) {
		StringBuilder address = new StringBuilder(request.getRequestURI());
		new TreeMap<>(request.getParameterMap()).forEach((name, values) -> {
			for (String value : values) {
				address.append(' ')
					.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
					.append('=')
					.append(URLEncoder.encode((value != null) ? value : "", StandardCharsets.UTF_8));
			}
		});
		return address.toString();
	}

	private static String digest(String text) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 9);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
