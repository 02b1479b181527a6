package org.summittracker.account.internal;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

class AccountNotFoundException extends ResponseStatusException {

	AccountNotFoundException(long id) {
		super(HttpStatus.NOT_FOUND, "No account " + id);
	}

}
