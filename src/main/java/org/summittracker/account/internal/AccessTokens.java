package org.summittracker.account.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.summittracker.account.Actor;
import org.summittracker.account.ApiToken;
import org.summittracker.audit.AuditableChange;
import org.summittracker.shared.NotFoundException;
import org.summittracker.shared.Problems;
import org.summittracker.shared.RuleViolation;

/**
 * Personal access tokens for the JSON API. A token is 32 random bytes (Base64url, with a
 * {@value #PREFIX} prefix so that secret scanners recognise it); only its SHA-256 is
 * kept, so it is shown once, when it is made. A token acts as its account, limited to
 * reading unless it was given the write scope; a revoked token keeps its row.
 */
@Service
@Transactional
public class AccessTokens {

	static final String PREFIX = "st_";

	/**
	 * A {@code from} item that makes the statement's commit not wait for the disk
	 * ({@code synchronous_commit} off for its transaction alone), for bookkeeping writes
	 * a crash may lose: the last use of a token, the API's rate-limit counters.
	 */
	static final String UNWAITED = "(select set_config('synchronous_commit', 'off', true)) unwaited";

	static final int NAME_MAX = 64;

	/** Live tokens per account: enough for scripts and bots, not a store of secrets. */
	static final int LIVE_MAX = 20;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	AccessTokens(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	/** One of a person's tokens as their token page lists it. */
	public record Listed(long id, String name, boolean mayWrite, Instant createdAt, Instant revokedAt,
			Instant lastUsedAt, String lastAddress) {

		public boolean isLive() {
			return this.revokedAt == null;
		}

	}

	/** A token just made: the only time its secret is known. */
	public record Issued(long id, String name, boolean mayWrite, String secret) {

	}

	@Transactional(readOnly = true)
	public List<Listed> of(Actor actor) {
		return this.jdbc.sql("""
				select t.id, t.name, t.may_write, t.created_at, t.revoked_at, u.last_used_at, u.last_address
				from api_token t left join api_token_use u on u.token_id = t.id
				where t.account_id = ? order by t.revoked_at is not null, t.created_at desc, t.id desc limit 200
				""")
			.param(actor.accountId())
			.query((rs, row) -> new Listed(rs.getLong(1), rs.getString(2), rs.getBoolean(3),
					instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)),
					rs.getString(7)))
			.list();
	}

	/**
	 * Makes a token for the actor's own account.
	 * @throws RuleViolation when the name is missing, too long or taken by a live token
	 */
	public Issued create(Actor actor, String name, boolean mayWrite) {
		String trimmed = checked(actor, name);
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		long id;
		try {
			id = this.jdbc
				.sql("insert into api_token (account_id, name, token_hash, may_write, created_at)"
						+ " values (?, ?, ?, ?, ?) returning id")
				.params(actor.accountId(), trimmed, hash(secret), mayWrite, Timestamp.from(this.clock.instant()))
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new RuleViolation("name", "token.name.taken", trimmed);
		}
		audit(actor, "API_TOKEN_CREATED", id,
				"Token “" + trimmed + "” created, scope " + (mayWrite ? "read and write" : "read"));
		return new Issued(id, trimmed, mayWrite, secret);
	}

	/**
	 * Refuses, every problem at once, what {@link #create} would refuse of the name,
	 * changing nothing.
	 */
	@Transactional(readOnly = true)
	public void checkCreate(Actor actor, String name) {
		checked(actor, name);
	}

	/** The name stripped, when the actor may make a token of that name. */
	private String checked(Actor actor, String name) {
		Problems problems = new Problems();
		String trimmed = (name != null) ? name.strip() : "";
		if (trimmed.isEmpty()) {
			problems.add("name", "token.name.required");
		}
		else if (trimmed.length() > NAME_MAX) {
			problems.add("name", "token.name.length", NAME_MAX);
		}
		else if (this.jdbc.sql(
				"select count(*) from api_token where account_id = ? and lower(name) = lower(?) and revoked_at is null")
			.params(actor.accountId(), trimmed)
			.query(Integer.class)
			.single() > 0) {
			problems.add("name", "token.name.taken", trimmed);
		}
		Integer live = this.jdbc.sql("select count(*) from api_token where account_id = ? and revoked_at is null")
			.param(actor.accountId())
			.query(Integer.class)
			.single();
		if (live >= LIVE_MAX) {
			problems.add("name", "token.too-many", LIVE_MAX);
		}
		problems.refuse();
		return trimmed;
	}

	/**
	 * One of the actor's own live tokens, to be revoked; nobody revokes another's.
	 * @throws NotFoundException when there is no such token, or it is revoked already
	 */
	@Transactional(readOnly = true)
	public Listed live(Actor actor, long tokenId) {
		requireOwner(actor, tokenId);
		return of(actor).stream()
			.filter((token) -> token.id() == tokenId && token.isLive())
			.findFirst()
			.orElseThrow(() -> new NotFoundException("No live token " + tokenId));
	}

	/**
	 * Revokes one of the actor's own live tokens; nobody revokes another's. Answers its
	 * name.
	 */
	public String revoke(Actor actor, long tokenId) {
		requireOwner(actor, tokenId);
		List<String> names = this.jdbc
			.sql("update api_token set revoked_at = ? where id = ? and account_id = ? and revoked_at is null"
					+ " returning name")
			.params(Timestamp.from(this.clock.instant()), tokenId, actor.accountId())
			.query(String.class)
			.list();
		if (names.isEmpty()) {
			throw new NotFoundException("No live token " + tokenId);
		}
		audit(actor, "API_TOKEN_REVOKED", tokenId, "Token “" + names.get(0) + "” revoked");
		return names.get(0);
	}

	private void requireOwner(Actor actor, long tokenId) {
		Long owner = this.jdbc.sql("select account_id from api_token where id = ?")
			.param(tokenId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("No token " + tokenId));
		actor.require(owner.equals(actor.accountId()), "token.denied.revoke");
	}

	/**
	 * The live token with this secret whose account may still sign in, with its last use
	 * recorded: to the minute, so a script's requests within a minute of each other from
	 * one address write nothing; that write does not wait for the disk (see
	 * {@link #UNWAITED}), since a crash losing a last use loses nothing anyone relies on.
	 */
	Optional<ApiToken> use(String secret, String address) {
		if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		String from = shorten(address);
		Optional<Used> token = this.jdbc.sql("""
				select t.id, t.name, t.may_write, t.account_id, u.last_used_at, u.last_address
				from api_token t join account a on a.id = t.account_id
				left join api_token_use u on u.token_id = t.id
				where t.token_hash = ? and t.revoked_at is null and a.enabled
				""")
			.param(hash(secret))
			.query((rs, row) -> new Used(new ApiToken(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getLong(4)),
					(rs.getTimestamp(5) != null) ? rs.getTimestamp(5).toInstant() : null, rs.getString(6)))
			.optional();
		token.filter((found) -> found.due(now, from)).ifPresent((found) -> this.jdbc.sql("""
				insert into api_token_use (token_id, last_used_at, last_address)
				select cast(? as bigint), cast(? as timestamptz), cast(? as varchar(64)) from %s
				on conflict (token_id) do update set last_used_at = excluded.last_used_at,
				    last_address = excluded.last_address
				""".formatted(UNWAITED)).params(found.token().id(), Timestamp.from(now), from).update());
		return token.map(Used::token);
	}

	/** A token found, with when and from where it was last used as recorded. */
	private record Used(ApiToken token, Instant lastUsedAt, String lastAddress) {

		boolean due(Instant now, String address) {
			return this.lastUsedAt == null || !address.equals(this.lastAddress)
					|| !this.lastUsedAt.isAfter(now.minusSeconds(60));
		}

	}

	static String hash(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void audit(Actor actor, String action, long id, String summary) {
		this.events.publishEvent(new AuditableChange(actor.username(), action, "ApiToken", id, null, summary));
	}

	private static String shorten(String address) {
		String value = (address != null) ? address : "";
		return (value.length() > 64) ? value.substring(0, 64) : value;
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
