package org.summittracker.account;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.summittracker.account.Probe.Target;
import org.summittracker.mail.BuyInAsks;
import org.summittracker.session.Session;
import org.summittracker.session.SessionRepository;

/**
 * Mail imports for the authorization matrix: the target's person leads the target's
 * session (so a maintainer may import its thread, and nobody else but organizers), and a
 * thread in which the target acks.
 */
final class MailProbes {

	private MailProbes() {
	}

	/** Makes the target's person the session's lead; answers the session's mail path. */
	static String leadOf(Target target) {
		target.beans().bean(JdbcTemplate.class).update("""
				update summit_session set lead_id = ? where id = (select s.id from summit_session s
				join event e on e.id = s.event_id where e.slug = ? and s.slug = ?)
				""", target.personId(), target.eventSlug(), target.sessionSlug());
		return target.sessionPath() + "/mail";
	}

	/**
	 * Makes the target's person a maintainer of a subsystem the target session's proposal
	 * affects, so that the proposal waits on their position (on their {@code /me}) until
	 * their ack is imported.
	 */
	static Target awaitingTheAck(Target target) {
		target.beans().bean(JdbcTemplate.class).update("""
				insert into maintainership (person_id, subsystem_id, role)
				select ?, id, 'MAINTAINER' from subsystem where slug = ? on conflict do nothing
				""", target.personId(), target.sessionSlug() + "-s0");
		return target;
	}

	/** A one-patch thread with the target's ack. */
	static String thread(Target target) {
		return "From x Thu Jan  1 00:00:00 1970\nFrom: Author <author@example.org>\n"
				+ "Subject: [PATCH] probe: a change\nMessage-Id: <probe-patch@example.org>\n\nA change.\n\n"
				+ "From x Thu Jan  1 00:00:00 1970\nFrom: " + target.handle() + " <" + address(target) + ">\n"
				+ "Subject: Re: [PATCH] probe: a change\nMessage-Id: <probe-" + target.handle()
				+ "@example.org>\nIn-Reply-To: <probe-patch@example.org>\n\nAcked-by: " + target.handle() + " <"
				+ address(target) + ">\n";
	}

	static String address(Target target) {
		return target.handle() + "@example.org";
	}

	/**
	 * The Message-ID of the ask for buy-in on the target session's main proposal, as its
	 * ask page shows it now (to whomever asks).
	 */
	static String askMessageId(Target target) {
		Actor organizer = new Actor(null, "probe", null, null, Set.of(Role.ORGANIZER));
		return new TransactionTemplate(target.beans().bean(PlatformTransactionManager.class)).execute((status) -> {
			Session session = target.beans()
				.bean(SessionRepository.class)
				.findBySlugs(target.eventSlug(), target.sessionSlug())
				.orElseThrow();
			return target.beans().bean(BuyInAsks.class).ask(organizer, session, null).mail().messageId();
		});
	}

	/** The thread as the preview's form carries it (gzipped, base64). */
	static String packed(Target target) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
			gz.write(thread(target).getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Base64.getEncoder().encodeToString(out.toByteArray());
	}

}
