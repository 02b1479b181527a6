package org.summittracker.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import org.summittracker.shared.NotFoundException;
import org.summittracker.shared.Pages;

/**
 * {@code /proposals/{key}}: the life of a proposal across sessions and events, at its
 * permalink, and its history as Markdown or plain text for a mail to the list. It
 * combines proposals, buy-in and concerns, so it lives with the other pages that do (the
 * proposal module cannot see positions or concerns: they are about proposals).
 */
@Controller
class ProposalController {

	/**
	 * Concerns, people whose positions moved and sessions that discussed it, shown at
	 * most: the history export has them all (a proposal may gather thousands).
	 */
	static final int SHOWN = 100;

	/** Timeline entries a page. */
	static final int TIMELINE_PAGE = 200;

	private final ProposalLife life;

	ProposalController(ProposalLife life) {
		this.life = life;
	}

	@GetMapping("/proposals/{key:[a-z0-9][a-z0-9-]*}")
	String proposal(@PathVariable String key, @RequestParam(defaultValue = "1") int page, Model model) {
		ProposalLife.Life found = this.life.of(key, SHOWN)
			.orElseThrow(() -> new NotFoundException("No proposal " + key));
		model.addAttribute("life", found);
		model.addAttribute("shown", SHOWN);
		model.addAttribute("timeline", this.life.timeline(found, Pages.request(page, TIMELINE_PAGE)));
		model.addAttribute("proposal", found.proposal());
		model.addAttribute("buyIn", (found.buyIn() != null) ? found.buyIn().buyIn() : null);
		return "proposals/show";
	}

	@GetMapping("/proposals/{key:[a-z0-9][a-z0-9-]*}.{format}")
	void history(@PathVariable String key, @PathVariable String format, HttpServletResponse response)
			throws IOException {
		boolean markdown = "md".equals(format);
		if (!markdown && !"txt".equals(format)) {
			throw new NotFoundException("A proposal's history comes as md or txt, not " + format);
		}
		ProposalLife.Life found = find(key);
		response.setContentType((markdown ? "text/markdown" : "text/plain") + ";charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(key + "." + format).build().toString());
		PrintWriter out = new PrintWriter(
				new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)));
		ProposalHistoryText.write(found, markdown, (each) -> this.life.eachEntry(found, each), out);
		out.flush();
	}

	private ProposalLife.Life find(String key) {
		return this.life.of(key).orElseThrow(() -> new NotFoundException("No proposal " + key));
	}

}
