package io.parley.ingest.service;

import io.parley.events.AbuseSignals;
import io.parley.events.CommentSubmitted;
import io.parley.ingest.messaging.CommentEventPublisher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Turns accepted requests into events; a comment exists once Kafka has acknowledged it. */
@ApplicationScoped
public class CommentIntake {

    private final CommentEventPublisher publisher;
    private final Clock clock;

    public CommentIntake(CommentEventPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Completes with the new comment's id after the broker acknowledged the write. Timestamps are
     * cut to microseconds, the precision every downstream database keeps.
     */
    public Uni<UUID> submit(NewComment comment) {
        UUID id = UUID.randomUUID();
        CommentSubmitted event = CommentSubmitted.of(id, comment.postId(), comment.parentId(), comment.author(),
                comment.body(), Instant.now(clock).truncatedTo(ChronoUnit.MICROS), null, AbuseSignals.none());
        return publisher.publish(event).replaceWith(id);
    }
}
