package org.summittracker.demo;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether demo data (and so the demo accounts with their well-known password) is on; the
 * layout's banner reads it as {@code @demoMode.enabled}.
 */
@Component("demoMode")
class DemoMode {

	private final boolean enabled;

	DemoMode(@Value("${summit.demo-data.enabled:true}") boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

}
