package org.summittracker.api;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.summittracker.shared.NotFoundException;

/**
 * Addresses under {@code /api} that name nothing: a 404 problem detail (not the HTML
 * error page), like every other answer of the API.
 */
@RestController
@Hidden
class UnknownApiRoutes {

	@RequestMapping("/api/**")
	void unknown() {
		throw new NotFoundException("No such API address; the routes are in /api/v1/openapi.json.");
	}

}
