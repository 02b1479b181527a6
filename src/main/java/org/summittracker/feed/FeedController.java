package org.summittracker.feed;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Generator;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import org.summittracker.feed.Changes.Subject;
import org.summittracker.shared.NotFoundException;

/**
 * The Atom feeds: the whole site, one event, one session, one proposal, one person, one
 * subsystem. Each entry is one entry of the audit trail: the change in words, who made
 * it, when, and the permalink of what changed.
 */
@Controller
class FeedController {

	static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

	private final Changes changes;

	private final MessageSource messages;

	FeedController(Changes changes, MessageSource messages) {
		this.changes = changes;
		this.messages = messages;
	}

	@GetMapping("/feed.atom")
	ResponseEntity<String> site(HttpServletRequest request) {
		List<Change> entries = this.changes.ofSite();
		return atom(request, text("feed.site.title"), "/", entries,
				entries.isEmpty() ? this.changes.siteSince() : null);
	}

	@GetMapping("/events/{event}/feed.atom")
	ResponseEntity<String> event(@PathVariable String event, HttpServletRequest request) {
		Subject subject = this.changes.event(event).orElseThrow(() -> new NotFoundException("No event " + event));
		return atom(request, text("feed.event.title", subject.name()), path("/events/{e}", event),
				this.changes.ofEvent(subject.id()), subject.createdAt());
	}

	@GetMapping("/events/{event}/sessions/{session}/feed.atom")
	ResponseEntity<String> session(@PathVariable String event, @PathVariable String session,
			HttpServletRequest request) {
		Subject subject = this.changes.session(event, session)
			.orElseThrow(() -> new NotFoundException("No session " + session + " in " + event));
		return atom(request, text("feed.session.title", subject.name()),
				path("/events/{e}/sessions/{s}", event, session), this.changes.ofSession(subject.id()),
				subject.createdAt());
	}

	@GetMapping("/people/{handle}/feed.atom")
	ResponseEntity<String> person(@PathVariable String handle, HttpServletRequest request) {
		Subject subject = this.changes.person(handle).orElseThrow(() -> new NotFoundException("No person " + handle));
		return atom(request, text("feed.person.title", subject.name()), path("/people/{h}", handle),
				this.changes.ofPerson(subject.id(), subject.account()), subject.createdAt());
	}

	@GetMapping("/proposals/{key}/feed.atom")
	ResponseEntity<String> proposal(@PathVariable String key, HttpServletRequest request) {
		Subject subject = this.changes.proposal(key).orElseThrow(() -> new NotFoundException("No proposal " + key));
		return atom(request, text("feed.proposal.title", subject.name()), path("/proposals/{k}", key),
				this.changes.ofProposal(subject.id()), subject.createdAt());
	}

	@GetMapping("/subsystems/{slug}/feed.atom")
	ResponseEntity<String> subsystem(@PathVariable String slug, HttpServletRequest request) {
		Subject subject = this.changes.subsystem(slug).orElseThrow(() -> new NotFoundException("No subsystem " + slug));
		return atom(request, text("feed.subsystem.title", subject.name()), path("/subsystems/{s}", slug),
				this.changes.ofSubsystem(subject.id()), subject.createdAt());
	}

	private ResponseEntity<String> atom(HttpServletRequest request, String title, String page, List<Change> entries,
			Instant since) {
		String base = ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
		String self = base + request.getRequestURI().substring(request.getContextPath().length());
		Feed feed = new Feed("atom_1.0");
		feed.setId(self);
		feed.setTitle(title);
		feed.setUpdated(Date.from(entries.isEmpty() ? since : entries.get(0).at()));
		feed.setAlternateLinks(List.of(link("alternate", "text/html", base + page)));
		feed.setOtherLinks(List.of(link("self", ATOM.getType() + "/" + ATOM.getSubtype(), self)));
		Person application = new Person();
		application.setName(text("app.name"));
		feed.setAuthors(List.of(application));
		Generator generator = new Generator();
		generator.setValue(text("app.name"));
		feed.setGenerator(generator);
		List<Entry> items = new ArrayList<>();
		String host = request.getServerName().toLowerCase(Locale.ROOT);
		for (Change change : entries) {
			items.add(entry(change, base, host));
		}
		feed.setEntries(items);
		try {
			return ResponseEntity.ok().contentType(ATOM).body(new WireFeedOutput().outputString(feed, true));
		}
		catch (FeedException ex) {
			throw new IllegalStateException("The feed could not be written", ex);
		}
	}

	private Entry entry(Change change, String base, String host) {
		Entry entry = new Entry();
		// A tag URI (RFC 4151): the host and the day the entry was made, then its number;
		// it never changes, whatever the entry's title or permalink.
		entry.setId(
				"tag:" + host + "," + change.at().atZone(ZoneOffset.UTC).toLocalDate() + ":audit-entry-" + change.id());
		entry.setTitle(text("feed.entry.title", change.actionInWords(), change.sessionTitle()));
		entry.setUpdated(Date.from(change.at()));
		entry.setPublished(Date.from(change.at()));
		entry.setAlternateLinks(List.of(link("alternate", "text/html", base + change.path())));
		Person author = new Person();
		author.setName(change.actor());
		entry.setAuthors(List.of(author));
		Content summary = new Content();
		summary.setType(Content.TEXT);
		summary.setValue(text("feed.entry.summary", change.summary(), change.actor(), change.sessionTitle(),
				change.eventName()));
		entry.setSummary(summary);
		return entry;
	}

	private static Link link(String rel, String type, String href) {
		Link link = new Link();
		link.setRel(rel);
		link.setType(type);
		link.setHref(href);
		return link;
	}

	private static String path(String template, Object... values) {
		return UriComponentsBuilder.fromPath(template).buildAndExpand(values).encode().toUriString();
	}

	private String text(String code, Object... args) {
		return this.messages.getMessage(code, args, Locale.ENGLISH);
	}

}
