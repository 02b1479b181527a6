package org.summittracker.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import org.summittracker.shared.NotFoundException;
import org.summittracker.shared.Pages;
import org.summittracker.shared.SectionPages;

/**
 * {@code /proposals/{key}}: the life of a proposal across sessions and events, at its
 * permalink, and its history as Markdown or plain text for a mail to the list. It
 * combines proposals, buy-in and concerns, so it lives with the other pages that do (the
 * proposal module cannot see positions or concerns: they are about proposals).
 */
@Controller
class ProposalController {

	/**
	 * Sessions that discussed it, a page of them ({@code discussed}): the history export
	 * has them all (a proposal may gather thousands of everything).
	 */
	static final int SHOWN = 25;

	/**
	 * Concerns a page of them shows: each comes with its last steps (about 2.7 KB of HTML
	 * on skewed data), so 25 are a screen or two to read, not the 270 KB of 100.
	 */
	static final int CONCERNS_PAGE = 25;

	/** People whose positions moved, a page of them: a table and a list each. */
	static final int PEOPLE_PAGE = 25;

	/**
	 * Sessions the movement table has a column for: the last ones, with links to the
	 * earlier ones (a proposal may be discussed at hundreds of sessions, a column each).
	 */
	static final int COLUMNS = 10;

	/**
	 * Rows of the buy-in table: the affected subsystems' maintainers first; the session's
	 * buy-in pages have them all, and the readiness above names what is missing. A row
	 * holds a person's conditions, which may run to kilobytes.
	 */
	static final int BUY_IN_SHOWN = 15;

	/** Timeline entries a page. */
	static final int TIMELINE_PAGE = 50;

	private final ProposalLife life;

	ProposalController(ProposalLife life) {
		this.life = life;
	}

	/**
	 * The proposal's page: its readiness, then a page of each long section, each paged on
	 * its own ({@code discussed} for the sessions that discussed it, {@code concerns},
	 * {@code movements}, {@code sessions} for the movement table's columns counted back
	 * from the last session, {@code page} for the timeline), each pager's links keeping
	 * the others' pages.
	 */
	@GetMapping("/proposals/{key:[a-z0-9][a-z0-9-]*}")
	String proposal(@PathVariable String key, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "1") int concerns, @RequestParam(defaultValue = "1") int movements,
			@RequestParam(defaultValue = "1") int sessions, @RequestParam(defaultValue = "1") int discussed,
			Model model) {
		Pageable discussedPage = Pages.request(discussed, SHOWN);
		Pageable concernPage = Pages.request(concerns, CONCERNS_PAGE);
		Pageable peoplePage = Pages.request(movements, PEOPLE_PAGE);
		ProposalLife.Life found = this.life.of(key, concernPage, peoplePage)
			.orElseThrow(() -> new NotFoundException("No proposal " + key));
		Page<ProposalLife.Entry> timeline = this.life.timeline(found, Pages.request(page, TIMELINE_PAGE));
		Page<ProposalLife.DiscussedIn> discussedAt = ProposalPageView.discussedAt(found.sessions(), discussedPage);
		SectionPages links = ProposalPageView.links(key, discussedAt.getNumber() + 1, concernPage.getPageNumber() + 1,
				peoplePage.getPageNumber() + 1, sessions, timeline.getNumber() + 1);
		model.addAttribute("life", found);
		model.addAttribute("discussedAt", discussedAt);
		model.addAttribute("discussedPages", ProposalPageView.pager(discussedAt, links, "discussed"));
		model.addAttribute("timeline", timeline);
		model.addAttribute("proposal", found.proposal());
		model.addAttribute("buyIn", (found.buyIn() != null) ? found.buyIn().buyIn() : null);
		model.addAttribute("buyInRows", (found.buyIn() != null) ? found.buyIn().buyIn().firstRows(BUY_IN_SHOWN) : null);
		model.addAttribute("concernPages", ProposalPageView
			.pager(new PageImpl<>(found.concerns(), concernPage, found.concernCount()), links, "concerns"));
		model.addAttribute("peoplePages", ProposalPageView
			.pager(new PageImpl<>(found.movements(), peoplePage, found.movementCount()), links, "movements"));
		model.addAttribute("timelinePages", ProposalPageView.pager(timeline, links, "page"));
		model.addAttribute("movementTable",
				ProposalPageView.MovementTable.of(found.sessions(), found.movements(), sessions, COLUMNS, links));
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
		ProposalHistoryText.write(found, markdown, (each) -> this.life.eachConcern(found, each),
				(each) -> this.life.eachMovement(found, each), (each) -> this.life.eachEntry(found, each), out);
		out.flush();
	}

	private ProposalLife.Life find(String key) {
		return this.life.forHistory(key).orElseThrow(() -> new NotFoundException("No proposal " + key));
	}

}
