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
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Consumes comment events in batches. A batch is acknowledged (and its offsets committed) only after
 * the database transaction committed and Kafka acknowledged the resulting decisions. Each decision is
 * published in the trace of the comment event that caused it.
 * <p>
 * While one batch's decisions wait for Kafka's acknowledgement, the next batch is already moderated
 * ({@link BackgroundSends}): the wait was a sixth of the consumer's time in a backlog drain.
 */
@ApplicationScoped
public class CommentEventConsumer {

    private final BatchConsumer<CommentEvent, ModerationDecision> batches;
    private final DecisionPublisher decisions;
    private final BackgroundSends sends = new BackgroundSends("parley-decision-sender");

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
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> onComments(KafkaRecordBatch<String, byte[]> batch) {
        @SuppressWarnings("unchecked")
        ConsumerRecords<String, byte[]> records = batch.getMetadata(IncomingKafkaRecordBatchMetadata.class)
                .orElseThrow().getRecords();
        List<Traced<ModerationDecision>> toPublish = batches.consumeTraced(records, CommentEvent::commentId,
                ModerationDecision::commentId);
        sends.send(batch, () -> decisions.publishTraced(toPublish));
        return CompletableFuture.completedFuture(null);
    }

    @PreDestroy
    void stopSending() {
        sends.close();
    }
}
