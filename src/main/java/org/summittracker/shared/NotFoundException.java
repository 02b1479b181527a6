package org.summittracker.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Nothing is known under the slug, handle, key or id in the URL; answered with the 404
 * page. The reason is for the log, not the page.
 */
public class NotFoundException extends ResponseStatusException {

	public NotFoundException(String what) {
		super(HttpStatus.NOT_FOUND, what);
	}

}
