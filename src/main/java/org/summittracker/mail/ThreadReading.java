package org.summittracker.mail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.summittracker.position.Position;
import org.summittracker.position.Stance;

/**
 * A patch thread read for buy-in: every trailer its replies give and its patches carry,
 * each pinned to the series version it was given on, grouped person by person.
 *
 * @param readings every reading, in the thread's order
 * @param latestVersion the newest version of the series the thread holds
 * @param series the series' subject (its cover letter's, else its first patch's)
 * @param messages how many messages were read
 * @param paths the file paths the series' diffs touch (of its newest version)
 * @param seriesName the series' summary without its version and numbering (its cover
 * letter's, else its first patch's), the same in every version; {@code null} when the
 * thread holds no mail of the series
 */
public record ThreadReading(List<Reading> readings, int latestVersion, String series, int messages, Set<String> paths,
		String seriesName) {

	private static final java.util.regex.Pattern DIFF = java.util.regex.Pattern
		.compile("(?m)^diff --git a/(\\S+) b/(\\S+)$");

	/** At most this many paths are read from a thread's diffs. */
	private static final int MAX_PATHS = 10_000;

	/** Reads the thread's messages. */
	public static ThreadReading of(List<MailMessage> messages) {
		Map<String, MailMessage> byId = new HashMap<>();
		messages.forEach((m) -> {
			if (m.messageId() != null) {
				byId.putIfAbsent(m.messageId(), m);
			}
		});
		List<Reading> readings = new ArrayList<>();
		int latest = 0;
		String series = null;
		String seriesName = null;
		Set<String> seen = new HashSet<>();
		Map<String, Set<String>> touched = touched(messages);
		for (MailMessage message : messages) {
			PatchSubject subject = message.subject();
			if (message.ofSeries()) {
				latest = Math.max(latest, subject.version());
				if (series == null || subject.isCoverLetter()) {
					series = subject.position() + " " + subject.summary();
					seriesName = subject.summary();
				}
			}
			if (message.messageId() != null && !seen.add(message.messageId())) {
				// lore's mbox holds each message once; a pasted duplicate counts once
				// too.
				continue;
			}
			if (subject.isCoverLetter()) {
				// A cover letter is not applied: its changelog names trailers, it carries
				// none.
				continue;
			}
			if (message.isPatch()) {
				readings.addAll(carried(message, touched.getOrDefault(message.messageId(), Set.of())));
			}
			else {
				MailMessage answered = answered(message, byId);
				readings.addAll(given(message, (answered != null) ? answered.subject() : message.subject(),
						(answered != null) ? touched.getOrDefault(answered.messageId(), Set.of()) : Set.of()));
			}
		}
		if (latest == 0) {
			latest = readings.stream().mapToInt(Reading::version).max().orElse(1);
		}
		return new ThreadReading(keepConditions(readings), latest, (series != null) ? series : "", messages.size(),
				paths(messages, latest), seriesName);
	}

	/**
	 * Each trailer the author carried keeps the condition its giver stated with it on an
	 * earlier version the thread holds (an ack carried forward unchanged is the ack as it
	 * was given); a reply on the carrying version stands over it anyway.
	 */
	private static List<Reading> keepConditions(List<Reading> readings) {
		List<Reading> kept = new ArrayList<>(readings.size());
		for (Reading reading : readings) {
			List<Reading> before = givenBefore(readings, reading);
			Reading given = before.isEmpty() ? null : standing(before);
			kept.add((given != null && given.condition() != null) ? reading.keeping(given.condition(), given.version(),
					given.messageId(), before.stream().mapToInt(Reading::version).min().orElseThrow()) : reading);
		}
		return kept;
	}

	/**
	 * For a trailer the author carried without a condition, the same person's trailers of
	 * its kind given in replies to earlier versions; empty when there are none (or it is
	 * no such trailer).
	 */
	static List<Reading> givenBefore(List<Reading> readings, Reading carried) {
		if (!carried.mayKeepACondition()) {
			return List.of();
		}
		return readings.stream()
			.filter((r) -> !r.carried() && r.trailer().kind() == carried.trailer().kind()
					&& r.version() < carried.version()
					&& carried.trailer().address().equalsIgnoreCase(r.trailer().address()))
			.toList();
	}

	/**
	 * The files the diffs of the series' newest version touch (both sides of a rename).
	 */
	private static Set<String> paths(List<MailMessage> messages, int latest) {
		Set<String> paths = new java.util.LinkedHashSet<>();
		for (MailMessage message : messages) {
			if (message.isPatch() && message.subject().version() == latest && paths.size() < MAX_PATHS) {
				paths.addAll(diffPaths(message));
			}
		}
		return paths;
	}

	private static Set<String> diffPaths(MailMessage patch) {
		Set<String> paths = new java.util.LinkedHashSet<>();
		if (patch.body() != null) {
			java.util.regex.Matcher m = DIFF.matcher(patch.body());
			while (m.find() && paths.size() < MAX_PATHS) {
				paths.add(m.group(1));
				paths.add(m.group(2));
			}
		}
		return paths;
	}

	/**
	 * The files each mail of the series touches, by Message-ID: a patch its own diff's, a
	 * cover letter those of every patch of its version (an ack of the cover letter is an
	 * ack of the whole series).
	 */
	private static Map<String, Set<String>> touched(List<MailMessage> messages) {
		Map<String, Set<String>> byPatch = new HashMap<>();
		Map<Integer, Set<String>> byVersion = new HashMap<>();
		for (MailMessage message : messages) {
			if (message.isPatch() && message.messageId() != null) {
				Set<String> paths = diffPaths(message);
				byPatch.put(message.messageId(), paths);
				byVersion.computeIfAbsent(message.subject().version(), (v) -> new java.util.LinkedHashSet<>())
					.addAll(paths);
			}
		}
		for (MailMessage message : messages) {
			if (message.subject().isCoverLetter() && message.messageId() != null) {
				byPatch.putIfAbsent(message.messageId(), byVersion.getOrDefault(message.subject().version(), Set.of()));
			}
		}
		return byPatch;
	}

	/**
	 * The patch or cover letter a reply answers, up its chain of parents; {@code null}
	 * when it is not in the mbox.
	 */
	private static MailMessage answered(MailMessage reply, Map<String, MailMessage> byId) {
		MailMessage at = reply;
		for (int depth = 0; depth < 100 && at != null; depth++) {
			MailMessage parent = (at.parentId() != null) ? byId.get(at.parentId()) : null;
			if (parent != null && parent.ofSeries()) {
				return parent;
			}
			at = parent;
		}
		// The parent is not in the mbox: the reply's own subject still names the version.
		return null;
	}

	private static List<Reading> carried(MailMessage patch, Set<String> paths) {
		MailText text = MailText.ofPatch(patch.body());
		List<Reading> readings = new ArrayList<>();
		for (Trailer trailer : text.trailers()) {
			readings.add(new Reading(trailer, true, stance(trailer, null), null, null, patch.subject().version(),
					text.givenOn(trailer), on(patch.subject()), patch.messageId(), patch.date(), patch.fromName(),
					patch.fromAddress(), paths, null, null));
		}
		return readings;
	}

	private static List<Reading> given(MailMessage reply, PatchSubject answered, Set<String> paths) {
		MailText text = MailText.ofReply(reply.body());
		if (text.trailers().isEmpty()) {
			return List.of();
		}
		String condition = Conditions.find(text.prose());
		List<Reading> readings = new ArrayList<>();
		// One reading per person, mail and trailer kind: a bare NAK and a Nacked-by of
		// the same person in one mail are one Nack (a written trailer before a bare one).
		Set<String> read = new HashSet<>();
		List<Trailer> trailers = new ArrayList<>(text.trailers());
		trailers.sort(Comparator.comparing((Trailer t) -> t.address() == null));
		for (Trailer written : trailers) {
			Trailer trailer = (written.address() == null) ? written.from(reply.fromName(), reply.fromAddress())
					: written;
			if (trailer.address() == null
					|| !read.add(trailer.kind() + " " + trailer.address().toLowerCase(Locale.ROOT))) {
				continue;
			}
			String rationale = (trailer.kind() == Trailer.Kind.NACKED) ? rationale(text.prose()) : null;
			readings.add(new Reading(trailer, false, stance(trailer, condition),
					(trailer.kind() == Trailer.Kind.ACKED || trailer.kind() == Trailer.Kind.REVIEWED) ? condition
							: null,
					rationale, answered.version(), null, on(answered), reply.messageId(), reply.date(),
					reply.fromName(), reply.fromAddress(), paths, null, null));
		}
		return readings;
	}

	private static Stance stance(Trailer trailer, String condition) {
		return switch (trailer.kind()) {
			case ACKED, REVIEWED -> (condition != null) ? Stance.SUPPORTS_WITH_CONDITIONS : Stance.SUPPORTS;
			case NACKED -> Stance.OPPOSES;
			case TESTED -> null;
		};
	}

	/**
	 * A Nack's rationale: the mail's own words, or {@code null} when it has none (the
	 * preview then offers one in the reader's language, which the importer may edit).
	 */
	private static String rationale(String prose) {
		String text = prose.replace('\n', ' ').replaceAll("\\s+", " ").strip();
		if (text.isEmpty()) {
			return null;
		}
		return (text.length() > Position.TEXT_MAX) ? text.substring(0, Position.TEXT_MAX) : text;
	}

	private static String on(PatchSubject subject) {
		return subject.position() + " " + subject.summary();
	}

	/**
	 * The readings grouped by the trailer's address, in the order people first appear.
	 */
	public Map<String, List<Reading>> byAddress() {
		Map<String, List<Reading>> groups = new LinkedHashMap<>();
		for (Reading reading : this.readings) {
			groups.computeIfAbsent(reading.trailer().address().toLowerCase(Locale.ROOT), (a) -> new ArrayList<>())
				.add(reading);
		}
		return groups;
	}

	/**
	 * The reading that stands for one person's position: among those with a stance, the
	 * ones given on the newest version; per mail of the series they answer, the latest (a
	 * Nack withdrawn by a later ack gives way to it); a Nack of one patch then outweighs
	 * an ack of another, and a conditional ack a plain one. A person with only Tested-by
	 * has a note and no stance.
	 */
	public static Reading standing(List<Reading> readings) {
		Comparator<Reading> order = Comparator.comparingInt(Reading::version)
			.thenComparing((r) -> !r.carried())
			.thenComparing((r) -> (r.sentAt() != null) ? r.sentAt() : Instant.EPOCH);
		List<Reading> stances = readings.stream().filter((r) -> !r.noteOnly()).toList();
		if (stances.isEmpty()) {
			return readings.stream().max(order).orElseThrow();
		}
		int newest = stances.stream().mapToInt(Reading::version).max().orElseThrow();
		Map<String, Reading> perMail = new LinkedHashMap<>();
		stances.stream().filter((r) -> r.version() == newest).sorted(order).forEach((r) -> perMail.put(r.on(), r));
		Comparator<Reading> weight = Comparator.comparingInt((Reading r) -> (r.stance() == Stance.OPPOSES) ? 2
				: (r.stance() == Stance.SUPPORTS_WITH_CONDITIONS) ? 1 : 0)
			.thenComparing(order);
		return perMail.values().stream().max(weight).orElseThrow();
	}

}
