package org.summittracker.shared;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;

import org.springframework.stereotype.Component;

/**
 * Renders user-written Markdown safely: raw HTML is escaped, links keep only http, https
 * and mailto addresses (or a path on this site) and carry {@code rel=nofollow}, other
 * links become their text, and images become their description (no remote content is
 * fetched by a reader's browser).
 */
@Component
public class Markdown {

	private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto");

	private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");

	private final Parser parser = Parser.builder().build();

	private final HtmlRenderer renderer = HtmlRenderer.builder()
		.escapeHtml(true)
		.sanitizeUrls(true)
		.urlSanitizer(new DefaultUrlSanitizer(List.copyOf(SAFE_SCHEMES)))
		.attributeProviderFactory((context) -> (node, tagName, attributes) -> {
			if (node instanceof Link) {
				attributes.put("rel", "nofollow noopener noreferrer");
			}
		})
		.build();

	/**
	 * What texts rendered to, by text: a session's summary is rendered once, not at every
	 * request for its page (a pure function of the text, so never stale); bounded by the
	 * characters held.
	 */
	private final Cache<String, String> rendered = Caffeine.newBuilder()
		.maximumWeight(2_000_000)
		.<String, String>weigher((text, html) -> text.length() + html.length())
		.build();

	public String render(String text) {
		if (text == null || text.isBlank()) {
			return "";
		}
		return this.rendered.get(text, this::renderNow);
	}

	private String renderNow(String text) {
		Node document = this.parser.parse(text);
		document.accept(new Defuser());
		return this.renderer.render(document);
	}

	/**
	 * Whether a link's destination is safe to follow: a safe scheme, or none at all (a
	 * path on this site).
	 */
	static boolean isSafe(String destination) {
		// Browsers ignore whitespace and control characters inside a scheme
		// ("java\tscript:"); so does this check.
		String url = destination.replaceAll("[\\p{Cntrl}\\s\\u00a0\\u200b-\\u200d\\ufeff]", "");
		Matcher scheme = SCHEME.matcher(url);
		if (scheme.find()) {
			return SAFE_SCHEMES.contains(scheme.group(1).toLowerCase(Locale.ROOT));
		}
		int colon = url.indexOf(':');
		if (colon < 0) {
			return !url.startsWith("//") && !url.startsWith("\\") && !url.startsWith("/\\");
		}
		int end = firstOf(url, "/?#");
		return end >= 0 && end < colon && !url.startsWith("//") && !url.startsWith("\\") && !url.startsWith("/\\");
	}

	private static int firstOf(String text, String chars) {
		for (int i = 0; i < text.length(); i++) {
			if (chars.indexOf(text.charAt(i)) >= 0) {
				return i;
			}
		}
		return -1;
	}

	/** Turns unsafe links into their text and every image into its description. */
	private static final class Defuser extends AbstractVisitor {

		@Override
		public void visit(Link link) {
			if (!isSafe(link.getDestination())) {
				unwrap(link);
				return;
			}
			visitChildren(link);
		}

		@Override
		public void visit(Image image) {
			StringBuilder alt = new StringBuilder();
			image.accept(new AbstractVisitor() {
				@Override
				public void visit(Text text) {
					alt.append(text.getLiteral());
				}
			});
			image.insertBefore(new Text(alt.toString()));
			image.unlink();
		}

		private void unwrap(Node node) {
			Node child = node.getFirstChild();
			while (child != null) {
				Node next = child.getNext();
				node.insertBefore(child);
				child.accept(this);
				child = next;
			}
			node.unlink();
		}

	}

}
