package io.parley.publish.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;

/**
 * End-to-end latency: from ingest accepting a comment (the event's submittedAt) to publish making it
 * visible, measured once per comment, when it is first shown. Both instants come from the events'
 * timestamps, so the histogram spans every hop: ingest, Kafka, moderation, Kafka, publish.
 */
@ApplicationScoped
public class PublicationMetrics {

    private final Timer submissionToVisible;

    public PublicationMetrics(MeterRegistry registry) {
        this.submissionToVisible = Timer.builder("parley.comment.submission.to.visible")
                .description("Time from ingest accepting a comment to publish first showing it")
                .publishPercentileHistogram()
                .publishPercentiles(0.5, 0.95, 0.99)
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
    }

    void firstShown(Instant submittedAt, Instant shownAt) {
        Duration latency = Duration.between(submittedAt, shownAt);
        if (!latency.isNegative()) {
            submissionToVisible.record(latency);
        }
    }
}
