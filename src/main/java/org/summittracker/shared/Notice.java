package org.summittracker.shared;

import java.io.Serializable;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What a page says after a change, as a message code of {@code messages.properties} and
 * its arguments: “Filed the concern toolchain-stability.” Pages show it with
 * {@code #messages.msgWithParams(notice.code, notice.args)}.
 */
public record Notice(String code, Object... args) implements Serializable {

	/** The notice the page after the redirect shows at its top. */
	public static void flash(RedirectAttributes redirect, String code, Object... args) {
		redirect.addFlashAttribute("message", new Notice(code, args));
	}

}
