package org.summittracker.search;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * One thing found: what it is, its title, where it belongs, a snippet of its text with
 * the matching words marked, and its permalink.
 *
 * @param ref what names it within its session or the site: a proposal's or a concern's
 * key, a note's or resolution's number, a follow-up's id, a person's handle, a
 * subsystem's slug
 * @param who the person it is by or for (speaker, raiser, author, owner), when any
 */
public record Hit(Kind kind, long id, String title, String eventSlug, String eventName, String sessionSlug,
		String sessionTitle, String ref, String who, List<Part> snippet) {

	/** A piece of the snippet, marked when it is what was searched for. */
	public record Part(String text, boolean marked) {

	}

	/** The permalink, as a path. */
	public String path() {
		String session = (this.sessionSlug != null) ? UriComponentsBuilder.fromPath("/events/{e}/sessions/{s}")
			.buildAndExpand(this.eventSlug, this.sessionSlug)
			.encode()
			.toUriString() : null;
		return switch (this.kind) {
			case SESSION -> session;
			case PROPOSAL ->
				UriComponentsBuilder.fromPath("/proposals/{k}").buildAndExpand(this.ref).encode().toUriString();
			case NOTE -> session + "#note-" + this.ref;
			case CONCERN -> session + "/concerns/" + this.ref;
			case RESPONSE -> session + "/concerns/" + this.ref + "#responses";
			case RESOLUTION -> session + "/resolutions/" + this.ref;
			case FOLLOW_UP -> "/follow-ups/" + this.ref;
			case PERSON -> "/people/" + this.ref;
			case SUBSYSTEM -> "/subsystems/" + this.ref;
		};
	}

	/**
	 * The snippet PostgreSQL's {@code ts_headline} made, with the matches between the two
	 * marks (characters nobody types: they are taken out of the text before), as parts
	 * the page escapes one by one.
	 */
	static List<Part> parts(String headline) {
		List<Part> parts = new ArrayList<>();
		if (headline == null) {
			return parts;
		}
		boolean marked = false;
		StringBuilder text = new StringBuilder();
		for (char c : headline.toCharArray()) {
			if (c == Search.START || c == Search.STOP) {
				if (!text.isEmpty()) {
					parts.add(new Part(text.toString(), marked));
					text.setLength(0);
				}
				marked = (c == Search.START);
			}
			else {
				text.append((c == Search.LESS) ? '<' : (c == Search.GREATER) ? '>' : c);
			}
		}
		if (!text.isEmpty()) {
			parts.add(new Part(text.toString(), marked));
		}
		return parts;
	}

}
