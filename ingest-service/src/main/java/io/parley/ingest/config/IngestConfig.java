package io.parley.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "parley.ingest")
public interface IngestConfig {

    /** How long a submission waits for Kafka's acknowledgement before answering 503. */
    @WithDefault("5s")
    Duration kafkaWriteTimeout();

    /** The Retry-After a 503 suggests. */
    @WithDefault("5s")
    Duration retryAfter();

    /** Longest comment body, in characters after trimming. */
    @WithDefault("10000")
    int maxBodyChars();

    /** How long after posting a commenter may edit or withdraw with their edit token. */
    @WithDefault("15m")
    Duration editWindow();

    /**
     * Master secret (at least 32 characters) for edit tokens, author pseudonyms and the daily client
     * fingerprint keys. Changing it invalidates open edit tokens and resets pseudonymous trust.
     */
    String secret();

    /** Refuse comments on posts the blog has not registered (PUT /api/v1/posts/{postId}). */
    @WithDefault("false")
    boolean requireRegisteredPosts();

    /** Origins ({@code https://blog.example}) the no-JavaScript form may send readers back to. */
    Optional<List<String>> blogOrigins();

    /** How long an Idempotency-Key is remembered. */
    @WithDefault("24h")
    Duration idempotencyRetention();

    /** How old a signed form timestamp may be and still count. */
    @WithDefault("6h")
    Duration formTokenMaxAge();

    Abuse abuse();

    interface Abuse {

        /** Proof-of-work difficulty (leading zero bits) asked of the widget in quiet times. */
        @WithDefault("14")
        int baseWorkBits();

        /** Ceiling of the difficulty under a flood. */
        @WithDefault("22")
        int maxWorkBits();

        /** Comments per post and minute above which the difficulty rises (one bit per doubling). */
        @WithDefault("30")
        int floodPerPostPerMinute();

        /**
         * Comments per minute, per client fingerprint and post, accepted without a sufficient proof of
         * work (readers without JavaScript). Generous, because many Tor users share one fingerprint.
         */
        @WithDefault("10")
        int unprovenPerClientPerMinute();

        /** Hard ceiling of comments per post and minute, whatever their proof of work. */
        @WithDefault("600")
        int maxPerPostPerMinute();
    }
}
