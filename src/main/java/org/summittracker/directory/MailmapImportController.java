package org.summittracker.directory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import org.summittracker.account.Actor;
import org.summittracker.account.CurrentActor;
import org.summittracker.shared.Notice;
import org.summittracker.shared.RuleViolation;

/**
 * Organizers and administrators import a {@code .mailmap}: its aliases become further
 * addresses of the people already here.
 */
@Controller
class MailmapImportController {

	private final MailmapImport importer;

	MailmapImportController(MailmapImport importer) {
		this.importer = importer;
	}

	@GetMapping("/imports/mailmap")
	String form(@CurrentActor Actor actor) {
		MailmapImport.requireMayImport(actor);
		return "people/mailmap";
	}

	@PostMapping("/imports/mailmap")
	String importFile(@CurrentActor Actor actor, @RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "text", required = false) String text, Model model, HttpServletResponse response)
			throws IOException {
		MailmapImport.requireMayImport(actor);
		boolean hasFile = file != null && !file.isEmpty();
		if (hasFile && file.getSize() > MailmapImport.TEXT_MAX) {
			return refuse(model, response,
					new RuleViolation("file", "text.too-long", MailmapImport.TEXT_MAX, file.getSize()));
		}
		try {
			String content = hasFile ? new String(file.getBytes(), StandardCharsets.UTF_8) : text;
			model.addAttribute("report", this.importer.importFrom(content, actor));
			return "people/mailmap";
		}
		catch (RuleViolation ex) {
			return refuse(model, response, ex);
		}
	}

	private static String refuse(Model model, HttpServletResponse response, RuleViolation ex) {
		response.setStatus(422);
		RuleViolation.Problem problem = ex.problems().get(0);
		model.addAttribute("error", new Notice(problem.code(), problem.args()));
		return "people/mailmap";
	}

}
