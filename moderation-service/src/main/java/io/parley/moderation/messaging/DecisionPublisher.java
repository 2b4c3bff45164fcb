package io.parley.moderation.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Context;
import io.parley.events.ModerationDecision;
import io.parley.support.messaging.KeyedSend;
import io.parley.support.messaging.Retrying;
import io.parley.support.tracing.CurrentTrace;
import io.parley.support.tracing.Traced;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

import java.time.Duration;
import java.util.List;

/** Publishes decisions keyed by post id and waits for Kafka's acknowledgement of all of them. */
@ApplicationScoped
public class DecisionPublisher {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

    private final MutinyEmitter<ModerationDecision> emitter;
    private final MeterRegistry registry;

    public DecisionPublisher(@Channel("decisions") MutinyEmitter<ModerationDecision> emitter, MeterRegistry registry) {
        this.emitter = emitter;
        this.registry = registry;
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
        Retrying.untilDone("publish decisions", () -> Uni.join()
                .all(decisions.stream().map(this::send).toList())
                .andFailFast()
                .await().atMost(ACK_TIMEOUT));
        decisions.forEach(d -> registry.counter("parley.moderation.decisions.published", "outcome",
                d.value().outcome().name().toLowerCase(java.util.Locale.ROOT)).increment());
    }

    private Uni<Void> send(Traced<ModerationDecision> decision) {
        return KeyedSend.send(emitter, decision.value().postId(), decision.value(), decision.context());
    }
}
