package org.summittracker;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(SummitTrackerApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		this.modules.verify();
	}

	@Test
	void everyFeatureIsAModuleAndNothingElseIs() {
		assertThat(this.modules.stream().map((module) -> module.getIdentifier().toString())).containsExactlyInAnyOrder(
				"account", "api", "audit", "backup", "benchmark", "concern", "demo", "directory", "event", "feed",
				"followup", "freshness", "mail", "material", "minutes", "notes", "people", "position", "proposal",
				"resolution", "search", "session", "shared", "system", "web");
	}

	@Test
	void sharedIsOpenToEveryModule() {
		assertThat(this.modules.getModuleByName("shared"))
			.hasValueSatisfying((shared) -> assertThat(shared.isOpen()).isTrue());
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(this.modules).writeDocumentation();
		Path docs = Path.of("target", "spring-modulith-docs");
		assertThat(docs.resolve("components.puml")).isNotEmptyFile();
		assertThat(docs.resolve("module-concern.puml")).isNotEmptyFile();
		assertThat(docs.resolve("module-concern.adoc")).isNotEmptyFile();
	}

}
