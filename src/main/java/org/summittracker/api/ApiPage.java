package org.summittracker.api;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.data.domain.Page;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import org.summittracker.shared.Pages;
import org.summittracker.shared.PastTheEnd;

/**
 * One page of a list, as every list endpoint answers it: the items, and where the page
 * is. Pages count from 1; the {@code Link} header names the first, previous, next and
 * last pages (RFC 8288), as addresses relative to the server. A page past the last one
 * (an empty list has one) is not found: a problem naming the last page
 * ({@link PastTheEnd}).
 *
 * @param <T> what is listed
 * @param items this page's items
 * @param page this page's number, from 1
 * @param size at most this many items a page
 * @param totalItems how many items all pages hold
 * @param totalPages how many pages there are
 */
public record ApiPage<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

	static final int DEFAULT_SIZE = 25;

	static final int MAX_SIZE = 100;

	static <S, T> ResponseEntity<ApiPage<T>> of(Page<S> found, Function<S, T> item) {
		PastTheEnd.check(found, "page", null, null);
		ApiPage<T> body = new ApiPage<>(found.getContent().stream().map(item).toList(), found.getNumber() + 1,
				found.getSize(), found.getTotalElements(), found.getTotalPages());
		List<String> links = new ArrayList<>();
		int last = Math.max(1, found.getTotalPages());
		links.add(link(1, "first"));
		if (body.page() > 1) {
			links.add(link(Math.min(body.page() - 1, last), "prev"));
		}
		if (body.page() < last) {
			links.add(link(body.page() + 1, "next"));
		}
		links.add(link(last, "last"));
		return ResponseEntity.ok().header(HttpHeaders.LINK, String.join(", ", links)).body(body);
	}

	/** The page a request asks for: {@code page} from 1, {@code size} from 1 to 100. */
	static org.springframework.data.domain.PageRequest request(Integer page, Integer size) {
		int chosen = (size == null) ? DEFAULT_SIZE : size;
		if (chosen < 1 || chosen > MAX_SIZE) {
			throw new ApiProblem.BadParameter("size", "Give a page size from 1 to " + MAX_SIZE + ".");
		}
		if (page != null && page < 1) {
			throw new ApiProblem.BadParameter("page", "Pages count from 1.");
		}
		return Pages.request((page == null) ? 1 : page, chosen);
	}

	private static String link(int page, String rel) {
		HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
			.getRequest();
		UriComponentsBuilder query = UriComponentsBuilder.newInstance();
		new TreeMap<>(request.getParameterMap()).forEach((name, values) -> {
			if (!"page".equals(name)) {
				query.queryParam(name, (Object[]) values);
			}
		});
		query.queryParam("page", page);
		return "<" + request.getRequestURI() + "?" + query.encode().build().getQuery() + ">; rel=\"" + rel + "\"";
	}

}
