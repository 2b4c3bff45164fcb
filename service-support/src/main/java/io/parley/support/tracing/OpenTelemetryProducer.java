package io.parley.support.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * The service's OpenTelemetry: W3C {@code traceparent} propagation always, OTLP/HTTP export only
 * when a collector is configured. The Kafka connector picks this bean up for its producer and
 * receive spans, and it is never registered globally (tests start several applications per JVM).
 */
public class OpenTelemetryProducer {

    private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

    @Produces
    @Singleton
    OpenTelemetrySdk openTelemetry(TracingConfig config) {
        SdkTracerProviderBuilder tracing = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(
                        Resource.create(Attributes.of(SERVICE_NAME, config.serviceName()))));
        config.exporterOtlpEndpoint().ifPresentOrElse(endpoint -> tracing.addSpanProcessor(
                        BatchSpanProcessor.builder(OtlpHttpSpanExporter.builder()
                                .setEndpoint(tracesUrl(endpoint))
                                .build()).build()),
                // Nothing would receive the spans: new traces are not sampled, so spans carry and pass on
                // their ids without being recorded (a caller's sampled trace is still honoured).
                () -> tracing.setSampler(Sampler.parentBased(Sampler.alwaysOff())));
        return OpenTelemetrySdk.builder()
                .setTracerProvider(tracing.build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
    }

    void flushOnShutdown(@Disposes OpenTelemetrySdk openTelemetry) {
        openTelemetry.shutdown().join(5, TimeUnit.SECONDS);
    }

    /** As OTEL_EXPORTER_OTLP_ENDPOINT is specified: the signal's path appended to the base address. */
    static String tracesUrl(URI endpoint) {
        String base = endpoint.toString();
        return (base.endsWith("/") ? base : base + "/") + "v1/traces";
    }
}
