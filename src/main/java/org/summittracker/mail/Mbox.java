package org.summittracker.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.summittracker.shared.RuleViolation;

/**
 * Reads a thread: an mbox (lore's {@code t.mbox.gz}, gzipped or not; {@code From }
 * separator lines, {@code >From } unescaped) or one raw message, each message through
 * Angus Mail (MIME parts, quoted-printable and base64 bodies, charsets, RFC 2047 names;
 * format=flowed text unwrapped; attached files other than patches left out). Input past
 * the {@link MailLimits} is refused as a whole.
 */
public final class Mbox {

	/** The form field the refusals belong to. */
	public static final String FIELD = "mbox";

	private static final Pattern MESSAGE_ID = Pattern.compile("<([^<>\\s]{1,500})>");

	private static final Pattern ESCAPED_FROM = Pattern.compile("^>+From ");

	private static final Session MAIL = Session.getInstance(properties());

	private Mbox() {
	}

	private static Properties properties() {
		Properties properties = new Properties();
		// Real lists carry sloppy headers: read what can be read rather than refuse.
		properties.setProperty("mail.mime.address.strict", "false");
		properties.setProperty("mail.mime.decodetext.strict", "false");
		properties.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
		properties.setProperty("mail.mime.multipart.allowempty", "true");
		return properties;
	}

	/** Reads the messages of an upload, decompressing it first when it is gzipped. */
	public static List<MailMessage> read(InputStream in, MailLimits limits) throws IOException {
		return read(bytes(in, limits), limits);
	}

	/**
	 * The upload's bytes, decompressed when gzipped; more than the limit allows (however
	 * well it compresses) is refused.
	 */
	public static byte[] bytes(InputStream in, MailLimits limits) throws IOException {
		byte[] bytes = readBounded(in, limits.maxBytes());
		if (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
			try (InputStream gz = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
				bytes = readBounded(gz, limits.maxBytes());
			}
			catch (java.util.zip.ZipException | java.io.EOFException ex) {
				throw new RuleViolation(FIELD, "mail.refused.gzip");
			}
		}
		return bytes;
	}

	/** Reads the messages of pasted text. */
	public static List<MailMessage> read(String text, MailLimits limits) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		if (bytes.length > limits.maxBytes()) {
			throw new RuleViolation(FIELD, "mail.refused.too-big", limits.maxBytes() / (1024 * 1024));
		}
		return read(bytes, limits);
	}

	/** Reads the messages of an mbox or a raw message. */
	public static List<MailMessage> read(byte[] bytes, MailLimits limits) {
		List<byte[]> raw = split(bytes, limits);
		List<MailMessage> messages = new ArrayList<>(raw.size());
		for (byte[] message : raw) {
			messages.add(parse(message, limits));
		}
		if (messages.stream().allMatch((m) -> m.messageId() == null)) {
			throw new RuleViolation(FIELD, "mail.refused.not-mail");
		}
		return messages;
	}

	private static byte[] readBounded(InputStream in, long max) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[64 * 1024];
		long total = 0;
		int n;
		while ((n = in.read(buffer)) > 0) {
			total += n;
			if (total > max) {
				throw new RuleViolation(FIELD, "mail.refused.too-big", max / (1024 * 1024));
			}
			out.write(buffer, 0, n);
		}
		return out.toByteArray();
	}

	/**
	 * Splits at {@code From } lines that start a message (the first line, or one after an
	 * empty line); text that does not start with one is a single message.
	 */
	static List<byte[]> split(byte[] bytes, MailLimits limits) {
		String text = new String(bytes, StandardCharsets.ISO_8859_1);
		List<byte[]> messages = new ArrayList<>();
		if (!text.startsWith("From ")) {
			if (!text.isBlank()) {
				messages.add(bytes);
			}
			return messages;
		}
		StringBuilder current = null;
		boolean previousBlank = true;
		int start = 0;
		while (start < text.length()) {
			int end = text.indexOf('\n', start);
			end = (end < 0) ? text.length() : end + 1;
			String line = text.substring(start, end);
			start = end;
			if (previousBlank && line.startsWith("From ")) {
				if (current != null) {
					messages.add(current.toString().getBytes(StandardCharsets.ISO_8859_1));
				}
				if (messages.size() >= limits.maxMessages()) {
					throw new RuleViolation(FIELD, "mail.refused.too-many", limits.maxMessages());
				}
				current = new StringBuilder();
			}
			else {
				Matcher escaped = ESCAPED_FROM.matcher(line);
				current.append(escaped.find() ? line.substring(1) : line);
			}
			previousBlank = line.isBlank();
		}
		if (current != null) {
			messages.add(current.toString().getBytes(StandardCharsets.ISO_8859_1));
		}
		return messages;
	}

	static MailMessage parse(byte[] raw, MailLimits limits) {
		try {
			MimeMessage message = new MimeMessage(MAIL, new ByteArrayInputStream(raw));
			String messageId = firstId(message.getHeader("Message-ID", null));
			String inReplyTo = firstId(message.getHeader("In-Reply-To", null));
			List<String> references = ids(message.getHeader("References", " "));
			InternetAddress from = from(message.getHeader("From", ","));
			String name = (from != null && from.getPersonal() != null) ? from.getPersonal().strip() : "";
			String address = (from != null && from.getAddress() != null && from.getAddress().contains("@"))
					? from.getAddress().strip().toLowerCase(Locale.ROOT) : null;
			Date sent = sentDate(message);
			String subject = decode(message.getHeader("Subject", " "));
			StringBuilder body = new StringBuilder();
			text(message, body, limits.maxBodyChars(), 0);
			String text = (body.length() > limits.maxBodyChars()) ? body.substring(0, limits.maxBodyChars())
					: body.toString();
			return new MailMessage(messageId, inReplyTo, references, name, address,
					(sent != null) ? sent.toInstant() : null, PatchSubject.parse(subject), text.replace("\r\n", "\n"));
		}
		catch (MessagingException | IOException | RuntimeException ex) {
			if (ex instanceof RuleViolation violation) {
				throw violation;
			}
			throw new RuleViolation(FIELD, "mail.refused.malformed");
		}
	}

	private static Date sentDate(MimeMessage message) {
		try {
			return message.getSentDate();
		}
		catch (MessagingException | RuntimeException ex) {
			return null;
		}
	}

	private static InternetAddress from(String header) {
		if (header == null) {
			return null;
		}
		try {
			InternetAddress[] addresses = InternetAddress.parseHeader(header, false);
			return (addresses.length > 0) ? addresses[0] : null;
		}
		catch (AddressException ex) {
			return null;
		}
	}

	static String decode(String header) {
		if (header == null) {
			return "";
		}
		try {
			return MimeUtility.decodeText(MimeUtility.unfold(header));
		}
		catch (UnsupportedEncodingException | RuntimeException ex) {
			return MimeUtility.unfold(header);
		}
	}

	private static String firstId(String header) {
		List<String> ids = ids(header);
		return ids.isEmpty() ? null : ids.get(0);
	}

	private static List<String> ids(String header) {
		List<String> ids = new ArrayList<>();
		if (header != null) {
			Matcher m = MESSAGE_ID.matcher(header);
			while (m.find() && ids.size() < 200) {
				ids.add(m.group(1));
			}
		}
		return ids;
	}

	/**
	 * Appends the plain text of a part: text/plain (and patches sent as text/x-patch or
	 * text/x-diff attachments), the text parts of a multipart, nothing else.
	 */
	private static void text(Part part, StringBuilder out, int max, int depth) throws MessagingException, IOException {
		if (out.length() > max || depth > 5) {
			return;
		}
		if (part.isMimeType("multipart/*")) {
			Object content = part.getContent();
			if (content instanceof Multipart multipart) {
				for (int i = 0; i < multipart.getCount() && i < 50; i++) {
					BodyPart child = multipart.getBodyPart(i);
					text(child, out, max, depth + 1);
				}
			}
			return;
		}
		boolean patch = part.isMimeType("text/x-patch") || part.isMimeType("text/x-diff");
		if (part.isMimeType("text/plain") && !attachedFile(part) || patch) {
			if (!out.isEmpty()) {
				out.append('\n');
			}
			String text = plain(part, max);
			ContentType type = contentType(part);
			out.append((type != null && "flowed".equalsIgnoreCase(type.getParameter("format")))
					? MailText.unflow(text, "yes".equalsIgnoreCase(type.getParameter("delsp"))) : text);
		}
	}

	/**
	 * A text file attached to a mail (a log, a config): nobody's words. A patch attached
	 * as plain text ({@code .patch}, {@code .diff}) is the mail's patch and is read.
	 */
	private static boolean attachedFile(Part part) throws MessagingException {
		if (!Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
			return false;
		}
		String name = part.getFileName();
		String lower = (name != null) ? name.toLowerCase(Locale.ROOT) : "";
		return !lower.endsWith(".patch") && !lower.endsWith(".diff");
	}

	private static ContentType contentType(Part part) {
		try {
			return new ContentType(part.getContentType());
		}
		catch (MessagingException | RuntimeException ex) {
			return null;
		}
	}

	/**
	 * The part's text; a charset Java does not know is read as UTF-8, not refused. Text
	 * that names no charset, or US-ASCII, but holds 8-bit bytes that are UTF-8 is read as
	 * UTF-8 (as git am keeps it), not as Latin-1.
	 */
	private static String plain(Part part, int max) throws MessagingException, IOException {
		ContentType type = contentType(part);
		String charset = (type != null) ? type.getParameter("charset") : null;
		if (charset == null || charset.isBlank() || charset.strip().equalsIgnoreCase("us-ascii")) {
			String utf8 = utf8(part, max);
			if (utf8 != null) {
				return utf8;
			}
		}
		try {
			Object content = part.getContent();
			if (content instanceof String text) {
				return text;
			}
		}
		catch (UnsupportedEncodingException ex) {
			// fall through: the bytes, decoded below
		}
		try (InputStream in = part.getInputStream()) {
			return new String(in.readNBytes(max + 1), StandardCharsets.UTF_8);
		}
	}

	/**
	 * The part's bytes read as UTF-8 when they are well-formed UTF-8, else {@code null}.
	 */
	private static String utf8(Part part, int max) throws MessagingException, IOException {
		byte[] bytes;
		try (InputStream in = part.getInputStream()) {
			bytes = in.readNBytes(max + 1);
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

}
