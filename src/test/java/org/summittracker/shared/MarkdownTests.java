package org.summittracker.shared;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Markdown written by users renders without raw HTML, without script or data links, and
 * with ordinary formatting intact.
 */
class MarkdownTests {

	static final List<String> PAYLOADS = List.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
			"<svg onload=alert(1)>", "<iframe src=\"javascript:alert(1)\"></iframe>",
			"<a href=\"javascript:alert(1)\">x</a>", "[x](javascript:alert(1))", "[x](JAVASCRIPT:alert(1))",
			"[x](  javascript:alert(1))", "[x](java\tscript:alert(1))", "[x](jav&#x09;ascript:alert(1))",
			"[x](jav&#09;ascript:alert(1))", "[x](&#106;avascript:alert(1))", "[x](javascript&colon;alert(1))",
			"[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
			"[x](DATA:text/html,<script>alert(1)</script>)", "[x](vbscript:msgbox(1))", "[x](file:///etc/passwd)",
			"[x](//evil.example/x)", "[x](\\\\evil.example)", "[x]( javascript:alert(1) \"title\")",
			"[x][ref]\n\n[ref]: javascript:alert(1)", "<javascript:alert(1)>", "![x](javascript:alert(1))",
			"![x](https://evil.example/track.png)", "![x\" onerror=\"alert(1)](x)",
			"[x](https://example.org/\" onclick=\"alert(1))", "[x](<https://example.org/\"onmouseover=alert(1)>)",
			"<div style=\"background:url(javascript:alert(1))\">x</div>", "<style>*{display:none}</style>",
			"<object data=\"javascript:alert(1)\"></object>", "<embed src=javascript:alert(1)>",
			"<form action=javascript:alert(1)><button>x</button></form>",
			"<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", "<details open ontoggle=alert(1)>",
			"<body onload=alert(1)>", "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
			"<!--<img src=x onerror=alert(1)>-->", "`<script>` and <script>alert(1)</script>",
			"<a href=\"https://ok.example\" onclick=\"alert(1)\">x</a>",
			"[x](javascript:alert(1)) [y](data:x) <b onmouseover=alert(1)>b</b>", "<scr<script>ipt>alert(1)</script>",
			"[x](\u0000javascript:alert(1))", "[x](java\u200bscript:alert(1))");

	final Markdown markdown = new Markdown();

	@ParameterizedTest
	@FieldSource("PAYLOADS")
	void rendersNoMarkupScriptOrDangerousLink(String payload) {
		String html = this.markdown.render(payload).toLowerCase(Locale.ROOT);
		assertThat(html).doesNotContain("<script", "<img", "<svg", "<iframe", "<style", "<object", "<embed", "<form",
				"<div", "<details", "<body", "<meta", "<math", "<b ", "<!--");
		assertThat(html).doesNotContainPattern("<[a-z]+[^>]*\\son[a-z]+\\s*=");
		assertThat(html).doesNotContainPattern("(href|src|action|data)=\"\\s*(javascript|data|vbscript|file|jav)");
		assertThat(html).doesNotContain("href=\"//", "href=\"\\");
		assertThat(html).doesNotContainPattern("<a [^>]*href=\"(?!https?:|mailto:|/[^/\\\\]|#)");
	}

	@Test
	void keepsOrdinaryFormattingAndSafeLinksWithNofollow() {
		String html = this.markdown.render("**bold** and `code`\n\n- [spec](https://example.org/a?b=1) "
				+ "[mail](mailto:viro@example.org)\n\n```\nfenced code\n```");
		assertThat(html).contains("<strong>bold</strong>", "<code>code</code>", "<li>",
				"<a rel=\"nofollow noopener noreferrer\" href=\"https://example.org/a?b=1\">spec</a>",
				"href=\"mailto:viro@example.org\"", "<pre><code>fenced code");
	}

	@Test
	void anUnsafeLinkBecomesItsText() {
		assertThat(this.markdown.render("see [the demo](javascript:alert(1)) now"))
			.isEqualTo("<p>see the demo now</p>\n");
	}

	@Test
	void anImageBecomesItsDescription() {
		assertThat(this.markdown.render("![a chart](https://example.org/c.png)")).isEqualTo("<p>a chart</p>\n");
	}

	@Test
	void rawHtmlIsShownAsText() {
		assertThat(this.markdown.render("<b>hi</b>")).isEqualTo("<p>&lt;b&gt;hi&lt;/b&gt;</p>\n");
	}

}
