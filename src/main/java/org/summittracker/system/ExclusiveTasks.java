package org.summittracker.system;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a task in one transaction that holds a PostgreSQL advisory lock named after it, so
 * that instances starting together on one database (behind a load balancer) do it one
 * after the other: the second finds the first's work done instead of adding it twice.
 */
@Component
public class ExclusiveTasks {

	private final TransactionTemplate transactions;

	private final JdbcClient jdbc;

	ExclusiveTasks(PlatformTransactionManager transactions, JdbcClient jdbc) {
		this.transactions = new TransactionTemplate(transactions);
		this.jdbc = jdbc;
	}

	public void run(String name, Runnable task) {
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("summit-tracker:" + name).query().rowSet();
			task.run();
		});
	}

}
