package org.summittracker.system;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import jakarta.persistence.PersistenceException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

import org.summittracker.shared.ProblemWriter;

/**
 * While PostgreSQL is down, every request that needs it answers 503 with a page saying so
 * (and, for a change, that it may not have been saved) instead of the 500 page; the API
 * answers the same as a problem detail. Sits in front of every other filter, the HTTP
 * sessions kept in the database included; the application reconnects by itself once the
 * database is back.
 * <p>
 * Once two requests in a row found the database gone (the pool could not keep a single
 * connection), the next ones are answered at once for {@link #ASKING_AGAIN_AFTER}, and
 * then one request at a time tries it again (a circuit breaker): without it, each request
 * would wait the pool's connection timeout (3 seconds) before its 503, holding one of the
 * few turns requests are worked on in, and the rest would queue behind them. Stylesheets,
 * scripts and {@code /actuator} (whose health says DOWN by asking the database itself)
 * are never refused this way.
 */
class DatabaseOutagePage extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseOutagePage.class);

	static final int RETRY_AFTER_SECONDS = 5;

	/** Request attribute: what told the request that the database is gone. */
	private static final String OUTAGE = DatabaseOutagePage.class.getName() + ".OUTAGE";

	/** How long requests are answered without asking the database once it is gone. */
	static final Duration ASKING_AGAIN_AFTER = Duration.ofSeconds(2);

	private final CircuitBreaker database = CircuitBreaker.of("database",
			CircuitBreakerConfig.custom()
				.slidingWindowType(SlidingWindowType.COUNT_BASED)
				.slidingWindowSize(4)
				.minimumNumberOfCalls(2)
				.failureRateThreshold(50)
				.waitDurationInOpenState(ASKING_AGAIN_AFTER)
				.permittedNumberOfCallsInHalfOpenState(1)
				.writableStackTraceEnabled(false)
				.build());

	private final ObjectProvider<ViewResolver> views;

	private final ObjectProvider<JsonMapper> json;

	private final ObjectProvider<DataSource> dataSource;

	DatabaseOutagePage(ObjectProvider<ViewResolver> views, ObjectProvider<JsonMapper> json,
			ObjectProvider<DataSource> dataSource) {
		this.views = views;
		this.json = json;
		this.dataSource = dataSource;
		this.database.getEventPublisher()
			.onStateTransition((event) -> logger.warn("Requests that need the database: {}",
					switch (event.getStateTransition().getToState()) {
						case OPEN -> "answered 503 at once for " + ASKING_AGAIN_AFTER.toSeconds() + " s";
						case HALF_OPEN -> "one tries it again";
						default -> "worked on again";
					}));
	}

	// The error page's own request needs the database too (the session, the signed-in
	// account): an outage there gets this page as well.
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (StaticFilesWithoutSession.isStaticFile(request) || isActuator(request)) {
			guard(request, response, chain);
			return;
		}
		if (!this.database.tryAcquirePermission()) {
			render(request, response);
			return;
		}
		long start = System.nanoTime();
		try {
			guard(request, response, chain);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			// not the database's doing (the outage was answered in guard)
			this.database.releasePermission();
			throw ex;
		}
		if (request.getAttribute(OUTAGE) instanceof Throwable outage) {
			if (poolIsEmpty()) {
				this.database.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, outage);
			}
			else {
				// busy, not gone: every connection is in use (a burst of requests)
				this.database.releasePermission();
			}
		}
		else {
			this.database.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
		}
	}

	@Override
	protected void doFilterNestedErrorDispatch(HttpServletRequest request, HttpServletResponse response,
			FilterChain chain) throws ServletException, IOException {
		guard(request, response, chain);
	}

	private void guard(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (!(isOutage(ex) || (touchesDatabase(ex) && !databaseAnswers()))) {
				throw ex;
			}
			request.setAttribute(OUTAGE, ex);
			if (response.isCommitted()) {
				// The answer is on its way (say, a redirect after a saved change, and
				// then
				// the session could not be stored): nothing better can be sent, and the
				// container's error page would need the database too.
				logger.warn("The database became unavailable after {} {} was answered ({})", request.getMethod(),
						request.getRequestURI(), rootMessage(ex));
				return;
			}
			logger.warn("The database is unavailable: {} {} answered 503 ({})", request.getMethod(),
					request.getRequestURI(), rootMessage(ex));
			render(request, response);
		}
	}

	private static boolean isActuator(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/actuator/");
	}

	private void render(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
		response.reset();
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			new ProblemWriter(this.json.getObject()).write(request, response, HttpStatus.SERVICE_UNAVAILABLE,
					"database-unavailable",
					read ? "The database is unavailable: ask again after Retry-After."
							: "The database is unavailable: the change may not have been saved; "
									+ "check once it is back.");
			return;
		}
		Map<String, Object> model = Map.of("status", HttpServletResponse.SC_SERVICE_UNAVAILABLE, "write", !read);
		try {
			View view = this.views.getObject().resolveViewName("error/503", request.getLocale());
			if (view == null) {
				throw new IllegalStateException("No view error/503");
			}
			view.render(model, request, response);
		}
		catch (IOException | ServletException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new ServletException(ex);
		}
	}

	/**
	 * Whether {@code failure} comes from the database not answering (as opposed to a bug
	 * or bad data): a connection that could not be had or broke, or a server shutting
	 * down.
	 */
	static boolean isOutage(Throwable failure) {
		Throwable cause = failure;
		for (int depth = 0; cause != null && depth < 32; depth++, cause = cause.getCause()) {
			if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
					|| cause instanceof SQLRecoverableException || cause instanceof CannotGetJdbcConnectionException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				String state = sql.getSQLState();
				// 08: connection exception; 57P01-03: the server is shutting down or
				// starting; 53300: too many connections.
				if (state.startsWith("08") || state.startsWith("57P") || state.equals("53300")) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Whether {@code failure} came from the database at all. A connection that breaks
	 * mid-transaction may surface only as the failed rollback after it (“Connection is
	 * closed”), which says nothing of the outage; then asking the database tells.
	 */
	static boolean touchesDatabase(Throwable failure) {
		Throwable cause = failure;
		for (int depth = 0; cause != null && depth < 32; depth++, cause = cause.getCause()) {
			if (cause instanceof SQLException || cause instanceof DataAccessException
					|| cause instanceof TransactionException || cause instanceof PersistenceException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the pool holds no connection at all: the database is gone. A pool whose
	 * connections are all in use times out too, but then the database is busy, and
	 * answering everyone 503 at once would make it worse.
	 */
	private boolean poolIsEmpty() {
		HikariDataSource pool = DatabaseBootstrap.hikari(this.dataSource.getObject());
		HikariPoolMXBean connections = (pool != null) ? pool.getHikariPoolMXBean() : null;
		return connections == null || connections.getTotalConnections() == 0;
	}

	private boolean databaseAnswers() {
		try (Connection connection = this.dataSource.getObject().getConnection()) {
			return connection.isValid(1);
		}
		catch (SQLException | RuntimeException ex) {
			return false;
		}
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

}
