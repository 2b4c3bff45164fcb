package io.parley.publish.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "parley.publish")
public interface PublishConfig {

    /** Where readers' browsers send comments: ingest's public base URL, written into the form and widget. */
    String ingestUrl();

    /** Blog origins (scheme://host[:port]) that may read threads cross-origin and frame the fragment. */
    Optional<List<String>> allowedOrigins();

    /** Serves the demo blog post at /demo/; for local runs only. */
    @WithDefault("false")
    boolean demoEnabled();

    /**
     * Nesting levels shown, a top-level comment being level 1; replies deeper than this are listed,
     * oldest first, under their ancestor at the deepest level.
     */
    @WithDefault("4")
    int maxDepth();

    /** Top-level comments per page when the request names no limit. */
    @WithDefault("50")
    int defaultPageSize();
}
