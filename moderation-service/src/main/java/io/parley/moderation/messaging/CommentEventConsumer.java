package io.parley.moderation.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.OpenTelemetry;
import io.parley.events.CommentEvent;
import io.parley.events.ModerationDecision;
import io.parley.moderation.service.ModerationService;
import io.parley.support.messaging.BatchConsumer;
import io.parley.support.messaging.DeadLetters;
import io.parley.support.messaging.EventReader;
import io.parley.support.tracing.Traced;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Duration;
import java.util.List;

/**
 * Consumes comment events in batches. The batch is acknowledged (and its offsets committed) only
 * after the database transaction committed and Kafka acknowledged the resulting decisions. Each
 * decision is published in the trace of the comment event that caused it.
 */
@ApplicationScoped
public class CommentEventConsumer {

    private final BatchConsumer<CommentEvent, ModerationDecision> batches;
    private final DecisionPublisher decisions;

    public CommentEventConsumer(ObjectMapper mapper, ModerationService moderation, DecisionPublisher decisions,
                                @Channel("comments-dead-letter") MutinyEmitter<byte[]> deadLetterEmitter,
                                OpenTelemetry openTelemetry) {
        this.decisions = decisions;
        this.batches = new BatchConsumer<>("moderation",
                new EventReader<>(mapper, CommentEvent.class, CommentEvent::postId, CommentEvent::commentId),
                new DeadLetters(deadLetterEmitter, Duration.ofSeconds(10)),
                openTelemetry,
                moderation::apply);
    }

    @Incoming("comments")
    @Blocking
    public void onComments(ConsumerRecords<String, byte[]> records) {
        List<Traced<ModerationDecision>> toPublish = batches.consumeTraced(records, CommentEvent::commentId,
                ModerationDecision::commentId);
        decisions.publishTraced(toPublish);
    }
}
