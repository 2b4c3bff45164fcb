package io.parley.support.messaging;

import io.parley.support.tracing.CurrentTrace;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Copies a record the consumer cannot use, byte for byte and with its key, to the service's
 * dead-letter topic, with headers saying why and where it came from. Returns once Kafka has it, so
 * the original offset is committed only after the copy is safe. The copy is written in the caller's
 * trace context, so the connector's {@code traceparent} (added after the original's) continues it.
 */
public final class DeadLetters {

    public static final String REASON_HEADER = "parley-dead-letter-reason";
    public static final String ORIGIN_HEADER = "parley-dead-letter-origin";
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final MutinyEmitter<byte[]> emitter;
    private final Duration timeout;

    public DeadLetters(MutinyEmitter<byte[]> emitter, Duration timeout) {
        this.emitter = emitter;
        this.timeout = timeout;
    }

    public void send(ConsumerRecord<String, byte[]> record, String reason) {
        LOG.warnf("dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(ORIGIN_HEADER, (record.topic() + "-" + record.partition() + "@" + record.offset())
                .getBytes(StandardCharsets.UTF_8));
        Message<byte[]> message = Message.of(record.value() == null ? new byte[0] : record.value())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(record.key())
                        .withHeaders(headers)
                        .build())
                .addMetadata(TracingMetadata.withCurrent(CurrentTrace.context()));
        Retrying.untilDone("dead-letter " + record.topic(),
                () -> emitter.sendMessage(message).await().atMost(timeout));
    }
}
