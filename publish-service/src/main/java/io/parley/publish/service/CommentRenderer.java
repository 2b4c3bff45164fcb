package io.parley.publish.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.commonmark.node.Link;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Renders a commenter's Markdown to HTML that is safe to put in a reader's page. Two independent
 * layers: commonmark escapes any raw HTML the commenter typed, then an allowlist sanitiser keeps
 * only harmless elements and http, https and mailto links, whatever the renderer produced.
 */
@ApplicationScoped
public class CommentRenderer {

    private static final String LINK_REL = "nofollow ugc noopener";

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .attributeProviderFactory(context -> LINK_ATTRIBUTES)
            .build();
    private final Safelist safelist = Safelist.none()
            .addTags("p", "br", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "a", "hr")
            .addAttributes("a", "href", "rel")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addEnforcedAttribute("a", "rel", LINK_REL);
    private final Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);

    private static final AttributeProvider LINK_ATTRIBUTES = (node, tagName, attributes) -> {
        if (node instanceof Link) {
            attributes.put("rel", LINK_REL);
        }
    };

    public String render(String markdown) {
        String html = renderer.render(parser.parse(markdown));
        return Jsoup.clean(html, "", safelist, output).strip();
    }
}
