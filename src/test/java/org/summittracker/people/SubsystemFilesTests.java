package org.summittracker.people;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MAINTAINERS F:/X: patterns matched as get_maintainer matches them: directory prefixes,
 * wildcards at the pattern's depth, exact files, excludes.
 */
class SubsystemFilesTests {

	@Test
	void aDirectoryPatternCoversEverythingBelowIt() {
		assertThat(SubsystemFiles.matches("drivers/base/", "drivers/base/core.c")).isTrue();
		assertThat(SubsystemFiles.matches("drivers/base/", "drivers/base/power/main.c")).isTrue();
		assertThat(SubsystemFiles.matches("drivers/base/", "drivers/basement/x.c")).isFalse();
		// A directory named without its slash, as MAINTAINERS sometimes does.
		assertThat(SubsystemFiles.matches("rust/kernel", "rust/kernel/sync/arc.rs")).isTrue();
	}

	@Test
	void wildcardsMatchAtThePatternsDepthOnly() {
		assertThat(SubsystemFiles.matches("include/linux/device*.h", "include/linux/device.h")).isTrue();
		assertThat(SubsystemFiles.matches("include/linux/device*.h", "include/linux/device/bus.h")).isFalse();
		assertThat(SubsystemFiles.matches("drivers/usb/*", "drivers/usb/usb-skeleton.c")).isTrue();
		assertThat(SubsystemFiles.matches("drivers/usb/*", "drivers/usb/core/hub.c")).isFalse();
		assertThat(SubsystemFiles.matches("fs/ext?/", "fs/ext4/inode.c")).isFalse();
		assertThat(SubsystemFiles.matches("fs/ext?/*", "fs/ext4/inode.c")).isTrue();
	}

	@Test
	void anExactFileAndDotsAreLiteral() {
		assertThat(SubsystemFiles.matches("Documentation/rust/index.rst", "Documentation/rust/index.rst")).isTrue();
		assertThat(SubsystemFiles.matches("Documentation/rust/index.rst", "Documentation/rust/indexXrst")).isFalse();
	}

	@Test
	void anExcludeWins() {
		List<String> f = List.of("drivers/net/");
		List<String> x = List.of("drivers/net/wireless/");
		assertThat(SubsystemFiles.covers(f, x, "drivers/net/ethernet/intel/e1000/e1000_main.c")).isTrue();
		assertThat(SubsystemFiles.covers(f, x, "drivers/net/wireless/ath/ath9k/main.c")).isFalse();
		assertThat(SubsystemFiles.covers(List.of(), x, "drivers/net/loopback.c")).isFalse();
	}

}
