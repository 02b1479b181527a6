package org.summittracker.browser;

/**
 * One kind of page, reached as a person reaches it: signed in as {@code signedInAs} (or
 * not at all), at {@code path}, then following the link {@code thenFollows} if given.
 * {@code status} is what the server answers; {@code download} pages (printable minutes)
 * are saved and opened from disk, as a person would print them.
 */
public record PageType(String name, String path, String signedInAs, String thenFollows, int status, boolean download) {

	public static PageType at(String name, String path) {
		return new PageType(name, path, null, null, 200, false);
	}

	public PageType signedInAs(String username) {
		return new PageType(this.name, this.path, username, this.thenFollows, this.status, this.download);
	}

	public PageType thenFollows(String linkText) {
		return new PageType(this.name, this.path, this.signedInAs, linkText, this.status, this.download);
	}

	public PageType answering(int status) {
		return new PageType(this.name, this.path, this.signedInAs, this.thenFollows, status, this.download);
	}

	public PageType downloaded() {
		return new PageType(this.name, this.path, this.signedInAs, this.thenFollows, this.status, true);
	}

	@Override
	public String toString() {
		return this.name;
	}

}
