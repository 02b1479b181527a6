package org.summittracker.account;

import java.util.regex.Pattern;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.security.access.AccessDeniedException;

/**
 * The signed-in actor may not do this. Answered with a 403 page that shows the reason, so
 * it must say why in words a person understands (“Only organizers may record a position
 * for someone else.”). An anonymous request that ends here is sent to the login page
 * instead (or gets 401 when it does not ask for HTML). The reason is a message code, with
 * its arguments, looked up in {@code messages.properties} where the refusal is shown (the
 * 403 page, the API's problem detail): both read it as a {@link MessageSourceResolvable}.
 */
public class NotAllowedException extends AccessDeniedException implements MessageSourceResolvable {

	/** What a message code looks like: no words, no spaces. */
	private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9]*(?:[.\\-][a-z0-9]+)*");

	private final String code;

	private final Object[] args;

	private NotAllowedException(String code, Object[] args) {
		// the code, for the log: the reason is read from the messages where it is shown
		super(code);
		if (code == null || !CODE.matcher(code).matches()) {
			throw new IllegalArgumentException("A refusal names a message code, not a sentence: " + code);
		}
		this.code = code;
		this.args = args.clone();
	}

	/** Refused for the reason message {@code code} says, with {@code args}. */
	public static NotAllowedException saying(String code, Object... args) {
		return new NotAllowedException(code, args);
	}

	@Override
	public String[] getCodes() {
		return new String[] { this.code };
	}

	@Override
	public Object[] getArguments() {
		return this.args.clone();
	}

	@Override
	public String getDefaultMessage() {
		return null;
	}

}
