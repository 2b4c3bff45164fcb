package io.parley.support.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenTelemetryProducerTest {

    @Test
    void tracesGoToTheSignalPathBelowTheConfiguredBaseAddress() {
        assertEquals("http://collector:4318/v1/traces",
                OpenTelemetryProducer.tracesUrl(URI.create("http://collector:4318")));
        assertEquals("http://collector:4318/v1/traces",
                OpenTelemetryProducer.tracesUrl(URI.create("http://collector:4318/")));
        assertEquals("https://gateway.example/otlp/v1/traces",
                OpenTelemetryProducer.tracesUrl(URI.create("https://gateway.example/otlp")));
    }

    @Test
    void withoutAnEndpointTraceContextStillPropagates() {
        OpenTelemetrySdk openTelemetry = new OpenTelemetryProducer().openTelemetry(config(Optional.empty()));
        Span span = openTelemetry.getTracer("test").spanBuilder("work").startSpan();
        Map<String, String> headers = new HashMap<>();

        openTelemetry.getPropagators().getTextMapPropagator().inject(Context.root().with(span), headers, Map::put);

        assertTrue(headers.get("traceparent").startsWith(
                "00-" + span.getSpanContext().getTraceId() + "-" + span.getSpanContext().getSpanId() + "-"));
        openTelemetry.shutdown();
    }

    @Test
    void withoutAnEndpointNewTracesAreNotRecordedButASampledCallersAre() {
        OpenTelemetrySdk openTelemetry = new OpenTelemetryProducer().openTelemetry(config(Optional.empty()));
        Span root = openTelemetry.getTracer("test").spanBuilder("work").startSpan();
        Map<String, String> sampledCaller = Map.of("traceparent",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        Context callerContext = openTelemetry.getPropagators().getTextMapPropagator().extract(Context.root(),
                sampledCaller, new io.opentelemetry.context.propagation.TextMapGetter<>() {
                    @Override
                    public Iterable<String> keys(Map<String, String> carrier) {
                        return carrier.keySet();
                    }

                    @Override
                    public String get(Map<String, String> carrier, String key) {
                        return carrier.get(key);
                    }
                });
        Span child = openTelemetry.getTracer("test").spanBuilder("work").setParent(callerContext).startSpan();

        assertTrue(root.getSpanContext().isValid());
        assertFalse(root.isRecording());
        assertTrue(child.isRecording());
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", child.getSpanContext().getTraceId());
        openTelemetry.shutdown();
    }

    private static TracingConfig config(Optional<URI> endpoint) {
        return new TracingConfig() {
            @Override
            public String serviceName() {
                return "test-service";
            }

            @Override
            public Optional<URI> exporterOtlpEndpoint() {
                return endpoint;
            }
        };
    }
}
