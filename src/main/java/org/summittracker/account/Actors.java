package org.summittracker.account;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import org.summittracker.account.internal.AccountPrincipal;

/**
 * The actor of the current request, read from the security context (built from the
 * account as the database holds it, at each signed-in request: role changes and disabled
 * accounts take effect at once). Also available to templates as {@code @actors}.
 */
@Component("actors")
public class Actors {

	public Optional<Actor> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal) {
			return Optional.of(principal.actor());
		}
		return Optional.empty();
	}

	/**
	 * The current actor, or a {@link NotAllowedException} (so anonymous requests go to
	 * the login page).
	 */
	public Actor required() {
		return current().orElseThrow(() -> NotAllowedException.saying("denied.sign-in"));
	}

}
