package org.summittracker.account;

import org.springframework.security.access.AccessDeniedException;

/**
 * The signed-in actor may not do this. Answered with a 403 page that shows the message,
 * so it must say why in words a person understands (“Only organizers may record a
 * position for someone else.”). An anonymous request that ends here is sent to the login
 * page instead (or gets 401 when it does not ask for HTML).
 */
public class NotAllowedException extends AccessDeniedException {

	public NotAllowedException(String why) {
		super(why);
	}

}
