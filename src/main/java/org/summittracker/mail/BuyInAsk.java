package org.summittracker.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.UnsupportedEncodingException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * The mail that asks the maintainers who took no position on a proposal for it: who it
 * goes to, its subject, its plain-text body and the Message-ID of the tracker's making.
 *
 * @param to the maintainers asked, each with an address
 * @param cc their subsystems' mailing lists and the session's leads
 * @param noAddress those who would be asked or copied but have no address known
 * @param messageId the Message-ID, with its angle brackets
 * @param from who asks: the signed-in person with their address, or {@code null} when
 * their account has no person with an address (the mail then has no {@code From:} line,
 * and the mail program puts in its own)
 */
public record BuyInAsk(List<Recipient> to, List<Recipient> cc, List<Recipient> noAddress, String subject, String body,
		String messageId, Recipient from) {

	public BuyInAsk(List<Recipient> to, List<Recipient> cc, List<Recipient> noAddress, String subject, String body,
			String messageId) {
		this(to, cc, noAddress, subject, body, messageId, null);
	}

	/**
	 * A {@code mailto:} link longer than this is not offered: mail programs and browsers
	 * cut longer ones, or refuse them.
	 */
	public static final int MAILTO_MAX = 2000;

	/**
	 * The mail session drafts are written in: made once, as making one looks its
	 * providers up on the class path (three quarters of a draft's time when it was made
	 * for each).
	 */
	private static final jakarta.mail.Session MAIL = jakarta.mail.Session.getInstance(new Properties());

	/**
	 * Someone the mail goes to (or would).
	 *
	 * @param handle the person's handle, or {@code null} for a mailing list
	 * @param address the address, or {@code null} when none is known
	 * @param role why they are on the mail, e.g. “maintainer of Driver core”
	 */
	public record Recipient(String handle, String name, String address, String role) {

		/** {@code Name <address>}, quoted as a mail header needs it. */
		public String header() {
			if (this.handle == null) {
				return this.address;
			}
			try {
				return new InternetAddress(this.address, this.name, StandardCharsets.UTF_8.name()).toUnicodeString();
			}
			catch (UnsupportedEncodingException ex) {
				return this.address;
			}
		}

		/** Whether the text is one address a mail can go to. */
		static boolean isAddress(String text) {
			if (text == null || text.isBlank() || text.indexOf('@') < 0) {
				return false;
			}
			try {
				new InternetAddress(text.strip(), true).validate();
				return true;
			}
			catch (AddressException ex) {
				return false;
			}
		}

	}

	/** Whether there is anyone to ask. */
	public boolean isOffered() {
		return !this.to.isEmpty();
	}

	/** The {@code To:} line's value. */
	public String toHeader() {
		return this.to.stream().map(Recipient::header).collect(Collectors.joining(", "));
	}

	/** The {@code Cc:} line's value. */
	public String ccHeader() {
		return this.cc.stream().map(Recipient::header).collect(Collectors.joining(", "));
	}

	/** The whole mail as text: its headers, a blank line, its body. */
	public String text() {
		StringBuilder text = new StringBuilder();
		if (this.from != null) {
			text.append("From: ").append(this.from.header()).append('\n');
		}
		text.append("To: ").append(toHeader()).append('\n');
		if (!this.cc.isEmpty()) {
			text.append("Cc: ").append(ccHeader()).append('\n');
		}
		text.append("Subject: ").append(this.subject).append('\n');
		text.append("Message-ID: ").append(this.messageId).append('\n');
		return text.append('\n').append(this.body).toString();
	}

	/**
	 * The {@code mailto:} link (RFC 6068), however long; see {@link #mailto()} for the
	 * one offered.
	 */
	public String mailtoLink() {
		StringBuilder link = new StringBuilder("mailto:");
		link.append(
				this.to.stream().map((r) -> encode(r.address()).replace("%40", "@")).collect(Collectors.joining(",")));
		link.append('?');
		if (!this.cc.isEmpty()) {
			link.append("cc=")
				.append(this.cc.stream()
					.map((r) -> encode(r.address()).replace("%40", "@"))
					.collect(Collectors.joining(",")))
				.append('&');
		}
		link.append("subject=").append(encode(this.subject));
		link.append("&body=").append(encode(this.body.replace("\n", "\r\n")));
		return link.toString();
	}

	/** The {@code mailto:} link, or {@code null} when it is too long to be safe. */
	public String mailto() {
		String link = mailtoLink();
		return (link.length() <= MAILTO_MAX) ? link : null;
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/**
	 * The mail as a draft a mail program opens ({@code message/rfc822},
	 * {@code X-Unsent: 1}), with its Message-ID.
	 */
	public byte[] eml() {
		try {
			MimeMessage message = new MimeMessage(MAIL) {

				@Override
				protected void updateMessageID() throws MessagingException {
					setHeader("Message-ID", BuyInAsk.this.messageId);
				}

			};
			if (this.from != null) {
				message.setFrom(addresses(List.of(this.from))[0]);
			}
			message.setRecipients(Message.RecipientType.TO, addresses(this.to));
			if (!this.cc.isEmpty()) {
				message.setRecipients(Message.RecipientType.CC, addresses(this.cc));
			}
			message.setSubject(this.subject, StandardCharsets.UTF_8.name());
			message.setHeader("X-Unsent", "1");
			message.setText(this.body, StandardCharsets.UTF_8.name());
			message.saveChanges();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			message.writeTo(out);
			return out.toByteArray();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("The ask mail could not be written", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static InternetAddress[] addresses(List<Recipient> recipients) throws AddressException {
		InternetAddress[] addresses = new InternetAddress[recipients.size()];
		for (int i = 0; i < addresses.length; i++) {
			Recipient r = recipients.get(i);
			try {
				addresses[i] = (r.handle() != null)
						? new InternetAddress(r.address(), r.name(), StandardCharsets.UTF_8.name())
						: new InternetAddress(r.address());
			}
			catch (UnsupportedEncodingException ex) {
				addresses[i] = new InternetAddress(r.address());
			}
		}
		return addresses;
	}

}
