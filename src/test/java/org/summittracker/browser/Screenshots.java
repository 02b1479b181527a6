package org.summittracker.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Whole-page screenshots under target/screenshots, at a desktop and a phone width, and as
 * printed.
 */
final class Screenshots {

	static final Path FOLDER = Path.of("target", "screenshots");

	static final int DESKTOP = 1280;

	static final int PHONE = 390;

	/** About the width of an A4 page's printable area at 96 pixels an inch. */
	static final int PRINT = 700;

	private static final int TALLEST = 12000;

	private Screenshots() {
	}

	/**
	 * Shows the page {@code width} pixels wide (a phone's viewport when narrow) and
	 * answers how wide it lays out.
	 */
	static long showAt(ChromeDriver driver, int width) {
		metrics(driver, width, 844);
		return ((Number) driver.executeScript("return document.documentElement.scrollWidth")).longValue();
	}

	/** Writes {@code <name>-<width>.png} of the whole page at that width. */
	static Path take(ChromeDriver driver, String name, int width) {
		metrics(driver, width, 844);
		long height = ((Number) driver.executeScript("return document.documentElement.scrollHeight")).longValue();
		metrics(driver, width, (int) Math.min(Math.max(height, 200), TALLEST));
		try {
			Files.createDirectories(FOLDER);
			Path file = FOLDER.resolve(name + "-" + width + ".png");
			Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		}
	}

	/**
	 * Writes {@code <name>-print.png}: the page as the print stylesheet lays it out on
	 * A4-wide paper.
	 */
	static Path takePrinted(ChromeDriver driver, String name) {
		driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
		try {
			Path file = take(driver, name, PRINT);
			Path printed = file.resolveSibling(name + "-print.png");
			Files.move(file, printed, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			return printed;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
		}
	}

	private static void metrics(ChromeDriver driver, int width, int height) {
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width <= PHONE));
	}

}
