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
