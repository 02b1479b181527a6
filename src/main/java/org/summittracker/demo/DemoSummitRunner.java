package org.summittracker.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

import org.summittracker.system.ExclusiveTasks;

/**
 * Loads the demo summit at start-up unless {@code summit.demo-data.enabled=false}.
 */
@Component
@ConditionalOnBooleanProperty(name = "summit.demo-data.enabled", matchIfMissing = true)
class DemoSummitRunner implements ApplicationRunner {

	private final DemoSummitLoader loader;

	private final ExclusiveTasks tasks;

	DemoSummitRunner(DemoSummitLoader loader, ExclusiveTasks tasks) {
		this.loader = loader;
		this.tasks = tasks;
	}

	@Override
	public void run(ApplicationArguments args) {
		// Instances starting together load it once.
		this.tasks.run("demo-data", this.loader::load);
	}

}
