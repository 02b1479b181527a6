package org.summittracker.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Nothing is known under the slug, handle or key in the URL; answered with the 404 page.
 */
public class NotFoundException extends ResponseStatusException {

	public NotFoundException(String what) {
		super(HttpStatus.NOT_FOUND, what);
	}

}
