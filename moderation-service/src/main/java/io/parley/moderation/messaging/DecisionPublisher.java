package io.parley.moderation.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.parley.events.ModerationDecision;
import io.parley.events.Outcome;
import io.parley.support.messaging.Retrying;
import io.parley.support.tracing.CurrentTrace;
import io.parley.support.tracing.ProducerSpans;
import io.parley.support.tracing.Traced;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Publishes decisions keyed by post id and waits for Kafka's acknowledgement of all of them.
 * <p>
 * They go straight to the {@code decisions} channel's own producer (its configuration: acks=all,
 * idempotence), serialized here with one prepared writer. The connector's path for each message
 * (a message, its metadata, Mutiny and context propagation, its own span) cost moderation as much CPU
 * per comment as the classifier did in a backlog drain. Each record still gets a producer span in its
 * decision's trace, with the span's {@code traceparent} in its headers.
 */
@ApplicationScoped
public class DecisionPublisher {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);
    private static final String CHANNEL = "decisions";

    private final KafkaClientService kafka;
    private final String topic;
    private final ObjectWriter writer;
    private final ProducerSpans spans;
    private final Map<Outcome, Counter> published = new EnumMap<>(Outcome.class);

    /**
     * @param channel not sent through: it is what makes the connector create the channel's producer
     */
    public DecisionPublisher(@Channel(CHANNEL) MutinyEmitter<byte[]> channel, KafkaClientService kafka,
                             @ConfigProperty(name = "mp.messaging.outgoing." + CHANNEL + ".topic") String topic,
                             ObjectMapper mapper, OpenTelemetry openTelemetry, MeterRegistry registry) {
        this.kafka = kafka;
        this.topic = topic;
        this.writer = mapper.writerFor(ModerationDecision.class);
        this.spans = new ProducerSpans(openTelemetry);
        for (Outcome outcome : Outcome.values()) {
            published.put(outcome, registry.counter("parley.moderation.decisions.published",
                    "outcome", outcome.name().toLowerCase(Locale.ROOT)));
        }
    }

    /** Publishes in the caller's trace (a moderator's request). */
    public void publish(List<ModerationDecision> decisions) {
        Context caller = CurrentTrace.context();
        publishTraced(decisions.stream().map(decision -> new Traced<>(decision, caller)).toList());
    }

    /** Publishes each decision in its own trace (that of the comment event it answers). */
    public void publishTraced(List<Traced<ModerationDecision>> decisions) {
        if (decisions.isEmpty()) {
            return;
        }
        Retrying.untilDone("publish decisions", () -> sendAll(decisions));
        decisions.forEach(d -> published.get(d.value().outcome()).increment());
    }

    private void sendAll(List<Traced<ModerationDecision>> decisions) {
        Producer<String, byte[]> producer = kafka.<String, byte[]>getProducer(CHANNEL).unwrap();
        List<CompletableFuture<Void>> acks = new ArrayList<>(decisions.size());
        for (Traced<ModerationDecision> decision : decisions) {
            RecordHeaders headers = new RecordHeaders();
            Span span = spans.start(decision.context(), topic, headers);
            CompletableFuture<Void> ack = new CompletableFuture<>();
            try {
                producer.send(new ProducerRecord<>(topic, null, decision.value().postId(),
                        json(decision.value()), headers), (metadata, failure) -> {
                    ProducerSpans.end(span, failure);
                    if (failure == null) {
                        ack.complete(null);
                    } else {
                        ack.completeExceptionally(failure);
                    }
                });
            } catch (RuntimeException e) {
                ProducerSpans.end(span, e);
                throw e;
            }
            acks.add(ack);
        }
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            // Kafka's own, which Retrying knows as passing
            throw new TimeoutException("decisions not acknowledged within " + ACK_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing decisions", e);
        }
    }

    private byte[] json(ModerationDecision decision) {
        try {
            return writer.writeValueAsBytes(decision);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("decision not writable as JSON", e);
        }
    }
}
