package org.summittracker.minutes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Component;

import org.summittracker.minutes.MinutesAssembler.Dated;
import org.summittracker.minutes.MinutesQueries.Cursor;
import org.summittracker.minutes.MinutesQueries.Flow;
import org.summittracker.minutes.SessionMinutes.ConcernEntry;
import org.summittracker.minutes.SessionMinutes.Note;

/**
 * A heavy session's minutes written as they are read: its notes and its concerns (with
 * their subsystems, responses and status changes) come from cursors, a page of rows at a
 * time, in the order the minutes print them, while the writer writes them; only its
 * header, buy-in, proposals, resolutions and follow-ups are read first. Everything is
 * read in one read-only transaction that sees one snapshot, so the lists agree with their
 * counts and with the amendments listed at the end.
 */
@Component
class FlowingMinutes {

	private final MinutesAssembler assembler;

	private final MinutesQueries queries;

	private final EntityManager entityManager;

	private final TransactionTemplate transactions;

	FlowingMinutes(MinutesAssembler assembler, MinutesQueries queries, EntityManager entityManager,
			PlatformTransactionManager transactions) {
		this.assembler = assembler;
		this.queries = queries;
		this.entityManager = entityManager;
		this.transactions = new TransactionTemplate(transactions);
		this.transactions.setReadOnly(true);
		this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
	}

	/** Hands the session's minutes to the writer, their big lists read as it writes. */
	void write(Long sessionId, Writing writing) throws IOException {
		try {
			this.transactions.executeWithoutResult((status) -> {
				Connection connection = this.entityManager.unwrap(org.hibernate.Session.class)
					.doReturningWork((c) -> c);
				try (Reading reading = new Reading(connection, sessionId)) {
					writing.write(this.assembler.assembleFlowing(sessionId, reading));
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

	interface Writing {

		void write(SessionMinutes minutes) throws IOException;

	}

	/**
	 * Hands the minutes of the sessions, in this order, to the writer, every kind of fact
	 * read from one cursor over them all ({@link MinutesCursors}) in one read-only
	 * transaction that sees one snapshot: a fixed set of statements, whatever the
	 * sessions hold. The heavy sessions' big lists are read as they are written, the
	 * others' facts a session at a time.
	 * @param sessionIds the sessions, in the order their minutes are written
	 * @param heavy whether the session at each index (of {@code sessionIds}) is heavy
	 * @param writing what writes each session's minutes, told whether it is the first
	 */
	void writeEach(List<Long> sessionIds, IntPredicate heavy, EachWriting writing) throws IOException {
		try {
			this.transactions.executeWithoutResult((status) -> {
				Connection connection = this.entityManager.unwrap(org.hibernate.Session.class)
					.doReturningWork((c) -> c);
				try (MinutesCursors cursors = MinutesCursors.open(connection, sessionIds)) {
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
	 * The big lists of one session, each read from its cursors when it is iterated; the
	 * cursors still open are closed at the end.
	 */
	private final class Reading implements MinutesAssembler.Flow, AutoCloseable {

		private final Connection connection;

		private final Long sessionId;

		private final List<Cursor> open = new ArrayList<>();

		private final long[] counts;

		Reading(Connection connection, Long sessionId) {
			this.connection = connection;
			this.sessionId = sessionId;
			this.counts = sql(() -> FlowingMinutes.this.queries.flowCounts(connection, sessionId));
		}

		@Override
		public List<Note> notes() {
			return new Flowing<>((int) this.counts[0], () -> {
				Cursor notes = cursor(Flow.NOTES);
				return new Rows<>(notes, MinutesAssembler::note);
			});
		}

		@Override
		public List<ConcernEntry> concerns() {
			return new Flowing<>((int) this.counts[1], () -> {
				Cursor concerns = cursor(Flow.CONCERNS);
				Cursor subsystems = cursor(Flow.CONCERN_SUBSYSTEMS);
				Cursor responses = cursor(Flow.RESPONSES);
				Cursor history = cursor(Flow.CONCERN_HISTORY);
				return new Rows<>(concerns, (c) -> MinutesAssembler.concernEntry(c, sql(() -> subsystems.of(c[0])),
						sql(() -> responses.of(c[0])), sql(() -> history.of(c[0]))));
			});
		}

		@Override
		public List<Dated> concernChanges(Instant after) {
			return sql(() -> FlowingMinutes.this.queries.concernChanges(this.connection, this.sessionId, after));
		}

		private Cursor cursor(Flow flow) {
			Cursor cursor = sql(() -> FlowingMinutes.this.queries.open(this.connection, flow, this.sessionId));
			this.open.add(cursor);
			return cursor;
		}

		@Override
		public void close() {
			this.open.forEach(Cursor::close);
		}

	}

	/** The rows of a cursor, each made an entry as it is read. */
	private static final class Rows<T> implements Iterator<T> {

		private final Cursor cursor;

		private final Function<Object[], T> entry;

		Rows(Cursor cursor, Function<Object[], T> entry) {
			this.cursor = cursor;
			this.entry = entry;
		}

		@Override
		public boolean hasNext() {
			return sql(() -> this.cursor.peek() != null);
		}

		@Override
		public T next() {
			Object[] row = sql(this.cursor::next);
			if (row == null) {
				throw new NoSuchElementException();
			}
			return this.entry.apply(row);
		}

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
