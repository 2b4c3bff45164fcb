package io.parley.ingest.messaging;

import io.parley.events.CommentEvent;
import io.parley.events.PostUpdated;
import io.parley.ingest.config.IngestConfig;
import io.parley.support.messaging.KeyedSend;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Writes ingest's events to Kafka, keyed by post id so a thread's events stay in order. Each call
 * returns only when the broker acknowledged the write (acks=all), and fails within the configured
 * bound with {@link EventNotWrittenException} when it cannot be written.
 */
@ApplicationScoped
public class EventPublisher {

    private final MutinyEmitter<CommentEvent> comments;
    private final MutinyEmitter<PostUpdated> posts;
    private final IngestConfig config;

    public EventPublisher(@Channel("comments") MutinyEmitter<CommentEvent> comments,
                          @Channel("posts-out") MutinyEmitter<PostUpdated> posts, IngestConfig config) {
        this.comments = comments;
        this.posts = posts;
        this.config = config;
    }

    public void publish(CommentEvent event) {
        publishAsync(event).await().indefinitely();
    }

    public void publish(PostUpdated post) {
        bounded(KeyedSend.send(posts, post.postId(), post)).await().indefinitely();
    }

    /**
     * Completes when the broker acknowledged the write, without holding a thread while it waits; fails
     * with {@link EventNotWrittenException} within the configured bound. The trace context is the caller's.
     */
    public Uni<Void> publishAsync(CommentEvent event) {
        return bounded(KeyedSend.send(comments, event.postId(), event));
    }

    private Uni<Void> bounded(Uni<Void> write) {
        return write.ifNoItem().after(config.kafkaWriteTimeout())
                .failWith(() -> new EventNotWrittenException("no acknowledgement from Kafka within "
                        + config.kafkaWriteTimeout()))
                .onFailure(failure -> !(failure instanceof EventNotWrittenException))
                .transform(failure -> new EventNotWrittenException("Kafka refused the write: " + failure.getMessage()));
    }
}
