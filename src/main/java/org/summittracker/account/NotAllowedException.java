package org.summittracker.account;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.security.access.AccessDeniedException;

/**
 * The signed-in actor may not do this. Answered with a 403 page that shows the message,
 * so it must say why in words a person understands (“Only organizers may record a
 * position for someone else.”). An anonymous request that ends here is sent to the login
 * page instead (or gets 401 when it does not ask for HTML). The reason is either given in
 * words or, {@link #saying made with a message code}, looked up in
 * {@code messages.properties} where the refusal is shown (the 403 page, the API's problem
 * detail): both read it as a {@link MessageSourceResolvable}.
 */
public class NotAllowedException extends AccessDeniedException implements MessageSourceResolvable {

	private final String code;

	private final Object[] args;

	public NotAllowedException(String why) {
		super(why);
		this.code = null;
		this.args = null;
	}

	private NotAllowedException(String code, Object[] args) {
		// the code, for the log: the reason is read from the messages where it is shown
		super(code);
		this.code = code;
		this.args = args.clone();
	}

	/** Refused for the reason message {@code code} says, with {@code args}. */
	public static NotAllowedException saying(String code, Object... args) {
		return new NotAllowedException(code, args);
	}

	@Override
	public String[] getCodes() {
		return (this.code != null) ? new String[] { this.code } : null;
	}

	@Override
	public Object[] getArguments() {
		return (this.args != null) ? this.args.clone() : null;
	}

	@Override
	public String getDefaultMessage() {
		return (this.code != null) ? null : getMessage();
	}

}
