package org.summittracker;

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
	void everyFeatureIsAModule() {
		assertThat(this.modules.stream().map((module) -> module.getIdentifier().toString())).contains("event",
				"session", "people", "concern", "position", "resolution", "followup", "account", "audit", "web", "demo",
				"backup", "system");
	}

	@Test
	void writesModuleDocumentation() {
		Documenter documenter = new Documenter(this.modules);
		documenter.writeModulesAsPlantUml();
		assertThat(java.nio.file.Path.of("target", "spring-modulith-docs", "components.puml")).isNotEmptyFile();
	}

}
