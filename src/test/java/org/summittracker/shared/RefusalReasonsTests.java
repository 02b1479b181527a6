package org.summittracker.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.summittracker.account.NotAllowedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Every refusal names its reason by a message code in {@code messages.properties}, as
 * {@link TemplateTextTests} asks of the pages: no {@code Actor.require(…)} or
 * {@code NotAllowedException} in the code is given a sentence, and every code given
 * exists.
 */
class RefusalReasonsTests {

	private static final Path SOURCES = Path.of("src/main/java");

	/** A call that gives a refusal its reason. */
	private static final Pattern REFUSAL = Pattern
		.compile("(?<![\\w$])(?:require|saying|new\\s+(?:[\\w.]+\\.)?NotAllowedException)\\s*\\(");

	private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

	/**
	 * A constant the arguments name, perhaps by its class: {@code WHO}, {@code X.WHO}.
	 */
	private static final Pattern CONSTANT = Pattern.compile("(?<![\\w$.])(?:([A-Z]\\w*)\\.)?([A-Z][A-Z0-9_]*)\\b");

	private static final Pattern DECLARED = Pattern
		.compile("static\\s+final\\s+String\\s+([A-Z][A-Z0-9_]*)\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*;");

	@Test
	void everyRefusalNamesAMessage() throws IOException {
		Map<Path, String> sources = new HashMap<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".java")).sorted().toList()) {
				sources.put(SOURCES.relativize(file), Files.readString(file));
			}
		}
		assertThat(refusalsInWords(sources, messages()))
			.as("refusals with a reason in words, or a code missing from messages.properties")
			.isEmpty();
	}

	@Test
	void theCheckFindsASentence() {
		Properties messages = new Properties();
		messages.setProperty("demo.denied", "Only organizers do this.");
		String sample = """
				class Sample {
					static final String WHY = "Only organizers do that.";
					static final String FINE = "demo.denied";
					void a(Actor actor) {
						actor.require(actor.isOrganizer(), "demo.denied");
						actor.require(actor.isOrganizer(), FINE);
						actor.require(Checks.ok(actor, "x"), Sample.FINE, actor.username());
						Objects.requireNonNull(actor, "actor");
						actor.require(actor.isOrganizer(), "Only organizers do this.");
						actor.require(actor.isOrganizer(), WHY);
						throw new NotAllowedException("Sign in (first).");
						throw NotAllowedException.saying("You cannot " + what + ".");
						throw NotAllowedException.saying("demo.missing");
					}
				}
				""";
		List<String> found = refusalsInWords(Map.of(Path.of("Sample.java"), sample), messages);
		assertThat(found).hasSize(7)
			.anyMatch((f) -> f.contains("\"Only organizers do this.\""))
			.anyMatch((f) -> f.contains("WHY"))
			.anyMatch((f) -> f.contains("\"Sign in (first).\""))
			.anyMatch((f) -> f.contains("\"You cannot \""))
			.anyMatch((f) -> f.contains("\".\""))
			.anyMatch((f) -> f.contains("\"demo.missing\""))
			.anyMatch((f) -> f.contains("\"x\""))
			.noneMatch((f) -> f.contains("\"demo.denied\"") || f.contains("FINE") || f.contains("\"actor\""));
	}

	@Test
	void aRefusalBuiltFromASentenceIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> NotAllowedException.saying("Only organizers do this."));
		assertThat(NotAllowedException.saying("session.contributors.only").getCodes())
			.containsExactly("session.contributors.only");
	}

	private static List<String> refusalsInWords(Map<Path, String> sources, Properties messages) {
		Map<String, String> constants = new HashMap<>();
		sources.forEach((file, source) -> {
			String type = file.getFileName().toString().replaceFirst("\\.java$", "");
			Matcher declared = DECLARED.matcher(source);
			while (declared.find()) {
				constants.put(type + "." + declared.group(1), declared.group(2));
			}
		});
		List<String> found = new ArrayList<>();
		sources.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach((entry) -> {
			String type = entry.getKey().getFileName().toString().replaceFirst("\\.java$", "");
			String source = entry.getValue();
			Matcher call = REFUSAL.matcher(source);
			while (call.find()) {
				String args = arguments(source, call.end());
				String where = entry.getKey() + ":" + line(source, call.start()) + " ";
				Matcher string = STRING.matcher(args);
				while (string.find()) {
					if (!messages.containsKey(string.group(1))) {
						found.add(where + string.group());
					}
				}
				Matcher constant = CONSTANT.matcher(STRING.matcher(args).replaceAll("\"\""));
				while (constant.find()) {
					String name = ((constant.group(1) != null) ? constant.group(1) : type) + "." + constant.group(2);
					String value = constants.get(name);
					if (value != null && !messages.containsKey(value)) {
						found.add(where + constant.group() + " = \"" + value + "\"");
					}
				}
			}
		});
		return found;
	}

	/** The text of a call's arguments, from just after its opening parenthesis. */
	private static String arguments(String source, int from) {
		int depth = 1;
		boolean quoted = false;
		for (int i = from; i < source.length(); i++) {
			char c = source.charAt(i);
			if (quoted) {
				if (c == '\\') {
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == '(') {
				depth++;
			}
			else if (c == ')' && --depth == 0) {
				return source.substring(from, i);
			}
		}
		return source.substring(from);
	}

	private static int line(String source, int at) {
		return (int) source.substring(0, at).chars().filter((c) -> c == '\n').count() + 1;
	}

	private static Properties messages() throws IOException {
		Properties messages = new Properties();
		try (InputStream in = Files.newInputStream(Path.of("src/main/resources/messages.properties"))) {
			messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return messages;
	}

}
