package io.parley.publish.service;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<svg onload=alert(1)>",
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "[click](vbscript:msgbox(1))",
            "![x](javascript:alert(1))",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "[x](\"onmouseover=\"alert(1))"
    })
    void hostileInputComesOutInert(String hostile) {
        // Judge the markup as a browser would parse it, not the text: escaped tags are harmless text.
        Document document = Jsoup.parseBodyFragment(renderer.render(hostile));
        assertThat(document.select("script, img, svg, iframe, object, embed, style")).isEmpty();
        for (Element element : document.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                assertThat(attribute.getKey()).doesNotStartWithIgnoringCase("on");
                assertThat(attribute.getValue().strip()).doesNotContainPattern("(?i)^(javascript|data|vbscript):");
            }
        }
    }
}
