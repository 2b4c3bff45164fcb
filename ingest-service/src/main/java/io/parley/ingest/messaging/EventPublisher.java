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
        await(KeyedSend.send(comments, event.postId(), event));
    }

    public void publish(PostUpdated post) {
        await(KeyedSend.send(posts, post.postId(), post));
    }

    private void await(Uni<Void> write) {
        try {
            write.await().atMost(config.kafkaWriteTimeout());
        } catch (io.smallrye.mutiny.TimeoutException e) {
            throw new EventNotWrittenException("no acknowledgement from Kafka within " + config.kafkaWriteTimeout());
        } catch (RuntimeException e) {
            throw new EventNotWrittenException("Kafka refused the write: " + e.getMessage());
        }
    }
}
