package org.summittracker.shared;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The digests of the values one page is rendered from, each value digested once: the
 * page's key and the keys of its parts ({@link PageParts}) read the same values (the
 * session, its address, the reader's roles).
 */
public final class ValueDigests {

	/** The digest of a value nothing can be made of. */
	private static final String NONE = "";

	private final KeptRenderings kept;

	/** By the value itself, not by its equality. */
	private final Map<Object, String> digests = new IdentityHashMap<>();

	ValueDigests(KeptRenderings kept) {
		this.kept = kept;
	}

	/** The value's digest ({@link KeptRenderings#digestOf}), or null. */
	public String of(Object value) {
		if (value == null) {
			return "0";
		}
		String digest = this.digests.get(value);
		if (digest == null) {
			digest = this.kept.digestOf(value);
			this.digests.put(value, (digest != null) ? digest : NONE);
		}
		return (digest != NONE) ? digest : null;
	}

	/** The digests of these values by name, sorted, or null when one has none. */
	public Map<String, String> of(Map<String, ?> values) {
		Map<String, String> digests = new TreeMap<>();
		for (Map.Entry<String, ?> entry : values.entrySet()) {
			String digest = of(entry.getValue());
			if (digest == null) {
				return null;
			}
			digests.put(entry.getKey(), digest);
		}
		return digests;
	}

}
