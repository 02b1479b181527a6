package org.summittracker.freshness;

import java.util.Map;

import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The hashes of the keys asked for lately (at most {@link #REMEMBERED}): something is
 * kept for readers only once it has been asked for before, so what is read once (a
 * crawler's address, a query string of its own) crowds no heap.
 */
final class AddressesAsked {

	static final int REMEMBERED = 20_000;

	private final Map<Integer, Boolean> asked = Caffeine.newBuilder()
		.maximumSize(REMEMBERED)
		.<Integer, Boolean>build()
		.asMap();

	/** Whether this was asked for before; remembers that it was. */
	boolean before(String key) {
		return this.asked.putIfAbsent(key.hashCode(), Boolean.TRUE) != null;
	}

}
