package io.parley.support.messaging;

import io.opentelemetry.context.Context;
import io.parley.support.tracing.CurrentTrace;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Sends a payload under a Kafka key; the {@link Uni} completes when the broker acknowledged it.
 * The Kafka connector records the write as a producer span in the given trace context (by default
 * the caller's {@link CurrentTrace}) and puts that span's {@code traceparent} in the record's headers.
 */
public final class KeyedSend {

    private KeyedSend() {
    }

    public static <T> Uni<Void> send(MutinyEmitter<T> emitter, String key, T payload) {
        return send(emitter, key, payload, CurrentTrace.context());
    }

    public static <T> Uni<Void> send(MutinyEmitter<T> emitter, String key, T payload, Context trace) {
        return Uni.createFrom().deferred(() -> emitter.sendMessage(Message.of(payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build())
                .addMetadata(TracingMetadata.withCurrent(trace))));
    }
}
