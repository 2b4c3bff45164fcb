package io.parley.publish.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.commonmark.node.Link;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

import java.net.URI;
import java.net.URISyntaxException;

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

    /**
     * The commenter's home page if it is an absolute http or https URL, else nothing: ingest checks
     * this too, but publish puts it in an href and trusts no producer with that.
     */
    public static String safeAuthorUrl(String url) {
        if (url == null || url.isBlank() || url.length() > 2048) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme();
            if (scheme == null || uri.getHost() == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                return null;
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
