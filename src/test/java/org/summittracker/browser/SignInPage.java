package org.summittracker.browser;

import java.util.function.Function;

/** {@code /login}: the sign-in form. */
public class SignInPage extends Page {

	SignInPage(Reader reader) {
		super(reader);
	}

	/** Fills in the form and presses "Sign in"; answers the page it leads to. */
	public <P extends Page> P signsIn(String username, String password, Function<Reader, P> next) {
		fillsIn("Username", username);
		fillsIn("Password", password);
		return pressesButton("Sign in", next);
	}

	/** Signs in with a password that is not right, and stays here. */
	public SignInPage failsToSignIn(String username, String password) {
		return signsIn(username, password, SignInPage::new);
	}

}
