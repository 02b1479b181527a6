package org.summittracker.account;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.summittracker.support.Fixture;

/**
 * What the tests that try every data-changing route share: who is signed in, and what a
 * probe acts on.
 */
final class ProbeSetUp {

	private static final AtomicInteger sessions = new AtomicInteger();

	private final Fixture fixture;

	private final ApplicationContext context;

	ProbeSetUp(Fixture fixture, ApplicationContext context) {
		this.fixture = fixture;
		this.context = context;
	}

	/**
	 * A maintainer, an organizer and an administrator (also an organizer), each with an
	 * account of their own, signed in through the login form.
	 */
	SignedIn signInEach(MockMvc mvc) throws Exception {
		String maintainer = this.fixture.personWithAccount("maintainer", Role.MAINTAINER);
		return new SignedIn(maintainer, this.fixture.signIn(mvc, maintainer),
				this.fixture.signIn(mvc, this.fixture.personWithAccount("organizer", Role.ORGANIZER)),
				this.fixture.signIn(mvc, this.fixture.personWithAccount("admin", Role.ADMIN, Role.ORGANIZER)));
	}

	/**
	 * What a probe acts on: the person {@code handle} (who has an account) and a fresh
	 * event with one session.
	 */
	Probe.Target target(String handle) {
		String[] path = this.fixture.session("matrix-" + sessions.incrementAndGet(), 0, 0, 0).split("/");
		return new Probe.Target(this.fixture.personId(handle), handle, this.fixture.accountId(handle),
				this.fixture.accountVersion(handle), path[2], path[4], this.context::getBean);
	}

	/** The target of a probe tried as {@code who}. */
	Probe.Target target(Probe.Who who, SignedIn signedIn) {
		return target((who == Probe.Who.MAINTAINER_ON_SELF) ? signedIn.maintainer()
				: this.fixture.personWithAccount("other", Role.MAINTAINER));
	}

	/** The signed-in HTTP sessions of {@link #signInEach}. */
	record SignedIn(String maintainer, MockHttpSession maintainerSession, MockHttpSession organizerSession,
			MockHttpSession adminSession) {

		/**
		 * The HTTP session a probe's {@link Probe.Who} sends, a fresh one for anonymous.
		 */
		MockHttpSession of(Probe.Who who) {
			return switch (who) {
				case ANONYMOUS -> new MockHttpSession();
				case MAINTAINER_ON_SELF, MAINTAINER_ON_ANOTHER -> this.maintainerSession;
				case ORGANIZER -> this.organizerSession;
				case ADMIN -> this.adminSession;
			};
		}

	}

}
