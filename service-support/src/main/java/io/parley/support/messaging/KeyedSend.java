package io.parley.support.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Sends a payload under a Kafka key; the {@link Uni} completes when the broker acknowledged it. */
public final class KeyedSend {

    private KeyedSend() {
    }

    public static <T> Uni<Void> send(MutinyEmitter<T> emitter, String key, T payload) {
        return Uni.createFrom().deferred(() -> emitter.sendMessage(Message.of(payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build())));
    }
}
