package org.summittracker.position;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.summittracker.people.Maintainership.Role;
import org.summittracker.people.SubsystemMaintainer;
import org.summittracker.position.Readiness.State;
import org.summittracker.position.Readiness.SubsystemRef;

import static org.assertj.core.api.Assertions.assertThat;

class ReadinessTests {

	static final SubsystemRef GPIO = new SubsystemRef(1L, "gpio", "GPIO");

	static final SubsystemRef VFS = new SubsystemRef(2L, "vfs", "VFS");

	static final SubsystemMaintainer WALLEIJ = maintainer(GPIO, 10L, "walleij", Role.MAINTAINER);

	static final SubsystemMaintainer VIRO = maintainer(VFS, 20L, "viro", Role.MAINTAINER);

	static final SubsystemMaintainer BRAUNER = maintainer(VFS, 21L, "brauner", Role.REVIEWER);

	@Test
	void readyWhenEverySubsystemIsAckedAndNothingBlocks() {
		Readiness readiness = Readiness.assess(List.of(GPIO, VFS), List.of(WALLEIJ, VIRO), List.of(
				position(10L, "walleij", Stance.SUPPORTS, null),
				position(20L, "viro", Stance.SUPPORTS_WITH_CONDITIONS, null).withConditions("stable toolchain first")),
				List.of());
		assertThat(readiness.isReady()).isTrue();
		assertThat(readiness.missing()).isEmpty();
		assertThat(readiness.acked()).containsExactly("GPIO: acked by walleij",
				"VFS: acked by viro (conditions: stable toolchain first)");
	}

	@Test
	void pendingSubsystemsSayWhoHasNoRecord() {
		Readiness readiness = Readiness.assess(List.of(GPIO, VFS), List.of(WALLEIJ, VIRO),
				List.of(position(10L, "walleij", Stance.SUPPORTS, null)), List.of());
		assertThat(readiness.isReady()).isFalse();
		assertThat(readiness.of("vfs").state()).isEqualTo(State.PENDING);
		assertThat(readiness.missing()).containsExactly("VFS: no maintainer has acked (viro: no record)");
	}

	@Test
	void concernedMaintainersAreNamedWithTheirConcerns() {
		PositionView viro = position(20L, "viro", Stance.CONCERNED, null)
			.citing(List.of("bisection", "toolchain-stability"));
		Readiness readiness = Readiness.assess(List.of(VFS), List.of(VIRO), List.of(viro), List.of());
		assertThat(readiness.missing())
			.containsExactly("VFS: no maintainer has acked (viro: concerned: bisection, toolchain-stability)");
	}

	@Test
	void aMaintainerWhoOpposesBlocksTheirSubsystemAndTheSession() {
		PositionView nack = position(20L, "viro", Stance.OPPOSES, null).withRationale("Not until stable Rust");
		Readiness readiness = Readiness.assess(List.of(VFS), List.of(VIRO), List.of(nack), List.of());
		assertThat(readiness.of("vfs").state()).isEqualTo(State.BLOCKED);
		assertThat(readiness.isReady()).isFalse();
		assertThat(readiness.missing()).containsExactly("VFS: Nacked-by viro",
				"Nacked-by Name of viro (viro): Not until stable Rust");
	}

	@Test
	void anyoneWhoOpposesMakesTheSessionNotReady() {
		PositionView outsider = position(99L, "someone", Stance.OPPOSES, null).withRationale("No");
		Readiness readiness = Readiness.assess(List.of(GPIO), List.of(WALLEIJ),
				List.of(position(10L, "walleij", Stance.SUPPORTS, null), outsider), List.of());
		assertThat(readiness.of("gpio").state()).isEqualTo(State.ACKED);
		assertThat(readiness.isReady()).isFalse();
		assertThat(readiness.missing()).containsExactly("Nacked-by Name of someone (someone): No");
	}

	@Test
	void anOpenBlockingConcernMakesTheSessionNotReady() {
		Readiness readiness = Readiness.assess(List.of(GPIO), List.of(WALLEIJ),
				List.of(position(10L, "walleij", Stance.SUPPORTS, null)), List.of("bisection"));
		assertThat(readiness.isReady()).isFalse();
		assertThat(readiness.missing()).containsExactly("Blocking concern open: bisection");
	}

	@Test
	void reviewersCannotAck() {
		Readiness readiness = Readiness.assess(List.of(VFS), List.of(VIRO, BRAUNER),
				List.of(position(21L, "brauner", Stance.SUPPORTS, null)), List.of());
		assertThat(readiness.of("vfs").state()).isEqualTo(State.PENDING);
	}

	@Test
	void aPositionSpeakingForAnotherSubsystemDoesNotAckThisOne() {
		SubsystemMaintainer gregGpio = maintainer(GPIO, 30L, "gregkh", Role.MAINTAINER);
		SubsystemMaintainer gregVfs = maintainer(VFS, 30L, "gregkh", Role.MAINTAINER);
		PositionView speaksForGpio = position(30L, "gregkh", Stance.SUPPORTS, GPIO);
		Readiness readiness = Readiness.assess(List.of(GPIO, VFS), List.of(gregGpio, gregVfs), List.of(speaksForGpio),
				List.of());
		assertThat(readiness.of("gpio").state()).isEqualTo(State.ACKED);
		assertThat(readiness.of("vfs").state()).isEqualTo(State.PENDING);
	}

	@Test
	void aPositionSpeakingForTwoOfThreeLeavesTheThirdMissingInWords() {
		SubsystemRef usb = new SubsystemRef(3L, "usb", "USB");
		List<SubsystemMaintainer> greg = List.of(maintainer(GPIO, 30L, "gregkh", Role.MAINTAINER),
				maintainer(VFS, 30L, "gregkh", Role.MAINTAINER), maintainer(usb, 30L, "gregkh", Role.MAINTAINER));
		PositionView speaksForTwo = position(30L, "gregkh", Stance.SUPPORTS, null)
			.speakingFor(List.of(GPIO.id(), usb.id()), List.of(GPIO.name(), usb.name()));
		Readiness readiness = Readiness.assess(List.of(GPIO, VFS, usb), greg, List.of(speaksForTwo), List.of());
		assertThat(readiness.of("gpio").state()).isEqualTo(State.ACKED);
		assertThat(readiness.of("usb").state()).isEqualTo(State.ACKED);
		assertThat(readiness.of("vfs").state()).isEqualTo(State.PENDING);
		assertThat(readiness.isReady()).isFalse();
		assertThat(readiness.missing())
			.containsExactly("VFS: no maintainer has acked (gregkh: acked-by, speaking for GPIO, USB only)");
		// Speaking for none, it counts for every subsystem of theirs.
		assertThat(Readiness
			.assess(List.of(GPIO, VFS, usb), greg, List.of(position(30L, "gregkh", Stance.SUPPORTS, null)), List.of())
			.isReady()).isTrue();
	}

	@Test
	void aConditionEndingInAFullStopIsQuotedWithoutItWherePunctuationFollows() {
		List<SubsystemMaintainer> greg = List.of(maintainer(GPIO, 30L, "gregkh", Role.MAINTAINER),
				maintainer(VFS, 30L, "gregkh", Role.MAINTAINER));
		PositionView conditional = position(30L, "gregkh", Stance.SUPPORTS_WITH_CONDITIONS, GPIO)
			.withConditions("if you take it through the rust tree.");
		Readiness readiness = Readiness.assess(List.of(GPIO, VFS), greg, List.of(conditional), List.of());
		assertThat(readiness.missing()).containsExactly("VFS: no maintainer has acked (gregkh: acked-by "
				+ "(with conditions): if you take it through the rust tree, speaking for GPIO only)");
		assertThat(readiness.acked())
			.containsExactly("GPIO: acked by gregkh (conditions: if you take it through the rust tree)");
		assertThat(String.join(" ", readiness.missing()) + String.join(" ", readiness.acked())).doesNotContain(".,",
				".)");
		// An ellipsis is kept, and a condition without a full stop is left as written.
		assertThat(Readiness.quoted("once the toolchain settles...")).isEqualTo("once the toolchain settles...");
		assertThat(Readiness.quoted("stable toolchain first")).isEqualTo("stable toolchain first");
	}

	@Test
	void noncommittalStancesLeaveASubsystemPending() {
		for (Stance stance : List.of(Stance.NO_OBJECTION, Stance.UNDECIDED, Stance.CONCERNED)) {
			Readiness readiness = Readiness.assess(List.of(GPIO), List.of(WALLEIJ),
					List.of(position(10L, "walleij", stance, null)), List.of());
			assertThat(readiness.of("gpio").state()).as(stance.name()).isEqualTo(State.PENDING);
		}
	}

	@Test
	void aSubsystemWithoutMaintainersSaysSo() {
		Readiness readiness = Readiness.assess(List.of(GPIO), List.of(), List.of(), List.of());
		assertThat(readiness.missing()).containsExactly("GPIO: no maintainer is recorded");
	}

	@Test
	void aSessionWithoutAffectedSubsystemsIsNotReady() {
		Readiness readiness = Readiness.assess(List.of(), List.of(), List.of(), List.of());
		assertThat(readiness.isReady()).isFalse();
		assertThat(readiness.missing()).hasSize(1);
	}

	@Test
	void aCrowdedSubsystemNamesTenMaintainersAndCountsTheRest() {
		List<SubsystemMaintainer> crowd = crowd(VFS, 400);
		List<PositionView> nacks = nacks(1001, 1300);
		List<String> blocking = java.util.stream.IntStream.rangeClosed(1, 50).mapToObj((i) -> "c-" + i).toList();
		Readiness readiness = Readiness.assess(List.of(VFS), crowd, nacks, blocking);
		List<String> missing = readiness.missing();
		assertThat(missing.get(0)).startsWith("VFS: no maintainer has acked (m1: no record; m2: no record;")
			.endsWith("m10: no record; and 390 more)");
		assertThat(missing).hasSize(1 + 10 + 1 + 10 + 1)
			.contains("Nacked-by 290 more people", "40 more blocking concerns open");
		assertThat(String.join("\n", missing)).hasSizeLessThan(2000);
	}

	@Test
	void theFirstSentencesOfWhatIsMissingAreTheWholeListCutAndCountedTheSame() {
		List<SubsystemMaintainer> crowd = crowd(VFS, 400);
		List<PositionView> nacks = nacks(1001, 1300);
		Readiness readiness = Readiness.assess(List.of(GPIO, VFS), crowd, nacks, List.of("bisection"));
		List<String> missing = readiness.missing();
		assertThat(readiness.missingCount()).isEqualTo(missing.size()).isEqualTo(2 + 10 + 1 + 1);
		assertThat(readiness.missing(5)).isEqualTo(missing.subList(0, 5));
		assertThat(readiness.missing(0)).isEmpty();
		assertThat(readiness.missing(100)).isEqualTo(missing);
	}

	@Test
	void aSummaryShowsTheFirstSentencesOfWhatIsMissingAndCountsTheRest() {
		List<PositionView> positions = nacks(1001, 1008);
		Readiness readiness = Readiness.assess(List.of(GPIO, VFS), List.of(WALLEIJ, VIRO), positions, List.of());
		SessionBuyIn.Summary summary = new SessionBuyIn(1L, List.of(GPIO, VFS), List.of(WALLEIJ, VIRO), positions,
				readiness)
			.summary(3);
		assertThat(summary.ready()).isFalse();
		assertThat(summary.affected()).isEqualTo(2);
		assertThat(summary.positions()).isEqualTo(8);
		assertThat(summary.missing()).containsExactly("GPIO: no maintainer has acked (walleij: no record)",
				"VFS: no maintainer has acked (viro: no record)", "Nacked-by Name of n1001 (n1001): No");
		assertThat(summary.moreMissing()).isEqualTo(2 + 8 - 3);
	}

	@Test
	void aReadySummaryHasNothingMissing() {
		List<PositionView> acks = List.of(position(10L, "walleij", Stance.SUPPORTS, null));
		Readiness readiness = Readiness.assess(List.of(GPIO), List.of(WALLEIJ), acks, List.of());
		SessionBuyIn.Summary summary = new SessionBuyIn(1L, List.of(GPIO), List.of(WALLEIJ), acks, readiness)
			.summary(3);
		assertThat(summary.ready()).isTrue();
		assertThat(summary.acked()).isEqualTo(1);
		assertThat(summary.missing()).isEmpty();
		assertThat(summary.moreMissing()).isZero();
	}

	/** So many maintainers of the subsystem, {@code m1}, {@code m2} and on. */
	static List<SubsystemMaintainer> crowd(SubsystemRef subsystem, long count) {
		return java.util.stream.LongStream.rangeClosed(1, count)
			.mapToObj((id) -> maintainer(subsystem, id, "m" + id, Role.MAINTAINER))
			.toList();
	}

	/**
	 * Nacks of people with ids from {@code first} to {@code last}, each handle n + id.
	 */
	static List<PositionView> nacks(long first, long last) {
		return java.util.stream.LongStream.rangeClosed(first, last)
			.mapToObj((id) -> position(id, "n" + id, Stance.OPPOSES, null).withRationale("No"))
			.toList();
	}

	static SubsystemMaintainer maintainer(SubsystemRef subsystem, Long personId, String handle, Role role) {
		return new SubsystemMaintainer(subsystem.id(), subsystem.slug(), subsystem.name(), personId, handle,
				"Name of " + handle, handle + "@example.org", role);
	}

	static PositionView position(Long personId, String handle, Stance stance, SubsystemRef speaksFor) {
		return new PositionView(personId * 100, 1L, personId, handle, "Name of " + handle, handle + "@example.org",
				stance, null, null, (speaksFor != null) ? speaksFor.id() : null,
				(speaksFor != null) ? speaksFor.slug() : null, (speaksFor != null) ? speaksFor.name() : null,
				EntryMethod.BY_MAINTAINER, handle, "Name of " + handle, Instant.EPOCH, Instant.EPOCH);
	}

}
