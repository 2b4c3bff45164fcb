package io.parley.publish.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.OpenTelemetry;
import io.parley.events.ModerationDecision;
import io.parley.publish.service.ThreadService;
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

/** Consumes decisions in batches; offsets are committed only after the read model committed. */
@ApplicationScoped
public class DecisionConsumer {

    private final BatchConsumer<ModerationDecision, ModerationDecision> batches;

    public DecisionConsumer(ObjectMapper mapper, ThreadService threads,
                            @Channel("decisions-dead-letter") MutinyEmitter<byte[]> deadLetterEmitter,
                            OpenTelemetry openTelemetry) {
        this.batches = new BatchConsumer<>("publish",
                new EventReader<>(mapper, ModerationDecision.class, ModerationDecision::postId,
                        ModerationDecision::commentId),
                new DeadLetters(deadLetterEmitter, Duration.ofSeconds(10)),
                openTelemetry,
                threads::apply);
    }

    @Incoming("decisions")
    @Blocking
    public void onDecisions(ConsumerRecords<String, byte[]> records) {
        batches.consume(records);
    }
}
