package org.summittracker.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Loads the demo summit at start-up unless {@code summit.demo-data.enabled=false}.
 */
@Component
@ConditionalOnBooleanProperty(name = "summit.demo-data.enabled", matchIfMissing = true)
class DemoSummitRunner implements ApplicationRunner {

	private final DemoSummitLoader loader;

	DemoSummitRunner(DemoSummitLoader loader) {
		this.loader = loader;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.loader.load();
	}

}
