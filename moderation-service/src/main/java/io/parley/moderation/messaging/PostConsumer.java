package io.parley.moderation.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.OpenTelemetry;
import io.parley.events.PostUpdated;
import io.parley.moderation.service.PostService;
import io.parley.support.messaging.BatchConsumer;
import io.parley.support.messaging.DeadLetters;
import io.parley.support.messaging.EventReader;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Duration;

/**
 * Reads the compacted posts topic into the moderation database (its own consumer group), so relevance
 * can be judged against a post's text. Offsets are committed only after the transaction committed.
 */
@ApplicationScoped
public class PostConsumer {

    private final BatchConsumer<PostUpdated, Void> batches;

    public PostConsumer(ObjectMapper mapper, PostService posts,
                        @Channel("posts-dead-letter") MutinyEmitter<byte[]> deadLetterEmitter,
                        OpenTelemetry openTelemetry) {
        this.batches = new BatchConsumer<>("moderation-posts",
                new EventReader<>(mapper, PostUpdated.class, PostUpdated::postId, PostUpdated::postId),
                new DeadLetters(deadLetterEmitter, Duration.ofSeconds(10)),
                openTelemetry,
                posts::apply);
    }

    @Incoming("posts")
    @Blocking
    public void onPosts(ConsumerRecords<String, byte[]> records) {
        batches.consume(records);
    }
}
