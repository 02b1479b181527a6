package org.summittracker.freshness;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The values kept reads answered ({@link ReadsByTables#read}), each digested once: every
 * request that takes a read from what is kept gets the same objects, and never changes
 * them, so a page put together from them ({@link RenderingsByModel}, its parts) finds
 * their digests made. Held weakly, by identity: a value no kept read holds any more is
 * forgotten with it.
 */
class KeptValues {

	/** A value marked, not digested yet. */
	private static final String NOT_YET = "";

	/** A value no digest can be made of. */
	private static final String NONE = "-";

	/** At most this many values are remembered (the kept reads hold 8 MB). */
	private static final int MOST = 50_000;

	private final Cache<Object, String> digests = Caffeine.newBuilder().weakKeys().maximumSize(MOST).build();

	/** Marks a value a kept read answered, or one inside it. */
	void mark(Object value) {
		this.digests.asMap().putIfAbsent(value, NOT_YET);
	}

	/** The value's digest ({@link ModelDigest#ofValue}), made once for a marked value. */
	String digestOf(Object value) {
		String digest = this.digests.getIfPresent(value);
		if (digest == null) {
			return ModelDigest.ofValue(value);
		}
		if (digest.isEmpty()) {
			String made = ModelDigest.ofValue(value);
			digest = (made != null) ? made : NONE;
			this.digests.put(value, digest);
		}
		return NONE.equals(digest) ? null : digest;
	}

}
