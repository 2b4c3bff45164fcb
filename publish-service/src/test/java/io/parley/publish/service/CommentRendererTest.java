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
