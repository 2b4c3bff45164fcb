package io.parley.publish.service;

import io.parley.publish.InertHtml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CommentRendererTest {

    private final CommentRenderer renderer = new CommentRenderer();

    @Test
    void markdownIsRendered() {
        assertThat(renderer.render("Some *emphasis* and **strength**"))
                .isEqualTo("<p>Some <em>emphasis</em> and <strong>strength</strong></p>");
    }

    @Test
    void linksGetNofollowUgcNoopener() {
        assertThat(renderer.render("[site](https://example.org/a?b=c)"))
                .isEqualTo("<p><a href=\"https://example.org/a?b=c\" rel=\"nofollow ugc noopener\">site</a></p>");
    }

    @Test
    void mailtoLinksSurvive() {
        assertThat(renderer.render("[me](mailto:ada@example.org)")).contains("href=\"mailto:ada@example.org\"");
    }

    @Test
    void rawHtmlIsShownAsTextNotMarkup() {
        assertThat(renderer.render("<b>bold</b>")).isEqualTo("<p>&lt;b&gt;bold&lt;/b&gt;</p>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Thanks for the release!", "Two\n\nparagraphs, and \"quotes\" (with 5% off)",
            "A line\nand the next line", "\n\nLeading and trailing blank lines\n\n\n",
            "Double  spaces stay; so do URLs: https://example.org/a?b=c#d", "Ünïcödé wörds ça 日本語",
            "'Quoted' start\n(parenthesis) start\n\"double\" start", "a = b + c - d / e @ f $ g # h", ""})
    void plainProseRendersAsMarkdownWould(String text) {
        assertThat(CommentRenderer.isPlainProse(text)).isTrue();
        assertThat(renderer.render(text)).isEqualTo(renderer.renderMarkdown(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1. a list", "- item", "+ item", "# heading", "Hard  \nbreak", "    code",
            "Some *em*", "Some _em_", "a\n===", "a\n---", "> quote", "<b>x</b>", "a &amp; b", "`code`",
            "[link](https://x.example)", "trailing space ", "tab\there", "back\\slash", "~~~", "emoji 🙂",
            "Windows\r\nline"})
    void textMarkdownCouldChangeTakesTheFullPath(String text) {
        assertThat(CommentRenderer.isPlainProse(text)).isFalse();
    }

    @Test
    void randomTextTakingTheShortcutRendersAsMarkdownWould() {
        String alphabet = "abcXYZé日 1234567890  \n\n.,;:?!'\"()/%$@+-=#*_<>&[]`~\\\t|";
        java.util.Random random = new java.util.Random(20261123);
        int plain = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(40);
            for (int i = 0; i < length; i++) {
                // Mostly letters, so that a good share of the texts are plain prose.
                text.append(random.nextInt(3) > 0 ? (char) ('a' + random.nextInt(26))
                        : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String markdown = text.toString();
            if (CommentRenderer.isPlainProse(markdown)) {
                plain++;
                assertThat(renderer.render(markdown)).as(markdown).isEqualTo(renderer.renderMarkdown(markdown));
            }
        }
        assertThat(plain).isGreaterThan(1_000);
    }

    static java.util.stream.Stream<String> hostile() {
        return InertHtml.HOSTILE.stream();
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void hostileInputComesOutInert(String hostile) {
        InertHtml.assertInert(renderer.render(hostile));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://ada.example/x", "http://ada.example"})
    void httpAuthorUrlsAreKept(String url) {
        assertThat(CommentRenderer.safeAuthorUrl(url)).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "//evil.example",
            "ftp://ada.example", "https:/no-host", "not a url"})
    void otherAuthorUrlsAreDropped(String url) {
        assertThat(CommentRenderer.safeAuthorUrl(url)).isNull();
    }
}
