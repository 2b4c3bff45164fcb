package io.parley.publish;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Judges markup as a browser would parse it: escaped tags are harmless text; what matters is that
 * no element can run script or load anything, and no attribute is a handler or a script URL.
 */
public final class InertHtml {

    /** Markdown and raw-HTML attacks: script tags, handlers, script and data URLs, mixed case, SVG. */
    public static final List<String> HOSTILE = List.of(
            "<script>alert(1)</script>",
            "<ScRiPt src=https://evil.example/x.js></ScRiPt>",
            "<img src=x onerror=alert(1)>",
            "<svg onload=alert(1)><script>alert(2)</script></svg>",
            "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
            "<a href=\"javascript:alert(1)\">raw link</a>",
            "<a href=\"data:text/html,<script>alert(1)</script>\">raw data link</a>",
            "<div onmouseover=\"alert(1)\">hover</div>",
            "<iframe src=\"javascript:alert(1)\"></iframe>",
            "<style>body{background:url(javascript:alert(1))}</style>",
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "[click](  javascript:alert(1))",
            "[click](java&#x73;cript:alert(1))",
            "[click](&#106;avascript:alert(1))",
            "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "[click](DATA:text/html,<script>alert(1)</script>)",
            "[click](vbscript:msgbox(1))",
            "![x](javascript:alert(1))",
            "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
            "<javascript:alert(1)>",
            "[x](\"onmouseover=\"alert(1))",
            "[x](https://ok.example \"title\\\" onmouseover=\\\"alert(1)\")",
            "`<script>alert(1)</script>` and ```\n<img src=x onerror=alert(1)>\n```");

    private InertHtml() {
    }

    public static void assertInert(String html) {
        assertInert(Jsoup.parseBodyFragment(html));
    }

    public static void assertInert(Document document) {
        assertThat(document.select("script, img, svg, iframe, object, embed, style, frame, frameset, math, base, meta"))
                .as("active elements in %s", document.body().html())
                .isEmpty();
        for (Element element : document.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                assertThat(attribute.getKey()).doesNotStartWithIgnoringCase("on");
                // Browsers ignore control characters and spaces in a URL's scheme; so does this check.
                String value = attribute.getValue().replaceAll("[\\s\\p{Cntrl}]", "");
                assertThat(value).doesNotContainPattern("(?i)^(javascript|data|vbscript):");
            }
        }
    }
}
