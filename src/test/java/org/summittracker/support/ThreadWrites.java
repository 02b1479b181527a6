package org.summittracker.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts, for each thread, the statements that may write to the application's tables
 * (HTTP sessions aside): tests that send requests from several threads at once tell by it
 * whether a change of the change stamp can be their own request's. A request runs on the
 * thread that sends it through MockMvc, so its statements count there. Notes too, when a
 * test asks ({@link #sentDuring}), the SQL a thread sends.
 */
public class ThreadWrites implements BeanPostProcessor {

	private static final ThreadLocal<int[]> writes = ThreadLocal.withInitial(() -> new int[1]);

	private static final ThreadLocal<List<String>> sent = new ThreadLocal<>();

	/** Work that may throw. */
	public interface Work {

		void run() throws Exception;

	}

	/**
	 * The SQL of every statement this thread prepared or executed while {@code work} ran,
	 * in order.
	 */
	public static List<String> sentDuring(Work work) throws Exception {
		List<String> outer = sent.get();
		List<String> noted = new ArrayList<>();
		sent.set(noted);
		try {
			work.run();
		}
		finally {
			sent.set(outer);
		}
		return noted;
	}

	private static void note(String sql) {
		List<String> noted = sent.get();
		if (noted != null) {
			noted.add(sql);
		}
	}

	private static final Set<String> WRITING = Set.of("insert", "update", "delete", "merge", "with", "truncate",
			"alter", "create", "drop", "copy", "call", "do");

	/** How many statements that may write this thread has made so far. */
	public static int soFar() {
		return writes.get()[0];
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		return (bean instanceof DataSource dataSource && !(bean instanceof Counting)) ? new Counting(dataSource) : bean;
	}

	static boolean mayWrite(String sql) {
		String text = sql.stripLeading().toLowerCase(Locale.ROOT);
		int end = 0;
		while (end < text.length() && Character.isLetter(text.charAt(end))) {
			end++;
		}
		return WRITING.contains(text.substring(0, end)) && !text.contains("spring_session");
	}

	private static final class Counting extends DelegatingDataSource {

		Counting(DataSource dataSource) {
			super(dataSource);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return counting(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return counting(super.getConnection(username, password));
		}

		private static Connection counting(Connection connection) {
			return proxy(Connection.class, connection, (method, args) -> {
				String name = method.getName();
				if ((name.equals("prepareStatement") || name.equals("prepareCall"))) {
					note((String) args[0]);
					if (mayWrite((String) args[0])) {
						writes.get()[0]++;
					}
				}
			}, (result) -> (result instanceof Statement statement && !(result instanceof PreparedStatement))
					? counting(statement) : result);
		}

		/** A statement made without its SQL: what it executes tells. */
		private static Statement counting(Statement statement) {
			return proxy(Statement.class, statement, (method, args) -> {
				if (args != null && args.length > 0 && args[0] instanceof String sql) {
					note(sql);
					if (!method.getName().equals("executeQuery") && mayWrite(sql)) {
						writes.get()[0]++;
					}
				}
			}, (result) -> result);
		}

		@SuppressWarnings("unchecked")
		private static <T> T proxy(Class<T> type, T target, BiConsumer<Method, Object[]> before,
				UnaryOperator<Object> after) {
			return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method, args) -> {
				before.accept(method, args);
				try {
					return after.apply(method.invoke(target, args));
				}
				catch (InvocationTargetException ex) {
					throw ex.getTargetException();
				}
			});
		}

	}

}
