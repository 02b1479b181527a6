package org.summittracker.audit;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.summittracker.shared.Pages;

/**
 * The whole audit trail, newest first, for administrators (the security configuration
 * admits only them to /admin); optionally one entity's entries.
 */
@Controller
class AuditController {

	static final int PAGE_SIZE = 50;

	private final AuditTrail trail;

	AuditController(AuditTrail trail) {
		this.trail = trail;
	}

	@GetMapping("/admin/audit")
	String list(@RequestParam(defaultValue = "1") int page, @RequestParam(required = false) String entity,
			@RequestParam(required = false) Long id, Model model) {
		PageRequest request = Pages.request(page, PAGE_SIZE);
		boolean oneEntity = entity != null && !entity.isBlank() && id != null;
		Page<AuditRecord> entries = oneEntity ? this.trail.ofEntity(entity, id, request) : this.trail.all(request);
		model.addAttribute("entries", entries);
		model.addAttribute("entity", oneEntity ? entity : null);
		model.addAttribute("entityId", oneEntity ? id : null);
		return "audit/list";
	}

}
