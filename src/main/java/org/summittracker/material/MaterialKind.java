package org.summittracker.material;

/** What an item of a session's material is. */
public enum MaterialKind {

	SLIDES, RECORDING, REPORT, THREAD, PATCHES, OTHER;

	/** The kind as a word: “slides”, “recording”… */
	public String word() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
