package org.summittracker.benchmark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import org.summittracker.concern.ConcernCategory;
import org.summittracker.concern.ConcernCategoryRepository;

/**
 * The bare page of this application that scripts/benchmark measures every page against,
 * in the manner of TechEmpower's Fortunes: rows read through JPA (a repository's
 * {@code findAll}, in a read-only transaction, as TechEmpower's Spring entry reads them:
 * entities, never kept), one more added in memory, sorted, and rendered escaped by
 * Thymeleaf without the site layout. It is never cached, so it costs what a plain page of
 * this stack costs.
 */
@Controller
class ReferencePageController {

	static final String PATH = "/benchmark/reference";

	private final ConcernCategoryRepository categories;

	ReferencePageController(ConcernCategoryRepository categories) {
		this.categories = categories;
	}

	@GetMapping(PATH)
	String reference(Model model) {
		List<Row> rows = new ArrayList<>();
		for (ConcernCategory category : this.categories.findAll()) {
			rows.add(new Row(category.getId(), category.getName()));
		}
		rows.add(new Row(0L, "Added at request time: <script>alert(\"escaped\")</script>"));
		rows.sort(Comparator.comparing(Row::name));
		model.addAttribute("rows", rows);
		return "benchmark/reference";
	}

	record Row(Long id, String name) {
	}

}
