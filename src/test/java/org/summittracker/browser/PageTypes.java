package org.summittracker.browser;

import java.util.List;

/**
 * Every kind of page the application shows, each checked by {@link PageTypesBrowserTests}
 * (valid HTML, no serious accessibility violation, no sideways scrolling on a phone) and
 * photographed at desktop and phone widths. A new page type joins with one line.
 */
public final class PageTypes {

	static final String EVENT = "/events/maintainers-summit-2021";

	static final String SESSION = EVENT + "/sessions/using-rust-for-kernel-development";

	// The database-unavailable page (503) needs an outage: DatabaseOutageBrowserTests
	// checks it the same way.
	public static final List<PageType> ALL = List.of(PageType.at("home", "/"),
			PageType.at("home-signed-in", "/").signedInAs("viro"), PageType.at("sign-in", "/login"),
			PageType.at("events", "/events"), PageType.at("event", EVENT), PageType.at("session", SESSION),
			PageType.at("session-as-organizer", SESSION).signedInAs("organizer"),
			PageType.at("session-history", SESSION + "/history"),
			PageType.at("concern", SESSION + "/concerns/toolchain-stability"), PageType.at("person", "/people/viro"),
			PageType.at("subsystem", "/subsystems/bluetooth"), PageType.at("proposals", "/proposals"),
			PageType.at("proposals-filtered", "/proposals?status=open&event=maintainers-summit-2021"),
			PageType.at("proposal", "/proposals/rust-for-linux"),
			PageType.at("proposal-edit", "/proposals/rust-for-linux/edit").signedInAs("organizer"),
			PageType.at("session-proposals", SESSION + "/proposals?q=rust").signedInAs("organizer"),
			PageType.at("minutes-print", SESSION + "/minutes.html").downloaded(),
			PageType.at("event-minutes-print", EVENT + "/minutes.html").downloaded(),
			PageType.at("api-tokens", "/account/tokens").signedInAs("viro"),
			PageType.at("waiting-on-me", "/me").signedInAs("hedberg"),
			PageType.at("waiting-on-organizers", "/me").signedInAs("organizer"),
			PageType.at("own-password", "/account/password").signedInAs("viro"),
			PageType.at("api-reference", "/api-reference"),
			PageType.at("admin-accounts", "/admin/accounts").signedInAs("admin"),
			PageType.at("admin-account", "/admin/accounts").signedInAs("admin").thenFollows("viro"),
			// One's own account: the Admin role kept without its box, and no button to
			// disable.
			PageType.at("admin-own-account", "/admin/accounts").signedInAs("admin").thenFollows("admin"),
			PageType.at("admin-new-account", "/admin/accounts/new").signedInAs("admin"),
			PageType.at("admin-audit", "/admin/audit").signedInAs("admin"),
			PageType.at("admin-import", "/admin/imports/maintainers").signedInAs("admin"),
			PageType.at("admin-backup", "/admin/backup").signedInAs("admin"),
			PageType.at("not-allowed", "/admin/audit").signedInAs("viro").answering(403),
			PageType.at("not-found", "/no-such-page").answering(404),
			PageType.at("bad-request", "/events?page=not-a-number").answering(400),
			PageType.at("past-the-end", "/concerns?status=open&page=9999").answering(404),
			// The browser suite's application takes no event as one PDF
			// (BrowserTest): the page that offers the other formats.
			PageType.at("event-minutes-too-large-for-pdf", EVENT + "/minutes.pdf").answering(422),
			// Concerns
			PageType.at("concern-as-raiser", SESSION + "/concerns/toolchain-stability").signedInAs("viro"),
			PageType.at("concern-new", SESSION + "/concerns/new").signedInAs("viro"),
			PageType.at("concern-new-as-organizer", SESSION + "/concerns/new").signedInAs("organizer"),
			PageType.at("concern-edit", SESSION + "/concerns/toolchain-stability/edit").signedInAs("viro"),
			PageType.at("concerns", "/concerns"),
			PageType.at("concerns-filtered",
					"/concerns?event=maintainers-summit-2021&status=open&blocking=no&sort=title"),
			PageType.at("concerns-bad-filter", "/concerns?status=bogus").answering(400),
			PageType.at("concern-categories", "/concerns/categories").signedInAs("organizer"),
			// Buy-in: the session page with a maintainer's form, the timelines, one
			// position with its actions.
			PageType.at("session-as-maintainer", SESSION).signedInAs("viro"),
			PageType.at("buy-in-timeline", SESSION + "/positions"),
			PageType.at("position-timeline", SESSION + "/positions/viro"),
			PageType.at("position-timeline-as-owner", SESSION + "/positions/viro").signedInAs("viro"),
			// The whole buy-in table, a page at a time (the session page shows its first
			// rows).
			PageType.at("buy-in", SESSION + "/buy-in"),
			PageType.at("buy-in-of-proposal", SESSION + "/buy-in?proposal=rust-for-linux"),
			// Buy-in from mail: the positions given by mail, and the import form.
			PageType.at("mail", SESSION + "/mail"),
			PageType.at("mail-as-organizer", SESSION + "/mail").signedInAs("organizer"),
			// The session's material: read by everyone, changed by its lead (and
			// speakers,
			// note-takers, organizers).
			PageType.at("material", SESSION + "/material"),
			PageType.at("material-as-lead", SESSION + "/material").signedInAs("ojeda"),
			// Asking for buy-in by mail: the mail to the maintainers who took no
			// position.
			PageType.at("mail-ask", SESSION + "/mail/ask?proposal=rust-for-linux").signedInAs("organizer"),
			// Resolutions and follow-ups
			PageType.at("resolution-new", SESSION + "/resolutions/new").signedInAs("organizer"),
			PageType.at("resolution", SESSION + "/resolutions/1"),
			PageType.at("resolution-as-organizer", SESSION + "/resolutions/1").signedInAs("organizer"),
			PageType.at("follow-up-new", SESSION + "/follow-ups/new").signedInAs("organizer"),
			PageType.at("follow-ups", "/follow-ups"),
			PageType.at("follow-ups-filtered", "/follow-ups?owner=ojeda&status=open&event=maintainers-summit-2021"),
			PageType.at("follow-ups-bad-filter", "/follow-ups?status=finished").answering(400),
			// Reached through the owner's list: the whole list's first page holds
			// whatever
			// other tests' sessions are due first.
			PageType.at("follow-up", "/follow-ups?owner=paulmck").thenFollows("Engage the Rust community"),
			PageType.at("follow-up-as-owner", "/follow-ups?owner=gregkh")
				.signedInAs("gregkh")
				.thenFollows("Pick about ten"),
			// Live notes: the note-taker's view and a note's page, read and written; the
			// concern and follow-up forms prefilled from a note.
			PageType.at("live-notes", SESSION + "/notes"),
			PageType.at("live-notes-as-note-taker", SESSION + "/notes").signedInAs("organizer"),
			PageType.at("note", SESSION + "/notes").thenFollows("Wordings"),
			PageType.at("note-as-note-taker", SESSION + "/notes").signedInAs("organizer").thenFollows("Edit"),
			PageType.at("concern-new-from-note", SESSION + "/notes")
				.signedInAs("organizer")
				.thenFollows("File as concern"),
			PageType.at("follow-up-new-from-note", SESSION + "/notes")
				.signedInAs("organizer")
				.thenFollows("Add follow-up"),
			// Authoring: events, the agenda, participants, affected subsystems, people
			// and
			// subsystems
			PageType.at("event-as-organizer", EVENT).signedInAs("organizer"),
			PageType.at("event-new", "/events/new").signedInAs("organizer"),
			PageType.at("event-edit", EVENT + "/edit").signedInAs("organizer"),
			PageType.at("session-new", EVENT + "/sessions/new").signedInAs("organizer"),
			PageType.at("session-edit", SESSION + "/edit").signedInAs("organizer"),
			PageType.at("participants", SESSION + "/participants?q=v").signedInAs("organizer"),
			PageType.at("affected-subsystems", SESSION + "/subsystems?q=net").signedInAs("organizer"),
			PageType.at("person-new", "/people/new").signedInAs("organizer"),
			PageType.at("person-edit", "/people/viro/edit").signedInAs("organizer"),
			PageType.at("person-addresses", "/people/viro/addresses").signedInAs("organizer"),
			PageType.at("mailmap-import", "/imports/mailmap").signedInAs("organizer"),
			PageType.at("person-merge", "/admin/people/merge?merged=viro").signedInAs("admin"),
			PageType.at("subsystem-new", "/subsystems/new").signedInAs("organizer"),
			PageType.at("subsystem-edit", "/subsystems/bluetooth/edit").signedInAs("organizer"),
			// Search
			PageType.at("search-empty", "/search"), PageType.at("search", "/search?q=toolchain+stability"),
			PageType.at("search-filtered", "/search?q=rust&kind=concerns&event=maintainers-summit-2021&year=2021"),
			PageType.at("search-only-common-words", "/search?q=the+and+of"),
			PageType.at("search-bad-kind", "/search?q=rust&kind=bogus").answering(400),
			// The benchmark's yardstick
			PageType.at("reference", "/benchmark/reference"));

	private PageTypes() {
	}

}
