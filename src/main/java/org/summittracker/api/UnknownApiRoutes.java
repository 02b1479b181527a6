package org.summittracker.api;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import org.summittracker.shared.NotFoundException;

/**
 * Requests under {@code /api} that no route answers, as problem details (not the HTML
 * error page), like every other answer of the API: 405 (with {@code Allow}) for a method
 * the address does not take, 406 for an {@code Accept} it cannot answer, 404 for an
 * address that names nothing. This catch-all matches every method and media type, so
 * without looking at the other routes it would answer 404 to all of them.
 */
@RestController
@Hidden
class UnknownApiRoutes {

	private static final String CATCH_ALL = "/api/**";

	/** Looked up when asked (there is none without a web server: the backup command). */
	private final ObjectProvider<RequestMappingHandlerMapping> mappings;

	UnknownApiRoutes(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
		this.mappings = mappings;
	}

	@RequestMapping(CATCH_ALL)
	void unknown(HttpServletRequest request) throws Exception {
		Set<String> allowed = new LinkedHashSet<>();
		List<MediaType> producible = new ArrayList<>();
		boolean methodMatched = false;
		for (RequestMappingInfo info : this.mappings.getObject().getHandlerMethods().keySet()) {
			PathPatternsRequestCondition paths = info.getPathPatternsCondition();
			if (paths == null || paths.getPatternValues().contains(CATCH_ALL)
					|| paths.getMatchingCondition(request) == null) {
				continue;
			}
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			methods.forEach((method) -> allowed.add(method.name()));
			if (info.getMethodsCondition().getMatchingCondition(request) == null) {
				continue;
			}
			methodMatched = true;
			if (info.getProducesCondition().getMatchingCondition(request) == null) {
				producible.addAll(info.getProducesCondition().getProducibleMediaTypes());
			}
		}
		if (!allowed.isEmpty() && !methodMatched) {
			if (allowed.contains("GET")) {
				allowed.add("HEAD");
			}
			throw new HttpRequestMethodNotSupportedException(request.getMethod(), allowed);
		}
		if (methodMatched && !producible.isEmpty()) {
			throw new HttpMediaTypeNotAcceptableException(producible);
		}
		throw new NotFoundException("No such API address; the routes are in /api/v1/openapi.json.");
	}

}
