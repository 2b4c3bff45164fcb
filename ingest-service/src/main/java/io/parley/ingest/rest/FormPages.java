package io.parley.ingest.rest;

import io.parley.ingest.config.IngestConfig;
import io.parley.ingest.messaging.EventNotWrittenException;
import io.parley.ingest.service.CommentRefusedException;
import io.parley.ingest.service.RateLimitedException;
import io.parley.ingest.service.Receipt;
import io.parley.support.rest.Origins;
import io.parley.support.rest.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The answers a reader without JavaScript sees after posting the HTML form: a redirect back to the
 * blog, or a small self-contained page. Everything the reader typed is escaped; the page loads nothing.
 */
@ApplicationScoped
public class FormPages {

    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'none'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    private final Set<String> blogOrigins;
    private final IngestConfig config;

    public FormPages(IngestConfig config) {
        this.config = config;
        this.blogOrigins = config.blogOrigins().orElse(List.of()).stream()
                .map(Origins::of).flatMap(Optional::stream).collect(Collectors.toSet());
    }

    Response received(Receipt receipt, String returnTo) {
        Optional<URI> back = allowedReturn(returnTo);
        if (back.isPresent()) {
            return Response.seeOther(withMarker(back.get(), receipt)).build();
        }
        return page(200, "Comment received",
                "<p>Thank you. Your comment was received and will appear once it has been moderated.</p>",
                returnTo).build();
    }

    Response refused(RuntimeException failure, String returnTo) {
        if (failure instanceof CommentRefusedException refused) {
            StringBuilder body = new StringBuilder("<p>").append(escape(refused.getMessage())).append("</p>");
            if (!refused.errors().isEmpty()) {
                body.append("<p>Please go back and fix:</p><ul>");
                for (Problem.FieldError error : refused.errors()) {
                    body.append("<li><strong>").append(escape(label(error.field()))).append("</strong> ")
                            .append(escape(error.message())).append("</li>");
                }
                body.append("</ul>");
            }
            return page(refused.status(), "Your comment was not posted", body.toString(), returnTo).build();
        }
        if (failure instanceof RateLimitedException limited) {
            return page(429, "Please wait a moment",
                    "<p>Many comments are arriving right now. Please go back and send yours again in "
                            + limited.retryAfter().toSeconds() + " seconds.</p>", returnTo)
                    .header(HttpHeaders.RETRY_AFTER, limited.retryAfter().toSeconds()).build();
        }
        if (failure instanceof EventNotWrittenException) {
            return page(503, "Your comment was not posted",
                    "<p>We could not store your comment just now. Nothing was posted; please go back and send it "
                            + "again in a few seconds.</p>", returnTo)
                    .header(HttpHeaders.RETRY_AFTER, config.retryAfter().toSeconds()).build();
        }
        throw failure;
    }

    private Response.ResponseBuilder page(int status, String title, String body, String returnTo) {
        String back = allowedReturn(returnTo)
                .map(uri -> "<p><a href=\"" + escape(uri.toString()) + "\">Back to the article</a></p>")
                .orElse("");
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + "</title></head><body><main><h1>" + escape(title) + "</h1>"
                + body + back + "</main></body></html>";
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8")).entity(html)
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store");
    }

    /** Only absolute http(s) URLs on a configured blog origin: never an open redirect. */
    Optional<URI> allowedReturn(String returnTo) {
        return Origins.of(returnTo).filter(blogOrigins::contains).map(origin -> URI.create(returnTo.strip()));
    }

    private static URI withMarker(URI uri, Receipt receipt) {
        String marker = "parley=received&parley-comment=" + URLEncoder.encode(receipt.id().toString(),
                StandardCharsets.UTF_8);
        String query = uri.getRawQuery() == null ? marker : uri.getRawQuery() + "&" + marker;
        String base = uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
        return URI.create(base + "?" + query + "#parley-comments");
    }

    private static String label(String field) {
        return switch (field) {
            case "author.name" -> "Name:";
            case "author.email" -> "E-mail:";
            case "author.url" -> "Website:";
            case "body" -> "Comment:";
            default -> field + ":";
        };
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
