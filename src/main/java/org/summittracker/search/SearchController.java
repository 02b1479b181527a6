package org.summittracker.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import org.summittracker.shared.Choice;
import org.summittracker.shared.Pages;

/**
 * {@code /search?q=}: the search box's answer, with the filters in the URL (kind, event,
 * year, subsystem, person) and 25 results a page.
 */
@Controller
class SearchController {

	private final Search search;

	SearchController(Search search) {
		this.search = search;
	}

	/** The URL's parameters, bound by type; any of them missing. */
	record SearchForm(String q, String kind, String event, Integer year, String subsystem, String person,
			Integer page) {

		Map<String, String> params() {
			Map<String, String> params = new LinkedHashMap<>();
			put(params, "q", this.q);
			put(params, "kind", this.kind);
			put(params, "event", this.event);
			put(params, "year", (this.year != null) ? this.year.toString() : null);
			put(params, "subsystem", this.subsystem);
			put(params, "person", this.person);
			return params;
		}

		private static void put(Map<String, String> params, String name, String value) {
			if (value != null && !value.isBlank()) {
				params.put(name, value.strip());
			}
		}

		String text() {
			return (this.q != null) ? this.q.strip() : "";
		}

	}

	/** Words of letters and digits only, separated by blanks. */
	private static final Pattern PLAIN_WORDS = Pattern.compile("[\\p{L}\\p{N}]+(\\s+[\\p{L}\\p{N}]+)*");

	@GetMapping("/search")
	String search(@ModelAttribute("form") SearchForm form, BindingResult binding, Model model,
			HttpServletResponse response) {
		Map<String, String> params = form.params();
		List<Search.EventOption> events = this.search.events();
		model.addAttribute("params", params);
		model.addAttribute("kindChoices",
				List.of(Kind.values()).stream().map((k) -> Choice.coded(k.word(), "search.kind." + k.name())).toList());
		model.addAttribute("eventChoices", events.stream().map((e) -> Choice.of(e.slug(), e.name())).toList());
		model.addAttribute("yearChoices",
				events.stream()
					.map(Search.EventOption::year)
					.distinct()
					.map((y) -> Choice.of(y, y.toString()))
					.toList());
		Map<String, String> withoutKind = new LinkedHashMap<>(params);
		withoutKind.remove("kind");
		model.addAttribute("kindBase", Pages.base("/search", withoutKind));
		model.addAttribute("base", Pages.base("/search", params));
		model.addAttribute("kinds", Kind.values());
		model.addAttribute("maxLength", SearchText.MAX_LENGTH);
		model.addAttribute("cap", Search.CAP);
		Optional<Kind> kind = Optional.empty();
		if (params.containsKey("kind")) {
			kind = Kind.ofParam(params.get("kind"));
			if (kind.isEmpty()) {
				binding.rejectValue("kind", "search.kind.unknown", new Object[] { params.get("kind") }, null);
			}
		}
		if (form.text().length() > SearchText.MAX_LENGTH) {
			binding.rejectValue("q", "search.too-long", new Object[] { SearchText.MAX_LENGTH }, null);
		}
		if (binding.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return "search/results";
		}
		if (!form.text().isEmpty()) {
			Search.Filters filters = new Search.Filters(kind.orElse(null), params.get("event"), form.year(),
					params.get("subsystem"), params.get("person"));
			model.addAttribute("results",
					this.search.search(form.text(), filters, (form.page() != null) ? form.page() : 1));
			String prefixes = prefixes(form.text());
			if (prefixes != null) {
				Map<String, String> withPrefixes = new LinkedHashMap<>(params);
				withPrefixes.put("q", prefixes);
				withPrefixes.remove("page");
				model.addAttribute("prefixes", prefixes);
				model.addAttribute("prefixSearch", Pages.base("/search", withPrefixes));
			}
		}
		return "search/results";
	}

	/**
	 * The same words as prefixes ({@code firm} as {@code firm*}), for a search of plain
	 * words, which matches whole words only: offered when it finds nothing, since a
	 * reader often remembers only part of a word. Null for a search with operators.
	 */
	static String prefixes(String text) {
		if (!PLAIN_WORDS.matcher(text).matches() || text.equalsIgnoreCase("or")) {
			return null;
		}
		return Stream.of(text.split("\\s+"))
			.map((word) -> word.equalsIgnoreCase("or") ? word : word + "*")
			.collect(Collectors.joining(" "));
	}

}
