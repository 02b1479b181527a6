package org.summittracker.position;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.summittracker.people.Maintainership.Role;
import org.summittracker.people.SubsystemMaintainer;
import org.summittracker.position.Readiness.SubsystemRef;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readiness, table by table. Three affected subsystems: GPIO (walleij), VFS (viro;
 * brauner reviews), Bluetooth (holtmann, hedberg); gregkh maintains GPIO and VFS. A row
 * gives the positions ({@code handle=STANCE} or {@code handle=STANCE@slug} to speak for
 * one subsystem), the open blocking concerns ({@code !key}), the expected state of each
 * subsystem in order (A acked, B blocked, P pending) and whether the session is ready.
 */
class ReadinessTableTests {

	static final SubsystemRef GPIO = new SubsystemRef(1L, "gpio", "GPIO");

	static final SubsystemRef VFS = new SubsystemRef(2L, "vfs", "VFS");

	static final SubsystemRef BT = new SubsystemRef(3L, "bluetooth", "Bluetooth");

	static final Map<String, Long> IDS = Map.of("walleij", 10L, "viro", 20L, "brauner", 21L, "holtmann", 30L, "hedberg",
			31L, "gregkh", 40L, "torvalds", 50L);

	static final List<SubsystemMaintainer> MAINTAINERS = List.of(m(GPIO, "walleij", Role.MAINTAINER),
			m(VFS, "viro", Role.MAINTAINER), m(VFS, "brauner", Role.REVIEWER), m(BT, "holtmann", Role.MAINTAINER),
			m(BT, "hedberg", Role.MAINTAINER), m(GPIO, "gregkh", Role.MAINTAINER), m(VFS, "gregkh", Role.MAINTAINER));

	static Stream<Arguments> table() {
		return Stream.of(row("nobody has a position", "", "PPP", false),
				row("every subsystem acked", "walleij=SUPPORTS viro=SUPPORTS holtmann=SUPPORTS", "AAA", true),
				row("conditional acks count",
						"walleij=SUPPORTS_WITH_CONDITIONS viro=SUPPORTS_WITH_CONDITIONS "
								+ "hedberg=SUPPORTS_WITH_CONDITIONS",
						"AAA", true),
				row("one of two Bluetooth maintainers is enough", "walleij=SUPPORTS viro=SUPPORTS hedberg=SUPPORTS",
						"AAA", true),
				row("one subsystem missing", "walleij=SUPPORTS viro=SUPPORTS", "AAP", false),
				row("no objection is not an ack", "walleij=SUPPORTS viro=NO_OBJECTION holtmann=SUPPORTS", "APA", false),
				row("undecided is not an ack", "walleij=UNDECIDED viro=SUPPORTS holtmann=SUPPORTS", "PAA", false),
				row("concerned is not an ack", "walleij=SUPPORTS viro=CONCERNED holtmann=SUPPORTS", "APA", false),
				row("a maintainer opposing blocks their subsystem", "walleij=OPPOSES viro=SUPPORTS holtmann=SUPPORTS",
						"BAA", false),
				row("a nack beats a co-maintainer's ack",
						"walleij=SUPPORTS viro=SUPPORTS holtmann=SUPPORTS " + "hedberg=OPPOSES", "AAB", false),
				row("a reviewer cannot ack", "walleij=SUPPORTS brauner=SUPPORTS holtmann=SUPPORTS", "APA", false),
				row("a reviewer opposing does not block the subsystem but the session",
						"walleij=SUPPORTS viro=SUPPORTS holtmann=SUPPORTS brauner=OPPOSES", "AAA", false),
				row("an outsider opposing makes the session not ready",
						"walleij=SUPPORTS viro=SUPPORTS holtmann=SUPPORTS torvalds=OPPOSES", "AAA", false),
				row("an outsider's ack counts for nothing", "torvalds=SUPPORTS", "PPP", false),
				row("an outsider's conditional ack keeps a ready session ready",
						"walleij=SUPPORTS viro=SUPPORTS holtmann=SUPPORTS torvalds=SUPPORTS_WITH_CONDITIONS", "AAA",
						true),
				row("an open blocking concern stops a fully acked session",
						"walleij=SUPPORTS viro=SUPPORTS holtmann=SUPPORTS !bisection", "AAA", false),
				row("two blocking concerns", "walleij=SUPPORTS viro=SUPPORTS holtmann=SUPPORTS !bisection !layout",
						"AAA", false),
				row("a blocking concern and a pending subsystem", "walleij=SUPPORTS !bisection", "APP", false),
				row("a maintainer of two subsystems acks both", "gregkh=SUPPORTS holtmann=SUPPORTS", "AAA", true),
				row("speaking for one subsystem acks only that one", "gregkh=SUPPORTS@gpio holtmann=SUPPORTS", "APA",
						false),
				row("speaking for VFS acks VFS only", "gregkh=SUPPORTS@vfs holtmann=SUPPORTS", "PAA", false),
				row("a nack speaking for one subsystem blocks that one",
						"gregkh=OPPOSES@vfs walleij=SUPPORTS holtmann=SUPPORTS", "ABA", false),
				row("a nack for every subsystem one maintains blocks them all", "gregkh=OPPOSES holtmann=SUPPORTS",
						"BBA", false),
				row("speaking for a subsystem one does not maintain counts nowhere",
						"walleij=SUPPORTS@vfs viro=SUPPORTS holtmann=SUPPORTS", "PAA", false),
				row("everyone noncommittal", "walleij=NO_OBJECTION viro=UNDECIDED holtmann=CONCERNED", "PPP", false),
				row("all blocked", "walleij=OPPOSES viro=OPPOSES hedberg=OPPOSES", "BBB", false),
				row("acked but a co-maintainer is undecided",
						"holtmann=SUPPORTS hedberg=UNDECIDED walleij=SUPPORTS " + "viro=SUPPORTS", "AAA", true),
				row("acked but a co-maintainer is concerned",
						"holtmann=SUPPORTS hedberg=CONCERNED walleij=SUPPORTS " + "viro=SUPPORTS", "AAA", true),
				row("a blocking concern alone", "!bisection", "PPP", false), row("a nack and a blocking concern",
						"walleij=OPPOSES viro=SUPPORTS holtmann=SUPPORTS !bisection", "BAA", false));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("table")
	void readinessFollowsTheRules(String description, String spec, String states, boolean ready) {
		List<PositionView> positions = new ArrayList<>();
		List<String> blocking = new ArrayList<>();
		for (String part : spec.split(" ")) {
			if (part.isBlank()) {
				continue;
			}
			if (part.startsWith("!")) {
				blocking.add(part.substring(1));
				continue;
			}
			String[] handleStance = part.split("=");
			String[] stanceFor = handleStance[1].split("@");
			SubsystemRef speaksFor = (stanceFor.length > 1)
					? Stream.of(GPIO, VFS, BT).filter((s) -> s.slug().equals(stanceFor[1])).findFirst().orElseThrow()
					: null;
			positions.add(position(handleStance[0], Stance.valueOf(stanceFor[0]), speaksFor));
		}
		Readiness readiness = Readiness.assess(List.of(GPIO, VFS, BT), MAINTAINERS, positions, blocking);
		Map<String, String> expected = new LinkedHashMap<>();
		Map<String, String> actual = new LinkedHashMap<>();
		List<SubsystemRef> refs = List.of(GPIO, VFS, BT);
		for (int i = 0; i < refs.size(); i++) {
			expected.put(refs.get(i).slug(), String.valueOf(states.charAt(i)));
			actual.put(refs.get(i).slug(), readiness.of(refs.get(i).slug()).state().name().substring(0, 1));
		}
		assertThat(actual).as(description).isEqualTo(expected);
		assertThat(readiness.isReady()).as(description).isEqualTo(ready);
		assertThat(readiness.missing().isEmpty()).as("nothing is missing exactly when ready").isEqualTo(ready);
		blocking.forEach((key) -> assertThat(readiness.missing()).contains("Blocking concern open: " + key));
		Arrays.stream(states.split(""))
			.filter("B"::equals)
			.findAny()
			.ifPresent((b) -> assertThat(readiness.missing()).anyMatch((line) -> line.contains("Nacked-by")));
	}

	static Arguments row(String description, String spec, String states, boolean ready) {
		return Arguments.of(description, spec, states, ready);
	}

	static SubsystemMaintainer m(SubsystemRef subsystem, String handle, Role role) {
		return new SubsystemMaintainer(subsystem.id(), subsystem.slug(), subsystem.name(), IDS.get(handle), handle,
				"Name of " + handle, handle + "@example.org", role);
	}

	static PositionView position(String handle, Stance stance, SubsystemRef speaksFor) {
		Long personId = IDS.get(handle);
		return new PositionView(personId * 100, 1L, personId, handle, "Name of " + handle, handle + "@example.org",
				stance, (stance == Stance.SUPPORTS_WITH_CONDITIONS) ? "tests first" : null,
				(stance == Stance.OPPOSES) ? "not yet" : null, (speaksFor != null) ? speaksFor.id() : null,
				(speaksFor != null) ? speaksFor.slug() : null, (speaksFor != null) ? speaksFor.name() : null,
				EntryMethod.BY_MAINTAINER, handle, "Name of " + handle, Instant.EPOCH, Instant.EPOCH);
	}

}
