package org.summittracker.shared;

import java.util.concurrent.Semaphore;

/**
 * How many requests are worked on at once: a request takes a turn for the whole of its
 * handling (the system module's filter), so no more of them share the processors than
 * there are turns, and the others wait for one in arrival order instead of slowing every
 * request down at once. A request that waits for something other than the processors (a
 * PDF's turn, a heavy export's share of rows, another request's rendering of the same
 * page) gives its turn back while it waits ({@link #awayWhile}), so it never keeps a
 * quick request waiting. Only a wait that holds no database connection may: a request
 * waiting for its turn again while it holds one would keep the connections from the
 * requests in turn (the pool has fewer connections than there are requests).
 */
public final class CoreTurns {

	private static final ThreadLocal<CoreTurns> HELD = new ThreadLocal<>();

	private final Semaphore turns;

	private final int atOnce;

	public CoreTurns(int atOnce) {
		if (atOnce < 1) {
			throw new IllegalArgumentException("At least one request must be worked on at once, not " + atOnce);
		}
		this.atOnce = atOnce;
		this.turns = new Semaphore(atOnce, true);
	}

	/** Does the work in a turn, waiting for one first. */
	public <E extends Exception> void inTurn(Work<E> work) throws E {
		if (HELD.get() != null) {
			work.run();
			return;
		}
		this.turns.acquireUninterruptibly();
		HELD.set(this);
		try {
			work.run();
		}
		finally {
			HELD.remove();
			this.turns.release();
		}
	}

	/**
	 * Waits off the processors: the current request's turn, if it holds one, is given
	 * back while it waits and taken again after.
	 */
	public static <T, E extends Exception> T awayWhile(Waiting<T, E> waiting) throws E {
		CoreTurns held = HELD.get();
		if (held == null) {
			return waiting.get();
		}
		HELD.remove();
		held.turns.release();
		try {
			return waiting.get();
		}
		finally {
			held.turns.acquireUninterruptibly();
			HELD.set(held);
		}
	}

	/** {@link #awayWhile(Waiting)} for a wait that returns nothing. */
	public static void awayDuring(Runnable waiting) {
		awayWhile(() -> {
			waiting.run();
			return null;
		});
	}

	/** Whether the current thread works in a turn. */
	public static boolean held() {
		return HELD.get() != null;
	}

	/** The requests worked on at once. */
	public int atOnce() {
		return this.atOnce;
	}

	/** Turns free now. */
	public int free() {
		return this.turns.availablePermits();
	}

	/** Work done in a turn. */
	@FunctionalInterface
	public interface Work<E extends Exception> {

		void run() throws E;

	}

	/** A wait for something other than the processors. */
	@FunctionalInterface
	public interface Waiting<T, E extends Exception> {

		T get() throws E;

	}

}
