package org.summittracker.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.summittracker.position.Stance;
import org.summittracker.resolution.Outcome;
import org.summittracker.session.DiscussionNote.Kind;

/**
 * The facts of the demo summit, in our own words: the 2021 Kernel Maintainers Summit
 * session on using Rust for kernel development (reported publicly on 2021-09-27).
 */
final class DemoSummit {

	private DemoSummit() {
	}

	record PersonFact(String handle, String name, String affiliation) {
	}

	record SubsystemFact(String slug, String name, List<String> maintainers, String mailingList) {
	}

	record NoteFact(String speaker, Kind kind, String body) {
	}

	record ResponseFact(String author, String body) {
	}

	record ConcernFact(String key, String title, String category, String raisedBy, String body,
			List<ResponseFact> responses) {
	}

	record PositionFact(String handle, Stance stance, String note, List<String> cites) {
	}

	record ResolutionFact(Outcome outcome, String statement) {
	}

	record FollowUpFact(String owner, String title, String addresses) {
	}

	static final String EVENT_SLUG = "maintainers-summit-2021";

	static final String EVENT_NAME = "Kernel Maintainers Summit 2021";

	// The facts give "September 2021, alongside Linux Plumbers Conference 2021"; that
	// conference ran 20 to 24 September.
	static final LocalDate STARTS_ON = LocalDate.of(2021, 9, 20);

	static final LocalDate ENDS_ON = LocalDate.of(2021, 9, 24);

	// When the agenda (the event, the session, its participants) was in place: the
	// summit's first day, the earliest date the facts give.
	static final Instant AGENDA_AT = STARTS_ON.atStartOfDay(ZoneOffset.UTC).toInstant();

	// When the demo's records were made: the day the session was reported publicly.
	static final Instant RECORDED_AT = Instant.parse("2021-09-27T00:00:00Z");

	/** The LWN report of the session, linked as its material. */
	static final String REPORT_TITLE = "Using Rust for kernel development";

	static final String REPORT_URL = "https://lwn.net/Articles/870555/";

	static final String LOCATION = "Alongside Linux Plumbers Conference 2021";

	static final String EVENT_DESCRIPTION = "The invitation-only gathering of kernel maintainers, held alongside "
			+ "Linux Plumbers Conference 2021.";

	static final String SESSION_SLUG = "using-rust-for-kernel-development";

	static final String SESSION_TITLE = "Using Rust for kernel development";

	static final String LEAD = "ojeda";

	static final String NOTE_TAKER = "organizer";

	// Every demo account signs in with this password; the layout says so on every page
	// while demo data is on.
	static final String ACCOUNT_PASSWORD = "demo";

	static final String ADMIN_ACCOUNT = "admin";

	/** The proposal's permanent key and title; the session discusses it. */
	static final String PROPOSAL_KEY = "rust-for-linux";

	static final String PROPOSAL_TITLE = "Rust for Linux";

	static final String PROPOSAL = "Merge Rust support into the mainline kernel as a first-class language, "
			+ "starting as an experiment.";

	static final String SUMMARY = """
			Miguel Ojeda asked whether the kernel community wants Rust. The room agreed to try it in mainline \
			as an **experiment**, with buy-in needed from the maintainers of the first affected subsystems \
			rather than from a majority. Toolchain stability, bisection, the memory model, cross-subsystem \
			changes and code layout remain open questions.""";

	static final List<String> AFFECTED = List.of("gpio", "driver-core", "vfs", "bluetooth", "wireless-drivers");

	static final List<PersonFact> PEOPLE = List.of(new PersonFact("ojeda", "Miguel Ojeda", "Rust for Linux lead"),
			new PersonFact("torvalds", "Linus Torvalds", "Top-level maintainer"),
			new PersonFact("walleij", "Linus Walleij", "GPIO maintainer"),
			new PersonFact("gregkh", "Greg Kroah-Hartman", "Driver core, staging, stable"),
			new PersonFact("wedsonaf", "Wedson Almeida Filho", "Author of the Rust GPIO driver (July 2021)"),
			new PersonFact("keescook", "Kees Cook", "Kernel hardening"),
			new PersonFact("airlied", "Dave Airlie", "DRM (graphics)"), new PersonFact("tytso", "Ted Ts'o", "ext4"),
			new PersonFact("broonie", "Mark Brown", "SPI, regulator, ASoC"),
			new PersonFact("arnd", "Arnd Bergmann", "arm-soc, asm-generic"), new PersonFact("viro", "Al Viro", "VFS"),
			new PersonFact("tglx", "Thomas Gleixner", "x86, timers, interrupts"),
			new PersonFact("paulmck", "Paul McKenney", "RCU, memory model"),
			new PersonFact("holtmann", "Marcel Holtmann", "Bluetooth"),
			new PersonFact("hedberg", "Johan Hedberg", "Bluetooth"),
			new PersonFact("vondentz", "Luiz Augusto von Dentz", "Bluetooth"),
			new PersonFact("kvalo", "Kalle Valo", "Wireless drivers"),
			new PersonFact(NOTE_TAKER, "Demo Organizer", "Summit Tracker demo note-taker"));

	static final List<SubsystemFact> SUBSYSTEMS = List.of(
			new SubsystemFact("gpio", "GPIO subsystem", List.of("walleij"), "linux-gpio@vger.kernel.org"),
			new SubsystemFact("driver-core", "Driver core", List.of("gregkh"), "linux-kernel@vger.kernel.org"),
			new SubsystemFact("vfs", "Filesystems (VFS)", List.of("viro"), "linux-fsdevel@vger.kernel.org"),
			new SubsystemFact("bluetooth", "Bluetooth subsystem", List.of("holtmann", "hedberg", "vondentz"),
					"linux-bluetooth@vger.kernel.org"),
			new SubsystemFact("wireless-drivers", "Networking drivers (wireless)", List.of("kvalo"),
					"linux-wireless@vger.kernel.org"),
			new SubsystemFact("ext4", "Ext4 filesystem", List.of("tytso"), "linux-ext4@vger.kernel.org"),
			new SubsystemFact("drm", "DRM drivers", List.of("airlied"), "dri-devel@lists.freedesktop.org"),
			new SubsystemFact("spi", "SPI subsystem", List.of("broonie"), "linux-spi@vger.kernel.org"),
			new SubsystemFact("timers", "Timers and interrupts (x86 core)", List.of("tglx"),
					"linux-kernel@vger.kernel.org"),
			new SubsystemFact("rust", "Rust support", List.of("ojeda"), "rust-for-linux@vger.kernel.org"));

	static final List<String> SPEAKERS = List.of("torvalds", "gregkh", "keescook", "airlied", "tytso", "broonie",
			"arnd", "viro", "tglx");

	static final List<NoteFact> NOTES = List.of(
			new NoteFact("ojeda", Kind.PROPOSAL,
					"Asked whether the community wants Rust at all. If it is merged it "
							+ "should be a first-class citizen; many developers are interested, and the Android team "
							+ "actively wants it."),
			new NoteFact("torvalds", Kind.REMARK, "The community will \"almost certainly\" run a trial, but a trial it "
					+ "is. What is needed is buy-in from the maintainers directly affected at first, not from a "
					+ "majority. Nothing in the patches he has seen made him refuse, and without merging Rust will "
					+ "never become good enough."),
			new NoteFact("gregkh", Kind.REMARK, "The patches look much better but are not ready yet. The Rust GPIO "
					+ "driver was \"awesome\"; filesystem developers are interested, and the VFS APIs are fairly "
					+ "stable."),
			new NoteFact("keescook", Kind.PROPOSAL, "WiFi or Bluetooth drivers would be good places to start. Greg "
					+ "would happily see the existing Bluetooth drivers replaced, and suggested picking ten of the "
					+ "hundred or so out-of-tree drivers in an upcoming phone."),
			new NoteFact("airlied", Kind.QUESTION,
					"Some maintainers will be scared and need learning resources. Has "
							+ "anyone tried Rust in the core of a subsystem, with C at the edges?"),
			new NoteFact("ojeda", Kind.ANSWER,
					"No. The aim is safe abstractions, so that drivers can be written in " + "safe Rust."),
			new NoteFact("tytso", Kind.PROPOSAL,
					"Post the patches every week or two to keep maintainers' " + "attention."),
			new NoteFact("tytso", Kind.OBJECTION,
					"Cross-subsystem changes: if a filesystem change breaks the Rust "
							+ "GPIO interface, who fixes it?"),
			new NoteFact("ojeda", Kind.ANSWER, "Maintainers must buy in and review; developers who cross into "
					+ "subsystems using Rust will need to learn it. The Rust developers will help but cannot carry "
					+ "it alone."),
			new NoteFact("broonie", Kind.REMARK, "Reviewing for \"tasteful\" Rust will matter."),
			new NoteFact("arnd", Kind.OBJECTION,
					"One top-level Rust directory is the wrong shape; the code should be "
							+ "spread over the subsystems it serves."),
			new NoteFact("ojeda", Kind.ANSWER,
					"Some central support is needed, but much of the kernel crate can be "
							+ "split into subsystem crates."),
			new NoteFact("viro", Kind.OBJECTION,
					"Toolchain stability: needing the latest compiler breaks bisection " + "over years of history."),
			new NoteFact("ojeda", Kind.ANSWER, "Unstable features are used today, and one Rust version is supported "
					+ "per kernel release. Bisection would need compiler changes for now; the problem goes away once "
					+ "only stable features are needed, and waiting for that would be understandable."),
			new NoteFact("tglx", Kind.OBJECTION,
					"Not opposed, but worried about \"the blank page where the memory " + "model should be\"."),
			new NoteFact("ojeda", Kind.ANSWER,
					"Rust follows the C11/C++11 models for now; this is the moment to "
							+ "influence the Rust community, and Paul McKenney has been encouraged to engage."),
			new NoteFact("torvalds", Kind.REMARK,
					"Closing: this is an experiment that will take years to judge. He "
							+ "wants a safer language, especially for drivers, and does not expect the kernel to be "
							+ "rewritten in Rust."));

	static final List<ConcernFact> CONCERNS = List.of(
			new ConcernFact("toolchain-stability", "Requires the newest Rust compiler and unstable features",
					"toolchain-stability", "viro",
					"Building the Rust code needs the latest compiler and unstable language features. "
							+ "Open, but not blocking the trial.",
					List.of()),
			new ConcernFact("bisection",
					"Bisecting across years of history would need a different compiler at each step", "bisection",
					"viro",
					"With one supported Rust version per kernel release, a bisection over a long range has to "
							+ "switch compilers as it goes.",
					List.of()),
			new ConcernFact("cross-subsystem-changes", "Who fixes Rust code broken by a change in another subsystem",
					"cross-subsystem-changes", "tytso",
					"If a filesystem change breaks the Rust GPIO interface, whose job is the fix?", List.of()),
			new ConcernFact("memory-model", "Rust has no settled memory model", "memory-model", "tglx",
					"Rust follows the C11/C++11 models for now; the kernel's own memory model has no Rust "
							+ "counterpart yet.",
					List.of()),
			new ConcernFact("code-layout", "A single top-level Rust directory instead of code spread over subsystems",
					"code-layout", "arnd", "Rust code should live with the subsystems it serves.",
					List.of(new ResponseFact("ojeda",
							"Answered: some central support is needed, but the plan is to "
									+ "split much of the kernel crate into subsystem crates."))),
			new ConcernFact("reviewer-readiness", "Maintainers need resources to review Rust; review for taste",
					"review-capacity", "airlied",
					"Maintainers need learning resources before they can review Rust, and review for "
							+ "\"tasteful\" Rust will matter (raised with Mark Brown).",
					List.of()));

	static final List<PositionFact> POSITIONS = List.of(
			new PositionFact("torvalds", Stance.SUPPORTS_WITH_CONDITIONS, "As a trial; not a rewrite", List.of()),
			new PositionFact("walleij", Stance.SUPPORTS, "Backs the Rust GPIO work", List.of()),
			new PositionFact("gregkh", Stance.SUPPORTS_WITH_CONDITIONS, "Patches not ready yet", List.of()),
			new PositionFact("keescook", Stance.SUPPORTS, "Suggests WiFi and Bluetooth drivers", List.of()),
			new PositionFact("airlied", Stance.UNDECIDED, "Wants learning resources for maintainers", List.of()),
			new PositionFact("tytso", Stance.CONCERNED, null, List.of("cross-subsystem-changes")),
			new PositionFact("arnd", Stance.CONCERNED, null, List.of("code-layout")),
			new PositionFact("viro", Stance.CONCERNED, null, List.of("toolchain-stability", "bisection")),
			new PositionFact("tglx", Stance.NO_OBJECTION, "Worried about the memory model", List.of()),
			new PositionFact("broonie", Stance.UNDECIDED, "Just started learning Rust", List.of()));

	static final List<ResolutionFact> RESOLUTIONS = List.of(
			new ResolutionFact(Outcome.EXPERIMENT,
					"Rust support will be tried in the mainline kernel as an "
							+ "experiment; it is not a commitment and not a rewrite of the kernel."),
			new ResolutionFact(Outcome.AGREED, "The gate for merging is buy-in from the maintainers of the directly "
					+ "affected subsystems, not a majority of all maintainers."));

	static final List<FollowUpFact> FOLLOW_UPS = List.of(
			new FollowUpFact("ojeda", "Post the Rust patch set every one to two weeks", null),
			new FollowUpFact("ojeda", "Split the central kernel crate into subsystem-specific crates", "code-layout"),
			new FollowUpFact("ojeda", "Move toward building with stable Rust features only (also addresses bisection)",
					"toolchain-stability"),
			new FollowUpFact("paulmck", "Engage the Rust community on the memory model", "memory-model"),
			new FollowUpFact("gregkh", "Pick about ten out-of-tree phone drivers as Rust candidates", null),
			new FollowUpFact("ojeda", "Point maintainers at Rust learning and review resources", "reviewer-readiness"));

}
