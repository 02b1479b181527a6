package org.summittracker.minutes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.AbstractList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Component;

/**
 * Minutes written as they are read ({@link MinutesCursors}): an event's sessions one
 * after the other, and a heavy session's notes and concerns (with their subsystems,
 * responses and status changes) a page of rows at a time, in the order the minutes print
 * them, while the writer writes them; only its header, buy-in, proposals, resolutions and
 * follow-ups are read first. Everything is read in one read-only transaction that sees
 * one snapshot, so the lists agree with their counts and with the amendments listed at
 * the end.
 */
@Component
class FlowingMinutes {

	private final MinutesAssembler assembler;

	private final EntityManager entityManager;

	private final TransactionTemplate transactions;

	FlowingMinutes(MinutesAssembler assembler, EntityManager entityManager, PlatformTransactionManager transactions) {
		this.assembler = assembler;
		this.entityManager = entityManager;
		this.transactions = new TransactionTemplate(transactions);
		this.transactions.setReadOnly(true);
		this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
	}

	/**
	 * Hands the minutes of the sessions, in this order, to the writer, every kind of fact
	 * read from one cursor over them all ({@link MinutesCursors}) in one read-only
	 * transaction that sees one snapshot: a fixed set of statements, whatever the
	 * sessions hold. The heavy sessions' big lists are read as they are written, the
	 * others' facts a session at a time.
	 * @param sessionIds the sessions, in the order their minutes are written
	 * @param heavy whether the session at each index (of {@code sessionIds}) is heavy
	 * @param reads what is read (the format's: what it prints)
	 * @param writing what writes each session's minutes, told whether it is the first
	 */
	void writeEach(List<Long> sessionIds, IntPredicate heavy, MinutesQueries.Reads reads, EachWriting writing)
			throws IOException {
		try {
			this.transactions.executeWithoutResult((status) -> {
				Connection connection = this.entityManager.unwrap(org.hibernate.Session.class)
					.doReturningWork((c) -> c);
				try (MinutesCursors cursors = MinutesCursors.open(connection, sessionIds, reads)) {
					boolean first = true;
					for (int i = 0; i < sessionIds.size(); i++) {
						long place = i + 1;
						SessionMinutes minutes = heavy.test(i)
								? this.assembler.assemble(sessionIds.get(i),
										cursors.facts(place, MinutesQueries.Flow.READ_AS_WRITTEN), cursors.flow(place))
								: this.assembler.assemble(sessionIds.get(i), cursors.facts(place, Set.of()), null);
						if (minutes != null) {
							writing.write(minutes, first);
							first = false;
						}
					}
				}
				catch (SQLException ex) {
					throw new IllegalStateException("Could not read the minutes", ex);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	interface EachWriting {

		void write(SessionMinutes minutes, boolean first) throws IOException;

	}

	/**
	 * A list read as it is written: each iteration reads it from the database in order;
	 * its size is counted beforehand. No entry is read by its index.
	 */
	static final class Flowing<T> extends AbstractList<T> {

		private final int size;

		private final Supplier<Iterator<T>> read;

		Flowing(int size, Supplier<Iterator<T>> read) {
			this.size = size;
			this.read = read;
		}

		@Override
		public Iterator<T> iterator() {
			return this.read.get();
		}

		@Override
		public T get(int index) {
			throw new UnsupportedOperationException("A list read as it is written is read in order, not by index");
		}

		@Override
		public int size() {
			return this.size;
		}

	}

	interface Reader<T> {

		T read() throws SQLException;

	}

	static <T> T sql(Reader<T> reader) {
		try {
			return reader.read();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the minutes", ex);
		}
	}

}
