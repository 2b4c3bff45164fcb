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
    /** Punctuation Markdown leaves alone inside a line, and that needs no escaping in HTML. */
    private static final String PROSE_PUNCTUATION = ".,;:?!'\"()/%$@+-=#";

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
        return isPlainProse(markdown) ? plainProse(markdown) : renderMarkdown(markdown);
    }

    /** Both layers, whatever the text: what {@link #render} does for anything but plain prose. */
    String renderMarkdown(String markdown) {
        String html = renderer.render(parser.parse(markdown));
        return Jsoup.clean(html, "", safelist, output).strip();
    }

    /**
     * Whether the text is prose that Markdown would only split into paragraphs: letters, digits, spaces
     * and punctuation that is inert inline, and every line starting with a letter, a quote or a
     * parenthesis, so no line can open a list, heading, quote or code block. Most comments are; parsing
     * and sanitizing them was a quarter of publish's work per decision. Nothing here needs escaping.
     */
    static boolean isPlainProse(String text) {
        boolean lineStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                if (i > 0 && text.charAt(i - 1) == ' ') {
                    return false;
                }
                lineStart = true;
            } else if (lineStart) {
                if (!(Character.isLetter(c) || c == '"' || c == '\'' || c == '(')) {
                    return false;
                }
                lineStart = false;
            } else if (!(Character.isLetterOrDigit(c) || c == ' ' || PROSE_PUNCTUATION.indexOf(c) >= 0)) {
                return false;
            }
        }
        return !text.endsWith(" ");
    }

    /** Paragraphs are separated by blank lines; lines within one keep their line break, as Markdown does. */
    private static String plainProse(String text) {
        StringBuilder html = new StringBuilder(text.length() + 16);
        boolean inParagraph = false;
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) {
                if (inParagraph) {
                    html.append("</p>");
                    inParagraph = false;
                }
            } else if (inParagraph) {
                html.append('\n').append(line);
            } else {
                html.append(html.isEmpty() ? "<p>" : "\n<p>").append(line);
                inParagraph = true;
            }
        }
        return inParagraph ? html.append("</p>").toString() : html.toString();
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
