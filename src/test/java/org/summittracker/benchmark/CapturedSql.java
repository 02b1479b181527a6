package org.summittracker.benchmark;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Keeps every statement Hibernate prepares, for tests that look at their plans. Named in
 * the test's properties as Hibernate's statement inspector.
 */
public class CapturedSql implements StatementInspector {

	private static final List<String> statements = new CopyOnWriteArrayList<>();

	@Override
	public String inspect(String sql) {
		statements.add(sql);
		return sql;
	}

	static void clear() {
		statements.clear();
	}

	static List<String> statements() {
		return List.copyOf(statements);
	}

}
