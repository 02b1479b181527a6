package org.summittracker.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.attoparser.dom.DOMMarkupParser;
import org.attoparser.dom.Element;
import org.attoparser.dom.INestableNode;
import org.attoparser.dom.INode;
import org.attoparser.dom.Text;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every word a page says comes from {@code messages.properties}: a template may hold no
 * literal sentence a reader sees (text, a title or label attribute, or a string in an
 * expression that writes text), and every message it names exists.
 */
class TemplateTextTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	/** Attributes whose literal value a reader sees or hears. */
	private static final Set<String> SEEN = Set.of("title", "alt", "placeholder", "aria-label", "value");

	/** Attributes whose expression writes what a reader sees or hears. */
	private static final Set<String> WRITTEN = Set.of("th:text", "th:utext", "th:title", "th:alt", "th:placeholder",
			"th:aria-label", "th:value");

	/**
	 * Attributes that replace an element's body, so its literal body is a prototype
	 * nobody sees.
	 */
	private static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert", "th:remove",
			"th:errors");

	private static final Pattern LETTER = Pattern.compile("\\p{L}");

	/** A quoted string in an expression that reads as words: a capital or a space. */
	private static final Pattern WORDS_IN_QUOTES = Pattern.compile("'([^']*(?:\\p{Lu}|\\p{L} \\p{L})[^']*)'");

	/** Literal substitutions |...|, whose text outside ${...} is literal. */
	private static final Pattern SUBSTITUTION = Pattern.compile("\\|([^|]*)\\|");

	private static final Pattern EXPRESSION = Pattern.compile("[$#*@~]\\{[^}]*\\}");

	private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([a-zA-Z0-9.\\-]+)[}(]");

	@Test
	void templatesHoldNoLiteralSentence() throws IOException {
		List<String> literals = new ArrayList<>();
		for (Path template : templates()) {
			walk(parse(template), template, literals);
		}
		assertThat(literals).as("literal text in templates; put it in messages.properties").isEmpty();
	}

	@Test
	void everyMessageATemplateNamesExists() throws IOException {
		Properties messages = new Properties();
		try (InputStream in = Files.newInputStream(Path.of("src/main/resources/messages.properties"))) {
			messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		Set<String> missing = new TreeSet<>();
		for (Path template : templates()) {
			Matcher key = MESSAGE_KEY.matcher(Files.readString(template));
			while (key.find()) {
				if (!messages.containsKey(key.group(1))) {
					missing.add(TEMPLATES.relativize(template) + ": " + key.group(1));
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void theCheckFindsALiteralSentence() throws ParseException {
		List<String> literals = new ArrayList<>();
		walk(new DOMMarkupParser(ParseConfiguration.htmlConfiguration()).parse("sample", """
				<p th:text="#{fine}">Prototype nobody sees</p>
				<p>A sentence a reader sees</p>
				<a title="A literal title" th:href="@{/}">x</a>
				<span th:text="${ready} ? 'Ready' : #{fine}">x</span>
				<span th:text="|Page ${page} of ${pages}|">x</span>
				<span th:classappend="'status-' + ${status}" th:text="#{fine}">x</span>
				"""), Path.of("sample"), literals);
		assertThat(literals).hasSize(5)
			.anyMatch((l) -> l.contains("A sentence a reader sees"))
			.anyMatch((l) -> l.contains("A literal title"))
			.anyMatch((l) -> l.contains("'Ready'"))
			.anyMatch((l) -> l.contains("Page "))
			.noneMatch((l) -> l.contains("status-") || l.contains("Prototype"));
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter((file) -> file.toString().endsWith(".html")).sorted().toList();
		}
	}

	private static INestableNode parse(Path template) throws IOException {
		try {
			return new DOMMarkupParser(ParseConfiguration.htmlConfiguration()).parse(template.toString(),
					Files.newBufferedReader(template));
		}
		catch (ParseException ex) {
			throw new IOException("Cannot parse " + template, ex);
		}
	}

	private static void walk(INestableNode node, Path template, List<String> literals) {
		for (INode child : node.getChildren()) {
			if (child instanceof Text text && LETTER.matcher(text.getContent()).find()) {
				literals.add(where(template, text) + " text \"" + text.getContent().strip() + "\"");
			}
			if (child instanceof Element element) {
				check(element, template, literals);
				String name = element.getElementName();
				boolean replaced = REPLACING.stream().anyMatch(element::hasAttribute);
				if (!replaced && !name.equals("style") && !name.equals("script")) {
					walk(element, template, literals);
				}
			}
		}
	}

	private static void check(Element element, Path template, List<String> literals) {
		element.getAttributeMap().forEach((name, value) -> {
			if (SEEN.contains(name) && value != null && LETTER.matcher(value).find()
					&& !element.getElementName().equals("input")) {
				literals.add(where(template, element) + " " + name + "=\"" + value + "\"");
			}
			if (WRITTEN.contains(name) && value != null) {
				Matcher quoted = WORDS_IN_QUOTES.matcher(value);
				while (quoted.find()) {
					literals.add(where(template, element) + " " + name + " '" + quoted.group(1) + "'");
				}
				Matcher substitution = SUBSTITUTION.matcher(value);
				while (substitution.find()) {
					String outside = EXPRESSION.matcher(substitution.group(1)).replaceAll("");
					if (LETTER.matcher(outside).find()) {
						literals.add(where(template, element) + " " + name + " |" + substitution.group(1) + "|");
					}
				}
			}
		});
	}

	private static String where(Path template, INode node) {
		return TEMPLATES.relativize(template) + " <" + ((node instanceof Element element) ? element.getElementName()
				: ((Element) ((Text) node).getParent()).getElementName()) + ">";
	}

}
