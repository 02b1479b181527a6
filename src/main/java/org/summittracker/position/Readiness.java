package org.summittracker.position;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.summittracker.people.SubsystemMaintainer;

/**
 * Whether a session's proposal is ready, and if not, what exactly is missing. Derived,
 * never stored.
 * <p>
 * Each affected subsystem is <em>acked</em> when one of its maintainers supports (with or
 * without conditions), <em>blocked</em> when one of its maintainers opposes, and
 * <em>pending</em> otherwise. A position that speaks for some subsystems (one chosen on
 * the form, or the set a mail-given one speaks for) counts for those only; one that
 * speaks for none counts for every affected subsystem the person maintains. Reviewers are
 * listed but cannot ack. The session is ready when every affected subsystem is acked,
 * nobody opposes and no blocking concern is open; a session with no affected subsystem
 * recorded is not ready, since nobody's buy-in is known to be needed.
 * <p>
 * Only the first {@link #NAMED} opposers and open blocking concerns are ever put into
 * words, so a reader may give only those with the number of all
 * ({@link #assess(Collection, Collection, Collection, List, long, List, long)}): the
 * verdict and the sentences are the same as from all of them.
 *
 * @param opposers the people who oppose, by name: all, or the first {@link #NAMED}
 * @param opposerCount how many oppose
 * @param openBlockingConcerns the keys of the open blocking concerns, oldest first: all,
 * or the first {@link #NAMED}
 * @param openBlockingCount how many blocking concerns are open
 */
public record Readiness(List<SubsystemReadiness> subsystems, List<PositionView> opposers, long opposerCount,
		List<String> openBlockingConcerns, long openBlockingCount) {

	/**
	 * How many people or concerns one sentence names before it counts the rest: a
	 * subsystem with hundreds of maintainers, or a session with hundreds of nacks, would
	 * otherwise make a sentence of tens of kilobytes on every page and export that shows
	 * readiness (the event page repeats it for each of its sessions).
	 */
	public static final int NAMED = 10;

	public enum State {

		ACKED, BLOCKED, PENDING;

		private final String css = name().toLowerCase(Locale.ROOT);

		/** The CSS class suffix of its badge: the name in lower case, computed once. */
		public String getCss() {
			return this.css;
		}

	}

	/**
	 * One affected subsystem: its state, who acked or blocked it, and where its other
	 * maintainers stand.
	 */
	public record SubsystemReadiness(String slug, String name, State state, List<PositionView> decisive,
			List<MaintainerStance> others) {

		/**
		 * This subsystem's state in words, e.g. “VFS: no maintainer has acked (viro:
		 * concerned: bisection)”.
		 */
		public String describe() {
			return switch (this.state) {
				case ACKED -> onOlderVersionOnly() ? this.name + ": acked on v"
						+ this.decisive.stream().mapToInt(PositionView::mailVersion).max().orElseThrow() + " only (v"
						+ this.decisive.stream().mapToInt(PositionView::mailPostedSince).max().orElseThrow()
						+ " posted since) by "
						+ this.decisive.stream().map(SubsystemReadiness::acker).collect(Collectors.joining(", "))
						: this.name + ": acked by " + named(
								this.decisive.stream()
									.map((p) -> p.restsOnOlderVersion() ? acker(p) + " (on v" + p.mailVersion()
											+ " only, v" + p.mailPostedSince() + " posted since)" : acker(p)),
								this.decisive.size(), ", ");
				case BLOCKED ->
					this.name + ": Nacked-by " + named(this.decisive.stream().map(PositionView::handleWithVersion),
							this.decisive.size(), ", ");
				case PENDING -> this.others.isEmpty() ? this.name + ": no maintainer is recorded"
						: this.name + ": no maintainer has acked ("
								+ named(this.others.stream().map(MaintainerStance::describe), this.others.size(), "; ")
								+ ")";
			};
		}

		/**
		 * Every ack rests on a mail given on an older version of the series than the
		 * newest posted.
		 */
		public boolean onOlderVersionOnly() {
			return !this.decisive.isEmpty() && this.decisive.stream().allMatch(PositionView::restsOnOlderVersion);
		}

		private static String acker(PositionView p) {
			return (p.stance() == Stance.SUPPORTS_WITH_CONDITIONS)
					? p.handle() + " (conditions: " + quoted(p.conditions()) + ")" : p.handle();
		}

	}

	/**
	 * A maintainer of an affected subsystem who has not acked it, and their stance if
	 * they took one.
	 *
	 * @param speaksFor when their position speaks for other subsystems and not this one,
	 * those subsystems by name (“GPIO, VFS”), else {@code null}
	 */
	public record MaintainerStance(String handle, String name, PositionView position, String speaksFor) {

		public String describe() {
			if (this.position == null) {
				return this.handle + ": no record";
			}
			String qualifier = quoted(this.position.qualifier());
			String stance = this.position.stance().label().toLowerCase(Locale.ROOT);
			return this.handle + ": " + stance + ((qualifier != null && !qualifier.isBlank()) ? ": " + qualifier : "")
					+ ((this.speaksFor != null) ? ", speaking for " + this.speaksFor + " only" : "");
		}

	}

	/**
	 * The readiness from every current position and the keys of every open blocking
	 * concern.
	 */
	public static Readiness assess(Collection<SubsystemRef> affected, Collection<SubsystemMaintainer> maintainers,
			Collection<PositionView> positions, Collection<String> openBlockingConcernKeys) {
		List<PositionView> opposers = positions.stream().filter((p) -> p.stance() == Stance.OPPOSES).toList();
		return assess(affected, maintainers, positions, opposers, opposers.size(), List.copyOf(openBlockingConcernKeys),
				openBlockingConcernKeys.size());
	}

	/**
	 * The readiness from bounded reads: the positions of (at least) the affected
	 * subsystems' maintainers, the first {@link #NAMED} opposers by name with the number
	 * of all, and the first {@link #NAMED} open blocking concerns' keys with the number
	 * of all; as {@link #assess(Collection, Collection, Collection, Collection)} from
	 * every position and concern.
	 */
	public static Readiness assess(Collection<SubsystemRef> affected, Collection<SubsystemMaintainer> maintainers,
			Collection<PositionView> positions, List<PositionView> firstOpposers, long opposerCount,
			List<String> firstOpenBlocking, long openBlockingCount) {
		Map<Long, PositionView> byPerson = new LinkedHashMap<>();
		positions.forEach((p) -> byPerson.put(p.personId(), p));
		Map<Long, String> names = new LinkedHashMap<>();
		affected.forEach((a) -> names.put(a.id(), a.name()));
		List<SubsystemReadiness> states = new ArrayList<>();
		for (SubsystemRef subsystem : affected) {
			List<PositionView> acks = new ArrayList<>();
			List<PositionView> nacks = new ArrayList<>();
			List<MaintainerStance> others = new ArrayList<>();
			for (SubsystemMaintainer m : maintainers) {
				if (!m.subsystemId().equals(subsystem.id()) || !m.isMaintainer()) {
					continue;
				}
				PositionView position = byPerson.get(m.personId());
				boolean counts = position != null && position.speaksFor(subsystem.id());
				if (counts && position.stance() == Stance.OPPOSES) {
					nacks.add(position);
				}
				else if (counts && position.stance().isAck()) {
					acks.add(position);
				}
				else {
					others.add(new MaintainerStance(m.handle(), m.name(), position,
							(position != null && !counts) ? speaksForNames(position, names) : null));
				}
			}
			State state = !nacks.isEmpty() ? State.BLOCKED : !acks.isEmpty() ? State.ACKED : State.PENDING;
			states.add(new SubsystemReadiness(subsystem.slug(), subsystem.name(), state,
					(state == State.BLOCKED) ? nacks : acks, others));
		}
		return new Readiness(List.copyOf(states), firstOpposers.stream().limit(NAMED).toList(), opposerCount,
				firstOpenBlocking.stream().limit(NAMED).toList(), openBlockingCount);
	}

	/**
	 * The subsystems a position speaks for, by name: the affected ones among them, else
	 * the one it names, else “other subsystems”.
	 */
	private static String speaksForNames(PositionView position, Map<Long, String> affectedNames) {
		String named = position.speaksForIds()
			.stream()
			.map(affectedNames::get)
			.filter((n) -> n != null)
			.collect(Collectors.joining(", "));
		return !named.isEmpty() ? named
				: (position.speaksForName() != null) ? position.speaksForName() : "other subsystems";
	}

	public boolean isReady() {
		return !this.subsystems.isEmpty() && this.subsystems.stream().allMatch((s) -> s.state() == State.ACKED)
				&& this.opposerCount == 0 && this.openBlockingCount == 0;
	}

	/**
	 * What someone wrote (a condition, a rationale), quoted inside a sentence of
	 * readiness: without the full stop it may end with, since a comma, a semicolon or a
	 * closing parenthesis follows it there (“if you take it through the rust tree,
	 * speaking for nova only”, not “tree., speaking”). An ellipsis is kept.
	 */
	static String quoted(String text) {
		if (text == null) {
			return null;
		}
		String trimmed = text.strip();
		return (trimmed.endsWith(".") && !trimmed.endsWith("..")) ? trimmed.substring(0, trimmed.length() - 1).strip()
				: trimmed;
	}

	/**
	 * The first {@link #NAMED} of {@code total} items joined, and how many more there
	 * are.
	 */
	static String named(Stream<String> items, int total, String separator) {
		String named = items.limit(NAMED).collect(Collectors.joining(separator));
		return (total > NAMED) ? named + separator + "and " + (total - NAMED) + " more" : named;
	}

	/**
	 * Every missing piece, one sentence each; empty when ready. Nacks and open blocking
	 * concerns are named up to {@link #NAMED} each, the rest counted in one more
	 * sentence.
	 */
	public List<String> missing() {
		return missing(Integer.MAX_VALUE);
	}

	/**
	 * The first {@code atMost} sentences of {@link #missing()}, the others not even put
	 * into words: a page listing many sessions (the event page) shows a few each and
	 * counts the rest ({@link #missingCount()}).
	 */
	public List<String> missing(int atMost) {
		return missingSentences().stream().limit(atMost).map(Supplier::get).toList();
	}

	/** How many sentences {@link #missing()} has. */
	public int missingCount() {
		return missingSentences().size();
	}

	/** The sentences of {@link #missing()}, each put into words when asked. */
	private List<Supplier<String>> missingSentences() {
		List<Supplier<String>> missing = new ArrayList<>();
		if (this.subsystems.isEmpty()) {
			missing.add(() -> "No affected subsystem is recorded, so nobody's buy-in is known to be needed");
		}
		this.subsystems.stream().filter((s) -> s.state() != State.ACKED).forEach((s) -> missing.add(s::describe));
		this.opposers.stream()
			.limit(NAMED)
			.forEach((p) -> missing.add(() -> "Nacked-by " + p.name() + " (" + p.handle() + "): " + p.rationale()));
		if (this.opposerCount > NAMED) {
			missing.add(() -> "Nacked-by " + (this.opposerCount - NAMED) + " more people");
		}
		this.openBlockingConcerns.stream()
			.limit(NAMED)
			.forEach((key) -> missing.add(() -> "Blocking concern open: " + key));
		if (this.openBlockingCount > NAMED) {
			missing.add(() -> (this.openBlockingCount - NAMED) + " more blocking concerns open");
		}
		return missing;
	}

	/** The affected subsystems that are acked, in words. */
	public List<String> acked() {
		return this.subsystems.stream()
			.filter((s) -> s.state() == State.ACKED)
			.map(SubsystemReadiness::describe)
			.toList();
	}

	/**
	 * The state of one affected subsystem, or null when the session does not affect it.
	 */
	public SubsystemReadiness of(String slug) {
		return this.subsystems.stream().filter((s) -> s.slug().equals(slug)).findFirst().orElse(null);
	}

	/** How many affected subsystems have acked. */
	public long ackedCount() {
		return count(State.ACKED);
	}

	public long count(State state) {
		return this.subsystems.stream().filter((s) -> s.state() == state).count();
	}

	/** An affected subsystem, as readiness needs it. */
	public record SubsystemRef(Long id, String slug, String name) {
	}

}
