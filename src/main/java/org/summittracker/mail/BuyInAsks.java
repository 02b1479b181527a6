package org.summittracker.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.summittracker.account.Actor;
import org.summittracker.mail.BuyInAsk.Recipient;
import org.summittracker.minutes.TextWrap;
import org.summittracker.people.SubsystemMaintainer;
import org.summittracker.position.BuyInQueries;
import org.summittracker.position.ProposalBuyIn;
import org.summittracker.position.Readiness;
import org.summittracker.position.Readiness.MaintainerStance;
import org.summittracker.position.Readiness.SubsystemReadiness;
import org.summittracker.proposal.Proposal;
import org.summittracker.proposal.Proposals;
import org.summittracker.session.Session;
import org.summittracker.shared.NotFoundException;
import org.summittracker.shared.PublicAddress;

/**
 * Asking for buy-in by mail: the mail to the maintainers of a proposal's affected
 * subsystems not yet acked who took no position, copied to those subsystems' lists and
 * the session's leads, written as kernel people write mail (plain text, 72 columns). Its
 * examples of the lines to answer with are written so that the trailer reader skips them
 * (quoted or not), and so is every other line of it: the ask is never read as anyone's
 * ack.
 */
@Component
public class BuyInAsks {

	/** A subject line's length at most, {@code Subject: } included (RFC 5322). */
	static final int SUBJECT_LINE = 78;

	private final Proposals proposals;

	private final BuyInQueries buyIn;

	private final SessionProposalPositions positions;

	private final JdbcTemplate jdbc;

	private final PublicAddress publicAddress;

	BuyInAsks(Proposals proposals, BuyInQueries buyIn, SessionProposalPositions positions, JdbcTemplate jdbc,
			PublicAddress publicAddress) {
		this.proposals = proposals;
		this.buyIn = buyIn;
		this.positions = positions;
		this.jdbc = jdbc;
		this.publicAddress = publicAddress;
	}

	/**
	 * What the ask page shows: the proposal asked about, its readiness and the mail.
	 *
	 * @param proposal the proposal, or {@code null} when the session discusses none
	 * @param discussed the session's proposals the actor may ask about, main one first
	 */
	public record Asked(Proposal proposal, List<Proposal> discussed, Readiness readiness, BuyInAsk mail) {

	}

	/**
	 * The ask about the proposal of that key (the session's main one when none is given)
	 * for the actor: a 404 when the session does not discuss it, a 403 unless the actor
	 * may import mail for it.
	 */
	@Transactional(readOnly = true)
	public Asked ask(Actor actor, Session session, String key) {
		Optional<Proposal> found = this.proposals.find(session, key);
		if (found.isEmpty()) {
			if (key != null && !key.isBlank()) {
				throw new NotFoundException("This session does not discuss that proposal.");
			}
			actor.require(actor.isOrganizer() || actor.isAdmin(), "mail.denied.ask");
			return new Asked(null, List.of(), null, null);
		}
		Proposal proposal = found.get();
		this.positions.requireMayImport(actor, session, proposal);
		List<Proposal> discussed = this.positions.discussed(session)
			.stream()
			.filter((p) -> p.getId().equals(proposal.getId()) || this.positions.mayImport(actor, session, p))
			.toList();
		ProposalBuyIn buyIn = this.buyIn.judged(session.getId(), actor.personId())
			.proposals()
			.getOrDefault(session.getId(), List.of())
			.stream()
			.filter((b) -> b.proposal().id().equals(proposal.getId()))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("This session does not discuss that proposal."));
		return new Asked(proposal, discussed, buyIn.readiness(), compose(session, proposal, buyIn, from(actor)));
	}

	/**
	 * Who asks: the actor's person with their own address, or {@code null} when the
	 * account belongs to no person or theirs has no address.
	 */
	private Recipient from(Actor actor) {
		if (actor.personId() == null) {
			return null;
		}
		List<Recipient> found = this.jdbc.query("select handle, name, email from person where id = ?",
				(rs, i) -> new Recipient(rs.getString(1), rs.getString(2), rs.getString(3), "who asks"),
				actor.personId());
		return found.stream()
			.filter((r) -> Recipient.isAddress(r.address()))
			.map((r) -> new Recipient(r.handle(), r.name(), r.address().strip(), r.role()))
			.findFirst()
			.orElse(null);
	}

	private BuyInAsk compose(Session session, Proposal proposal, ProposalBuyIn buyIn, Recipient from) {
		Readiness readiness = buyIn.readiness();
		Map<String, SubsystemMaintainer> maintainers = new HashMap<>();
		buyIn.buyIn().maintainers().forEach((m) -> maintainers.putIfAbsent(m.handle(), m));
		// The maintainers of each subsystem not acked who took no position, once each.
		Map<String, List<String>> asked = new LinkedHashMap<>();
		Set<String> theirSubsystems = new LinkedHashSet<>();
		for (SubsystemReadiness subsystem : readiness.subsystems()) {
			if (subsystem.state() == Readiness.State.ACKED) {
				continue;
			}
			for (MaintainerStance other : subsystem.others()) {
				if (other.position() == null) {
					asked.computeIfAbsent(other.handle(), (h) -> new ArrayList<>()).add(subsystem.name());
					theirSubsystems.add(subsystem.slug());
				}
			}
		}
		Set<String> addresses = new TreeSet<>();
		Set<String> handles = new LinkedHashSet<>();
		List<Recipient> to = new ArrayList<>();
		List<Recipient> cc = new ArrayList<>();
		List<Recipient> noAddress = new ArrayList<>();
		asked.forEach((handle, subsystems) -> {
			SubsystemMaintainer m = maintainers.get(handle);
			String name = (m != null) ? m.name() : handle;
			add(new Recipient(handle, name, (m != null) ? m.email() : null,
					"maintainer of " + String.join(", ", subsystems)), to, noAddress, addresses, handles);
		});
		for (Map.Entry<String, String> list : lists(buyIn, theirSubsystems).entrySet()) {
			add(new Recipient(null, list.getValue(), list.getValue(), "mailing list of " + list.getKey()), cc,
					noAddress, addresses, handles);
		}
		this.jdbc.query("""
				select p.handle, p.name, p.email from summit_session s join person p on p.id = s.lead_id
				where s.id = ?
				union
				select p.handle, p.name, p.email from session_participant sp join person p on p.id = sp.person_id
				where sp.session_id = ? and sp.role = 'LEAD'
				order by 2, 1
				""", (rs) -> {
			add(new Recipient(rs.getString(1), rs.getString(2), rs.getString(3), "lead of the session"), cc, noAddress,
					addresses, handles);
		}, session.getId(), session.getId());
		if (to.isEmpty()) {
			return new BuyInAsk(List.of(), List.of(), List.copyOf(noAddress), "", "", "", from);
		}
		String subject = subject(session.getEvent().getName(), proposal.getTitle());
		String sessionUrl = this.publicAddress.baseUrl() + "/events/" + session.getEvent().getSlug() + "/sessions/"
				+ session.getSlug();
		String body = body(session, proposal, readiness, to, concerns(proposal, readiness), sessionUrl);
		return new BuyInAsk(List.copyOf(to), List.copyOf(cc), List.copyOf(noAddress), subject, body,
				messageId(session, proposal, addresses), from);
	}

	/**
	 * Puts the recipient on {@code list} (or on {@code noAddress} when no address is
	 * known), unless they or their address are on the mail already.
	 */
	private static void add(Recipient recipient, List<Recipient> list, List<Recipient> noAddress, Set<String> addresses,
			Set<String> handles) {
		if (recipient.handle() != null && !handles.add(recipient.handle())) {
			return;
		}
		if (!Recipient.isAddress(recipient.address())) {
			noAddress.add(new Recipient(recipient.handle(), recipient.name(), null, recipient.role()));
			return;
		}
		String address = recipient.address().strip();
		if (addresses.add(address.toLowerCase(Locale.ROOT))) {
			list.add(new Recipient(recipient.handle(), recipient.name(), address, recipient.role()));
		}
	}

	/** The mailing lists of the subsystems of these slugs, by subsystem name. */
	private Map<String, String> lists(ProposalBuyIn buyIn, Set<String> slugs) {
		List<Long> ids = buyIn.buyIn()
			.affected()
			.stream()
			.filter((s) -> slugs.contains(s.slug()))
			.map(Readiness.SubsystemRef::id)
			.toList();
		Map<String, String> lists = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return lists;
		}
		String in = String.join(",", Collections.nCopies(ids.size(), "?"));
		this.jdbc.query("select name, mailing_list from subsystem where mailing_list is not null and id in (" + in
				+ ") order by name", (rs) -> {
					lists.put(rs.getString(1), rs.getString(2).strip());
				}, ids.toArray());
		return lists;
	}

	/** An open blocking concern the mail names, with its page. */
	record Concern(String key, String title, String link) {
	}

	/** The open blocking concerns the readiness names, with their pages. */
	private List<Concern> concerns(Proposal proposal, Readiness readiness) {
		List<String> keys = readiness.openBlockingConcerns();
		if (keys.isEmpty()) {
			return List.of();
		}
		String in = String.join(",", Collections.nCopies(keys.size(), "?"));
		List<Object> args = new ArrayList<>();
		args.add(proposal.getId());
		args.addAll(keys);
		Map<String, Concern> byKey = new HashMap<>();
		this.jdbc.query("""
				select c.key, c.title, e.slug, s.slug from concern c join summit_session s on s.id = c.session_id
				join event e on e.id = s.event_id where c.proposal_id = ? and c.key in (""" + in + ")", (rs) -> {
			byKey.put(rs.getString(1), new Concern(rs.getString(1), rs.getString(2), this.publicAddress.baseUrl()
					+ "/events/" + rs.getString(3) + "/sessions/" + rs.getString(4) + "/concerns/" + rs.getString(1)));
		}, args.toArray());
		return keys.stream().map(byKey::get).filter((c) -> c != null).toList();
	}

	/**
	 * {@code [event] proposal: your position?}, the proposal's title (then the event's
	 * name) shortened so that the line stays within {@link #SUBJECT_LINE}.
	 */
	static String subject(String event, String title) {
		int room = SUBJECT_LINE - "Subject: ".length();
		String tail = ": your position?";
		String e = OneLine.of(event);
		String t = OneLine.of(title);
		int forTitle = room - tail.length() - e.length() - "[] ".length();
		if (t.length() > forTitle) {
			int keep = Math.max(12, forTitle);
			t = shorten(t, keep);
			forTitle = keep;
		}
		int forEvent = room - tail.length() - t.length() - "[] ".length();
		if (e.length() > forEvent) {
			e = shorten(e, Math.max(1, forEvent));
		}
		return "[" + e + "] " + t + tail;
	}

	private static String shorten(String text, int length) {
		return (text.length() <= length) ? text : text.substring(0, Math.max(0, length - 3)).stripTrailing() + "...";
	}

	/** Text made one line (no line breaks, runs of blanks one space). */
	private static final class OneLine {

		static String of(String text) {
			return (text == null) ? "" : text.replaceAll("\\s+", " ").strip();
		}

	}

	/**
	 * The body: the proposal's statement, what is missing in readiness's words, the open
	 * blocking concerns with their pages, the session's page, and how to answer.
	 */
	private String body(Session session, Proposal proposal, Readiness readiness, List<Recipient> to,
			List<Concern> concerns, String sessionUrl) {
		List<String> lines = new ArrayList<>();
		lines.add("Hello,");
		lines.add("");
		wrap(lines,
				"the " + OneLine.of(session.getEvent().getName()) + " session \"" + OneLine.of(session.getTitle())
						+ "\" discussed the proposal \"" + OneLine.of(proposal.getTitle()) + "\" (" + proposal.getKey()
						+ "), and we would like to know where you stand on it.",
				"", "");
		if (proposal.getStatement() != null && !proposal.getStatement().isBlank()) {
			lines.add("");
			wrap(lines, proposal.getStatement().strip(), "  ", "  ");
		}
		lines.add("");
		lines.add("What is still missing:");
		lines.add("");
		readiness.missing().forEach((sentence) -> wrap(lines, OneLine.of(sentence), "- ", "  "));
		if (!concerns.isEmpty()) {
			lines.add("");
			lines.add("The open blocking concerns:");
			lines.add("");
			for (Concern concern : concerns) {
				wrap(lines, "[" + concern.key() + "] " + OneLine.of(concern.title()), "- ", "  ");
				wrap(lines, concern.link(), "  ", "  ");
			}
		}
		lines.add("");
		lines.add("The session, with its buy-in table:");
		lines.add(sessionUrl);
		lines.add("");
		wrap(lines,
				"Please answer this mail (to all) with your position as a trailer line of its own,"
						+ " as you would ack a patch. For each of you, an ack is the line below without the"
						+ " handle in brackets before it:",
				"", "");
		lines.add("");
		for (Recipient r : to) {
			lines.add("  (" + r.handle() + ") " + "Acked-by: " + OneLine.of(r.name()) + " <" + r.address() + ">");
		}
		lines.add("");
		wrap(lines,
				"To oppose, write the same line with \"Nacked-by:\" in place of \"Acked-by:\""
						+ " and your reason in words above it. To ack with a condition, give the ack and the"
						+ " condition in words (\"if you take it through your tree\").",
				"", "");
		lines.add("");
		wrap(lines, "Your answer will be imported on the session's mail page and recorded as your position:", "", "");
		lines.add(sessionUrl + "/mail");
		lines.add("");
		lines.add("Thanks!");
		StringBuilder body = new StringBuilder();
		for (String line : lines) {
			body.append(unread(line)).append('\n');
		}
		return body.toString();
	}

	private static void wrap(List<String> lines, String text, String first, String rest) {
		lines.addAll(TextWrap.lines(text, first, rest));
	}

	/**
	 * The line, written so that the trailer reader does not take it for anyone's ack or
	 * Nack when the ask is imported, quoted or not: one that reads as a trailer (a
	 * statement or a condition may hold one) gets a bar before it, as quoted lines have.
	 */
	static String unread(String line) {
		return MailText.readAsTrailer(line) ? "| " + line : line;
	}

	/**
	 * The ask's Message-ID: the same for the same session, proposal and recipients, so
	 * that the same ask made twice is one mail.
	 */
	private String messageId(Session session, Proposal proposal, Set<String> addresses) {
		StringBuilder what = new StringBuilder();
		what.append(session.getId()).append('\n').append(proposal.getKey());
		addresses.forEach((a) -> what.append('\n').append(a));
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(what.toString().getBytes(StandardCharsets.UTF_8));
			String host = java.net.URI.create(this.publicAddress.baseUrl()).getHost();
			return "<buy-in-ask." + HexFormat.of().formatHex(digest, 0, 10) + "@" + host + ">";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
