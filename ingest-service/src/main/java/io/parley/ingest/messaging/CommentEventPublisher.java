package io.parley.ingest.messaging;

import io.parley.events.CommentEvent;
import io.parley.ingest.config.IngestConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Writes comment events to Kafka, keyed by post id so a thread's events stay in order. The returned
 * {@link Uni} completes only when the broker acknowledged the write (acks=all), and fails within
 * the configured bound when it cannot be written.
 */
@ApplicationScoped
public class CommentEventPublisher {

    private final MutinyEmitter<CommentEvent> emitter;
    private final IngestConfig config;

    public CommentEventPublisher(@Channel("comments") MutinyEmitter<CommentEvent> emitter, IngestConfig config) {
        this.emitter = emitter;
        this.config = config;
    }

    public Uni<Void> publish(CommentEvent event) {
        Message<CommentEvent> message = Message.of(event)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.postId()).build());
        return Uni.createFrom().deferred(() -> emitter.sendMessage(message))
                .ifNoItem().after(config.kafkaWriteTimeout())
                .failWith(() -> new EventNotWrittenException("no acknowledgement from Kafka within "
                        + config.kafkaWriteTimeout()))
                .onFailure().transform(failure -> failure instanceof EventNotWrittenException
                        ? failure : new EventNotWrittenException("Kafka refused the write: " + failure.getMessage()));
    }
}
