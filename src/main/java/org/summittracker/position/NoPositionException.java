package org.summittracker.position;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Nobody of that handle, or no position of theirs in the session: answered with the 404
 * page.
 */
public class NoPositionException extends ResponseStatusException {

	NoPositionException(String what) {
		super(HttpStatus.NOT_FOUND, what);
	}

}
