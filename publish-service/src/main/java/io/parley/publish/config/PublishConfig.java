package io.parley.publish.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
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

    /** This instance's read cache of thread versions, counts and serialized pages. */
    Cache cache();

    interface Cache {

        /** Off: every read goes to the database. */
        @WithDefault("true")
        boolean enabled();

        /** Posts whose thread version and count are kept. */
        @WithDefault("10000")
        int maxPosts();

        /** Memory for serialized pages (JSON bytes), rarely used pages dropped first. */
        @WithDefault("32M")
        MemorySize maxPageMemory();

        /** Longest wait before reconnecting a lost change listener; the wait doubles from 100 ms up to this. */
        @WithDefault("30s")
        Duration maxReconnectDelay();
    }
}
