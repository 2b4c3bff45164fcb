package io.parley.support.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A consumer span for processing one Kafka record, parented to the trace context its producer put
 * in the record's headers, so a consumer's work joins the trace that wrote the record.
 */
public final class RecordSpans {

    private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    private static final AttributeKey<String> PARTITION = AttributeKey.stringKey("messaging.destination.partition.id");
    private static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.offset");

    private static final TextMapGetter<ConsumerRecord<?, ?>> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(ConsumerRecord<?, ?> record) {
            List<String> keys = new ArrayList<>();
            record.headers().forEach(header -> keys.add(header.key()));
            return keys;
        }

        @Override
        public String get(ConsumerRecord<?, ?> record, String key) {
            // the last one: a copied record (a dead letter) carries its original's before its own
            Header header = record == null ? null : record.headers().lastHeader(key);
            return header == null || header.value() == null ? null
                    : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    public RecordSpans(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("io.parley.kafka");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /** Starts the record's span; the returned context holds it. End it with {@link #end}. */
    public Context start(ConsumerRecord<?, ?> record) {
        Context producer = propagator.extract(Context.root(), record, HEADERS);
        Span span = tracer.spanBuilder(record.topic() + " process")
                .setParent(producer)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute(SYSTEM, "kafka")
                .setAttribute(OPERATION, "process")
                .setAttribute(DESTINATION, record.topic())
                .setAttribute(PARTITION, String.valueOf(record.partition()))
                .setAttribute(OFFSET, record.offset())
                .startSpan();
        return producer.with(span);
    }

    public static void fail(Context record, String reason) {
        Span.fromContext(record).setStatus(StatusCode.ERROR, reason);
    }

    public static void end(Context record) {
        Span.fromContext(record).end();
    }
}
