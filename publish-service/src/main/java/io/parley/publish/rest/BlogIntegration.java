package io.parley.publish.rest;

import io.parley.publish.config.PublishConfig;
import io.parley.support.rest.Origins;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the HTML and script Parley hands to blogs need to know about where they run: ingest's URL
 * and origin, the blog origins, and the Content-Security-Policy of Parley's own pages.
 */
@ApplicationScoped
public class BlogIntegration {

    private final String ingestUrl;
    private final String ingestOrigin;
    private final Set<String> blogOrigins;

    public BlogIntegration(PublishConfig config) {
        this.ingestUrl = config.ingestUrl().replaceAll("/+$", "");
        this.ingestOrigin = Origins.of(ingestUrl).orElseThrow(() -> new IllegalArgumentException(
                "parley.publish.ingest-url must be an absolute http(s) URL, not " + config.ingestUrl()));
        Set<String> origins = new LinkedHashSet<>();
        for (String configured : config.allowedOrigins().orElse(List.of())) {
            origins.add(Origins.of(configured).orElseThrow(() -> new IllegalArgumentException(
                    "parley.publish.allowed-origins: not an http(s) origin: " + configured)));
        }
        this.blogOrigins = Set.copyOf(origins);
    }

    /** Ingest's base URL, without a trailing slash. */
    public String ingestUrl() {
        return ingestUrl;
    }

    public String commentsEndpoint() {
        return ingestUrl + "/api/v1/comments";
    }

    /** True when {@code url} is an absolute http(s) URL on a configured blog origin. */
    public boolean isBlogUrl(String url) {
        return Origins.of(url).filter(blogOrigins::contains).isPresent();
    }

    /**
     * The fragment's policy when a browser shows it on its own or in an iframe: nothing runs, styles
     * come from Parley, the form may only go to ingest (and, after its redirect, back to the blog).
     */
    public String fragmentPolicy() {
        return "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'"
                + "; form-action " + ingestOrigin + blogSources()
                + "; frame-ancestors 'self'" + blogSources();
    }

    /** The demo page: Parley's own script and styles, talking to publish and ingest only. */
    public String demoPolicy() {
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; frame-src 'self'"
                + "; connect-src 'self' " + ingestOrigin + "; form-action 'self' " + ingestOrigin
                + "; base-uri 'none'; frame-ancestors 'none'";
    }

    private String blogSources() {
        return blogOrigins.stream().sorted().map(origin -> " " + origin).reduce("", String::concat);
    }
}
