package org.summittracker.minutes;

import java.util.List;

/**
 * The plain-text minutes' word wrap at 72 columns, for other text written to be pasted
 * into a mail to the list (a proposal's history), so that it wraps as the minutes do.
 */
public final class TextWrap {

	/** The width lines are wrapped at. */
	public static final int WIDTH = TextMinutes.WIDTH;

	private TextWrap() {
	}

	/**
	 * The text's lines wrapped at {@link #WIDTH}: the first line indented by
	 * {@code firstIndent}, the others by {@code restIndent}; each line break of the text
	 * starts a new line, and a single word longer than a line (a link, say) stands alone.
	 */
	public static List<String> lines(String text, String firstIndent, String restIndent) {
		return TextMinutes.lines(text, firstIndent, restIndent, WIDTH);
	}

}
