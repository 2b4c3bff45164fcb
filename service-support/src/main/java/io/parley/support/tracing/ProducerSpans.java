package io.parley.support.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;

/**
 * A producer span for writing one Kafka record, in the trace the record belongs to, with that span's
 * {@code traceparent} put in the record's headers, as the Kafka connector does for what it sends: the
 * consumer's span (see {@link RecordSpans}) then continues this one.
 */
public final class ProducerSpans {

    private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");

    private static final TextMapSetter<Headers> HEADERS = (headers, key, value) -> {
        if (headers != null) {
            headers.remove(key);
            headers.add(key, value.getBytes(StandardCharsets.UTF_8));
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    public ProducerSpans(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("io.parley.kafka");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /** Starts the span under {@code parent} and writes it into {@code headers}; end it with {@link #end}. */
    public Span start(Context parent, String topic, Headers headers) {
        Span span = tracer.spanBuilder(topic + " publish")
                .setParent(parent)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute(SYSTEM, "kafka")
                .setAttribute(OPERATION, "publish")
                .setAttribute(DESTINATION, topic)
                .startSpan();
        propagator.inject(parent.with(span), headers, HEADERS);
        return span;
    }

    /** Ends the span once the broker answered; {@code failure} is null when it acknowledged the record. */
    public static void end(Span span, Throwable failure) {
        if (failure != null) {
            span.setStatus(StatusCode.ERROR, failure.toString());
        }
        span.end();
    }
}
