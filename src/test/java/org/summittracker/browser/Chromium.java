package org.summittracker.browser;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through Debian's chromedriver; Selenium Manager never
 * downloads anything.
 */
final class Chromium {

	static final File BROWSER = new File(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

	static final File DRIVER = new File(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));

	private Chromium() {
	}

	/** A fresh browser that saves downloads to {@code downloads}. */
	static ChromeDriver start(Path downloads) {
		if (!BROWSER.canExecute() || !DRIVER.canExecute()) {
			throw new IllegalStateException("The browser tests need " + BROWSER + " and " + DRIVER
					+ ": install Debian's chromium and chromium-driver (bash .ci/run does)");
		}
		// Naming the driver binary keeps Selenium Manager from looking for (and
		// downloading) one.
		System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, DRIVER.getAbsolutePath());
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BROWSER);
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en");
		options.setExperimentalOption("prefs",
				Map.of("download.default_directory", downloads.toAbsolutePath().toString(),
						"download.prompt_for_download", false, "safebrowsing.enabled", false));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return driver;
	}

}
