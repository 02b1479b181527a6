package org.summittracker.account;

/**
 * The personal access token a JSON API request came with: its name (written into the
 * audit trail with every change made through it) and whether it may write.
 *
 * @param id the token's id
 * @param name the name its owner gave it
 * @param mayWrite whether it has the write scope (every token may read)
 * @param accountId the account it acts as
 */
public record ApiToken(long id, String name, boolean mayWrite, long accountId) {

	/** The request attribute that holds the {@link ApiToken} of a token request. */
	public static final String ATTRIBUTE = ApiToken.class.getName();

}
