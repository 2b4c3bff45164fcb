package io.parley.moderation.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.events.Outcome;
import io.parley.moderation.repository.ModeratedCommentRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The moderators' queue depth as a gauge. Counted by a periodic query rather than at scrape time,
 * so a Prometheus scrape never waits for the database.
 */
@ApplicationScoped
public class QueueMetrics {

    private final ModeratedCommentRepository comments;
    private final AtomicLong pending = new AtomicLong();

    public QueueMetrics(ModeratedCommentRepository comments, MeterRegistry registry) {
        this.comments = comments;
        Gauge.builder("parley.moderation.queue.depth", pending, AtomicLong::get)
                .description("Comments held for a moderator (outcome pending)")
                .register(registry);
    }

    @Scheduled(every = "10s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        pending.set(QuarkusTransaction.requiringNew().call(() -> comments.count("outcome", Outcome.PENDING)));
    }
}
