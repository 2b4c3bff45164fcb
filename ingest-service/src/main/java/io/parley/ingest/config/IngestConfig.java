package io.parley.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "parley.ingest")
public interface IngestConfig {

    /** How long a submission waits for Kafka's acknowledgement before answering 503. */
    @WithDefault("5s")
    Duration kafkaWriteTimeout();

    /** The Retry-After a 503 suggests. */
    @WithDefault("5s")
    Duration retryAfter();
}
