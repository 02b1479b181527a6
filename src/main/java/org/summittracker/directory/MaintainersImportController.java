package org.summittracker.directory;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import org.summittracker.account.Actor;
import org.summittracker.account.Actors;
import org.summittracker.account.CurrentActor;
import org.summittracker.people.MaintainersImport;
import org.summittracker.shared.Notice;
import org.summittracker.shared.RuleViolation;

/**
 * The administrators' page for importing a MAINTAINERS file.
 */
@Controller
class MaintainersImportController {

	private final MaintainersImport importer;

	private final Actors actors;

	MaintainersImportController(MaintainersImport importer, Actors actors) {
		this.importer = importer;
		this.actors = actors;
	}

	@GetMapping("/admin/imports/maintainers")
	String form() {
		return "people/import";
	}

	@PostMapping("/admin/imports/maintainers")
	String importFile(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "text", required = false) String text, @CurrentActor Actor actor, Model model,
			HttpServletResponse response) throws IOException {
		Actor admin = (actor != null) ? actor : this.actors.required();
		admin.require(admin.isAdmin(), "import.denied.admins");
		boolean hasFile = file != null && !file.isEmpty();
		if (!hasFile && (text == null || text.isBlank())) {
			return refuse(model, response, "import.file.required");
		}
		try (Reader reader = hasFile ? new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)
				: new StringReader(text)) {
			model.addAttribute("report", this.importer.importFrom(reader, admin.username()));
			return "people/import";
		}
		catch (RuleViolation ex) {
			return refuse(model, response, ex.problems().get(0).code());
		}
	}

	private static String refuse(Model model, HttpServletResponse response, String code) {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("error", new Notice(code));
		return "people/import";
	}

}
